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


HOSTILE_LINKS = [
    "`ここ <javascript:alert(1)>`_",
    "`こちら <JaVaScRiPt:alert(2)>`__",
    "<data:text/html,<script>alert(3)</script>>",
    "`ファイル <file:///etc/passwd>`_",
    "`実体 <&#106;avascript:alert(4)>`_",
    "`VB <vbscript:msgbox(5)>`_",
    "`安全 <https://example.org/ja/>`_",
]


def hrefs(outdir: Path) -> list[str]:
    """Every link target of every page of a built site (HTML and inlined SVG)."""
    from lxml import html as lxml_html

    found = []
    for page in outdir.rglob("*.html"):
        tree = lxml_html.fromstring(page.read_bytes())
        found += [value for element in tree.iter() if isinstance(element.tag, str)
                  for name, value in element.attrib.items()
                  if name in ("href", "src", "action", "formaction")
                  or name.endswith("}href")]
    return found


def test_an_unsafe_link_in_a_translation_is_text_and_reported(project: Path) -> None:
    from triglot.links import unsafe_scheme

    hostile = " ".join(HOSTILE_LINKS).replace('"', '\\"')
    catalog = edit_catalog(project, 'msgstr "各アプリケーション プールは',
                           f'msgstr "{hostile} 各アプリケーション プールは')
    html, warnings = build(project)
    line = line_of(catalog, 'msgid "Each application pool runs')
    for uri in ("javascript:alert(1)", "JaVaScRiPt:alert(2)", "file:///etc/passwd",
                "&#106;avascript:alert(4)", "vbscript:msgbox(5)"):
        assert (f"{catalog}:{line}: WARNING: link to {uri!r} in the translation is shown as "
                "text: only http, https, mailto and relative links are published "
                "[triglot.unsafe-link]") in warnings
    assert warnings.count("[triglot.unsafe-link]") == 6
    links = hrefs(project.parent / "_build" / "html")
    assert links and not [uri for uri in links if unsafe_scheme(uri)]
    assert "https://example.org/ja/" in links  # a safe link stays a link
    assert "ここ" in html and "VB" in html  # the link's text is kept


def test_an_unsafe_link_in_a_definition_is_reported_at_its_line(project: Path) -> None:
    termbase = project / "glossary" / "termbase.yaml"
    text = termbase.read_text(encoding="utf-8")
    termbase.write_text(text.replace("ja: Web サーバーの代わりに",
                                     "ja: <javascript:alert(1)> Web サーバーの代わりに"),
                        encoding="utf-8")
    _, warnings = build(project)
    line = line_of(termbase, "<javascript:alert(1)>") - 3  # the concept's "- id:" line
    assert (f"{termbase}:{line}: WARNING: link to 'javascript:alert(1)' in the definition is "
            "shown as text") in warnings
    assert not [uri for uri in hrefs(project.parent / "_build" / "html")
                if uri.startswith("javascript")]


def recode_catalog(project: Path, charset: str, encoding: str) -> Path:
    path = project / "locale" / "pt_BR" / "LC_MESSAGES" / "article.po"
    text = path.read_text(encoding="utf-8").replace("charset=UTF-8", f"charset={charset}")
    path.write_bytes(text.encode(encoding))
    return path


def test_a_latin1_catalog_is_built_in_its_charset(project: Path) -> None:
    recode_catalog(project, "ISO-8859-1", "latin-1")
    html, warnings = build(project, "pt_BR")
    assert " é executado em seu próprio " in html  # the terms around it are links
    assert "reading error" not in warnings and "[triglot.untranslated]" not in warnings


def _break(project: Path, case: str) -> str:
    """Break the project as ``case`` says; the one line ``triglot site`` must print."""
    if case == "utf-8 under a latin-1 header":
        catalog = recode_catalog(project, "ISO-8859-1", "utf-8")
        return (f"triglot catalog error: {catalog}:{line_of(catalog, 'é')}: the header "
                "declares charset ISO-8859-1 (line 4) but the file is UTF-8; correct the "
                "header's charset")
    if case == "bad termbase":
        termbase = project / "glossary" / "termbase.yaml"
        with termbase.open("a", encoding="utf-8") as handle:
            handle.write("- id: [x\n")
        line = len(termbase.read_text(encoding="utf-8").splitlines()) + 1
        return (f"triglot termbase error: {termbase}:{line}: not valid YAML: expected ',' or "
                "']', but got '<stream end>'")
    # another language's catalog, read for the counterparts (ja is built)
    catalog = project / "locale" / "pt_BR" / "LC_MESSAGES" / "article.po"
    with catalog.open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "Worker processes"\nmsgstr "de novo"\n')
    lines = catalog.read_text(encoding="utf-8").splitlines()
    first, again = (n for n, line in enumerate(lines, 1) if line == 'msgid "Worker processes"')
    return (f"{catalog}:{again}: duplicate message \"Worker processes\" "
            f"(first at line {first})")


@pytest.mark.parametrize("case", ["utf-8 under a latin-1 header", "bad termbase",
                                  "another language's bad catalog"])
def test_an_input_error_stops_triglot_site_with_its_one_line(project: Path, case: str) -> None:
    expected = _break(project, case)
    language = "pt_BR" if case.startswith("utf-8") else "ja"
    result = subprocess.run(
        [sys.executable, "-m", "triglot", "site", str(project), "-c", str(project),
         "-l", language, "-j", "1", "-o", str(project.parent / "site")],
        check=False, capture_output=True, text=True, cwd=project,
        env={**os.environ, "PYTHONPATH": str(TOOLS)})
    assert result.returncode == 2
    assert result.stderr.splitlines()[1:] == [
        expected, f"triglot site: error: sphinx-build failed for {language} (exit 2); its "
        "messages are above"]
    assert not (project.parent / "site" / "index.html").exists()
