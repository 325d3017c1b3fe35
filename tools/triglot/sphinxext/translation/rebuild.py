"""Rebuild a page when any site language's catalog of it changes, not only its own.

Sphinx re-reads a document when its own language's catalog changes; but every page also
shows the other languages (counterparts, status), so the English build must rewrite
``X.html`` when ``locale/ja/.../X.po`` changes. Each document remembers a digest of
all its catalogs when it is read; ``env-get-outdated`` returns those whose digest moved.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from triglot.sphinxext.core.catalogs import catalog_paths
from triglot.sphinxext.core.filecache import per_file
from triglot.sphinxext.core.site import site_languages
from triglot.sphinxext.core.state import PerDocument

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


@per_file
def _file_digest(path: str) -> bytes:
    with open(path, "rb") as handle:
        return hashlib.sha1(handle.read()).digest()


def catalogs_digest(app: Sphinx, docname: str) -> str:
    """A digest of the content of every site language's catalogs of ``docname``."""
    digest = hashlib.sha1()
    for language in site_languages(app.config):
        for path in catalog_paths(app, docname, language.code):
            digest.update(language.code.encode("utf-8") + b"\0")
            digest.update(_file_digest(path))
    return digest.hexdigest()


DIGESTS: PerDocument[str] = PerDocument("triglot_catalog_digests")


def _remember(app: Sphinx, doctree: nodes.document) -> None:
    DIGESTS.of(app.env)[app.env.docname] = catalogs_digest(app, app.env.docname)


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> list[str]:
    known = env.found_docs - added - changed - removed
    return sorted(docname for docname, value in DIGESTS.of(env).items()
                  if docname in known and catalogs_digest(app, docname) != value)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _remember)
    DIGESTS.connect(app)
    app.connect("env-get-outdated", _outdated)
