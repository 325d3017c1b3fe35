"""Untranslated and outdated (fuzzy) paragraphs marked in the translated sites.

Sphinx shows the English of a paragraph whose message is missing, empty or fuzzy in the
catalog; the reader gets a short note in the page's language saying so, with a link to
the paragraph in the English site. Fuzzy entries are told apart by reading the ``.po``
catalogs (the compiled ``.mo`` files drop them).
"""

from __future__ import annotations

import html
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.i18n import docname_to_domain

from triglot.sphinxext.paragraphs import ANCHOR, MSGID, anchored_paragraphs
from triglot.sphinxext.sitehtml import html_node, is_html, page_in, page_language, site_languages

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from docutils import nodes
    from sphinx.application import Sphinx

# The notes, by language (base code); a language without its own falls back to English.
NOTES = {
    "en": {"untranslated": "Not translated yet.",
           "outdated": "This translation is out of date.",
           "original": "Original"},
    "ja": {"untranslated": "この段落はまだ翻訳されていません。",
           "outdated": "この段落の翻訳は古くなっています。",
           "original": "英語の原文"},
    "pt": {"untranslated": "Este parágrafo ainda não foi traduzido.",
           "outdated": "A tradução deste parágrafo está desatualizada.",
           "original": "Original em inglês"},
}


@lru_cache(maxsize=64)
def _read(path: str, mtime_ns: int) -> Catalog:
    from triglot.catalog import read_catalog

    return read_catalog(path)


def doc_catalogs(app: Sphinx, docname: str, code: str) -> list[Catalog]:
    """The catalogs of ``docname`` in language ``code``, read from the ``.po`` files."""
    domain = docname_to_domain(docname, app.config.gettext_compact)
    found = []
    for directory in app.config.locale_dirs:
        path = Path(app.srcdir, directory, code, "LC_MESSAGES", f"{domain}.po")
        if path.is_file():
            found.append(_read(str(path), os.stat(path).st_mtime_ns))
    return found


def paragraph_state(para: nodes.paragraph, catalogs: list[Catalog]) -> str | None:
    """``"outdated"`` (fuzzy), ``"untranslated"`` or None for a translated paragraph."""
    for catalog in catalogs:
        message = catalog.get(para[MSGID])
        if message is not None and message.fuzzy and message.string:
            return "outdated"
    return None if para.get("translated") else "untranslated"


def _mark(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    language = page_language(app.config)
    source = site_languages(app.config)[0]
    if not is_html(app) or language == source:
        return
    notes = NOTES.get(language.base, NOTES["en"])
    catalogs = doc_catalogs(app, docname, language.code)
    for para in anchored_paragraphs(doctree):
        state = paragraph_state(para, catalogs)
        if state is None:
            continue
        para["classes"].append(f"triglot-{state}")
        href = html.escape(page_in(app, docname, source, para[ANCHOR]))
        para.insert(0, html_node(
            f'<span class="triglot-status" lang="{language.tag}">{html.escape(notes[state])} '
            f'<a href="{href}" hreflang="{source.tag}">{html.escape(notes["original"])}</a>'
            f'</span> '))


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", _mark)
