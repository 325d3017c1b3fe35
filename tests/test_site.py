from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from triglot.cli import main
from triglot.languages import get_language
from triglot.site import root_page


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")


def test_root_page_links_every_language_without_scripts() -> None:
    languages = [get_language(code) for code in ("en", "ja", "pt_BR")]
    parser = _Links()
    parser.feed(root_page(languages))
    assert parser.html_lang == "en"
    assert [(a["href"], a["hreflang"]) for a in parser.links] == [
        ("en/index.html", "en"), ("ja/index.html", "ja"), ("pt-br/index.html", "pt-BR")]
    page = root_page(languages)
    assert '"pt-br": "pt-br"' in page and "navigator.languages" in page
    assert '<link rel="alternate" hreflang="x-default" href="index.html">' in page


def test_site_outside_a_project_is_a_one_line_error(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", "--project", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"triglot site: error: {tmp_path}: no conf.py here: run triglot in the "
                   "project's configuration directory or give it with -c CONFDIR\n")


def _processes_naming(text: str) -> list[int]:
    """The processes whose command line holds ``text`` (forked builds keep their parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode(
                    "utf-8", "replace"):
                found.append(int(entry.name))
        except OSError:
            continue  # ended meanwhile
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the builds")
def test_sigterm_stops_every_build_and_the_next_run_builds_afresh(tmp_path: Path) -> None:
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    from triglot.site import INCOMPLETE

    project = tmp_path / "src"
    shutil.copytree(Path(__file__).parent / "roots" / "test-site", project)
    out = tmp_path / "site"
    command = [sys.executable, "-m", "triglot", "site", str(project), "-c", str(project),
               "-o", str(out), "-l", "ja", "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "tools")}
    site = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(out.glob(f"*/{INCOMPLETE}")) and time.monotonic() < deadline:
        time.sleep(0.05)
    site.send_signal(signal.SIGTERM)
    _, err = site.communicate(timeout=60)
    assert site.returncode == 2, err
    assert err.splitlines()[-1] == ("triglot site: error: stopped by SIGTERM: the builds of "
                                    "ja were stopped; they are built afresh next time")
    assert "Traceback" not in err
    assert _processes_naming(str(project)) == []  # no build left running
    assert not (out / "index.html").exists()  # nothing claims the site is done
    assert (out / "ja" / INCOMPLETE).is_file()
    again = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                           check=False)
    assert again.returncode == 0, again.stderr
    assert (out / "index.html").is_file() and not list(out.glob(f"*/{INCOMPLETE}"))
    assert (out / "ja" / "article.html").is_file()


def test_the_projects_extensions_and_theme_are_imported_before_the_builds_fork(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from triglot.project import load_project
    from triglot.site import _warm_up, theme_modules

    (tmp_path / "warm_ext_of_test.py").write_text("IMPORTED = True\n", encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        "extensions = ['warm_ext_of_test', 'no_such_extension_of_test']\n"
        "html_theme = 'furo'\ntriglot_languages = ['en', 'ja']\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "warm_ext_of_test", raising=False)
    project = load_project(tmp_path)
    assert project.extensions == ("warm_ext_of_test", "no_such_extension_of_test")
    assert project.html_theme == "furo"
    assert theme_modules("furo") == ["furo"] and theme_modules("no-such-theme") == []
    _warm_up(project, tmp_path / "doctrees", project.languages)  # the missing one: no error
    assert sys.modules["warm_ext_of_test"].IMPORTED
    # the extension's templates are compiled: rendering one loads no source
    from triglot.sphinxext.core.templates import _environment, render

    monkeypatch.setattr(_environment().loader, "get_source", None)
    assert "triglot-status-table" in render("table.html", head=[], rows=[], foot=None)


def test_a_first_build_reads_every_translations_catalogs_before_the_builds_fork(
        rootdir: Path, tmp_path: Path) -> None:
    import shutil

    from sphinx.application import ENV_PICKLE_FILENAME
    from triglot.project import load_project
    from triglot.site import _warm_up
    from triglot.sphinxext.core.catalogs import read_po
    from triglot.sphinxext.core.matchcache import FILENAME

    shutil.copytree(rootdir / "test-site", tmp_path / "src")
    project = load_project(tmp_path / "src")
    doctrees = tmp_path / "doctrees"
    read_po.clear()
    _warm_up(project, doctrees, project.languages)
    # every build shows every language's text: each would parse them all
    assert len(read_po) == len(project.catalogs()) == 4
    # a rebuild reads only the catalogs of what it writes again: none beforehand
    for language in project.languages:
        (doctrees / language.code).mkdir(parents=True)
        (doctrees / language.code / ENV_PICKLE_FILENAME).touch()
        (doctrees / language.code / FILENAME).touch()
    read_po.clear()
    _warm_up(project, doctrees, project.languages)
    assert len(read_po) == 0
