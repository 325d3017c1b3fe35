"""The translation status page of each language of tests/roots/test-site: figures equal
to what the fixture's catalogs say, the SVG chart, links from every page, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from defusedxml import ElementTree
from triglot.sphinxext.core.uitext import SOURCE
from triglot.sphinxext.translation.chart import Bar, coverage_chart

SVG = "{http://www.w3.org/2000/svg}"
DOCS = {"article": "article.rst", "special": "special.rst"}


def status_page(site: Path, lang: str) -> str:
    return (site / lang / "triglot-status.html").read_text(encoding="utf-8")


def expected_states(root: Path, code: str, docname: str) -> list[str]:
    """Each paragraph's state straight from the fixture: its reST and its catalog."""
    text = (root / DOCS[docname]).read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n")[1:] if b.strip()]  # the first block is the title
    path = root / "locale" / code / "LC_MESSAGES" / f"{docname}.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    states = []
    for block in blocks:
        message = catalog.get(" ".join(block.split()))
        if message is None or not message.string:
            states.append("untranslated")
        else:
            states.append("outdated" if message.fuzzy else "translated")
    return states


def table_rows(html: str) -> dict[str, list[str]]:
    table = html[html.index('<table class="docutils triglot-status-table">'):]
    table = table[:table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL):
        cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh]>(.*?)</t[dh]>", row)]
        rows[cells[0]] = cells[1:]
    return rows


@pytest.mark.parametrize(("code", "lang", "titles"), [
    ("ja", "ja", {"article": "ワーカー プロセス", "special": "&lt;特殊&gt; &amp; 文字を含む用語"}),
    ("pt_BR", "pt-br", {"article": "Processos de trabalho",
                        "special": "Termos com &lt;especiais&gt; &amp; caracteres"}),
])
def test_status_figures_equal_the_catalogs(built_site: Path, rootdir: Path, code: str,
                                           lang: str, titles: dict[str, str]) -> None:
    rows = table_rows(status_page(built_site, lang))
    totals = [0, 0, 0, 0]
    for docname, title in titles.items():
        states = expected_states(rootdir / "test-site", code, docname)
        counts = [len(states), *(states.count(s)
                                 for s in ("translated", "outdated", "untranslated"))]
        assert rows[title][:5] == [*map(str, counts), f"{counts[1] * 100 // counts[0]} %"]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
    assert rows["Total" if code == "pt_BR" else "合計"][:4] == [*map(str, totals)]
    if code == "ja":  # the fixture has an outdated and an untranslated paragraph
        assert totals[2] >= 1 and totals[3] >= 1


def test_terminology_figures_count_the_checker_findings(built_site: Path) -> None:
    pt = status_page(built_site, "pt-br")
    assert "<tr><td><code>term-missing</code></td><td>error</td><td>1</td></tr>" in pt
    assert table_rows(pt)["Termos com &lt;especiais&gt; &amp; caracteres"][-1] == "1"
    ja = status_page(built_site, "ja")
    assert "<tr><td><code>term-missing</code></td><td>error</td><td>0</td></tr>" in ja
    assert "<h2 id=\"terminology\">用語</h2>" in ja


def test_chart_is_well_formed_svg_whose_labels_carry_the_numbers(built_site: Path) -> None:
    html = status_page(built_site, "ja")
    svg = ElementTree.fromstring(html[html.index("<svg"):html.index("</svg>") + 6])
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "9 段落のうち翻訳済み 7、古い翻訳 1、未翻訳 1"
    assert svg.find(f"{SVG}title").text == "文書ごとの段落: 翻訳済み、古い翻訳、未翻訳"
    bars = svg.findall(f"{SVG}g[@class='triglot-chart-bar']")
    assert [bar.find(f"{SVG}title").text for bar in bars] == [
        "ワーカー プロセス — 翻訳済み: 5, 古い翻訳: 1, 未翻訳: 1",
        "<特殊> & 文字を含む用語 — 翻訳済み: 2, 古い翻訳: 0, 未翻訳: 0",
    ]
    texts = [t.text for t in bars[0].findall(f"{SVG}text")]
    assert texts == ["ワーカー プロセス", "5", "1", "1", "71 %"]
    legend = [t.text for t in svg.findall(f"{SVG}g[@class='triglot-chart-legend']/{SVG}text")]
    assert legend == ["翻訳済み: 7", "古い翻訳: 1", "未翻訳: 1"]


def test_chart_escapes_labels_and_keeps_narrow_counts_in_titles() -> None:
    words = SOURCE
    svg = ElementTree.fromstring(coverage_chart(
        [Bar('<script>"x" & y</script>', 99, 1, 0)], words, "1 < 2"))
    bar = svg.find(f"{SVG}g[@class='triglot-chart-bar']")
    assert bar.find(f"{SVG}text").text == '<script>"x" & y</script>'
    segments = bar.findall(f"{SVG}rect")
    assert [s.find(f"{SVG}title").text for s in segments] == ["Translated: 99", "Outdated: 1"]
    assert [t.text for t in bar.findall(f"{SVG}text")][1:] == ["99", "99 %"]  # 1 is too narrow
    assert svg.get("aria-label") == "1 < 2"


def test_every_page_links_to_its_status_page(built_site: Path) -> None:
    for lang, word in (("en", "Translation status"), ("ja", "翻訳の状況"),
                       ("pt-br", "Status da tradução")):
        for name in ("index", "article", "special", "glossary"):
            html = (built_site / lang / f"{name}.html").read_text(encoding="utf-8")
            assert f'<a href="triglot-status.html">{word}</a>' in html, (lang, name)
        status = status_page(built_site, lang)
        assert 'class="triglot-status-link"' not in status
        english = ('<strong aria-current="page" lang="en">' if lang == "en"
                   else 'href="../en/triglot-status.html" hreflang="en"')
        assert english in status, lang


def test_source_language_status_says_so(built_site: Path) -> None:
    en = status_page(built_site, "en")
    assert "English is the source language: it has no translation figures." in en
    assert '<a href="../pt-br/triglot-status.html" hreflang="pt-BR" lang="pt-BR">' in en
    assert "<svg" not in en
    assert table_rows(en)["Terms with &lt;special&gt; &amp; characters"] == ["2"]



@pytest.mark.parametrize(("code", "lang"), [("ja", "ja"), ("pt_BR", "pt-br")])
def test_message_figures_are_sphinx_intl_stats(built_site: Path, rootdir: Path, code: str,
                                               lang: str) -> None:
    """sphinx-intl stat counts with polib: the same figures, per catalog."""
    import polib

    status = status_page(built_site, lang)
    rows = table_rows(status[status.index('<h2 id="messages">'):])
    for docname in DOCS:
        po = polib.pofile(str(rootdir / "test-site/locale" / code / "LC_MESSAGES" /
                              f"{docname}.po"))
        counts = [len(po.translated_entries()), len(po.fuzzy_entries()),
                  len(po.untranslated_entries())]
        assert rows[f"{docname}.po"][:4] == [str(sum(counts)), *map(str, counts)]
    assert "sphinx-intl stat" in status
