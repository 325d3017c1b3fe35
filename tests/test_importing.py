"""triglot import on a small fixture project: alignment into catalogs, safe re-runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from triglot.catalog import read_catalog
from triglot.cli import main
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
