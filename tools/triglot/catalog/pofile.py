"""The PO parser: every construct GNU gettext writes, and an error naming the line for
anything else.

Neither polib (it accepts ``msgstr b`` and an unterminated string without a word) nor
Babel (it reads ``#| msgid`` as a translator comment and skips what it cannot parse)
says where a catalog is broken; translate-toolkit's parser does, but it keeps no line
spans, which the writer needs to leave untouched entries byte for byte (and it is
GPL-licensed). So the syntax is read here, by the grammar of the gettext manual
("The Format of PO Files"), into :class:`Entry` records with their line span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from triglot.errors import TriglotError

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(?:([abfnrtv\\\"'?])|([0-7]{1,3})|x([0-9a-fA-F]+)|(.))")
_SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
           "\\": "\\", '"': '"', "'": "'", "?": "?"}
# the escapes nearly every string has: a string with no other is unescaped by replacing
_COMMON_ESCAPES = ('\\"', "\\n", "\\t")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)\s+(?=\")")
#: The order keywords must come in within one entry (``msgstr[n]`` counts as msgstr).
_ORDER = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2, "msgstr": 3}
_NAMES = {rank: name for name, rank in _ORDER.items()}


@dataclass
class Entry:
    """One entry as the file has it; strings unescaped, ``first``/``last`` 1-based lines."""

    first: int
    line: int = 0  # the msgid line
    last: int = 0
    obsolete: bool = False
    user_comments: list[str] = field(default_factory=list)
    auto_comments: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    plurals: dict[int, str] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)  # keyword -> its line


def unescape(body: str, path: str | Path, line: int) -> str:
    r"""The value of a C string literal's body, as gettext reads it.

    >>> unescape(r'a\"b\n\101\x42', "x.po", 1)
    'a"b\nAB'
    >>> unescape(r"bad \q", "x.po", 3)
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: x.po:3: invalid escape sequence '\q'
    >>> unescape(r"nul\0", "x.po", 4)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: x.po:4: NUL escape: gettext ends the string there ...
    """
    def replace(match: re.Match[str]) -> str:
        simple, octal, hexa, other = match.groups()
        if simple:
            return _SIMPLE[simple]
        if octal or hexa:
            code = int(octal, 8) if octal else int(hexa, 16)
            if code == 0:
                raise TriglotError("NUL escape: gettext ends the string there and drops the "
                                   "rest", path=path, line=line)
            if code > 0x7F:  # gettext makes it one byte, whatever the charset
                raise TriglotError(f"escape '{match.group()[:12]}' is a byte beyond ASCII, "
                                   "not a character: write the character itself",
                                   path=path, line=line)
            return chr(code)
        raise TriglotError(f"invalid escape sequence '\\{other}'", path=path, line=line)

    if "\\" not in body:
        return body
    if body.count("\\") == sum(body.count(escape) for escape in _COMMON_ESCAPES):
        # only \" \n \t: nothing else to read, nor to refuse
        return body.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
    return _ESCAPE.sub(replace, body)


class _Parser:
    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.entries: list[Entry] = []
        self.entry: Entry | None = None
        self.target: tuple[str, str | int] | None = None  # where a continuation string goes
        self.seen = -1  # the last keyword's rank in _ORDER

    def error(self, message: str, line: int) -> TriglotError:
        return TriglotError(message, path=self.path, line=line)

    def current(self, number: int, obsolete: bool) -> Entry:
        """The entry a comment line belongs to: a new one once a msgstr has been read."""
        if self.entry is None or self.seen >= _ORDER["msgstr"]:
            self.finish(number)
            self.entry = Entry(first=number, obsolete=obsolete)
            self.seen = -1
        self.entry.last = number
        return self.entry

    def finish(self, number: int) -> None:
        entry = self.entry
        if entry is None:
            return
        if "msgid" not in entry.fields:
            raise self.error("comments with no message after them", entry.first)
        if "msgstr" not in entry.fields and not entry.plurals:
            raise self.error("msgid without msgstr", entry.line)
        if "msgid_plural" in entry.fields and not entry.plurals:
            raise self.error("msgid_plural needs msgstr[0], msgstr[1]...", entry.line)
        if entry.plurals and sorted(entry.plurals) != list(range(len(entry.plurals))):
            raise self.error("msgstr[n] indices must run 0, 1, 2...", entry.line)
        self.entries.append(entry)
        self.entry = None

    def keyword(self, text: str, number: int, obsolete: bool) -> None:
        if text.startswith('"'):  # a continuation line: no keyword to look for
            self.continuation(text, number)
            return
        match = _KEYWORD.match(text)
        if not match:
            raise self.error(f"not a valid catalog line: {_shown(text)}", number)
        name, index = match.group(1), match.group(2)
        rank = _ORDER["msgstr" if index is not None else name]
        if rank <= _ORDER["msgid"] and (self.entry is None or self.seen >= _ORDER["msgstr"]):
            self.finish(number)
            self.entry = Entry(first=number, obsolete=obsolete)
            self.seen = -1
        entry = self.entry
        plural = entry is not None and "msgid_plural" in entry.fields
        if entry is None or (rank > _ORDER["msgid"] and self.seen < _ORDER["msgid"]):
            raise self.error(f"{name} without a msgid before it", number)
        if self.seen < 0:  # gettext writes an obsolete entry's comments without "#~"
            entry.obsolete = obsolete
        elif entry.obsolete != obsolete:
            raise self.error("an entry is obsolete (#~) in part only", number)
        if rank < self.seen or (rank == self.seen and index is None):
            raise self.error(f"{name} out of place (after {_NAMES[self.seen]})", number)
        if index is None and rank == _ORDER["msgstr"] and plural:
            raise self.error("a plural message needs msgstr[n], not msgstr", number)
        if index is not None and not plural:
            raise self.error("msgstr[n] without msgid_plural", number)
        self.seen = rank
        entry.last = number
        if name == "msgid":
            entry.line = number
        entry.starts[match.group(1)] = number
        value = self.string(text[match.end():], number)
        if index is not None:
            if int(index) in entry.plurals:
                raise self.error(f"msgstr[{index}] twice", number)
            entry.plurals[int(index)] = value
            self.target = ("plural", int(index))
        else:
            entry.fields[name] = value
            self.target = ("field", name)

    def previous(self, text: str, number: int, obsolete: bool) -> None:
        entry = self.current(number, obsolete)
        match = re.match(r"(msgctxt|msgid_plural|msgid)\s+(?=\")", text)
        if match:
            name = match.group(1)
            if name in entry.previous:
                raise self.error(f"previous {name} twice", number)
            entry.previous[name] = self.string(text[match.end():], number)
            self.target = ("previous", name)
        elif text.startswith('"') and self.target and self.target[0] == "previous":
            entry.previous[str(self.target[1])] += self.string(text, number)
        else:
            raise self.error(f"not a valid previous-message line: {_shown(text)}", number)

    def continuation(self, text: str, number: int) -> None:
        if self.entry is None or self.target is None or self.target[0] == "previous":
            raise self.error(f"a string with no keyword before it: {_shown(text)}", number)
        value = self.string(text, number)
        kind, name = self.target
        if kind == "plural":
            self.entry.plurals[int(name)] += value
        else:
            self.entry.fields[str(name)] += value
        self.entry.last = number

    def string(self, text: str, number: int) -> str:
        if "\\" not in text:  # most strings: what _STRING accepts, without the regex
            quoted = text.rstrip()
            if len(quoted) >= 2 and quoted[0] == quoted[-1] == '"' \
                    and '"' not in quoted[1:-1]:
                return quoted[1:-1]
        match = _STRING.match(text)
        if not match:
            problem = "unterminated string" if text.count('"') % 2 else "not a quoted string"
            raise self.error(f"{problem}: {_shown(text)}", number)
        return unescape(match.group(1), self.path, number)

    def comment(self, line: str, number: int, obsolete: bool) -> None:
        if line[1:2] == "|":
            self.previous(line[2:].strip(), number, obsolete)
            return
        self.target = None
        _add_comment(self.current(number, obsolete), line)

    def feed(self, number: int, line: str) -> None:
        stripped = line.strip()
        if not stripped:
            self.target = None if self.target and self.target[0] == "previous" else self.target
            return
        if stripped[0] == '"':  # a continuation line, the most common one
            self.continuation(stripped, number)
            return
        if stripped.startswith("#~"):
            rest = stripped[2:].strip()
            if rest.startswith("#") or rest.startswith("|"):
                self.comment(rest if rest.startswith("#") else "#" + rest, number, True)
            elif rest:
                self.keyword(rest, number, True)
            return
        if stripped.startswith("#"):
            self.comment(stripped, number, False)
            return
        self.keyword(stripped, number, False)


def _add_comment(entry: Entry, line: str) -> None:
    """Note the comment ``line`` (stripped; not a ``#|`` line) on ``entry``."""
    kind, rest = line[1:2], line[2:]
    if kind == ".":
        entry.auto_comments.append(rest[1:] if rest.startswith(" ") else rest)
    elif kind == ":":
        entry.locations.extend(rest.split())
    elif kind == ",":
        entry.flags.extend(f for f in (f.strip() for f in rest.split(",")) if f)
    else:  # "# text" and any other "#..." line: a translator comment, as gettext has it
        entry.user_comments.append(line[2:] if line[1:2] == " " else line[1:])


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


# An entry as gettext's tools write nearly every one: comments (not #| or #~), msgctxt,
# msgid and msgstr at the start of their lines, one space after each keyword, each
# string on lines of its own, then blank lines. Read with one match, not line by line.
_QUOTED = r'"[^\n]*"\n(?:"[^\n]*"\n)*'
_COMMON_ENTRY = re.compile(
    rf"(?P<comments>(?:#(?![~|])[^\n]*\n)*)(?:msgctxt (?P<msgctxt>{_QUOTED}))?"
    rf"msgid (?P<msgid>{_QUOTED})msgstr (?P<msgstr>{_QUOTED})\n*")
# A field's lines, each one quoted string; when none has an octal or hex escape (which
# could run on into the next line's digits), unescaping them joined is unescaping each.
_STRING_LINES = re.compile(r'(?:"[^"\\\n]*(?:\\.[^"\\\n]*)*"\n)+')
_NUMERIC_ESCAPE = re.compile(r"\\[0-7x]")


def _common_entries(parser: _Parser, text: str) -> tuple[list[Entry], int]:
    """The entries at the start of ``text`` that :data:`_COMMON_ENTRY` matches, as
    :meth:`_Parser.feed` reads them, and the line where the parser is to go on.

    The parser reads the rest from the last of them on: what follows an entry may still
    be part of it (a string line after a blank line continues its msgstr), while an
    entry's first line, a comment or keyword, starts an entry in any state the parser
    is in. An entry whose strings the parser would refuse is left to it too, to say why.
    """
    entries: list[Entry] = []
    at, number = 0, 1
    while match := _COMMON_ENTRY.match(text, at):
        entry = Entry(first=number)
        line = number
        for comment in match["comments"].split("\n")[:-1]:  # lines end at \n only
            _add_comment(entry, comment.strip())
            line += 1
        try:
            for name in ("msgctxt", "msgid", "msgstr"):
                block = match[name]
                if block is None:
                    continue
                entry.starts[name] = line
                if _STRING_LINES.fullmatch(block) and not _NUMERIC_ESCAPE.search(block):
                    entry.fields[name] = unescape(block[1:-2].replace('"\n"', ""), parser.path,
                                                  line)
                    line += block.count("\n")
                else:
                    value = []
                    for quoted in block.split("\n")[:-1]:
                        value.append(parser.string(quoted, line))
                        line += 1
                    entry.fields[name] = "".join(value)
        except TriglotError:
            break  # the parser says where, reading the entry again
        entry.line, entry.last = entry.starts["msgid"], line - 1
        entries.append(entry)
        at, number = match.end(), number + match.group().count("\n")
    if entries:
        number = entries.pop().first
    return entries, number


def parse_entries(text: str, path: str | Path) -> list[Entry]:
    """The entries of a catalog's text, header first when it has one.

    >>> [e.fields["msgid"] for e in parse_entries('msgid "a"\\nmsgstr "b"\\n', "x.po")]
    ['a']
    >>> e = parse_entries('#, fuzzy\\n#| msgid ""\\n#| "long "\\n#| "old"\\nmsgid "new"\\n'
    ...                   'msgstr "x"\\n', "x.po")[0]
    >>> e.flags, e.previous, e.first, e.line, e.last
    (['fuzzy'], {'msgid': 'long old'}, 1, 5, 6)
    >>> parse_entries('msgid "a"\\nmsgstr b\\n', "bad.po")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: bad.po:2: not a valid catalog line: 'msgstr b'
    """
    parser = _Parser(path)
    parser.entries, start = _common_entries(parser, text if text.endswith("\n") else text + "\n")
    lines = text.split("\n")
    for number in range(start, len(lines) + 1):
        parser.feed(number, lines[number - 1])
    parser.finish(len(lines))
    return parser.entries
