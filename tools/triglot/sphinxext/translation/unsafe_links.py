"""Links whose scheme is not http, https, mailto or relative shown as their text.

A translator's ```click <javascript:alert(1)>`_`` would otherwise be a link that runs
script on the published page. Every reference of every page is read as a browser reads
its target (:mod:`triglot.links`), after references are resolved, so named targets and
intersphinx links count too; an unsafe one becomes its text and is warned about (type
``triglot``, subtype ``unsafe-link``) at the catalog entry whose translation brought it
in, else at its line in the source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from triglot.links import CODE, unsafe_link_message, unsafe_scheme

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: The catalog location of the translation a node holds (set before ``Locale``).
ENTRY = "triglot_entry_location"


class UnsafeLinks(SphinxPostTransform):
    default_priority = 900  # after every resolver that may give a reference its target

    def run(self, **kwargs: object) -> None:
        for node in list(self.document.findall(nodes.reference)):
            uri = node.get("refuri")
            if not uri or unsafe_scheme(uri) is None:
                continue
            where = entry_location(node)
            text = nodes.inline(node.rawsource, "", *node.children,
                                classes=["triglot-unsafe-link"])
            node.replace_self(text)
            logger.warning("%s", unsafe_link_message(uri), type="triglot", subtype=CODE,
                           location=where or text)


def entry_location(node: nodes.Node) -> str | None:
    """The catalog location recorded on ``node`` or its nearest ancestor that has one."""
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.Element) and ENTRY in current:
            return str(current[ENTRY])
        current = current.parent
    return None


def setup(app: Sphinx) -> None:
    app.add_post_transform(UnsafeLinks)
