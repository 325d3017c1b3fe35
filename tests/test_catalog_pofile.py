"""The PO parser reads the common entries with one match each (``_common_entries``) and
the rest line by line: property, both give the entries (or the error) that reading every
line gives, for any mix of lines a catalog may hold, well formed or not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from triglot.catalog import pofile
from triglot.errors import TriglotError


def line_by_line(text: str) -> list[pofile.Entry] | str:
    parser = pofile._Parser("x.po")
    lines = text.split("\n")
    try:
        for number, line in enumerate(lines, start=1):
            parser.feed(number, line)
        parser.finish(len(lines))
    except TriglotError as error:
        return str(error)
    return parser.entries


def parsed(text: str) -> list[pofile.Entry] | str:
    try:
        return pofile.parse_entries(text, "x.po")
    except TriglotError as error:
        return str(error)


#: String bodies with what escapes can do: quotes, byte escapes that could run into the
#: next line's digits, invalid ones; tabs, CJK, and what str.splitlines breaks at.
BODIES = st.lists(st.sampled_from(['a', ' ', '7', 'x', '語', '\\"', '\\n', '\\\\', '\\x4',
                                   '\\1', '\\q', '"', '\t', '\f', '\x85', '\u2028']),
                    max_size=6).map("".join)
QUOTED = st.builds(lambda body, tail: f'"{body}"{tail}', BODIES,
                   st.sampled_from(["", "", "", " ", "\r"]))


def field(keyword: str) -> st.SearchStrategy[list[str]]:
    return st.builds(lambda first, more, spaces: [f"{keyword}{spaces}{first}", *more],
                     QUOTED, st.lists(QUOTED, max_size=3), st.sampled_from([" ", " ", "  "]))


COMMENTS = st.lists(st.sampled_from([
    "# translator", "#", "#. extracted", "#: a.rst:1 b.rst:2", "#, fuzzy", "#, fuzzy, c-format",
    "#| msgid \"old\"", "#| \"more\"", "#~ msgid \"gone\"", "#~ msgstr \"weg\"", "#~ \"more\"",
    "#x", "  # indented", "#, fuzzy  ", "# a\fform feed", "#. \u2028",
]), max_size=3)
ENTRY = st.builds(
    lambda comments, context, msgid, plural, msgstr, blank: [
        *comments, *context, *msgid, *plural, *msgstr, *blank],
    COMMENTS, st.one_of(st.just([]), field("msgctxt")), field("msgid"),
    st.one_of(st.just([]), st.just([]), field("msgid_plural")),
    st.one_of(field("msgstr"), field("msgstr[0]"), st.just([])),
    st.sampled_from([[""], [""], [], ["", ""], [" "]]))
#: Lines that may come between entries: a string line after a blank line continues the
#: msgstr before it.
STRAYS = st.lists(st.sampled_from(['"after a blank line"', "stray", "msgstr \"x\"", ""]),
                  max_size=1)
CATALOGS = st.lists(st.tuples(ENTRY, STRAYS), max_size=5).map(
    lambda parts: "\n".join(line for entry, strays in parts for line in entry + strays))


@settings(max_examples=400, deadline=None)
@given(CATALOGS, st.booleans())
def test_whole_entries_read_as_line_by_line(text: str, final_newline: bool) -> None:
    text = text + "\n" if final_newline else text
    assert parsed(text) == line_by_line(text)


def test_a_catalog_of_common_entries_is_read_by_entry() -> None:
    text = ('msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n#: a.rst:1\n#, fuzzy\nmsgid "a\\"b"\n'
            'msgstr ""\n"x\\n"\n"y"\n\nmsgctxt "c"\nmsgid "d"\nmsgstr "e"\n')
    entries, rest = pofile._common_entries(pofile._Parser("x.po"), text)
    assert [entry.fields["msgid"] for entry in entries] == ["", 'a"b']
    assert entries[1].fields["msgstr"] == "x\ny" and entries[1].flags == ["fuzzy"]
    assert (entries[1].first, entries[1].line, entries[1].last) == (5, 7, 10)
    assert rest == 12  # the last entry is the parser's, which reads on from its first line
    assert parsed(text) == line_by_line(text)
