"""Search result snippets of the page's own text, in every language.

Sphinx's search page builds a result's snippet from the text of the page it links to;
there the folded other-language text, the paragraph links and a diagram's SVG labels
and ids would be mixed in. The search page gets a script that leaves them out (they are
not in the search index: they have no text in the doctree, and a diagram's text is its
description).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: Any) -> None:
    if templatename == "search.html":
        app.add_js_file("triglot-search.js")  # in html-page-context: this page only


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _add_script)
