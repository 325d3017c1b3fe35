from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from triglot.errors import TriglotError
from triglot.glossary import Concept, Term, Termbase, load_termbase
from triglot.terms.match import TermMatcher, _fold, _Tokens

DATA = Path(__file__).resolve().parent / "data/terms"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return load_termbase(DATA / "mini.yaml")


def found(tb, lang: str, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.concept, m.text, m.term.status) for m in TermMatcher(tb, lang).find(text)]


def test_english_inflection_case_and_hyphens(tb) -> None:  # type: ignore[no-untyped-def]
    assert found(tb, "en", "Application Pools and named-pipes.") == [
        ("application-pool", "Application Pools", "preferred"),
        ("named-pipe", "named-pipes", "preferred")]


def test_portuguese_plural_loanword_and_gender(tb) -> None:  # type: ignore[no-untyped-def]
    assert found(tb, "pt_BR", "Os Pools de Aplicativos usam pipes nomeados.") == [
        ("application-pool", "Pools de Aplicativos", "preferred"),
        ("named-pipe", "pipes nomeados", "preferred")]
    # the deprecated feminine variant is told apart from the preferred masculine one
    assert found(tb, "pt_BR", "uma chamada de pipe nomeada") == [
        ("named-pipe", "pipe nomeada", "deprecated")]
    assert found(tb, "pt_BR", "o canal nomeado") == [("named-pipe", "canal nomeado",
                                                       "forbidden")]


def test_case_sensitive_terms(tb) -> None:  # type: ignore[no-untyped-def]
    assert found(tb, "pt_BR", "componentes COM") == [
        ("com-component", "componentes COM", "preferred")]
    assert found(tb, "pt_BR", "componente com o servidor") == [
        ("server", "servidor", "preferred")]


def test_japanese_spacing_long_vowels_and_token_boundaries(tb) -> None:  # type: ignore[no-untyped-def]
    assert found(tb, "ja", "アプリケーションプールとサーバ") == [
        ("application-pool", "アプリケーションプール", "preferred"),
        ("server", "サーバ", "preferred")]
    assert found(tb, "ja", "データベースにデータを書く") == [("data", "データ", "preferred")]
    assert found(tb, "ja", "ＨＴＴＰ．ＳＹＳ と HTTP.SYS") == [
        ("http-sys", "ＨＴＴＰ．ＳＹＳ", "preferred"), ("http-sys", "HTTP.SYS", "preferred")]


def test_longest_match_first(tb) -> None:  # type: ignore[no-untyped-def]
    assert [c for c, _, _ in found(tb, "en", "the Web site server")] == ["web-site", "server"]


def test_a_megabyte_of_japanese_is_matched_in_chunks(tb) -> None:  # type: ignore[no-untyped-def]
    text = "アプリケーション プールです。" * 70_000
    matches = TermMatcher(tb, "ja").find(text)
    assert len(matches) == 70_000
    assert text[matches[-1].start:matches[-1].end] == "アプリケーション プール"


def test_a_language_without_facts_matches_through_its_lemma_table() -> None:
    # German is in no fact table: spacy.blank("de") tokens, keyed by the German lemma
    # table, so an inflected plural still finds its singular glossary term
    german = load_termbase(DATA / "de.yaml")
    assert found(german, "de", "Der Arbeitsprozess öffnet die freigegebenen Dateien.") == [
        ("worker-process", "Arbeitsprozess", "preferred"),
        ("shared-file", "freigegebenen Dateien", "preferred")]
    assert found(german, "en", "Worker processes open shared files.") == [
        ("worker-process", "Worker processes", "preferred"),
        ("shared-file", "shared files", "preferred")]


def test_a_language_spacy_cannot_tokenize_is_named(tb) -> None:  # type: ignore[no-untyped-def]
    hawaiian = Termbase(("en", "haw"), [Concept("water", terms_by_lang={
        "en": [Term("water")], "haw": [Term("wai")]})])
    matcher = TermMatcher(hawaiian, "haw")  # the tokenizer is loaded on the first cue
    with pytest.raises(TriglotError, match="spaCy has no tokenizer for 'haw'"):
        matcher.find("ka wai")
    with pytest.raises(TriglotError, match="unknown language code 'xx'"):
        TermMatcher(tb, "xx")


@pytest.mark.parametrize("glossary", [DATA / "mini.yaml", ROOT / "glossary/termbase.yaml"])
def test_cues_are_found_without_the_tokenizer(glossary: Path) -> None:
    # the cues read from the terms' first words are those of their tokens' keys and
    # surfaces, which the index (built with spaCy on the first cue) matches on
    tb = load_termbase(glossary)
    for lang in ("en", "pt_BR"):
        scan = TermMatcher(tb, lang)._scan.__self__  # type: ignore[attr-defined]
        assert scan.cue is not None
        for keys, entries in scan.index.items():
            for text in (keys[0], *(e.surfaces[0] for e in entries)):
                assert scan.cue.match(_fold(text)), (lang, text)


def test_prepare_builds_the_index_a_forked_process_then_inherits(tb) -> None:  # type: ignore[no-untyped-def]
    matcher = TermMatcher(tb, "en")
    matcher.prepare()
    assert "index" in vars(matcher._scan.__self__)  # type: ignore[attr-defined]
    assert [m.concept for m in matcher.find("Application Pools and named-pipes.")] == [
        "application-pool", "named-pipe"]
    TermMatcher(tb, "ja").prepare()  # built whole already


def test_a_check_without_cues_never_loads_spacy(tmp_path: Path) -> None:
    catalog = tmp_path / "doc.po"
    catalog.write_text('msgid ""\nmsgstr ""\n"Language: ja\\n"\n'
                       '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                       'msgid "Zzz"\nmsgstr "ズズズ"\n', encoding="utf-8")
    code = ("import sys; from triglot.cli import main; "
            f"main(['check', '--glossary', {str(ROOT / 'glossary/termbase.yaml')!r}, "
            f"{str(catalog)!r}]); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("lang, text, blanked", [
    ("en", "Use an application pool.", "Use an ``application pool``."),
    ("pt_BR", "Dois pools de aplicativos.", "Dois ``pools`` de aplicativos."),
    ("ja", "アプリケーションプールを使う", "アプリケーション``プール``を使う"),
])
def test_no_cue_means_no_match_even_with_markup_blanked(tb, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                        blanked: str) -> None:
    # the checker parses a text's markup only where this pre-test says a term may occur
    matcher = TermMatcher(tb, lang)
    assert matcher.may_match(text) and matcher.find_all(text)
    assert matcher.may_match(blanked)
    assert not matcher.may_match("Zzz ズズズ") and not matcher.find_all("Zzz ズズズ")


def test_cues_begin_words_and_a_word_that_begins_no_term_is_not_analysed() -> None:
    tb = Termbase(("en",), [Concept("net", terms_by_lang={"en": [Term(".NET Framework")]}),
                            Concept("list", terms_by_lang={"en": [Term("list")]})])
    matcher = TermMatcher(tb, "en")
    assert [m.text for m in matcher.find("On .NET Framework, a list.")] == [
        ".NET Framework", "list"]
    # "blacklist" holds the cue "lis" but not where a word begins; "listen" begins with
    # it, and once the index is built its key tells it begins no term
    assert not matcher.may_match("blacklisted") and not matcher.find("blacklisted")
    assert not matcher.may_match("They listen here") and matcher.may_match("Two lists here")


@pytest.mark.parametrize("lang, text", [
    ("en", "Listen. Lists. List etc. Listing e.g. Lists. A. List, lists.\nList."),
    ("pt_BR", "Escute. Listas. Lista etc. Listagem p.ex. Listas. Sr. Lista, listas."),
])
def test_a_last_word_before_its_period_is_keyed_as_its_token(lang: str, text: str) -> None:
    # "word." before a space is keyed without tokenizing its window only where spaCy cuts
    # the period off ("etc." it keeps whole): the matches are those of the whole text
    tb = Termbase((lang,), [Concept("list", terms_by_lang={lang: [Term("list")]}),
                            Concept("etc", terms_by_lang={lang: [Term("etc. list")]}),
                            Concept("sr", terms_by_lang={lang: [Term("Sr. Lista")]})])
    matcher = TermMatcher(tb, lang)
    index = matcher._index
    assert isinstance(index, _Tokens)
    whole = index._scan(text, index.analyzer.tokens(text))
    assert whole and matcher.find_all(text) == whole
    for word in ("Listen", "Lisboa"):
        assert not matcher.may_match(f"They {word}. Here")
