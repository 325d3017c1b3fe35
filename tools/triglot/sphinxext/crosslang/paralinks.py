"""Links at the end of each paragraph: to itself (¶) and to it in the other sites."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from triglot.sphinxext.core.paragraphs import ANCHOR, anchored_paragraphs
from triglot.sphinxext.core.site import html_node, is_html, page_in, page_language, site_languages

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def _add_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_html(app):
        return
    here = page_language(app.config)
    others = [lang for lang in site_languages(app.config) if lang != here]
    for para in anchored_paragraphs(doctree):
        anchor = para[ANCHOR]
        links = [f'<a class="triglot-para-self" href="#{anchor}" title="¶">¶</a>']
        links += [
            f'<a href="{html.escape(page_in(app, docname, lang, anchor))}" '
            f'hreflang="{lang.tag}" lang="{lang.tag}" title="{html.escape(lang.name)}">'
            f'{html.escape(lang.tag)}</a>'
            for lang in others
        ]
        para += html_node(f'<span class="triglot-para-links">{" ".join(links)}</span>')


def setup(app: Sphinx) -> None:
    # After the handlers that add to a paragraph (500: claim results, status notes), so
    # that the links end it.
    app.connect("doctree-resolved", _add_links, priority=600)
