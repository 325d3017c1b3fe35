// triglot: a term link's definition (its title) also for keyboard and touch readers. The
// style shows it beside the link on keyboard focus; a first tap on a term shows it (the
// class triglot-shown), a second tap follows the link, and a tap elsewhere or Escape hides it.
(function () {
  "use strict";
  var touched = false;
  function shown() { return document.querySelector("a.triglot-term.triglot-shown"); }
  function hide() {
    var term = shown();
    if (term) { term.classList.remove("triglot-shown"); }
  }
  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType === "touch";
  }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.triglot-term[title]");
    if (term && touched && !term.classList.contains("triglot-shown")) {
      event.preventDefault();
      hide();
      term.classList.add("triglot-shown");
    } else if (!term) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
})();
