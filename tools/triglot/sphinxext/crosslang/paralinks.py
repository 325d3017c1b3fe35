"""Links at the end of each paragraph: to itself (¶) and to it in the other sites (with
counterparts on demand, those are in the counterparts' fold instead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.core.furniture import Furniture, add_furniture
from triglot.sphinxext.core.paragraphs import ANCHOR, anchored_paragraphs
from triglot.sphinxext.core.site import is_html, page_in, page_language, site_languages
from triglot.sphinxext.core.templates import render

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


class triglot_paragraph_links(Furniture):
    """The links of paragraph ``anchor``: ``links`` is (href, language tag, name) each.

    >>> print(triglot_paragraph_links(anchor="p-1", links=[("../ja/a.html#p-1", "ja", "<J>")]
    ...       ).render())
    <span class="triglot-para-links"><a href="#p-1">¶</a> \
<a href="../ja/a.html#p-1" hreflang="ja" lang="ja" title="&lt;J&gt;">ja</a></span>
    """

    def render(self) -> str:
        return render("paragraph-links.html", anchor=self["anchor"], links=self["links"])


def _add_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_html(app):
        return
    here = page_language(app.config)
    others = [lang for lang in site_languages(app.config) if lang != here]
    if app.config.triglot_counterparts == "on-demand":
        others = []  # the counterparts' fold links the other sites, when it is opened
    for para in anchored_paragraphs(doctree):
        anchor = para[ANCHOR]
        para += triglot_paragraph_links(
            anchor=anchor,
            links=[(page_in(app, docname, lang, anchor), lang.tag, lang.name) for lang in others])


def setup(app: Sphinx) -> None:
    add_furniture(app, triglot_paragraph_links)
    # After the handlers that add to a paragraph (500: claim results, status notes), so
    # that the links end it.
    app.connect("doctree-resolved", _add_links, priority=600)
