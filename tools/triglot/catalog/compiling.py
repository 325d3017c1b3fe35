"""A catalog compiled to the ``.mo`` file gettext (and so Sphinx) reads at build time.

Sphinx compiles a ``.po`` reading it in its ``source_encoding``, whatever the header
declares: a genuine Latin-1 catalog fails to read and its language is shown in English,
and UTF-8 under an ISO-8859-1 header is garbled or dropped. Compiled here, the ``.po`` is
read as every other reader of the toolkit reads it (:func:`~triglot.catalog.charset.
decode_catalog`: the declared charset, a mismatch an error at its line) and the ``.mo``
is written in UTF-8, which gettext takes from its header.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from triglot.catalog.reading import read_catalog
from triglot.textio import write_atomic


def compile_catalog(po: str | Path, mo: str | Path, use_fuzzy: bool = False, *,
                    read: Callable[[Path], Catalog] = read_catalog) -> bool:
    """Write ``mo`` from ``po`` unless it is already as new; True when it was written.

    A catalog that cannot be read (bytes not its declared charset, a malformed entry) is a
    :class:`~triglot.errors.TriglotError` naming its line, and nothing is written. ``read``
    reads ``po`` (a reader that keeps what it read, to read it only once; the catalog it
    returns is left as it was).
    """
    po, mo = Path(po), Path(mo)
    if mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
        return False
    catalog = read(po)
    # decoded already: the .mo is written in UTF-8, which its header tells gettext
    charset, catalog.charset = catalog.charset, "utf-8"
    buffer = BytesIO()
    try:
        write_mo(buffer, catalog, use_fuzzy=use_fuzzy)
    finally:
        catalog.charset = charset
    if not write_atomic(mo, buffer.getvalue()):
        os.utime(mo)  # same bytes: mark it up to date so that the next build skips it
    return True
