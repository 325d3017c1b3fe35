"""Where a Sphinx project keeps its parts, read from its ``conf.py`` as Sphinx reads it.

``conf.py`` is loaded through Sphinx's own configuration machinery (``Config.read``: run
from its directory, with ``tags``, ``-D`` overrides applied), so a project's own
``conf.py`` works unchanged. Its parts are those ``sphinx-build`` would use: the sources
(the ``SOURCEDIR`` argument, else ``triglot_source_dir``, else the configuration
directory, as ``sphinx-build`` defaults ``-c`` to the sources), the catalogs in
``locale_dirs`` (relative to the sources) laid out as ``gettext_compact`` says, the
languages of ``triglot_languages`` as the project spells them, and the termbase of
``triglot_glossary``.
"""

from __future__ import annotations

import argparse
import os
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from triglot.errors import TriglotError
from triglot.languages import Language, get_language

DEFAULT_LANGUAGES = ("en",)
DEFAULT_GLOSSARY = "glossary/termbase.yaml"
CONF = "conf.py"


@dataclass(frozen=True)
class Project:
    root: Path
    """The configuration directory, where ``conf.py`` is."""
    languages: tuple[Language, ...]
    glossary: Path
    sources: str = "docs"
    """The source folder, relative to the root (or absolute)."""
    locales: str = "locale"
    """The first catalog folder, relative to the root (or absolute): where imports write."""
    compact: bool | str = False
    """``gettext_compact``: one catalog per document (False), per top folder (True), or
    one for everything (its name)."""
    more_locales: tuple[str, ...] = ()
    """The other folders of ``locale_dirs``, read as the first one."""
    overrides: tuple[tuple[str, str], ...] = field(default=())
    """The ``-D name=value`` settings the project was read with, for every build."""
    tags: tuple[str, ...] = ()
    """The ``-t`` tags it was read with."""
    extensions: tuple[str, ...] = ()
    """The modules of ``extensions`` in ``conf.py``, which each build loads."""
    html_theme: str = ""
    """``html_theme``: the theme the HTML builds load."""

    @property
    def source_dir(self) -> Path:
        return self.root / self.sources

    @property
    def locale_dir(self) -> Path:
        return self.root / self.locales

    @property
    def locale_dirs(self) -> tuple[Path, ...]:
        return (self.locale_dir, *(self.root / folder for folder in self.more_locales))

    @property
    def source_language(self) -> Language:
        return self.languages[0]

    @property
    def translations(self) -> tuple[Language, ...]:
        return self.languages[1:]

    def catalog_path(self, language: Language, docname: str) -> Path:
        """The catalog Sphinx looks ``docname``'s messages up in (first locale folder);
        ``docname`` is a Sphinx document name (relative, ``/``-separated), and one that
        would lead out of its ``LC_MESSAGES`` is an error.

        >>> project = Project(Path("/p"), (get_language("en"),), Path("g"), compact=True)
        >>> project.catalog_path(get_language("zh_CN"), "tutorial/index").as_posix()
        '/p/locale/zh_CN/LC_MESSAGES/tutorial.po'
        >>> project.catalog_path(get_language("ja"), "../../../conf")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        triglot.errors.TriglotError: '../../../conf' is not a document name: it leads out of ...
        """
        from sphinx.util.i18n import docname_to_domain

        folder = PurePosixPath(self.locales, language.code, "LC_MESSAGES")
        name = PurePosixPath(docname)
        if (not docname.strip() or name.is_absolute() or ".." in name.parts or "\\" in docname
                or any(ord(char) < 32 for char in docname)):
            raise TriglotError(f"{docname!r} is not a document name: it leads out of {folder}")
        return self.root / folder / f"{docname_to_domain(docname, self.compact)}.po"

    def catalogs(self) -> list[Path]:
        """Every catalog of the project's translations in every locale folder, sub-folders
        included, in a stable order."""
        return [
            path
            for language in self.translations
            for folder in self.locale_dirs
            for path in sorted((folder / language.code / "LC_MESSAGES").glob("**/*.po"))
        ]

    def relative(self, path: Path) -> str:
        """``path`` as the project's users see it: relative to the working directory when
        inside it."""
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return str(path)

    def sphinx_options(self) -> list[str]:
        """The ``sphinx-build`` options that read the project as it was read here."""
        return [*(f"-D{name}={value}" for name, value in self.overrides),
                *(f"-t{tag}" for tag in self.tags)]

    def select(self, codes: Sequence[str]) -> tuple[Language, ...]:
        """The project's languages named by ``codes`` (``-l``), in the project's order; all
        of them when ``codes`` is empty."""
        if not codes:
            return self.languages
        wanted = [get_language(code) for code in codes]
        for language in wanted:
            if language not in self.languages:
                raise TriglotError(
                    f"-l {language.code}: not one of triglot_languages "
                    f"({', '.join(lang.code for lang in self.languages)})",
                    path=self.root / CONF)
        return tuple(lang for lang in self.languages if lang in wanted)


def project_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that say where the project is and how to read its ``conf.py``, as
    ``sphinx-build`` takes them."""
    parser.add_argument("-c", "--project", dest="confdir", type=Path, default=None,
                        metavar="CONFDIR",
                        help="where conf.py is (default: SOURCEDIR if given, else .)")
    parser.add_argument("-D", dest="overrides", action="append", default=[],
                        metavar="name=value",
                        help="override a setting of conf.py, as sphinx-build -D does")
    parser.add_argument("-t", dest="tags", action="append", default=[], metavar="TAG",
                        help="define a tag for conf.py and the 'only' directive, as "
                             "sphinx-build -t does")


def read_project(args: argparse.Namespace, sources: Path | None = None) -> Project:
    """The project the options of :func:`project_arguments` name (``-c`` defaulting to
    ``sources``, then ``.``)."""
    return load_project(args.confdir or sources or Path("."), sources,
                        parse_overrides(args.overrides), args.tags)


def parse_overrides(settings: Iterable[str]) -> dict[str, str]:
    """``-D name=value`` arguments as a mapping, as ``sphinx-build`` takes them.

    >>> parse_overrides(["language=ja", "locale_dirs=../locales,more"])
    {'language': 'ja', 'locale_dirs': '../locales,more'}
    >>> parse_overrides(["language"])
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: -D language: expected name=value
    """
    overrides = {}
    for setting in settings:
        name, equals, value = setting.partition("=")
        if not equals or not name:
            raise TriglotError(f"-D {setting}: expected name=value")
        overrides[name] = value
    return overrides


def load_project(root: str | Path = ".", sources: str | Path | None = None,
                 overrides: Mapping[str, str] | None = None,
                 tags: Sequence[str] = ()) -> Project:
    """Read the project whose ``conf.py`` is in ``root`` (``-c``), with its sources in
    ``sources`` (``SOURCEDIR``) when given, as ``sphinx-build`` would with these
    ``-D`` overrides and ``-t`` tags."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    from triglot.sphinxext.core.config import OPTIONS

    root = Path(root)
    conf = root / CONF
    if not conf.is_file():
        raise TriglotError(f"no {CONF} here: run triglot in the project's configuration "
                           "directory or give it with -c CONFDIR", path=root)
    overrides = dict(overrides or {})
    try:
        config = Config.read(root.resolve(), overrides=overrides, tags=Tags(list(tags)))
        for option in OPTIONS:
            config.add(option.name, option.default, option.rebuild, option.types,
                       option.help)
        # declared by Sphinx's gettext and HTML builders, which only an application
        # loads; Sphinx's own defaults and types
        config.add("gettext_compact", True, "gettext", (bool, str))
        config.add("html_theme", "alabaster", "html", (str,))
        codes = list(config.triglot_languages or [])
        glossary_setting = config.triglot_glossary
        source_setting = config.triglot_source_dir
        locale_dirs = list(config.locale_dirs or [])
        compact = config.gettext_compact
        extensions = tuple(str(name) for name in config.extensions or ())
        html_theme = str(config.html_theme or "")
    except Exception as exc:  # noqa: BLE001 -- a broken conf.py is the user's input error
        raise _conf_error(conf, exc) from None
    if not codes:
        raise TriglotError("triglot_languages is empty", path=conf)
    try:
        languages = tuple(get_language(code) for code in codes)
    except TriglotError as exc:
        raise TriglotError(f"triglot_languages: {exc.message}", path=conf) from None
    glossary = root / (glossary_setting or DEFAULT_GLOSSARY)
    if sources is not None:
        source_dir = os.path.relpath(Path(sources).resolve(), root.resolve())
    else:
        source_dir = str(source_setting or ".")
    if not (root / source_dir).is_dir():
        where = ("its SOURCEDIR argument" if sources is not None
                 else f"triglot_source_dir in {conf}" if source_setting
                 else "a SOURCEDIR argument or triglot_source_dir in conf.py")
        raise TriglotError(f"no source directory here: give it with {where}",
                           path=root / source_dir)
    folders = [os.path.normpath(os.path.join(source_dir, folder)) for folder in locale_dirs]
    return Project(root=root, languages=languages, glossary=glossary, sources=source_dir,
                   locales=folders[0] if folders else os.path.join(source_dir, "locales"),
                   compact=compact, more_locales=tuple(folders[1:]),
                   overrides=tuple(overrides.items()), tags=tuple(tags),
                   extensions=extensions, html_theme=html_theme)


def _conf_error(conf: Path, exc: Exception) -> TriglotError:
    """One line for an error in ``conf.py`` (or a module it imports): the innermost line
    of ``conf.py`` it passed through, and the exception itself."""
    cause = exc.__cause__ or exc
    line = getattr(cause, "lineno", None) if isinstance(cause, SyntaxError) else None
    for frame in traceback.extract_tb(cause.__traceback__):
        if Path(frame.filename).resolve() == conf.resolve():
            line = frame.lineno
    text = (str(cause).strip().splitlines() or [""])[-1]
    if cause is not exc:  # Sphinx's wrapper around the project's own exception
        text = f"{type(cause).__name__}: {text}"
    return TriglotError(f"cannot be read: {text}", path=conf, line=line)


def catalog_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The catalogs named on a command line: a file as it is, a folder by every ``.po``
    under it (recursively, in a stable order).

    Raises :class:`TriglotError` for a path that does not exist or a folder with no
    catalog.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(path.glob("**/*.po"))
            if not inside:
                raise TriglotError("no catalogs (.po) in this folder", path=path)
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise TriglotError("no such catalog or folder", path=path)
    return found


def project_catalogs(project: Project) -> list[Path]:
    """Every catalog of ``project`` (``triglot check``'s default), sub-folders included.

    Raises :class:`TriglotError` when there is none, saying where they were looked for.
    """
    found = project.catalogs()
    if not found:
        looked = ", ".join(project.relative(folder) for folder in project.locale_dirs)
        codes = ", ".join(lang.code for lang in project.translations)
        raise TriglotError(f"no catalogs of {codes} in {looked} (locale_dirs); give .po "
                           "paths or folders, or -D locale_dirs=…", path=project.root / CONF)
    return found
