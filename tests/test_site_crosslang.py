"""Every paragraph in the other languages: counterparts shown on demand, the parallel view
(following the alignment, n:1 beads shown as such), and pages rebuilt when another
language's catalog changes."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_site_build import page
from triglot.sphinxext.core.paragraphs import anchor_for
from triglot.sphinxext.crosslang.rst_inline import inline_html

ROOTS = Path(__file__).parent / "roots"


def counterparts(html: str, anchor: str) -> str:
    found = re.search(rf'<p[^>]* id="{anchor}"[^>]*>.*?</p>\s*'
                      r'(<details class="triglot-counterparts">.*?</details>)', html, re.DOTALL)
    assert found, anchor
    return found.group(1)


def test_counterparts_follow_each_paragraph_in_the_other_languages(built_site: Path) -> None:
    anchor = anchor_for("Each application pool runs in its own worker process.")
    en = counterparts(page(built_site, "en"), anchor)
    assert en.startswith('<details class="triglot-counterparts"><summary>'
                         'Other languages</summary>')
    assert ('<div class="triglot-cp" lang="ja"><span class="triglot-cp-lang">日本語</span> '
            '各アプリケーション プールは独自のワーカー プロセスで実行されます。</div>') in en
    assert '<div class="triglot-cp" lang="pt-BR">' in en and "Cada pool de aplicativos" in en
    assert '<div class="triglot-cp" lang="en">' not in en  # not the page's own language
    assert f'href="parallel/article.html#{anchor}">Side by side</a>' in en
    pt = counterparts(page(built_site, "pt-br"), anchor)
    assert '<summary>Outros idiomas</summary>' in pt
    assert ">English</span> Each application pool runs in its own worker process.</div>" in pt
    # one disclosure per anchored paragraph, never inside the <p> (which cannot hold it)
    html = page(built_site, "ja")
    assert html.count('<details class="triglot-counterparts">') == 7
    assert not re.search(r"<p[^>]*>(?:(?!</p>).)*<details", html, re.DOTALL)


def test_counterparts_mark_missing_and_outdated_translations(built_site: Path) -> None:
    fuzzy = counterparts(page(built_site, "pt-br"),
                         anchor_for("This paragraph changed since it was translated."))
    assert '<div class="triglot-cp triglot-cp-outdated" lang="ja">' in fuzzy
    assert ('<span class="triglot-cp-note" lang="pt-BR">Desatualizado:</span> '
            'この段落は翻訳されました。') in fuzzy
    missing = counterparts(page(built_site, "en"),
                           anchor_for("This paragraph has no translation yet."))
    assert ('<div class="triglot-cp triglot-cp-untranslated" lang="pt-BR">' in missing
            and '<span class="triglot-cp-note" lang="en">Not translated yet.</span>' in missing)


def test_counterparts_escape_catalog_text_and_keep_inline_markup(built_site: Path) -> None:
    en = page(built_site, "en")
    scripts = counterparts(en, anchor_for("Scripts in a translation stay text."))
    assert "翻訳の &lt;script&gt;alert(1)&lt;/script&gt; はテキストのままです。" in scripts
    assert "<script>alert" not in en
    code = counterparts(en, anchor_for(
        "In IIS 6, ``w3wp.exe`` loads ``aspnet_isapi.dll`` for every application pool."))
    assert "IIS 6 では、<code>w3wp.exe</code> がアプリケーション プールごとに" in code


def test_counterparts_stay_out_of_the_search_index(built_site: Path) -> None:
    index = (built_site / "en" / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(index[index.index("(") + 1:index.rindex(")")])
    article = data["docnames"].index("article")
    words = {term for term, docs in data["terms"].items()
             if article in (docs if isinstance(docs, list) else [docs])}
    assert {"pool", "w3wp", "paragraph"} <= words
    assert not words & {"cada", "aplicativo", "trabalho", "ワーカー", "side", "languag"}


def test_the_counterparts_weigh_little_beyond_their_text(built_site: Path) -> None:
    boxes = re.findall(r'<details class="triglot-counterparts">.*?</details>',
                       page(built_site, "ja"))
    markup = sum(len(box.encode("utf-8")) - len(re.sub("<[^>]+>", "", box).encode("utf-8"))
                 for box in boxes)
    assert markup / len(boxes) < 350


@pytest.mark.parametrize(("text", "expected"), [
    ("``a < b`` and *x* and **y**", "<code>a &lt; b</code> and <em>x</em> and <strong>y</strong>"),
    (":term:`application pool`", "application pool"),
    (":ref:`the pools <pools>` & `Docs <https://e.test/?a=1&b=2>`__",
     "the pools &amp; Docs"),
    (":command:`appcmd` or :py:class:`~a.b.Pool`", "<code>appcmd</code> or Pool"),
    ("2 * 3 * 4, a*b, 5 ** 2", "2 * 3 * 4, a*b, 5 ** 2"),
    (r"\*not em\*, ``*not em*``", "*not em*, <code>*not em*</code>"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
    ("*<b>*", "<em>&lt;b&gt;</em>"),
])
def test_inline_markup_is_reduced_to_escaped_html(text: str, expected: str) -> None:
    assert inline_html(text) == expected


class _Table(HTMLParser):
    """The parallel view's table: header languages, and per row its cells' attributes and
    text (``¶`` links and badges included)."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[str | None] = []
        self.rows: list[tuple[str | None, list[dict[str, Any]]]] = []
        self._cell: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "th":
            self.head.append(attributes.get("lang"))
        elif tag == "tr" and attributes.get("id"):
            self.rows.append((attributes["id"], []))
        elif tag == "td":
            self._cell = {**attributes, "blocks": [], "text": ""}
            self.rows[-1][1].append(self._cell)
        elif tag == "p" and self._cell is not None:
            self._cell["blocks"].append("")
        elif tag == "a" and self._cell is not None and "href" not in self._cell:
            self._cell["href"] = attributes["href"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data
            if self._cell["blocks"]:
                self._cell["blocks"][-1] += data


def _parallel(outdir: Path, name: str = "index") -> _Table:
    table = _Table()
    table.feed((outdir / "parallel" / f"{name}.html").read_text(encoding="utf-8"))
    return table


@pytest.mark.sphinx("html", testroot="crosslang")
def test_parallel_view_follows_the_alignment(app: Any) -> None:
    app.build()
    table = _parallel(app.outdir)
    assert table.head == ["en", "ja", "pt-BR"]
    first, second, third, fourth, last = table.rows
    assert first[0] == anchor_for("The first paragraph, with ``code`` and *emphasis*.")
    assert [cell["lang"] for cell in first[1]] == ["en", "ja", "pt-BR"]
    assert first[1][0]["href"] == f"../../en/index.html#{first[0]}"
    assert first[1][2]["href"] == f"../../pt-br/index.html#{first[0]}"
    # a translation joined from two original paragraphs: both, as blocks, and a badge
    pt = second[1][2]
    assert pt["blocks"] == ["A segunda parte.", "E a terceira parte."]
    assert "1:2" in pt["text"] and "1:" not in second[1][1]["text"]
    # one translation for two English paragraphs: it spans both rows
    pt = third[1][2]
    assert pt["rowspan"] == "2" and "2:1" in pt["text"]
    assert pt["blocks"] == ["O terceiro e o quarto parágrafos."]
    assert [cell["lang"] for cell in fourth[1]] == ["en", "ja"]
    assert third[1][1]["class"] == "triglot-par-outdated" and "Out of date:" in third[1][1]["text"]
    # nobody translated the last one
    assert [cell["class"] for cell in last[1]] == [
        "triglot-par-translated", "triglot-par-untranslated", "triglot-par-untranslated"]
    assert last[1][1]["blocks"] == [] and "Not translated yet." in last[1][1]["text"]
    html = (app.outdir / "parallel" / "index.html").read_text(encoding="utf-8")
    assert "最初の段落、<code>code</code> と <em>強調</em> 付き。" in html
    assert '<h1>Joined — side by side</h1>' in html
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<p class="triglot-parallel-link"><a href="parallel/index.html">Side by side</a></p>' \
        in index


def test_parallel_view_in_every_language_site(built_site: Path) -> None:
    ja = page(built_site, "ja", "parallel/article")
    assert "<h1>ワーカー プロセス — 対訳表示</h1>" in ja
    assert 'hreflang="pt-BR" lang="pt-BR">Português (Brasil)</a></li></ul></nav>' in ja
    assert '<a href="../article.html">ページに戻る</a>' in ja
    assert "翻訳の &lt;script&gt;alert(1)&lt;/script&gt; はテキストのままです。" in ja
    for lang in ("en", "pt-br"):
        assert 'href="parallel/article.html"' in page(built_site, lang)
    assert not (built_site / "en" / "parallel" / "glossary.html").exists()  # nothing to align
    # not a document: never in the search index
    assert "parallel/article" not in (built_site / "ja" / "searchindex.js").read_text("utf-8")


def _project_with_many_documents(tmp_path: Path) -> Path:
    """test-crosslang with enough documents that ``-j 2`` really reads in parallel."""
    srcdir = tmp_path / "many"
    shutil.copytree(ROOTS / "test-crosslang", srcdir)
    for n in range(7):
        text = (srcdir / "index.rst").read_text(encoding="utf-8").replace("Joined", f"Doc {n}")
        (srcdir / f"doc{n}.rst").write_text(text + f"\nOnly in document {n}.\n", encoding="utf-8")
    return srcdir


def test_parallel_builds_give_the_same_parallel_views(tmp_path: Path,
                                                     make_app: Callable[..., Any]) -> None:
    srcdir = _project_with_many_documents(tmp_path)
    pages = []
    for jobs in (1, 2):
        app = make_app("html", srcdir=srcdir, parallel=jobs, freshenv=True,
                       builddir=tmp_path / f"build-{jobs}")
        app.build()
        pages.append({path.name: path.read_bytes()
                      for path in sorted((app.outdir / "parallel").glob("*.html"))})
    assert len(pages[0]) == 8 and pages[0] == pages[1]


def test_editing_another_languages_catalog_rebuilds_the_page(
        tmp_path: Path, make_app: Callable[..., Any]) -> None:
    srcdir = tmp_path / "crosslang"
    shutil.copytree(ROOTS / "test-crosslang", srcdir)
    make_app("html", srcdir=srcdir).build()
    index = srcdir / "_build" / "html" / "index.html"
    built = index.stat().st_mtime_ns
    make_app("html", srcdir=srcdir).build()
    assert index.stat().st_mtime_ns == built  # nothing changed, nothing rewritten

    catalog = srcdir / "locale" / "ja" / "LC_MESSAGES" / "index.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("二番目の段落。", "二番目の段落（改訂）。"), encoding="utf-8")
    make_app("html", srcdir=srcdir).build()
    html = index.read_text(encoding="utf-8")
    assert "二番目の段落（改訂）。" in html and "二番目の段落。" not in html
    assert "二番目の段落（改訂）。" in (index.parent / "parallel" / "index.html").read_text("utf-8")


@pytest.mark.sphinx("html", testroot="crosslang", srcdir="crosslang-english-only",
                    confoverrides={"triglot_languages": ["en"]})
def test_a_single_language_site_has_no_counterparts_nor_parallel_views(app: Any) -> None:
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "triglot-counterparts" not in index and "triglot-parallel-link" not in index
    assert not (app.outdir / "parallel").exists()


def _written(outdir: Path) -> dict[str, int]:
    return {path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns
            for path in outdir.glob("**/*.html")}


def test_generated_pages_are_written_only_when_their_documents_change(
        tmp_path: Path, make_app: Callable[..., Any]) -> None:
    srcdir = _project_with_many_documents(tmp_path)
    make_app("html", srcdir=srcdir).build()
    outdir = srcdir / "_build" / "html"
    first = _written(outdir)
    assert "parallel/doc0.html" in first and "triglot-status.html" in first
    make_app("html", srcdir=srcdir).build()
    again = _written(outdir)
    # nothing changed: Sphinx writes its own index pages, triglot nothing
    assert sorted(n for n in first if again[n] != first[n]) == ["genindex.html", "search.html"]

    catalog = srcdir / "locale" / "ja" / "LC_MESSAGES" / "index.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("二番目の段落。", "二番目の段落（改訂）。"), encoding="utf-8")
    make_app("html", srcdir=srcdir).build()
    edited = _written(outdir)
    assert sorted(n for n in first if edited[n] != again[n]) == [
        "genindex.html", "index.html", "parallel/index.html", "search.html",
        "triglot-status.html"]

    (outdir / "parallel" / "doc3.html").unlink()  # a page missing from the output is written
    make_app("html", srcdir=srcdir).build()
    assert (outdir / "parallel" / "doc3.html").is_file()


def test_each_catalog_is_read_once_per_build(tmp_path: Path, make_app: Callable[..., Any],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import triglot.catalog
    from triglot.sphinxext.core.catalogs import read_po

    srcdir = _project_with_many_documents(tmp_path)
    for n in range(7):  # a catalog per document and language: more than a small cache holds
        for code in ("ja", "pt_BR"):
            shutil.copy(srcdir / "locale" / code / "LC_MESSAGES" / "index.po",
                        srcdir / "locale" / code / "LC_MESSAGES" / f"doc{n}.po")
    reads: list[str] = []
    real = triglot.catalog.read_catalog

    def counting(path: Any, *args: Any, **kwargs: Any) -> Any:
        reads.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(triglot.catalog, "read_catalog", counting)
    read_po.clear()
    make_app("html", srcdir=srcdir, confoverrides={"language": "ja"}).build()
    assert len(reads) == 16 and len(set(reads)) == 16


def test_parallel_views_draw_no_site_navigation(tmp_path: Path,
                                                make_app: Callable[..., Any]) -> None:
    srcdir = _project_with_many_documents(tmp_path)
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "\n.. toctree::\n\n"
                     + "".join(f"   doc{n}\n" for n in range(7)), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides={"html_theme": "alabaster"})
    app.build()
    page = (app.outdir / "doc3.html").read_text(encoding="utf-8")
    view = (app.outdir / "parallel" / "doc3.html").read_text(encoding="utf-8")
    assert page.count('class="toctree-l1') == 7  # the theme's navigation
    assert 'toctree-l1' not in view and 'href="../doc3.html"' in view
