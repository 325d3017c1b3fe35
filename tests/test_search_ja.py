"""The Japanese search splitter: Sudachi's with the ``ja`` extra, Sphinx's (identifiers
kept whole) and a note saying so without it (not a warning: plain Sphinx builds so)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from triglot.sphinxext.crosslang import search_ja
from triglot.sphinxext.crosslang.search_ja import (
    IdentifierSplitter,
    SudachiSplitter,
    TriglotSearchJapanese,
)


def test_the_index_is_cut_by_sudachi_with_identifiers_whole() -> None:
    search = TriglotSearchJapanese({})
    assert isinstance(search.splitter, SudachiSplitter)
    words = search.split("分離レベルを高にすると、w3wp.exe の正常性の監視が働きます。")
    assert {"分離", "レベル", "正常", "監視", "w3wp.exe"} <= set(words)
    assert not {"w", "3", "wp", ".", "、", "。", " "} & set(words)


def test_without_sudachi_the_build_notes_it_and_keeps_identifiers_whole(
        make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_ja, "has_sudachi", lambda: False)
    assert isinstance(TriglotSearchJapanese({}).splitter, IdentifierSplitter)
    shutil.copytree(rootdir / "test-site", tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src", confoverrides={"language": "ja"})
    assert "Sudachi" not in app.warning.getvalue()
    assert "Japanese search would split words with Sudachi" in app.status.getvalue()
    english = make_app("html", srcdir=tmp_path / "src", confoverrides={"language": "en"})
    assert "Sudachi" not in english.status.getvalue()
