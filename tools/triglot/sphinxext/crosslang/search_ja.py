"""Japanese search that finds ``w3wp.exe``, ``aspnet_isapi.dll`` and アプリケーション プール.

Sphinx's Japanese splitter cuts ASCII identifiers into pieces (``w``, ``3wp``, ``.exe``)
and its browser side splits queries on punctuation, so neither side can meet. Here runs
of ASCII identifier characters (letters, digits, ``_ . - \\``) are kept whole on both
sides, and the rest of the text goes to Sphinx's own splitter.

A katakana compound is written with a space or a middle dot between its words
(アプリケーション プール) or without (アプリケーションプール); the index holds its words
and the compound written solid, so a query in either spelling finds it (the browser
side splits a spaced query into words, which must all occur).

It is used only for Japanese builds of projects that set no ``html_search_options``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx.search.ja import DefaultSplitter, SearchJapanese

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# An identifier: word characters joined by . - _ (a trailing dot ends a sentence).
IDENTIFIER = re.compile(r"[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*")
# Katakana words joined by a space, an ideographic space or a middle dot.
KATAKANA_COMPOUND = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:[ \u3000\u30fb][\u30a1-\u30fa\u30fc]+)+")
COMPOUND_SEPARATORS = re.compile(r"[ \u3000\u30fb]")

JS_SPLITTER = r"""
function splitQuery(query) {
  var identifier = /[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*/g;
  var terms = [];
  var rest = query.replace(identifier, function (word) { terms.push(word); return " "; });
  rest.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/u).forEach(function (term) {
    if (term) { terms.push(term); }
  });
  return terms;
}
"""


class IdentifierSplitter(DefaultSplitter):
    """Keep ASCII identifiers whole; split everything else with Sphinx's splitter.

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


class TriglotSearchJapanese(SearchJapanese):
    """Sphinx's Japanese search with :class:`IdentifierSplitter` and its browser twin."""

    js_splitter_code = JS_SPLITTER

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        if options.get("type") is None:
            self.splitter = IdentifierSplitter(options)


def _choose_splitter(app: Sphinx, config: Config) -> None:
    """Japanese search is triglot's only where the index is Japanese and the project has
    not chosen its own search options; otherwise Sphinx's (the table of search languages
    is the process's, so a build after another one in the same process sets it back)."""
    language = config.html_search_language or config.language or ""
    wanted = language.replace("-", "_").split("_")[0] == "ja" and not config.html_search_options
    app.add_search_language(TriglotSearchJapanese if wanted else SearchJapanese)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _choose_splitter)
