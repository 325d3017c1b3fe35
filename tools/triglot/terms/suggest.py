"""Candidate terms the glossary lacks: frequent English word sequences of the catalogs,
each with the target word sequence that co-occurs with it most (Dice coefficient)."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from triglot.glossary import Termbase
from triglot.terms.analyze import Token, analyzer
from triglot.terms.match import TermMatcher

# Function words never start or end a candidate; the spaCy stop lists are per language.
_MAX_WORDS = 3


@dataclass(frozen=True)
class Suggestion:
    text: str
    count: int
    rendering: str | None
    score: float


def _ngrams(tokens: Sequence[Token], text: str, stop: set[str], max_words: int
            ) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    words = [t for t in tokens if any(ch.isalpha() for ch in t.text)]
    for i in range(len(words)):
        for size in range(1, max_words + 1):
            window = words[i:i + size]
            if (len(window) < size or window[0].text.lower() in stop
                    or window[-1].text.lower() in stop):
                continue
            # a candidate never spans punctuation: its tokens must be adjacent in the text
            gaps = [text[a.end:b.start] for a, b in itertools.pairwise(window)]
            if any(gap.strip() for gap in gaps):
                continue
            out.setdefault(tuple(t.key for t in window), text[window[0].start:window[-1].end])
    return out


def suggest(pairs: Sequence[tuple[str, str]], termbase: Termbase, lang: str,
            limit: int = 30, min_count: int = 2) -> list[Suggestion]:
    """Rank English candidates by frequency x length, skipping what the glossary has."""
    from triglot.terms.spacy_import import import_spacy

    spacy = import_spacy()
    source = termbase.languages[0]
    known = TermMatcher(termbase, source)
    stops = {source: set(spacy.blank(analyzer(source).language.base).Defaults.stop_words),
             lang: set(spacy.blank(analyzer(lang).language.base).Defaults.stop_words)}
    src_docs: dict[tuple[str, ...], set[int]] = defaultdict(set)
    tgt_docs: dict[tuple[str, ...], set[int]] = defaultdict(set)
    surface: dict[tuple[str, ...], str] = {}
    tgt_surface: dict[tuple[str, ...], str] = {}
    for index, (msgid, msgstr) in enumerate(pairs):
        covered = {(m.start, m.end) for m in known.find(msgid)}
        tokens = [t for t in analyzer(source).tokens(msgid)
                  if not any(a <= t.start < b for a, b in covered)]
        for key, text in _ngrams(tokens, msgid, stops[source], _MAX_WORDS).items():
            src_docs[key].add(index)
            surface.setdefault(key, text)
        for key, text in _ngrams(analyzer(lang).tokens(msgstr), msgstr, stops[lang],
                                 _MAX_WORDS).items():
            tgt_docs[key].add(index)
            tgt_surface.setdefault(key, text)
    ranked = Counter({key: len(docs) * len(key) for key, docs in src_docs.items()
                      if len(docs) >= min_count})
    out = []
    for key, score in ranked.most_common(limit):
        docs = src_docs[key]
        best, dice = None, 0.0
        for tkey, tdocs in tgt_docs.items():
            shared = len(docs & tdocs)
            if shared:
                value = 2 * shared / (len(docs) + len(tdocs))
                if value > dice:
                    best, dice = tkey, value
        out.append(Suggestion(surface[key], len(docs), tgt_surface[best] if best else None,
                              round(score * dice, 3)))
    return out
