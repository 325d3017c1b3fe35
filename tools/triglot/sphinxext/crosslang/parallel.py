"""The parallel view: a page per document with its languages side by side.

``parallel/<doc>.html``, in every language's site, is a table with a column per language
and a row per paragraph, in document order, following the alignment the import wrote:
a translation made of several original paragraphs (a 1:n bead) shows them as separate
blocks in one cell, and one translation covering several English paragraphs (n:1) spans
their rows; both carry an ``n:m`` badge. Each cell links to the paragraph in its site.

Which paragraphs a document has is recorded when it is read (so ``-j`` builds merge it),
the texts come from the catalogs when the page is written, which is only when the
document's own page is (:mod:`triglot.sphinxext.core.outdated`). The page shows no site
navigation (the theme's ``toctree()`` is empty there): only the way back to its document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from sphinx.util import logging

from triglot.catalog.markers import (
    digest,
    import_marker,
    join_paragraphs,
    translated_with_previous,
)
from triglot.segment import PARAGRAPH_MODES, paragraphs
from triglot.sphinxext.core.catalogs import Translation, catalogs_for, translation
from triglot.sphinxext.core.filecache import per_file
from triglot.sphinxext.core.outdated import page_outdated
from triglot.sphinxext.core.pagelinks import add_page_link
from triglot.sphinxext.core.paragraphs import ANCHOR, MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import page_in, page_language, site_languages
from triglot.sphinxext.core.state import PerDocument
from triglot.sphinxext.core.templates import render
from triglot.sphinxext.core.uitext import ui_text
from triglot.sphinxext.crosslang.rst_inline import inline_html
from triglot.textio import read_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes
    from sphinx.application import Sphinx

    from triglot.languages import Language

logger = logging.getLogger(__name__)

PREFIX = "parallel/"
#: (anchor, English message) of each anchored paragraph, in document order.
Record = list[tuple[str, str]]


def has_parallel_views(app: Sphinx) -> bool:
    """Parallel views are pages of their own: only for builders that write one per document,
    and only when there is something to put beside the source."""
    return app.builder.name in ("html", "dirhtml") and len(site_languages(app.config)) > 1


def parallel_uri(app: Sphinx, from_page: str, docname: str, anchor: str = "") -> str:
    """The link from ``from_page`` to ``docname``'s parallel view, in the same site."""
    uri = app.builder.get_relative_uri(from_page, PREFIX + docname)
    return f"{uri}#{anchor}" if anchor else uri


RECORDS: PerDocument[Record] = PerDocument("triglot_paragraphs")


def _record(app: Sphinx, doctree: nodes.document) -> None:
    found = [(p[ANCHOR], p[MSGID]) for p in anchored_paragraphs(doctree)]
    records = RECORDS.of(app.env)
    if found:
        records[app.env.docname] = found
    else:
        records.pop(app.env.docname, None)


@dataclass
class Cell:
    """One language's text for one or more consecutive paragraphs (rows)."""

    anchor: str
    text: Translation
    blocks: list[str] = field(default_factory=list)
    rows: int = 1
    pieces: int = 1

    @property
    def bead(self) -> str:
        return f"{self.rows}:{self.pieces}"


_original = per_file(read_text)


def _pieces(app: Sphinx, text: Translation) -> tuple[list[str], int]:
    """The translation's blocks and how many original paragraphs the import joined into it:
    each such paragraph is a block when the text is still the import's and the original
    is at hand (``<locale dir>/originals/``)."""
    marker = import_marker(text.message) if text.message is not None else None
    if marker is None or marker.digest != digest(text.text):
        return [text.text], 1
    for directory in app.config.locale_dirs:
        path = Path(app.srcdir, directory, "originals", marker.origin)
        if not path.is_file():
            continue
        original = _original(path)
        for mode in PARAGRAPH_MODES:
            found = paragraphs(original, mode)
            if max(marker.numbers) <= len(found):
                parts = [found[n - 1] for n in marker.numbers]
                if join_paragraphs(parts) == text.text:
                    return parts, len(parts)
    return [text.text], len(marker.numbers)


def column(app: Sphinx, docname: str, record: Record, language: Language) -> list[Cell | None]:
    """The cells of ``language``'s column, one per row; None where a cell above spans it."""
    if language == site_languages(app.config)[0]:
        return [Cell(anchor, Translation(msgid, "translated"), [msgid]) for anchor, msgid in record]
    catalogs = catalogs_for(app, docname, language.code)
    cells: list[Cell | None] = []
    last: Cell | None = None
    for anchor, msgid in record:
        text = translation(catalogs, msgid)
        if (last is not None and text.state == "untranslated" and text.message is not None
                and translated_with_previous(text.message)):
            last.rows += 1
            cells.append(None)
            continue
        blocks, pieces = _pieces(app, text) if text.text else ([], 1)
        last = Cell(anchor, text, blocks, pieces=pieces)
        cells.append(last)
    return cells


def _cell_view(app: Sphinx, pagename: str, docname: str, cell: Cell,
               language: Language) -> dict[str, Any]:
    """What the template shows of one cell."""
    state = cell.text.state
    return {
        "state": state, "tag": language.tag, "name": language.name, "rows": cell.rows,
        "href": page_in(app, pagename, language, cell.anchor, target=docname),
        "title": ui_text("open", name=language.name),
        "bead": cell.bead if cell.bead != "1:1" else "",
        "bead_title": ui_text("bead", source=cell.rows, target=cell.pieces),
        "note": ui_text(f"note_{state}") if state != "translated" else "",
        "blocks": [Markup(inline_html(block)) for block in cell.blocks],
    }


def parallel_body(app: Sphinx, docname: str, record: Record, title: str) -> str:
    """The parallel view's HTML (inside the theme's page), headed ``title``."""
    pagename = PREFIX + docname
    languages = site_languages(app.config)
    columns = [column(app, docname, record, lang) for lang in languages]
    rows = []
    for row, (anchor, _) in enumerate(record):
        starting = [(lang, cells[row]) for lang, cells in zip(languages, columns, strict=True)]
        rows.append({"anchor": anchor,
                     "cells": [_cell_view(app, pagename, docname, cell, lang)
                               for lang, cell in starting if cell is not None]})
    return render("parallel.html", title=title,
                  back=app.builder.get_relative_uri(pagename, docname),
                  back_text=ui_text("back"), languages=languages, rows=rows,
                  here=page_language(app.config).tag)


def _pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    for docname, record in sorted(RECORDS.of(app.env).items()):
        pagename = PREFIX + docname
        if pagename in app.env.found_docs:
            logger.warning("no parallel view for %s: a document named %s exists", docname,
                           pagename, type="triglot", subtype="parallel")
            continue
        if not page_outdated(app, pagename, [docname]):
            continue
        title = ui_text("parallel_title", title=app.env.titles[docname].astext())
        yield (pagename, {"title": escape(title),
                          "body": parallel_body(app, docname, record, title),
                          "toctree": _no_navigation}, "page.html")


def _no_navigation(**options: Any) -> str:
    """The site's navigation on a parallel view: none. The view is reached from its
    document and links back to it; a theme's navigation tree grows with the project, and
    drawing it on a view of every document doubled the part of a build that grows faster
    than the project does."""
    return ""


def _collect(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    return list(_pages(app)) if has_parallel_views(app) else []


def _link_from_page(app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: Any) -> None:
    if not has_parallel_views(app) or doctree is None:
        return
    if pagename not in RECORDS.of(app.env):
        return
    add_page_link(context, kind="triglot-parallel-link",
                  href=parallel_uri(app, pagename, pagename), text=ui_text("parallel"),
                  rank=20)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _record)
    RECORDS.connect(app)
    app.connect("html-collect-pages", _collect)
    app.connect("html-page-context", _link_from_page)
