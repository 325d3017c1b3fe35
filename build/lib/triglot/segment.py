"""Splitting a whole document into paragraphs.

Two conventions: ``lines`` (one paragraph per line, as the seeds and the benchmark are
written) and ``blank`` (paragraphs separated by blank lines, as in reST, Markdown and
plain text; the lines of one paragraph are joined with a space).
"""

from __future__ import annotations

import re
from typing import Literal

ParagraphMode = Literal["lines", "blank"]
PARAGRAPH_MODES: tuple[ParagraphMode, ...] = ("lines", "blank")

_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str, mode: ParagraphMode = "lines") -> list[str]:
    """Return the non-empty paragraphs of ``text``, stripped.

    >>> paragraphs("one\\n\\ntwo\\n")
    ['one', 'two']
    >>> paragraphs("a first\\nparagraph\\n\\n  \\nsecond", mode="blank")
    ['a first paragraph', 'second']
    """
    if mode == "lines":
        chunks = text.split("\n")
    elif mode == "blank":
        chunks = [" ".join(line.strip() for line in chunk.split("\n"))
                  for chunk in _BLANK_LINES.split(text)]
    else:
        raise ValueError(f"unknown paragraph mode {mode!r}")
    return [chunk.strip() for chunk in chunks if chunk.strip()]
