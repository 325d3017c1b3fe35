"""Glossary back-links and term links in every language of tests/roots/test-site, terms
with characters special to HTML and regular expressions, and the glossary page following
the text (and the status page its catalogs) on incremental and parallel builds."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from triglot.languages import get_language
from triglot.sphinxext.core.paragraphs import anchor_for

LANGUAGES = ("en", "ja", "pt-br")
POOL = anchor_for("Each application pool runs in its own worker process.")
IIS6 = anchor_for("In IIS 6, ``w3wp.exe`` loads ``aspnet_isapi.dll`` for every application pool.")
SPECIAL = anchor_for("A C++ <T> template is not a regular expression: a|b( matches itself.")
NEVER = anchor_for("The worker process never sees a|b( at all.")


class _Backlinks(HTMLParser):
    """The paragraph back-links of each glossary entry:
    {concept: [(href, link text, quoted text)]}."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, list[list[str]]] = {}
        self._concept = ""
        self._inside = self._field = 0
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "dt" and values.get("id", "").startswith("term-"):
            self._concept = values["id"].removeprefix("term-")
        if tag == "div" and values.get("class") == "triglot-backlinks":
            self._inside = 1
            self.entries[self._concept] = []
        if self._inside and tag == "a" and "#" in values.get("href", ""):
            self._link = [values["href"], "", ""]
            self.entries[self._concept].append(self._link)
            self._field = 1
        if self._inside and tag == "q":
            self._field = 2

    def handle_endtag(self, tag: str) -> None:
        if tag in ("a", "q"):
            self._field = 0
        if tag == "div":
            self._inside = 0

    def handle_data(self, data: str) -> None:
        if self._link is not None and self._field:
            self._link[self._field] += data


def backlinks(site: Path, lang: str) -> dict[str, list[list[str]]]:
    parser = _Backlinks()
    parser.feed((site / lang / "glossary.html").read_text(encoding="utf-8"))
    return parser.entries


def test_backlinks_point_at_existing_paragraphs_in_every_language(built_site: Path) -> None:
    for lang in LANGUAGES:
        entries = backlinks(built_site, lang)
        assert set(entries) == {"alternation", "application-pool", "cpp-template",
                                "worker-process"}
        for links in entries.values():
            for href, _, _ in links:
                page, anchor = href.split("#")
                html = (built_site / lang / page).read_text(encoding="utf-8")
                assert re.search(rf'<p[^>]* id="{anchor}"', html), (lang, href)
    ja = backlinks(built_site, "ja")
    assert ja["application-pool"] == [
        [f"article.html#{POOL}", "¶ 1",
         "各アプリケーション プールは独自のワーカー プロセスで実行されます。"],
        [f"article.html#{IIS6}", "¶ 2",
         "IIS 6 では、w3wp.exe がアプリケーション プールごとに aspnet_isapi.dll を読み込みます。"],
    ]
    assert [href for href, _, _ in ja["worker-process"]] == [f"article.html#{POOL}",
                                                            f"special.html#{NEVER}"]
    pt = backlinks(built_site, "pt-br")
    # the Portuguese translation of the second paragraph drops the worker process
    assert [href for href, _, _ in pt["worker-process"]] == [f"article.html#{POOL}"]
    assert pt["application-pool"][0][2] == ("Cada pool de aplicativos é executado em seu "
                                            "próprio processo de…")  # cut at a space


def test_backlinks_mark_the_term_in_the_page_language(built_site: Path) -> None:
    ja = (built_site / "ja" / "glossary.html").read_text(encoding="utf-8")
    assert ('<div class="triglot-backlinks" lang="ja">'
            '<span class="triglot-backlinks-label">使用箇所') in ja
    assert "<q>各<mark>アプリケーション プール</mark>は独自の" in ja
    # one link to each page, named by its title, above the links to its paragraphs
    assert ja.count('<li><a href="article.html">ワーカー プロセス</a><ul>') == 2
    pt = (built_site / "pt-br" / "glossary.html").read_text(encoding="utf-8")
    assert '<span class="triglot-backlinks-label">Usado em</span>' in pt


def test_terms_special_to_html_and_regexes_match_literally_and_render_escaped(
        built_site: Path) -> None:
    for lang in LANGUAGES:
        html = (built_site / lang / "special.html").read_text(encoding="utf-8")
        assert re.search(r'<a class="triglot-term reference internal" '
                         r'href="glossary\.html#term-cpp-template" title="[^"<>]*">'
                         r"C\+\+ &lt;T&gt;</a>", html), lang
        assert re.search(r'href="glossary\.html#term-alternation" title="[^"<>]*">a\|b\(</a>',
                         html), lang
        assert "<T>" not in html, lang
    glossary = (built_site / "en" / "glossary.html").read_text(encoding="utf-8")
    assert '<dt id="term-cpp-template">C++ &lt;T&gt;' in glossary
    assert ('<li><a href="special.html">Terms with &lt;special&gt; &amp; characters</a><ul>\n'
            f'<li><a href="special.html#{SPECIAL}">¶ 1</a> '
            "<q>A <mark>C++ &lt;T&gt;</mark> template is not") in glossary
    assert "<mark>a|b(</mark> matches itself.</q>" in glossary
    assert "<T>" not in glossary and "<special>" not in glossary


def _build(sphinx_html: Callable[..., Path], source: Path, out: Path, code: str,
           *extra: str) -> str:
    """Build ``code`` into ``out``/<language folder> in this process; what it printed."""
    log = io.StringIO()
    with contextlib.redirect_stdout(log):
        sphinx_html(source, out / get_language(code).site_dir, code, *extra,
                    doctrees=out / "doctrees", quiet=False)
    return log.getvalue()


@pytest.fixture()
def source(rootdir: Path, tmp_path: Path) -> Path:
    shutil.copytree(rootdir / "test-site", tmp_path / "src")
    return tmp_path / "src"


def test_glossary_and_status_follow_edited_catalogs_on_an_incremental_build(
        source: Path, tmp_path: Path, sphinx_html: Callable[..., Path]) -> None:
    out = tmp_path / "out"
    _build(sphinx_html, source, out, "ja")
    glossary, status = out / "ja" / "glossary.html", out / "ja" / "triglot-status.html"
    assert [h for h, _, _ in backlinks(out, "ja")["application-pool"]] == [
        f"article.html#{POOL}", f"article.html#{IIS6}"]
    assert "<td>7</td><td>5</td><td>1</td><td>1</td><td>71 %</td>" in status.read_text("utf-8")
    written = glossary.stat().st_mtime_ns
    # nothing changed: nothing re-read, nothing rewritten
    log = _build(sphinx_html, source, out, "ja")
    assert "0 added, 0 changed, 0 removed" in log
    assert glossary.stat().st_mtime_ns == written
    messages = source / "locale" / "ja" / "LC_MESSAGES"
    _edit(messages / "special.po", "ワーカー プロセスが a|b( を",
          "アプリケーション プールのワーカー プロセスが a|b( を")
    _edit(messages / "article.po", "#, fuzzy\n", "")
    log = _build(sphinx_html, source, out, "ja")
    assert "0 added, 2 changed, 0 removed" in log  # the glossary is not read again
    assert [h for h, _, _ in backlinks(out, "ja")["application-pool"]] == [
        f"article.html#{POOL}", f"article.html#{IIS6}", f"special.html#{NEVER}"]
    assert "<td>7</td><td>6</td><td>0</td><td>1</td><td>85 %</td>" in status.read_text("utf-8")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _written(site: Path) -> dict[str, int]:
    """When each page of a document under the toctree was written (Sphinx rewrites the
    toctree's own page and its indices whenever a document is read again)."""
    return {name: (site / name).stat().st_mtime_ns
            for name in ("article.html", "special.html", "glossary.html")}


def _rewritten(before: dict[str, int], site: Path) -> list[str]:
    return sorted(name for name, mtime in _written(site).items() if before.get(name) != mtime)


@pytest.mark.parametrize("code", ["en", "ja"])
def test_a_changed_definition_rewrites_only_the_pages_using_its_concept(
        code: str, source: Path, tmp_path: Path, sphinx_html: Callable[..., Path]) -> None:
    out = tmp_path / "out"
    _build(sphinx_html, source, out, code)
    site = out / get_language(code).site_dir
    before = _written(site)
    old, new = {"en": ("A class template,", "A C++ class template,"),
                "ja": ("」と宣言され", "」で宣言され")}[code]
    _edit(source / "glossary" / "termbase.yaml", old, new)
    _build(sphinx_html, source, out, code)
    # special.html uses the concept (its tooltip shows the definition), article.html does not
    assert _rewritten(before, site) == ["glossary.html", "special.html"]
    assert new in (site / "special.html").read_text(encoding="utf-8")


def test_an_added_concept_rewrites_only_the_pages_whose_text_has_its_term(
        source: Path, tmp_path: Path, sphinx_html: Callable[..., Path]) -> None:
    out = tmp_path / "out"
    _build(sphinx_html, source, out, "ja")
    site = out / "ja"
    before = _written(site)
    termbase = source / "glossary" / "termbase.yaml"
    with open(termbase, "a", encoding="utf-8") as stream:
        stream.write("- id: iis6\n  terms: {en: [IIS 6], ja: [IIS 6], pt_BR: [IIS 6]}\n")
    _build(sphinx_html, source, out, "ja")
    assert _rewritten(before, site) == ["article.html", "glossary.html"]
    assert 'href="glossary.html#term-iis6"' in (site / "article.html").read_text("utf-8")
    # a change the pages cannot see (a comment) rewrites none of them
    before = _written(site)
    with open(termbase, "a", encoding="utf-8") as stream:
        stream.write("# reviewed\n")
    _build(sphinx_html, source, out, "ja")
    assert _rewritten(before, site) == ["glossary.html"]


def test_the_status_page_follows_an_entry_no_page_of_its_language_uses(
        source: Path, tmp_path: Path, sphinx_html: Callable[..., Path]) -> None:
    # no glossary page, which would be read again on any change of the termbase
    (source / "glossary.rst").unlink()
    _edit(source / "index.rst", "   glossary\n", "")
    out = tmp_path / "out"
    _build(sphinx_html, source, out, "ja")
    status = out / "ja" / "triglot-status.html"
    missing = "<tr><td><code>term-missing</code></td><td>error</td><td>{}</td></tr>"
    assert missing.format(0) in status.read_text(encoding="utf-8")
    pages = {name: (out / "ja" / name).stat().st_mtime_ns
             for name in ("article.html", "special.html", "index.html")}
    # the English "Scripts in a translation stay text." has it, the Japanese does not
    with open(source / "glossary" / "termbase.yaml", "a", encoding="utf-8") as stream:
        stream.write("- id: translation\n"
                     "  terms: {en: [translation], ja: [訳文], pt_BR: [tradução]}\n")
    log = _build(sphinx_html, source, out, "ja")
    assert "0 added, 0 changed, 0 removed" in log
    assert pages == {name: (out / "ja" / name).stat().st_mtime_ns for name in pages}
    assert missing.format(1) in status.read_text(encoding="utf-8")


def test_parallel_build_gives_the_same_glossary(source: Path, tmp_path: Path,
                                                sphinx_html: Callable[..., Path]) -> None:
    _build(sphinx_html, source, tmp_path / "serial", "pt_BR")
    _build(sphinx_html, source, tmp_path / "parallel", "pt_BR", "-j", "2")
    for name in ("glossary.html", "article.html", "special.html", "triglot-status.html"):
        serial = (tmp_path / "serial" / "pt-br" / name).read_bytes()
        assert serial == (tmp_path / "parallel" / "pt-br" / name).read_bytes(), name
