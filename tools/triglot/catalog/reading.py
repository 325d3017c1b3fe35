"""Reading a ``.po`` file into a Babel catalog that remembers its file's layout."""

from __future__ import annotations

import re
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog, Message

from triglot.catalog.charset import decode_catalog
from triglot.catalog.layout import Layout, snapshot, wrap_width
from triglot.catalog.pofile import Entry, parse_entries
from triglot.catalog.wrap import GETTEXT_WIDTH
from triglot.errors import TriglotError
from triglot.textio import ANY, read_bytes, version_of

_REFERENCE = re.compile(r"(?P<file>.+):(?P<line>\d+)")


class PoCatalog(Catalog):
    """A Babel catalog read from a file, with that file's :class:`Layout`.

    ``file_version`` is the :func:`~triglot.textio.version_of` the bytes it was read from (None
    for a catalog that has no file yet), for writing it back only over what was read.
    """

    layout: Layout
    file_version: str | None

    def __init__(self, *args: object, layout: Layout | None = None,
                 file_version: str | None = ANY, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.layout = layout or Layout()
        self.file_version = file_version


def read_catalog(path: str | Path, *, keep_layout: bool = True) -> PoCatalog:
    """Read a ``.po`` (or ``.pot``) file in the charset its header declares; anything
    malformed is a :class:`TriglotError` naming its line. ``keep_layout=False`` for one
    that is only read, never written back: its entries' lines are not kept."""
    data = read_bytes(path)
    catalog = parse_catalog(decode_catalog(data, path), path, keep_layout=keep_layout)
    catalog.file_version = version_of(data)
    return catalog


def parse_catalog(text: str, path: str | Path, *, keep_layout: bool = True) -> PoCatalog:
    r"""The catalog in ``text`` (read from ``path``, which errors name), with the
    :class:`Layout` of its entries unless ``keep_layout`` is False.

    >>> catalog = parse_catalog('msgid ""\nmsgstr "Language: ja\\n"\n\n'
    ...                         '#, fuzzy\n#| msgid "Old."\nmsgid "New."\nmsgstr "新"\n', "x.po")
    >>> message = catalog["New."]
    >>> str(catalog.locale), message.string, message.fuzzy, message.previous_id, message.lineno
    ('ja', '新', True, ['Old.'], 6)
    >>> parse_catalog('msgid "a"\nmsgstr ""\n\nmsgid ""\n"a"\nmsgstr ""\n', "dup.po")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: dup.po:4: duplicate message "a" (first at line 1)
    """
    lines = text.split("\n")
    layout = Layout(width=wrap_width(lines) if keep_layout else GETTEXT_WIDTH)
    catalog, entries = _header_and_entries(text, lines, path, layout)
    for entry in entries:
        message = _message(entry)
        key = catalog._key_for(message.id, message.context)
        if not entry.obsolete:
            catalog[message.id] = message
        else:
            catalog.obsolete[key] = message
        context = entry.previous.get("msgctxt")
        if context is not None:
            layout.previous_contexts[key] = context
        if keep_layout:
            layout.entries[(entry.obsolete, key)] = (snapshot(message, context),
                                                     lines[entry.first - 1:entry.last])
    return catalog


def read_entries(path: str | Path) -> tuple[PoCatalog, list[Entry]]:
    r"""The catalog's header (a :class:`PoCatalog` without messages) and its other entries
    as the file has them (obsolete ones too), refused where :func:`read_catalog` refuses
    them, without building a Babel message per entry: for readers of the translations
    alone, such as ``triglot check``.

    >>> import pathlib, tempfile
    >>> po = pathlib.Path(tempfile.mkdtemp()) / "x.po"
    >>> _ = po.write_text('msgid ""\nmsgstr "Language: ja\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    >>> header, entries = read_entries(po)
    >>> str(header.locale), [(e.fields["msgid"], e.fields["msgstr"], e.line) for e in entries]
    ('ja', [('a', 'b', 4)])
    """
    text = decode_catalog(read_bytes(path), path)
    lines = text.split("\n")
    header, entries = _header_and_entries(text, lines, path, Layout())
    if any(_is_header(entry) for entry in entries):
        # Babel reads a later msgid "" as the header again: let it
        return parse_catalog(text, path), [e for e in entries if not _is_header(e)]
    return header, entries


def _header_and_entries(text: str, lines: list[str], path: str | Path, layout: Layout
                        ) -> tuple[PoCatalog, list[Entry]]:
    """A catalog holding the file's header, and the file's other entries; a message
    given twice is an error."""
    catalog = PoCatalog(fuzzy=False, layout=layout)
    entries = parse_entries(text, path)
    if entries and _is_header(entries[0]):
        _read_header(catalog, entries.pop(0), lines, path)
    else:
        layout.header_comments = []
    seen: dict[object, int] = {}
    for entry in entries:
        if entry.obsolete:
            continue
        key = catalog._key_for(entry.fields["msgid"], entry.fields.get("msgctxt"))
        if key in seen:
            raise TriglotError(f'duplicate message "{_short(entry.fields["msgid"])}" '
                               f"(first at line {seen[key]})", path=path, line=entry.line)
        seen[key] = entry.line
    return catalog, entries


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _is_header(entry: Entry) -> bool:
    return (entry.fields["msgid"] == "" and "msgctxt" not in entry.fields
            and not entry.obsolete)


def _message(entry: Entry) -> Message:
    fields = entry.fields
    message_id: str | tuple[str, str] = fields["msgid"]
    string: str | tuple[str, ...] = fields.get("msgstr", "")
    previous = [entry.previous["msgid"]] if "msgid" in entry.previous else []
    if "msgid_plural" in fields:
        message_id = (fields["msgid"], fields["msgid_plural"])
        string = tuple(entry.plurals[index] for index in sorted(entry.plurals))
        if "msgid_plural" in entry.previous:
            previous.append(entry.previous["msgid_plural"])
    locations: list[tuple[str, int | None]] = []
    for reference in entry.locations:
        match = _REFERENCE.fullmatch(reference)
        locations.append((match["file"], int(match["line"])) if match else (reference, None))
    # Babel types a location's line as int, but writes and reads references without one
    message = Message(message_id, string, locations=locations,  # type: ignore[arg-type]
                      auto_comments=entry.auto_comments, user_comments=entry.user_comments,
                      previous_id=previous, lineno=entry.line, context=fields.get("msgctxt"))
    message.flags = set(entry.flags)  # the file's, not the format flags Babel guesses
    return message


def _read_header(catalog: PoCatalog, entry: Entry, lines: list[str], path: str | Path) -> None:
    layout = catalog.layout
    layout.header_comments = [line for line in lines[entry.first - 1:entry.line - 1]
                              if not line.startswith("#,")]
    layout.header_flags = list(entry.flags)
    catalog.fuzzy = "fuzzy" in entry.flags
    # each field with the lines that hold it, to write an unchanged field as it was
    start = entry.starts["msgstr"]
    pending: list[str] = []
    for number in range(start + 1, entry.last + 1):
        pending.append(lines[number - 1])
        if lines[number - 1].rstrip().endswith('\\n"') or number == entry.last:
            layout.header_field_lines.append(pending)
            pending = []
    fields = [line.split(":", 1) for line in entry.fields["msgstr"].split("\n") if line]
    if any(len(pair) != 2 for pair in fields) or len(fields) != len(layout.header_field_lines):
        layout.header_field_lines = [[] for _ in fields]  # laid out in an unusual way
    for number, pair in enumerate(fields):
        if len(pair) != 2:
            raise TriglotError(f"header line {number + 1} is not 'Name: value': {pair[0]!r}",
                               path=path, line=entry.line)
    # "Name: value": the value as written after the one space (Babel splits a version
    # off Project-Id-Version at its last space, even a trailing one)
    layout.header_fields = [(name.strip(), value[1:] if value.startswith(" ") else value)
                            for name, value in fields]
    try:
        catalog.mime_headers = layout.header_fields
    except (UnknownLocaleError, ValueError) as exc:
        raise TriglotError(f"bad header: {exc}", path=path, line=entry.line) from None
