"""The comments ``triglot import`` writes into catalog entries, and how they are read back.

Each entry an import fills carries a translator comment
``triglot: imported from <file> ¶<n> [<digest>]``: which paragraphs of the original it
holds and a digest of the text it wrote, so that a later import (and the site's parallel
view) tells the import's text from a translator's. Every triglot comment ends in ``]``,
so one that Babel (pybabel, sphinx-intl) wrapped over several lines is read back whole.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Message

COMMENT_PREFIX = "triglot:"
_NUMBERS = r"(?P<numbers>\d+(?:\+\d+)*)"
_MARKER = re.compile(rf"^triglot: imported from (?P<origin>.+) ¶{_NUMBERS} "
                     r"\[(?P<digest>[0-9a-f]{10})(?P<fuzzy>, fuzzy)?\]$")
_MARKER_START = "triglot: imported from "
#: The note on an English message whose translation the previous message holds (n:1 bead).
TOGETHER = "translated together with the previous paragraph"
# (the parentheses are the form of catalogs triglot wrote before the ']' ending)
_TOGETHER = re.compile(rf"^triglot: {TOGETHER} [\[(]¶{_NUMBERS} of (?P<origin>.+)[\])]$")
_DOUBT = re.compile(r"^triglot: (?P<reason>.+) \[doubt\]$")
#: ``triglot: ignore ...`` silences checks (triglot.check): the translator's own comment.
_TRANSLATORS = re.compile(r"^triglot:\s*ignore\b")


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def join_paragraphs(parts: list[str]) -> str:
    """Join target paragraphs into one message: with a space, except between wide scripts.

    >>> join_paragraphs(["Primeiro.", "Segundo."])
    'Primeiro. Segundo.'
    >>> join_paragraphs(["最初です。", "次です。"])
    '最初です。次です。'
    """
    text = parts[0]
    for part in parts[1:]:
        glue = "" if _is_cjk(text[-1]) or _is_cjk(part[0]) else " "
        text += glue + part
    return text


@dataclass
class Comments:
    """An entry's translator comments: the translator's, the import's (each read whole,
    however a tool wrapped it) and ``triglot:`` comments of no known form."""

    own: list[str] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)


def _known(comment: str) -> bool:
    return any(form.match(comment) for form in (_MARKER, _TOGETHER, _DOUBT))


def comments_of(message: Message) -> Comments:
    """Sort ``message``'s translator comments, joining a triglot comment a tool wrapped.

    >>> from babel.messages.catalog import Message
    >>> comments_of(Message("a", "b", user_comments=[
    ...     "mine", "triglot: imported from a-long-name.ja.txt", "¶3 [0123456789]",
    ...     "triglot: what?"]))  # doctest: +NORMALIZE_WHITESPACE
    Comments(own=['mine'],
             imported=['triglot: imported from a-long-name.ja.txt ¶3 [0123456789]'],
             stray=['triglot: what?'])
    """
    comments = Comments()
    lines = list(message.user_comments)
    index = 0
    while index < len(lines):
        comment = lines[index]
        index += 1
        if not comment.startswith(COMMENT_PREFIX) or _TRANSLATORS.match(comment):
            comments.own.append(comment)
            continue
        joined, following = comment, index
        while not _known(joined) and following < len(lines) and not lines[
                following].startswith(COMMENT_PREFIX):
            joined += " " + lines[following]
            following += 1
        if _known(joined):
            comments.imported.append(joined)
            index = following
        else:
            comments.stray.append(comment)
    return comments


def damaged_markers(message: Message) -> list[str]:
    """The stray comments of ``message`` that look like an import marker."""
    return [c for c in comments_of(message).stray if c.startswith(_MARKER_START.rstrip())]


@dataclass(frozen=True)
class ImportMarker:
    """What an import wrote into an entry: which original paragraphs, and the text's digest."""

    origin: str
    numbers: tuple[int, ...]
    digest: str
    fuzzy: bool


def import_marker(message: Message) -> ImportMarker | None:
    """The import's marker on ``message``, or None when no import wrote it.

    >>> from babel.messages.catalog import Message
    >>> import_marker(Message("a", "b", user_comments=[
    ...     "triglot: imported from doc.ja.txt ¶3+4 [0123456789, fuzzy]"]))
    ImportMarker(origin='doc.ja.txt', numbers=(3, 4), digest='0123456789', fuzzy=True)
    """
    for comment in comments_of(message).imported:
        match = _MARKER.match(comment)
        if match:
            numbers = tuple(int(n) for n in match["numbers"].split("+"))
            return ImportMarker(match["origin"], numbers, match["digest"],
                                match["fuzzy"] is not None)
    return None


def translated_with_previous(message: Message) -> bool:
    """True when an import put this English message's translation into the previous one."""
    return any(_TOGETHER.match(c) for c in comments_of(message).imported)
