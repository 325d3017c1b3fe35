from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from triglot.check import check_catalogs
from triglot.cli import main
from triglot.errors import TriglotError
from triglot.glossary import load_termbase

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests/data/terms"
HEADER = ('msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')


def po(tmp_path: Path, lang: str, body: str, name: str = "doc.po") -> Path:
    path = tmp_path / name
    path.write_text(HEADER.format(lang=lang) + body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def mini():  # type: ignore[no-untyped-def]
    return load_termbase(DATA / "mini.yaml")


def codes(findings) -> list[tuple[int | None, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.line, f.code, f.concept) for f in findings]


def test_article_catalogs_have_the_real_defects() -> None:
    tb = load_termbase(ROOT / "glossary/termbase.yaml")
    findings = check_catalogs([DATA / "iis-aspnet.pt_BR.po", DATA / "iis-aspnet.ja.po"], tb)
    got = {(Path(f.path).name, f.code, f.found) for f in findings}
    assert ("iis-aspnet.pt_BR.po", "term-forbidden", "canal nomeado") in got
    assert ("iis-aspnet.pt_BR.po", "term-forbidden", "pipe nomeada") in got
    assert ("iis-aspnet.pt_BR.po", "term-forbidden", "conjunto de encadeamentos") in got
    assert ("iis-aspnet.ja.po", "term-forbidden", "リクエスト") in got
    assert ("iis-aspnet.ja.po", "term-untranslated", "Application Pool") in got
    forbidden = next(f for f in findings if f.found == "canal nomeado")
    assert forbidden.expected == "pipe nomeado" and forbidden.severity == "error"
    # nothing else: correct inflected renderings are never reported
    assert all(f.code != "term-missing" or f.concept == "http-cache" for f in findings)


def test_missing_forbidden_untranslated_identifier(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    path = po(tmp_path, "pt_BR",
              'msgid "The application pool uses a named pipe."\n'
              'msgstr "O pool usa um canal nomeado."\n\n'
              'msgid "Every Web site runs in an application pool."\n'
              'msgstr "Cada site é executado em um application pool."\n\n'
              'msgid "Edit web.config at line 12."\n'
              'msgstr "Edite o arquivo na linha 12."\n')
    assert codes(check_catalogs([path], mini)) == [
        (6, "term-forbidden", "named-pipe"), (6, "term-missing", "application-pool"),
        (9, "term-untranslated", "application-pool"), (12, "identifier-missing", None)]


def test_fuzzy_untranslated_and_ignored_entries_are_skipped(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    path = po(tmp_path, "ja",
              '#, fuzzy\nmsgid "An application pool."\nmsgstr "プール。"\n\n'
              'msgid "A named pipe."\nmsgstr ""\n\n'
              '# triglot: ignore term-missing\nmsgid "The server."\nmsgstr "それ。"\n\n'
              '# triglot: ignore identifier-missing\nmsgid "The data server."\nmsgstr "データ。"\n')
    assert codes(check_catalogs([path], mini)) == [(18, "term-missing", "server")]


def test_inconsistent_renderings_across_catalogs(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    entry = 'msgid "The Web site {n}."\nmsgstr "O {term} {n}."\n\n'
    first = po(tmp_path, "pt_BR", "".join(entry.format(n=n, term="site") for n in (1, 2)), "a.po")
    second = po(tmp_path, "pt_BR", entry.format(n=3, term="website"), "b.po")
    findings = check_catalogs([first, second], mini)
    assert [(Path(f.path).name, f.code, f.found, f.expected) for f in findings] == [
        ("b.po", "term-inconsistent", "website", "site")]


def test_malformed_po_names_its_line(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    path = po(tmp_path, "ja", 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr_bad "d"\n')
    with pytest.raises(TriglotError) as info:
        check_catalogs([path], mini)
    bad_line = path.read_text(encoding="utf-8").split("\n").index('msgstr_bad "d"') + 1
    assert info.value.path == str(path) and info.value.line == bad_line


def test_unknown_catalog_language(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TriglotError, match="'fr' is not a target language"):
        check_catalogs([po(tmp_path, "fr", 'msgid "a"\nmsgstr "b"\n')], mini)


def test_cli_formats_and_exit_codes(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = DATA / "iis-aspnet.pt_BR.po"
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:30: term-forbidden warning" in out and "[[pipe nomeada]]" in out
    assert f"{bad}:66: term-forbidden error" in out and "[[canal nomeado]]" in out
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), "--format", "json",
                 str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"path", "line", "language", "code", "severity", "concept", "msgid", "message",
            "found", "expected"} <= set(data["findings"][0])
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), "--format", "sarif",
                 str(bad)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 30}
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), "--format", "junit",
                 str(bad)]) == 1
    suites = ET.fromstring(capsys.readouterr().out.split("?>", 1)[1])
    assert int(suites.get("failures", "0")) == len(data["findings"])
    clean = po(tmp_path, "pt_BR", 'msgid "An application pool."\n'
               'msgstr "Um pool de aplicativos."\n')
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), str(clean)]) == 0
    assert main(["check", "--glossary", str(tmp_path / "none.yaml"), str(clean)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_severity_follows_the_term_status(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    path = po(tmp_path, "pt_BR", 'msgid "A named pipe."\nmsgstr "Uma pipe nomeada."\n\n'
              'msgid "The named pipe."\nmsgstr "O canal nomeado."\n')
    found = {f.found: f.severity for f in check_catalogs([path], mini)}
    assert found == {"pipe nomeada": "warning", "canal nomeado": "error"}
    # a caller's severity for the code wins over the status
    assert {f.severity for f in check_catalogs([path], mini, {"term-forbidden": "info"})} == {
        "info"}
    deprecated_only = po(tmp_path, "pt_BR", 'msgid "A named pipe."\n'
                         'msgstr "Uma pipe nomeada."\n', "deprecated.po")
    glossary = str(DATA / "mini.yaml")
    assert main(["check", "--glossary", glossary, str(deprecated_only)]) == 0
    assert main(["check", "--glossary", glossary, "--fail-on", "warning",
                 str(deprecated_only)]) == 1


def test_default_paths_are_the_project_catalogs(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    catalogs = tmp_path / "locale/ja/LC_MESSAGES"
    catalogs.mkdir(parents=True)
    shutil.copy(DATA / "iis-aspnet.ja.po", catalogs / "iis-aspnet.po")
    (tmp_path / "glossary").mkdir()
    shutil.copy(ROOT / "glossary/termbase.yaml", tmp_path / "glossary/termbase.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fail-on", "never"]) == 2  # no conf.py: no project to read
    assert "no conf.py" in capsys.readouterr().err
    (tmp_path / "conf.py").write_text('triglot_languages = ["en", "ja"]\n'
                                      'locale_dirs = ["locale"]\n', encoding="utf-8")
    nested = tmp_path / "locale/ja/LC_MESSAGES/library/os.po"  # gettext_compact = False
    nested.parent.mkdir()
    shutil.copy(DATA / "iis-aspnet.ja.po", nested)
    assert main(["check", "--fail-on", "never"]) == 0
    out = capsys.readouterr().out
    assert "locale/ja/LC_MESSAGES/iis-aspnet.po:" in out
    assert "locale/ja/LC_MESSAGES/library/os.po:" in out
    assert main(["check", "--fail-on", "never", "locale/ja/LC_MESSAGES/library"]) == 0
    assert "iis-aspnet.po" not in capsys.readouterr().out


def test_terms_export_import_cli(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    tbx = tmp_path / "g.tbx"
    assert main(["terms", "export", "--glossary", str(DATA / "mini.yaml"), "--format",
                 "tbx3", "-o", str(tbx)]) == 0
    assert main(["terms", "import", str(tbx)]) == 0
    assert "canal nomeado" in capsys.readouterr().out
    assert main(["terms", "suggest", "--glossary", str(DATA / "mini.yaml"),
                 str(DATA / "iis-aspnet.pt_BR.po"), "--limit", "3"]) == 0
    assert "# pt_BR" in capsys.readouterr().out


def test_unsafe_links_in_translations_and_definitions(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = po(tmp_path, "pt_BR",
              'msgid "See the pool."\n'
              'msgstr "Veja `o pool <JavaScript:alert(1)>`_ e https://example.org."\n\n'
              '# triglot: ignore unsafe-link\n'
              'msgid "Data."\n'
              'msgstr "Veja <data:text/html,x>."\n\n'
              'msgid "Safe."\n'
              'msgstr "Veja `isto <../page.html#a>`_ e <mailto:a@example.org>."\n')
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(
        (DATA / "mini.yaml").read_text(encoding="utf-8").replace(
            "pt_BR: Um grupo de aplicativos", "pt_BR: <file:///etc/passwd> Um grupo", 1),
        encoding="utf-8")
    termbase = load_termbase(glossary)
    findings = [f for f in check_catalogs([path], termbase) if f.code == "unsafe-link"]
    concept = termbase.concepts[0]
    assert [(f.path, f.line, f.severity, f.found) for f in findings] == [
        (str(path), 6, "error", "JavaScript:alert(1)"),
        (str(glossary), concept.line, "error", "file:///etc/passwd")]
    assert main(["check", "--glossary", str(glossary), str(path)]) == 1
    out = capsys.readouterr().out
    assert (f"{path}:6: unsafe-link error (1.00) link to 'JavaScript:alert(1)' in the "
            "translation is shown as text") in out


def test_control_characters_are_reported_and_every_report_stays_well_formed(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = po(tmp_path, "pt_BR", 'msgid "Each pool."\nmsgstr "Cada pool.\\x01\x1b[31m"\n'
              .replace("\\x01", "\x01"))
    findings = check_catalogs([path], load_termbase(DATA / "mini.yaml"))
    assert [(f.line, f.code, f.severity, f.found) for f in findings] == [
        (6, "control-character", "error", "U+0001, U+001B")]
    glossary = str(DATA / "mini.yaml")
    assert main(["check", "--glossary", glossary, str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x01" not in out  # a terminal obeys none of them
    assert "    Cada pool.\\x01\\x1b[31m\n" in out
    report = tmp_path / "report.xml"
    assert main(["check", "--glossary", glossary, "--format", "junit", "-o", str(report),
                 str(path)]) == 1
    failure = ET.parse(report).find(".//failure")  # well-formed XML
    assert failure is not None and failure.text is not None
    assert failure.text.endswith("Cada pool.\\x01\\x1b[31m")
    for fmt in ("json", "sarif"):
        assert main(["check", "--glossary", glossary, "--format", fmt, str(path)]) == 1
        json.loads(capsys.readouterr().out)


def test_findings_stream_catalog_by_catalog_and_a_bad_one_writes_nothing(
        tmp_path: Path, mini, capsys) -> None:  # type: ignore[no-untyped-def]
    from triglot.check.checker import iter_findings

    good = po(tmp_path, "pt_BR", 'msgid "The named pipe."\nmsgstr "O canal nomeado."\n',
              "a.po")
    bad = po(tmp_path, "pt_BR", 'msgid "x\nmsgstr "y"\n', "b.po")
    stream = iter_findings([good, bad], mini)
    # the first catalog's findings come before the second catalog is read
    assert next(stream).code == "term-forbidden"
    with pytest.raises(TriglotError):
        list(stream)
    report = tmp_path / "report.json"
    report.write_text("before", encoding="utf-8")
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), "--format", "json",
                 "-o", str(report), str(good), str(bad)]) == 2
    assert "b.po:6: unterminated string" in capsys.readouterr().err
    assert report.read_text(encoding="utf-8") == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "b.po", "report.json"]
    assert main(["check", "--glossary", str(DATA / "mini.yaml"), "--format", "json",
                 "-o", str(report), str(good)]) == 1
    assert [f["found"] for f in json.loads(report.read_text("utf-8"))["findings"]] == [
        "canal nomeado"]


def test_an_unsafe_link_the_english_has_too_is_the_sources_not_the_translations(
        tmp_path: Path) -> None:
    # a literal block copied as it is (a log line, a URN): nothing the translator brought
    path = po(tmp_path, "pt_BR",
              'msgid "INFO:__main__:Started\\nUUID(\'urn:uuid:1234\')"\n'
              'msgstr "INFO:__main__:Started\\nUUID(\'urn:uuid:1234\')"\n\n'
              'msgid "See `the docs <https://example.org/>`_."\n'
              'msgstr "Veja `a documentação <hhttps://example.org/>`_."\n')
    findings = [f for f in check_catalogs([path], load_termbase(DATA / "mini.yaml"))
                if f.code == "unsafe-link"]
    assert [(f.line, f.found) for f in findings] == [(9, "hhttps://example.org/")]
