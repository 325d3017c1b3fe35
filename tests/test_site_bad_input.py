"""Bad input in a translated build: reported at the catalog's file and line, the build goes
on, and the page never shows reST error markers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-site"
TOOLS = Path(__file__).parents[1] / "tools"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    return source


def edit_catalog(project: Path, old: str, new: str, lang: str = "ja") -> Path:
    path = project / "locale" / lang / "LC_MESSAGES" / "article.po"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def build(project: Path, language: str = "ja") -> tuple[str, str]:
    """Build ``language`` and return the article's HTML and the warnings."""
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=project, builddir=project.parent / "_build",
                        confoverrides={"language": language}, status=StringIO(),
                        warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    html = (Path(app.outdir) / "article.html").read_text(encoding="utf-8")
    return html, warnings.getvalue()


def test_broken_rest_in_a_translation_is_reported_at_the_entry(project: Path) -> None:
    catalog = edit_catalog(
        project, 'msgstr "各アプリケーション プールは',
        'msgstr "``閉じていない *リテラル `と :nosuchrole:`x` 各アプリケーション プールは')
    html, warnings = build(project)
    line = line_of(catalog, 'msgid "Each application pool runs')
    assert (f"{catalog}:{line}: WARNING: broken reST in the translation, the English is shown: "
            "Inline literal start-string without end-string. [triglot.rst]") in warnings
    assert "<translated>" not in warnings  # Sphinx's own report of the same entry is not made
    assert "閉じていない" not in html
    assert "Each application pool runs in its own" in html  # the English, with its note
    assert "problematic" not in html and "system-message" not in html


def test_an_entry_with_no_english_paragraph_is_reported(project: Path) -> None:
    catalog = project / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    with catalog.open("a", encoding="utf-8") as po:
        po.write('\nmsgid "A paragraph nobody wrote in English."\nmsgstr "英語にない段落。"\n')
    html, warnings = build(project)
    line = line_of(catalog, "A paragraph nobody wrote")
    assert (f"{catalog}:{line}: WARNING: 1 entry with no paragraph in the English (article); "
            "the first: A paragraph nobody wrote in English. [triglot.orphan]") in warnings
    assert "英語にない段落" not in html


def test_untranslated_and_outdated_paragraphs_are_reported(project: Path) -> None:
    (project / "conf.py").write_text(
        (project / "conf.py").read_text(encoding="utf-8").replace("suppress_warnings", "_"),
        encoding="utf-8")
    catalog = project / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    _, warnings = build(project)
    article = project / "article.rst"
    assert (f"{article}:{line_of(article, 'no translation yet')}: WARNING: 1 paragraph not "
            "translated into ja; the first: This paragraph has no translation yet. "
            "[triglot.untranslated]") in warnings
    fuzzy = line_of(catalog, 'msgid "This paragraph changed')
    assert (f"{catalog}:{fuzzy}: WARNING: 1 outdated "
            "translation (fuzzy), the English is shown; the first: This paragraph changed "
            "since it was translated. [triglot.outdated]") in warnings
    assert warnings.count("[triglot.untranslated]") == warnings.count("[triglot.outdated]") == 1
    _, english = build(project, "en")
    # the source language has nothing to report but the missing html_baseurl
    assert re.findall(r"\[triglot\.[a-z-]+\]", english) == ["[triglot.baseurl]"]


@pytest.mark.parametrize("empty", ["no catalogs", "no translations"])
def test_an_empty_language_is_reported_and_shown_in_english(project: Path, empty: str) -> None:
    folder = project / "locale" / "pt_BR" / "LC_MESSAGES"
    if empty == "no catalogs":
        shutil.rmtree(folder)
        expected = f"no catalogs for pt_BR in {folder}: every page is shown in English"
    else:
        for catalog in folder.glob("*.po"):
            catalog.write_text('msgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n', encoding="utf-8")
        expected = (f"{folder / 'article.po'}:1: WARNING: the catalogs for pt_BR hold no "
                    "translation: every page is shown in English")
    html, warnings = build(project, "pt_BR")
    assert expected in warnings and "[triglot.empty-language]" in warnings
    assert "Each application pool runs in its own worker process." in html
    assert "Este parágrafo ainda não foi traduzido." in html


def test_warnings_fail_the_build_under_W(project: Path) -> None:
    edit_catalog(project, 'msgstr "各アプリケーション プールは',
                 'msgstr "``各アプリケーション プールは')
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "-D", "language=ja",
         str(project), str(project.parent / "out")],
        check=False, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(TOOLS)})
    assert result.returncode == 1
    assert "[triglot.rst]" in result.stderr and "Traceback" not in result.stderr


def test_bad_language_codes_in_conf_cost_a_warning_not_the_build(project: Path) -> None:
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=project, builddir=project.parent / "_build",
                        confoverrides={"language": "ja",
                                       "triglot_languages": ["en", "xx", "ja", "ja-JP", "ja"]},
                        status=StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    conf = f"{project / 'conf.py'}:1: WARNING: "
    assert f"{conf}triglot_languages: unknown language code 'xx'; left out" in warnings.getvalue()
    assert f"{conf}triglot_languages names ja twice" in warnings.getvalue()
    assert app.config.triglot_languages == ["en", "ja", "ja-JP"]


def test_a_translated_code_sample_is_published_as_it_is(project: Path) -> None:
    """With ``gettext_additional_targets = ['literal-block']`` (as the Python docs set it) a
    translated code sample is not reST: it is never parsed, never reverted."""
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('gettext_additional_targets = ["literal-block"]\n')
    with (project / "article.rst").open("a", encoding="utf-8") as article:
        article.write("\nA sample::\n\n   print(`hello`)  # a *comment\n")
    with (project / "locale/ja/LC_MESSAGES/article.po").open("a", encoding="utf-8") as po:
        po.write('\nmsgid "print(`hello`)  # a *comment"\n'
                 'msgstr "print(`こんにちは`)  # ``閉じない *コメント"\n')
    html, warnings = build(project)
    assert "こんにちは" in html and "[triglot.rst]" not in warnings


def test_weblate_ignore_flags_silence_their_check(project: Path) -> None:
    (project / "conf.py").write_text(
        (project / "conf.py").read_text(encoding="utf-8").replace("suppress_warnings", "_"),
        encoding="utf-8")
    catalog = edit_catalog(project, "#, fuzzy\n", "#, fuzzy, ignore-outdated\n")
    with catalog.open("a", encoding="utf-8") as po:
        po.write('\n#, ignore-orphan\nmsgid "Only here."\nmsgstr "ここだけ。"\n')
    edit_catalog(project, 'msgid "Repeated paragraph."\nmsgstr "繰り返しの段落。"',
                 '#, ignore-rst\nmsgid "Repeated paragraph."\nmsgstr "``壊れた"')
    _, warnings = build(project)
    assert "[triglot.outdated]" not in warnings and "[triglot.orphan]" not in warnings
    assert "[triglot.rst]" not in warnings  # Sphinx's own parse reports it, as without triglot
