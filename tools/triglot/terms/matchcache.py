"""Term matches kept between builds, so that text already matched is not analysed again.

Loading an analyzer costs about a second (spaCy's import, a lemma table), while a rebuild
usually sees the same catalog entries and paragraphs as the last build. A
:class:`MatchCache` answers :meth:`TermMatcher.find <triglot.terms.match.TermMatcher.find>`
for texts it has seen, keyed by language, the language's terms and the analysis code and
data installed (see :func:`fingerprint`), and builds the real matcher (and so the
analyzer) only on a miss.

Each result is recorded under an *owner* (the terminology check, one document...): when
saved, an owner's results are those it used in this run, and the owners that did not run
keep theirs, so the file holds no more than what the last run of each owner needed.
An unreadable or foreign file is an empty cache.

>>> from triglot.glossary import Concept, Term, Termbase
>>> tb = Termbase(("en",), [Concept("pool", terms_by_lang={"en": [Term("app pool")]})])
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "matches.pickle"
>>> cache = MatchCache(path)
>>> [m.text for m in cache.matcher(tb, "en", "doc").find("Two App-Pools run.")]
['App-Pools']
>>> cache.save(keep=lambda owner: True)
>>> again = MatchCache(path).matcher(tb, "en", "doc")
>>> [m.text for m in again.find("Two App-Pools run.")], again.misses
(['App-Pools'], 0)
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from triglot.glossary import Termbase
from triglot.terms.match import Match, TermMatcher
from triglot.textio import write_atomic

FORMAT = 2
# What the matches depend on besides the terms: the analysis code and its packages.
_CODE = ("analyze.py", "cjk.py", "lemmas.py", "match.py", "trie.py", "usage.py")
_PACKAGES = ("spacy", "spacy_lookups_data", "sudachipy", "sudachidict_core")

# concept, the term's index among its terms, start, end, verbal
Row = tuple[str, int, int, int, bool]
_ALL = "\0all\0"  # key prefix of find_all's results
Section = tuple[str, str]  # language, fingerprint
Owners = dict[str, dict[Section, dict[str, tuple[Row, ...]]]]

_SOFTWARE: list[bytes] = []


def _software() -> bytes:
    """The analysis code's text and the installed packages' (path, size, mtime)."""
    if not _SOFTWARE:
        here = Path(__file__).parent
        parts = [(here / name).read_bytes() for name in _CODE]
        for package in _PACKAGES:
            spec = importlib.util.find_spec(package)
            origin = spec.origin if spec and spec.origin else None
            stat = os.stat(origin) if origin else None
            parts.append(repr((origin, stat and stat.st_size, stat and stat.st_mtime_ns))
                         .encode())
        _SOFTWARE.append(hashlib.sha256(b"\0".join(parts)).digest())
    return _SOFTWARE[0]


def fingerprint(termbase: Termbase, lang: str) -> str:
    """What matching text of ``lang`` depends on: that language's terms, the code, the
    packages."""
    terms = [(c.id, c.terms_by_lang.get(lang, [])) for c in termbase.concepts]
    digest = hashlib.sha256(repr((FORMAT, lang, terms)).encode())
    digest.update(_software())
    return digest.hexdigest()


_LIVE: dict[str, tuple[Termbase, TermMatcher]] = {}


def live_matcher(termbase: Termbase, lang: str) -> TermMatcher:
    """One real matcher per language and process (loading the analyzer takes seconds)."""
    cached = _LIVE.get(lang)
    if cached is None or cached[0] is not termbase:
        cached = _LIVE[lang] = (termbase, TermMatcher(termbase, lang))
    return cached[1]


class CachedMatcher:
    """A :class:`TermMatcher` look-alike answering from the cache, and from the real
    matcher (built on the first miss) otherwise."""

    def __init__(self, termbase: Termbase, lang: str, known: dict[str, tuple[Row, ...]],
                 used: dict[str, tuple[Row, ...]]) -> None:
        self.termbase, self.lang = termbase, lang
        self.known, self.used = known, used
        self.misses = 0
        # the checker's shortcut; an unapproved term that is not indexed changes nothing
        self.has_unapproved = any(not t.approved for c in termbase.concepts
                                  for t in c.terms_by_lang.get(lang, ()))

    def may_match(self, text: str) -> bool:
        # the live matcher's cue test needs no analyzer (spaCy is loaded on a miss only)
        return live_matcher(self.termbase, self.lang).may_match(text)

    def find(self, text: str) -> list[Match]:
        return self._answer(text, text, TermMatcher.find)

    def find_all(self, text: str) -> list[Match]:
        return self._answer(_ALL + text, text, TermMatcher.find_all)

    def _answer(self, key: str, text: str,
                method: Callable[[TermMatcher, str], list[Match]]) -> list[Match]:
        rows = self.known.get(key)
        if rows is None:
            self.misses += 1
            live = live_matcher(self.termbase, self.lang)
            rows = self.known[key] = tuple(self._row(m) for m in method(live, text))
        self.used[key] = rows
        matches = []
        for concept_id, index, start, end, verbal in rows:
            concept = self.termbase.get(concept_id)
            assert concept is not None  # the fingerprint covers every concept and term
            matches.append(Match(concept_id, concept.terms_by_lang[self.lang][index], start,
                                 end, text[start:end], verbal))
        return matches

    def _row(self, match: Match) -> Row:
        concept = self.termbase.get(match.concept)
        assert concept is not None
        return (match.concept, concept.terms_by_lang[self.lang].index(match.term), match.start,
                match.end, match.verbal)


class MatchCache:
    """The matches of one build folder, loaded from and saved to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old = _load(path)
        self.fresh: Owners = {}
        self.known: dict[Section, dict[str, tuple[Row, ...]]] = {}
        for sections in self.old.values():
            for section, rows in sections.items():
                self.known.setdefault(section, {}).update(rows)
        self._fingerprints: dict[tuple[int, str], str] = {}

    def matcher(self, termbase: Termbase, lang: str, owner: str) -> CachedMatcher:
        """A matcher of ``lang`` whose results are recorded as used by ``owner``."""
        key = (id(termbase), lang)
        if key not in self._fingerprints:
            self._fingerprints[key] = fingerprint(termbase, lang)
        section = (lang, self._fingerprints[key])
        return CachedMatcher(termbase, lang, self.known.setdefault(section, {}),
                             self.fresh.setdefault(owner, {}).setdefault(section, {}))

    def save(self, keep: Callable[[str], bool]) -> None:
        """Write what each owner used in this run, and what the owners that did not run
        used before if ``keep(owner)``; nothing when that is what the file holds."""
        owners = {owner: sections for owner, sections in self.old.items()
                  if owner not in self.fresh and keep(owner)}
        owners.update(self.fresh)
        owners = {owner: kept for owner, sections in owners.items()
                  if (kept := {s: rows for s, rows in sections.items() if rows})}
        if owners != self.old:
            write_atomic(self.path, pickle.dumps({"format": FORMAT, "owners": owners},
                                                 pickle.HIGHEST_PROTOCOL))
            self.old = owners
        self.fresh = {}


def _load(path: Path) -> Owners:
    try:
        with open(path, "rb") as stream:
            data = pickle.load(stream)
    except Exception:  # noqa: BLE001 (missing, truncated, garbage: any of them is empty)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    owners = data.get("owners")
    return owners if isinstance(owners, dict) else {}
