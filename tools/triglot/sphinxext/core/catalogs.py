"""Every site language's catalog of a document, read from the ``.po`` files.

Each language's build only compiles its own catalogs, but the site shows the other
languages too (counterparts, the parallel view, status notes), so the extension reads
the ``.po`` catalogs itself: they also keep the fuzzy entries the ``.mo`` files drop.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sphinx.errors import SphinxError
from sphinx.util.i18n import CatalogRepository, docname_to_domain

from triglot.errors import TriglotError
from triglot.sphinxext.core.filecache import per_file
from triglot.sphinxext.core.state import PerBuild

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

State = Literal["translated", "outdated", "untranslated"]


class CatalogError(SphinxError):
    category = "triglot catalog error"


def compile_catalogs(app: Sphinx) -> None:
    """Compile the build language's ``.mo`` files before Sphinx would (it reads a ``.po`` in
    ``source_encoding`` whatever its header declares), in the charset each declares; a
    catalog that is not is an error at its line, never a language silently in English."""
    if not app.config.language or not app.config.gettext_auto_build:
        return
    from triglot.catalog import compile_catalog

    repository = CatalogRepository(app.srcdir, app.config.locale_dirs, app.config.language,
                                   app.config.source_encoding)
    for info in repository.catalogs:
        try:
            compile_catalog(info.po_path, info.mo_path,
                            app.config.gettext_allow_fuzzy_translations, read=read_po)
        except TriglotError as exc:
            raise CatalogError(str(exc)) from None


@per_file
def read_po(path: str) -> Catalog:
    """The catalog at ``path``, read once per process and file version (every catalog
    the extension reads goes through here; it never writes one back, so the file's
    layout is not kept)."""
    from triglot.catalog import read_catalog

    return read_catalog(path, keep_layout=False)


# Each (document, language)'s catalog files, found once per build (per configuration):
# the locale folders do not change while a build runs, and each is asked for many times.
_PATHS: PerBuild[dict[tuple[str, str], list[Path]]] = PerBuild(lambda config: {})


def catalog_paths(project: Sphinx | BuildEnvironment, docname: str, code: str) -> list[Path]:
    """The ``.po`` files of ``docname`` in language ``code`` that exist, in the order of
    ``locale_dirs`` (Sphinx's order of precedence)."""
    known = _PATHS.of(project.config)
    if (docname, code) not in known:
        domain = docname_to_domain(docname, project.config.gettext_compact)
        paths = (Path(project.srcdir, directory, code, "LC_MESSAGES", f"{domain}.po").resolve()
                 for directory in project.config.locale_dirs)
        known[docname, code] = [path for path in paths if path.is_file()]
    return list(known[docname, code])


def catalogs_for(project: Sphinx | BuildEnvironment, docname: str,
                 code: str) -> list[Catalog]:
    """The catalogs of ``docname`` in ``code``."""
    return [read_po(path) for path in catalog_paths(project, docname, code)]


@dataclass(frozen=True)
class Translation:
    """A message's text in one language, as a reader of that language's site sees it."""

    text: str
    state: State
    message: Message | None = None


def translation(catalogs: list[Catalog], msgid: str) -> Translation:
    """Look ``msgid`` up: the first catalog with a text for it wins, as in Sphinx.

    >>> from babel.messages.catalog import Catalog
    >>> catalog = Catalog(locale="ja")
    >>> _ = catalog.add("Old.", "古い。", flags=["fuzzy"])
    >>> _ = catalog.add("Done.", "完了。")
    >>> [translation([catalog], m).state for m in ("Done.", "Old.", "Missing.")]
    ['translated', 'outdated', 'untranslated']
    """
    for catalog in catalogs:
        message = catalog.get(msgid)
        if message is not None and message.string:
            return Translation(str(message.string),
                               "outdated" if message.fuzzy else "translated", message)
    found = next((m for m in (c.get(msgid) for c in catalogs) if m is not None), None)
    return Translation("", "untranslated", found)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", compile_catalogs)
