"""Paragraph anchors shared by every language's build.

Each translatable paragraph gets the id ``p-<8 hex digits of the English message's
SHA-1>`` (``-2``, ``-3``… for repeats within a page), assigned before Sphinx's
``Locale`` transform replaces the text, so the English, Japanese and Portuguese builds
give the same paragraph the same anchor, and editing another paragraph changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MSGID = "triglot_msgid"
ANCHOR = "triglot_anchor"


def anchor_for(message: str) -> str:
    """The anchor of a paragraph whose English message is ``message``.

    >>> anchor_for("Each application pool runs in its own worker process.")
    'p-6bd5b6a4'
    """
    normalized = " ".join(message.split())
    return "p-" + hashlib.sha1(normalized.encode("utf-8")).hexdigest()[:8]


class ParagraphAnchors(SphinxTransform):
    """Before ``Locale`` (priority 20): remember each paragraph's English and name it."""

    default_priority = 15

    def apply(self, **kwargs: object) -> None:
        seen: Counter[str] = Counter()
        for node, message in extract_messages(self.document):
            if not isinstance(node, nodes.paragraph) or ANCHOR in node:
                continue
            anchor = anchor_for(message)
            seen[anchor] += 1
            if seen[anchor] > 1:
                anchor = f"{anchor}-{seen[anchor]}"
            node[MSGID] = message
            node[ANCHOR] = anchor
            node["ids"].insert(0, anchor)


def anchored_paragraphs(doctree: nodes.Node) -> list[nodes.paragraph]:
    return [p for p in doctree.findall(nodes.paragraph) if ANCHOR in p]


def setup(app: Sphinx) -> None:
    app.add_transform(ParagraphAnchors)
