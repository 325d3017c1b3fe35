"""Page furniture: what the site adds around the text (paragraph links, status notes,
counterparts, back-links), as docutils nodes of its own.

Each kind is a :class:`Furniture` subclass that carries its data as attributes and
renders itself, escaping every text it is given, when the HTML writer reaches it; the
other writers skip it. It has no text children, so the search index never sees
language names or notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class Furniture(nodes.Element):
    """A node of page furniture; only ever added for HTML builders."""

    def render(self) -> str:
        """The node as HTML."""
        raise NotImplementedError


def _visit_html(translator: Any, node: Furniture) -> None:
    translator.body.append(node.render())
    raise nodes.SkipNode


def _skip(translator: Any, node: Furniture) -> None:
    raise nodes.SkipNode


def add_furniture(app: Sphinx, *kinds: type[Furniture]) -> None:
    """Register furniture nodes: rendered by the HTML writer, skipped by the others."""
    for kind in kinds:
        app.add_node(kind, html=(_visit_html, None), text=(_skip, None),
                     latex=(_skip, None), texinfo=(_skip, None), man=(_skip, None))
