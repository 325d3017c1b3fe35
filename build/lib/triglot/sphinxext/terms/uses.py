"""Where each glossary concept is used, and which documents hold the glossary: recorded
per document while it is read (:class:`~triglot.sphinxext.core.state.PerDocument`), so the
glossary page can link back to every paragraph.

Reading a document replaces that document's uses, and parallel reads merge theirs, so
:func:`term_uses` is the same whatever the order or number of processes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from triglot.sphinxext.core.state import PerDocument

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


# Each document's uses, by concept; and the documents that hold a generated glossary.
USES: PerDocument[dict[str, list[TermUse]]] = PerDocument("triglot_term_uses")
GLOSSARIES: PerDocument[bool] = PerDocument("triglot_glossary_docs")


def term_uses(env: BuildEnvironment) -> dict[str, list[TermUse]]:
    """Every document's uses of each concept, sorted."""
    found: dict[str, list[TermUse]] = {}
    for uses in USES.of(env).values():
        for concept, listed in uses.items():
            found.setdefault(concept, []).extend(listed)
    return {concept: sorted(listed) for concept, listed in found.items()}


def glossary_docs(env: BuildEnvironment) -> set[str]:
    """The documents that hold a generated glossary."""
    return set(GLOSSARIES.of(env))


def setup(app: Sphinx) -> None:
    USES.connect(app)
    GLOSSARIES.connect(app)
