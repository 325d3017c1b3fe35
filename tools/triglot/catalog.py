"""Reading and writing gettext catalogs with Babel, with output stable across runs.

A catalog written twice from the same content is byte-identical: the revision date only
moves when the content does, the creation date is the catalog's own, and entries keep
the template's (document) order.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from triglot.errors import TriglotError
from triglot.textio import decode_text, write_atomic

#: Babel's default wrapping, as ``pybabel update`` and ``sphinx-intl`` write catalogs.
WIDTH = 76


def read_catalog(path: str | Path) -> Catalog:
    """Read a ``.po`` file; a malformed one is a :class:`TriglotError` naming its line."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TriglotError("no such file", path=path) from None
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path=path) from None
    text = decode_text(data, path)
    try:
        return read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        raise TriglotError(f"not a valid catalog: {exc}", path=path, line=getattr(exc, "lineno", None)) from None


def new_catalog(language: str, template: Catalog) -> Catalog:
    """An empty catalog for ``language`` with the template's project metadata."""
    catalog = Catalog(
        locale=language,
        project=template.project,
        version=template.version,
        creation_date=template.creation_date,
        fuzzy=False,
    )
    return catalog


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
