"""A catalog's declared charset, honoured the same way by every reader (the catalog layer,
check's catalog reading, export, import) and by the writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from triglot import check
from triglot.catalog import read_catalog, write_catalog
from triglot.errors import TriglotError

CATALOG = """\
# Tradução para o português (Brasil).
msgid ""
msgstr ""
"Language: pt_BR\\n"
"Content-Type: text/plain; charset={charset}\\n"

msgid "Each application pool is a process."
msgstr "Cada pool de aplicativos é um processo."
"""


def _catalog(tmp_path: Path, charset: str, encoding: str) -> Path:
    path = tmp_path / "index.po"
    path.write_bytes(CATALOG.format(charset=charset).encode(encoding))
    return path


@pytest.mark.parametrize("charset", ["ISO-8859-1", "latin1", "windows-1252"])
def test_a_legacy_charset_catalog_is_read_as_its_header_says(tmp_path: Path,
                                                             charset: str) -> None:
    path = _catalog(tmp_path, charset, "latin-1")
    message = "Cada pool de aplicativos é um processo."
    assert read_catalog(path)["Each application pool is a process."].string == message
    language, entries = check.catalogs.read_catalog(path)
    assert (language, [entry.msgstr for entry in entries]) == ("pt_BR", [message])


def test_a_legacy_charset_catalog_is_written_back_in_its_charset(tmp_path: Path) -> None:
    path = _catalog(tmp_path, "ISO-8859-1", "latin-1")
    catalog = read_catalog(path)
    catalog["Each application pool is a process."].string = "Cada pool é um processo à parte."
    assert write_catalog(path, catalog)
    assert "processo à parte".encode("latin-1") in path.read_bytes()
    assert read_catalog(path)["Each application pool is a process."].string == (
        "Cada pool é um processo à parte.")


def test_what_the_charset_cannot_hold_is_not_written(tmp_path: Path) -> None:
    path = _catalog(tmp_path, "ISO-8859-1", "latin-1")
    before = path.read_bytes()
    catalog = read_catalog(path)
    catalog["Each application pool is a process."].string = "プール"
    with pytest.raises(TriglotError, match=rf"^{path}:\d+: 'プ' cannot be written in the "
                                           "catalog's charset ISO-8859-1; convert"):
        write_catalog(path, catalog)
    assert path.read_bytes() == before


@pytest.mark.parametrize(("charset", "encoding", "error"), [
    # UTF-8 under a Latin-1 header: gettext and Sphinx would show mojibake
    ("ISO-8859-1", "utf-8", "1: the header declares charset ISO-8859-1 (line 5) but the "
                            "file is UTF-8; correct the header's charset"),
    # Latin-1 bytes under a UTF-8 header (or none)
    ("UTF-8", "latin-1", "1: not valid UTF-8 (the charset line 5 declares) at byte offset 7"),
    ("CHARSET", "latin-1", "1: not valid UTF-8 (the header declares no charset) at byte offset 7"),
    ("ASCII", "utf-8", "1: the header declares charset ASCII (line 5) but the file is UTF-8"),
    ("KOI9", "utf-8", "5: unknown charset 'KOI9' in Content-Type"),
    ("UTF-16", "utf-8", "5: charset 'UTF-16' is not one gettext can read"),
])
def test_bytes_that_are_not_the_declared_charset_are_named_at_their_line(
        tmp_path: Path, charset: str, encoding: str, error: str) -> None:
    path = _catalog(tmp_path, charset, encoding)
    for read in (read_catalog, check.catalogs.read_catalog):
        with pytest.raises(TriglotError) as raised:
            read(path)
        assert str(raised.value).startswith(f"{path}:{error}")


def test_a_catalog_without_a_header_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bare.po"
    path.write_bytes('msgid "a"\nmsgstr "é"\n'.encode())
    assert read_catalog(path)["a"].string == "é"


def test_a_legacy_charset_catalog_compiles_to_utf8_leaving_the_one_read_as_it_was(
        tmp_path: Path) -> None:
    import gettext

    from triglot.catalog import compile_catalog

    path = _catalog(tmp_path, "ISO-8859-1", "latin-1")
    catalog = read_catalog(path)
    charset = catalog.charset
    assert compile_catalog(path, tmp_path / "index.mo", read=lambda _: catalog)
    assert catalog.charset == charset != "utf-8"  # a reader's cached catalog is not changed
    with (tmp_path / "index.mo").open("rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("Each application pool is a process.") == (
            "Cada pool de aplicativos é um processo.")
