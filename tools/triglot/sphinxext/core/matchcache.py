"""The build's term-match cache (:mod:`triglot.terms.matchcache`), kept in its doctree
folder: the terminology check and the term links of each document read ask it, and it
is saved when the build ends.

An unchanged rebuild thus loads no analyzer, and a rebuild after one catalog edit
analyses only the edited entry. Owners: ``check`` (the terminology check, run on every
build), and ``doc:<docname>`` for the term links of a document (kept while the
document exists). With parallel reads (``-j``) the documents read by the worker
processes keep their earlier results: slower, never wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from triglot.glossary import Termbase
    from triglot.terms.matchcache import CachedMatcher, MatchCache

logger = logging.getLogger(__name__)

FILENAME = "triglot-term-matches.pickle"
CHECK_OWNER = "check"
_DOC_OWNER = "doc:"

_CACHES: dict[Path, MatchCache] = {}


def cached_matcher(doctreedir: str | Path, termbase: Termbase, lang: str,
                   owner: str) -> CachedMatcher:
    """A matcher of ``lang`` backed by the cache of the build in ``doctreedir``."""
    from triglot.terms.matchcache import MatchCache  # a build with a termbase only

    path = Path(doctreedir, FILENAME)
    if path not in _CACHES:
        _CACHES[path] = MatchCache(path)
    return _CACHES[path].matcher(termbase, lang, owner)


def doc_owner(docname: str) -> str:
    return _DOC_OWNER + docname


def _forget(app: Sphinx) -> None:
    """A new build starts from the file (an earlier app of this process may have left
    its cache here without finishing)."""
    _CACHES.pop(Path(app.doctreedir, FILENAME), None)


def _save(app: Sphinx, exception: Exception | None) -> None:
    cache = _CACHES.pop(Path(app.doctreedir, FILENAME), None)
    if cache is None:
        return
    docs = app.env.all_docs
    try:
        cache.save(keep=lambda owner: not owner.startswith(_DOC_OWNER)
                   or owner[len(_DOC_OWNER):] in docs)
    except OSError as exc:  # only the next build's speed depends on it
        logger.info("triglot: term matches not cached: %s", exc)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _forget, priority=100)  # before the terminology check
    app.connect("build-finished", _save)
