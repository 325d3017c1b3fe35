"""Splitting a whole document into paragraphs.

Four conventions:

- ``lines``: one paragraph per line, as the seeds and the benchmark are written;
- ``blank``: paragraphs separated by blank lines (plain text); the lines of one
  paragraph are joined with a space;
- ``markdown``: CommonMark (and MDX) read with markdown-it-py, see :mod:`.markdown`;
- ``rst``: reStructuredText read with docutils, see :mod:`.rst`.

:func:`mode_for` picks the convention from a file's name when none is given.
"""

from __future__ import annotations

import os
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal

ParagraphMode = Literal["lines", "blank", "markdown", "rst"]
PARAGRAPH_MODES: tuple[ParagraphMode, ...] = ("lines", "blank", "markdown", "rst")
_BY_SUFFIX: dict[str, ParagraphMode] = {
    ".md": "markdown", ".mdx": "markdown", ".markdown": "markdown",
    ".rst": "rst", ".rest": "rst",
}


@dataclass
class Segmented:
    """The paragraphs of a document, the 1-based line each starts on, and notes on what
    was odd in it (1-based line, message)."""

    paragraphs: list[str]
    lines: list[int]
    notes: list[tuple[int, str]] = field(default_factory=list)


def mode_for(path: str | os.PathLike[str]) -> ParagraphMode:
    """The paragraph convention of a file, from its extension (``lines`` by default).

    >>> mode_for("guide.ja.md"), mode_for("index.rst"), mode_for("article.ja.txt")
    ('markdown', 'rst', 'lines')
    """
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), "lines")


def segment(text: str, mode: ParagraphMode = "lines") -> Segmented:
    """The paragraphs of ``text`` under convention ``mode``, with their lines and notes.

    >>> segment("one\\n\\ntwo\\n").lines
    [1, 3]
    """
    if mode == "markdown":
        from triglot.segment.markdown import segment_markdown

        return segment_markdown(text)
    if mode == "rst":
        from triglot.segment.rst import segment_rst

        return segment_rst(text)
    if mode == "lines":
        return runs(text.split("\n"), split_at_blank=False)
    if mode == "blank":
        return runs(text.split("\n"))
    raise ValueError(f"unknown paragraph mode {mode!r}")


def paragraphs(text: str, mode: ParagraphMode = "lines") -> list[str]:
    """Return the non-empty paragraphs of ``text``, stripped.

    >>> paragraphs("one\\n\\ntwo\\n")
    ['one', 'two']
    >>> paragraphs("a first\\nparagraph\\n\\n  \\nsecond", mode="blank")
    ['a first paragraph', 'second']
    """
    return segment(text, mode).paragraphs


def runs(lines: list[str], blocks: list[int | None] | None = None, keep: Set[int] = frozenset(),
         split_at_blank: bool = True) -> Segmented:
    """Group ``lines`` into paragraphs: a paragraph ends at a blank line (unless the
    block it belongs to is in ``keep``: code) or where ``blocks`` (a block id per line,
    None outside every block) changes. Lines are stripped and joined with a space.

    >>> runs(["a", "b", "", "c"], [1, 2, None, None]).paragraphs
    ['a', 'b', 'c']
    >>> runs(["```", "x", "", "```"], [1, 1, 1, 1], keep={1}).paragraphs
    ['``` x ```']
    """
    found = Segmented([], [])
    current: list[str] = []
    current_block: int | None = None
    for number, line in enumerate(lines):
        block = blocks[number] if blocks is not None else None
        blank = not line.strip()
        ends = (current and (block != current_block or not split_at_blank
                             or (blank and block not in keep)))
        if ends:
            found.paragraphs.append(" ".join(current))
            current = []
        if not blank:
            if not current:
                found.lines.append(number + 1)
            current.append(line.strip())
        current_block = block
    if current:
        found.paragraphs.append(" ".join(current))
    return found
