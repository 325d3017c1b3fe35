"""Pages the extension generates (``html-collect-pages``) written only when they are out of date.

Sphinx writes every page ``html-collect-pages`` returns, on every build. A generated page
here shows documents (a parallel view its document, the status page all of them), so it
follows their pages through Sphinx's own outdated-docs logic: it is written again when
it is missing, when one of its documents was read again in this build (its source, its
catalogs in any site language, a termbase entry it uses or a diagram's model changed, as
the environment's dependencies say) or removed, or when Sphinx wrote one of its documents'
pages after it (a template or the theme changed). Otherwise the page on disk is kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder

from triglot.sphinxext.core.state import PerBuild

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# The documents read again or removed in this build (Sphinx purges both first).
_PURGED: PerBuild[set[str]] = PerBuild(lambda env: set())


def _note_purged(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _PURGED.of(env).add(docname)


def _mtime(path: str | os.PathLike[str]) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


def page_outdated(app: Sphinx, pagename: str, docnames: Iterable[str]) -> bool:
    """Whether the generated page ``pagename``, which shows ``docnames``, must be written
    (always, for a builder that does not write a file per page as Sphinx's HTML does)."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder):
        return True
    written = _mtime(builder.get_outfilename(pagename))
    if written is None:
        return True
    docnames = list(docnames)
    if not _PURGED.of(app.env).isdisjoint(docnames):
        return True
    pages = (_mtime(builder.get_outfilename(docname)) for docname in docnames)
    return any(page is None or page > written for page in pages)


def anything_read(app: Sphinx) -> bool:
    """Whether any document was read again or removed in this build."""
    return bool(_PURGED.of(app.env))


def setup(app: Sphinx) -> None:
    app.connect("env-purge-doc", _note_purged)
