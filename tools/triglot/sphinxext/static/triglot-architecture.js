// Architecture diagrams: step through a request hop by hop, and open the figure full size.
// No dependencies; the SVG and its text description are complete without this script.
// The controls' words come from the page (data-label-* attributes, in its language).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".triglot-architecture-view").forEach(function (view) {
    var svg = view.querySelector("svg");
    var steps = view.querySelectorAll(".triglot-architecture-description li[data-targets]");
    function word(key) { return view.getAttribute("data-label-" + key) || ""; }
    function button(text, label, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.title = label;
      b.addEventListener("click", action);
      return b;
    }
    var controls = document.createElement("div");
    controls.className = "triglot-arch-controls";
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", word("controls"));

    // The step-through: the hop's arrow and components lit, the others dimmed, the
    // hop's sentence marked in the description and announced in a live region.
    var current = 0;
    var status = document.createElement("span");
    status.className = "triglot-arch-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    function show(step) {
      current = Math.max(0, Math.min(steps.length, step));
      view.classList.toggle("stepping", current > 0);
      view.querySelectorAll("svg .active").forEach(function (el) {
        el.classList.remove("active");
      });
      steps.forEach(function (item, i) {
        var on = i + 1 === current;
        item.classList.toggle("active", on);
        if (!on) { return; }
        item.getAttribute("data-targets").split(" ").forEach(function (id) {
          var target = document.getElementById(id);
          if (target) { target.classList.add("active"); }
        });
      });
      status.textContent = current ?
        current + "/" + steps.length + " " + steps[current - 1].textContent : "";
    }
    if (steps.length && svg) {
      controls.appendChild(button("\u25C0", word("previous"), function () { show(current - 1); }));
      controls.appendChild(button("\u25B6", word("next"), function () { show(current + 1); }));
      controls.addEventListener("keydown", function (event) {
        var moves = {ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0,
                     End: steps.length};
        if (event.key in moves) {
          show(moves[event.key]);
          event.preventDefault();
        }
      });
    }

    // Full size: the view moves into a modal dialog (Escape closes it, focus stays in
    // it), its SVG at the size Graphviz drew it, zoomable; then it moves back.
    if (svg && typeof HTMLDialogElement !== "undefined") {
      var natural = svg.viewBox.baseVal ? svg.viewBox.baseVal.width * 4 / 3 : 0;  // pt -> px
      var zoom = 1;
      var dialog = document.createElement("dialog");
      dialog.className = "triglot-arch-dialog";
      dialog.setAttribute("aria-label", word("open"));
      var bar = document.createElement("div");
      bar.className = "triglot-arch-dialog-bar";
      var frame = document.createElement("div");
      frame.className = "triglot-arch-dialog-frame";
      var placeholder = document.createComment("triglot figure");
      function scale(factor) {
        zoom = Math.max(0.25, Math.min(4, zoom * factor));
        svg.style.width = natural ? natural * zoom + "px" : "";
      }
      bar.appendChild(button("\u2212", word("zoom-out"), function () { scale(1 / 1.25); }));
      bar.appendChild(button("+", word("zoom-in"), function () { scale(1.25); }));
      bar.appendChild(button("\u2715", word("close"), function () { dialog.close(); }));
      dialog.appendChild(bar);
      dialog.appendChild(frame);
      dialog.addEventListener("close", function () {
        placeholder.replaceWith(view);
        view.classList.remove("opened");
        svg.style.width = "";
        opener.focus();
      });
      var opener = button(word("open"), word("open"), function () {
        view.replaceWith(placeholder);
        frame.appendChild(view);
        view.classList.add("opened");
        zoom = 1;
        scale(1);
        dialog.showModal();
      });
      opener.classList.add("triglot-arch-open");
      controls.appendChild(opener);
      document.body.appendChild(dialog);
    }
    controls.appendChild(status);
    view.insertBefore(controls, view.firstChild);
  });
});
