"""The extension's own message catalog, through Sphinx's i18n (``get_translation``).

The extension's words (channel and mode names, "Text description", the step-through
buttons) live in ``locales/<lang>/LC_MESSAGES/triglot.po`` in the extension's folder. Sphinx
reads compiled ``.mo`` files only, and binaries are not committed: :func:`register`
compiles the build language's ``.po`` into the build's doctree directory (again only
when the ``.po`` is newer) and registers that directory.
"""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

import sphinx.locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from sphinx.application import Sphinx

from triglot.errors import TriglotError
from triglot.textio import write_atomic

CATALOG = "triglot"
LOCALES = Path(__file__).parent.parent / "locales"


def read_po_file(path: Path) -> Catalog:
    """The catalog at ``path``; a malformed one is a :class:`TriglotError` naming it."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except PoFileError as exc:
        raise TriglotError(f"bad message catalog: {exc}", path) from None
    except OSError as exc:
        raise TriglotError(f"cannot read message catalog: {exc.strerror}", path) from None


def compile_catalog(po: Path, mo: Path) -> bool:
    """Write ``mo`` from ``po`` unless it is already newer; True when it was written."""
    if mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
        return False
    buffer = BytesIO()
    write_mo(buffer, read_po_file(po))
    if not write_atomic(mo, buffer.getvalue()):
        os.utime(mo)  # same bytes: mark it up to date so the next build skips it
    return True


def register(app: Sphinx) -> Path:
    """Compile the build language's catalog and register it; return the cache directory."""
    language = app.config.language or "en"
    cache = Path(app.doctreedir) / "triglot-locales"
    po = LOCALES / language / "LC_MESSAGES" / f"{CATALOG}.po"
    if po.is_file():
        compile_catalog(po, cache / language / "LC_MESSAGES" / f"{CATALOG}.mo")
    # Sphinx keeps translators per process and merges later languages in as fallbacks:
    # forget an earlier build's language so that this build's one wins.
    for namespace in ("general", "console"):
        sphinx.locale.translators.pop((namespace, CATALOG), None)
    app.add_message_catalog(CATALOG, str(cache))
    return cache
