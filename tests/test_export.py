from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from triglot.cli import main

CATALOG = """msgid ""
msgstr ""
"Language: pt_BR\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Each application pool is a w3wp.exe process."
msgstr "Cada pool de aplicativos é um processo w3wp.exe."

#, fuzzy
msgid "Doubtful & old."
msgstr "Duvidoso."

msgid "Not translated yet."
msgstr ""
"""


def test_export_tmx_has_the_translated_pairs_only(tmp_path: Path) -> None:
    po = tmp_path / "index.po"
    po.write_text(CATALOG, encoding="utf-8")
    out = tmp_path / "index.tmx"
    assert main(["export", "--format", "tmx", str(po), "-o", str(out)]) == 0
    tree = etree.parse(str(out))
    assert tree.getroot().get("version") == "1.4"
    units = tree.findall(".//tu")
    assert len(units) == 1
    segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.findtext("seg")
            for tuv in units[0].findall("tuv")}
    assert segs == {"en": "Each application pool is a w3wp.exe process.",
                    "pt-BR": "Cada pool de aplicativos é um processo w3wp.exe."}


def test_export_of_a_malformed_catalog_is_exit_2(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "bad.po"
    po.write_text('msgid "a"\nmsgstr b\n', encoding="utf-8")
    assert main(["export", str(po)]) == 2
    assert f"{po}:2: not a valid catalog line" in capsys.readouterr().err


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


@pytest.mark.parametrize("name", ["index.po", "same.po"])
def test_export_never_writes_over_its_input(tmp_path: Path, name: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "index.po"
    po.write_text(CATALOG, encoding="utf-8")
    if name != po.name:
        (tmp_path / name).symlink_to(po)
    assert main(["export", str(po), "-o", str(tmp_path / name)]) == 2
    assert _error(capsys) == (f"triglot export: error: {tmp_path / name}: is an input of this "
                              "command; name another file to write\n")
    assert po.read_text(encoding="utf-8") == CATALOG


def test_export_to_a_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "index.po"
    po.write_text(CATALOG, encoding="utf-8")
    assert main(["export", str(po), "-o", str(tmp_path)]) == 2
    assert "is a directory; name a file to write" in _error(capsys)


def test_a_control_character_tmx_cannot_carry_is_named_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "index.po"
    po.write_text(CATALOG.replace("w3wp.exe.\"", 'w3wp.exe\\a."', 1), encoding="utf-8")
    out = tmp_path / "index.tmx"
    assert main(["export", str(po), "-o", str(out)]) == 2
    assert _error(capsys) == (f"triglot export: error: {po}:6: message holds '\\x07', a control "
                              "character XML (and so TMX) cannot carry\n")
    assert not out.exists()


def test_a_latin1_catalog_is_exported_as_its_header_says(tmp_path: Path) -> None:
    po = tmp_path / "index.po"
    po.write_bytes(CATALOG.replace("charset=UTF-8", "charset=ISO-8859-1").encode("latin-1"))
    out = tmp_path / "index.tmx"
    assert main(["export", str(po), "-o", str(out)]) == 0
    assert etree.parse(str(out)).findall(".//seg")[1].text == (
        "Cada pool de aplicativos é um processo w3wp.exe.")


def test_utf8_under_a_latin1_header_is_an_error_not_mojibake(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "index.po"
    po.write_text(CATALOG.replace("charset=UTF-8", "charset=ISO-8859-1"), encoding="utf-8")
    assert main(["export", str(po)]) == 2
    assert _error(capsys) == (f"triglot export: error: {po}:7: the header declares charset "
                              "ISO-8859-1 (line 4) but the file is UTF-8; correct the header's "
                              "charset\n")


def test_a_carriage_return_survives_the_tmx(tmp_path: Path) -> None:
    po = tmp_path / "index.po"
    po.write_text(CATALOG.replace('w3wp.exe."', 'w3wp.exe.\\r\\nFim."', 1), encoding="utf-8")
    out = tmp_path / "index.tmx"
    assert main(["export", str(po), "-o", str(out)]) == 0
    assert etree.parse(str(out)).findall(".//seg")[1].text == (
        "Cada pool de aplicativos é um processo w3wp.exe.\r\nFim.")
