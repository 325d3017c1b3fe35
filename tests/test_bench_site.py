"""``make bench-site``'s pieces on a tiny project, and its verdict table."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docutils.core
import pytest
from triglot.bench import site
from triglot.languages import get_language

ROOTS = Path(__file__).parent / "roots"
LANGUAGES = ("en", "ja", "pt_BR")


def project(tmp_path: Path) -> Path:
    """tests/roots/test-site laid out as the benchmark copies a project."""
    source = tmp_path / "project"
    fixture = ROOTS / "test-site"
    shutil.copytree(fixture, source / "docs", ignore=shutil.ignore_patterns(
        "conf.py", "locale", "glossary"))
    shutil.copytree(fixture / "locale", source / "locale")
    shutil.copytree(fixture / "glossary", source / "glossary")
    shutil.copy(fixture / "conf.py", source / "conf.py")
    messages = source / "locale" / "ja" / "LC_MESSAGES"
    shutil.copy(messages / "article.po", source / site.EDITED)  # the catalog edited
    (messages / "article.mo").write_bytes(b"stale")
    return source


def test_ignored_directives_parse_everything_and_produce_nothing() -> None:
    from docutils.parsers.rst import directives

    class App:
        def add_directive(self, name: str, cls: type, override: bool) -> None:
            assert override
            directives.register_directive(name, cls)

    site.ignore_directives(App(), ["bench-ignored"])
    text = ("Before.\n\n.. bench-ignored:: some model.yaml\n   :any-option: x\n   :other:\n\n"
            "   content\n\nAfter.\n")
    html = docutils.core.publish_parts(text, writer="html")["body"]
    assert html == "<p>Before.</p>\n<p>After.</p>\n"


def test_make_variants_copies_the_project_and_overrides_conf(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    variants = site.make_variants(tmp_path / "base", project(tmp_path))
    assert [(v.name, v.root.name, v.plain, v.concurrent) for v in variants] == [
        ("triglot", "triglot", False, False), ("plain", "plain", True, False),
        ("plain concurrent", "plain", True, True), ("no diagrams", "no-diagrams", False, False)]
    triglot, plain, _, no_diagrams = variants
    assert (triglot.root / "docs" / "article.rst").is_file()
    assert not list(triglot.root.glob("locale/**/*.mo"))
    assert (triglot.root / "conf.py").read_text() == (ROOTS / "test-site" / "conf.py").read_text()
    plain_conf = (plain.root / "conf.py").read_text()
    assert 'extensions = [e for e in extensions if e != "triglot.sphinxext"]' in plain_conf
    assert "ignore_directives(app, ['architecture', 'triglot-glossary'])" in plain_conf
    diagrams_conf = (no_diagrams.root / "conf.py").read_text()
    assert "ignore_directives(app, ['architecture'])" in diagrams_conf
    assert 'e != "triglot.sphinxext"' not in diagrams_conf


def test_clean_removes_the_build_and_the_mo_files(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "_build" / "site").mkdir(parents=True)
    site.Variant("triglot", root, plain=False).clean()
    assert not (root / "_build").exists() and not list(root.glob("locale/**/*.mo"))
    assert (root / "locale" / "ja" / "LC_MESSAGES" / "article.po").is_file()


def test_counting_dot_logs_each_call_and_runs_dot(tmp_path: Path) -> None:
    log = site.counting_dot(tmp_path)
    assert site.dot_calls(log) == 0
    for _ in range(2):
        done = subprocess.run([str(tmp_path / "bin" / "dot"), "-V"], capture_output=True,
                              text=True, check=True)
        assert "graphviz" in done.stderr.lower()
    assert site.dot_calls(log) == 2
    assert site.dot_calls(log) == 0  # counted once


def test_counting_dot_needs_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SystemExit, match="needs Graphviz dot"):
        site.counting_dot(tmp_path)


def test_edit_catalog_changes_the_first_translation_once(tmp_path: Path) -> None:
    path = tmp_path / site.EDITED
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "A"\nmsgstr "あ"\n\nmsgid "B"\nmsgstr "い"\n',
                    encoding="utf-8")
    site.edit_catalog(tmp_path, 1)
    site.edit_catalog(tmp_path, 2)
    assert path.read_text(encoding="utf-8") == ('msgid ""\nmsgstr ""\n\nmsgid "A"\n'
                                                'msgstr "あ（編集 2）"\n\nmsgid "B"\nmsgstr "い"\n')
    path.write_text('msgid "A"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="no translated msgstr"):
        site.edit_catalog(tmp_path, 3)


def article(folder: Path, html: str, assets: dict[str, int]) -> None:
    folder.mkdir(parents=True)
    (folder / f"{site.ARTICLE}.html").write_text(html, encoding="utf-8")
    for name, size in assets.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"x" * size)


PLAIN = '<link href="_static/basic.css"><p>text</p>'
OURS = ('<link href="_static/basic.css"><link href="_static/triglot.css?v=1">'
        '<img src="_images/d.svg"><p>text</p><svg viewBox="0 0 1 1"><g/></svg>')


PLAIN_ASSETS = {"_static/basic.css": 100, "_images/d.svg": 50}
OURS_ASSETS = {"_static/basic.css": 100, "_static/triglot.css": 30, "_images/d.svg": 80}


def test_page_weight_counts_html_and_larger_or_new_assets(tmp_path: Path) -> None:
    article(tmp_path / "plain", PLAIN, PLAIN_ASSETS)
    article(tmp_path / "ours", OURS, OURS_ASSETS)
    assert site.page_weight(tmp_path / "ours", tmp_path / "plain") == {
        "HTML": len(OURS) - len(PLAIN), "  of which inline SVG": len('<svg viewBox="0 0 1 1">'
                                                                    '<g/></svg>'),
        "_images/d.svg": 30, "_static/triglot.css": 30}


def test_row_verdicts() -> None:
    assert site._row("a", "1", "", "< 2", True).endswith("< 2  ok")
    assert site._row("a", "3", "", "< 2", False).endswith("< 2  MISSED")
    assert site._row("figure", "measured", "from", "target", None) == (
        f"{'figure':<44} {'measured':>10} {'from':>16} {'target':>10}  ")


class Child:
    started: list[tuple[list[str], Path]] = []

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str], stdout: object,
                 stderr: object) -> None:
        self.started.append((command, cwd))
        self.returncode = 1 if "fail" in cwd.name else 0

    def wait(self) -> int:
        return self.returncode


def test_build_runs_triglot_site_or_sphinx_build_per_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subprocess, "Popen", Child)
    monkeypatch.setattr(Child, "started", [])
    monkeypatch.setattr(site, "CPU", {})
    monkeypatch.setattr(site, "JOBS", 2)
    root = project(tmp_path)
    log = tmp_path / "log"
    assert site.build(site.Variant("triglot", root, plain=False), {}, log) >= 0
    assert Child.started.pop() == ([site.sys.executable, "-m", "triglot", "site"], root)
    site.build(site.Variant("plain concurrent", root, plain=True, concurrent=True), {}, log)
    assert [command[-3:] for command, _ in Child.started] == [
        [f"language={code}", "docs", f"_build/site/{get_language(code).site_dir}"]
        for code in LANGUAGES]
    assert list(site.CPU) == ["triglot", "plain concurrent"] and log.exists()
    failing = tmp_path / "fail"
    root.rename(failing)
    with pytest.raises(subprocess.CalledProcessError):
        site.build(site.Variant("triglot", failing, plain=False), {}, log)


def fake_build(seconds: dict[str, float], dots: int) -> object:
    """A ``build`` of ``seconds`` by variant, writing the article pages (and ``dots`` runs
    of dot on each triglot build after the clean ones)."""
    clean_builds: dict[str, int] = {}

    def build(variant: site.Variant, env: dict[str, str], log: Path) -> float:
        count = clean_builds[variant.name] = clean_builds.get(variant.name, 0) + 1
        for code in LANGUAGES:
            folder = variant.root / "_build" / "site" / get_language(code).site_dir
            if not folder.exists():
                article(folder, *((OURS, OURS_ASSETS) if variant.name == "triglot"
                                  else (PLAIN, PLAIN_ASSETS)))
        calls = 3 if count <= 3 else dots
        with open(variant.root.parent / "dot-calls", "a") as calls_log:
            calls_log.write("-Tsvg\n" * calls)
        site.CPU.setdefault(variant.name, []).append(seconds[variant.name] * 2)
        return seconds[variant.name] if count <= 3 else 1.0

    return build


def test_run_prints_the_table_and_meets_the_targets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(site, "CPU", {})
    monkeypatch.setattr(site, "JOBS", 2)
    monkeypatch.setattr(site, "build", fake_build(
        {"triglot": 6.0, "plain": 5.0, "plain concurrent": 3.0, "no diagrams": 5.5}, 0))
    (tmp_path / "base").mkdir()
    assert site.run(tmp_path / "base", 3, project(tmp_path)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("site benchmark: 3 languages, 3 clean builds of each variant")
    table = out[out.index(site._row("figure", "measured", "from", "target", None)) + 1:]
    assert table[0] == site._row("clean build, 3 languages: ratio", "1.20", "6.00/5.00 s",
                                 "<= 1.5", True)
    assert table[1] == site._row("  against plain, 2 at once (no target)", "2.00",
                                 "6.00/3.00 s", "", None)
    assert table[2] == site._row("rebuild after one ja msgstr changed", "1.00 s", "",
                                 "< 3.0 s", True)
    added = f"{len(OURS) - len(PLAIN) + 30 + 30:,}"
    assert table[3:6] == [site._row(f"triglot's bytes on the {code} article page", added, "",
                                    "< 100,000", True) for code in LANGUAGES]
    assert table[6] == site._row("diagrams: added to the clean build", "0.50 s",
                                 "6.00-5.50 s", "< 2.0 s", True)
    assert table[7] == site._row("dot runs, clean build (3 languages)", "3", "", "", None)
    assert table[8] == site._row("dot runs, rebuild with unchanged models", "0",
                                 "4 rebuilds", "0", True)
    assert table[-1] == "every target met"
    cpu_line = next(line for line in out if line.startswith("  CPU seconds (the machine"))
    assert "triglot: 12.00 12.00 12.00  plain: 10.00 10.00 10.00" in cpu_line
    edited = (tmp_path / "base" / "triglot" / site.EDITED)
    assert "（編集 3）" in edited.read_text(encoding="utf-8")


def test_run_names_the_missed_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(site, "CPU", {})
    monkeypatch.setattr(site, "build", fake_build(
        {"triglot": 9.0, "plain": 5.0, "plain concurrent": 3.0, "no diagrams": 6.0}, 1))
    (tmp_path / "base").mkdir()
    assert site.run(tmp_path / "base", 3, project(tmp_path)) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "targets missed: clean build, 3 languages: ratio; diagrams: added to the clean build; "
        "dot runs, rebuild with unchanged models")


@pytest.mark.parametrize("keep", [False, True])
def test_main_removes_its_folder_unless_kept(keep: bool, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[tuple[Path, int]] = []

    def run(base: Path, runs: int) -> int:
        seen.append((base, runs))
        return 1

    monkeypatch.setattr(site, "run", run)
    assert site.main(["--runs", "5", *(["--keep"] if keep else [])]) == 1
    (base, runs), = seen
    assert runs == 5 and base.name.startswith("triglot-bench-site-")
    assert base.exists() is keep
    assert (f"kept {base}" in capsys.readouterr().err) is keep
    if keep:
        os.rmdir(base)
