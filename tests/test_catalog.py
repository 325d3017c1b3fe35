from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from triglot.catalog import read_catalog, render_catalog, write_catalog
from triglot.errors import TriglotError


def _catalog() -> Catalog:
    catalog = Catalog(locale="ja", project="demo", fuzzy=False)
    catalog.add("Hello.", "こんにちは。", locations=[("docs/index.rst", 3)])
    return catalog


def test_writing_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "index.po"
    assert write_catalog(path, _catalog()) is True
    first = path.read_bytes()
    assert write_catalog(path, _catalog()) is False
    assert path.read_bytes() == first


def test_written_catalog_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "index.po"
    write_catalog(path, _catalog())
    catalog = read_catalog(path)
    assert catalog["Hello."].string == "こんにちは。"
    assert str(catalog.locale) == "ja"
    assert b'"Language: ja\\n"' in render_catalog(catalog)


def test_malformed_catalog_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.po"
    path.write_text('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr unquoted\n', encoding="utf-8")
    with pytest.raises(TriglotError) as error:
        read_catalog(path)
    assert str(error.value).startswith(f"{path}:")
    assert error.value.line == 5


def test_catalog_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.po"
    path.write_bytes(b'msgid "caf\xe9"\nmsgstr ""\n')
    with pytest.raises(TriglotError, match="byte offset 10"):
        read_catalog(path)
