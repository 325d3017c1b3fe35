"""Japanese search that finds 名前付きパイプ, ``w3wp.exe`` and アプリケーション プール.

Japanese is written without spaces, so both sides of the search must cut text into the
same words. The index side cuts with Sudachi (SudachiPy and its core dictionary, the
``ja`` extra; the tokenizer term analysis uses), in its finest units (split mode A), and
keeps runs of ASCII identifier characters (letters, digits, ``_ . -``) whole, which
Sudachi and Sphinx's splitter would cut into ``w``, ``3wp``, ``.exe``.

The query side runs in the browser, where Sudachi is not. It needs no dictionary of its
own: the index's words are Sudachi's, so a query typed without spaces (分離レベル) is
segmented into the index's words (分離, レベル), preferring the segmentation that leaves
the fewest characters outside any indexed word, then the fewest words (as Sphinx's own
splitters segment with their TinySegmenter, but with the words the index actually holds).
What no indexed word covers stays one search word per script (a word the site does not
use finds nothing; a prefix such as アプリ finds アプリケーション), but for single
characters (性, の), which the index never holds (Sphinx drops them) and so are dropped.

Without SudachiPy the index is cut by Sphinx's splitter (TinySegmenter), identifiers
and katakana compounds kept whole, and the build says so in a note.

It is used only for Japanese builds of projects that set no ``html_search_options``.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import SearchLanguage
from sphinx.search.ja import BaseSplitter, DefaultSplitter, SearchJapanese
from sphinx.util import logging

from triglot.sphinxext.core.locations import file_location

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

# An identifier: word characters joined by . - _ (a trailing dot ends a sentence).
IDENTIFIER = re.compile(r"[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*")
# Katakana words joined by a space, an ideographic space or a middle dot.
KATAKANA_COMPOUND = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:[ \u3000\u30fb][\u30a1-\u30fa\u30fc]+)+")
COMPOUND_SEPARATORS = re.compile(r"[ \u3000\u30fb]")
WORD = re.compile(r"\w")

# The browser side. Sphinx defines splitQuery(query) in language_data.js from this and
# calls it once the index is loaded (Search._index); before that, or in a page without
# the index, a query is split on punctuation only.
JS_SPLITTER = r"""
var triglotIndexWords = null;
function triglotWords() {
  if (triglotIndexWords === null && typeof Search !== "undefined" && Search._index) {
    var words = new Set(Object.keys(Search._index.terms || {})
      .concat(Object.keys(Search._index.titleterms || {})));
    var longest = 0;
    words.forEach(function (word) { longest = Math.max(longest, Array.from(word).length); });
    triglotIndexWords = {has: function (w) { return words.has(w); }, longest: longest};
  }
  return triglotIndexWords;
}
// Characters outside any indexed word, cut where the script changes (性|の); a piece of
// one character is dropped, as the index drops it (SearchJapanese.word_filter).
var triglotScripts = new RegExp(["\\p{Script=Han}+", "[\\p{Script=Katakana}\\u30fc]+",
  "\\p{Script=Hiragana}+", "[^\\p{Script=Han}\\p{Script=Katakana}\\u30fc\\p{Script=Hiragana}]+"]
  .join("|"), "gu");
function triglotUnknown(text) {
  return (text.match(triglotScripts) || []).filter(function (piece) {
    return Array.from(piece).length > 1;
  });
}
// The index's words that cover chunk best: fewest characters outside any word, then
// fewest words; characters outside any word stay together as one search word.
function triglotSegment(chunk, words) {
  var chars = Array.from(chunk), lower = Array.from(chunk.toLowerCase());
  if (!words || chars.length !== lower.length || words.has(lower.join(""))) {
    return [chunk];
  }
  var n = chars.length, best = [{unknown: 0, count: 0, from: -1, known: true}];
  for (var end = 1; end <= n; end++) {
    var prev = best[end - 1];
    best[end] = {unknown: prev.unknown + 1, count: prev.count + 1, from: end - 1, known: false};
    for (var start = Math.max(0, end - words.longest); start < end; start++) {
      var here = best[start];
      if (words.has(lower.slice(start, end).join("")) &&
          (here.unknown < best[end].unknown ||
           (here.unknown === best[end].unknown && here.count + 1 < best[end].count))) {
        best[end] = {unknown: here.unknown, count: here.count + 1, from: start, known: true};
      }
    }
  }
  var pieces = [];
  for (var at = n; at > 0; at = best[at].from) {
    var text = chars.slice(best[at].from, at).join("");
    if (!best[at].known && pieces.length && !pieces[0].known) {
      pieces[0].text = text + pieces[0].text;
    } else {
      pieces.unshift({text: text, known: best[at].known});
    }
  }
  var terms = [];
  pieces.forEach(function (p) {
    if (p.known) { terms.push(p.text); } else { terms.push.apply(terms, triglotUnknown(p.text)); }
  });
  return terms;
}
function splitQuery(query) {
  var identifier = /[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*/g;
  var words = triglotWords();
  var terms = [];
  var rest = query.replace(identifier, function (word) { terms.push(word); return " "; });
  rest.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/u).forEach(function (chunk) {
    if (chunk) { terms.push.apply(terms, triglotSegment(chunk, words)); }
  });
  return terms;
}
"""


class SudachiSplitter(BaseSplitter):
    """Sudachi's words (split mode A), ASCII identifiers kept whole.

    >>> SudachiSplitter({}).split("w3wp.exe が名前付きパイプで aspnet_isapi.dll を呼ぶ。")
    ['w3wp.exe', 'aspnet_isapi.dll', 'が', '名前', '付き', 'パイプ', 'で', 'を', '呼ぶ']
    """

    def split(self, input: str) -> list[str]:
        from triglot.terms.cjk import japanese_morphemes

        rest = IDENTIFIER.sub(" ", input)
        return IDENTIFIER.findall(input) + [
            surface for surface, _known in japanese_morphemes(rest) if WORD.search(surface)]


class IdentifierSplitter(DefaultSplitter):
    """Without Sudachi: Sphinx's splitter, ASCII identifiers and katakana compounds whole.

    >>> IdentifierSplitter({}).split("w3wp.exe が aspnet_isapi.dll を読み込みます。")[:2]
    ['w3wp.exe', 'aspnet_isapi.dll']
    >>> IdentifierSplitter({}).split("各アプリケーション プール")
    ['アプリケーションプール', '各', 'アプリケーション', 'プール']
    """

    def split(self, input: str) -> list[str]:
        words = IDENTIFIER.findall(input)
        words += [COMPOUND_SEPARATORS.sub("", compound)
                  for compound in KATAKANA_COMPOUND.findall(input)]
        rest = IDENTIFIER.sub(" ", input)
        return words + [w for w in super().split(rest) if w.strip()]


def has_sudachi() -> bool:
    """Whether SudachiPy and its core dictionary are installed (the ``ja`` extra)."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("sudachipy", "sudachidict_core"))


class TriglotSearchJapanese(SearchJapanese):
    """Sphinx's Japanese search with :class:`SudachiSplitter` (else
    :class:`IdentifierSplitter`) and the browser side that segments queries alike."""

    js_splitter_code = JS_SPLITTER
    splitter: BaseSplitter  # type: ignore[assignment]  # Sphinx types it as its own only

    def __init__(self, options: dict[str, str]) -> None:
        SearchLanguage.__init__(self, options)  # Sphinx's would load its own splitter
        self.splitter = (SudachiSplitter if has_sudachi() else IdentifierSplitter)(options)


def _choose_splitter(app: Sphinx, config: Config) -> None:
    """Japanese search is triglot's only where the index is Japanese and the project has
    not chosen its own search options; otherwise Sphinx's (the table of search languages
    is the process's, so a build after another one in the same process sets it back)."""
    language = config.html_search_language or config.language or ""
    wanted = language.replace("-", "_").split("_")[0] == "ja" and not config.html_search_options
    app.add_search_language(TriglotSearchJapanese if wanted else SearchJapanese)
    if wanted and not has_sudachi():
        # a note, not a warning: Sphinx's own splitter is what plain Sphinx builds with, so
        # a -W build that adopts triglot without the ja extra still passes
        logger.info("triglot: Japanese search would split words with Sudachi, which needs "
                    "triglot[ja] (pip install 'triglot[ja]'); built with Sphinx's splitter",
                    location=file_location(Path(app.confdir, "conf.py")))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _choose_splitter)
