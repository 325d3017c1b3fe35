"""Locations of warnings about files that are not documents (catalogs, ``conf.py``)."""

from __future__ import annotations

from pathlib import Path


def file_location(path: str | Path, line: int | None = None) -> str:
    """A warning location for a file that is not a document (Sphinx reads a location
    without a colon as a docname and appends the source suffix).

    >>> file_location("locale/ja/LC_MESSAGES/index.po", 12), file_location("conf.py")
    ('locale/ja/LC_MESSAGES/index.po:12', 'conf.py:1')
    """
    return f"{path}:{line or 1}"
