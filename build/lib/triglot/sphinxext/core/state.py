"""The extension's build state, in two lifetimes: every feature keeps its state here.

* :class:`PerDocument`: something noted about each document while it is read (its
  paragraphs, messages, term uses, catalogs' digest), used when pages are written and
  kept in Sphinx's environment between builds. It is dropped when the document is read
  again and carried over from the processes that read documents in parallel (``-j``).
* :class:`PerBuild`: a value of the current build only (a flag, results computed once per
  build), never pickled: the next build starts without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from weakref import WeakKeyDictionary

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


class PerBuild(Generic[T]):
    """A value for the build of ``app``, made by ``factory(app)`` when first asked for
    (a factory that raises makes nothing: the next call tries again).

    >>> class App: ...
    >>> seen: PerBuild[set[str]] = PerBuild(lambda app: set())
    >>> app = App()
    >>> seen.of(app).add("index"); sorted(seen.of(app)), seen.of(App())
    (['index'], set())
    """

    def __init__(self, factory: Callable[[Any], T]) -> None:
        self.factory = factory
        self._values: WeakKeyDictionary[object, T] = WeakKeyDictionary()

    def of(self, app: object) -> T:
        if app not in self._values:
            self._values[app] = self.factory(app)
        return self._values[app]

    def forget(self, app: object) -> None:
        self._values.pop(app, None)

