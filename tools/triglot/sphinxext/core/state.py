"""A record per document kept in Sphinx's build environment, safe for ``-j``.

Several features note something about each document while it is read (its paragraphs,
their states, its messages, its catalogs' digest) and use it when pages are written.
Such a record must be dropped when the document is read again and carried over from
the processes that read documents in parallel; :class:`PerDocument` does both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

T = TypeVar("T")


class PerDocument(Generic[T]):
    """``env.<attribute>``: docname -> record, purged and merged for parallel reads."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def of(self, env: BuildEnvironment) -> dict[str, T]:
        if not hasattr(env, self.attribute):
            setattr(env, self.attribute, {})
        records: dict[str, T] = getattr(env, self.attribute)
        return records

    def _purge(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self.of(env).pop(docname, None)

    def _merge(self, app: Sphinx, env: BuildEnvironment, docnames: Iterable[str],
               other: BuildEnvironment) -> None:
        theirs = self.of(other)
        self.of(env).update((doc, theirs[doc]) for doc in docnames if doc in theirs)

    def connect(self, app: Sphinx) -> None:
        app.connect("env-purge-doc", self._purge)
        app.connect("env-merge-info", self._merge)
