"""Reading gettext catalogs for checking: entries, their language and their line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from triglot.errors import TriglotError

if TYPE_CHECKING:
    from triglot.catalog.pofile import Entry as PoEntry

_IGNORE = re.compile(r"triglot:\s*ignore\b([^\n]*)")


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgstr: str
    line: int | None
    ignored: frozenset[str] | None  # None: nothing silenced; empty: every check


def read_catalog(path: str | Path) -> tuple[str, list[Entry]]:
    """The catalog's ``Language`` and its translated, non-fuzzy entries."""
    from triglot.catalog.reading import read_entries

    header, entries = read_entries(path)
    language = dict(header.mime_headers).get("Language", "").strip()
    if not language:
        raise TriglotError("catalog has no Language header", path=path)
    return language, list(_entries(entries))


def _entries(entries: list[PoEntry]) -> Iterator[Entry]:
    for entry in entries:
        fields = entry.fields
        if entry.obsolete or not fields["msgid"] or "fuzzy" in entry.flags:
            continue
        # a plural message: its singular and first form, as Babel's message[0]
        msgstr = entry.plurals[0] if "msgid_plural" in fields else fields["msgstr"]
        if not msgstr:
            continue
        yield Entry(fields["msgid"], msgstr, entry.line, _ignored(entry))


def _ignored(entry: PoEntry) -> frozenset[str] | None:
    codes: set[str] = set()
    silenced = False
    for comment in (*entry.user_comments, *entry.auto_comments):
        for match in _IGNORE.finditer(comment):
            silenced = True
            codes.update(re.findall(r"[\w-]+", match.group(1)))
    return frozenset(codes) if silenced else None
