"""Where each glossary concept is used, and which documents hold the glossary: recorded
while documents are read, kept in the environment so the glossary page can link back to
every paragraph.

``env.triglot_term_uses`` maps a concept id to the sorted list of its
:class:`TermUse`; reading a document replaces that document's uses, and parallel reads
merge theirs, so the lists are the same whatever the order or number of processes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class TermUse(NamedTuple):
    """One paragraph that uses a concept, with the text around its first term."""

    docname: str
    number: int  # the paragraph's position among the document's anchored paragraphs (1-)
    anchor: str
    before: str
    term: str
    after: str


def term_uses(env: BuildEnvironment) -> dict[str, list[TermUse]]:
    if not hasattr(env, "triglot_term_uses"):
        env.triglot_term_uses = {}  # type: ignore[attr-defined]
    return env.triglot_term_uses  # type: ignore[attr-defined]


def glossary_docs(env: BuildEnvironment) -> set[str]:
    """The documents that hold a generated glossary."""
    if not hasattr(env, "triglot_glossary_docs"):
        env.triglot_glossary_docs = set()  # type: ignore[attr-defined]
    return env.triglot_glossary_docs  # type: ignore[attr-defined]


def add_uses(env: BuildEnvironment, uses: dict[str, list[TermUse]]) -> None:
    store = term_uses(env)
    for concept, found in uses.items():
        store[concept] = sorted({*store.get(concept, ()), *found})


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    glossary_docs(env).discard(docname)
    store = term_uses(env)
    for concept in list(store):
        kept = [use for use in store[concept] if use.docname != docname]
        if kept:
            store[concept] = kept
        else:
            del store[concept]


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str],
           other: BuildEnvironment) -> None:
    glossary_docs(env).update(glossary_docs(other) & set(docnames))
    add_uses(env, {concept: [use for use in uses if use.docname in docnames]
                   for concept, uses in term_uses(other).items()})


def setup(app: Sphinx) -> None:
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
