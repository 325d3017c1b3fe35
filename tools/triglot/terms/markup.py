"""A message's text as a reader sees it: reST inline markup parsed with docutils.

:func:`visible` returns the message with every character a reader does not read as
prose replaced by a space, so offsets into it are offsets into the message and term
matches found in it point into the catalog entry. What stays (what a term check reads):

- plain text, emphasis and strong text of more than one word, link text;
- the display text of text roles (``:term:``, ``:dfn:``, ``:guilabel:``...) and the
  explicit title of any role (``:func:`patch decorator <patch>```);
- the comments of code samples (doctest blocks and literal blocks).

What goes: role names and targets, code roles without a title (``:class:`list```),
````literals````, a single emphasised word (``*param*``, a parameter name by Sphinx's
convention), a quoted single word (the ``'default'`` entry, "pen-dictionary": a name;
a quoted phrase is prose in scare quotes, "virtual base classes"), the title of a
document cited by ``:pep:`` or ``:rfc:`` (or "PEP 218:") or linked (link text of three
capitalised words or more), a message that is code as a whole (a literal block's,
program output: its comments stay), and the markup characters themselves.

The markup most messages hold (emphasis, strong text, literals, roles) is recognized with
docutils' own patterns, in docutils' order, without building its nodes; anything else
is parsed by docutils.

>>> visible("Use :term:`iterator` with ``next()``, *seq* or :func:`iter`.")
'Use        iterator  with           ,       or             .'
>>> visible(":ref:`future statements <future>` and *generator iterators*")
'      future statements           and  generator iterators '
>>> visible(r"a \\*b\\* :c:func:`PyErr_Clear`").split()
['a', '\\\\*b\\\\*']
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator

_MARKUP = re.compile(r"[`*|\\]|_\b")
#: A role's name with its colons and the backquote that opens its content.
ROLE_NAME = re.compile(r"(?<![\w`]):([\w.+-]+(?::[\w.+-]+)*):`")
_TITLED = re.compile(r"^(?P<title>.*?\S)\s*<[^<>]*>$", re.DOTALL)
_COMMENT = re.compile(r"(?<![\w'\"])#[^\n]*")
_PARAM = re.compile(r"[\w.]+")
_NON_SPACE = re.compile(r"\S")
# Roles whose content is what the reader sees as prose (the others name code or a target).
TEXT_ROLES = frozenset({"term", "dfn", "guilabel", "menuselection", "abbr", "emphasis",
                        "strong", "title-reference", "title", "t", "sub", "sup", "subscript",
                        "superscript", "index"})


# (an escaped space renders as nothing: 'Process-N\ :sub:`1`' is one word)
_QUOTED = re.compile(r"""(?<!\w)(["'])[^\s"']+(?:\\ [^\s"']+)*\1(?!\w)""")
# three or more capitalised words: the title of a linked document ("Secure File
# Descriptor Handling"); a section title of the message itself is text
_TITLE_CASE = re.compile(r"(?:[A-Z][\w'-]*(?: (?:of|and|for|the|in|on|to|a))? ){2,}[A-Z][\w'-]*")
_CITED = re.compile(r"(?::(?:pep|rfc):`[^`]*`|\b(?:PEP|RFC) \d+)\s*(?:--|—|:)?\s*"
                    r"(?P<title>\*[^*]+\*|[A-Z][\w-]*(?:[ ,:]+(?:[A-Z\"'][\w\"'-]*|a|an|the|"
                    r"of|and|or|for|in|on|to|with))*)")
# what a text holds wherever _QUOTED or _CITED matches: a cheap test before the search
_QUOTES = ('"', "'")
_CITATIONS = ("PEP", "RFC", ":pep:", ":rfc:")
# a Python prompt, or a shell's with the name of its virtual environment before it
_PROMPT = re.compile(r"\s*(?:>>>|(?:\([\w.-]+\)\s*)?\$ \S)")
_CODE_LINE = re.compile(r"^\s*(?:>>>|\.\.\.|\$|#|[\w.]+\s*=|\w+\(.*\)\s*$|\(\w+\))|[{};]\s*$")


def visible(text: str) -> str:
    """``text`` with everything that is not prose a reader reads blanked out, offsets kept.

    Text without reST markup characters or quotes is returned as it is, without parsing.
    """
    if _looks_like_code(text):
        return _blank_but_comments(text)
    shown = _visible(text) if _MARKUP.search(text) else text
    for pattern, group, marks in ((_QUOTED, 0, _QUOTES), (_CITED, "title", _CITATIONS)):
        if not any(mark in text for mark in marks):
            continue  # most texts cannot hold it: not searched
        for match in pattern.finditer(text):
            start, end = match.span(group)
            shown = shown[:start] + " " * (end - start) + shown[end:]
    return shown


def _looks_like_code(text: str) -> bool:
    """A doctest or a shell session (a prompt first), or a message of several lines,
    half of them code or indented (a literal block's, a session's)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and _PROMPT.match(lines[0]):
        return True
    return len(lines) >= 2 and sum(bool(_CODE_LINE.search(line)) or line.startswith("  ")
                                   for line in lines) * 2 >= len(lines)


def _blank_but_comments(code: str) -> str:
    out = list(_NON_SPACE.sub(" ", code))
    for match in _COMMENT.finditer(code):
        out[match.start():match.end()] = match.group(0)
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _visible(text: str) -> str:
    from docutils.parsers.rst import roles

    # every role is _role, here and in later messages (docutils keeps the registry)
    names = set(ROLE_NAME.findall(text))
    for name in names:
        roles.register_local_role(name, _role)
    pieces = _plain_pieces(text, names)
    if pieces is None:
        pieces = [piece for node in _parse(text) for piece in _pieces(node)]
    out: list[str] = []
    shown = 0  # the end of the last piece that counts: text before it is in ``out``
    cursor = 0
    for piece, counts in pieces:
        at = text.find(piece, cursor)
        if at < 0:
            continue  # docutils changed it (a substitution...): it stays blank
        cursor = at + len(piece)
        if counts:
            out += (_blank(text[shown:at]), piece)
            shown = cursor
    out.append(_blank(text[shown:]))
    return "".join(out)


def _blank(text: str) -> str:
    """``text`` with every character but whitespace made a space."""
    if " " not in text and text.isprintable():  # no whitespace: str.isprintable has only " "
        return " " * len(text)
    return _NON_SPACE.sub(" ", text)


def _plain_pieces(text: str, roles: set[str]) -> list[tuple[str, bool]] | None:
    """The pieces :func:`_pieces` gives of docutils' parse of ``text``, found without
    building nodes, for the markup most messages hold: emphasis, strong text, literals and
    roles, recognized by docutils' own patterns and in docutils' order (its
    ``Inliner.parse`` loop, for these constructs only). ``None`` for anything else
    (escapes, references, targets, substitutions, footnotes, a start-string without its
    end, a role docutils would not give to :func:`_role`): docutils parses those."""
    if "\\" in text or "\0" in text:
        return None  # docutils turns escapes to NULs first, and unescapes pieces
    patterns = _inliner().patterns  # type: ignore[attr-defined]
    pieces: list[tuple[str, bool]] = []
    plain = ""  # text since the last construct: a docutils Text node once it ends
    remaining = text
    while remaining:
        match = _search(patterns.initial, remaining)
        if match is None:
            break
        start, role = match.group("start"), match.group("role")
        if start in _INLINE_OBJECTS:
            opened, content_at = match.start("start"), match.end("start")
            if _quoted_start(match):  # not markup: the start-string stays text
                plain += remaining[:content_at]
                remaining = remaining[content_at:]
                continue
            end = _search_end(getattr(patterns, _INLINE_OBJECTS[start]), remaining,
                              content_at, start[0])
            if end is None or end.start(1) == content_at:
                return None
            closed = end.end(1)
            content, raw = remaining[content_at:end.start(1)], remaining[opened:closed]
            if start == "``" or (start == "*" and _PARAM.fullmatch(content)):
                piece = (raw, False)  # a literal, a parameter name
            else:
                piece = (content, True)
        elif role:
            name = role[1:-1]
            content_at = match.end("backquote")
            if name != name.lower() or name not in roles:
                return None  # docutils' lookup may not end at _role
            end = _search_end(patterns.interpreted_or_phrase_ref, remaining, content_at,
                              "`")
            if end is None or end.start(1) == content_at or end.group("suffix"):
                return None  # no end, a second role, or a reference suffix
            opened, closed = match.start("role"), end.end()
            piece = _role_piece(name, remaining[opened:closed],
                                remaining[content_at:end.start(1)])
        else:
            return None
        if plain or remaining[:opened]:
            pieces.append((plain + remaining[:opened], True))
        pieces.append(piece)
        plain, remaining = "", remaining[closed:]
    if plain or remaining:
        pieces.append((plain + remaining, True))
    return pieces


# docutils' start-strings of inline objects, and the name of their end pattern
_INLINE_OBJECTS = {"**": "strong", "*": "emphasis", "``": "literal"}
# the characters docutils' start-strings and roles begin with, but references' and
# targets' (which need an underscore): its pattern is tried there, not at every character
_STARTS = re.compile(r"[*`|:]")


def _search(initial: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``initial.search(text)``, trying only where a match can begin."""
    if "_" in text:  # a reference ("name_") begins with any word
        return initial.search(text)
    for candidate in _STARTS.finditer(text):
        match = initial.match(text, candidate.start())
        if match:
            return match
    return None


def _search_end(end: re.Pattern[str], text: str, at: int, first: str) -> re.Match[str] | None:
    """``end.search(text, at)`` for an end pattern whose match begins with ``first``."""
    at = text.find(first, at)
    while at >= 0:
        match = end.match(text, at)
        if match:
            return match
        at = text.find(first, at + 1)
    return None


def _quoted_start(match: re.Match[str]) -> bool:
    """docutils' ``Inliner.quoted_start``: a start-string between matching delimiters."""
    from docutils.utils.punctuation_chars import match_chars

    string, start = match.string, match.start()
    if start == 0:
        return False
    if match.end() >= len(string):
        return True
    return bool(match_chars(string[start - 1], string[match.end()]))


def _role_piece(name: str, rawtext: str, text: str) -> tuple[str, bool]:
    """What a role shows (its title, or a text role's text), or else its raw text, which
    does not count (code)."""
    titled = _TITLED.match(text)
    if titled:
        return titled["title"], True
    if name.rsplit(":", 1)[-1].lower() in TEXT_ROLES:
        return text, True
    return rawtext, False


_MEMO: list = []  # docutils' parsing state, and how many messages it parsed


def _parse(text: str) -> list[object]:
    """The message's inline markup as docutils parses a paragraph's text (a message is
    one paragraph: block markup is not looked for, so no state machine is built): the
    paragraph's nodes, not attached to it (only read here)."""
    from docutils import nodes, utils
    from docutils.parsers.rst import languages
    from docutils.parsers.rst.states import Struct

    if not _MEMO or _MEMO[1] >= 1000:  # a fresh document now and then: its ids grow
        document = utils.new_document("<message>", _settings())
        _MEMO[:] = [Struct(document=document, reporter=document.reporter,
                           language=languages.get_language("en"), title_styles=[],
                           section_level=0, section_bubble_up_kludge=False,
                           inliner=_inliner()), 0]
    memo = _MEMO[0]
    _MEMO[1] += 1
    paragraph = nodes.paragraph()
    children, _ = memo.inliner.parse(text, 1, memo, paragraph)
    return children  # type: ignore[no-any-return]


@functools.cache
def _inliner() -> object:
    from docutils.parsers.rst.states import Inliner

    inliner = Inliner()
    inliner.init_customizations(_settings())
    # standalone URIs, emails and PEP/RFC references stay text: a reader reads them as
    # they are, and looking for them in every piece of text was a sixth of the parse
    inliner.implicit_dispatch = []
    return inliner


@functools.cache
def _settings() -> object:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser

    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    return settings


def _role(name: str, rawtext: str, text: str, lineno: int, inliner: object,
          options: dict[str, object] | None = None, content: list[str] | None = None
          ) -> tuple[list[object], list[object]]:
    """Any role: its title, or its text for a text role, is prose; the rest is code."""
    from docutils import nodes, utils

    shown = utils.unescape(text)
    piece, counts = _role_piece(name, rawtext, shown)
    return [nodes.inline(rawtext, piece) if counts else nodes.literal(rawtext, shown)], []


def _pieces(node: object) -> Iterator[tuple[str, bool]]:
    """(text, counts) in document order; text that does not count is given so that the
    search for the next piece starts after it."""
    from docutils import nodes

    if isinstance(node, nodes.Text):
        yield str(node).replace("\x00", "\\"), True  # docutils keeps escapes as NULs
        return
    if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
        for match in _COMMENT.finditer(node.astext()):
            yield match.group(0), True
        return
    if isinstance(node, (nodes.literal, nodes.target, nodes.comment, nodes.system_message,
                         nodes.substitution_definition, nodes.raw)):
        yield node.rawsource or node.astext(), False
        return
    if isinstance(node, nodes.emphasis) and _PARAM.fullmatch(node.astext()):
        yield node.rawsource or node.astext(), False  # *name*: a parameter
        return
    if isinstance(node, nodes.reference) and node.get("refuri") and node.rawsource:
        title = node.astext()
        yield title, not _TITLE_CASE.fullmatch(title)  # a linked document's title
        yield node.rawsource[node.rawsource.find(title) + len(title):], False
        return
    for child in node.children:  # type: ignore[attr-defined]
        yield from _pieces(child)
