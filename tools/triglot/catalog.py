"""Reading and writing gettext catalogs with Babel, with output stable across runs.

A catalog written twice from the same content is byte-identical: the revision date only
moves when the content does, the creation date is the catalog's own, and entries keep
the template's (document) order.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, unescape, write_po

from triglot.errors import TriglotError
from triglot.languages import get_language
from triglot.textio import decode_text, write_atomic

#: Babel's default wrapping, as ``pybabel update`` and ``sphinx-intl`` write catalogs.
WIDTH = 76


_STRING = r'"(?:[^"\\]|\\["\\abfnrtv0-7x?])*"'
_LINE = re.compile(
    rf"^(?P<obsolete>#~\s*)?(?:(?P<keyword>msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"
    rf"(?P<string>{_STRING})\s*$"
)


_PREVIOUS = re.compile(rf"^#\|\s*(?:(?P<keyword>msgctxt|msgid|msgid_plural)\s+)?(?P<string>{_STRING})\s*$")

Key = tuple[str | None, str]


def _unescape(body: str) -> str:
    return unescape(f'"{body}"')


def scan_catalog(text: str, path: str | Path) -> dict[Key, str]:
    """Check the syntax Babel's lenient parser would silently misread, naming the line,
    and return the previous msgids (``#| msgid``) by entry, which Babel does not read.

    >>> scan_catalog('#, fuzzy\\n#| msgid "old"\\nmsgid "new"\\nmsgstr "b"\\n', "ok.po")
    {(None, 'new'): 'old'}
    >>> scan_catalog('msgid "a"\\nmsgstr b\\n', "bad.po")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: bad.po:2: not a valid catalog line: 'msgstr b'
    >>> scan_catalog('msgid "a"\\nmsgstr ""\\n\\nmsgid ""\\n"a"\\nmsgstr ""\\n', "dup.po")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: dup.po:4: duplicate message "a" (first at line 1)
    """
    seen: dict[Key, int] = {}
    previous: dict[Key, str] = {}
    context: str | None = None
    pending_previous = ""
    field, value, start = "", "", 0

    def finish() -> None:
        nonlocal context, pending_previous
        if field == "msgid":
            key = (context, _unescape(value))
            if value and key in seen:
                raise TriglotError(f"duplicate message \"{key[1][:40]}\" (first at line "
                                   f"{seen[key]})", path=path, line=start)
            seen[key] = start
            if pending_previous:
                previous[key] = _unescape(pending_previous)
            context, pending_previous = None, ""

    previous_field = ""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("#|"):
            match = _PREVIOUS.match(stripped)
            if match and match["keyword"]:
                previous_field = match["keyword"]
            if match and previous_field == "msgid":
                pending_previous += match["string"][1:-1]
            continue
        if not stripped or (stripped.startswith("#") and not stripped.startswith("#~")):
            continue
        match = _LINE.match(stripped)
        if not match or (match["obsolete"] is None and match["keyword"] is None and not field):
            shown = stripped if len(stripped) <= 60 else stripped[:57] + "..."
            raise TriglotError(f"not a valid catalog line: {shown!r}", path=path, line=number)
        if match["obsolete"]:
            continue
        if match["keyword"]:
            finish()
            if field == "msgctxt":
                context = _unescape(value)
            field, value, start = match["keyword"], "", number
            previous_field = ""
        value += match["string"][1:-1]
    finish()
    return previous


def read_catalog(path: str | Path) -> Catalog:
    """Read a ``.po`` file; a malformed one is a :class:`TriglotError` naming its line."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TriglotError("no such file", path=path) from None
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path=path) from None
    text = decode_text(data, path)
    previous = scan_catalog(text, path)
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        raise TriglotError(f"not a valid catalog: {exc}", path=path) from None
    for message in catalog:  # Babel reads "#| msgid" lines as translator comments
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    for (context, msgid), previous_id in previous.items():
        message = catalog.get(msgid, context=context)
        if message is not None:
            message.previous_id = [previous_id]
    return catalog


def new_catalog(language: str, template: Catalog) -> Catalog:
    """An empty catalog for ``language`` with the template's project metadata."""
    name = get_language(language).name
    return Catalog(
        locale=language,
        header_comment=(f"# {name} translation of {template.project}.\n"
                        "# Started by triglot import; re-imports keep translators' edits.\n#"),
        project=template.project,
        version=template.version or "1",
        creation_date=template.creation_date,
        last_translator="triglot import",
        language_team=name,
        fuzzy=False,
    )


def update_catalog(catalog: Catalog, template: Catalog) -> None:
    """Bring ``catalog`` up to date with the English ``template`` (Babel's update).

    Entries whose English changed become fuzzy with the previous English kept; an entry
    that is still fuzzy from an earlier change keeps its previous English too.
    """
    previous = {message.id: message.previous_id for message in catalog if message.previous_id}
    catalog.update(template, update_creation_date=False)
    for message in catalog:
        if message.fuzzy and not message.previous_id and message.id in previous:
            message.previous_id = previous[message.id]


def render_catalog(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=True)
    return buffer.getvalue()


def write_catalog(path: str | Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` atomically; return whether the file changed.

    The ``PO-Revision-Date`` is kept when nothing else differs, so a re-run changes nothing.
    """
    path = Path(path)
    if path.is_file():
        catalog.revision_date = read_catalog(path).revision_date
        if render_catalog(catalog) == path.read_bytes():
            return False
    catalog.revision_date = datetime.now(UTC).replace(microsecond=0)
    return write_atomic(path, render_catalog(catalog))
