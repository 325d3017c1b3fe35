"""The termbase: concepts, each with a definition and terms per language, and its rules."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from triglot.errors import TriglotError
from triglot.languages import get_language
from triglot.textio import control_characters

STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
# TBX-Basic's partOfSpeech values
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
APPROVED = frozenset({"preferred", "admitted"})
#: A termbase file larger than this is refused before it is parsed (the largest public
#: termbases, a language's Microsoft Terminology Collection, are a third of it).
MAX_TERMBASE_BYTES = 64 * 2**20


@dataclass(frozen=True)
class Term:
    """One rendering of a concept in one language.

    >>> Term("pool de aplicativos").approved, Term("canal nomeado", "deprecated").approved
    (True, False)
    """

    text: str
    status: str = "preferred"
    pos: str | None = None
    case_sensitive: bool = False
    do_not_translate: bool = False
    note: str | None = None
    # phrases of the term's language in which the term is not this concept ("for instance")
    exclude: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)

    @property
    def approved(self) -> bool:
        return self.status in APPROVED


@dataclass
class Concept:
    """One concept: an id, a definition and terms per language."""

    id: str
    definitions: dict[str, str] = field(default_factory=dict)
    terms_by_lang: dict[str, list[Term]] = field(default_factory=dict)
    note: str | None = None
    line: int | None = field(default=None, compare=False)

    def definition(self, lang: str) -> str | None:
        return self.definitions.get(lang)

    def terms(self, lang: str) -> list[Term]:
        return list(self.terms_by_lang.get(lang, ()))

    def preferred(self, lang: str) -> Term | None:
        return next((t for t in self.terms_by_lang.get(lang, ()) if t.status == "preferred"), None)

    def approved_terms(self, lang: str) -> list[Term]:
        return [t for t in self.terms_by_lang.get(lang, ()) if t.approved]


@dataclass
class Termbase:
    """A validated set of concepts over a fixed tuple of catalog languages."""

    languages: tuple[str, ...]
    concepts: list[Concept]
    path: str | None = None

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.concepts}

    def get(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    def term_pairs(self, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
        """Every (source, target) pair of approved terms of one concept, for a lexicon."""
        pairs: list[tuple[str, str]] = []
        for concept in self.concepts:
            for src in concept.approved_terms(source_lang):
                pairs.extend((src.text, tgt.text) for tgt in concept.approved_terms(target_lang))
        return pairs


def _only_punctuation(text: str) -> bool:
    return not any(unicodedata.category(ch)[0] in "LN" for ch in text)


def validate(termbase: Termbase) -> Termbase:
    """Check the termbase's rules; the first broken one raises TriglotError with its line."""
    path = termbase.path
    for lang in termbase.languages:
        try:
            code = get_language(lang).code
        except TriglotError as exc:
            raise TriglotError(exc.message, path=path) from None
        if code != lang:  # terms are keyed by the catalog code, as the catalogs are
            raise TriglotError(f"language {lang!r}: write it {code!r}, as the catalogs do",
                               path=path)
    seen_ids: dict[str, Concept] = {}
    for concept in termbase.concepts:
        where: dict[str, Any] = {"path": path, "line": concept.line}
        if not concept.id or not concept.id.strip():
            raise TriglotError("concept without an id", **where)
        _no_controls(concept.id, f"concept id {concept.id!r}", where)
        if concept.id in seen_ids:
            first = seen_ids[concept.id].line
            raise TriglotError(f"duplicate concept id {concept.id!r} (first at line {first})",
                               **where)
        seen_ids[concept.id] = concept
        _no_controls(concept.note, f"concept {concept.id!r}: the note", where)
        for lang, definition in concept.definitions.items():
            _no_controls(definition, f"concept {concept.id!r}: the {lang} definition", where)
        for lang in set(concept.terms_by_lang) | set(concept.definitions):
            if lang not in termbase.languages:
                raise TriglotError(f"concept {concept.id!r}: unknown language {lang!r} "
                                   f"(termbase languages: {', '.join(termbase.languages)})",
                                   **where)
        for lang in termbase.languages:
            terms = concept.terms_by_lang.get(lang, [])
            for term in terms:
                _validate_term(term, concept, lang, path)
            if not any(t.status == "preferred" for t in terms):
                raise TriglotError(f"concept {concept.id!r} has no preferred term in {lang}",
                                   **where)
    return termbase


def _no_controls(text: str | None, what: str, where: dict[str, Any]) -> None:
    """A control character is an error: no reader sees it, TBX cannot carry it."""
    found = control_characters(text or "")
    if found:
        raise TriglotError(f"{what} holds the control character {', '.join(found)}", **where)


def _validate_term(term: Term, concept: Concept, lang: str, path: str | None) -> None:
    """One term's rules. A term may belong to several concepts (引数 renders both
    *argument* and *parameter*): each of them is matched where it occurs."""
    where: dict[str, Any] = {"path": path, "line": term.line or concept.line}
    for text in (term.text, term.note, *term.exclude):
        _no_controls(text, f"concept {concept.id!r}: the {lang} term {term.text!r}", where)
    if term.status not in STATUSES:
        raise TriglotError(f"concept {concept.id!r}: unknown status {term.status!r} "
                           f"(use one of {', '.join(STATUSES)})", **where)
    if not term.text.strip():
        raise TriglotError(f"concept {concept.id!r}: empty {lang} term", **where)
    if _only_punctuation(term.text):
        raise TriglotError(f"concept {concept.id!r}: {lang} term {term.text!r} is only "
                           "punctuation", **where)
    if term.pos is not None and term.pos not in PARTS_OF_SPEECH:
        raise TriglotError(f"concept {concept.id!r}: {lang} term {term.text!r} has an "
                           f"unknown part of speech {term.pos!r} (use one of "
                           f"{', '.join(PARTS_OF_SPEECH)})", **where)
    for phrase in term.exclude:
        if term.text.casefold() not in phrase.casefold():
            raise TriglotError(f"concept {concept.id!r}: exclusion {phrase!r} of the {lang} "
                               f"term {term.text!r} does not contain the term", **where)
