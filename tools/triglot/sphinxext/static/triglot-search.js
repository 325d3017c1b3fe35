// Search result snippets show the page's own text: not the folded other languages, the
// paragraph links or a diagram's SVG (its labels and ids; the description is the text).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Search === "undefined" || !Search.htmlToText) { return; }
  var pageText = Search.htmlToText;
  var furniture = ".triglot-counterparts, .triglot-para-links, .triglot-architecture-view svg";
  Search.htmlToText = function (htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(furniture).forEach(function (el) { el.remove(); });
    return pageText(page.documentElement.outerHTML, anchor);
  };
});
