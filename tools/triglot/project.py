"""Where a triglot documentation project keeps its parts, read from its ``conf.py``.

The layout is by default the one of DESIGN.md: ``conf.py`` at the root, English sources
in ``docs/`` (``triglot_source_dir``), catalogs in ``locale/<lang>/LC_MESSAGES/<doc>.po``
(the first of ``locale_dirs``, which Sphinx reads relative to the sources), the termbase
in ``glossary/``. The project's languages are the ``triglot_languages`` of ``conf.py``.
"""

from __future__ import annotations

import os
import runpy
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from triglot.errors import TriglotError
from triglot.languages import Language, get_language

DEFAULT_LANGUAGES = ("en",)
DEFAULT_GLOSSARY = "glossary/termbase.yaml"


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[Language, ...]
    glossary: Path
    sources: str = "docs"
    """The source folder, relative to the root."""
    locales: str = "locale"
    """The catalogs' folder, relative to the root."""

    @property
    def source_dir(self) -> Path:
        return self.root / self.sources

    @property
    def locale_dir(self) -> Path:
        return self.root / self.locales

    @property
    def source_language(self) -> Language:
        return self.languages[0]

    @property
    def translations(self) -> tuple[Language, ...]:
        return self.languages[1:]

    def catalog_path(self, language: Language, docname: str) -> Path:
        """The catalog of ``docname`` (a Sphinx document name: relative, ``/``-separated)
        in ``language``; a name that would lead out of its ``LC_MESSAGES`` is an error.

        >>> project = Project(Path("p"), (), Path("g.yaml"))
        >>> project.catalog_path(get_language("ja"), "guide/intro").as_posix()
        'p/locale/ja/LC_MESSAGES/guide/intro.po'
        >>> project.catalog_path(get_language("ja"), "../../../conf")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        triglot.errors.TriglotError: '../../../conf' is not a document name: it leads out of ...
        """
        folder = PurePosixPath(self.locales, language.code, "LC_MESSAGES")
        name = PurePosixPath(docname)
        if (not docname.strip() or name.is_absolute() or ".." in name.parts or "\\" in docname
                or any(ord(char) < 32 for char in docname)):
            raise TriglotError(f"{docname!r} is not a document name: it leads out of {folder}")
        return self.root / folder / f"{docname}.po"

    def catalogs(self) -> list[Path]:
        """Every catalog of the project's translations, in a stable order."""
        return [
            path
            for language in self.translations
            for path in sorted((self.locale_dir / language.code / "LC_MESSAGES").glob("**/*.po"))
        ]

    def relative(self, path: Path) -> str:
        """``path`` as the project's users see it: relative to the root when inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def load_project(root: str | Path = ".") -> Project:
    """Read the project whose ``conf.py`` is in ``root``."""
    root = Path(root)
    conf = root / "conf.py"
    if not conf.is_file():
        raise TriglotError("no conf.py here: run triglot from the project's root", path=root)
    try:
        namespace = runpy.run_path(str(conf))
    except Exception as exc:  # noqa: BLE001 -- a broken conf.py is the user's input error
        raise TriglotError(f"cannot be read: {exc}", path=conf) from None
    codes = namespace.get("triglot_languages", DEFAULT_LANGUAGES)
    if not codes:
        raise TriglotError("triglot_languages is empty", path=conf)
    languages = tuple(get_language(code) for code in codes)
    glossary = root / namespace.get("triglot_glossary", DEFAULT_GLOSSARY)
    sources = str(namespace.get("triglot_source_dir", "docs"))
    locale_dirs = namespace.get("locale_dirs") or []
    locales = (os.path.normpath(os.path.join(sources, locale_dirs[0])) if locale_dirs
               else "locale")
    return Project(root=root, languages=languages, glossary=glossary, sources=sources,
                   locales=locales)
