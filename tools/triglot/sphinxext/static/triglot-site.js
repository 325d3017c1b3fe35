// triglot: the site's scripts (the switcher's are in triglot-switcher.js).

// Counterparts on demand: an empty fold, when opened, loads its page's counterparts
// script once (named in the page's head; a script, so that pages opened from the file
// system work too), which calls triglotCounterparts with every fold's contents.
window.triglotCounterparts = function (src, bodies) {
  document.querySelectorAll("details.triglot-counterparts[data-triglot-anchor]").forEach(
    function (fold) {
      var body = bodies[fold.getAttribute("data-triglot-anchor")];
      if (body !== undefined) {
        fold.insertAdjacentHTML("beforeend", body);
        fold.removeAttribute("data-triglot-anchor");
      }
    });
};
document.addEventListener("toggle", function (event) {
  var fold = event.target;
  var meta = document.querySelector('meta[name="triglot-counterparts"]');
  if (!fold.open || !meta || !fold.getAttribute || !fold.getAttribute("data-triglot-anchor") ||
      document.querySelector("script[data-triglot-counterparts]")) {
    return;
  }
  var script = document.createElement("script");
  script.src = meta.getAttribute("content");
  script.setAttribute("data-triglot-counterparts", "");
  document.head.appendChild(script);
}, true);
