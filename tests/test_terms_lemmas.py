from __future__ import annotations

from pathlib import Path

import pytest
from triglot.languages import get_language
from triglot.terms import lemmas
from triglot.terms.analyze import _Lemmas
from triglot.terms.lemmas import SqliteLemmas, lemma_table


@pytest.mark.parametrize("code", ["pt_BR", "en"])
def test_the_sqlite_copy_gives_exactly_the_dictionary_s_lemmas(
        code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lang = get_language(code)
    table = lemma_table(lang)
    assert isinstance(table, SqliteLemmas)
    assert list((tmp_path / "triglot").glob(f"lemmas-{lang.base}-*.sqlite3"))
    reference = lemmas._load_json(lemmas._source(lang))
    words = list(reference)[::401]
    samples = {variant for word in words
               for variant in (word, word.lower(), word.upper(), word.title(), word + "x")}
    # NFD forms too
    samples |= {"", " ", "Pools", "APLICATIVOS", "canal", "ção", "naïve", "c\u0327a\u0303o"}
    assert len(samples) > 4 * len(words) > 400
    assert {w: table.get(w) for w in samples} == {w: reference.get(w) for w in samples}
    assert table.get_many(samples) == {w: reference[w] for w in samples if w in reference}
    # words keyed in one look-up get the keys they get one by one
    one_by_one, together = _Lemmas(table, lang), _Lemmas(table, lang)
    together.learn(samples)
    assert together.cache == {w: one_by_one(w) for w in samples}
    assert lemma_table(lang).get(words[0]) == reference[words[0]]  # the copy, reused


def test_an_unwritable_cache_folder_falls_back_to_the_json(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    table = lemma_table(get_language("en"))
    assert isinstance(table, dict)
    assert table.get("pools") == "pool"


def test_a_cache_folder_with_uri_characters_in_its_path(tmp_path: Path) -> None:
    import sqlite3

    database = tmp_path / "a b%20c#d?e" / "lemmas.sqlite3"
    database.parent.mkdir()
    lemmas._write_database(database, {"ran": "run"})
    table = SqliteLemmas(database)
    assert (table.get("ran"), table.get("runs")) == ("run", None)
    with pytest.raises(sqlite3.OperationalError):  # opened read-only
        table._cursor().execute("INSERT INTO lemma VALUES ('x', 'y')")


@pytest.mark.parametrize(("code", "text", "keys"), [
    ("fr", "Les requêtes traitées", ["le", "requête", "traiter"]),
    ("ca", "Les peticions", ["les", "petició"])])
def test_a_table_of_lemma_lists_gives_the_first_as_spacy_does(
        code: str, text: str, keys: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lang = get_language(code)
    assert isinstance(lemma_table(lang), SqliteLemmas)  # its values could be copied
    from triglot.terms.analyze import Analyzer

    assert [t.key for t in Analyzer(lang).tokens(text)] == keys


def test_a_forked_process_opens_its_own_connection(tmp_path: Path) -> None:
    import os

    database = tmp_path / "lemmas.sqlite3"
    lemmas._write_database(database, {"ran": "run"})
    table = SqliteLemmas(database)
    parents = table._cursor()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: its own connection, and the look-up through it
        os.write(write, b"%d %s" % (table._connection is None, str(table.get("ran")).encode()))
        os._exit(0)
    os.close(write)
    _, status = os.waitpid(child, 0)
    assert os.read(read, 100) == b"1 run" and status == 0
    assert table._cursor() is parents and table.get("ran") == "run"
