"""The wheel carries every file the extension uses: built, installed into a fresh virtual
environment without the extras, it builds this repository's Japanese site.

Nothing is downloaded: the wheel is built with the installed setuptools and installed
without its dependencies, which the fresh environment finds in this one's site-packages
(one ``.pth`` line; the editable install of this checkout is not among them, since a
``.pth`` file's own folder list does not run the ``.pth`` files inside). spaCy and
SudachiPy are hidden from the build, as for a user who installed no extra.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]

BUILD = """\
import sys
for hidden in ("spacy", "spacy_lookups_data", "sudachipy", "sudachidict_core"):
    sys.modules[hidden] = None  # import fails, find_spec says not installed
import triglot
print("triglot from", triglot.__file__)
from sphinx.cmd.build import build_main
sys.exit(build_main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # pip builds in the tree it is given: not in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source)
    shutil.copytree(REPO / "tools" / "triglot", source / "tools" / "triglot",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(work / "dist"), str(source)], check=True)
    wheel = next((work / "dist").glob("triglot-*.whl"))
    env = work / "venv"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index",
                    str(wheel)], check=True)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def test_the_installed_wheel_builds_the_site_without_the_extras(
        fresh_python: Path, tmp_path: Path) -> None:
    out = tmp_path / "ja"
    done = subprocess.run(
        [str(fresh_python), "-c", BUILD, "-b", "html", "-q", "-c", str(REPO),
         "-d", str(tmp_path / "doctrees"), "-D", "language=ja", str(REPO / "docs"), str(out)],
        capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"triglot from {fresh_python.parents[1]}" in done.stdout  # not this checkout
    assert "need triglot[terms]" in done.stderr and "[triglot.missing-extra]" in done.stderr
    article = (out / "iis-aspnet.html").read_text(encoding="utf-8")
    assert 'class="triglot-languages"' in article  # templates and static files shipped
    assert "テキストによる説明" in article  # the diagram's words: the extension's catalogs
    assert (out / "_static" / "triglot-site.css").is_file()
    assert (out / "triglot-status.html").is_file()
