"""The frame of every page in the page's language, and what its head tells search engines,
in tests/roots/test-site: the theme's words, the project's name, ``lang`` on what stays in
English, the note counting those paragraphs, canonical and hreflang URLs, the description,
term links once per page, and the switcher past four languages."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp
from test_site_build import page
from test_site_switcher import ROOT, build
from triglot.sphinxext.core.paragraphs import anchor_for

UNTRANSLATED = anchor_for("This paragraph has no translation yet.")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    shutil.copytree(ROOT, tmp_path / "src")
    return tmp_path / "src"


def test_what_stays_in_english_says_so_with_lang(built_site: Path) -> None:
    tree = lxml.html.fromstring(page(built_site, "ja"))
    assert tree.get_element_by_id(UNTRANSLATED).get("lang") == "en"
    outdated = tree.get_element_by_id(anchor_for("This paragraph changed since it was translated."))
    assert outdated.get("lang") == "en"
    assert tree.get_element_by_id(anchor_for("Repeated paragraph.")).get("lang") is None
    # the note inside says its own language
    assert outdated.find('span[@class="triglot-status"]').get("lang") == "ja"
    english = lxml.html.fromstring(page(built_site, "en"))
    assert english.get_element_by_id(UNTRANSLATED).get("lang") is None


def test_a_page_partly_in_english_opens_with_a_note_counting_those_paragraphs(
        built_site: Path) -> None:
    ja = lxml.html.fromstring(page(built_site, "ja"))
    (note,) = ja.find_class("triglot-page-note")
    assert note.get("lang") == "ja"
    assert note.text_content() == "このページの 2 段落は English で表示されています。"
    assert note.find("a").get("href") == "triglot-status.html"
    pt = lxml.html.fromstring(page(built_site, "pt-br"))
    assert [n.text_content() for n in pt.find_class("triglot-page-note")] == [
        "3 parágrafos desta página são mostrados em English."]
    for lang, name in (("en", "article"), ("ja", "index")):
        assert "triglot-page-note" not in page(built_site, lang, name)


def test_the_themes_words_are_in_the_pages_language(built_furo_site: Path) -> None:
    ja, pt = page(built_furo_site, "ja"), page(built_furo_site, "pt-br")
    for words in ("本文へスキップ", "ページの先頭へ", "次へ"):
        assert words in ja
    for words in ("Pular para o conteúdo", "Voltar ao topo"):
        assert words in pt
    assert "Skip to content" in page(built_furo_site, "en")


def test_the_projects_name_comes_from_the_catalogs(source: Path) -> None:
    # the name is the article's title, which the catalogs translate
    site = build(source, "ja", project="Worker processes", html_title="Worker processes")
    title = lxml.html.parse(site / "glossary.html").findtext(".//title")
    assert title.endswith(" ワーカー プロセス")
    english = build(source, "en", project="Worker processes", html_title="Worker processes")
    assert lxml.html.parse(english / "glossary.html").findtext(".//title").endswith(
        " Worker processes")


def test_canonical_and_alternates_are_absolute_under_html_baseurl(source: Path) -> None:
    site = build(source, "ja", html_baseurl="https://docs.example.org/site/")
    html = (site / "article.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://docs.example.org/site/ja/article.html"' in html
    assert ('<link rel="alternate" hreflang="pt-BR" '
            'href="https://docs.example.org/site/pt-br/article.html">') in html
    # the switcher stays relative: a site opened locally stays local
    assert 'class="triglot-switch" href="../pt-br/article.html"' in html


def test_a_published_language_url_is_the_canonical_one(source: Path) -> None:
    site = build(source, "ja", triglot_language_urls={"ja": "https://example.org/ja/latest/"})
    html = (site / "article.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/ja/latest/article.html"' in html


def test_without_a_base_url_one_warning_says_what_is_lost(source: Path) -> None:
    (source / "conf.py").write_text(
        (source / "conf.py").read_text(encoding="utf-8").replace('"triglot.baseurl"', ""),
        encoding="utf-8")
    app = SphinxTestApp("html", srcdir=source, builddir=source.parent / "_build",
                        confoverrides={"language": "ja"}, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    site = Path(app.outdir)
    assert warnings.count("[triglot.baseurl]") == 1
    assert f"{source / 'conf.py'}:1: WARNING: html_baseurl is not set" in warnings
    assert 'rel="canonical"' not in (site / "article.html").read_text(encoding="utf-8")


def test_a_page_is_described_by_its_first_paragraph(built_site: Path) -> None:
    description = lxml.html.fromstring(page(built_site, "ja")).find(
        './/meta[@name="description"]')
    assert description.get("content") == (
        "各アプリケーション プールは独自のワーカー プロセスで実行されます。")


@pytest.mark.parametrize(("mode", "links"), [("paragraph", 2), ("page", 1), ("none", 0)])
def test_term_links_once_per_paragraph_or_per_page(source: Path, mode: str, links: int) -> None:
    site = build(source, "en", mode, triglot_term_links=mode)
    html = (site / "article.html").read_text(encoding="utf-8")
    assert html.count('href="glossary.html#term-application-pool"') == links
    # the glossary still lists both paragraphs that use the term
    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    assert len(re.findall(r'href="article.html#p-[0-9a-f]+"', glossary)) >= 2


def test_an_unknown_term_links_mode_fails_the_build(source: Path) -> None:
    with pytest.raises(ConfigError, match="triglot_term_links: 'all' is not one of"):
        build(source, "en", triglot_term_links="all")


def test_past_four_languages_the_switcher_folds_the_rest(source: Path) -> None:
    site = build(source, "ja", triglot_languages=["en", "ja", "pt_BR", "fr", "de"])
    nav = lxml.html.parse(site / "article.html").find('.//nav[@class="triglot-languages"]')
    assert [a.get("hreflang") for a in nav.findall("ul/li/a")] == ["en", "pt-BR", "fr"]
    more = nav.find("details")
    assert more.findtext("summary") == "その他の言語"
    assert [a.get("hreflang") for a in more.findall("ul/li/a")] == ["de"]
