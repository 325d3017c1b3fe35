"""What the extension reads from a file, kept for as long as the file does not change.

A build reads the same files many times (each document's catalogs in every site
language, for its counterparts, parallel view, status and checks): :func:`per_file`
keeps one value per file, checked against the file's modification time and size on
every call, so each file is read once per process and version. The cache holds one
entry per file (it grows with the project, never past it) and a changed file replaces
its own entry, so a long-lived process (``sphinx-autobuild``) keeps no stale versions.

What is read is kept, so Python's cyclic garbage collector is paused while it is read:
the tens of thousands of objects a catalog becomes would otherwise set off collection
after collection, each walking the build's whole heap (its doctrees and environment)
for garbage that reading does not make; in the Python tutorial's English build, reading
the other languages' catalogs took three times as long with it running.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class per_file(Generic[T]):  # noqa: N801  (used as a decorator, named like one)
    """``read(path)`` for each file version once (``path`` made absolute); call it with
    any path-like.

    >>> import tempfile, pathlib
    >>> calls = []
    >>> @per_file
    ... def size(path: str) -> int:
    ...     calls.append(path)
    ...     return len(pathlib.Path(path).read_bytes())
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     file = pathlib.Path(folder, "a.po")
    ...     _ = file.write_bytes(b"12")
    ...     first = size(file), size(str(file))
    ...     _ = file.write_bytes(b"123")
    ...     first, size(file), len(calls), len(size)
    ((2, 2), 3, 2, 1)
    """

    def __init__(self, read: Callable[[str], T]) -> None:
        self.read = read
        self._entries: dict[str, tuple[tuple[int, int], T]] = {}
        self.__doc__ = read.__doc__

    def __call__(self, path: str | os.PathLike[str]) -> T:
        key = os.path.abspath(path)  # one entry however the path is spelt
        stat = os.stat(key)
        version = (stat.st_mtime_ns, stat.st_size)
        entry = self._entries.get(key)
        if entry is None or entry[0] != version:
            with _collector_paused():
                entry = self._entries[key] = (version, self.read(key))
        return entry[1]

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection in the block (as it was after it; nested, the outer
    block enables it again).

    >>> with _collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
