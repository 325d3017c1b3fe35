"""Reading gettext catalogs for checking: entries, their language and their line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from triglot.errors import TriglotError

_IGNORE = re.compile(r"triglot:\s*ignore\b([^\n]*)")


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgstr: str
    line: int | None
    ignored: frozenset[str] | None  # None: nothing silenced; empty: every check


def read_catalog(path: str | Path) -> tuple[str, list[Entry]]:
    """The catalog's ``Language`` and its translated, non-fuzzy entries."""
    from triglot import catalog as catalogs

    catalog = catalogs.read_catalog(path)
    language = dict(catalog.mime_headers).get("Language", "").strip()
    if not language:
        raise TriglotError("catalog has no Language header", path=path)
    return language, list(_entries(catalog))


def _entries(catalog: object) -> Iterator[Entry]:
    for message in catalog:  # type: ignore[attr-defined]
        if not message.id or message.fuzzy:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        msgstr = message.string[0] if isinstance(message.string, tuple) else message.string
        if not msgstr:
            continue
        yield Entry(msgid, msgstr, message.lineno, _ignored(message))


def _ignored(message: object) -> frozenset[str] | None:
    codes: set[str] = set()
    silenced = False
    for comment in (*message.user_comments, *message.auto_comments):  # type: ignore[attr-defined]
        for match in _IGNORE.finditer(comment):
            silenced = True
            codes.update(re.findall(r"[\w-]+", match.group(1)))
    return frozenset(codes) if silenced else None
