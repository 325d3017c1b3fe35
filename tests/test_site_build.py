"""The cross-linked site, built from tests/roots/test-site in English, Japanese and
Portuguese: switcher, paragraph anchors, term links, translation status, Japanese search."""

from __future__ import annotations

import json
import re
from pathlib import Path

from triglot.sphinxext.core.paragraphs import anchor_for

LANGUAGES = ("en", "ja", "pt-br")


def page(site: Path, lang: str, name: str = "article") -> str:
    return (site / lang / f"{name}.html").read_text(encoding="utf-8")


def paragraph(html: str, anchor: str) -> str:
    found = re.search(rf'<p[^>]* id="{anchor}"[^>]*>.*?</p>', html, re.DOTALL)
    assert found, anchor
    return found.group(0)


def test_paragraph_anchors_are_the_same_in_every_language(built_site: Path) -> None:
    ids = {lang: re.findall(r'<p[^>]* id="(p-[0-9a-f-]+)"', page(built_site, lang))
           for lang in LANGUAGES}
    assert ids["en"] == ids["ja"] == ids["pt-br"]
    repeated = anchor_for("Repeated paragraph.")
    assert ids["en"][-2:] == [repeated, f"{repeated}-2"]  # repeats told apart, in order
    assert len(ids["en"]) == 7


def test_switcher_keeps_the_page_and_names_languages_in_bcp47(built_site: Path) -> None:
    html = page(built_site, "ja")
    assert '<link rel="alternate" hreflang="pt-BR" href="../pt-br/article.html">' in html
    assert '<link rel="alternate" hreflang="x-default" href="../en/article.html">' in html
    assert 'hreflang="pt_BR"' not in html
    nav = re.search(r'<nav class="triglot-languages".*?</nav>', html, re.DOTALL).group(0)
    assert '<strong aria-current="page" lang="ja">日本語</strong>' in nav
    assert 'href="../en/article.html" hreflang="en"' in nav
    # partly in English in the Portuguese site, which says so in the page's language
    assert ('hreflang="pt-BR" lang="pt-BR" data-triglot-page="partial">Português (Brasil) '
            '<span class="triglot-switch-mark" lang="ja">(一部は English)</span></a>') in nav
    for lang in LANGUAGES:  # every page of every language, with a body or not
        for name in ("glossary", "search", "genindex"):
            html = page(built_site, lang, name)
            nav = re.search(r'<nav class="triglot-languages".*?</nav>', html)
            assert nav is not None, (lang, name)
            english = ('<strong aria-current="page" lang="en">' if lang == "en"
                       else f'href="../en/{name}.html"')
            assert english in nav.group(0), (lang, name)
            assert 'class="triglot-status-link"' in page(built_site, lang, name)


def test_each_paragraph_links_to_its_counterparts(built_site: Path) -> None:
    anchor = anchor_for("Each application pool runs in its own worker process.")
    para = paragraph(page(built_site, "pt-br"), anchor)
    assert f'href="../en/article.html#{anchor}" hreflang="en"' in para
    assert f'href="../ja/article.html#{anchor}" hreflang="ja"' in para
    assert "../pt-br/" not in para


def test_terms_link_to_the_glossary_with_the_definition(built_site: Path) -> None:
    anchor = anchor_for("Each application pool runs in its own worker process.")
    ja = paragraph(page(built_site, "ja"), anchor)
    assert ('<a class="triglot-term reference internal" href="glossary.html#term-application-pool"'
            ' title="同じワーカー プロセスで処理される &lt;Web&gt; アプリケーションのグループ。">'
            'アプリケーション プール</a>') in ja
    assert 'href="glossary.html#term-worker-process"' in ja
    pt = paragraph(page(built_site, "pt-br"), anchor)
    assert 'title="Um grupo de aplicativos &lt;web&gt;' in pt and ">pool de aplicativos</a>" in pt
    en = paragraph(page(built_site, "en"), anchor)
    assert 'served by the same &quot;worker&quot; processes &amp; threads.">' in en
    # code is never linked, and the glossary page keeps its own entries unlinked
    code = paragraph(page(built_site, "en"), anchor_for(
        "In IIS 6, ``w3wp.exe`` loads ``aspnet_isapi.dll`` for every application pool."))
    assert code.count("triglot-term") == 1
    assert "triglot-term reference" not in page(built_site, "en", "glossary")


def test_untranslated_and_outdated_paragraphs_are_marked(built_site: Path) -> None:
    ja = page(built_site, "ja")
    missing = anchor_for("This paragraph has no translation yet.")
    para = paragraph(ja, missing)
    assert 'class="triglot-untranslated"' in para
    assert "この段落はまだ翻訳されていません。" in para
    assert f'href="../en/article.html#{missing}" hreflang="en">英語の原文</a>' in para
    fuzzy = paragraph(ja, anchor_for("This paragraph changed since it was translated."))
    assert "この段落の翻訳は古くなっています。" in fuzzy
    translated = paragraph(ja, anchor_for("Each application pool runs in its own worker process."))
    assert 'class="triglot-status"' not in translated
    pt = paragraph(page(built_site, "pt-br"), anchor_for("Scripts in a translation stay text."))
    assert "Este parágrafo ainda não foi traduzido." in pt
    assert 'class="triglot-status"' not in page(built_site, "en")


def test_markup_in_a_translation_shows_as_text(built_site: Path) -> None:
    ja = page(built_site, "ja")
    assert "翻訳の &lt;script&gt;alert(1)&lt;/script&gt; はテキストのままです。" in ja
    assert "<script>alert" not in ja


def test_japanese_search_keeps_identifiers_whole(built_site: Path) -> None:
    index = (built_site / "ja" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert {"w3wp.exe", "aspnet_isapi.dll", "アプリケーション", "プール"} <= set(terms)
    assert "3wp" not in terms
    # a query written solid (アプリケーションプール) is cut into the index's words in the
    # browser (test_site_browser), so the index holds Sudachi's words only
    assert "アプリケーションプール" not in terms
    language_data = (built_site / "ja" / "_static" / "language_data.js").read_text("utf-8")
    assert "function splitQuery(query)" in language_data
    assert "Search._index.terms" in language_data


def test_portuguese_search_uses_sphinx_portuguese_stemmer(built_site: Path) -> None:
    index = (built_site / "pt-br" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert "process" in terms and "processo" not in terms  # "processo" indexed by its stem
    language_data = (built_site / "pt-br" / "_static" / "language_data.js").read_text("utf-8")
    assert "PortugueseStemmer" in language_data
