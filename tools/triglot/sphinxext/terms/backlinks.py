"""Back-links from each glossary entry to every paragraph that uses the concept.

The glossary directive leaves a :class:`triglot_backlinks` node in each entry; when the
glossary page is written, it becomes a list of links to ``<page>.html#<paragraph anchor>``
with the page's title, the paragraph's number and the words around the term, in the
page's language. The uses come from the environment (:mod:`triglot.sphinxext.terms.uses`),
which is complete once every document is read; the glossary page is written again on
every build that re-read or removed a document, so its back-links follow the text.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

from triglot.sphinxext.core.furniture import Furniture, add_furniture
from triglot.sphinxext.core.site import is_html, page_language
from triglot.sphinxext.core.state import PerBuild
from triglot.sphinxext.core.templates import render
from triglot.sphinxext.core.uitext import ui_text
from triglot.sphinxext.terms.uses import TermUse, glossary_docs, term_uses

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# Whether this build re-reads or removes a document (its term uses change).
CHANGED: PerBuild[list[str]] = PerBuild(lambda app: [])


class triglot_backlinks(nodes.General, Furniture):
    """The back-links of concept ``concept``: its ``uses``, and the ``titles`` and
    ``href`` of their pages, filled in when the page is resolved."""

    def render(self) -> str:
        return backlinks_html(self["uses"], self["titles"], self["href"], ui_text("used_in"),
                              self["lang"])


def backlinks_html(uses: Sequence[TermUse], titles: dict[str, str], href: dict[str, str],
                   label: str, lang: str) -> str:
    """The back-links of one concept as HTML, by page; every text escaped.

    >>> uses = [TermUse("a", 2, "p-1", "x <", "C++ <T>", "& y"),
    ...         TermUse("a", 5, "p-2", "", "T", "")]
    >>> print(backlinks_html(uses, {"a": "A & B"}, {"a": "a.html"}, "Used in", "en"))
    <div class="triglot-backlinks" lang="en"><span class="triglot-backlinks-label">Used in</span>
    <ul>
    <li><a href="a.html">A &amp; B</a><ul>
    <li><a href="a.html#p-1">¶ 2</a> <q>x &lt;<mark>C++ &lt;T&gt;</mark>&amp; y</q></li>
    <li><a href="a.html#p-2">¶ 5</a> <q><mark>T</mark></q></li>
    </ul></li>
    </ul></div>
    """
    pages = [{"href": href[docname], "title": titles[docname], "uses": list(found)}
             for docname, found in groupby(uses, key=lambda use: use.docname)]
    return render("backlinks.html", lang=lang, label=label, pages=pages)


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(triglot_backlinks))
    if not placeholders:
        return
    uses = term_uses(app.env)
    language = page_language(app.config)
    for node in placeholders:
        found = uses.get(node["concept"], [])
        if not is_html(app) or not found:
            node.parent.remove(node)
            continue
        docs = sorted({use.docname for use in found})
        titles = {doc: _title(app.env, doc) for doc in docs}
        href = {doc: app.builder.get_relative_uri(docname, doc) for doc in docs}
        node["uses"], node["titles"], node["href"] = found, titles, href
        node["lang"] = language.tag


def _title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def _note_change(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    # env-purge-doc: called for every document about to be re-read, and every removed one
    CHANGED.of(app).append(docname)


def _glossaries_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    changed = bool(CHANGED.of(app))
    CHANGED.forget(app)
    return sorted(glossary_docs(env)) if changed else []


def setup(app: Sphinx) -> None:
    add_furniture(app, triglot_backlinks)
    app.connect("env-purge-doc", _note_change)
    app.connect("env-get-updated", _glossaries_to_rewrite)
    app.connect("doctree-resolved", _resolve)
