"""A real Sphinx build of the fixture project, in English and in Japanese."""

from __future__ import annotations

import re

import pytest


@pytest.mark.sphinx("html", testroot="basic")
def test_english_build_has_the_glossary_page(app) -> None:
    app.build()
    page = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    assert 'id="term-application-pool"' in page
    assert "A group of web applications served by the same worker processes." in page
    # the other languages' terms are listed with each entry, marked with their language
    assert 'lang="ja"' in page and "アプリケーション プール" in page


@pytest.mark.sphinx("html", testroot="basic", srcdir="basic-ja", confoverrides={"language": "ja"})
def test_japanese_build_is_translated(app) -> None:
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in index
    # the terms in the sentence are links to the glossary now: compare the text only
    text = re.sub("<[^>]+>", "", index)
    assert "各アプリケーション プールは独自のワーカー プロセスで実行されます。" in text
    glossary = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    # the glossary is generated in the page's language, anchors shared with English
    assert 'id="term-application-pool"' in glossary
    assert "同じワーカー プロセスで処理される Web アプリケーションのグループ。" in glossary
    assert "アプリケーション・プール" in glossary  # the deprecated variant, shown as one to avoid


@pytest.mark.sphinx("gettext", testroot="basic", srcdir="basic-gettext")
def test_glossary_page_is_not_extracted_for_translation(app) -> None:
    app.build()
    pot = (app.outdir / "glossary.pot").read_text(encoding="utf-8")
    assert 'msgid "Glossary"' in pot
    assert "worker processes" not in pot
