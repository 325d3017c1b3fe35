"""Links between the language sites of a copy of tests/roots/test-site: a page left out of
one language's site (the switcher sends readers to that site's root), configured
published URLs, the search splitter's choice, counterparts on demand."""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-site"


def build(source: Path, language: str, name: str = "", **overrides: str) -> Path:
    """Build ``language`` (into ``_build/<name or language>``) with ``overrides``."""
    app = SphinxTestApp("html", srcdir=source,
                        builddir=source.parent / "_build" / (name or language),
                        confoverrides={"language": language, **overrides}, status=StringIO(),
                        warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


def the_switcher(page: str) -> str:
    found = re.search(r'<nav class="triglot-languages".*?</nav>', page)
    assert found, "no switcher"
    return found[0]


def test_a_page_missing_in_one_language_links_to_that_languages_root(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    (source / "notes.rst").write_text(":triglot-languages: en ja\n\nNotes\n=====\n\nOnly two.\n",
                                      encoding="utf-8")
    (source / "index.rst").write_text(
        (source / "index.rst").read_text(encoding="utf-8") + "   notes\n", encoding="utf-8")
    ja, pt = build(source, "ja"), build(source, "pt_BR")
    assert not (pt / "notes.html").exists()  # left out of the Portuguese site
    notes = (ja / "notes.html").read_text(encoding="utf-8")
    nav = the_switcher(notes)
    assert '<a class="triglot-switch" href="../en/notes.html" hreflang="en"' in nav
    assert '<a class="triglot-switch-root" href="../pt-br/index.html" hreflang="pt-BR"' in nav
    assert 'hreflang="pt-BR" href' not in notes  # no alternate for a page that is not there
    article = (pt / "article.html").read_text(encoding="utf-8")
    assert 'class="triglot-switch" href="../ja/article.html"' in article  # others unchanged


def test_links_go_where_the_configuration_publishes_each_language(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('triglot_language_url = "https://docs.example.org/{lang_path}/3.1/{page}"\n'
                   'triglot_language_urls = {"ja": "https://ja.example.org/latest/"}\n')
    article = (build(source, "pt_BR") / "article.html").read_text(encoding="utf-8")
    nav = the_switcher(article)
    assert 'href="https://docs.example.org/3.1/article.html"' in nav  # the source language
    assert 'href="https://ja.example.org/latest/article.html"' in nav
    assert ('<link rel="alternate" hreflang="pt-BR" '
            'href="https://docs.example.org/pt-br/3.1/article.html"') in article
    assert re.search(r'href="https://docs.example.org/3.1/article.html#p-[0-9a-f]{8}"', article)
    assert "../en/" not in article and "../ja/" not in article


def test_a_url_pattern_with_an_unknown_placeholder_fails_the_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('triglot_language_url = "https://x.org/{language}/{page}"\n')
    with pytest.raises(ConfigError, match=r"unknown placeholder.*\{lang_path\}"):
        build(source, "ja")


def test_a_project_with_its_own_search_options_keeps_sphinx_japanese_search(
        tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_search_options = {"type": "sphinx.search.ja.DefaultSplitter"}\n')
    language_data = (build(source, "ja") / "_static" / "language_data.js").read_text("utf-8")
    assert "identifier" not in language_data  # Sphinx's own splitQuery, not triglot's
    assert "var Stemmer" in language_data


def test_on_demand_folds_load_what_inline_folds_hold(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    inline = build(source, "ja", "inline", triglot_counterparts="inline")
    loaded = build(source, "ja", "on-demand", triglot_counterparts="on-demand")
    page = (loaded / "article.html").read_text(encoding="utf-8")
    anchors = re.findall(r'<details class="triglot-counterparts" data-triglot-anchor='
                         r'"(p-[0-9a-f]{8}(?:-[0-9]+)?)"><summary[^>]*>[^<]*</summary></details>',
                         page)
    assert anchors and page.count('<details class="triglot-counterparts"') == len(anchors)
    assert ('<meta name="triglot-counterparts" content="_triglot/counterparts/article.js">'
            in page)
    script = (loaded / "_triglot/counterparts/article.js").read_text(encoding="utf-8")
    found = re.fullmatch(r'triglotCounterparts\("([^"]+)", (.*)\);\n', script, re.DOTALL)
    assert found and found[1] == "_triglot/counterparts/article.js"
    bodies = json.loads(found[2])
    assert sorted(bodies) == sorted(anchors)
    # each fold's text is what the inline page writes into that fold, plus its links
    written = (inline / "article.html").read_text(encoding="utf-8")
    for body in bodies.values():
        assert re.sub(r'<a href="[^"]+" hreflang="[^"]+">([^<]+)</a>', r"\1", body) in written

    assert len(page.encode()) < len(written.encode())
    # the links to the paragraph in the other sites: in the fold, not at the paragraph's end
    anchor = anchors[0]
    assert f'<a href="../en/article.html#{anchor}" hreflang="en">English</a>' in bodies[anchor]
    assert f'href="../en/article.html#{anchor}"' in written
    assert f'href="../en/article.html#{anchor}"' not in page
    assert "window.triglotCounterparts" in (loaded / "_static" / "triglot-site.js").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("theme", ["furo", "basic", "alabaster"])
def test_every_page_has_the_switcher_at_the_start_of_its_main_content(
        tmp_path: Path, theme: str) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    site = build(source, "ja", html_theme=theme)
    for page in ("article.html", "search.html", "genindex.html", "triglot-status.html"):
        tree = lxml.html.parse(site / page)
        navs = tree.findall('.//nav[@class="triglot-languages"]')
        assert len(navs) == 1, (theme, page)
        main = navs[0].getparent()
        assert main.get("role") == "main", (theme, page)  # in the main content, first
        assert main.index(navs[0]) == 0 and not (main.text or "").strip(), (theme, page)
        assert navs[0].find('.//a[@hreflang="en"]').get("href") == f"../en/{page}"
