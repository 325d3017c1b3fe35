"""Every word the diagrams show is translated: the extension's catalog and the models' own.

Messages are extracted from the sources as a translator's tool would (``_`` and ``N_``
calls); each must be in the ja and pt_BR catalogs, translated, with the same
placeholders, and no catalog keeps a message the code no longer uses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from triglot.errors import TriglotError
from triglot.sphinxext.core.i18n import LOCALES, compile_catalog, read_po_file
from triglot.sphinxext.diagrams.model_words import model_catalog_path, model_messages

REPO = Path(__file__).resolve().parent.parent
TOOLS = REPO / "tools" / "triglot"
IIS = REPO / "docs" / "architecture" / "iis.py"
LANGUAGES = ("ja", "pt_BR")
PLACEHOLDER = re.compile(r"%(?:\([a-z]+\))?s|\{[a-z_]+\}")

SOURCES = {
    "triglot": sorted([*(TOOLS / "architecture").glob("*.py"),
                       *(TOOLS / "sphinxext").rglob("*.py")]),
    "iis": [IIS],
}


def used_messages(files: list[Path]) -> set[tuple[str | None, str]]:
    """(context, message) of every marked text: ``_(text)``, ``C_(context, text)``, and
    ``CN_(context, singular, plural)`` (message: the pair)."""
    found = set()
    for path in files:
        for _line, message, _comments, context in extract_from_file(
            "python", path,
            keywords={"_": None, "N_": None, "C_": ((1, "c"), 2), "CN_": ((1, "c"), 2, 3)},
        ):
            found.add((context, message))
    return found


def catalog_path(domain: str, language: str) -> Path:
    if domain == "triglot":
        return LOCALES / language / "LC_MESSAGES" / "triglot.po"
    return model_catalog_path(IIS, language)


def test_the_sources_mark_the_words_the_diagrams_show():
    words = {message for _context, message in used_messages(SOURCES["triglot"])}
    assert {"kernel queue", "restarts", "Text description", "next hop", "passed"} <= words
    assert ("note_untranslated", "Not translated yet.") in used_messages(SOURCES["triglot"])
    model_words = {message for _context, message in used_messages(SOURCES["iis"])}
    assert {"IIS5 (low isolation)", "pooled", "COM+ call"} <= model_words


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", sorted(SOURCES))
def test_every_message_is_translated_in_both_catalogs(domain, language):
    used = used_messages(SOURCES[domain])
    catalog = {(m.context, m.id): m
               for m in read_po_file(catalog_path(domain, language)) if m.id}
    assert sorted(used - catalog.keys(), key=str) == [], "missing from the catalog"
    assert sorted(catalog.keys() - used, key=str) == [], "no longer used by the code"
    for key in used:
        message = catalog[key]
        assert message.string and not message.fuzzy, key
        source = key[1] if isinstance(key[1], str) else key[1][-1]
        for form in [message.string] if isinstance(message.string, str) else message.string:
            assert form and sorted(PLACEHOLDER.findall(form)) == sorted(
                PLACEHOLDER.findall(source)
            ), key


def test_no_compiled_catalog_is_committed():
    assert list(LOCALES.rglob("*.mo")) == []
    assert list(IIS.parent.rglob("*.mo")) == []


def test_compiling_happens_only_when_the_po_is_newer(tmp_path):
    po = LOCALES / "ja" / "LC_MESSAGES" / "triglot.po"
    mo = tmp_path / "ja" / "LC_MESSAGES" / "triglot.mo"
    assert compile_catalog(po, mo) is True
    assert mo.read_bytes().startswith(b"\xde\x12\x04\x95")  # GNU .mo magic, little-endian
    assert compile_catalog(po, mo) is False


def test_model_messages_read_the_catalog_beside_the_model(tmp_path):
    assert model_messages(IIS, "ja")["IIS5 (low isolation)"] == "IIS5 (分離レベル: 低)"
    assert model_messages(IIS, "fr") == {}
    broken = model_catalog_path(tmp_path / "m.py", "ja")
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgid "a"\n', encoding="utf-8")
    with pytest.raises(TriglotError, match="bad message catalog") as caught:
        model_messages(tmp_path / "m.py", "ja")
    assert caught.value.path == str(broken)
