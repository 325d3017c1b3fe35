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
