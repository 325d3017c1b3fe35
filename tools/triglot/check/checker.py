"""The terminology checks over catalog entries and across catalogs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from triglot.check.catalogs import Entry, read_catalog
from triglot.check.codes import CHECKS, CONFIDENCE, HINT, STATUS_SEVERITY
from triglot.check.findings import Finding
from triglot.check.identifiers import identifiers, present
from triglot.check.paraphrase import Omission
from triglot.errors import TriglotError
from triglot.glossary import Concept, Termbase
from triglot.links import CODE as UNSAFE_LINK
from triglot.links import unsafe_link_message, unsafe_links
from triglot.terms.markup import visible
from triglot.terms.match import Match, TermMatcher
from triglot.textio import control_characters


class Matcher(Protocol):
    """What the checker asks of a matcher: a :class:`TermMatcher` or a cached one."""

    has_unapproved: bool

    def may_match(self, text: str) -> bool: ...

    def find(self, text: str) -> list[Match]: ...

    def find_all(self, text: str) -> list[Match]: ...


@dataclass
class _Use:
    """Which approved terms of a concept one entry uses, for the consistency check."""

    path: str
    entry: Entry
    terms: dict[str, Match]


class Checker:
    """Checks entries of catalogs in any of the termbase's languages against it."""

    def __init__(self, termbase: Termbase, severities: dict[str, str] | None = None,
                 matchers: Callable[[str], Matcher] | None = None) -> None:
        self.termbase = termbase
        self._new_matcher = matchers or (lambda lang: TermMatcher(termbase, lang))
        self.source = termbase.languages[0]
        self.severities = {code: sev for code, (sev, _) in CHECKS.items()}
        self.severities.update(severities or {})
        # a code's severity given by the caller wins over the one from a term's status
        self._fixed = set(severities or ())
        self._matchers: dict[str, Matcher] = {}
        self._source_cache: dict[str, tuple[str, list[Match]]] = {}
        self._english: dict[str, re.Pattern[str] | None] = {}
        self._uses: dict[tuple[str, str], list[_Use]] = defaultdict(list)

    def matcher(self, lang: str) -> Matcher:
        if lang not in self._matchers:
            self._matchers[lang] = self._new_matcher(lang)
        return self._matchers[lang]

    def _source_matches(self, msgid: str) -> tuple[str, list[Match]]:
        """The English as a reader sees it, and its term matches."""
        cached = self._source_cache.get(msgid)
        if cached is None:
            matcher = self.matcher(self.source)
            # most messages have no cue: their markup need not be parsed
            cached = ((shown := visible(msgid)), matcher.find(shown)) \
                if matcher.may_match(msgid) else (msgid, [])
            self._source_cache[msgid] = cached
        return cached

    def check_entry(self, entry: Entry, lang: str, path: str) -> list[Finding]:
        """Findings of one translated entry (all checks but term-inconsistent, which
        needs every catalog: see :meth:`inconsistencies`)."""
        if entry.ignored is not None and not entry.ignored:
            return []
        findings: list[Finding] = []

        def report(code: str, concept: str | None, message: str, found: str | None = None,
                   expected: str | None = None, span: tuple[int, int] | None = None,
                   confidence: float | None = None, status: str | None = None) -> None:
            if entry.ignored and code in entry.ignored:
                return
            severity = self.severities[code]
            if status in STATUS_SEVERITY and code not in self._fixed:
                severity = STATUS_SEVERITY[status]
            findings.append(Finding(path, entry.line, lang, code, severity,
                                    concept, entry.msgid, message, found, expected,
                                    entry.msgstr, span,
                                    CONFIDENCE[code] if confidence is None else confidence))

        shown_source, source_matches = self._source_matches(entry.msgid)
        uses: dict[str, list[Match]] = defaultdict(list)
        for match in source_matches:
            uses[match.concept].append(match)
        matcher = self.matcher(lang)
        # without a concept in the English only deprecated/forbidden terms can be found
        if not uses and not (matcher.has_unapproved and matcher.may_match(entry.msgstr)):
            self._check_text(entry, report)
            return findings
        shown = visible(entry.msgstr)
        target = matcher.find_all(shown)
        by_concept: dict[str, list[Match]] = defaultdict(list)
        omission = Omission(entry.msgid, shown_source, source_matches, entry.msgstr, shown,
                            target, lang, self.source)
        reported: set[tuple[str, str]] = set()
        for match in target:
            if not match.term.approved and _inside_other(match, target):
                continue  # part of another concept's longer term: that concept's words
            if omission.rendered_by_other(match):
                continue
            by_concept[match.concept].append(match)
            if not match.term.approved and (match.concept, match.term.text) not in reported:
                reported.add((match.concept, match.term.text))
                concept = self.termbase.get(match.concept)
                preferred = concept.preferred(lang) if concept else None
                fix = preferred.text if preferred else None
                report("term-forbidden", match.concept,
                       f"{match.term.status} term '{match.text}' for {match.concept}; "
                       f"use '{fix}'", match.text, fix, (match.start, match.end),
                       status=match.term.status)
        for concept_id, used in uses.items():
            concept = self.termbase.get(concept_id)
            assert concept is not None
            matches = by_concept.get(concept_id, [])
            approved = {m.term.text: m for m in matches if m.term.approved}
            if approved:
                if not any(t.do_not_translate for t in concept.terms(lang)):
                    self._uses[(lang, concept_id)].append(_Use(path, entry, approved))
                continue
            if matches:
                continue  # already reported as term-forbidden
            preferred = concept.preferred(lang)
            expected = preferred.text if preferred else None
            english = self._english_left(concept, lang, shown)
            if english is not None:
                report("term-untranslated", concept_id,
                       f"'{english.group(0)}' is left in English; translate it as "
                       f"'{expected}'", english.group(0), expected, english.span(),
                       confidence=HINT if omission.names_code(used) else None)
            else:
                report("term-missing", concept_id,
                       f"the English uses {concept_id} but the translation has none of "
                       f"its terms; expected '{expected}'", None, expected,
                       confidence=HINT if omission.legitimate(concept, used) else None)
        self._check_text(entry, report)
        return findings

    @staticmethod
    def _check_text(entry: Entry, report: Callable[..., None]) -> None:
        for ident in identifiers(entry.msgid):
            if not present(ident, entry.msgstr):
                report("identifier-missing", None, f"'{ident}' of the English is missing "
                       "from the translation", None, ident)
        found = unsafe_links(entry.msgstr)
        # only what the translation brings: a link the English has too (a literal block's
        # urn:uuid:…, a log line's INFO:name:) is the source's, warned of at its own line
        source = set(unsafe_links(entry.msgid)) if found else set()
        for uri in dict.fromkeys(uri for uri in found if uri not in source):
            report(UNSAFE_LINK, None, unsafe_link_message(uri), uri)
        controls = control_characters(entry.msgstr)
        if controls:
            report("control-character", None, f"control character {', '.join(controls)} in "
                   "the translation", ", ".join(controls))

    def definition_links(self) -> list[Finding]:
        """unsafe-link: links in the termbase's definitions, at the concept's line."""
        path = self.termbase.path or "<termbase>"
        return [Finding(path, concept.line, lang, UNSAFE_LINK, self.severities[UNSAFE_LINK],
                        concept.id, "", unsafe_link_message(uri, "definition"), uri,
                        msgstr=definition, confidence=CONFIDENCE[UNSAFE_LINK])
                for concept in self.termbase.concepts
                for lang, definition in concept.definitions.items()
                for uri in unsafe_links(definition)]

    def _english_left(self, concept: Concept, lang: str, text: str) -> re.Match[str] | None:
        key = f"{concept.id}\0{lang}"
        if key not in self._english:
            own = {t.text.casefold() for t in concept.terms(lang)}
            words = [t.text for t in concept.approved_terms(self.source)
                     if t.text.casefold() not in own]
            self._english[key] = re.compile(
                # not inside a dotted or underscored name (http.server): that is code
                r"(?<!\w)(?<!\w\.)(?:" + "|".join(r"[\s-]+".join(map(re.escape, w.split()))
                                                for w in words) + r")(?:e?s)?(?!\w|\.\w)",
                re.IGNORECASE) if words else None
        pattern = self._english[key]
        return pattern.search(text) if pattern else None

    def inconsistencies(self) -> list[Finding]:
        """term-inconsistent: entries of a language that render a concept with an approved
        term other than the one most used for it in that language."""
        findings: list[Finding] = []
        for (lang, concept_id), uses in self._uses.items():
            counts = Counter(text for use in uses for text in use.terms)
            if len(counts) < 2:
                continue
            concept = self.termbase.get(concept_id)
            preferred = concept.preferred(lang) if concept else None
            dominant = max(counts, key=lambda t: (counts[t], preferred is not None
                                                  and t == preferred.text))
            for use in uses:
                if dominant in use.terms or (use.entry.ignored is not None and (
                        not use.entry.ignored or "term-inconsistent" in use.entry.ignored)):
                    continue
                match = next(iter(use.terms.values()))
                findings.append(Finding(
                    use.path, use.entry.line, lang, "term-inconsistent",
                    self.severities["term-inconsistent"], concept_id, use.entry.msgid,
                    f"{concept_id} is '{match.text}' here but '{dominant}' in "
                    f"{counts[dominant]} other entr{'y' if counts[dominant] == 1 else 'ies'}",
                    match.text, dominant, use.entry.msgstr, (match.start, match.end),
                    CONFIDENCE["term-inconsistent"]))
        return findings

    def check_catalog(self, path: str | Path) -> list[Finding]:
        language, entries = read_catalog(path)
        if language not in self.termbase.languages[1:]:
            raise TriglotError(f"catalog language {language!r} is not a target language of "
                               f"the termbase ({', '.join(self.termbase.languages[1:])})",
                               path=path)
        findings: list[Finding] = []
        for entry in entries:
            findings.extend(self.check_entry(entry, language, str(path)))
        return findings


def _inside_other(match: Match, matches: list[Match]) -> bool:
    """Whether a longer match of another concept contains this one: a longer concept
    takes the words it contains (ディスクリプタ of ファイルディスクリプタ)."""
    return any(o.concept != match.concept and o.start <= match.start and match.end <= o.end
               and o.end - o.start > match.end - match.start for o in matches)


def iter_findings(paths: Iterable[str | Path], termbase: Termbase,
                  severities: dict[str, str] | None = None,
                  matchers: Callable[[str], Matcher] | None = None) -> Iterator[Finding]:
    """Check every catalog against the termbase, giving each catalog's findings (by line)
    as soon as it is checked, then term-inconsistent, which needs them all, and the
    termbase's unsafe links: a caller that writes them out holds none for long.

    ``matchers(lang)`` gives the matcher of a language (default: a new
    :class:`TermMatcher`)."""
    checker = Checker(termbase, severities, matchers)
    for path in paths:
        yield from sorted(checker.check_catalog(path), key=_order)
    yield from sorted(checker.inconsistencies(), key=_order)
    yield from checker.definition_links()


def check_catalogs(paths: Iterable[str | Path], termbase: Termbase,
                   severities: dict[str, str] | None = None,
                   matchers: Callable[[str], Matcher] | None = None) -> list[Finding]:
    """The findings of :func:`iter_findings`, sorted by path and line."""
    return sorted(iter_findings(paths, termbase, severities, matchers),
                  key=lambda f: (f.path, *_order(f)))


def _order(finding: Finding) -> tuple[int, str, str]:
    return finding.line or 0, finding.code, finding.concept or ""
