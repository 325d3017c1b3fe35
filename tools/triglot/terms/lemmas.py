"""spaCy's lookup lemma tables (spacy-lookups-data), read without loading them whole.

Portuguese's table has 800,000 words: parsing its JSON takes about half a second on
every build that matches terms, to look up a few hundred words. So the table is copied
once per installed file into an SQLite database in the user's cache folder
(``$XDG_CACHE_HOME/triglot``, else ``~/.cache/triglot``), named after the file's path,
size and modification time, and each word is looked up there. When that folder cannot
be written, the JSON is loaded as before. The lookups are exactly the dictionary's:
same keys, compared byte for byte (SQLite's ``BINARY`` collation), same values.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, cast

from triglot.errors import TriglotError
from triglot.languages import Language
from triglot.textio import cache_dir

# words per query: SQLite allows 999 parameters at the least
_BATCH = 900
_MAPPED = 1 << 28  # bytes of a table's file read through memory (the largest is 25 MB)
_SCHEMA = "CREATE TABLE lemma (word TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID"


class LemmaTable(Protocol):
    def get(self, word: str) -> str | None: ...


def lookup_many(table: LemmaTable, words: Iterable[str]) -> dict[str, str]:
    """The lemmas of those of ``words`` the table has: one query for an SQLite copy."""
    if isinstance(table, SqliteLemmas):
        return table.get_many(words)
    return {word: lemma for word in words if (lemma := table.get(word)) is not None}


def lemma_table(lang: Language) -> LemmaTable:
    """The ``lemma_lookup`` table of spacy-lookups-data for ``lang``: from its SQLite copy,
    made on first use, or as a dict when the copy cannot be made."""
    source = _source(lang)
    stat = source.stat()
    key = hashlib.sha256(repr((str(source), stat.st_size, stat.st_mtime_ns)).encode())
    database = cache_dir() / f"lemmas-{lang.base}-{key.hexdigest()[:16]}.sqlite3"
    if not database.is_file():
        table = _load_json(source)
        try:
            _write_database(database, table)
        except (OSError, sqlite3.Error):  # a read-only home: no copy, the dict will do
            return table
    return SqliteLemmas(database)


def _source(lang: Language) -> Path:
    """The table's file: spaCy names ``<lang>_lemma_lookup.json`` and ships it gzipped.

    Asked of spacy-lookups-data's module, which spaCy's ``registry.lookups`` reads too:
    importing spaCy for a file name costs most of a small check's time."""
    try:
        import spacy_lookups_data

        path = Path(getattr(spacy_lookups_data, lang.base)["lemma_lookup"])
    except (ImportError, AttributeError, KeyError) as exc:
        raise TriglotError(f"no lemma tables for {lang.code!r} ({exc!r}); install "
                           "them with: pip install spacy-lookups-data") from None
    for candidate in (path, path.with_name(path.name + ".gz")):
        if candidate.is_file():
            return candidate
    raise TriglotError(f"no lemma table for {lang.code!r} at {path}; reinstall it with: "
                       "pip install --force-reinstall spacy-lookups-data")


def _load_json(source: Path) -> dict[str, str]:
    """The table as spaCy reads it (``load_language_data``), without building its
    ``Table`` (which hashes every key: 3x slower)."""
    from triglot.terms.spacy_import import import_spacy

    import_spacy()
    from spacy.util import load_language_data

    # a lookup table is a JSON object of strings, or of lists of strings
    table = cast("dict[str, str | list[str]]", load_language_data(
        source.with_suffix("") if source.suffix == ".gz" else source))
    # French's and Catalan's tables give each word a list of lemmas: spaCy's lemmatizers
    # take the first
    return {word: lemma if isinstance(lemma, str) else lemma[0]
            for word, lemma in table.items() if lemma}


def _write_database(database: Path, table: dict[str, str]) -> None:
    """Write the table to ``database`` atomically: a temporary file, then a rename."""
    database.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=database.parent, prefix=f".{database.name}.")
    os.close(fd)
    try:
        with sqlite3.connect(temporary) as connection:
            connection.execute(_SCHEMA)
            connection.executemany("INSERT INTO lemma VALUES (?, ?)", table.items())
        connection.close()
        os.replace(temporary, database)
    finally:
        Path(temporary).unlink(missing_ok=True)


class SqliteLemmas:
    """Look-ups in a table's SQLite copy (a connection per process: forks reopen it)."""

    def __init__(self, database: Path) -> None:
        # a file: URI, read-only (Path.as_uri: urllib.request costs a small check 30 ms)
        self.uri = f"{database.resolve().as_uri()}?mode=ro"
        self._connection: sqlite3.Connection | None = None
        # a forked process opens its own (asking the process id at each look-up cost a
        # system call per word)
        table = weakref.ref(self)
        os.register_at_fork(after_in_child=lambda: _forget_connection(table()))

    def get(self, word: str) -> str | None:
        row = self._cursor().execute("SELECT lemma FROM lemma WHERE word = ?",
                                     (word,)).fetchone()
        return None if row is None else row[0]

    def get_many(self, words: Iterable[str]) -> dict[str, str]:
        """The lemmas of those of ``words`` the table has (``IN`` compares as ``=`` does)."""
        wanted = list(words)
        found: dict[str, str] = {}
        cursor = self._cursor()
        for at in range(0, len(wanted), _BATCH):
            batch = wanted[at:at + _BATCH]
            found.update(cursor.execute("SELECT word, lemma FROM lemma WHERE word IN "
                                        f"({', '.join('?' * len(batch))})", batch))
        return found

    def _cursor(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = sqlite3.connect(self.uri, uri=True)
            # pages read from a mapping of the file, not by a system call each
            self._connection.execute(f"PRAGMA mmap_size = {_MAPPED}")
        return self._connection


def _forget_connection(table: SqliteLemmas | None) -> None:
    if table is not None:
        table._connection = None  # the parent's: not closed here, nor used

