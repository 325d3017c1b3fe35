from __future__ import annotations

from pathlib import Path

import pytest
from triglot.errors import TriglotError
from triglot.glossary import Termbase, load_termbase
from triglot.glossary.tbx import dump_tbx

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("version", [2, 3])
def test_round_trip_keeps_terms_statuses_definitions(tmp_path: Path, version: int) -> None:
    tb = load_termbase(ROOT / "glossary/termbase.yaml")
    path = tmp_path / "out.tbx"
    path.write_bytes(dump_tbx(tb, version))
    back = load_termbase(path)
    assert back.languages == tb.languages
    assert sorted(c.id for c in back.concepts) == sorted(c.id for c in tb.concepts)
    for concept in tb.concepts:
        other = back.get(concept.id)
        assert other is not None
        assert other.definitions == concept.definitions
        assert other.terms_by_lang == concept.terms_by_lang


def test_v3_namespace_and_language_tags() -> None:
    tb = load_termbase(ROOT / "tests/data/terms/mini.yaml")
    data = dump_tbx(tb, 3).decode("utf-8")
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in data
    assert 'xml:lang="pt-BR"' in data and "<conceptEntry" in data
    assert "deprecatedTerm-admn-sts" in data and "supersededTerm-admn-sts" in data
    assert "<termEntry" in dump_tbx(tb, 2).decode("utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.tbx"
    path.write_text(text, encoding="utf-8")
    return path


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<martif><text><body>'
            '<termEntry id="x"><langSet xml:lang="en"><tig><term>&b;</term></tig></langSet>'
            '</termEntry></body></text></martif>')
    with pytest.raises(TriglotError, match="refused unsafe XML"):
        load_termbase(_write(tmp_path, bomb))


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '\n<martif><text><body/></text></martif>')
    with pytest.raises(TriglotError, match="refused unsafe XML"):
        load_termbase(_write(tmp_path, xxe))


def test_malformed_and_unknown_language_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(TriglotError, match="not well-formed") as info:
        load_termbase(_write(tmp_path, "<martif>\n<text>\n</martif>"))
    assert info.value.line == 3
    bad = ('<martif>\n<text><body>\n<termEntry id="a">\n<langSet xml:lang="xx">'
           "<tig><term>x</term></tig></langSet></termEntry></body></text></martif>")
    with pytest.raises(TriglotError, match="unknown language code 'xx'") as info:
        load_termbase(_write(tmp_path, bad))
    assert info.value.line == 4


def test_v2_import_maps_tags_and_statuses(tmp_path: Path) -> None:
    text = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US"><text><body>
<termEntry id="named-pipe">
 <langSet xml:lang="en-US"><tig><term>named pipe</term></tig></langSet>
 <langSet xml:lang="ja-JP"><tig><term>名前付きパイプ</term></tig></langSet>
 <langSet xml:lang="pt-br">
  <descripGrp><descrip type="definition">Um canal com nome.</descrip></descripGrp>
  <tig><term>pipe nomeado</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>canal nomeado</term>
   <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
 </langSet>
</termEntry></body></text></martif>"""
    tb = load_termbase(_write(tmp_path, text))
    assert tb.languages == ("en", "ja", "pt_BR")
    concept = tb.get("named-pipe")
    assert concept.definition("pt_BR") == "Um canal com nome."
    assert [(t.text, t.status) for t in concept.terms("pt_BR")] == [
        ("pipe nomeado", "preferred"), ("canal nomeado", "deprecated")]


@pytest.mark.parametrize("version", [2, 3])
def test_concept_level_notes_round_trip(tmp_path: Path, version: int) -> None:
    from triglot.glossary.yamlio import dump_yaml

    source = tmp_path / "termbase.yaml"
    source.write_text((ROOT / "glossary/termbase.yaml").read_text(encoding="utf-8"),
                      encoding="utf-8")
    tb = load_termbase(source)
    tb.concepts[0].note = "Reviewed with the product team; see the style guide."
    tb.concepts[1].note = "Two lines:\nboth kept."
    path = tmp_path / "out.tbx"
    path.write_bytes(dump_tbx(tb, version))
    back = load_termbase(path)
    assert {c.id: c.note for c in back.concepts} == {c.id: c.note for c in tb.concepts}
    again = tmp_path / "again.yaml"
    again.write_text(dump_yaml(back), encoding="utf-8")  # and on to YAML, as terms import does
    assert {c.id: c.note for c in load_termbase(again).concepts} == {
        c.id: c.note for c in tb.concepts}


@pytest.mark.parametrize(("name", "content", "error"), [
    ("deep.yaml", "languages: [en, ja]\nconcepts: " + "[" * 10**5 + "]" * 10**5 + "\n",
     ":2: nested more than 32 levels deep"),
    ("deep.tbx", '<?xml version="1.0"?>\n<martif><text><body>' + "<a>" * 10**5
     + "</a>" * 10**5 + "</body></text></martif>",
     ":2: refused XML: Excessive depth in document: 256"),
    ("laughs.yaml", "languages: [en, ja]\na: &a [x, x, x, x, x, x, x, x, x]\n"
     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nconcepts: [*b, *b, *b]\n",
     ":3: YAML aliases are not allowed in a termbase"),
])
def test_hostile_termbases_are_refused_with_one_line(tmp_path: Path, name: str, content: str,
                                                     error: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TriglotError) as raised:
        load_termbase(path)
    assert str(raised.value).startswith(f"{path}{error}")


@pytest.mark.parametrize("name", ["big.yaml", "big.tbx"])
def test_an_oversized_termbase_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(100 * 2**20)  # sparse: 100 MB that take no disk
    with pytest.raises(TriglotError, match=r": the file is 100 MiB, more than the 64 MiB a "
                                           "termbase may be$"):
        load_termbase(path)


@pytest.mark.parametrize("name", ["glossary/termbase.yaml", "tests/data/terms/mini.yaml"])
def test_libyaml_and_pyyaml_read_a_termbase_alike(monkeypatch: pytest.MonkeyPatch,
                                                  name: str) -> None:
    import yaml

    fast = load_termbase(ROOT / name)
    monkeypatch.delattr(yaml, "CSafeLoader")  # as where PyYAML was built without libyaml
    slow = load_termbase(ROOT / name)
    assert fast.languages == slow.languages
    def read(termbase: Termbase) -> list[object]:  # lines too, which equality leaves out
        return [(c.id, c.line, c.definitions, c.terms_by_lang, c.note,
                 [t.line for terms in c.terms_by_lang.values() for t in terms])
                for c in termbase.concepts]

    assert read(fast) == read(slow)


@pytest.mark.parametrize(("content", "error"), [
    ("languages: [en, ja]\nconcepts: " + "[" * 10**5 + "]" * 10**5 + "\n",
     ":2: nested more than 32 levels deep"),
    ("languages: [en, ja]\na: &a [x, x]\nconcepts: [*a]\n",
     ":3: YAML aliases are not allowed in a termbase"),
    ("languages: [en, ja\n", ":2: not valid YAML: expected ',' or ']'"),
])
def test_without_libyaml_a_bad_termbase_says_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, error: str) -> None:
    import yaml

    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(TriglotError) as raised:
            load_termbase(path)
        messages.append(str(raised.value))
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert messages[0] == messages[1]
    assert messages[0].startswith(f"{path}{error}")
