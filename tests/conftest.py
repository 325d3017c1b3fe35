from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOTS = Path(__file__).parent / "roots"


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-site built as triglot builds a site: <site>/<language folder>/."""
    import os
    import shutil
    import subprocess
    import sys

    from triglot.languages import get_language

    base = tmp_path_factory.mktemp("site")
    source = base / "src"
    shutil.copytree(ROOTS / "test-site", source)  # Sphinx writes .mo files beside the .po
    tools = str(Path(__file__).parents[1] / "tools")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [tools,
                                                                      os.environ.get("PYTHONPATH")]))}
    for code in ("en", "ja", "pt_BR"):
        outdir = base / "site" / get_language(code).site_dir
        subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W",
                        "-d", str(base / "doctrees" / code), "-D", f"language={code}",
                        str(source), str(outdir)], check=True, env=env)
    return base / "site"
