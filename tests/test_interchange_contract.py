"""The contract every interchange format passes: what it writes it reads back, keeping
each field it claims to keep; what it cannot hold it refuses with a one-line error
(never a file it cannot read back, never a silent loss).

A format joins by adding a :class:`Format` to ``FORMATS``: a strategy for its records,
its writer and reader, and what of a record it claims to keep. Message records go
through PO (the catalog layer) and TMX (``triglot export``); concept records through the
termbase formats, the project's YAML and TBX v2 and v3.
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
from triglot.glossary import PARTS_OF_SPEECH, STATUSES, Concept, Term, Termbase, load_termbase
from triglot.glossary.tbx import dump_tbx
from triglot.glossary.yamlio import dump_yaml
from triglot.textio import write_atomic

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


LANGUAGES = ("en", "ja", "pt_BR")


def _concepts(texts: st.SearchStrategy[str]) -> st.SearchStrategy[list[Record]]:
    """Concept records whose texts are drawn from ``texts``; a term and an id hold a
    letter or digit (the model's rule), the first of a language's terms is preferred."""
    names = st.builds(lambda before, letter, after: before + letter + after,
                      texts | st.just(""), st.characters(categories=("L", "N")),
                      texts | st.just(""))
    terms = st.lists(st.fixed_dictionaries({
        "text": names, "status": st.sampled_from(STATUSES),
        "pos": st.none() | st.sampled_from(PARTS_OF_SPEECH), "note": st.none() | texts,
        "case_sensitive": st.booleans(), "do_not_translate": st.booleans(),
        "exclude": st.lists(texts, max_size=2),
    }), min_size=1, max_size=2, unique_by=lambda term: term["text"])
    return st.lists(st.fixed_dictionaries({
        "id": names, "note": st.none() | texts,
        "definitions": st.dictionaries(st.sampled_from(LANGUAGES), texts),
        "terms": st.fixed_dictionaries({lang: terms for lang in LANGUAGES}),
    }), min_size=1, max_size=3, unique_by=lambda concept: concept["id"])


#: Texts without control characters, and texts of any character (the model refuses
#: control characters: a writer must refuse them too).
CONCEPTS = _concepts(st.text(st.characters(codec="utf-8", exclude_categories=("Cc",)),
                             min_size=1, max_size=30)) | _concepts(TEXTS)


def _termbase(records: list[Record]) -> Termbase:
    concepts = []
    for record in records:
        terms = {lang: [Term(**{**term, "status": "preferred" if n == 0 else term["status"],
                                "exclude": tuple(f"{term['text']} {e}" for e in term["exclude"])})
                        for n, term in enumerate(record["terms"][lang])]
                 for lang in LANGUAGES}
        concepts.append(Concept(record["id"], dict(record["definitions"]), terms,
                                record["note"]))
    return Termbase(LANGUAGES, concepts, path="contract")


def _records(termbase: Termbase) -> list[Record]:
    """The concepts as comparable records, in id order (every format sorts by id)."""
    return [{"id": c.id, "note": c.note, "definitions": c.definitions,
             "terms": {lang: [(t.text, t.status, t.pos, t.note, t.case_sensitive,
                               t.do_not_translate, t.exclude) for t in c.terms(lang)]
                       for lang in LANGUAGES}}
            for c in sorted(termbase.concepts, key=lambda c: c.id)]


def _termbase_writer(suffix: str, dump: Callable[[Termbase], bytes]
                     ) -> Callable[[list[Record], Path], Path]:
    def write(records: list[Record], folder: Path) -> Path:
        path = folder / f"contract.{suffix}"
        write_atomic(path, dump(_termbase(records)))
        return path
    return write


def _read_termbase(path: Path) -> list[Record]:
    return _records(load_termbase(path))


def _valid_termbase(records: list[Record]) -> list[Record]:
    return _records(_termbase(records))


def _trimmed(value: Any) -> Any:
    """``value`` with every text in it stripped of edge whitespace, as TBX reads texts
    (an element's content, however the file is indented; the id is an attribute)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {key: item if key == "id" else _trimmed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_trimmed(item) for item in value)
    return value


def _refused_by_the_model(records: list[Record]) -> bool:
    """Whether the termbase breaks a rule of the model (its writers refuse it too)."""
    from triglot.glossary import validate

    try:
        validate(_termbase(records))
    except TriglotError:
        return True
    return False


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
    # termbases: every field of every concept and term
    Format("yaml", CONCEPTS, _termbase_writer("yaml", lambda tb: dump_yaml(tb).encode()),
           _read_termbase, keeps=_valid_termbase, cannot_hold=_refused_by_the_model),
    # TBX: the same, each text without edge whitespace
    Format("tbx", CONCEPTS, _termbase_writer("tbx", lambda tb: dump_tbx(tb, 2)),
           _read_termbase, keeps=lambda records: _trimmed(_valid_termbase(records)),
           cannot_hold=_refused_by_the_model),
    Format("tbx3", CONCEPTS, _termbase_writer("tbx", lambda tb: dump_tbx(tb, 3)),
           _read_termbase, keeps=lambda records: _trimmed(_valid_termbase(records)),
           cannot_hold=_refused_by_the_model),
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
