"""Markdown (CommonMark, GitHub tables, MDX) documents as paragraphs, read with markdown-it-py.

A paragraph is a block as the file groups it: each top-level block (a heading, a list,
a table, an HTML or MDX tag block, a paragraph) of markdown-it's parse, split further at
the blank lines inside it (a loose list), except that a fenced or indented code block is
one paragraph with its blank lines. Text markdown-it keeps no block for (link reference
definitions) is grouped by blank lines. Front matter (a ``---`` YAML or ``+++`` TOML
block on the first line) is not text to align. Markup is kept: it is what the aligner
anchors on.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from triglot.segment import Segmented, runs

_CODE = {"fence", "code_block"}
_FRONT_MATTER = ("---", "+++")


def segment_markdown(text: str) -> Segmented:
    """The paragraphs of a Markdown document.

    >>> doc = "---\\ntitle: x\\n---\\n# Title\\n- a\\n- b\\n\\n```py\\nx = 1\\n\\ny = 2\\n```\\n"
    >>> segment_markdown(doc).paragraphs
    ['# Title', '- a - b', '```py x = 1 y = 2 ```']
    >>> segment_markdown("Text\\n\\n```\\nnever closed\\n").notes
    [(3, 'code fence never closed: it runs to the end of the document')]
    """
    lines = text.split("\n")
    skip = _front_matter(lines)
    body = [""] * skip + lines[skip:]
    blocks: list[int | None] = [None] * len(lines)
    code: set[int] = set()
    notes = []
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(body))
    for number, token in enumerate(tokens):
        if token.map is None or token.nesting == -1:
            continue
        start, end = token.map
        if token.type in _CODE:
            code.add(number)
            if token.type == "fence" and not _closes(body[end - 1], token.markup, end - start):
                notes.append((start + 1, "code fence never closed: it runs to the end of "
                                         "the document"))
        elif token.level > 0:
            continue
        for line in range(start, end):
            if blocks[line] not in code:
                blocks[line] = number
    found = runs(body, blocks, code)
    found.notes = notes
    return found


def _front_matter(lines: list[str]) -> int:
    """How many lines at the top are front matter (0 when there is none)."""
    if not lines or lines[0].strip() not in _FRONT_MATTER:
        return 0
    fence = lines[0].strip()
    for number in range(1, len(lines)):
        if lines[number].strip() == fence:
            return number + 1
    return 0


def _closes(line: str, markup: str, size: int) -> bool:
    """Whether ``line`` (the last of a fence's ``size`` lines) is its closing fence."""
    closing = line.strip()
    return size > 1 and closing.startswith(markup) and not closing.strip(markup[0])
