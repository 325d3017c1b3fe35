"""Builds are reproducible: two builds of unchanged sources are byte-identical, file for
file, and ``sphinx-build -j 2`` gives the same output as ``-j 1``.

The first build of tests/roots/test-site is the session's ``built_site``, in the test
process (hash seed random, as Python starts by default); the second runs in a process of its
own with ``PYTHONHASHSEED=0``, so any output that follows the iteration order of a set or dict
of strings differs, and so does any output that depends on what earlier builds left in the
process. Nothing is excluded from the comparison: ``.buildinfo`` holds hashes of the
configuration, and the site has no timestamps (no ``html_last_updated_fmt``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from triglot.languages import get_language
from triglot.site import DOCTREES_DIR, SITE_DIR, TEMPLATE_CACHE
from triglot.sphinxext.core.theme_templates import FOLDER

TOOLS = str(Path(__file__).parents[1] / "tools")
ROOTS = Path(__file__).parent / "roots"


def sphinx_build(source: Path, out: Path, language: str, *extra: str,
                 hash_seed: str = "0") -> Path:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed,
           "PYTHONPATH": os.pathsep.join(filter(None, [TOOLS, os.environ.get("PYTHONPATH")]))}
    # -W: a parallel build that falls back to serial warns, and would fail here
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", *extra,
                    "-d", str(out.parent / f"{out.name}.doctrees"), "-D", f"language={language}",
                    str(source), str(out)], check=True, env=env)
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def assert_same_output(first: Path, second: Path) -> None:
    ours, theirs = files(first), files(second)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert not differing, f"differ between {first} and {second}: {differing}"


@pytest.mark.parametrize("code", ["en", "ja", "pt_BR"])
def test_two_builds_of_the_same_sources_are_byte_identical(built_site: Path, tmp_path: Path,
                                                          code: str) -> None:
    source = built_site.parent / "src"  # the session build's copy of tests/roots/test-site
    again = sphinx_build(source, tmp_path / code, code)
    assert_same_output(built_site / get_language(code).site_dir, again)


def test_a_parallel_build_gives_the_serial_output(built_site: Path, tmp_path: Path,
                                                  sphinx_html: Callable[..., Path]) -> None:
    parallel = sphinx_html(built_site.parent / "src", tmp_path / "ja", "ja", "-j", "2")
    assert_same_output(built_site / "ja", parallel)


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")
def test_diagram_pages_are_byte_identical(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-architecture", source)
    first = sphinx_build(source, tmp_path / "first", "en", hash_seed="1")
    parallel = sphinx_build(source, tmp_path / "parallel", "en", "-j", "2", hash_seed="2")
    assert_same_output(first, parallel)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_triglot_site_gives_what_sphinx_build_gives(tmp_path: Path, jobs: str,
                                                    sphinx_html: Callable[..., Path]) -> None:
    # triglot site forks its builds from one warm process: each must come out as from a
    # process of its own (Sphinx would keep the first language's translation of some of
    # its own messages, such as the module index's title in objects.inv), whether the
    # languages are built one after the other or two at once
    site_root = ROOTS / "test-site"
    root = tmp_path / "project"
    shutil.copytree(site_root, root / "docs",
                    ignore=shutil.ignore_patterns("conf.py", "locale", "glossary"))
    for part in ("locale", "glossary"):
        shutil.copytree(site_root / part, root / part)
    conf = (site_root / "conf.py").read_text(encoding="utf-8")
    (root / "conf.py").write_text(conf.replace('["locale"]', '["../locale"]')
                                  + 'triglot_source_dir = "docs"\n', encoding="utf-8")
    # a child process: the forks inherit this one's docutils registrations, and other
    # tests have run Sphinx in it
    done = subprocess.run([sys.executable, "-m", "triglot", "site", "-W", "-j", jobs],
                          cwd=root, check=True, env={**os.environ, "PYTHONPATH": TOOLS},
                          capture_output=True, text=True)
    # each language's messages come as one block, in the languages' order
    assert re.findall(r"^triglot site: building .*\((\w+)\) into", done.stderr,
                      re.MULTILINE) == ["en", "ja", "pt_BR"]
    site = root / SITE_DIR
    assert (site / "index.html").is_file()
    # the languages share one compile of the theme's templates (output the same as alone)
    doctrees = root / DOCTREES_DIR
    assert list(doctrees.glob(f"{TEMPLATE_CACHE}/*/*.cache"))
    assert not list(doctrees.glob(f"*/{FOLDER}"))
    for code in ("ja", "pt_BR"):
        alone = sphinx_html(root / "docs", tmp_path / code, code, "-c", str(root))
        assert_same_output(site / get_language(code).site_dir, alone)
