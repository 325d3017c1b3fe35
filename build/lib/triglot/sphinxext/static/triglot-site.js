// triglot: the language switcher's links are built with the page; this only carries the
// paragraph being read (the URL fragment) over to the other language.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.triglot-switch");
  if (link && location.hash && link.href.indexOf("#") < 0) {
    link.href = link.href + location.hash;
  }
});
