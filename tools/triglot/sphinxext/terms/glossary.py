"""``.. triglot-glossary::`` — the glossary page, generated from the termbase.

Each language's site gets the glossary in its own language: the concept's approved terms
become Sphinx glossary terms (so ``:term:`` and the index work), followed by the
definition, the concept's terms in the other languages and back-links to the paragraphs
that use it (:mod:`triglot.sphinxext.terms.backlinks`). Every entry's anchor is
``term-<concept id>`` in all languages, so links between the sites land on the same entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from triglot.languages import get_language
from triglot.links import CODE as UNSAFE_LINK
from triglot.links import unsafe_link_message, unsafe_links
from triglot.sphinxext.core.locations import file_location
from triglot.sphinxext.core.termbase import termbase_for
from triglot.sphinxext.terms.backlinks import triglot_backlinks

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from triglot.glossary import Concept


logger = logging.getLogger(__name__)


def concept_anchor(concept_id: str) -> str:
    return f"term-{concept_id}"


def _untranslatable(node: nodes.Element) -> nodes.Element:
    # Generated from the termbase, not from the reST: Sphinx must not extract or translate it.
    node["translatable"] = False
    return node


class GlossaryDirective(SphinxDirective):
    """Render every concept of the termbase in the page's language."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        termbase = termbase_for(self.env)
        language = self.env.config.language or "en"
        languages = list(self.env.config.triglot_languages)
        self.env.note_dependency(self.env.config.triglot_glossary)

        def sort_key(concept: Concept) -> str:
            term = concept.preferred(language) or concept.preferred(languages[0])
            return (term.text if term else concept.id).casefold()

        items = nodes.definition_list(classes=["glossary", "triglot-glossary"])
        for concept in sorted(termbase.concepts, key=sort_key):
            items += self._entry(concept, language, languages)
        glossary = addnodes.glossary(sorted=False)
        glossary += items
        return [glossary]

    def _entry(self, concept: Concept, language: str,
               languages: list[str]) -> nodes.definition_list_item:
        source, line = self.get_source_info()
        item = nodes.definition_list_item()
        approved = [t for t in concept.terms(language) if t.approved]
        source_term = concept.preferred(languages[0])
        if not approved and source_term:
            approved = [source_term]
        for index, term in enumerate(approved):
            node_id = concept_anchor(concept.id) if index == 0 else None
            term_node = make_glossary_term(self.env, [nodes.Text(term.text)], None, source, line,
                                           node_id, self.state.document)
            item += _untranslatable(term_node)
        body = nodes.definition()
        definition = concept.definition(language)
        if definition:  # plain text: a link in it is never one, but is reported
            body += _untranslatable(nodes.paragraph(definition, definition))
            for uri in unsafe_links(definition):
                logger.warning("%s", unsafe_link_message(uri, "definition"), type="triglot",
                               subtype=UNSAFE_LINK, location=file_location(
                                   termbase_for(self.env).path or "<termbase>", concept.line))
        body += self._other_languages(concept, language, languages)
        avoid = [t.text for t in concept.terms(language) if not t.approved]
        if avoid:
            para = nodes.paragraph(classes=["triglot-avoid"])
            para += nodes.strong(text="✗ ")
            para += nodes.Text(", ".join(avoid))
            body += _untranslatable(para)
        body += triglot_backlinks(concept=concept.id)
        item += body
        return item

    def _other_languages(self, concept: Concept, language: str,
                         languages: list[str]) -> nodes.Element:
        para = nodes.paragraph(classes=["triglot-term-translations"])
        for code in languages:
            term = concept.preferred(code)
            if code == language or term is None:
                continue
            lang = get_language(code)
            if len(para):
                para += nodes.Text(" · ")
            para += nodes.emphasis(text=f"{lang.name}: ")
            para += nodes.inline(term.text, term.text, classes=[f"language-{lang.tag}"])
        return _untranslatable(para)


def setup(app: Sphinx) -> None:
    app.add_directive("triglot-glossary", GlossaryDirective)
