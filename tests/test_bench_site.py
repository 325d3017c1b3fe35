"""``make bench-site``'s pieces on a tiny project, and its verdict table."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docutils.core
import pytest
from docutils.writers import html5_polyglot
from triglot.bench import site, synthetic
from triglot.bench.cost import Cost
from triglot.languages import get_language

ROOTS = Path(__file__).parent / "roots"
LANGUAGES = ("en", "ja", "pt_BR")


def project(tmp_path: Path) -> Path:
    """tests/roots/test-site as it is: conf.py beside the sources, catalogs in locale/."""
    source = tmp_path / "project"
    shutil.copytree(ROOTS / "test-site", source)
    (source / "locale" / "ja" / "LC_MESSAGES" / "article.mo").write_bytes(b"stale")
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
    # a writer object: docutils 0.21 (Sphinx 8.2's) takes no writer name there
    html = docutils.core.publish_parts(text, writer=html5_polyglot.Writer())["body"]
    assert html == "<p>Before.</p>\n<p>After.</p>\n"


def test_make_variants_copies_the_project_and_overrides_conf(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    variants = site.make_variants(tmp_path / "base", project(tmp_path))
    assert [(v.name, v.root.name, v.plain) for v in variants] == [
        ("triglot", "triglot", False), ("plain", "plain", True),
        ("no diagrams", "no-diagrams", False)]
    triglot, plain, no_diagrams = variants
    assert (triglot.root / "article.rst").is_file()
    assert not list(triglot.root.glob("locale/**/*.mo"))
    assert (triglot.root / "conf.py").read_text() == (ROOTS / "test-site" / "conf.py").read_text()
    plain_conf = (plain.root / "conf.py").read_text()
    assert 'extensions = [e for e in extensions if e != "triglot.sphinxext"]' in plain_conf
    assert "ignore_directives(app, ['architecture', 'triglot-glossary'])" in plain_conf
    diagrams_conf = (no_diagrams.root / "conf.py").read_text()
    assert "ignore_directives(app, ['architecture'])" in diagrams_conf
    assert 'e != "triglot.sphinxext"' not in diagrams_conf
    two = site.make_variants(tmp_path / "two", project(tmp_path / "again"), ("triglot", "plain"))
    assert [v.name for v in two] == ["triglot", "plain"]


def test_clean_removes_the_build_and_the_mo_files(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "_build" / "site").mkdir(parents=True)
    (root / "locale" / "ja" / "LC_MESSAGES" / "sub").mkdir()
    (root / "locale" / "ja" / "LC_MESSAGES" / "sub" / "x.mo").write_bytes(b"")
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


HEADER = 'msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n'


def test_edit_catalog_changes_the_first_paragraphs_translation(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text(HEADER + 'msgid "T"\nmsgstr "題"\n\nmsgid "A"\nmsgstr ""\n"あ"\n"い"\n\n'
                    'msgid "B"\nmsgstr ""\n"う"\n"え"\n', encoding="utf-8")
    site.edit_catalog(path, 1)
    site.edit_catalog(path, 2)
    assert path.read_text(encoding="utf-8") == (
        HEADER + 'msgid "T"\nmsgstr "題"\n\nmsgid "A"\nmsgstr ""\n"あ"\n"い [edit 2]"\n\n'
        'msgid "B"\nmsgstr ""\n"う"\n"え"\n')


def test_edit_catalog_falls_back_to_any_translation(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text(HEADER + 'msgid "A"\nmsgstr ""\n\nmsgid "B"\nmsgstr "い"\n',
                    encoding="utf-8")
    site.edit_catalog(path, 3)
    assert path.read_text(encoding="utf-8").endswith('msgid "B"\nmsgstr "い [edit 3]"\n')
    path.write_text(HEADER + 'msgid "A"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="no translated msgstr"):
        site.edit_catalog(path, 4)


def test_default_page_is_the_most_translated_document(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert site.default_page(root) == "article"
    messages = root / "locale" / "ja" / "LC_MESSAGES"
    shutil.copy(messages / "article.po", messages / "not-a-document.po")
    assert site.default_page(root) == "article"
    assert site.edited_catalog(root, "special") == messages / "special.po"


def article(folder: Path, html: str, assets: dict[str, int], page: str = "article") -> None:
    folder.mkdir(parents=True)
    (folder / f"{page}.html").write_text(html, encoding="utf-8")
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
    assert site.page_weight(tmp_path / "ours", tmp_path / "plain", "article") == {
        "HTML": len(OURS) - len(PLAIN), "  of which inline SVG": len('<svg viewBox="0 0 1 1">'
                                                                    '<g/></svg>'),
        "_images/d.svg": 30, "_static/triglot.css": 30}


def test_row_verdicts() -> None:
    assert site._row("a", "1", "", "< 2", True).endswith("< 2  ok")
    assert site._row("a", "3", "", "< 2", False).endswith("< 2  MISSED")
    assert site._row("figure", "measured", "from", "target", None) == (
        f"{'figure':<48} {'measured':>12} {'from':>18} {'target':>10}  ")


def test_build_runs_triglot_site_or_sphinx_build_per_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[list[str], Path]] = []

    def run(command: list[str], cwd: Path, **kwargs: object) -> None:
        started.append((command, cwd))
        if "fail" in cwd.name:
            raise subprocess.CalledProcessError(2, command)

    monkeypatch.setattr(subprocess, "run", run)
    root = project(tmp_path)
    log = tmp_path / "log"
    cost = site.build(site.Variant("triglot", root, plain=False), {}, log)
    assert cost.cpu >= 0 and cost.wall >= 0 and log.exists()
    assert started.pop() == ([site.sys.executable, "-m", "triglot", "site"], root)
    site.build(site.Variant("plain", root, plain=True), {}, log)
    assert [command[-3:] for command, _ in started] == [
        [f"language={code}", str(root), str(root / "_build" / "site" / get_language(code).site_dir)]
        for code in LANGUAGES]
    assert all("--no-color" in command for command, _ in started)
    failing = tmp_path / "fail"
    root.rename(failing)
    with pytest.raises(subprocess.CalledProcessError):
        site.build(site.Variant("triglot", failing, plain=False), {}, log)


def test_interleaved_takes_turns() -> None:
    order: list[tuple[str, int]] = []

    def step(variant: site.Variant, n: int) -> Cost:
        order.append((variant.name, n))
        return Cost(n, 0)

    variants = [site.Variant(name, Path(name), plain=False) for name in ("a", "b")]
    costs = site.interleaved(variants, 2, step)
    assert order == [("a", 1), ("b", 1), ("a", 2), ("b", 2)]
    assert costs == {"a": [Cost(1, 0), Cost(2, 0)], "b": [Cost(1, 0), Cost(2, 0)]}


def fake_synthetic(root: Path, count: int) -> Path:
    """A stand-in for the synthetic project: test-site, its size in a file."""
    shutil.copytree(ROOTS / "test-site", root)
    (root / "size").write_text(str(count))
    return root


def fake_build(cpu: dict[str, float], dots: int, per_document: float = 0.1,
               squared: float = 0.0, shared_squared: float = 0.0) -> Callable[..., Cost]:
    """A ``build`` costing ``cpu`` by variant (plus, in a synthetic project of N
    documents, ``per_document``·N, ``shared_squared``·N² and for triglot ``squared``·N²
    more); it writes the
    article pages, and ``dots`` runs of dot on each rebuild of the project's triglot."""

    def build(variant: site.Variant, env: dict[str, str], log: Path) -> Cost:
        clean = not (variant.root / "_build").exists()
        for code in LANGUAGES:
            folder = variant.root / "_build" / "site" / get_language(code).site_dir
            if clean:
                article(folder, *((OURS, OURS_ASSETS) if variant.name == "triglot"
                                  else (PLAIN, PLAIN_ASSETS)))
        size = variant.root.parent / "source" / "size"
        seconds = cpu[variant.name]
        if size.exists():
            n = int(size.read_text())
            seconds += per_document * n + shared_squared * n * n
            seconds += squared * n * n if variant.name == "triglot" else 0
        elif variant.name == "triglot":
            with open(variant.root.parent.parent / "dot-calls", "a") as calls_log:
                calls_log.write("-Tsvg\n" * (3 if clean else dots))
        return Cost(seconds if clean else seconds / 10, 2 * seconds)

    return build


def table(out: list[str]) -> dict[str, str]:
    head = out.index(site._row("figure", "measured", "from", "target", None))
    rows = {}
    for line in out[head + 1:]:
        if not line:
            break
        rows[line[:48].rstrip()] = line
    return rows


def fake_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str], runs: int,
             build: Callable[..., Cost]) -> tuple[int, list[str]]:
    """The benchmark's exit status and output with ``build`` for the real builds, on
    synthetic projects of 2, 4 and 8 documents."""
    monkeypatch.setattr(site, "build", build)
    monkeypatch.setattr(synthetic, "make_project", fake_synthetic)
    (tmp_path / "base").mkdir()
    status = site.run(tmp_path / "base", runs, project(tmp_path), None, (2, 4, 8))
    return status, capsys.readouterr().out.splitlines()


def test_run_prints_the_table_and_meets_the_targets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out = fake_run(tmp_path, monkeypatch, capsys, 3, fake_build(
        {"triglot": 6.0, "plain": 5.0, "no diagrams": 5.5}, 0))
    assert status == 0
    assert out[0].startswith("site benchmark: 3 build(s) of each figure, variants interleaved")
    assert "the project's page article" in out[0]
    rows = table(out)
    assert rows["project: clean build, 3 languages, ratio"] == site._row(
        "project: clean build, 3 languages, ratio", "1.20", "6.00/5.00 s", "<= 1.3", True)
    assert rows["project: rebuild after one msgstr edit"] == site._row(
        "project: rebuild after one msgstr edit", "0.60 s", "plain 0.50 s", "< 2.0 s", True)
    added = f"{len(OURS) - len(PLAIN) + 30 + 30:,}"
    for code in LANGUAGES:
        name = f"project: triglot's bytes on {code} article"
        assert rows[name] == site._row(name, added, "", "< 100,000", True)
    assert rows["project: diagrams' CPU in the clean build"] == site._row(
        "project: diagrams' CPU in the clean build", "0.50 s", "6.00-5.50 s", "< 2.0 s", True)
    assert rows["project: dot runs, rebuilds"].endswith("0  ok")
    assert rows["8 documents: clean build, ratio"] == site._row(
        "8 documents: clean build, ratio", "1.17", "6.80/5.80 s", "<= 1.3", True)
    assert rows["2 documents: clean build, ratio"] == site._row(
        "2 documents: clean build, ratio", "1.19", "6.20/5.20 s", "", None)
    assert rows["8 documents: rebuild after an edit, ratio"].endswith("<= 2.0  ok")
    assert rows["clean CPU, triglot: fitted line (s, N docs)"] == site._row(
        "clean CPU, triglot: fitted line (s, N docs)", "6.00+0.100N", "R² 1.0000", "", None)
    assert rows["clean CPU per added document, growth"] == site._row(
        "clean CPU per added document, growth", "1.00", "plain 1.00", "<= max(1.3, plain)", True)
    assert out[-1] == "every target met"
    assert any(line.startswith("project: clean build, triglot") and "CPU 6.00 6.00 6.00"
               in line and "(wall 12.00 12.00 12.00)" in line for line in out)
    edited = tmp_path / "base" / "project" / "triglot" / "locale" / "ja" / "LC_MESSAGES"
    assert " [edit 3]" in (edited / "article.po").read_text(encoding="utf-8")


def test_run_names_the_missed_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    status, out = fake_run(tmp_path, monkeypatch, capsys, 1, fake_build(
        {"triglot": 9.0, "plain": 5.0, "no diagrams": 6.0}, 1, squared=0.5))
    assert status == 1
    assert out[-1] == (
        "targets missed: project: clean build, 3 languages, ratio; project: diagrams' CPU in "
        "the clean build; project: dot runs, rebuilds; 8 documents: clean build, ratio; "
        "8 documents: rebuild after an edit, ratio; 8 documents: rebuild, nothing changed, "
        "ratio; clean CPU per added document, growth")


def test_growth_is_each_build_own_not_the_difference(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # triglot site below plain Sphinx by a constant (it forks and shares imports): the
    # difference does not grow at all, yet both builds grow linearly
    _status, out = fake_run(tmp_path, monkeypatch, capsys, 1, fake_build(
        {"triglot": 4.0, "plain": 5.0, "no diagrams": 3.5}, 0))
    rows = table(out)
    assert rows["clean CPU per added document, growth"] == site._row(
        "clean CPU per added document, growth", "1.00", "plain 1.00", "<= max(1.3, plain)", True)


def test_growth_is_judged_against_plain_sphinx_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # both grow faster than linearly by the same N² (Sphinx's navigation): triglot adds none
    _status, out = fake_run(tmp_path, monkeypatch, capsys, 1, fake_build(
        {"triglot": 5.0, "plain": 5.0, "no diagrams": 3.5}, 0, shared_squared=0.5))
    assert table(out)["clean CPU per added document, growth"] == site._row(
        "clean CPU per added document, growth", "1.97", "plain 1.97", "<= max(1.3, plain)",
        True)
    # and triglot adding an N² of its own on top of Sphinx's misses it
    (tmp_path / "more").mkdir()
    status, out = fake_run(tmp_path / "more", monkeypatch, capsys, 1, fake_build(
        {"triglot": 5.0, "plain": 5.0, "no diagrams": 3.5}, 0, squared=0.5,
        shared_squared=0.5))
    assert status == 1
    assert "clean CPU per added document, growth" in out[-1]


@pytest.mark.parametrize(("options", "runs", "sizes"), [
    ([], 3, [50, 100, 200]), (["--quick"], 1, [10, 20, 40]),
    (["--runs", "5", "--sizes", "30", "10", "20"], 5, [10, 20, 30])])
@pytest.mark.parametrize("keep", [False, True])
def test_main_reads_its_options_and_removes_its_folder_unless_kept(
        keep: bool, options: list[str], runs: int, sizes: list[int],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[tuple[Path, int, Path, str | None, list[int]]] = []

    def run(base: Path, runs: int, source: Path, page: str | None, sizes: list[int]) -> int:
        seen.append((base, runs, source, page, sizes))
        return 1

    monkeypatch.setattr(site, "run", run)
    assert site.main([*options, *(["--keep"] if keep else [])]) == 1
    (base, got_runs, source, page, got_sizes), = seen
    assert (got_runs, got_sizes, source, page) == (runs, sizes, site.ROOT, None)
    assert base.name.startswith("triglot-bench-site-")
    assert base.exists() == keep
    if keep:
        shutil.rmtree(base)


def test_main_needs_three_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        site.main(["--sizes", "10", "20"])
    assert "at least three sizes" in capsys.readouterr().err
