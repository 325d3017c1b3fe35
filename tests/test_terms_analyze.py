"""The tokens and keys :mod:`triglot.terms.analyze` gives terms and texts."""

from __future__ import annotations

import sys

import pytest
from triglot.errors import TriglotError
from triglot.languages import get_language
from triglot.terms import analyze
from triglot.terms.analyze import Analyzer, Token, _chunks, _Lemmas, analyzer, word_key


def keys(lang: str, text: str) -> list[str]:
    return [token.key for token in analyzer(lang).tokens(text)]


def test_english_tokens_are_lemmas_with_offsets_and_no_joiners() -> None:
    text = "The pools ran kernel-mode"
    tokens = analyzer("en").tokens(text)
    assert [t.text for t in tokens] == ["The", "pools", "ran", "kernel", "mode"]
    assert [t.key for t in tokens] == ["the", "pool", "run", "kernel", "mode"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_portuguese_plural_is_made_singular_before_the_table() -> None:
    # "posicionais" is "posicional", not "posicionar"; "pools" is a loanword's plural
    assert keys("pt_BR", "posicionais pools") == ["posicional", "pool"]


def test_lemmas_look_a_word_up_as_written_then_lowercased_and_memoize() -> None:
    lemmas = _Lemmas({"IIS": "IIS", "went": "go"}, get_language("en"))
    assert lemmas("IIS") == "iis"
    assert lemmas("Went") == "go"
    assert lemmas("boxes") == "boxe"  # unknown: the plural rule, "s" -> ""
    assert lemmas("glass") == "glass"  # "ss" stays
    assert lemmas("bus") == "bus"  # too short to be a plural
    assert lemmas("x86s") == "x86s"  # not a word of letters
    assert lemmas.cache == {"IIS": "iis", "Went": "go", "boxes": "boxe", "glass": "glass",
                            "bus": "bus", "x86s": "x86s"}
    lemmas.table = {}  # memoized: the table is not asked again
    assert lemmas("Went") == "go"


def test_plurals_first_does_not_look_the_plural_up_as_written() -> None:
    lemmas = _Lemmas({"Limites": "limitar"}, get_language("pt_BR"))
    assert lemmas("Limites") == "limite"
    assert lemmas("ações") == "ação"


def test_a_language_without_a_table_keys_by_the_lowercased_word() -> None:
    assert get_language("de").plurals == ()
    assert word_key("de")("Häuser") in {"häuser", "haus"}
    assert word_key("de") is word_key("de")


def test_japanese_keys_are_sudachi_normal_forms_and_latin_runs_are_one_token() -> None:
    tokens = analyzer("ja").tokens("サーバの .NET アプリケーション・プール")
    assert [t.text for t in tokens] == ["サーバ", "の", ".NET", "アプリケーション", "プール"]
    assert tokens[0].key == "サーバー"
    assert tokens[2].key == ".net"
    text = "サーバの .NET アプリケーション・プール"
    assert all(text[t.start:t.end] == t.text for t in tokens)
    # Sudachi cuts "w3wp.exe" into five morphemes: one token, its key their normal forms
    assert [(t.text, t.key, t.start, t.end) for t in analyzer("ja").tokens("のw3wp.exe")
            ][1:] == [("w3wp.exe", "w3wp.exe", 1, 9)]


def test_long_texts_are_cut_into_chunks_with_offsets_kept() -> None:
    text = "サーバの設定。" * 1000  # 7,000 characters, over Japanese's 4,000
    assert len(text) > get_language("ja").chunk_chars
    tokens = analyzer("ja").tokens(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.key for t in tokens].count("サーバー") == 1000


def test_chunks_cut_at_sentence_ends_or_hard_at_the_limit() -> None:
    assert _chunks("ab. cd. ef", 5) == [(0, "ab. "), (4, "cd. "), (8, "ef")]
    assert _chunks("abcdefgh", 3) == [(0, "abc"), (3, "def"), (6, "gh")]
    assert _chunks("", 3) == []


def test_missing_spacy_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(TriglotError, match=r"pip install spacy$"):
        Analyzer(get_language("en"))


def test_missing_sudachi_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def blank(lang: str) -> None:
        raise ImportError("no sudachipy", name="sudachipy")

    monkeypatch.setattr(spacy, "blank", blank)
    with pytest.raises(TriglotError, match="pip install sudachipy sudachidict_core"):
        Analyzer(get_language("ja"))


def test_a_language_spacy_cannot_tokenize(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy.util

    def get_lang_class(lang: str) -> None:  # as spaCy says a language it does not have
        raise ImportError(f"no {lang}")

    monkeypatch.setattr(spacy.util, "get_lang_class", get_lang_class)
    with pytest.raises(TriglotError, match="spaCy has no tokenizer for 'de'"):
        Analyzer(get_language("de"))


def test_missing_lookups_data_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy_lookups_data", None)
    with pytest.raises(TriglotError, match="pip install spacy-lookups-data"):
        analyze._has_lemma_table(get_language("en"))


def test_token_is_a_named_tuple() -> None:
    assert Token("a", "A", 0, 1)._asdict() == {"key": "a", "text": "A", "start": 0, "end": 1}


# tokenizer exceptions, affixes, infixes, a URL, an e-mail, numbers with units, emoticons
TOKENIZER_TEXTS = [
    "Don't use w3wp.exe (IIS 6.0's worker) e.g. at https://example.com/a?b=c, 10km/h :)",
    "two  spaces,\ta tab and\n a line end",
    "Não é o \"pool\" de aplicativos... nº 5; d'água, pô! user@example.org -- x=1+2",
]


@pytest.mark.parametrize("lang", ["en", "pt", "de", "fr"])
def test_the_tokenizer_made_without_the_pipeline_is_blanks(lang: str) -> None:
    from triglot.terms.spacy_import import import_spacy

    spacy = import_spacy()
    ours, theirs = analyze._tokenizer(spacy, lang), spacy.blank(lang).tokenizer
    for text in TOKENIZER_TEXTS:
        # ours computes no lexical attribute: whitespace is told by str.isspace
        assert [(t.text, t.idx, t.text.isspace()) for t in ours(text)] == \
            [(t.text, t.idx, t.is_space) for t in theirs(text)]


def test_a_language_with_a_tokenizer_of_its_own_gets_blanks() -> None:
    from spacy.tokenizer import Tokenizer
    from triglot.terms.spacy_import import import_spacy

    tokenizer = analyze._tokenizer(import_spacy(), "zh")  # characters, no segmenter
    assert not isinstance(tokenizer, Tokenizer)
    assert [t.text for t in tokenizer("应用程序池")] == list("应用程序池")


def test_spaced_tokens_are_spacys_per_run_and_tokenize_each_run_once() -> None:
    from triglot.terms.spacy_import import import_spacy

    tokenizer = analyze._tokenizer(import_spacy(), "en")
    calls: list[str] = []

    def counting(text: str) -> object:
        calls.append(text)
        return tokenizer(text)

    spaced = analyze._SpacedTokens(counting, word_key("en"), size=8)
    text = "Don't  use\tw3wp.exe (the pools)\u00a0e.g. kernel-mode."
    tokens = spaced(text, 10)
    assert [(t.text, t.start - 10) for t in tokens] == [
        (t.text, t.idx) for t in tokenizer(text) if not t.text.isspace() and t.text != "-"]
    assert [t.key for t in tokens if t.text == "pools"] == ["pool"]
    assert all(text[t.start - 10:t.end - 10] == t.text for t in tokens)
    assert len(calls) == 1  # the new runs of a text: one call
    spaced("(the pools) use Don't w3wp.exe", 0)
    assert len(calls) == 1  # known runs: none
    spaced("nine new runs here, more than eight remembered", 0)
    assert len(spaced.runs) <= 8 + 8  # cleared before it grew past its bound
