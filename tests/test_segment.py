"""Whole documents split into paragraphs: plain lines, blank lines, Markdown and reST."""

from __future__ import annotations

from triglot.segment import mode_for, paragraphs, segment

MARKDOWN = """---
title: Getting started
weight: 10
---

# Installation {#install}
- first, install the package
- then run it

Run this:

```sh
pip install spam

spam --version
```

<Intro>

Spam is a tool.

</Intro>

| option | meaning |
|---|---|
| `-v` | verbose |

{{% alert title="Note" %}}
Read the docs.
{{% /alert %}}

[docs]: https://example.org/docs
"""


def test_markdown_blocks_are_paragraphs_and_code_stays_whole() -> None:
    assert paragraphs(MARKDOWN, "markdown") == [
        "# Installation {#install}",  # a heading is its own paragraph without a blank line
        "- first, install the package - then run it",
        "Run this:",
        "```sh pip install spam spam --version ```",
        "<Intro>", "Spam is a tool.", "</Intro>",
        "| option | meaning | |---|---| | `-v` | verbose |",
        '{{% alert title="Note" %}} Read the docs. {{% /alert %}}',
        "[docs]: https://example.org/docs",  # markdown-it keeps no block for it
    ]


def test_markdown_loose_list_splits_at_blank_lines_and_lines_are_counted() -> None:
    found = segment("- one\n\n- two\n\nIntro\n\n    indented\n\n    code\n", "markdown")
    assert found.paragraphs == ["- one", "- two", "Intro", "indented code"]
    assert found.lines == [1, 3, 5, 7]
    assert found.notes == []


def test_markdown_unclosed_fence_runs_to_the_end_and_is_noted() -> None:
    found = segment("Text\n\n~~~\ncode\n\nmore code\n", "markdown")
    assert found.paragraphs == ["Text", "~~~ code more code"]
    assert found.notes == [(3, "code fence never closed: it runs to the end of the document")]


def test_markdown_without_front_matter_keeps_a_leading_rule() -> None:
    assert paragraphs("---\n\nText\n", "markdown") == ["---", "Text"]


RST = """Title
=====

A paragraph with ``code`` and
a :func:`role`.

Example::

    x = 1

    y = 2

.. note::

   A note.

.. automodule:: spam
   :members:

* item one
* item two

.. a comment
"""


def test_rst_blocks_from_docutils() -> None:
    assert paragraphs(RST, "rst") == [
        "Title", "A paragraph with ``code`` and a :func:`role`.", "Example::",
        "x = 1 y = 2", "A note.", ".. automodule:: spam :members:", "item one", "item two",
        "a comment"]


def test_mode_from_the_extension() -> None:
    assert [mode_for(name) for name in ("a.md", "a.MDX", "a.markdown", "a.rst", "a.rest",
                                        "a.txt", "a")] == [
        "markdown", "markdown", "markdown", "rst", "rst", "lines", "lines"]
