"""How a catalog's file lays it out, so that writing it back changes only what changed.

Reading keeps, beside the Babel :class:`~babel.messages.catalog.Catalog`, the file's
own lines: each entry's, with a snapshot of what they said; the header's comment and
fields in their order, each field with its lines; and the wrap width the file uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from triglot.catalog.wrap import GETTEXT_WIDTH, width_of

if TYPE_CHECKING:
    from babel.messages.catalog import Message

Key = tuple[bool, object]  # (obsolete, Babel's key: msgid or (msgid, msgctxt))
Snapshot = tuple[object, ...]

_STRING_LINE = re.compile(r'^(?:#~ ?)?"')
_KEYWORD_LINE = re.compile(r'^(?:#~ ?)?(?:msgid|msgstr)(?:\[\d+\])? "(.+)"$')
#: The widths tools wrap at: Babel (pybabel, sphinx-intl) and gettext (msgmerge, msgcat).
KNOWN_WIDTHS = (76, GETTEXT_WIDTH)


@dataclass
class Layout:
    width: int = GETTEXT_WIDTH
    header_comments: list[str] = field(default_factory=lambda: ["#"])
    header_flags: list[str] = field(default_factory=list)
    header_fields: list[tuple[str, str]] = field(default_factory=list)
    header_field_lines: list[list[str]] = field(default_factory=list)
    entries: dict[Key, tuple[Snapshot, list[str]]] = field(default_factory=dict)
    previous_contexts: dict[object, str] = field(default_factory=dict)

    def field(self, name: str) -> str | None:
        return next((value for key, value in self.header_fields if key == name), None)

    def set_field(self, name: str, value: str) -> None:
        for index, (key, _) in enumerate(self.header_fields):
            if key == name:
                self.header_fields[index] = (name, value)
                self.header_field_lines[index] = []  # to be laid out anew
                return
        self.header_fields.append((name, value))
        self.header_field_lines.append([])


def msgid_of(message: Message) -> str:
    """The message's msgid (the singular one of a plural message)."""
    return message.id[0] if isinstance(message.id, (list, tuple)) else message.id


def snapshot(message: Message, previous_context: str | None) -> Snapshot:
    """What an entry says, to tell whether it changed since it was read."""
    return (message.id, message.string, message.context, tuple(sorted(message.flags)),
            tuple(message.locations), tuple(message.auto_comments),
            tuple(message.user_comments), tuple(message.previous_id), previous_context)


def wrap_width(lines: list[str]) -> int:
    """The width the file's strings are wrapped at: the narrowest known width that holds
    its widest wrapped line, or that line's width; 0 when it never wraps a long string.
    A line's width is its columns or, if fewer, its characters (Babel counts those).

    >>> wrap_width(['msgid ""', '"' + "x" * 70 + ' "', '"end"'])
    76
    >>> wrap_width(['msgid "' + "x" * 100 + '"'])
    0
    >>> wrap_width(['msgid "short"'])
    79
    """
    widest = 0
    for line, following in zip(lines, lines[1:] + [""], strict=True):
        # a line no longer than the widest cannot be wider: its columns are not counted
        if (len(line) > widest and _STRING_LINE.match(line) and _STRING_LINE.match(following)
                and not line.endswith('\\n"')):
            widest = max(widest, min(width_of(line), len(line)))
    if widest:
        return next((width for width in KNOWN_WIDTHS if widest <= width), widest)
    # nothing wrapped: a file whose single lines are longer than gettext's width never wraps
    long_single = any(width_of(line) > GETTEXT_WIDTH for line in lines
                      if _KEYWORD_LINE.match(line))
    return 0 if long_single else GETTEXT_WIDTH
