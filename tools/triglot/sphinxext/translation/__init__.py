"""The state of each translation: problems in the catalogs reported as located warnings
(broken reST, orphans, untranslated and outdated paragraphs, terminology), unsafe links
shown as text, notes on paragraphs still in English and a note counting them atop the
page, the status page with its chart, the project's name in the page's language, and
rebuilding a page when another language's catalog of it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.translation import (
    checks,
    frame,
    notes,
    rebuild,
    status_page,
    terminology,
    unsafe_links,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    for module in (terminology, notes, status_page, frame, rebuild, checks, unsafe_links):
        module.setup(app)
