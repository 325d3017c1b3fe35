"""The build's reST check of a translation parses only a text in which docutils could find
something: property, a text it leaves unparsed is one docutils parses without a warning."""

from __future__ import annotations

import docutils.frontend
import docutils.parsers.rst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from triglot.sphinxext.translation.checks import may_have_problems, parse_problems, rest_problems

SETTINGS = docutils.frontend.get_default_settings(docutils.parsers.rst.Parser)

#: Words, and every character but the inline markup ones that can open a block construct
#: or sit inside a sentence: punctuation, brackets, a bullet, CJK, tabs.
PIECES = st.sampled_from([
    "word", "語", "1", "A", "iv", " ", " ", "\t", ".", "..", "...", ":", "::", "-", "--", "----",
    "+", "=", "#", ">>>", "(", ")", "[1]", "_", "__", "<", ">", "'", '"', "/", "@", "~",
    "•", "。", "「", "」", "http://x.test/", "a@b.test", "PEP 8", "1.", "a)", "IV.", "_x", "x_",
])
TEXTS = st.lists(PIECES, min_size=1, max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_a_text_left_unparsed_has_no_problem_docutils_would_report(text: str) -> None:
    if not may_have_problems(text):
        assert parse_problems(text, SETTINGS) == []


@pytest.mark.parametrize("text", [
    "Um texto com ``literal sem fim.", "Um *destaque sem fim.", "Uma |substituição.",
    "1. ----", "A. .. unknown:: x", "Título\n======\n\ntexto\n   recuado", "x\\",
])
def test_a_text_with_markup_is_parsed(text: str) -> None:
    assert may_have_problems(text)
    assert rest_problems(text, SETTINGS) == parse_problems(text, SETTINGS)


def test_a_problem_is_found_whatever_the_text_starts_with() -> None:
    assert rest_problems("1. Um ``literal sem fim.", SETTINGS)
    assert rest_problems("1. ----", SETTINGS)
