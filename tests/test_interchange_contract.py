"""The contract every interchange format passes: what it writes it reads back, keeping
each field it claims to keep; what it cannot hold it refuses with a one-line error
(never a file it cannot read back, never a silent loss).

A format joins by adding a :class:`Format` to ``FORMATS``: a strategy for its records,
its writer and reader, and what of a record it claims to keep. PO (the catalog layer)
and TMX (``triglot export``) are here; TBX and the YAML termbase will join with term
records of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from triglot.catalog import read_catalog, write_catalog
from triglot.cli import main
from triglot.errors import TriglotError

Record = dict[str, Any]

#: Any text, control characters included (a format that cannot hold one must say so).
TEXTS = st.text(st.characters(codec="utf-8", exclude_characters="\0"), min_size=1, max_size=30)
#: A translator comment: one line, as the formats write it, without edge spaces.
COMMENTS = st.text(st.characters(codec="utf-8", exclude_characters="\0\n\r"),
                   max_size=20).map(str.strip)
MESSAGES = st.lists(st.fixed_dictionaries({
    "msgid": TEXTS, "msgstr": TEXTS | st.just(""), "fuzzy": st.booleans(),
    "comment": COMMENTS, "context": st.none() | TEXTS,
}), max_size=6, unique_by=lambda record: (record["context"], record["msgid"]))


def _catalog(records: list[Record]) -> Catalog:
    catalog = Catalog(locale="pt_BR", project="contract", fuzzy=False)
    for record in records:
        catalog.add(record["msgid"], record["msgstr"], context=record["context"],
                    flags=["fuzzy"] if record["fuzzy"] else [],
                    user_comments=[record["comment"]] if record["comment"] else [])
    return catalog


def _write_po(records: list[Record], folder: Path) -> Path:
    path = folder / "contract.po"
    write_catalog(path, _catalog(records))
    return path


def _read_po(path: Path) -> list[Record]:
    return [{"msgid": m.id, "msgstr": m.string, "fuzzy": m.fuzzy,
             "comment": " ".join(m.user_comments), "context": m.context}
            for m in read_catalog(path) if m.id]


def _write_tmx(records: list[Record], folder: Path) -> Path:
    path = folder / "contract.tmx"
    if main(["export", str(_write_po(records, folder)), "-o", str(path)]) != 0:
        raise TriglotError("export refused")
    return path


def _read_tmx(path: Path) -> list[Record]:
    xml = "{http://www.w3.org/XML/1998/namespace}lang"
    units = etree.parse(str(path)).findall(".//tu")
    pairs = [{tuv.get(xml): tuv.findtext("seg") for tuv in unit.findall("tuv")} for unit in units]
    return [{"msgid": pair["en"], "msgstr": pair["pt-BR"]} for pair in pairs]


@dataclass(frozen=True)
class Format:
    name: str
    records: st.SearchStrategy[list[Record]]
    write: Callable[[list[Record], Path], Path]
    read: Callable[[Path], list[Record]]
    keeps: Callable[[list[Record]], list[Record]]
    """The part of the records written that the format claims to read back."""
    cannot_hold: Callable[[list[Record]], bool] = lambda records: False
    """Whether the records hold what the format has no way to write (it must refuse)."""


def _not_xml(records: list[Record]) -> bool:
    """Whether a text has a character XML 1.0 cannot carry, not even as a reference."""
    return any(ord(c) < 32 and c not in "\t\n\r" or c in "\ufffe\uffff"
               for record in records for text in record.values() for c in text)


def _confirmed_pairs(records: list[Record]) -> list[Record]:
    return [{"msgid": r["msgid"], "msgstr": r["msgstr"]} for r in records
            if r["msgstr"] and not r["fuzzy"]]


FORMATS = [
    Format("po", MESSAGES, _write_po, _read_po, keeps=lambda records: records),
    # a translation memory: the confirmed pairs only, no context, flags or comments
    Format("tmx", MESSAGES, _write_tmx, _read_tmx, keeps=_confirmed_pairs,
           cannot_hold=lambda records: _not_xml(_confirmed_pairs(records))),
]


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.name)
def test_a_format_reads_back_what_it_claims_to_keep_or_refuses(
        form: Format, tmp_path_factory: pytest.TempPathFactory) -> None:
    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(records=form.records)
    def round_trip(records: list[Record]) -> None:
        folder = tmp_path_factory.mktemp(form.name)
        if form.cannot_hold(records):
            with pytest.raises(TriglotError):
                form.write(records, folder)
            assert not list(folder.glob(f"*.{form.name}"))  # refused: nothing written
        else:
            assert form.read(form.write(records, folder)) == form.keeps(records)

    round_trip()
