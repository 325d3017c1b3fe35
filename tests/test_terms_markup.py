"""Property: the pieces found without docutils' nodes (``_plain_pieces``) are the pieces
of docutils' own parse, wherever the shortcut answers at all."""

from __future__ import annotations

from docutils.parsers.rst import roles
from hypothesis import given, settings
from hypothesis import strategies as st
from triglot.terms import markup

OPENERS = ("*", "**", "``", ":func:`", ":term:`", ":py:class:`", ":Term:`", ":dfn:`", "`",
           "***", ":a_b:`")
CLOSERS = ("*", "**", "``", "`", "`_", "`__", "`:meth:", "***", "```")
# what comes next to markup: spaces, quotes and brackets that pair with a start-string,
# punctuation docutils reads as a delimiter, letters that make a start-string text
AROUND = st.sampled_from((" ", " ", "", "(", ")", "'", '"', "«", "»", "-", "/", ":", ".",
                          ",", "\n", "[", "]", "<", ">", "‘", "’", "x", "é", "関", "_", "|",
                          "*", "`", "\\", "\\ "))
CONTENTS = st.sampled_from(("a", "pool", "two words", " lead", "trail ", "x <y>",
                            "title <target>", "a*b", "a`b", "f()", "*", "p.q", "x_y", ")",
                            "’", "a\\*b"))
CONSTRUCTS = st.tuples(st.sampled_from(OPENERS), CONTENTS,
                       st.none() | st.sampled_from(CLOSERS)).map(
    # mostly the closer that fits the opener, sometimes any
    lambda t: t[0] + t[1] + (t[2] if t[2] is not None else
                             "`" if t[0].endswith("`") and t[0] != "``" else t[0]))
TEXTS = st.lists(st.tuples(AROUND, AROUND, CONSTRUCTS, AROUND,
                           st.sampled_from(("", "word", " text"))).map("".join),
                 min_size=1, max_size=4).map("".join)


def _docutils_pieces(text: str) -> list[tuple[str, bool]]:
    return [piece for node in markup._parse(text) for piece in markup._pieces(node)
            if piece[0]]  # an empty text node changes nothing of what is blanked


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(TEXTS)
def test_plain_pieces_are_docutils_pieces(text: str) -> None:
    names = set(markup.ROLE_NAME.findall(text))
    for name in names:
        roles.register_local_role(name, markup._role)
    found = markup._plain_pieces(text, names)
    if found is not None:
        assert found == _docutils_pieces(text)


def test_the_shortcut_takes_the_common_markup_and_leaves_the_rest_to_docutils() -> None:
    common = "Use :func:`iter` with ``next()``, *seq*, **bold** or :term:`a title <x>`."
    assert markup._plain_pieces(common, {"func", "term"}) == [
        ("Use ", True), (":func:`iter`", False), (" with ", True), ("``next()``", False),
        (", ", True), ("*seq*", False), (", ", True), ("bold", True), (" or ", True),
        ("a title", True), (".", True)]
    for other in ("a `link <https://x.org>`_", "an |subst|", r"an \*escape\*", "a ref_",
                  "a [1]_ note", "*no end", ":Term:`upper`", "an _`inline target`"):
        assert markup._plain_pieces(other, set(markup.ROLE_NAME.findall(other))) is None
