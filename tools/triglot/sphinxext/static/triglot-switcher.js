// triglot: the language switcher. Its links are built with the page and work without this
// script; when one is followed, this points it at the paragraph at the top of the window
// (its anchor is the same in every language's site), keeps the query (the search page's
// ?q=) and remembers the choice for the site's root page. The paragraph's place in the
// window, or the scroll position when no paragraph is in view, goes along in
// sessionStorage and is restored on arrival.
(function () {
  "use strict";
  var CHOICE = "triglot-language", PLACE = "triglot-place";
  // Anchors every language's site shares: paragraphs, glossary entries.
  var SHARED = 'p[id^="p-"], dt[id^="term-"]';
  var SWITCH = "nav.triglot-languages a[hreflang]";

  function store(area, key, value) {
    try { window[area].setItem(key, value); } catch (e) { /* storage disabled */ }
  }
  function fetch(area, key) {
    try { return window[area].getItem(key); } catch (e) { return null; }
  }
  // What hides the top of the window: the sticky switcher (and a theme's sticky header).
  function covered() {
    var nav = document.querySelector("nav.triglot-languages");
    var bottom = nav ? nav.getBoundingClientRect().bottom : 0;
    return bottom > 0 && bottom < window.innerHeight / 3 ? bottom : 0;
  }
  // The first shared anchor still showing below the covered top of the window.
  function reading() {
    var top = covered(), anchors = document.querySelectorAll(SHARED);
    for (var i = 0; i < anchors.length; i++) {
      var box = anchors[i].getBoundingClientRect();
      if (box.bottom > top + 1) {
        return box.top < window.innerHeight ? {id: anchors[i].id, top: box.top - top} : null;
      }
    }
    return null;
  }
  // At the top of the page, the paragraph the URL names if it is in view (a page too short
  // to scroll to it), else none: the other page opens at its top too.
  function named() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    var box = target && target.matches(SHARED) && target.getBoundingClientRect();
    return box && box.top >= 0 && box.top < window.innerHeight ? {id: target.id, top: box.top} : null;
  }
  function aim(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    var here = window.scrollY > 0 ? reading() : named();
    url.hash = here && link.className === "triglot-switch" ? here.id : "";
    if (!url.search) { url.search = location.search; }
    link.href = url.href;
    var height = document.documentElement.scrollHeight - window.innerHeight;
    store("sessionStorage", PLACE, JSON.stringify({
      to: url.pathname, id: url.hash.slice(1), top: here ? here.top : 0,
      ratio: height > 0 ? window.scrollY / height : 0}));
  }
  ["click", "auxclick", "contextmenu"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var link = event.target.closest && event.target.closest(SWITCH);
      if (!link) { return; }
      aim(link);
      if (kind !== "contextmenu") { store("localStorage", CHOICE, link.hreflang); }
    }, true);
  });
  // On arrival from a switch: the paragraph where it was in the window (at most a third
  // of the way down), or the same share of the page scrolled.
  function arrive() {
    var place;
    try { place = JSON.parse(fetch("sessionStorage", PLACE) || "null"); } catch (e) { return; }
    if (!place || place.to !== location.pathname) { return; }
    store("sessionStorage", PLACE, "null");
    var target = place.id && document.getElementById(place.id);
    if (target) {
      var shift = Math.min(Math.max(place.top, 0), window.innerHeight / 3);
      window.scrollBy({top: target.getBoundingClientRect().top - covered() - shift,
                       behavior: "instant"});
    } else {
      var height = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo({top: place.ratio * height, behavior: "instant"});
    }
  }
  if (document.readyState === "complete") { arrive(); }
  else { window.addEventListener("load", arrive); }
})();
