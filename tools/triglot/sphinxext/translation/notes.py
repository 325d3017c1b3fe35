"""Untranslated and outdated (fuzzy) paragraphs marked in the translated sites.

Sphinx shows the English of a paragraph whose message is missing, empty or fuzzy in the
catalog; the reader gets a short note in the page's language saying so, with a link to
the paragraph in the English site. Fuzzy entries are told apart by reading the ``.po``
catalogs (the compiled ``.mo`` files drop them). Every block of text Sphinx left in the
source language (a paragraph, title, caption, term; not code) carries that language's
``lang``, for screen readers, hyphenation and fonts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import extract_messages

from triglot.sphinxext.core.catalogs import catalogs_for, translation
from triglot.sphinxext.core.furniture import Furniture, add_furniture
from triglot.sphinxext.core.paragraphs import ANCHOR, MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import is_html, page_in, page_language, site_languages
from triglot.sphinxext.core.templates import render
from triglot.sphinxext.core.uitext import ui_text

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from sphinx.application import Sphinx


def paragraph_state(para: nodes.paragraph, catalogs: list[Catalog]) -> str | None:
    """``"outdated"`` (fuzzy), ``"untranslated"`` or None for a translated paragraph.

    The catalogs say whether an entry is fuzzy; the doctree whether Sphinx used the
    translation (a translation that does not parse is not used).
    """
    if translation(catalogs, para[MSGID]).state == "outdated":
        return "outdated"
    return None if para.get("translated") else "untranslated"


class triglot_status_note(Furniture):
    """The note opening a paragraph in ``state`` (``untranslated`` or ``outdated``), in
    the page's language ``lang``, linking ``href``: the paragraph in ``source``.

    >>> note = triglot_status_note(state="outdated", lang="ja", source="en", href="a?b&c")
    >>> text = note.render()
    >>> text.startswith('<span class="triglot-status" lang="ja">This translation is out of date. ')
    True
    >>> text.endswith('<a href="a?b&amp;c" hreflang="en">Original</a></span> ')
    True
    """

    def render(self) -> str:
        return render("status-note.html", lang=self["lang"], href=self["href"],
                      source=self["source"], note=ui_text(f"status_{self['state']}"),
                      original=ui_text("status_original"))


def mark_source_language(doctree: nodes.document, tag: str) -> None:
    """Give every translatable block Sphinx did not translate the class ``language-<tag>``,
    which docutils' HTML writers write as ``lang="<tag>"``."""
    for node, _message in extract_messages(doctree):
        if (isinstance(node, nodes.TextElement) and not isinstance(node, nodes.FixedTextElement)
                and not node.get("translated")):
            node["classes"].append(f"language-{tag}")


def _mark(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    language = page_language(app.config)
    source = site_languages(app.config)[0]
    if not is_html(app) or language == source:
        return
    mark_source_language(doctree, source.tag)
    catalogs = catalogs_for(app, docname, language.code)
    for para in anchored_paragraphs(doctree):
        state = paragraph_state(para, catalogs)
        if state is None:
            continue
        para["classes"].append(f"triglot-{state}")
        para.insert(0, triglot_status_note(
            state=state, lang=language.tag, source=source.tag,
            href=page_in(app, docname, source, para[ANCHOR])))


def setup(app: Sphinx) -> None:
    add_furniture(app, triglot_status_note)
    app.connect("doctree-resolved", _mark)
