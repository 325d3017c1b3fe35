// triglot: the language switcher's links are built with the page; this only carries the
// paragraph being read (the URL fragment) over to the other language.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.triglot-switch");
  if (link && location.hash && link.href.indexOf("#") < 0) {
    link.href = link.href + location.hash;
  }
});

// Counterparts on demand: an empty fold, when opened, loads its page's counterparts
// script once (a script, so that pages opened from the file system work too); the script
// calls triglotCounterparts with every fold's contents, by paragraph anchor.
window.triglotCounterparts = function (src, bodies) {
  document.querySelectorAll("details.triglot-counterparts[data-triglot-src]").forEach(
    function (fold) {
      var body = bodies[fold.getAttribute("data-triglot-anchor")];
      if (fold.getAttribute("data-triglot-src") === src && body !== undefined) {
        fold.insertAdjacentHTML("beforeend", body);
        fold.removeAttribute("data-triglot-src");
      }
    });
};
document.addEventListener("toggle", function (event) {
  var fold = event.target;
  var src = fold.getAttribute && fold.getAttribute("data-triglot-src");
  if (!fold.open || !src || document.querySelector('script[src="' + src + '"]')) {
    return;
  }
  var script = document.createElement("script");
  script.src = src;
  document.head.appendChild(script);
}, true);
