from __future__ import annotations

from pathlib import Path

import pytest
from triglot.errors import TriglotError
from triglot.glossary import Concept, Term, Termbase, load_termbase
from triglot.glossary.yamlio import dump_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests/data/terms"


def _concept(tb: Termbase, concept_id: str) -> Concept:
    concept = tb.get(concept_id)
    assert concept is not None
    return concept


def _preferred(tb: Termbase, concept_id: str, lang: str) -> Term:
    term = _concept(tb, concept_id).preferred(lang)
    assert term is not None
    return term


def test_project_termbase_covers_the_article() -> None:
    tb = load_termbase(ROOT / "glossary/termbase.yaml")
    assert tb.languages == ("en", "ja", "pt_BR")
    assert len(tb.concepts) >= 40
    ids = [c.id for c in tb.concepts]
    assert ids == sorted(ids)
    for concept in tb.concepts:
        for lang in tb.languages:
            assert concept.definition(lang), (concept.id, lang)
            assert concept.preferred(lang) is not None
    pipe = tb.get("named-pipe")
    assert pipe is not None
    assert _preferred(tb, "named-pipe", "pt_BR").text == "pipe nomeado"
    assert {t.text: t.status for t in pipe.terms("pt_BR")}["canal nomeado"] == "forbidden"
    assert _preferred(tb, "w3wp-exe", "ja").do_not_translate
    assert ("application pool", "アプリケーション プール") in tb.term_pairs("en", "ja")
    assert ("named pipe", "canal nomeado") not in tb.term_pairs("en", "pt_BR")


def test_yaml_round_trip(tmp_path: Path) -> None:
    tb = load_termbase(DATA / "mini.yaml")
    out = tmp_path / "again.yaml"
    out.write_text(dump_yaml(tb), encoding="utf-8")
    again = load_termbase(out)
    assert [c.terms_by_lang for c in again.concepts] == [
        c.terms_by_lang for c in sorted(tb.concepts, key=lambda c: c.id)]
    assert _concept(again, "http-sys").terms("pt_BR")[0].text == "HTTP.SYS"


BAD = {
    "duplicate id": (("- id: a\n  terms: {en: [x], ja: [y], pt_BR: [z]}\n"
                     "- id: a\n  terms: {en: [x2], ja: [y2], pt_BR: [z2]}\n"), 5,
                     "duplicate concept id"),
    "unknown part of speech": (("- id: a\n  terms:\n    en: [{text: x, pos: thing}]\n"
                               "    ja: [y]\n    pt_BR: [z]\n"), 5,
                               "concept 'a': en term 'x' has an unknown part of speech"),
    "exclusions not a list": (("- id: a\n  terms:\n    en: [{text: x, exclude: {y: z}}]\n"
                              "    ja: [y]\n    pt_BR: [z]\n"), 5,
                              "the exclusions of concept 'a' must be a list"),
    "exclusion without the term": (("- id: a\n  terms:\n    en: [{text: x, exclude: [for y]}]\n"
                                   "    ja: [y]\n    pt_BR: [z]\n"), 5,
                                   "concept 'a': exclusion 'for y'"),
    "no preferred": (("- id: a\n  terms:\n    en: [x]\n    ja: [{text: y, status: admitted}]\n"
                     "    pt_BR: [z]\n"), 3, "no preferred term in ja"),
    "unknown status": (("- id: a\n  terms:\n    en: [{text: x, status: maybe}]\n"
                       "    ja: [y]\n    pt_BR: [z]\n"), 5, "unknown status 'maybe'"),
    "unknown language": ("- id: a\n  terms: {en: [x], ja: [y], pt_BR: [z], fr: [w]}\n", 3,
                         "unknown language 'fr'"),
    "empty term": ("- id: a\n  terms: {en: [''], ja: [y], pt_BR: [z]}\n", 4, "empty en term"),
    "punctuation": ("- id: a\n  terms: {en: ['>>>'], ja: [y], pt_BR: [z]}\n", 4,
                    "only punctuation"),
    "alias": ("- id: a\n  terms: &t {en: [x], ja: [y], pt_BR: [z]}\n- id: b\n  terms: *t\n",
              6, "aliases are not allowed"),
}


def test_one_term_may_render_two_concepts(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("languages: [en, ja, pt_BR]\nconcepts:\n"
                    "- id: argument\n  terms: {en: [argument], ja: [引数], pt_BR: [argumento]}\n"
                    "- id: parameter\n  terms: {en: [parameter], ja: [引数], pt_BR: [parâmetro]}\n",
                    encoding="utf-8")
    termbase = load_termbase(path)
    assert [c.terms("ja")[0].text for c in termbase.concepts] == ["引数", "引数"]


def test_part_of_speech_and_exclusions_round_trip(tmp_path: Path) -> None:
    from triglot.glossary.tbx import dump_tbx, load_tbx
    from triglot.glossary.yamlio import dump_yaml

    path = tmp_path / "tb.yaml"
    path.write_text("languages: [en, ja, pt_BR]\nconcepts:\n- id: instance\n  terms:\n"
                    "    en: [{text: instance, pos: noun, exclude: [for instance]}]\n"
                    "    ja: [インスタンス]\n    pt_BR: [instância]\n", encoding="utf-8")
    termbase = load_termbase(path)
    term = termbase.concepts[0].terms("en")[0]
    assert (term.pos, term.exclude) == ("noun", ("for instance",))
    assert "exclude:\n      - for instance" in dump_yaml(termbase)
    for version in (2, 3):
        tbx = tmp_path / f"tb{version}.tbx"
        tbx.write_bytes(dump_tbx(termbase, version))
        assert load_tbx(tbx).concepts[0].terms("en")[0] == term


# Each mistake in the YAML structure, on the line that has it (the concepts start on line 3).
BAD.update({
    "concept not a mapping": ("- just text\n", 3, "a concept must be a mapping"),
    "duplicate key": ("- id: a\n  id: b\n", 4, "duplicate key 'id' in a concept"),
    "unknown field": ("- id: a\n  colour: red\n", 4, "unknown field 'colour' in a concept "
                      "(allowed: definition, do_not_translate, id, note, terms)"),
    "terms not a list": ("- id: a\n  terms:\n    en: {text: x}\n", 5, "terms must be a list"),
    "id not a plain value": ("- id: [a, b]\n", 3, "id must be a plain value"),
    "flag not a boolean": ("- id: a\n  do_not_translate: maybe\n", 4,
                           "do_not_translate must be true or false, not 'maybe'"),
    "term without text": ("- id: a\n  terms:\n    en: [{note: n}]\n", 5,
                          "a term needs a 'text'"),
    "concept without id": ("- terms: {en: [x]}\n", 3, "a concept needs an 'id'"),
    "concept without terms": ("- id: a\n  note: n\n", 3,
                              "concept 'a' has no preferred term in en"),
    # control characters: no reader sees them, TBX cannot carry them, terminals obey them
    "control in a definition": ("- id: a\n  definition: {ja: \"\\x1b[2J定義\"}\n"
                                "  terms: {en: [a], ja: [a], pt_BR: [a]}\n", 3,
                                "concept 'a': the ja definition holds the control "
                                "character U+001B"),
    "control in a term": ("- id: a\n  terms: {en: [\"a\\x01\"], ja: [a], pt_BR: [a]}\n", 4,
                          "concept 'a': the en term 'a\\x01' holds the control character "
                          "U+0001"),
})


@pytest.mark.parametrize("name", BAD)
def test_invalid_termbases_name_file_and_line(tmp_path: Path, name: str) -> None:
    body, line, message = BAD[name]
    path = tmp_path / "bad.yaml"
    path.write_text("languages: [en, ja, pt_BR]\nconcepts:\n" + body, encoding="utf-8")
    with pytest.raises(TriglotError) as info:
        load_termbase(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert message in info.value.message


@pytest.mark.parametrize(("code", "message"), [
    ("xx", "unknown language code 'xx'"),
    ("pt-BR", "language 'pt-BR': write it 'pt_BR', as the catalogs do"),
])
def test_unknown_or_misspelt_termbase_language(tmp_path: Path, code: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(f"languages: [en, {code}]\nconcepts: []\n", encoding="utf-8")
    with pytest.raises(TriglotError) as info:
        load_termbase(path)
    assert info.value.message == message and info.value.path == str(path)


def test_any_language_babel_knows_is_a_termbase_language(tmp_path: Path) -> None:
    path = tmp_path / "de.yaml"
    path.write_text("languages: [en, de]\nconcepts:\n- id: pool\n"
                    "  terms: {en: [application pool], de: [Anwendungspool]}\n", encoding="utf-8")
    assert _preferred(load_termbase(path), "pool", "de").text == "Anwendungspool"


@pytest.mark.parametrize(("text", "line", "message"), [
    ("", None, "empty termbase"),
    ("languages: [en, ja\n", 2, "not valid YAML: expected ',' or ']'"),
    ("concepts: []\n", 1, "a termbase needs 'languages' and 'concepts'"),
    ("- en\n", 1, "the termbase must be a mapping"),
])
def test_a_file_that_is_not_a_termbase_is_named(
        tmp_path: Path, text: str, line: int | None, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TriglotError) as info:
        load_termbase(path)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert info.value.message.startswith(message)


def test_notes_of_concepts_and_terms_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("languages: [en, ja]\nconcepts:\n"
                    "- id: pool\n  note: the web server sense\n"
                    "  terms:\n    en: [{text: pool, note: short for application pool}]\n"
                    "    ja: プール\n", encoding="utf-8")  # one term: the list may be left out
    termbase = load_termbase(path)
    pool = _concept(termbase, "pool")
    assert pool.note == "the web server sense"
    assert pool.terms("en")[0].note == "short for application pool"
    assert [term.text for term in pool.terms("ja")] == ["プール"]
    path.write_text(dump_yaml(termbase), encoding="utf-8")
    again = _concept(load_termbase(path), "pool")
    assert (again.note, again.terms_by_lang) == (pool.note, pool.terms_by_lang)
