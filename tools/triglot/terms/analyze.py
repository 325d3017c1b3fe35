"""Text to comparable tokens, per language, with spaCy (loaded lazily, once per language).

Most languages: ``spacy.blank(lang)`` tokens, keyed by the lemma from the lookup
lemmatizer's table where spacy-lookups-data has one (see :mod:`triglot.terms.lemmas`;
looked up as written, then lowercased, because the tables are case-sensitive), with the
language's plural rules applied to words the table does not know (loanwords such as
Portuguese "pools"); without a table, by the lowercased word. Japanese: the SudachiPy
tokenizer behind ``spacy.blank("ja")``, keyed by Sudachi's normalized form (サーバ →
サーバー), for candidate terms (:mod:`triglot.terms.suggest`); the term matcher finds
Japanese terms by substring (:mod:`triglot.terms.cjk`).
Spaces and hyphens between words are not tokens, so "kernel-mode" matches "kernel mode"
and アプリケーションプール matches アプリケーション プール.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from triglot.errors import TriglotError
from triglot.languages import Language, get_language
from triglot.terms.lemmas import LemmaTable, lemma_table, lookup_many
from triglot.terms.spacy_import import import_spacy

_JOINERS = frozenset("-‐‑‒–—・")


class Token(NamedTuple):
    """One word of a text (a named tuple: texts have many, and it is made fast)."""

    key: str  # what terms are compared on: lemma or normalized form, lowercased
    text: str  # the surface form, for case-sensitive terms
    start: int
    end: int


def _require(module: str, package: str) -> None:
    raise TriglotError(f"term matching needs the Python package {package!r} "
                       f"(missing module {module!r}); install it with: "
                       f"pip install {package}")


class Analyzer:
    """Tokenizes and keys the text of one language."""

    def __init__(self, lang: Language) -> None:
        self.language = lang
        try:
            spacy = import_spacy()
        except ImportError as exc:
            _require(exc.name or "spacy", "spacy")
        if lang.base == "ja":
            try:
                nlp = spacy.blank("ja")
            except ImportError as exc:
                _require(exc.name or "sudachipy", "sudachipy sudachidict_core")
            # The raw Sudachi tokenizer spaCy wraps: same tokens and norms, without
            # building a Doc (tags, readings) we do not use; about 6x faster.
            sudachi = nlp.tokenizer.tokenizer  # type: ignore[union-attr]
            self._run: Callable[[str, int], list[Token]] = functools.partial(
                _sudachi_tokens, sudachi)
        else:
            try:
                tokenizer = _tokenizer(spacy, lang.base)
            except ImportError:
                raise TriglotError(f"spaCy has no tokenizer for {lang.code!r}, so its terms "
                                   "cannot be matched") from None
            self._run = _SpacedTokens(tokenizer, word_key(lang.code))

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """The word tokens of ``text[start:end]``, offsets into ``text``; long texts are
        cut into chunks.

        >>> [(t.text, t.start) for t in analyzer("en").tokens("Two pools run.", 4, 9)]
        [('pools', 4)]
        """
        piece = text[start:end] if start or end is not None else text
        limit = self.language.chunk_chars
        if len(piece) <= limit:
            return self._run(piece, start)
        out: list[Token] = []
        for offset, chunk in _chunks(piece, limit):
            out.extend(self._run(chunk, start + offset))
        return out


def _tokenizer(spacy: Any, lang: str) -> Callable[[str], object]:
    """The tokenizer of ``spacy.blank(lang)``.

    Where the language keeps spaCy's default tokenizer, it is made as spaCy's own factory
    (``spacy.Tokenizer.v1``) makes it, from the language's defaults, without building the
    pipeline around it (its config resolved and validated): a third of a second of each
    process that matches terms. A language with a tokenizer of its own gets ``blank``'s.
    A token's lexical attributes are not computed: read ``text.isspace()``, not
    ``is_space``.
    """
    from spacy.util import get_lang_class

    defaults = get_lang_class(lang).Defaults
    if defaults.config.get("nlp", {}).get("tokenizer") is not None:
        return spacy.blank(lang).tokenizer  # type: ignore[no-any-return]
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import Vocab

    # A vocabulary without lexical attributes (like_num, shape, stop...): the tokenizer
    # reads none, and computing them for each new word was a fifth of its cost.
    return Tokenizer(  # type: ignore[no-any-return]
        Vocab(lex_attr_getters={}), rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search
        if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search
        if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer
        if defaults.infixes else None,
        token_match=defaults.token_match, url_match=defaults.url_match)


def _has_lemma_table(lang: Language) -> bool:
    """Whether spacy-lookups-data has a lookup lemma table for the language.

    Its module only names its data files, so asking it is cheap.
    """
    try:
        import spacy_lookups_data
    except ImportError as exc:
        _require(exc.name or "spacy_lookups_data", "spacy-lookups-data")
    return "lemma_lookup" in getattr(spacy_lookups_data, lang.base, {})


_BREAK = re.compile(r"[\n。．.!?！？]\s*")


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut text at sentence or line ends (or hard at ``limit``) into pieces <= limit."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = max((m.end() for m in _BREAK.finditer(text, start, end)), default=0)
            if cut > start:
                end = cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class _Lemmas:
    """Case-insensitive lemma lookup over a case-sensitive table, memoized per word."""

    def __init__(self, table: LemmaTable, lang: Language) -> None:
        self.table = table
        self.plurals = lang.plurals
        self.plurals_first = lang.plurals_first
        self.cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        key = self.cache.get(word)
        if key is None:
            key = self.cache[word] = self._key(word, self.table.get)
        return key

    def learn(self, words: Iterable[str]) -> None:
        """Key the new words of ``words`` with one look-up in the table for them all."""
        new = [word for word in dict.fromkeys(words) if word not in self.cache]
        looked_up = {form for word in new for form in self._looked_up(word)}
        found = lookup_many(self.table, looked_up)
        for word in new:
            self.cache[word] = self._key(word, found.get)

    def _looked_up(self, word: str) -> tuple[str, ...]:
        """The forms of ``word`` that :meth:`_key` may look up."""
        lower = word.lower()
        singular = self._singular(lower) if self.plurals_first else lower
        return (singular, word) if singular == lower else (singular,)

    def _key(self, word: str, get: Callable[[str], str | None]) -> str:
        lower = word.lower()
        singular = self._singular(lower) if self.plurals_first else lower
        # the word as written only where it is the same word (a plural made singular is
        # not looked up as the plural: "posicionais" is "posicional", not "posicionar")
        lemma = get(singular) or (get(word) if singular == lower else None)
        if lemma is not None:
            return lemma.lower()
        return singular if self.plurals_first else self._singular(lower)

    def _singular(self, word: str) -> str:
        if len(word) <= 3 or not word.isalpha():
            return word
        for suffix, replacement in self.plurals:
            if word.endswith(suffix):
                return word[: len(word) - len(suffix)] + replacement
        return word


# (start and end in the run, word, key) of each token of a run between spaces
_Run = tuple[tuple[int, int, str, str], ...]
_new_tuple = tuple.__new__  # a Token made without its __new__'s Python frame


class _SpacedTokens:
    """spaCy's tokens of a text, with their keys, memoized per run of non-space characters.

    spaCy's tokenizer cuts a text at spaces first and tokenizes each run between them on
    its own (its cache is per run too), so a text's tokens are its runs' tokens. Most runs
    of a catalog recur ("the", "function", "object)."); each run new to this process is
    tokenized once, those of a text together in one call of the tokenizer, and a text of
    known runs costs no call at all: no ``Doc`` built, no ``Token`` object read.
    (Only spaCy's emoticon special cases look across a space: it gives "*: (:class:" as
    "(" ":" where a run alone, and "in (:class:", give "(:". The 109,000 texts of the
    Python-docs catalogs give the same tokens either way.)
    """

    def __init__(self, tokenizer: Callable[[str], object], lemmas: _Lemmas,
                 size: int = 200_000) -> None:
        self.tokenizer = tokenizer
        self.lemmas = lemmas
        self.size = size  # runs remembered: a few tens of MB at most
        self.runs: dict[str, _Run] = {}

    def __call__(self, text: str, offset: int) -> list[Token]:
        runs = self.runs
        # what spaCy cuts a text at first: runs of characters that are not space
        # (str.split's whitespace is str.isspace's, as spaCy's and re's \s)
        found = text.split()
        unique = dict.fromkeys(found)
        new = [run for run in unique if run not in runs]
        if new:
            if len(runs) + len(new) > self.size:
                runs.clear()  # a bound on memory: start again rather than grow
                new = list(unique)
            runs.update(self._tokenize(new))
        out: list[Token] = []
        at = 0
        for run in found:
            at = text.find(run, at)  # only spaces lie before it: its own place
            start = offset + at
            for rel, end, word, key in runs[run]:
                out.append(_new_tuple(Token, (key, word, start + rel, start + end)))
            at += len(run)
        return out

    def _tokenize(self, new: list[str]) -> dict[str, _Run]:
        """The tokens of each run of ``new``, as spaCy gives the run alone: the runs
        tokenized in one call, and the tokens given back to the run they fall in."""
        tokens: dict[str, list[tuple[int, str]]] = {run: [] for run in new}
        places = []  # (start, end, tokens) of each run in the joined text
        position = 0
        for run in new:
            places.append((position, position + len(run), tokens[run]))
            position += len(run) + 1
        spans = iter(places)
        start, end, into = next(spans)
        # joined by line ends, not spaces: a line end is a token of its own, so no special
        # case of spaCy's pairs the punctuation of two runs (":" "(" as the emoticon ":(")
        for tok in self.tokenizer("\n".join(new)):  # type: ignore[attr-defined]
            word = tok.text
            if word.isspace() or word in _JOINERS:
                continue
            idx = tok.idx
            while idx >= end:
                start, end, into = next(spans)
            into.append((idx - start, word))
        # the new words' keys: one look-up in the lemma table for them all
        self.lemmas.learn(word for found in tokens.values() for _, word in found)
        keys = self.lemmas.cache
        return {run: tuple((rel, rel + len(word), word, keys[word]) for rel, word in found)
                for run, found in tokens.items()}


def _sudachi_tokens(sudachi: object, text: str, offset: int) -> list[Token]:
    out: list[Token] = []
    pos = offset
    for morpheme in sudachi.tokenize(text):  # type: ignore[attr-defined]
        word = morpheme.surface()
        start = pos
        pos += len(word)
        if word.isspace() or word in _JOINERS or not word.strip():
            continue
        norm = unicodedata.normalize("NFKC", morpheme.normalized_form()).lower()
        if out and out[-1].end == start and _latin(out[-1].text) and _latin(word):
            # Sudachi cuts Latin runs by context (".NET" or "." + "NET"): one token each
            last = out.pop()
            out.append(Token(last.key + norm, last.text + word, last.start, pos))
            continue
        out.append(Token(norm, word, start, pos))
    return out


def _latin(word: str) -> bool:
    return unicodedata.normalize("NFKC", word).isascii()


@functools.cache
def word_key(lang: str) -> _Lemmas:
    """The key of one plain word of a language written with spaces, as its token would
    have it; without loading spaCy (the lemma tables are read on their own)."""
    language = get_language(lang)
    return _Lemmas(lemma_table(language) if _has_lemma_table(language) else {}, language)


@functools.cache
def analyzer(lang: str) -> Analyzer:
    """The analyzer of catalog language ``lang``, built on first use and then shared."""
    return Analyzer(get_language(lang))
