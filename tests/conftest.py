from __future__ import annotations

import gettext
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sphinx.application
import sphinx.locale

ROOTS = Path(__file__).parent / "roots"

# Sphinx builds run in this process give what ``sphinx-build`` gives in a process of its own
# once three pieces of per-process state are taken care of (the extension keeps none that
# outlives a build unless keyed by the file's version):
# - a message Sphinx translates at import time (``PythonModuleIndex.localname``, the module
#   index's title in objects.inv) is a lazy proxy only while no translator is registered;
#   imported during a first build, it keeps that build's language for the whole process.
#   Importing the built-in extensions now, before any build, keeps them all lazy.
# - ``sphinx.locale.init`` merges a later build's language into the earlier one's translator,
#   which stays first: each build starts from none (as sphinx.testing's apps do).
# - ``gettext.translation``, through which Sphinx reads the documents' ``.mo`` files, keeps
#   each file it has read by path: a rebuild after a catalog was edited would translate
#   with the old file. Each build starts with that cache empty.
for _extension in (*sphinx.application.builtin_extensions, "sphinx.ext.graphviz"):
    importlib.import_module(_extension)


def build_in_process(source: Path, out: Path, language: str, *extra: str,
                     doctrees: Path | None = None, quiet: bool = True) -> Path:
    """``sphinx-build -b html -W`` (``-q`` when ``quiet``) of ``source`` in ``language``
    into ``out`` (doctrees beside it unless given), in this process; fails the test when
    the build fails."""
    from sphinx.cmd.build import build_main

    sphinx.locale.translators.clear()
    gettext._translations.clear()  # type: ignore[attr-defined]
    status = build_main(["-b", "html", *(["-q"] if quiet else []), "-W", *extra,
                         "-d", str(doctrees or out.parent / f"{out.name}.doctrees"),
                         "-D", f"language={language}", str(source), str(out)])
    sphinx.locale.translators.clear()
    assert status == 0, f"sphinx-build of {source} ({language}) failed; its messages are above"
    return out


@pytest.fixture()
def sphinx_html() -> Callable[..., Path]:
    """:func:`build_in_process`, for tests that build a fixture project in this process."""
    return build_in_process


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder of the test run's own (templates, lemma tables), never the user's."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if saved is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the fixture projects (tests/roots/test-<name>/)."""
    return ROOTS


def _build_site(tmp_path_factory: pytest.TempPathFactory, name: str, *extra: str) -> Path:
    """tests/roots/test-site built as triglot builds a site: <site>/<language folder>/,
    one build per language with ``extra`` arguments, in this process (see
    :func:`build_in_process`)."""
    import shutil

    from triglot.languages import get_language

    base = tmp_path_factory.mktemp(name)
    source = base / "src"
    shutil.copytree(ROOTS / "test-site", source)  # Sphinx writes .mo files beside the .po
    for code in ("en", "ja", "pt_BR"):
        build_in_process(source, base / "site" / get_language(code).site_dir, code, *extra,
                         doctrees=base / "doctrees" / code)
    return base / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-site built as a site (its own theme: basic)."""
    return _build_site(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def built_furo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-site built as a site with Furo (a sticky header, a dark mode)."""
    return _build_site(tmp_path_factory, "furo-site", "-D", "html_theme=furo")
