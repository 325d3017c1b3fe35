"""The classes of false alarm and of missed finding seen on real catalogs, one test each."""

from __future__ import annotations

from pathlib import Path

import pytest
from triglot.check.catalogs import Entry
from triglot.check.checker import Checker
from triglot.cli import main
from triglot.glossary import load_termbase
from triglot.terms.markup import visible

TERMBASE = """languages: [en, ja, pt_BR]
concepts:
- id: argument
  terms: {en: [argument], ja: [引数], pt_BR: [argumento]}
- id: parameter
  terms: {en: [parameter], ja: [引数], pt_BR: [parâmetro]}
- id: keyword-argument
  terms: {en: [keyword argument], ja: [キーワード引数], pt_BR: [argumento nomeado]}
- id: decorator
  terms:
    en: [decorator]
    ja: [デコレータ, {text: デコレーター, status: deprecated}]
    pt_BR: [decorador]
- id: callback
  terms:
    en: [callback]
    ja: [コールバック]
    pt_BR: [função de retorno, {text: retorno de chamada, status: deprecated}]
- id: function
  terms: {en: [function], ja: [関数], pt_BR: [função]}
- id: loop
  terms: {en: [loop], ja: [ループ], pt_BR: [laço]}
- id: event-loop
  terms: {en: [event loop], ja: [イベントループ], pt_BR: [laço de eventos]}
- id: list
  terms:
    en: [{text: list, pos: noun}]
    ja: [リスト]
    pt_BR: [lista]
- id: instance
  terms:
    en: [{text: instance, exclude: [an instance of the interpreter]}]
    ja: [インスタンス]
    pt_BR: [instância]
- id: path
  terms: {en: [path], ja: [パス], pt_BR: [caminho]}
- id: callable
  terms: {en: [callable], ja: [呼び出し可能], pt_BR: [chamável]}
- id: return-value
  terms: {en: [return value], ja: [戻り値], pt_BR: [valor de retorno]}
- id: attribute
  terms: {en: [attribute], ja: [属性], pt_BR: [atributo]}
- id: server
  terms: {en: [server], ja: [サーバ], pt_BR: [servidor]}
- id: default
  terms: {en: [default], ja: [デフォルト], pt_BR: [padrão]}
- id: signal
  terms: {en: [signal], ja: [シグナル], pt_BR: [sinal]}
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path = tmp_path_factory.mktemp("tb") / "termbase.yaml"
    path.write_text(TERMBASE, encoding="utf-8")
    return Checker(load_termbase(path))


def found(checker: Checker, lang: str, msgid: str, msgstr: str,
          min_confidence: float = 0.5) -> set[tuple[str, str | None]]:
    return {(f.code, f.concept) for f in checker.check_entry(Entry(msgid, msgstr, 1, None),
                                                             lang, "x.po")
            if f.confidence >= min_confidence and f.code.startswith("term-")}


def test_markup_is_read_as_sphinx_renders_it(checker: Checker) -> None:
    # a term right after a role opener is text; code roles, literals, *params* are not
    assert found(checker, "pt_BR", "Returns an :term:`argument`.", "Retorna algo.") == {
        ("term-missing", "argument")}
    assert found(checker, "pt_BR", "Use :class:`list` with ``loop`` and *callback*.",
                 "Use :class:`list` com ``loop`` e *callback*.") == set()
    assert found(checker, "ja", "See :ref:`the decorator <deco>`.",
                 "See :ref:`デコレーター <deco>`.") == {("term-forbidden", "decorator")}
    assert visible(">>> f(1)  # call the function\n3").split() == ["#", "call", "the",
                                                                  "function"]
    # a shell session (a prompt first, that of a virtual environment too) is code
    for session in ("$ python -m asyncio\nasyncio REPL\nUse await directly.",
                    "(tutorial-env) $ python -m pip list\nnumpy (1.9.2)\npip (7.0.3)"):
        assert visible(session).split() == []
    assert visible("$HOME is where the packages go.").split()[-1] == "go."


def test_quoted_names_and_titles(checker: Checker) -> None:
    # a quoted word is a name ('default', 'Process-N\\ :sub:`1`' renders as one word);
    # a quoted phrase is prose in scare quotes, a section title is text
    assert visible("the 'list' entry and 'Process-N\\ :sub:`1`' names").split() == [
        "the", "entry", "and", "names"]
    assert found(checker, "pt_BR", 'Add "virtual callback functions".', "Adicione.") == {
        ("term-missing", "callback"), ("term-missing", "function")}
    assert found(checker, "pt_BR", "Notes on Writing Callback Functions", "Notas") == {
        ("term-missing", "callback"), ("term-missing", "function")}
    # a linked document's title is not
    assert visible("`Secure Callback Function Handling <https://example.org>`_").split() == []


def test_overlapping_terms_are_all_seen(checker: Checker) -> None:
    # 引数 inside キーワード引数 renders argument; a deprecated term inside other words counts
    assert found(checker, "ja", "The argument and the keyword argument.",
                 "キーワード引数です。") == set()
    # ... but a longer term renders one use of its own concept: the ループ of イベントループ
    # is the event loop's, not that of an "asyncio loop" left in English; a definite "the
    # loop" names the event loop again
    assert found(checker, "ja", "Run it in an event loop such as the asyncio loop.",
                 "asyncio loop などのイベントループで実行します。") == {
        ("term-untranslated", "loop")}
    assert found(checker, "ja", "Run it in an event loop until the loop stops.",
                 "イベントループで停止するまで実行します。") == set()
    # in a language written with spaces each word of a longer term is a word of its own
    assert found(checker, "pt_BR", "Run it in an event loop such as the asyncio loop.",
                 "Rode-o num laço de eventos como o asyncio loop.") == set()
    assert found(checker, "pt_BR", "The callback function.",
                 "A função de retorno de chamada.") == {("term-forbidden", "callback")}


def test_japanese_compounds_and_english_left(checker: Checker) -> None:
    assert found(checker, "ja", "A class decorator.", "クラスデコレータ。") == set()
    assert found(checker, "ja", "A loop.", "グループ。") == {("term-missing", "loop")}
    # English left in Japanese is not the Japanese term (Sudachi would read path as パス)
    assert found(checker, "ja", "The path.", "path です。") == {("term-untranslated", "path")}


def test_one_term_renders_two_concepts(checker: Checker) -> None:
    assert found(checker, "ja", "The argument and the parameter.", "引数。") == set()


def test_homonyms_idioms_and_legitimate_omissions(checker: Checker) -> None:
    assert found(checker, "pt_BR", "The items listed below.", "Os itens abaixo.") == set()
    assert found(checker, "pt_BR", "For instance, the list.", "Por exemplo, a lista.") == set()
    assert found(checker, "pt_BR", "Run an instance of the interpreter.", "Rode.") == set()
    # a verb use of a term without a part of speech, the noun beside a kept identifier:
    # hints only
    assert found(checker, "pt_BR", "It will loop over the items.", "Percorre.") == set()
    assert found(checker, "pt_BR", "It will loop over the items.", "Percorre.", 0) == {
        ("term-missing", "loop")}
    assert found(checker, "ja", "Call the :func:`eval` function.",
                 ":func:`eval` を呼びます。") == set()
    # another noun right after the kept code replaces the term (a synonym), unless it is
    # part of one of the concept's terms
    assert found(checker, "ja", "Call the :func:`eval` function.",
                 ":func:`eval` 手続きを呼びます。") == {("term-missing", "function")}
    assert found(checker, "ja", "Pass the ``dest`` keyword argument.",
                 "``dest`` キーワードを渡します。") == set()
    # an infinitive is in its base form, and a copula is followed by a noun: these are
    # nouns, so their missing terms are findings
    assert found(checker, "pt_BR", "Write the values to lists.", "Escreva os valores.") == {
        ("term-missing", "list")}
    assert found(checker, "pt_BR", "They are also callbacks.", "Também são.") == {
        ("term-missing", "callback")}
    assert found(checker, "pt_BR", "It can also loop over them.", "Percorre.") == set()
    # "the list of paths" is said "paths" in a language without grammatical number; "a
    # list of paths" says what is returned, and Portuguese has plurals
    assert found(checker, "ja", "Put it first in the list of known paths.",
                 "既知のパスの先頭に置きます。") == set()
    assert found(checker, "ja", "Return a list of known paths.", "既知のパスを返します。") == {
        ("term-missing", "list")}
    assert found(checker, "pt_BR", "Put it first in the list of known paths.",
                 "Coloque-o antes dos caminhos conhecidos.") == {("term-missing", "list")}
    # the last part of a dotted name the translation keeps names again what the code named
    assert found(checker, "ja", "Start :mod:`xmlrpc.server`; stop the server with Ctrl-C.",
                 ":mod:`xmlrpc.server` を起動し、Ctrl-C で止めます。") == set()
    assert found(checker, "ja", "Start :mod:`xmlrpc.server`; stop the server with Ctrl-C.",
                 "起動し、Ctrl-C で止めます。") == {("term-missing", "server")}
    # "then" opens a clause as often as it comes before a verb: its noun is a noun
    assert found(checker, "ja", "If not, then servers that listen must close it.",
                 "そうでなければ、待ち受けているものが閉じます。") == {("term-missing", "server")}


def test_anaphora_in_a_language_that_drops_what_the_context_gives(checker: Checker) -> None:
    # "this function" names again what the text named: Japanese may leave it out, unless
    # the translation says "this ..." with another noun (a mistranslation)
    assert found(checker, "ja", "This function returns 1.", "1 を返します。") == set()
    assert found(checker, "ja", "This function returns 1.", "このファイルは 1 を返します。") == {
        ("term-missing", "function")}
    # a bare plural opening a sentence that says what someone is to do: Japanese says it
    # without an agent; not a statement about servers, nor "the servers"
    assert found(checker, "ja", "Done. Servers are required to close it.",
                 "完了。閉じる必要があります。") == set()
    assert found(checker, "ja", "Servers close it.", "閉じます。") == {
        ("term-missing", "server")}
    assert found(checker, "ja", "The servers must close it.", "閉じる必要があります。") == {
        ("term-missing", "server")}
    assert found(checker, "ja", "Servers can now be closed.", "閉じられます。") == {
        ("term-missing", "server")}
    assert found(checker, "ja", "Servers are converted to these values.", "値にされます。") == {
        ("term-missing", "server")}
    # Portuguese drops subjects only, and names the object: "este atributo"
    assert found(checker, "pt_BR", "It sets this attribute.", "Define este valor.") == {
        ("term-missing", "attribute")}


def test_noun_phrase_ending_in_kept_code(checker: Checker) -> None:
    # "the attribute value *attr*" -> "*attr*": the term modifies the noun before the code
    assert found(checker, "ja", "Set by the attribute value *attr*.", "*attr* で設定。") == set()
    # "sets this attribute to ``True``": "to" links a complement, the term is the object
    assert found(checker, "pt_BR", "It sets the attribute to ``True``.",
                 "Define o valor como ``True``.") == {("term-missing", "attribute")}
    # code before the term, one word away, is what the sentence is about
    assert found(checker, "pt_BR", "The ``x`` attribute is kept.", "O ``x`` é mantido.") \
        == set()
    assert found(checker, "pt_BR", "``x`` is an attribute.", "``x`` é um valor.") == {
        ("term-missing", "attribute")}


def test_japanese_verb_for_a_verbal_compound(checker: Checker) -> None:
    # 呼び出し可能 and 戻り値 are made of a verb: the verb in another form, or another
    # verb before the head noun, is a periphrasis
    assert found(checker, "ja", "It is callable from Python.", "Python から呼び出せます。") == set()
    assert found(checker, "ja", "Return values are kept.", "返される値は保持されます。") == set()
    assert found(checker, "ja", "Return values are kept.", "値は保持されます。") == {
        ("term-missing", "return-value")}


def test_verb_cues_and_english_left_in_code(checker: Checker) -> None:
    # a verb after an adverb, or after a relative pronoun with "to": hints only
    assert found(checker, "pt_BR", "It normally signals that.", "Indica isso.") == set()
    assert found(checker, "pt_BR", "It normally signals that.", "Indica isso.", 0) == {
        ("term-missing", "signal")}
    assert found(checker, "pt_BR", "Pending signals are lost.", "Perdem-se.") == {
        ("term-missing", "signal")}
    assert found(checker, "pt_BR", "Values which default to the name.",
                 "Valores que assumem o nome.") == set()
    assert found(checker, "pt_BR", "Values which default to the name.",
                 "Valores que assumem o nome.", 0) == {("term-missing", "default")}
    # a term inside a dotted name left in the translation is code, not untranslated prose
    assert found(checker, "ja", "The server listens.", "「http.server で」待ち受けます。") == {
        ("term-missing", "server")}
    assert found(checker, "ja", "The server listens.", "server が待ち受けます。") == {
        ("term-untranslated", "server")}


def test_confidence_filter_and_explain(tmp_path: Path, checker: Checker,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--explain", "term-missing"]) == 0
    assert "# triglot: ignore term-missing" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--min-confidence", "2"])
    assert exit_info.value.code == 2
    assert "not a number from 0 to 1" in capsys.readouterr().err


def test_japanese_characters_that_normalize_longer_keep_their_offsets() -> None:
    from triglot.terms.cjk import SubstringIndex, japanese_words

    index = SubstringIndex(["株式会社", "イベントループ"], japanese_words)
    text = "㍿のイベント・ループ" + "あ" * 5000  # ㍿ is 株式会社 after NFKC
    assert [text[start:end] for start, end in index.hits(text)] == ["㍿", "イベント・ループ"]
