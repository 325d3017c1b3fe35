"""The project's termbase as the extension sees it: loaded once per build process, and
what each document depends on in it.

A page depends on the entries it uses, not on the termbase file: while a document is
read, the features that use the termbase note the concepts they use (its term links, its
diagrams' labels) and the texts matched against the terms (:func:`note_concepts`,
:func:`note_matched_texts`); the document keeps a digest of each concept it uses. When
the termbase changes, ``env-get-outdated`` reads again only the documents that use a
concept whose digest moved (edited or removed), and those whose recorded text a new or
changed concept now matches; the other pages are left as they are. A generated page that
shows the whole termbase asks :func:`changed_concepts`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.errors import ExtensionError

from triglot.errors import TriglotError
from triglot.sphinxext.core.filecache import per_file
from triglot.sphinxext.core.site import page_language
from triglot.sphinxext.core.state import PerBuild, PerDocument

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from triglot.glossary import Concept, Termbase


class TermbaseError(ExtensionError):
    category = "triglot termbase error"


@per_file
def read_termbase(path: str) -> Termbase:
    """The termbase at ``path``, read once per process and file version."""
    from triglot.glossary import load_termbase

    return load_termbase(path)


def termbase_for(env: BuildEnvironment) -> Termbase:
    """The termbase named by ``triglot_glossary`` (made absolute when the config is read)."""
    if not env.config.triglot_glossary:
        raise TermbaseError("no termbase: set triglot_glossary in conf.py")
    path = Path(env.config.triglot_glossary)
    try:
        return read_termbase(path)
    except FileNotFoundError:
        raise TermbaseError(f"{path}: no such file (triglot_glossary in conf.py)") from None
    except TriglotError as exc:
        raise TermbaseError(str(exc)) from None


@cache
def _fields(cls: type) -> tuple[str, ...]:
    # the fields a dataclass compares: not the line an entry starts at (an entry moved by
    # an edit above it is the same entry)
    return tuple(f.name for f in dataclasses.fields(cls) if f.compare)


def _plain(value: Any) -> Any:
    return sorted(value.items()) if isinstance(value, dict) else value


def concept_digest(concept: Concept) -> str:
    """A digest of everything ``concept`` says: its terms in every language, definitions
    and note.

    >>> from triglot.glossary import Concept, Term
    >>> a = Concept("pool", {"en": "A set."}, {"en": [Term("app pool", line=3)]}, line=2)
    >>> b = Concept("pool", {"en": "A set."}, {"en": [Term("app pool", line=9)]}, line=8)
    >>> c = Concept("pool", {"en": "Processes."}, {"en": [Term("app pool")]})
    >>> concept_digest(a) == concept_digest(b), concept_digest(a) == concept_digest(c)
    (True, False)
    """
    from triglot.glossary import Concept, Term

    terms = sorted((lang, [[getattr(term, name) for name in _fields(Term)] for term in listed])
                   for lang, listed in concept.terms_by_lang.items())
    data = [terms, *(_plain(getattr(concept, name)) for name in _fields(Concept)
                     if name != "terms_by_lang")]
    return hashlib.sha1(repr(data).encode("utf-8")).hexdigest()


_DIGESTS: dict[int, tuple[Termbase, dict[str, str]]] = {}


def concept_digests(termbase: Termbase) -> dict[str, str]:
    """Each concept's digest, by id (worked out once per termbase read)."""
    cached = _DIGESTS.get(id(termbase))
    if cached is None or cached[0] is not termbase:
        _DIGESTS.clear()  # one termbase per process at a time: no stale versions kept
        cached = _DIGESTS[id(termbase)] = (
            termbase, {c.id: concept_digest(c) for c in termbase.concepts})
    return cached[1]


class TermbaseUse(NamedTuple):
    """What a document depends on in the termbase: the digest of each concept it uses
    (``""`` for one it names that the termbase lacks), and the texts matched against the
    terms of its language."""

    concepts: dict[str, str]
    texts: list[str]


USES: PerDocument[TermbaseUse] = PerDocument("triglot_termbase_uses")


def _use(env: BuildEnvironment) -> TermbaseUse:
    return USES.of(env).setdefault(env.docname, TermbaseUse({}, []))


def note_concepts(env: BuildEnvironment, concept_ids: Iterable[str]) -> None:
    """Note that the document being read uses ``concept_ids``: it is read again when
    one of them changes, is removed or is added."""
    if not env.config.triglot_glossary:
        return
    digests = concept_digests(termbase_for(env))
    _use(env).concepts.update((cid, digests.get(cid, "")) for cid in concept_ids)


def note_matched_texts(env: BuildEnvironment, texts: Iterable[str]) -> None:
    """Note that ``texts`` of the document being read were matched against the terms of
    its language: it is read again when a new or changed concept matches one of them."""
    _use(env).texts.extend(texts)


# The termbase file's digest and its concepts' digests, as the last build read them.
_STATE = "triglot_termbase_state"
# The concepts this build finds changed, added or removed since the last one.
_CHANGED: PerBuild[set[str]] = PerBuild(lambda app: set())


def changed_concepts(app: Sphinx) -> set[str]:
    """The ids of the concepts changed, added or removed since the last build."""
    return _CHANGED.of(app)


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha1(handle.read()).hexdigest()
    except OSError:
        return ""  # termbase_for says why, when a document needs the termbase


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> list[str]:
    if not env.config.triglot_glossary:
        return []
    file_digest = _file_digest(env.config.triglot_glossary)
    before: tuple[str, dict[str, str]] = getattr(env, _STATE, ("", {}))
    if file_digest == before[0]:
        return []
    known = env.found_docs - added - changed - removed
    uses = {docname: use for docname, use in USES.of(env).items() if docname in known}
    try:
        digests = concept_digests(termbase_for(env))
    except TermbaseError:
        # unreadable: any entry may have changed; the documents that use the termbase are
        # read again and report the error where they use it
        _CHANGED.of(app).update(before[1])
        return sorted(uses)
    setattr(env, _STATE, (file_digest, digests))
    moved = {cid for cid in digests.keys() | before[1].keys()
             if digests.get(cid) != before[1].get(cid)}
    _CHANGED.of(app).update(moved)
    if not moved:
        return []
    matcher: Any = None
    outdated = []
    for docname, use in sorted(uses.items()):
        if any(digests.get(cid, "") != digest for cid, digest in use.concepts.items()):
            outdated.append(docname)
            continue
        if use.texts and matcher is None:
            from triglot.terms.match import TermMatcher

            matcher = TermMatcher(termbase_for(env), page_language(env.config).code,
                                  concepts=moved & digests.keys())
        if any(matcher.may_match(text) and matcher.find_all(text) for text in use.texts):
            outdated.append(docname)
    return outdated


def setup(app: Sphinx) -> None:
    USES.connect(app)
    app.connect("env-get-outdated", _outdated)
