"""The catalog layer: the strict parser, and a writer that changes only what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from triglot.catalog import parse_catalog, read_catalog, render_catalog, write_catalog
from triglot.catalog.reading import read_entries
from triglot.errors import TriglotError

#: Everything gettext writes, laid out as msgcat lays it out (width 79).
GETTEXT = """\
# Japanese translation of demo.
# A Translator <a@example.org>, 2024.
#
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: demo 1\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: 2024-10-11 14:17+0000\\n"
"PO-Revision-Date: 2021-06-28 01:50+0000\\n"
"Last-Translator: A Translator <a@example.org>, 2024\\n"
"Language-Team: Japanese (https://app.transifex.com/python-doc/teams/5390/"
"ja/)\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Language: ja\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

# a translator's note
#. an extracted comment
#: ../../tutorial/errors.rst:5 ../../tutorial/errors.rst:19
msgid "Errors and Exceptions"
msgstr "エラーと例外"

#: ../../tutorial/errors.rst:7
#, fuzzy, python-format
#| msgctxt "old context"
#| msgid ""
#| "Until now error messages haven't been more than mentioned, but if you have "
#| "tried out the examples you have probably seen some."
msgctxt "new context"
msgid ""
"Until now error messages haven't been more than mentioned, but if you have "
"tried out the examples you have probably seen some.  There are (at least) "
"two distinguishable kinds of errors: *syntax errors* and *exceptions*."
msgstr ""
"これまでエラーメッセージについては簡単に触れるだけでしたが、チュートリアル中の"
"例を自分で試していたら、実際にいくつかのエラーメッセージを見ていることでしょ"
"う。"

#: ../../tutorial/errors.rst:20
msgid ""
">>> while True print('Hello world')\\n"
"  File \\"<stdin>\\", line 1"
msgstr ""

#: ../../tutorial/errors.rst:30
msgid "one file"
msgid_plural "%d files"
msgstr[0] "%d ファイル"

#~ msgid "An old paragraph."
#~ msgstr "古い段落。"
"""


def test_reads_everything_gettext_writes() -> None:
    catalog = parse_catalog(GETTEXT, "ja.po")
    assert catalog.fuzzy and str(catalog.locale) == "ja"
    title = catalog["Errors and Exceptions"]
    assert title.user_comments == ["a translator's note"]
    assert title.auto_comments == ["an extracted comment"]
    assert title.locations == [("../../tutorial/errors.rst", 5), ("../../tutorial/errors.rst", 19)]
    changed = next(m for m in catalog if m.context == "new context")
    assert changed.fuzzy and "python-format" in changed.flags
    assert changed.previous_id == ["Until now error messages haven't been more than mentioned, "
                                   "but if you have tried out the examples you have probably "
                                   "seen some."]
    assert catalog.layout.previous_contexts[catalog._key_for(changed.id, "new context")] == (
        "old context")
    assert catalog[">>> while True print('Hello world')\n  File \"<stdin>\", line 1"].string == ""
    assert catalog["one file"].string == ("%d ファイル",)
    assert catalog["one file"].id == ("one file", "%d files")
    assert [m.string for m in catalog.obsolete.values()] == ["古い段落。"]


def test_an_unchanged_catalog_is_written_back_byte_for_byte() -> None:
    assert render_catalog(parse_catalog(GETTEXT, "ja.po")).decode("utf-8") == GETTEXT


def test_only_the_changed_entry_and_the_revision_date_change(tmp_path: Path) -> None:
    path = tmp_path / "ja.po"
    path.write_text(GETTEXT, encoding="utf-8")
    catalog = read_catalog(path)
    catalog["Errors and Exceptions"].string = "エラーと例外 (改訂)"
    assert write_catalog(path, catalog) is True
    before, after = GETTEXT.split("\n"), path.read_text(encoding="utf-8").split("\n")
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert [new for _, new in changed][1:] == ['msgstr "エラーと例外 (改訂)"']
    assert changed[0][1].startswith('"PO-Revision-Date: ') and "2021" not in changed[0][1]


def test_writing_what_was_read_changes_nothing_not_even_the_date(tmp_path: Path) -> None:
    path = tmp_path / "ja.po"
    path.write_text(GETTEXT, encoding="utf-8")
    assert write_catalog(path, read_catalog(path)) is False
    assert path.read_text(encoding="utf-8") == GETTEXT


def _catalog() -> Catalog:
    catalog = Catalog(locale="ja", project="demo", fuzzy=False)
    catalog.add("Hello.", "こんにちは。", locations=[("docs/index.rst", 3)])
    return catalog


def test_writing_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "index.po"
    assert write_catalog(path, _catalog()) is True
    first = path.read_bytes()
    assert write_catalog(path, _catalog()) is False
    assert path.read_bytes() == first


def test_a_new_catalog_has_gettexts_header(tmp_path: Path) -> None:
    path = tmp_path / "index.po"
    write_catalog(path, _catalog())
    catalog = read_catalog(path)
    assert catalog["Hello."].string == "こんにちは。"
    names = [name for name, _ in catalog.layout.header_fields]
    assert names.index("Language-Team") < names.index("Language") < names.index("MIME-Version")
    assert "Generated-By" not in names
    assert b'"Content-Type: text/plain; charset=UTF-8\\n"' in render_catalog(catalog)


def test_new_lines_are_wrapped_at_the_files_width() -> None:
    babel_style = GETTEXT.replace(
        '"Until now error messages haven\'t been more than mentioned, but if you have "\n'
        '"tried out the examples you have probably seen some.  There are (at least) "\n',
        '"Until now error messages haven\'t been more than mentioned, but if you "\n'
        '"have tried out the examples you have probably seen some.  There are (at "\n'
        '"least) "\n')
    catalog = parse_catalog(babel_style, "ja.po")
    assert catalog.layout.width == 76
    assert parse_catalog(GETTEXT, "ja.po").layout.width == 79


@pytest.mark.parametrize(("text", "line", "problem"), [
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr unquoted\n', 5, "not a valid catalog line"),
    ('msgid "a"\nmsgstr "b\n', 2, "unterminated string"),
    ('msgid "a\\q"\nmsgstr ""\n', 1, "invalid escape sequence '\\q'"),
    ('msgstr "b"\n', 1, "msgstr without a msgid before it"),
    ('msgid "a"\nmsgid "b"\nmsgstr ""\n', 2, "msgid out of place"),
    ('msgid "a"\nmsgstr[1] "b"\n', 2, "msgstr[n] without msgid_plural"),
    ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 3, "msgid out of place"),
    ('msgid "a"\nmsgstr "b"\nstray text\n', 3, "not a valid catalog line"),
    ('#, fuzzy\n#| msgid "old\nmsgid "a"\nmsgstr ""\n', 2, "unterminated string"),
    ('#| bogus\nmsgid "a"\nmsgstr ""\n', 1, "not a valid previous-message line"),
    ('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr "x"\n', 4, 'duplicate message "a"'),
    ('msgid "a"\nmsgstr ""\n\n# dangling comment\n', 4, "comments with no message after them"),
    ('msgid ""\nmsgstr "Language: xx-!!\\n"\n', 1, "bad header"),
])
@pytest.mark.parametrize("reader", [read_catalog, read_entries])
def test_malformed_catalog_names_its_line(tmp_path: Path, text: str, line: int,
                                          problem: str, reader: Callable[[Path], object]
                                          ) -> None:
    path = tmp_path / "broken.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TriglotError) as error:
        reader(path)
    assert str(error.value).startswith(f"{path}:{line}: {problem}")


@pytest.mark.parametrize("text", [GETTEXT, GETTEXT + '\nmsgid ""\nmsgstr "Language: pt_BR\\n"\n'])
def test_entries_read_without_babel_messages_are_the_catalogs(tmp_path: Path,
                                                               text: str) -> None:
    path = tmp_path / "ja.po"
    path.write_text(text, encoding="utf-8")
    catalog = read_catalog(path)
    header, entries = read_entries(path)
    # a later msgid "" is read as the header again, as Babel reads it
    assert header.mime_headers == catalog.mime_headers
    assert [(e.fields["msgid"], e.line, e.obsolete) for e in entries] == [
        (m.id[0] if isinstance(m.id, tuple) else m.id, m.lineno, obsolete)
        for obsolete, messages in ((False, list(catalog)[1:]),
                                   (True, catalog.obsolete.values()))
        for m in messages]


def test_catalog_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.po"
    path.write_bytes(b'msgid "caf\xe9"\nmsgstr ""\n')
    with pytest.raises(TriglotError, match="byte offset 10"):
        read_catalog(path)


def test_a_comment_with_line_breaks_never_becomes_lines_of_the_entry() -> None:
    catalog = parse_catalog('msgid "a"\nmsgstr "b"\n', "x.po")
    catalog["a"].user_comments = ['note\n#, fuzzy\nmsgid "x"\rmsgstr "y"', ""]
    again = parse_catalog(render_catalog(catalog).decode("utf-8"), "y.po")
    assert [m.id for m in again] == ["", "a"] and not again["a"].fuzzy
    assert again["a"].user_comments == ["note", "#, fuzzy", 'msgid "x"', 'msgstr "y"', ""]


def test_a_catalog_only_read_keeps_its_messages_not_its_lines() -> None:
    laid_out, read_only = (parse_catalog(GETTEXT, "ja.po", keep_layout=keep)
                           for keep in (True, False))
    assert [(m.id, m.string, m.flags, m.lineno) for m in read_only] == [
        (m.id, m.string, m.flags, m.lineno) for m in laid_out]
    assert laid_out.layout.entries and not read_only.layout.entries
    assert read_only.mime_headers == laid_out.mime_headers
