"""The catalog layer: gettext catalogs read, merged and written as gettext's tools do.

``read_catalog`` returns a Babel :class:`~babel.messages.catalog.Catalog` (a
:class:`PoCatalog` that remembers its file's layout); ``write_catalog`` writes one back
changing only the lines of what changed; ``compile_catalog`` writes the ``.mo`` a build
reads, from the catalog read in its declared charset.
"""

from __future__ import annotations

from triglot.catalog.compiling import compile_catalog
from triglot.catalog.merging import new_catalog, update_catalog
from triglot.catalog.reading import PoCatalog, parse_catalog, read_catalog
from triglot.catalog.writing import render_catalog, write_catalog

__all__ = ["PoCatalog", "compile_catalog", "new_catalog", "parse_catalog", "read_catalog",
           "render_catalog", "update_catalog", "write_catalog"]
