"""Find a termbase's terms in text.

Languages written with spaces match on token boundaries: terms and text go through the
same :mod:`triglot.terms.analyze` keys, so inflection, case, spacing and hyphenation do
not matter, except for case-sensitive terms, whose tokens written with capitals must
appear exactly so ("COM" is not Portuguese "com"). When several terms share the same
keys (Portuguese "pipe nomeado" / "pipe nomeada" both lemmatize to "pipe nomear"), the
one closest to the written form wins, per concept. Languages written without spaces
match by substring (:mod:`triglot.terms.cjk`), so a term inside a compound is found.

A match is dropped where the term is not its concept: inside one of the term's
exclusions (``exclude`` in the termbase: "for instance" for *instance*) or one of the
language's idioms (:data:`triglot.terms.usage.IDIOMS`); and, for a term whose part of
speech is ``noun``, where it reads as a verb ("listed", "to process"). Where a term
without a part of speech reads as a verb, the match is kept with ``verbal`` set, so that
a missing translation of it is only a hint.

Overlaps: :meth:`TermMatcher.find` gives the longest match at each place, left to right,
without overlaps (a longer concept takes the words it contains: "file descriptor" is not
also *file*), and every concept whose term spans those words. :meth:`TermMatcher.find_all`
gives every match, overlapping ones too (引数 inside キーワード引数, "retorno de chamada"
inside "função de retorno de chamada"), except a match inside a longer match of the
same concept (サーバ inside サーバー); which of them render a concept of the English is
the checker's decision (:meth:`triglot.check.paraphrase.Omission.rendered_by_other`: in
Japanese a longer term renders one use of its own concept).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from triglot.glossary import Term, Termbase
from triglot.languages import get_language
from triglot.terms.analyze import Analyzer, Token, analyzer, word_key
from triglot.terms.trie import trie_pattern
from triglot.terms.usage import IDIOMS, looks_verbal, not_the_word

_SPACES = re.compile(r"\s+")
# a term's first word, as the tokenizer would cut it at spaces and hyphens
_FIRST_WORD = re.compile(r"[^\s\-‐‑‒–—]+")
# punctuation that spaCy's tokenizer splits off a word on either side
_PLAIN_EDGES = frozenset(",;:!?()[]{}\"'«»“”‘’")


@dataclass(frozen=True, slots=True)
class Match:
    concept: str
    term: Term
    start: int
    end: int
    text: str
    verbal: bool = False  # read as a verb, and the term has no part of speech


@dataclass(frozen=True, slots=True)
class _Entry:
    concept: str
    term: Term
    surfaces: tuple[str, ...]
    # (keys of an exclusion, where the term's keys start in them)
    exclusions: tuple[tuple[tuple[str, ...], int], ...] = ()


class TermMatcher:
    """All terms of one language of a termbase, indexed for matching.

    >>> from triglot.glossary import Concept, Term, Termbase
    >>> tb = Termbase(("en",), [Concept("pool", terms_by_lang={"en": [Term("app pool")]})])
    >>> [(m.concept, m.text) for m in TermMatcher(tb, "en").find("Two App-Pools run.")]
    [('pool', 'App-Pools')]
    """

    def __init__(self, termbase: Termbase, lang: str,
                 concepts: Iterable[str] | None = None) -> None:
        self.lang = lang
        wanted = None if concepts is None else set(concepts)
        self.terms = [(concept.id, term) for concept in termbase.concepts
                      if wanted is None or concept.id in wanted
                      for term in concept.terms(lang)]
        self.has_unapproved = any(not term.approved for _, term in self.terms)
        index: _Substrings | _Tokens = (_Substrings if get_language(lang).script == "cjk"
                                         else _Tokens)(self.terms, lang)
        self._index = index
        self._scan = index.scan

    def may_match(self, text: str) -> bool:
        """Whether ``text`` contains a term's cue: ``False`` means :meth:`find` and
        :meth:`find_all` find nothing there, so a caller can skip preparing the text
        (parsing its markup) for them; blanking characters out never makes it ``True``.
        """
        return self._index.may_match(text)

    def prepare(self) -> None:
        """Build now what matching builds on its first cue (the analyzer, the term index),
        so that processes forked afterwards inherit it instead of each building it."""
        self._index.prepare()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, left to right, the longest at each position (with
        every concept of that span)."""
        chosen: list[Match] = []
        for match in sorted(self._scan(text), key=lambda m: (m.start, -m.end)):
            if not chosen or match.start >= chosen[-1].end:
                chosen.append(match)
            elif (match.start, match.end) == (chosen[-1].start, chosen[-1].end) \
                    and match.concept not in {m.concept for m in chosen
                                              if m.start == match.start}:
                chosen.append(match)
        return chosen

    def find_all(self, text: str) -> list[Match]:
        """Every match, overlapping ones too, but none inside a longer match of its own
        concept."""
        matches = self._scan(text)
        return [m for m in matches if not any(
            o.concept == m.concept and o.start <= m.start and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start) for o in matches)]


def _best_per_concept(entries: list[_Entry], written: list[str],
                      fits: list[bool] | None = None) -> list[_Entry]:
    """Of the entries matching one span, the one closest to the written form per concept."""
    if len(entries) == 1:  # most spans: nothing to choose between
        return entries if fits is None or fits[0] else []
    best: dict[str, tuple[tuple[int, int, int], _Entry]] = {}
    for k, entry in enumerate(entries):
        if fits is not None and not fits[k]:
            continue
        surfaces = [s.casefold() for s in entry.surfaces]
        shared = sum(len(os.path.commonprefix([a, b]))
                     for a, b in zip(written, surfaces, strict=False))
        closeness = (surfaces == written, shared, entry.term.approved)
        if entry.concept not in best or closeness > best[entry.concept][0]:
            best[entry.concept] = (closeness, entry)
    return [entry for _, entry in best.values()]


class _Tokens:
    """Token-boundary matching for languages written with spaces.

    The index of term keys needs the language's tokenizer (spaCy), so it is built on the
    first text with a cue: a check whose texts have none never loads spaCy (and a
    language spaCy cannot tokenize is reported there)."""

    def __init__(self, terms: list[tuple[str, Term]], lang: str) -> None:
        self.lang = lang
        self.terms = terms
        self.idioms = IDIOMS.get(get_language(lang).base, ())
        # A cheap pre-test: a text that contains no term's first few letters (as written
        # or keyed) cannot match, and is not tokenized at all.
        self.key = key = word_key(lang)
        firsts = {first for _, term in terms
                  for first in _FIRST_WORD.findall(term.text)[:1]}
        cues = {_cue(text) for first in firsts for text in (first, key(first))}
        # a cue that begins with a shorter one never matches (the shorter matches first,
        # and the rest of the word follows either way): without them, one trie
        cues = {cue for cue in cues if not any(cue[:n] in cues for n in range(1, len(cue)))}
        # A window holds what matching reads around a cue: two words before and one
        # after (verb cues), the longest term after it, and any exclusion or idiom the
        # term is part of, which may begin before the cue.
        phrases = max((len(p) for _, term in terms for p in term.exclude), default=0)
        phrases = max(phrases, *map(len, self.idioms)) if self.idioms else phrases
        self.margins = (24 + phrases, 24 + max(phrases, max(
            (len(term.text) for _, term in terms), default=0)))
        # a cue where a word begins (a token does not begin after a letter), with the
        # rest of its word
        self.cue = re.compile(r"(?<![^\W\d_])" + trie_pattern(cues) + r"[^\W_]*") \
            if cues else None
        self._starts: dict[str, bool] = {}  # plain word -> whether its key begins a term
        self._periods: dict[str, bool] = {}  # word -> whether "word." is cut before "."

    @functools.cached_property
    def analyzer(self) -> Analyzer:
        return analyzer(self.lang)

    @functools.cached_property
    def index(self) -> dict[tuple[str, ...], list[_Entry]]:
        index: dict[tuple[str, ...], list[_Entry]] = {}
        idioms = [self._keys(p) for p in self.idioms]
        for concept, term in self.terms:
            tokens = self.analyzer.tokens(term.text)
            if not tokens:
                continue
            keys = tuple(t.key for t in tokens)
            excluded = [self._keys(p) for p in term.exclude] + idioms
            entry = _Entry(concept, term, tuple(t.text for t in tokens), tuple(
                (phrase, at) for phrase in excluded for at in _offsets(keys, phrase)))
            index.setdefault(keys, []).append(entry)
        return index

    @functools.cached_property
    def sizes(self) -> dict[str, list[int]]:
        """The lengths of the terms each first key begins, longest first."""
        sizes: dict[str, set[int]] = {}
        for keys in self.index:
            sizes.setdefault(keys[0], set()).add(len(keys))
        return {first: sorted(lengths, reverse=True) for first, lengths in sizes.items()}

    @functools.cached_property
    def first_keys(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.index)

    def prepare(self) -> None:
        self.first_keys  # noqa: B018  (builds the index, and the analyzer it needs)

    def _keys(self, phrase: str) -> tuple[str, ...]:
        return tuple(t.key for t in self.analyzer.tokens(phrase))

    def may_match(self, text: str) -> bool:
        """Whether a cue of ``text`` may begin a term: once the index is built (the
        first text with a cue builds it), the word at each cue is keyed as well; before,
        the cue alone answers, so that a caller answered from a cache never loads spaCy."""
        if self.cue is None:
            return False
        hits = self.cue.finditer(_fold(text))
        if "index" not in self.__dict__:
            return next(hits, None) is not None
        return any(self._may_start(text, m.start(), m.end()) for m in hits)

    def scan(self, text: str) -> list[Match]:
        if self.cue is None:
            return []
        folded = _fold(text)
        found = [m.span() for m in self.cue.finditer(folded)]
        if not found:
            return []
        if len(folded) != len(text):  # normalization moved offsets: analyse everything
            return self._scan(text, self.analyzer.tokens(text))
        hits = [start for start, end in found if self._may_start(text, start, end)]
        # Analyse only windows around the cues, cut at spaces, not the whole paragraph.
        matches: list[Match] = []
        for start, end in _windows(text, hits, *self.margins):
            matches.extend(self._scan(text, self.analyzer.tokens(text, start, end)))
        return matches

    def _may_start(self, text: str, start: int, end: int) -> bool:
        """Whether the word ``text[start:end]`` found at a cue can begin a term. A plain
        word (letters and digits between spaces or punctuation that spaCy splits off, or
        before a period and a space that it cuts off) is keyed as its token would be,
        without tokenizing its window; anything else (ASP.NET, w3wp.exe, "etc.") is
        tokenized."""
        word = text[start:end]
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not word.isalnum():
            return True
        if after == "." and (end + 1 == len(text) or text[end + 1].isspace()):
            if not self._splits_period(word):
                return True
            after = " "  # a sentence's last word, its period cut off as after a space
        if not ((before.isspace() or before in _PLAIN_EDGES)
                and (after.isspace() or after in _PLAIN_EDGES)):
            return True
        known = self._starts.get(word)
        if known is None:
            known = self._starts[word] = self.key(word) in self.first_keys
        return known

    def _splits_period(self, word: str) -> bool:
        """Whether the tokenizer cuts "word." before a space into the word and its
        period, as it does a sentence's last word (not "etc.", "e.g.", an initial "A."):
        spaCy tokenizes each text between spaces on its own, so one answer per word."""
        splits = self._periods.get(word)
        if splits is None:
            splits = self._periods[word] = [t.text for t in self.analyzer.tokens(
                word + ".")] == [word, "."]
        return splits

    def _scan(self, text: str, tokens: list[Token]) -> list[Match]:
        matches: list[Match] = []
        keys = [t.key for t in tokens]
        for i in range(len(tokens)):
            sizes = self.sizes.get(keys[i])
            if sizes is None:
                continue
            for size in sizes:
                if size > len(tokens) - i:
                    continue
                entries = self.index.get(tuple(keys[i:i + size]))
                if not entries:
                    continue
                window = tokens[i:i + size]
                written = [t.text.casefold() for t in window]
                fits = [_case_ok(e, window) and not _excluded(e, keys, i) for e in entries]
                if size == 1 and not_the_word(text, window[0]):
                    continue
                for entry in _best_per_concept(entries, written, fits):
                    verbal = size == 1 and looks_verbal(self.lang, tokens, i,
                                                        entry.surfaces[0])
                    if verbal and entry.term.pos == "noun":
                        continue
                    start, end = window[0].start, window[-1].end
                    matches.append(Match(entry.concept, entry.term, start, end,
                                         text[start:end],
                                         verbal and entry.term.pos is None))
        return matches


def _offsets(keys: tuple[str, ...], phrase: tuple[str, ...]) -> list[int]:
    """Where ``keys`` occur in ``phrase``."""
    n = len(keys)
    return [at for at in range(len(phrase) - n + 1) if phrase[at:at + n] == keys]


def _excluded(entry: _Entry, keys: list[str], i: int) -> bool:
    for phrase, at in entry.exclusions:
        start = i - at
        if start >= 0 and tuple(keys[start:start + len(phrase)]) == phrase:
            return True
    return False


class _Substrings:
    """Substring matching for languages written without spaces."""

    def __init__(self, terms: list[tuple[str, Term]], lang: str) -> None:
        from triglot.terms.cjk import WORDS, SubstringIndex, fold, spelling

        self.fold, self.spelling = fold, spelling
        self.by_folded: dict[str, list[_Entry]] = {}
        for concept, term in terms:
            folded = fold(term.text)
            if folded:
                self.by_folded.setdefault(folded, []).append(
                    _Entry(concept, term, (spelling(term.text),)))
        self.index = SubstringIndex(self.by_folded, WORDS.get(get_language(lang).base))

    def prepare(self) -> None:
        pass  # built whole in __init__

    def may_match(self, text: str) -> bool:
        return self.index.may_match(text)

    def scan(self, text: str) -> list[Match]:
        matches: list[Match] = []
        for start, end in self.index.hits(text):
            written = text[start:end]
            entries = self.by_folded[self.fold(written)]
            fits = [not e.term.case_sensitive or _SPACES.sub("", unicodedata.normalize(
                "NFKC", written)) == _SPACES.sub("", e.term.text) for e in entries]
            for entry in _best_per_concept(entries, [self.spelling(written)], fits):
                if not any(self._inside(text, start, end, p) for p in entry.term.exclude):
                    matches.append(Match(entry.concept, entry.term, start, end, written))
        return matches


    def _inside(self, text: str, start: int, end: int, phrase: str) -> bool:
        """Whether the match at ``start:end`` is part of an occurrence of ``phrase``."""
        folded = self.fold(phrase)
        reach = len(phrase) + 8
        around = text[max(0, start - reach):end + reach]
        return folded in self.fold(around) and self.fold(text[start:end]) in folded


def _windows(text: str, hits: list[int], before: int, after: int) -> list[tuple[int, int]]:
    """Spans of ``text`` around each hit, widened to whitespace and merged."""
    spans: list[tuple[int, int]] = []
    for hit in hits:
        start, end = max(0, hit - before), min(len(text), hit + after)
        space = text.rfind(" ", 0, start + 1)
        start = 0 if space < 0 or start == 0 else space + 1
        space = text.find(" ", end)
        end = len(text) if space < 0 else space
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _cue(word: str) -> str:
    # 3 characters survive inflection and long-vowel spelling (pool/pools, サーバ/サーバー)
    return _fold(word)[:3] if word.isascii() else _fold(word)[:2]


def _case_ok(entry: _Entry, window: list[Token]) -> bool:
    if not entry.term.case_sensitive:
        return True
    if len(entry.surfaces) != len(window):
        return False
    return all(unicodedata.normalize("NFKC", tok.text) == surface
               for tok, surface in zip(window, entry.surfaces, strict=True)
               if surface != surface.lower())
