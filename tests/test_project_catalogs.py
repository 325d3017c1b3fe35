"""The project's own catalogs are what `triglot import` makes of the originals.

Re-importing the Japanese and Portuguese originals into a copy of the project must
change nothing: the committed catalogs are the import's output plus translators' edits,
and the alignment behind them is the gold one (../shared/seeds/*.gold).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from triglot.catalog import read_catalog
from triglot.catalog.markers import digest, import_marker, join_paragraphs
from triglot.importing import import_translation
from triglot.project import load_project
from triglot.segment import paragraphs
from triglot.textio import read_text

REPO = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("project")
    shutil.copy(REPO / "conf.py", target)
    for folder in ("docs", "locale", "glossary"):
        shutil.copytree(REPO / folder, target / folder,
                        ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    return target


@pytest.mark.parametrize(("language", "original"),
                         [("ja", "iis-aspnet.ja.txt"), ("pt_BR", "iis-aspnet.pt-BR.txt")])
def test_reimporting_the_originals_changes_nothing(project_copy: Path, language: str,
                                                   original: str) -> None:
    project = load_project(project_copy)
    report = import_translation(project, language, project_copy / "locale/originals" / original)
    catalog = Path("locale", language, "LC_MESSAGES", "iis-aspnet.po")
    assert report.changed is False
    assert (project_copy / catalog).read_bytes() == (REPO / catalog).read_bytes()


@pytest.mark.parametrize(("language", "original"),
                         [("ja", "iis-aspnet.ja.txt"), ("pt_BR", "iis-aspnet.pt-BR.txt")])
def test_catalogs_hold_the_gold_alignment(language: str, original: str) -> None:
    english = paragraphs(read_text(REPO / "locale/originals/iis-aspnet.en.txt"))
    target = paragraphs(read_text(REPO / "locale/originals" / original))
    catalog = read_catalog(REPO / "locale" / language / "LC_MESSAGES" / "iis-aspnet.po")
    # the gold beads of ../shared/seeds: 1-1 throughout, but English 10 = Portuguese 10+11
    gold = [(n,) for n in range(1, len(english) + 1)]
    if language == "pt_BR":
        gold = gold[:9] + [(10, 11)] + [(n + 1,) for n in range(11, len(english) + 1)]
    edited = 0
    for text, numbers in zip(english, gold, strict=True):
        message = catalog[text]
        marker = import_marker(message)
        assert marker is not None and marker.numbers == numbers, text
        imported = join_paragraphs([target[n - 1] for n in numbers])
        if marker.digest == digest(imported) and message.string != imported:
            edited += 1  # a translator's fix: the marker still names the gold paragraph
        else:
            assert message.string == imported, text
    assert edited > 0  # the fixed terminology and re-translated paragraphs are edits
