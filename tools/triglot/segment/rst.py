"""reStructuredText documents as paragraphs, read with docutils.

Each text block of the doctree is a paragraph: section titles, paragraphs (also inside
lists, tables' cells excepted, admonitions and definitions), literal and doctest blocks
(one paragraph each, with their blank lines), line blocks, comments, rubrics and
whole tables. A directive docutils does not know (Sphinx's ``code-block``, ``note`` …)
is one paragraph: its source as written. The text is the block's reST source, its lines
stripped and joined with a space, so markup stays for the aligner to anchor on.
"""

from __future__ import annotations

import io

from docutils import nodes
from docutils.core import publish_doctree

from triglot.segment import Segmented

_BLOCKS = (nodes.title, nodes.paragraph, nodes.literal_block, nodes.doctest_block,
           nodes.line_block, nodes.comment, nodes.rubric, nodes.table, nodes.term)
_SETTINGS = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False,
             "raw_enabled": False, "warning_stream": io.StringIO(), "input_encoding": "unicode",
             "doctitle_xform": False, "sectsubtitle_xform": False}


def segment_rst(text: str) -> Segmented:
    """The paragraphs of a reST document.

    >>> doc = "Title\\n=====\\n\\nSome *text*\\nhere::\\n\\n   code\\n\\n   more\\n\\n- item one\\n"
    >>> segment_rst(doc).paragraphs
    ['Title', 'Some *text* here::', 'code more', 'item one']
    >>> segment_rst(".. automodule:: spam\\n   :members:\\n\\nText.\\n").paragraphs
    ['.. automodule:: spam :members:', 'Text.']
    """
    doctree = publish_doctree(text, settings_overrides=dict(_SETTINGS,
                                                            warning_stream=io.StringIO()))
    found = Segmented([], [])
    for node in _blocks(doctree):
        source = node.rawsource if isinstance(node.rawsource, str) else ""
        lines = (line.strip() for line in (source or node.astext()).split("\n"))
        paragraph = " ".join(line for line in lines if line)
        if paragraph:
            found.paragraphs.append(paragraph)
            found.lines.append(node.line or 0)
    return found


def _blocks(node: nodes.Node) -> list[nodes.Element]:
    """The text blocks under ``node`` in document order (not those inside another)."""
    found: list[nodes.Element] = []
    for child in node.children:
        if isinstance(child, nodes.system_message):
            # an unknown directive: docutils keeps its source as a literal block
            found += [c for c in child.children if isinstance(c, nodes.literal_block)]
        elif isinstance(child, _BLOCKS):
            found.append(child)
        elif isinstance(child, nodes.Element):
            found += _blocks(child)
    return found
