"""``make bench-catalog``'s pieces and its report, on a two-paragraph fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from triglot.bench import catalog
from triglot.bench.catalog import Page

SOURCE = """Errors
======

Syntax errors are the most common complaint.

An exception is raised
when the code is wrong.

::

   print("literal")
"""

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Errors"
msgstr "{title}"

msgid "Syntax errors are the most common complaint."
msgstr "{first}"

msgid "An exception is raised when the code is wrong."
msgstr "{second}"

msgid "print(\\"literal\\")"
msgstr "print(\\"literal\\")"
'''

TRANSLATIONS = {"ja": ("エラー", "構文エラーは最もよくある不満です。",
                      "コードが誤っていると例外が\\n送出されます。"),
                "pt_BR": ("Erros", "Erros de sintaxe são a reclamação mais comum.",
                          "Uma exceção é levantada quando o código está errado.")}


def fixture(tmp_path: Path) -> Path:
    doc = tmp_path / "fixture" / "Doc"
    (doc / "tutorial").mkdir(parents=True)
    (doc / "conf.py").write_text('project = "t"\n', encoding="utf-8")
    (doc / "index.rst").write_text(".. toctree::\n\n   tutorial/errors\n", encoding="utf-8")
    (doc / "tutorial" / "errors.rst").write_text(SOURCE, encoding="utf-8")
    for language, (title, first, second) in TRANSLATIONS.items():
        po = tmp_path / "fixture" / "locales" / language / "LC_MESSAGES" / "tutorial"
        po.mkdir(parents=True)
        (po / "errors.po").write_text(PO.format(title=title, first=first, second=second),
                                      encoding="utf-8")
    return doc.parent


def test_changed_lines_counts_added_and_removed_lines() -> None:
    assert catalog._changed_lines("a\nb\nc", "a\nB\nc\nd") == 3
    assert catalog._changed_lines("a", "a") == 0


def test_copy_fixture_makes_three_catalog_folders(tmp_path: Path) -> None:
    root = catalog.copy_fixture(fixture(tmp_path), tmp_path / "work")
    project = root.parent
    assert root == tmp_path / "work" / "project" / "Doc" and (root / "howto").is_dir()
    assert (project / "locales-merged" / "ja" / "LC_MESSAGES" / "tutorial" / "errors.po"
            ).read_text(encoding="utf-8") == (project / "locales" / "ja" / "LC_MESSAGES" /
                                               "tutorial" / "errors.po").read_text(
                                                   encoding="utf-8")
    assert list((project / "locales-empty").iterdir()) == []


def test_main_on_a_tiny_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    status = catalog.main(["--fixture", str(fixture(tmp_path))])
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[1]: line.split() for line in lines[1:3]}
    # ja's second paragraph is a message of several lines, left out
    assert rows["pt_BR"][:3] == ["tutorial/errors", "pt_BR", "3"]
    assert rows["pt_BR"][3:6] == ["3", "0", "0"] and rows["pt_BR"][10:] == ["0", "no"]
    assert rows["ja"][2] == "2" and rows["ja"][10:] == ["0", "no"]
    assert any(line.startswith("ja: (a) ") and line.endswith("; 1 multi-line messages left out")
               for line in lines)
    assert "pt_BR: (a) reproduced 3 of 3 real translations (100.0%, target >= 98%)" in "\n".join(
        lines)
    assert "second import changed: nothing (target nothing)" in lines
    missed = [line for line in lines if line.startswith("MISSED")]
    assert all(line.startswith("MISSED: ja: (a) reproduced") for line in missed)
    assert status == (1 if missed else 0)


def test_report_names_every_missed_target(capsys: pytest.CaptureFixture[str]) -> None:
    pages = [Page("ja", "tutorial/a", entries=10, reproduced=9, fuzzy=2, false_doubts=1,
                  cpu=2.5, cold=True, lines_beyond_merge=3, second_a_changed=True),
             Page("pt_BR", "tutorial/a", entries=10, reproduced=10, cpu=0.5)]
    assert catalog._report(pages) == [
        "ja: (a) reproduced 90.0% < 98%",
        "ja: false doubts on 10.0% of the entries",
        "ja: (b) the import changed lines beyond the merge",
        "a second import changed a catalog",
        "an import took 2.50 s CPU > 2.0",
    ]
    out = capsys.readouterr().out
    assert "tutorial/a                   ja          10      9     2     1   2.50" in out
    assert "second import changed: ja tutorial/a (target nothing)" in out
    assert ("template to extract median 2.50 max 2.50; template cached median 0.50 max 0.50"
            in out)
