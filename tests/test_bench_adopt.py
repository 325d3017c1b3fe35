"""``make bench-adopt``'s pieces on a tiny Sphinx project, and its verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from triglot.bench import adopt

PAGE = ('<html><body><div class="triglot-languages"></div>'
        '<div class="triglot-counterparts"></div><pre>print(1)</pre></body></html>')
PLAIN_PAGE = "<html><body><pre>print(1)</pre></body></html>"


def fixture(tmp_path: Path) -> Path:
    doc = tmp_path / "fixture" / "Doc"
    doc.mkdir(parents=True)
    (doc / "conf.py").write_text('extensions = []\nproject = "t"\n', encoding="utf-8")
    (doc / "index.rst").write_text("Title\n=====\n\n.. code-block:: python\n\n   x = 1\n",
                                   encoding="utf-8")
    return doc.parent


def test_prepare_copies_and_adopts_only_the_adopted_copy(tmp_path: Path) -> None:
    source = fixture(tmp_path)
    plain = adopt.prepare(source, tmp_path / "work", adopted=False)
    ours = adopt.prepare(source, tmp_path / "work", adopted=True)
    assert plain == tmp_path / "work" / "plain" / "Doc" and (plain / "howto").is_dir()
    assert "triglot" not in (plain / "conf.py").read_text(encoding="utf-8")
    assert (ours / "conf.py").read_text(encoding="utf-8").endswith(adopt.ADOPTION)
    assert "triglot" not in (source / "Doc" / "conf.py").read_text(encoding="utf-8")


def test_build_runs_sphinx_and_reports_cpu_and_warnings(tmp_path: Path) -> None:
    doc = fixture(tmp_path) / "Doc"
    (doc / "index.rst").write_text("Title\n=====\n\n:ref:`missing`\n", encoding="utf-8")
    cpu, wall, warnings = adopt.build(doc, "en", tmp_path / "out")
    assert cpu > 0 and wall > 0
    assert adopt.warning_types(warnings) == {"ref.ref"}
    assert adopt.pages_of(tmp_path / "out") == ["genindex.html", "index.html", "search.html"]


def test_a_failed_build_stops_the_benchmark_unless_strict(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="sphinx-build failed for ja"):
        adopt.build(tmp_path / "nothing", "ja", tmp_path / "out")
    # a -W build is expected to fail sometimes: its warnings are the result
    assert adopt.build(tmp_path / "nothing", "ja", tmp_path / "out", "-W")[2]


def test_warning_types_are_the_bracketed_types_at_line_ends() -> None:
    warnings = ("a.rst:1: WARNING: x [ref.ref]\nb.rst:2: WARNING: y [misc.highlighting_failure]"
                "\nc.rst:3: WARNING: [toc] in the middle\nd.rst: WARNING: z [docutils]\n")
    assert adopt.warning_types(warnings) == {"ref.ref", "misc.highlighting_failure",
                                             "docutils"}


def site(folder: Path, page: str, status: bool = True) -> Path:
    (folder / "tutorial").mkdir(parents=True)
    (folder / "tutorial" / "introduction.html").write_text(page, encoding="utf-8")
    (folder / "index.html").write_text("<html><body><pre>a</pre><pre>b</pre></body></html>",
                                       encoding="utf-8")
    if status:
        (folder / "triglot-status.html").write_text("<html></html>", encoding="utf-8")
    return folder


def test_pages_bytes_and_code_samples(tmp_path: Path) -> None:
    out = site(tmp_path / "out", PLAIN_PAGE, status=False)
    assert adopt.pages_of(out) == ["index.html", "tutorial/introduction.html"]
    assert adopt.page_bytes(out, ["tutorial/introduction.html"]) == len(PLAIN_PAGE)
    assert adopt.code_samples(out) == {"index.html": ["a", "b"],
                                       "tutorial/introduction.html": ["print(1)"]}


def test_check_adoption_passes_a_good_adoption(tmp_path: Path) -> None:
    plain = site(tmp_path / "plain", PLAIN_PAGE, status=False)
    assert adopt.check_adoption("ja", plain, site(tmp_path / "ours", PAGE)) == []


def test_check_adoption_names_each_miss(tmp_path: Path) -> None:
    plain = site(tmp_path / "plain", PLAIN_PAGE, status=False)
    ours = site(tmp_path / "ours", PLAIN_PAGE.replace("print(1)", "print (1)"), status=False)
    assert adopt.check_adoption("pt_BR", plain, ours) == [
        "pt_BR: no switcher on tutorial/introduction.html",
        "pt_BR: no counterparts on tutorial/introduction.html",
        "pt_BR: no status page",
        "pt_BR: code samples differ from plain Sphinx's on 1 pages, "
        "e.g. tutorial/introduction.html",
    ]


def fake_build(cpu: dict[str, float], strict: str = "") -> object:
    """A ``build`` writing a plain or an adopted site at once, ``cpu`` seconds by kind."""

    def build(doc: Path, language: str, out: Path, *options: str,
              baseurl: str = "") -> tuple[float, float, str]:
        assert baseurl == adopt.PUBLISHED  # both builds published at the same address
        if options:
            return 1.0, 1.0, strict
        adopted = doc.parent.name == "adopted"
        site(out, PAGE if adopted else PLAIN_PAGE, status=adopted)
        # plain's pages are 1,000 bytes; triglot's, the same pages, 87 bytes heavier
        index = out / "index.html"
        index.write_text(index.read_text(encoding="utf-8") + " " * (915 if adopted else 905),
                         encoding="utf-8")
        return cpu["adopted" if adopted else "plain"], 1.0, "x.rst:1: WARNING: w [ref.ref]\n"

    return build


def test_main_prints_a_row_per_language_and_passes(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(adopt, "build", fake_build({"plain": 2.0, "adopted": 2.4}))
    assert adopt.main(["--fixture", str(fixture(tmp_path))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "CPU seconds: medians of 3 interleaved clean builds (wall beside)"
    assert lines[1].split() == ["lang", "plain", "cpu", "s", "(wall)", "triglot", "cpu", "s",
                                "(wall)", "ratio", "plain", "bytes", "triglot", "bytes", "ratio"]
    assert [line.split() for line in lines[2:]] == [
        [lang, "2.00", "1.0", "2.40", "1.0", "1.20", "1000", "1087", "1.09"]
        for lang in adopt.LANGUAGES]


def test_main_names_each_missed_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    strict = "index.rst:3: ERROR: Unknown directive\nlater: WARNING: x\n"
    monkeypatch.setattr(adopt, "build", fake_build({"plain": 2.0, "adopted": 3.0}, strict))
    monkeypatch.setattr(adopt, "MAX_BYTES_RATIO", 1.05)
    assert adopt.main(["--fixture", str(fixture(tmp_path))]) == 1
    misses = [line for line in capsys.readouterr().out.splitlines()
              if line.startswith("bench-adopt: missed: ja")]
    assert misses[0] == "bench-adopt: missed: ja: CPU 1.50x plain (target 1.25x)"
    assert misses[1] == "bench-adopt: missed: ja: page bytes 1.09x plain (target 1.05x)"
    assert misses[2] == ("bench-adopt: missed: ja: -W fails with plain Sphinx's warnings "
                         "suppressed: index.rst:3: ERROR: Unknown directive")
    assert len(misses) == 3


def test_each_run_starts_clean_and_the_medians_are_printed(tmp_path: Path) -> None:
    source = fixture(tmp_path)
    plain = adopt.prepare(source, tmp_path / "work", adopted=False)
    ours = adopt.prepare(source, tmp_path / "other", adopted=False)  # no triglot: quick
    compiled = plain.parent / "locales" / "ja" / "LC_MESSAGES" / "index.mo"
    compiled.parent.mkdir(parents=True)
    compiled.write_bytes(b"")
    out = tmp_path / "out-plain"
    (tmp_path / "doctrees-out-plain").mkdir()
    adopt.clean(plain, out)
    assert not compiled.exists() and not (tmp_path / "doctrees-out-plain").exists()
    base, theirs, warnings = adopt.costs(plain, ours, "en", out, tmp_path / "out-ours", 2, "")
    assert base.cpu > 0 and theirs.wall > 0 and warnings == ""
    assert (out / "index.html").is_file()
