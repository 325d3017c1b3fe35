"""triglot import on a small fixture project: alignment into catalogs, safe re-runs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from triglot.catalog import read_catalog
from triglot.cli import main
from triglot.errors import TriglotError
from triglot.importing import import_translation
from triglot.project import load_project

ROOT = Path(__file__).parent / "roots" / "test-import"


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(ROOT, target)
    return target


def _import(project_dir: Path, language: str, original: str):
    project = load_project(project_dir)
    return import_translation(project, language, project_dir / "locale" / "originals" / original)


def test_import_writes_the_aligned_translations(project_dir: Path) -> None:
    report = _import(project_dir, "ja", "index.ja.txt")
    catalog = read_catalog(project_dir / "locale/ja/LC_MESSAGES/index.po")
    assert str(catalog.locale) == "ja"
    assert catalog["Routing requests"].string == "リクエストのルーティング"
    assert catalog["In IIS6, every application pool is a w3wp.exe worker process."].string == (
        "IIS6 では、各アプリケーション プールは w3wp.exe ワーカー プロセスです。")
    assert (report.written, report.kept, report.messages) == (4, 0, 4)
    assert not report.extra and not report.missing


def test_split_paragraph_is_joined_and_extra_paragraph_reported(project_dir: Path) -> None:
    report = _import(project_dir, "pt_BR", "index.pt-BR.txt")
    catalog = read_catalog(project_dir / "locale/pt_BR/LC_MESSAGES/index.po")
    message = catalog["Requests reach the pool through HTTP.SYS in kernel mode."]
    assert message.string == "As solicitações chegam ao pool por meio do HTTP.SYS no modo kernel."
    assert report.extra == [4]  # the translator's note has no English counterpart
    assert any("imported from index.pt-BR.txt ¶5+6" in c for c in message.user_comments)


def test_reimport_changes_nothing(project_dir: Path) -> None:
    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / "locale/ja/LC_MESSAGES/index.po"
    first = path.read_bytes()
    report = _import(project_dir, "ja", "index.ja.txt")
    assert report.changed is False
    assert path.read_bytes() == first


def test_reimport_keeps_a_translators_edit(project_dir: Path) -> None:
    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / "locale/ja/LC_MESSAGES/index.po"
    edited = path.read_text(encoding="utf-8").replace(
        'msgstr "リクエストのルーティング"', 'msgstr "要求のルーティング"')
    path.write_text(edited, encoding="utf-8")
    report = _import(project_dir, "ja", "index.ja.txt")
    assert report.kept == 1
    assert read_catalog(path)["Routing requests"].string == "要求のルーティング"


def test_changed_english_makes_the_entry_fuzzy_with_the_previous_msgid(project_dir: Path) -> None:
    _import(project_dir, "ja", "index.ja.txt")
    source = project_dir / "docs" / "index.rst"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "every application pool is", "each application pool is"), encoding="utf-8")
    _import(project_dir, "ja", "index.ja.txt")
    catalog = read_catalog(project_dir / "locale/ja/LC_MESSAGES/index.po")
    message = catalog["In IIS6, each application pool is a w3wp.exe worker process."]
    assert message.fuzzy
    assert message.previous_id == ["In IIS6, every application pool is a w3wp.exe worker process."]
    text = (project_dir / "locale/ja/LC_MESSAGES/index.po").read_text(encoding="utf-8")
    assert '#| msgid "In IIS6, every application pool is a w3wp.exe worker process."' in text
    again = _import(project_dir, "ja", "index.ja.txt")  # keeps the flag and the previous msgid
    assert again.changed is False


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "index.ja.txt: no such file"),
        (b"\xe3\x81\x82 ok \xff", "index.ja.txt: not valid UTF-8 at byte offset 7"),
        (b"\n\n", "index.ja.txt: empty document"),
    ],
)
def test_bad_original_is_one_line_exit_2_and_writes_nothing(
        project_dir: Path, capsys: pytest.CaptureFixture[str], content: bytes | None,
        expected: str) -> None:
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    if content is None:
        original.unlink()
    else:
        original.write_bytes(content)
    code = main(["import", "ja", str(original), "--project", str(project_dir)])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and "Traceback" not in err and err.count("\n") == 1
    assert not (project_dir / "locale" / "ja").exists()


def test_unknown_language_is_exit_2(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    assert main(["import", "xx", str(original), "--project", str(project_dir)]) == 2
    assert "unknown language code 'xx'" in capsys.readouterr().err


def test_bom_and_crlf_are_accepted(project_dir: Path) -> None:
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    original.write_bytes(b"\xef\xbb\xbf" + original.read_bytes().replace(b"\n", b"\r\n"))
    report = _import(project_dir, "ja", "index.ja.txt")
    assert report.written == 4


def test_a_damaged_marker_is_reported_and_its_entry_kept(project_dir: Path) -> None:
    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / "locale/ja/LC_MESSAGES/index.po"
    text = path.read_text(encoding="utf-8")
    damaged = re.sub(r"(# triglot: imported from index.ja.txt ¶1 \[)[0-9a-f]{10}\]", r"\1oops]",
                     text)
    damaged = damaged.replace('msgstr "リクエストのルーティング"', 'msgstr "要求のルーティング"')
    damaged = damaged.replace("# triglot: imported from index.ja.txt ¶2",
                              "# triglot: ignore term-missing\n# triglot: what is this?\n"
                              "# triglot: imported from index.ja.txt ¶2")
    path.write_text(damaged, encoding="utf-8")
    report = _import(project_dir, "ja", "index.ja.txt")
    assert [(comment, is_marker) for _, comment, is_marker in report.unknown_comments] == [
        ("triglot: imported from index.ja.txt ¶1 [oops]", True),
        ("triglot: what is this?", False)]
    assert all(line is not None for line, _, _ in report.unknown_comments)
    catalog = read_catalog(path)
    assert catalog["Routing requests"].string == "要求のルーティング"  # not overwritten
    kept = catalog["IIS checks the script map and routes the request to aspnet_isapi.dll."]
    assert "triglot: ignore term-missing" in kept.user_comments  # the translator's own
    assert "triglot: what is this?" not in kept.user_comments  # rewritten: the stray is gone


def test_the_command_names_the_line_of_a_damaged_marker(
        project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / "locale/ja/LC_MESSAGES/index.po"
    path.write_text(path.read_text(encoding="utf-8").replace(" ¶1 [", " ¶one ["),
                    encoding="utf-8")
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    assert main(["import", "ja", str(original), "--project", str(project_dir)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"locale/ja/LC_MESSAGES/index.po:\d+: damaged import marker", out)


ROLE_EN = ":kbd:`F1` opens the interactive help browser, and :kbd:`F2` browses the history."
ROLE_JA = "対話型ヘルプブラウザは :kbd:`F1` で開き、履歴は :kbd:`F2` で閲覧できます。"


def test_a_paragraph_opening_with_a_role_is_not_a_doubt(project_dir: Path) -> None:
    source = project_dir / "docs" / "index.rst"
    source.write_text(source.read_text(encoding="utf-8") + f"\n{ROLE_EN}\n", encoding="utf-8")
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    original.write_text(original.read_text(encoding="utf-8").rstrip("\n") + f"\n{ROLE_JA}\n",
                        encoding="utf-8")
    report = _import(project_dir, "ja", "index.ja.txt")
    message = read_catalog(project_dir / "locale/ja/LC_MESSAGES/index.po")[ROLE_EN]
    assert message.string == ROLE_JA and not message.fuzzy
    assert report.fuzzy == 0


def test_an_unchanged_document_is_not_extracted_again(
        project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import triglot.messages

    _import(project_dir, "ja", "index.ja.txt")

    def extract(*args: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(triglot.messages, "_extract", extract)
    assert _import(project_dir, "pt_BR", "index.pt-BR.txt").written == 4


def test_an_unknown_document_names_the_known_ones(project_dir: Path) -> None:
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    with pytest.raises(TriglotError, match=r"no document 'intro' in the sources \(known: index\)"):
        import_translation(load_project(project_dir), "ja", original, docname="intro")


CATALOG = "locale/ja/LC_MESSAGES/index.po"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_emptied_translation_stays_empty_and_a_never_translated_one_is_filled(
        project_dir: Path) -> None:
    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / CATALOG
    _edit(path, 'msgstr "リクエストのルーティング"', 'msgstr ""')  # emptied: its marker stays
    _edit(path, '# triglot: imported from index.ja.txt ¶4 [b76bc08d12]\n', "")
    _edit(path, 'msgstr "要求はカーネル モードの HTTP.SYS を通じてプールに届きます。"', 'msgstr ""')
    report = _import(project_dir, "ja", "index.ja.txt")
    catalog = read_catalog(path)
    assert catalog["Routing requests"].string == ""
    assert catalog["Requests reach the pool through HTTP.SYS in kernel mode."].string == (
        "要求はカーネル モードの HTTP.SYS を通じてプールに届きます。")  # no marker: open to import
    assert report.kept == 1


def test_a_translators_fuzzy_flag_survives_doubtful_and_confident_reimports(
        project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import triglot.importing as importing

    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / CATALOG
    _edit(path, '#: ../../docs/index.rst:2\n', '#: ../../docs/index.rst:2\n#, fuzzy\n')
    real = importing._doubts
    monkeypatch.setattr(importing, "_doubts", lambda *args: ["doubt"] + real(*args))
    _import(project_dir, "ja", "index.ja.txt")  # the import now doubts every pairing
    monkeypatch.setattr(importing, "_doubts", real)
    _import(project_dir, "ja", "index.ja.txt")  # and no longer: its own flags go, not hers
    catalog = read_catalog(path)
    assert catalog["Routing requests"].fuzzy
    assert not catalog["Requests reach the pool through HTTP.SYS in kernel mode."].fuzzy


def test_a_save_during_the_import_is_not_overwritten(
        project_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import triglot.importing as importing

    _import(project_dir, "ja", "index.ja.txt")
    path = project_dir / CATALOG
    _edit(path, 'msgstr "リクエストのルーティング"', 'msgstr "要求のルーティング"')
    real = importing.merge_alignment

    def translator_saves_meanwhile(*args: object, **kwargs: object) -> None:
        _edit(path, 'msgstr "要求のルーティング"', 'msgstr "要求の経路選択"')
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "merge_alignment", translator_saves_meanwhile)
    original = project_dir / "locale/originals/index.ja.txt"
    assert main(["import", "ja", str(original), "--project", str(project_dir)]) == 2
    saved = path.read_text(encoding="utf-8")
    assert capsys.readouterr().err == (
        f"triglot import: error: {path}: changed on disk while triglot worked (saved by "
        "someone else?); nothing written: run the command again\n")
    assert 'msgstr "要求の経路選択"' in saved
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.po"]


def test_concurrent_imports_of_one_catalog_both_succeed_one_after_the_other(
        project_dir: Path) -> None:
    import os
    import subprocess
    import sys

    tools = str(Path(__file__).parents[1] / "tools")
    env = {**os.environ, "PYTHONPATH": tools}
    command = [sys.executable, "-m", "triglot", "import", "--project", str(project_dir)]
    runs = [subprocess.Popen([*command, language, str(project_dir / "locale/originals" / name)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for language, name in [("ja", "index.ja.txt")] * 3]
    outcomes = [(run.wait(), run.stderr.read()) for run in runs]  # type: ignore[union-attr]
    assert outcomes == [(0, "")] * 3
    assert read_catalog(project_dir / CATALOG)["Routing requests"].string == (
        "リクエストのルーティング")
    assert sorted(p.name for p in (project_dir / CATALOG).parent.iterdir()) == ["index.po"]


def test_a_latin1_catalog_is_imported_into_and_stays_latin1(project_dir: Path) -> None:
    _import(project_dir, "pt_BR", "index.pt-BR.txt")
    path = project_dir / "locale/pt_BR/LC_MESSAGES/index.po"
    text = path.read_text(encoding="utf-8")
    _edit(path, "charset=UTF-8", "charset=ISO-8859-1")
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    latin1 = path.read_bytes()
    report = _import(project_dir, "pt_BR", "index.pt-BR.txt")
    assert report.changed is False and path.read_bytes() == latin1
    assert latin1.decode("latin-1") == text.replace("charset=UTF-8", "charset=ISO-8859-1")


@pytest.mark.parametrize(("args", "expected"), [
    (["de", "index.ja.txt"], "de is not one of the project's languages (triglot_languages in "
                             "conf.py; translations: ja, pt_BR)"),
    (["ja", "index.ja.txt", "--doc", "../../../conf"],
     "'../../../conf' is not a document name: it leads out of locale/ja/LC_MESSAGES"),
    (["ja", "index.ja.txt", "--doc", "/tmp/index"],
     "'/tmp/index' is not a document name: it leads out of locale/ja/LC_MESSAGES"),
])
def test_a_language_or_document_outside_the_project_is_refused(
        project_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        expected: str) -> None:
    args[1] = str(project_dir / "locale/originals" / args[1])
    assert main(["import", *args, "--project", str(project_dir)]) == 2
    assert capsys.readouterr().err == f"triglot import: error: {expected}\n"
    assert not (project_dir / "locale" / "ja").exists()
    assert not (project_dir / "locale" / "de").exists()


def test_an_original_whose_name_would_break_its_marker_is_refused(
        project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = 'index\n#, fuzzy\nmsgid "x"\nmsgstr "y".ja.txt'
    original = project_dir / "locale/originals" / name
    original.write_bytes((project_dir / "locale/originals/index.ja.txt").read_bytes())
    assert main(["import", "ja", str(original), "--doc", "index",
                 "--project", str(project_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("holds a control character; rename it\n")
    assert not (project_dir / "locale" / "ja").exists()


def test_the_command_names_each_paragraph_left_without_a_counterpart(
        project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = project_dir / "locale" / "originals" / "index.ja.txt"
    lines = original.read_text(encoding="utf-8").splitlines()
    original.write_text("\n".join(lines[:2] + lines[3:]) + "\n", encoding="utf-8")
    assert main(["import", "ja", str(original), "--project", str(project_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(": updated; 3 of 4 messages from index.ja.txt (0 fuzzy), "
                           "0 translator edits kept")
    assert out[1].endswith("index.po: English paragraph 3 has no counterpart in index.ja.txt")
    assert out[2] == f"{original}: missing: en ¶3 / ja -: no ja counterpart"
    assert len(out) == 3


def test_the_json_report_is_the_import_report(
        project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = project_dir / "locale" / "originals" / "index.pt-BR.txt"
    command = ["import", "pt_BR", str(original), "--project", str(project_dir)]
    assert main([*command, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["catalog"].endswith("locale/pt_BR/LC_MESSAGES/index.po")
    assert (report["language"], report["changed"], report["written"], report["messages"]) == (
        "pt_BR", True, 4, 4)
    assert (report["missing"], report["extra"], report["unknown_comments"]) == ([], [4], [])
    assert report["anomalies"] == [{"kind": "extra", "source": [], "target": [3],
                                    "message": "en - / pt_BR ¶4: no en counterpart"}]
    assert main(command) == 0  # the same import again: nothing changes, the extra is named
    out = capsys.readouterr().out.splitlines()
    assert ": unchanged; 4 of 4 messages" in out[0]
    assert f"{original}: paragraph 4 has no English counterpart; not imported" in out
