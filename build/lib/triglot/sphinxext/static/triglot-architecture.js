// Step through a request's trace on an inline SVG sequence diagram. No dependencies.
// The control's words come from the page (data-label-* attributes, in the page's language).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".triglot-architecture-view").forEach(function (view) {
    var steps = parseInt(view.getAttribute("data-steps"), 10) || 0;
    var prefix = view.getAttribute("data-prefix");
    if (!steps) { return; }
    var items = view.querySelectorAll(".triglot-architecture-description li");
    var status = document.createElement("span");
    status.setAttribute("aria-live", "polite");
    var current = 0;
    function show(step) {
      current = Math.max(0, Math.min(steps, step));
      view.classList.toggle("stepping", current > 0);
      for (var i = 1; i <= steps; i++) {
        var hop = document.getElementById(prefix + "-hop-" + i);
        if (hop) { hop.classList.toggle("active", i === current); }
        if (items[i - 1]) { items[i - 1].classList.toggle("active", i === current); }
      }
      status.textContent = current ? current + "/" + steps + " " +
        (items[current - 1] ? items[current - 1].textContent : "") : "";
    }
    function word(key) { return view.getAttribute("data-label-" + key) || ""; }
    function button(text, label, delta) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", function () { show(current + delta); });
      return b;
    }
    var controls = document.createElement("div");
    controls.className = "triglot-arch-controls";
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", word("controls"));
    controls.appendChild(button("\u25C0", word("previous"), -1));
    controls.appendChild(button("\u25B6", word("next"), 1));
    controls.appendChild(status);
    view.insertBefore(controls, view.firstChild);
  });
});
