"""Which link targets are published: a scheme read as a browser reads it."""

from __future__ import annotations

import pytest
from triglot.links import unsafe_links, unsafe_scheme


@pytest.mark.parametrize(("uri", "scheme"), [
    ("javascript:alert(1)", "javascript"),
    ("JAVASCRIPT:alert(1)", "javascript"),
    ("  \x01javascript:alert(1)", "javascript"),  # leading controls and spaces are stripped
    ("java\tscr\nipt:alert(1)", "javascript"),  # tabs and line breaks removed anywhere
    ("&#106;avascript:alert(1)", "javascript"),
    ("&#x6A;ava&Tab;script:alert(1)", "javascript"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data"),
    ("vbscript:msgbox(1)", "vbscript"),
    ("file:///etc/passwd", "file"),
    ("ftp://example.org/", "ftp"),
    ("http://example.org/", None),
    ("HTTPS://example.org/", None),
    ("mailto:a@example.org", None),
    ("../page.html#p-1", None),
    ("page.html?next=a:b", None),  # a colon after the path is no scheme
    ("//example.org/x", None),
    ("#top", None),
])
def test_a_scheme_is_read_as_a_browser_reads_it(uri: str, scheme: str | None) -> None:
    assert unsafe_scheme(uri) == scheme


def test_links_are_found_as_docutils_reads_the_text() -> None:
    assert unsafe_links("Note: `a <javascript:x()>`_, javascript:y(1) and "
                        "`b <https://x.test>`_; ``javascript:z()`` is code") == [
        "javascript:x()", "javascript:y(1"]  # as docutils ends it
    assert unsafe_links("Note: nothing here") == []


@pytest.mark.parametrize(("text", "found"), [
    # the cheap test before parsing must let every way of writing a link through
    ("`a <java script:x>`_", ["javascript:x"]),  # docutils drops spaces in a target
    ("Nota: `a <javascript :x>`_", ["javascript:x"]),  # the colon after the space too
    ("`a <ja\\\nvascript:x>`_", []),  # an escape: the whole text is tested
    (".. _a: javascript:x", ["javascript:x"]),
    ("  __ data:x", ["data:x"]),
    (".. image:: x.png\n   :target: vbscript:x", ["vbscript:x"]),
    ("see <file:///etc/passwd> :func:`f`", ["file:///etc/passwd"]),
    ("(JavaScript:alert(1))", ["JavaScript:alert(1"]),
    ("Nota: veja :func:`f <g>` e `h <&#106;avascript:x>`_", ["&#106;avascript:x"]),
    # a role's name or a word before a colon is no link: answered without parsing
    (":javascript:`alert(1)` and :py:data:`x`", []),
    ("Nota: exemplo: isso", []),
    ("Nota: veja :ref:`f <g>` e `h <https://x.test>`_", []),  # a role, a safe link
])
def test_the_test_before_parsing_hides_no_link(text: str, found: list[str]) -> None:
    assert unsafe_links(text) == found
