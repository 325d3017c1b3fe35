"""The extension's own message catalog, through Sphinx's i18n (``get_translation``).

The extension's words (channel and mode names, "Text description", the step-through
buttons) live in ``locales/<lang>/LC_MESSAGES/triglot.po`` in the extension's folder. Sphinx
reads compiled ``.mo`` files only, and binaries are not committed: :func:`register`
compiles the build language's ``.po`` into the build's doctree directory (again only
when the ``.po`` is newer) and registers that directory.

Beside it, ``triglot-theme.po`` holds the page frame's words (the theme's templates: "Skip
to content", "Back to top", Previous/Next, the footer) that Sphinx's own catalog leaves
untranslated; :func:`add_theme_words` appends it to the translator Sphinx renders templates
with, as its last fallback: Sphinx's catalog, then the project's own ``sphinx.po`` in its
``locale_dirs``, come first.
"""

from __future__ import annotations

import gettext
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
THEME_CATALOG = "triglot-theme"
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


def _compiled(app: Sphinx, catalog: str) -> Path | None:
    """The build language's ``catalog`` compiled into the build's cache directory, or None
    when the extension has none for that language."""
    language = app.config.language or "en"
    po = LOCALES / language / "LC_MESSAGES" / f"{catalog}.po"
    if not po.is_file():
        return None
    mo = Path(app.doctreedir) / "triglot-locales" / language / "LC_MESSAGES" / f"{catalog}.mo"
    compile_catalog(po, mo)
    return mo


def register(app: Sphinx) -> Path:
    """Compile the build language's catalog and register it; return the cache directory."""
    cache = Path(app.doctreedir) / "triglot-locales"
    _compiled(app, CATALOG)
    # Sphinx keeps translators per process and merges later languages in as fallbacks:
    # forget an earlier build's language so that this build's one wins.
    for namespace in ("general", "console"):
        sphinx.locale.translators.pop((namespace, CATALOG), None)
    app.add_message_catalog(CATALOG, str(cache))
    return cache


def add_theme_words(app: Sphinx) -> None:
    """Let the templates find the frame's words Sphinx has no translation for."""
    mo = _compiled(app, THEME_CATALOG)
    if mo is not None and app.translator is not None:
        with mo.open("rb") as handle:
            app.translator.add_fallback(gettext.GNUTranslations(handle))
