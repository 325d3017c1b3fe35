"""Find a termbase's terms in text: token boundaries only, longest match first.

Terms and text go through the same :mod:`triglot.terms.analyze` keys, so inflection,
case, spacing and hyphenation do not matter, except for case-sensitive terms, whose
tokens written with capitals must appear exactly so ("COM" is not Portuguese "com").
When several terms share the same keys (Portuguese "pipe nomeado" / "pipe nomeada" both
lemmatize to "pipe nomear"), the one closest to the written form wins.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from triglot.glossary import Term, Termbase
from triglot.terms.analyze import Token, analyzer


@dataclass(frozen=True, slots=True)
class Match:
    concept: str
    term: Term
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Entry:
    concept: str
    term: Term
    surfaces: tuple[str, ...]


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
        self.analyzer = analyzer(lang)
        wanted = None if concepts is None else set(concepts)
        self.index: dict[tuple[str, ...], list[_Entry]] = {}
        for concept in termbase.concepts:
            if wanted is not None and concept.id not in wanted:
                continue
            for term in concept.terms(lang):
                tokens = self.analyzer.tokens(term.text)
                if not tokens:
                    continue
                keys = tuple(t.key for t in tokens)
                entry = _Entry(concept.id, term, tuple(t.text for t in tokens))
                self.index.setdefault(keys, []).append(entry)
        self.longest = max((len(k) for k in self.index), default=0)
        self.first_keys = frozenset(k[0] for k in self.index)
        self.has_unapproved = any(not e.term.approved for es in self.index.values()
                                  for e in es)
        # A cheap pre-test: a text that contains no term's first few letters (as written
        # or normalized) cannot match, and is not tokenized at all.
        cues = {_cue(text) for keys, entries in self.index.items()
                for text in (keys[0], *(e.surfaces[0] for e in entries))}
        self.margin = 24 + max((len(e.term.text) for es in self.index.values() for e in es),
                               default=0)
        self.cue = re.compile("|".join(map(re.escape, sorted(cues)))) if cues else None

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, left to right, the longest at each position."""
        if self.cue is None:
            return []
        folded = _fold(text)
        hits = [m.start() for m in self.cue.finditer(folded)]
        if not hits:
            return []
        if len(folded) != len(text):  # normalization moved offsets: analyse everything
            return self._find(text, self.analyzer.tokens(text))
        # Analyse only windows around the cues, cut at spaces, not the whole paragraph.
        matches: list[Match] = []
        for start, end in _windows(text, hits, self.margin):
            matches.extend(m for m in self._find(text, [
                Token(t.key, t.text, t.start + start, t.end + start)
                for t in self.analyzer.tokens(text[start:end])]))
        return matches

    def _find(self, text: str, tokens: list[Token]) -> list[Match]:
        matches: list[Match] = []
        i, n = 0, len(tokens)
        while i < n:
            length = 0
            if tokens[i].key in self.first_keys:
                for size in range(min(self.longest, n - i), 0, -1):
                    window = tokens[i:i + size]
                    entries = self.index.get(tuple(t.key for t in window))
                    best = _best(entries, window) if entries else None
                    if best is not None:
                        start, end = window[0].start, window[-1].end
                        matches.append(Match(best.concept, best.term, start, end,
                                             text[start:end]))
                        length = size
                        break
            i += length or 1
        return matches


def _windows(text: str, hits: list[int], margin: int) -> list[tuple[int, int]]:
    """Spans of ``text`` around each hit, widened to whitespace and merged."""
    spans: list[tuple[int, int]] = []
    for hit in hits:
        start, end = max(0, hit - margin), min(len(text), hit + margin)
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
    return all(unicodedata.normalize("NFKC", tok.text) == surface
               for tok, surface in zip(window, entry.surfaces, strict=True)
               if surface != surface.lower())


def _best(entries: list[_Entry], window: list[Token]) -> _Entry | None:
    candidates = [e for e in entries if _case_ok(e, window)]
    if not candidates:
        return None
    written = [t.text.casefold() for t in window]

    def closeness(entry: _Entry) -> tuple[int, int, int]:
        surfaces = [s.casefold() for s in entry.surfaces]
        shared = sum(len(os.path.commonprefix([a, b])) for a, b in zip(written, surfaces,
                                                                         strict=True))
        return (surfaces == written, shared, entry.term.approved)

    return max(candidates, key=closeness)
