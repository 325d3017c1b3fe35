"""Reading and writing gettext catalogs with Babel, with output stable across runs.

A catalog written twice from the same content is byte-identical: the revision date only
moves when the content does, the creation date is the catalog's own, and entries keep
the template's (document) order.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

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


def check_syntax(text: str, path: str | Path) -> None:
    """Refuse what Babel's lenient parser would silently misread, naming the line.

    >>> check_syntax('msgid "a"\\nmsgstr "b"\\n', "ok.po")
    >>> check_syntax('msgid "a"\\nmsgstr b\\n', "bad.po")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: bad.po:2: not a valid catalog line: 'msgstr b'
    >>> check_syntax('msgid "a"\\nmsgstr ""\\n\\nmsgid ""\\n"a"\\nmsgstr ""\\n', "dup.po")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: dup.po:4: duplicate message "a" (first at line 1)
    """
    seen: dict[tuple[str | None, str], int] = {}
    context: str | None = None
    field, value, start = "", "", 0

    def finish() -> None:
        nonlocal context
        if field == "msgid" and value:
            key = (context, value)
            if key in seen:
                raise TriglotError(f"duplicate message \"{value[:40]}\" (first at line "
                                   f"{seen[key]})", path=path, line=start)
            seen[key] = start
        if field != "msgctxt":
            context = None if field == "msgid" else context

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
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
                context = value
            field, value, start = match["keyword"], "", number
        value += match["string"][1:-1]
    finish()


def read_catalog(path: str | Path) -> Catalog:
    """Read a ``.po`` file; a malformed one is a :class:`TriglotError` naming its line."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TriglotError("no such file", path=path) from None
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path=path) from None
    text = decode_text(data, path)
    check_syntax(text, path)
    try:
        return read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        raise TriglotError(f"not a valid catalog: {exc}", path=path) from None


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
    catalog.revision_date = datetime.now(timezone.utc).replace(microsecond=0)
    return write_atomic(path, render_catalog(catalog))
