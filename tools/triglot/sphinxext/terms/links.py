"""Terms in the text linked to their glossary entry, in every language, with the
definition as the link's tooltip — no ``:term:`` markup needed in sources or catalogs.

Matching uses the project's term matcher (:class:`triglot.terms.match.TermMatcher`,
through the build's cache: :mod:`triglot.sphinxext.core.matchcache`) on the page's language
while the document is read, after Sphinx's ``Locale`` transform has replaced the text: the
first occurrence of each concept in a paragraph becomes a
:class:`triglot_term` node, and the paragraph is recorded as a use of the concept (see
:mod:`triglot.sphinxext.terms.uses`). When the document is resolved the node becomes a link
to ``<glossary page>#term-<concept id>``, or plain text when there is no glossary page or
``triglot_term_links`` leaves it unlinked (``page``: only a concept's first node in the
page is linked; ``none``: no node is).
Matching at read time means an unchanged document is not analysed again on a rebuild,
and the document notes the concepts it uses and the texts it matched
(:mod:`triglot.sphinxext.core.termbase`): a termbase edit reads again only the documents
whose entries, or whose text's new matches, it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from triglot.sphinxext.core.config import missing_extra
from triglot.sphinxext.core.matchcache import cached_matcher, doc_owner
from triglot.sphinxext.core.paragraphs import ANCHOR, anchored_paragraphs
from triglot.sphinxext.core.site import builds_html, is_html, page_language, site_languages
from triglot.sphinxext.core.termbase import note_concepts, note_matched_texts, termbase_for
from triglot.sphinxext.terms.glossary import concept_anchor
from triglot.sphinxext.terms.uses import GLOSSARIES, USES, TermUse, glossary_docs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from triglot.terms.matchcache import CachedMatcher

# Text inside these is code, a link already, or page furniture: never linked.
SKIP = (nodes.reference, nodes.literal, nodes.FixedTextElement, nodes.raw, nodes.title,
        addnodes.pending_xref)
GLOSSARY_CLASS = "triglot-glossary"
# How much text around a term the glossary's back-link quotes, in characters.
CONTEXT_BEFORE, CONTEXT_AFTER = 30, 40


class triglot_term(nodes.inline):
    """A term of concept ``concept`` found in the text; resolved to a link before any
    other extension sees the resolved doctree. An ``inline`` to every writer, should one
    meet it anyway (Sphinx's translators dispatch along the node's classes)."""


def _has_glossary(doctree: nodes.Node) -> bool:
    found = doctree.findall(lambda n: isinstance(n, nodes.Element)
                            and GLOSSARY_CLASS in n["classes"])
    return next(iter(found), None) is not None


class TermMatches(SphinxTransform):
    """After ``Locale`` (20), substitutions and footnotes, before smart quotes (750) and
    ``doctree-read`` (880): find the terms of the page's language in its paragraphs."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        env, config = self.env, self.config
        if (not builds_html(env) or not config.triglot_glossary
                or missing_extra(page_language(config).code)):
            return
        if _has_glossary(self.document):
            GLOSSARIES.of(env)[env.docname] = True
            return
        matcher = cached_matcher(env.doctreedir, termbase_for(env), page_language(config).code,
                                 doc_owner(env.docname))
        uses: dict[str, list[TermUse]] = {}
        linked: set[str] = set()  # concepts linked so far in the page
        matched: list[str] = []  # every text matched: a new term is looked for in them
        used: set[str] = set()
        for number, para in enumerate(anchored_paragraphs(self.document), 1):
            found: set[str] = set()
            for text in _linkable_texts(para):
                matched.append(str(text))
                pieces = _split(text, matcher, found)
                if pieces is not None:
                    text.parent.replace(text, pieces)
            used |= found
            for term in para.findall(triglot_term):
                term["link"] = _links(config.triglot_term_links, term["concept"], linked)
            for concept, use in _uses(para, env.docname, number).items():
                uses.setdefault(concept, []).append(use)
        if uses:
            USES.of(env)[env.docname] = uses
        note_concepts(env, used)
        note_matched_texts(env, matched)


def _links(mode: str, concept: str, linked: set[str]) -> bool:
    """Whether a paragraph's first node of ``concept`` becomes a link, in ``mode``
    (``triglot_term_links``), given the concepts ``linked`` so far in the page.

    >>> linked = set()
    >>> [_links("page", c, linked) for c in ("a", "b", "a")]
    [True, True, False]
    >>> [_links("paragraph", "a", linked), _links("none", "c", linked)]
    [True, False]
    """
    if mode == "none" or (mode == "page" and concept in linked):
        return False
    linked.add(concept)
    return True


def _linkable_texts(para: nodes.paragraph) -> list[nodes.Text]:
    texts = []
    for text in para.findall(nodes.Text):
        parent = text.parent
        while parent is not None and parent is not para and not isinstance(parent, SKIP):
            parent = parent.parent
        if parent is para:
            texts.append(text)
    return texts


def _split(text: nodes.Text, matcher: CachedMatcher, found: set[str]
           ) -> list[nodes.Node] | None:
    value = str(text)
    pieces: list[nodes.Node] = []
    done = 0
    for match in matcher.find(value):
        if match.concept in found:
            continue
        found.add(match.concept)
        if match.start > done:
            pieces.append(nodes.Text(value[done:match.start]))
        pieces.append(triglot_term(match.text, match.text, concept=match.concept))
        done = match.end
    if not pieces:
        return None
    if done < len(value):
        pieces.append(nodes.Text(value[done:]))
    return pieces


def _uses(para: nodes.paragraph, docname: str, number: int) -> dict[str, TermUse]:
    """The paragraph's use of each concept it links, with the text around the term."""
    texts = list(para.findall(nodes.Text))
    whole = " ".join("".join(texts).split("\n"))  # newlines only: offsets stay put
    uses: dict[str, TermUse] = {}
    offset = 0
    for text in texts:
        term = text.parent
        if isinstance(term, triglot_term) and term["concept"] not in uses:
            start, end = offset, offset + len(text)
            uses[term["concept"]] = TermUse(docname, number, para[ANCHOR],
                                            *_context(whole, start, end))
        offset += len(text)
    return uses


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The words before the term, the term and the words after it, cut at a space when
    the language has spaces.

    >>> text = ("one two three four five six seven eight nine ten eleven twelve thirteen "
    ...         "fourteen fifteen")
    >>> _context(text, text.index("nine"), text.index("nine") + 4)
    ('…four five six seven eight ', 'nine', ' ten eleven twelve thirteen fourteen…')
    """
    before, after = text[max(0, start - CONTEXT_BEFORE):start], text[end:end + CONTEXT_AFTER]
    if start > CONTEXT_BEFORE:
        space = before.find(" ")
        before = "…" + (before[space + 1:] if 0 <= space < len(before) // 2 else before)
    if end + CONTEXT_AFTER < len(text):
        space = after.rfind(" ")
        after = (after[:space] if space > len(after) // 2 else after) + "…"
    return before.lstrip(), text[start:end], after.rstrip()


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    glossaries = sorted(glossary_docs(app.env))
    link = is_html(app) and bool(glossaries)
    if link:
        termbase = termbase_for(app.env)
        lang = page_language(app.config).code
        source = site_languages(app.config)[0].code
        target = app.builder.get_relative_uri(docname, glossaries[0])
    for node in list(doctree.findall(triglot_term)):
        if not link or not node.get("link", True):
            node.replace_self(node.children)
            continue
        concept = termbase.get(node["concept"])
        definition = (concept.definition(lang) or concept.definition(source) or ""
                      if concept else "")
        node.replace_self(nodes.reference(
            "", "", *node.children, refuri=f"{target}#{concept_anchor(node['concept'])}",
            reftitle=definition, internal=True, classes=["triglot-term"]))


def setup(app: Sphinx) -> None:
    app.add_transform(TermMatches)
    app.add_js_file("triglot-terms.js")  # definitions on focus and touch
    # before every handler of the default priority (500): other extensions render the
    # resolved doctree (render_partial), and must find only standard nodes
    app.connect("doctree-resolved", _resolve, priority=100)
