"""Terms in the text linked to their glossary entry, in every language, with the
definition as the link's tooltip — no ``:term:`` markup needed in sources or catalogs.

Matching uses the project's term matcher (:class:`triglot.terms.match.TermMatcher`) on
the page's language, after the translation has replaced the text. The first occurrence
of each concept in a paragraph is linked to ``<glossary page>#term-<concept id>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from triglot.sphinxext.glossary_page import concept_anchor
from triglot.sphinxext.paragraphs import anchored_paragraphs
from triglot.sphinxext.sitehtml import is_html, page_language, site_languages, triglot_html
from triglot.sphinxext.termbase import termbase_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from triglot.glossary import Termbase
    from triglot.terms.match import TermMatcher

# Text inside these is code, a link already, or page furniture: never linked.
SKIP = (nodes.reference, nodes.literal, nodes.FixedTextElement, nodes.raw, nodes.title,
        addnodes.pending_xref, triglot_html)


_MATCHERS: dict[str, tuple[Termbase, TermMatcher]] = {}


def _matcher(termbase: Termbase, lang: str) -> TermMatcher:
    """One matcher per language and build process (loading the analyzer takes seconds)."""
    from triglot.terms.match import TermMatcher

    cached = _MATCHERS.get(lang)
    if cached is None or cached[0] is not termbase:
        cached = _MATCHERS[lang] = (termbase, TermMatcher(termbase, lang))
    return cached[1]


def _glossary_docs(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "triglot_glossary_docs"):
        env.triglot_glossary_docs = set()  # type: ignore[attr-defined]
    return env.triglot_glossary_docs  # type: ignore[attr-defined]


def _note_glossary(app: Sphinx, doctree: nodes.document) -> None:
    glossaries = doctree.findall(lambda n: isinstance(n, nodes.Element)
                                 and "triglot-glossary" in n["classes"])
    if next(iter(glossaries), None) is not None:
        _glossary_docs(app.env).add(app.env.docname)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _glossary_docs(env).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str],
           other: BuildEnvironment) -> None:
    _glossary_docs(env).update(_glossary_docs(other) & set(docnames))


def _linkable_texts(para: nodes.paragraph) -> list[nodes.Text]:
    texts = []
    for text in para.findall(nodes.Text):
        parent = text.parent
        while parent is not None and parent is not para and not isinstance(parent, SKIP):
            parent = parent.parent
        if parent is para:
            texts.append(text)
    return texts


def _link_terms(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    glossaries = sorted(_glossary_docs(app.env))
    if not is_html(app) or not app.config.triglot_glossary or not glossaries:
        return
    if docname in glossaries:
        return
    termbase = termbase_for(app.env)
    language = page_language(app.config)
    source = site_languages(app.config)[0].code
    matcher = _matcher(termbase, language.code)
    target = app.builder.get_relative_uri(docname, glossaries[0])
    for para in anchored_paragraphs(doctree):
        linked: set[str] = set()
        for text in _linkable_texts(para):
            pieces = _split(text, matcher, termbase, target, language.code, source, linked)
            if pieces is not None:
                text.parent.replace(text, pieces)


def _split(text: nodes.Text, matcher: TermMatcher, termbase: Termbase, target: str,
           lang: str, source: str, linked: set[str]) -> list[nodes.Node] | None:
    value = str(text)
    pieces: list[nodes.Node] = []
    done = 0
    for match in matcher.find(value):
        concept = termbase.get(match.concept)
        if concept is None or match.concept in linked:
            continue
        linked.add(match.concept)
        definition = concept.definition(lang) or concept.definition(source) or ""
        if match.start > done:
            pieces.append(nodes.Text(value[done:match.start]))
        pieces.append(nodes.reference(
            match.text, match.text, refuri=f"{target}#{concept_anchor(match.concept)}",
            reftitle=definition, internal=True, classes=["triglot-term"]))
        done = match.end
    if not pieces:
        return None
    if done < len(value):
        pieces.append(nodes.Text(value[done:]))
    return pieces


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _note_glossary)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", _link_terms)
