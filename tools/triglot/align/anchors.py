"""What survives translation: the anchors and the length of a paragraph.

Text is NFKC-normalised first, so full-width Japanese digits, Latin letters and
brackets become their ASCII forms. The anchors of a paragraph are then its URLs,
identifiers and other Latin-script tokens (``aspnet_isapi.dll``, ``w3wp.exe``,
``PyObject_GetBuffer``), numbers, reST role names and literal markers, brackets and
quotes, and the structure of the paragraph (title, list introduction, question, code
session). Repeated anchors are numbered (``(#2``) so that a set comparison also compares
how often each occurs. Which anchors count is decided per document pair, by the aligner
(only those seen on both sides).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(
    # the lookahead rejects at once the many positions where no kind can start (Japanese);
    # no groups: which kind a token is shows in the token itself (see _value)
    r"""(?=[A-Za-z_\d:`()\[\]{}"“”「」『』])"""
    r"""(?:https?://[^\s<>`'"]+[^\s<>`'".,;:!?)\]]"""  # URL
    r"|:[a-z]+(?::[a-z]+)?:(?=`)"  # reST role
    r"|``"  # literal
    r"|[A-Za-z_][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*"  # word
    r"|\d+(?:[.,]\d+)*"  # number
    r"""|[()\[\]{}"“”「」『』])""",  # mark
)
_MARKS = {mark: mark if mark in "()[]{}" else '"' for mark in '()[]{}"“”「」『』'}  # quotes fold
_WORD_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_NOT_VISIBLE = bytes(range(0x21)) + b"\x7f"  # ASCII that is not a visible character


@dataclass(frozen=True)
class Profile:
    """The language-independent view of one paragraph."""

    anchors: frozenset[str]
    latin: int  # non-space ASCII characters: code, identifiers, numbers, Latin words
    other: int  # every other non-space character (the Japanese script, accents)
    text: str  # the NFKC-normalised text


def normalise(text: str) -> str:
    """NFKC, so that ``ＩＩＳ６`` compares equal to ``IIS6``.

    >>> normalise("ＩＩＳ６（カーネル）")
    'IIS6(カーネル)'
    """
    return unicodedata.normalize("NFKC", text)


@functools.lru_cache(maxsize=1 << 16)
def _value(token: str) -> str:
    """The anchor that a token of :data:`_TOKEN` stands for: a word lower-cased without
    Markdown emphasis (``_links_``), a quote folded to ``"``, anything else as found.
    Cached: a document repeats few tokens many times.

    >>> [_value(t) for t in ("_Links_", "「", "https://a.org", ":c:func:", "1.5", "__")]
    ['links', '"', 'https://a.org', ':c:func:', '1.5', '__']
    """
    if token in _MARKS:
        return _MARKS[token]
    if token[0] in _WORD_START and "://" not in token:
        return token.strip("_").lower() or token
    return token


def _values(text: str) -> list[str]:
    """The anchors of an already normalised text, in order, before repeats are numbered."""
    return list(map(_value, _TOKEN.findall(text)))


def anchors(text: str) -> list[str]:
    """The anchors of an already normalised text, in order, numbered when repeated.

    >>> anchors(':c:func:`PyBuffer_Release` is in aspnet_isapi.dll (2 times) (see 1.5)')
    ... # doctest: +NORMALIZE_WHITESPACE
    [':c:func:', 'pybuffer_release', 'is', 'in', 'aspnet_isapi.dll', '(', '2', 'times', ')',
     '(#2', 'see', '1.5', ')#2']
    """
    seen: dict[str, int] = {}
    found = []
    for value in _values(text):
        count = seen[value] = seen.get(value, 0) + 1
        found.append(value if count == 1 else f"{value}#{count}")
    return found


def anchor_set(text: str) -> set[str]:
    """The set of :func:`anchors` of an already normalised text, counted in C.

    >>> sorted(anchor_set("(a) or (b)")) == sorted(anchors("(a) or (b)"))
    True
    """
    counts = Counter(map(_value, _TOKEN.findall(text)))
    found = set(counts)
    for value, count in counts.items():
        if count > 1:
            found.update(f"{value}#{k}" for k in range(2, count + 1))
    return found


_TITLE_MAX = 100  # characters: longer unpunctuated paragraphs are code or lists, not titles


def structure(text: str) -> list[str]:
    """How this paragraph ends, as anchors: a title (short, no final punctuation), an
    introduction to what follows (ends with ``:``), a literal block introduction (``::``),
    a question, an interactive session.

    >>> structure("Class Definition Syntax"), structure("例::"), structure(">>> 1 + 1")
    (['§title'], ['§colon', '§literal'], ['§session'])
    """
    found = []
    end = text.rstrip()[-1:]
    if text.startswith(">>>"):
        found.append("§session")
    elif len(text) < _TITLE_MAX and end and end not in ".。!?:;)]\"'":
        found.append("§title")
    if end == ":":
        found.append("§colon")
    if text.rstrip().endswith("::"):
        found.append("§literal")
    if end == "?":
        found.append("§question")
    return found


_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*(\{[^{}]*\})?\s*#*\s*$")
_ITEM = re.compile(r"(?:^|\s)(?:[-*+]|\d+[.)])\s")
_TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)")
_SHORTCODE = re.compile(r"\{\{[%<]\s*(/?)\s*([\w.-]+)")
_DIRECTIVE = re.compile(r"\.\.\s+([\w:-]+)::")
_ADMONITION = re.compile(
    r"(?:>\s*)?\[!(\w+)\]|\{\{[%<]\s*(alert|note|warning|tip|caution|admonition)\b|"
    r":::\s*(\w+)|\.\.\s+(note|warning|tip|caution|important|hint|attention|danger|error|"
    r"admonition|seealso)::", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)([^`]+?)\1(?!`)")
_SLUG_DROP = re.compile(r"[^\w\s-]")


def blocks(text: str) -> list[str]:
    """How this paragraph starts, as anchors: the kind of block it is in Markdown or
    reST markup (heading and level, list and its items, quote, admonition, table, code
    fence and its language, HTML or MDX tag, shortcode, directive, link definition), so
    that a heading pairs with a heading and a list with a list. A heading also gives the
    anchor of its slug, which a translation keeps as an explicit ``{#id}``.

    >>> blocks("## Netlify deployment")
    ['^heading', '^h2', 'netlify-deployment']
    >>> blocks("- one - two - three"), blocks("```py x = 1 ```")
    (['^list', '^item', '^item#2', '^item#3'], ['^code', '^code:py'])
    >>> blocks('{{% alert title="Nota" %}}'), blocks("> [!NOTE] > text")
    (['^shortcode:alert', '^admonition'], ['^quote', '^admonition'])
    """
    found = []
    heading = _HEADING.match(text) if text.startswith("#") else None
    if heading:
        found += ["^heading", f"^h{len(heading.group(1))}"]
        if not (heading.group(3) or "").startswith("{#"):
            slug = "-".join(_SLUG_DROP.sub("", heading.group(2)).lower().split())
            if "-" in slug:
                found.append(slug)
    elif _ITEM.match(text):
        found.append("^list")
        found += [f"^item#{k}" if k > 1 else "^item"
                  for k in range(1, len(_ITEM.findall(text)) + 1)]
    elif text.startswith(">"):
        found.append("^quote")
    elif text.startswith("|"):
        found.append("^table")
    elif text.startswith(("```", "~~~")):
        found.append("^code")
        info = text[3:].lstrip("`~").split(" ", 1)[0]
        if info:
            found.append(f"^code:{info.lower()}")
    elif text.startswith("<!--"):
        found.append("^comment")
    elif tag := _TAG.match(text):
        found.append(f"^{tag.group(1)}tag:{tag.group(2).lower()}")
    elif shortcode := _SHORTCODE.match(text):
        found.append(f"^{shortcode.group(1)}shortcode:{shortcode.group(2).lower()}")
    elif directive := _DIRECTIVE.match(text):
        found.append(f"^directive:{directive.group(1).lower()}")
    elif text.startswith("[") and "]: " in text and " " not in text[:text.index("]: ")]:
        found.append("^linkdef")
    if _ADMONITION.match(text) or _ADMONITION.match(text.lstrip("> ")):
        found.append("^admonition")
    return found


def wrapper(text: str) -> tuple[str, bool] | None:
    """``(name, closing)`` when the paragraph is only an opening or closing tag or
    shortcode, markup that wraps the paragraphs after it (``{{% alert %}}`` …
    ``{{% /alert %}}``, ``<Note>`` … ``</Note>``); None otherwise.

    >>> wrapper('{{% alert title="Nota" %}}'), wrapper("</Intro>"), wrapper("<b>Bold</b> text")
    (('shortcode:alert', False), ('tag:intro', True), None)
    """
    found = _SHORTCODE.match(text) or _TAG.match(text)
    if not found or not text.rstrip().endswith(("}}", ">")):
        return None
    if _SHORTCODE.search(text, found.end()) or _TAG.search(text, found.end()):
        return None  # more markup after the first: an inline element, not a wrapper
    kind = "shortcode" if found.re is _SHORTCODE else "tag"
    return f"{kind}:{found.group(2).lower()}", bool(found.group(1))


def code_spans(text: str) -> list[str]:
    """Inline code as whole anchors (code survives translation verbatim).

    >>> code_spans("run `npm run fix` or ``make``")
    ['`npm run fix', '`make']
    """
    if "`" not in text:  # most paragraphs: one substring test, not the pattern at every place
        return []
    return [f"`{match.group(2).strip()}" for match in _CODE_SPAN.finditer(text)
            if match.group(2).strip()]


def profile(text: str) -> Profile:
    """Anchors and length of one paragraph.

    >>> p = profile("IIS６ では、w3wp.exe")
    >>> sorted(p.anchors), p.latin, p.other
    (['iis6', 'w3wp.exe', '§title'], 12, 3)
    """
    norm = normalise(text)
    visible = len("".join(norm.split()))
    latin = len(norm.encode("ascii", "ignore").translate(None, _NOT_VISIBLE))
    found = anchor_set(norm)
    found.update(structure(norm), blocks(norm), code_spans(norm))
    return Profile(frozenset(found), latin, visible - latin, norm)


def lexicon_anchors(
    source: list[str], target: list[str], pairs: list[tuple[str, str]]
) -> tuple[list[set[str]], list[set[str]]]:
    """Term-pair anchors: ``lex:k`` on every paragraph that uses side k of term pair k.

    Matching is case-insensitive on normalised text, on word boundaries where the term
    starts or ends with a word character (Japanese has none).

    >>> lexicon_anchors(["the worker process"], ["ワーカー プロセス"],
    ...                 [("worker process", "ワーカー プロセス")])
    ([{'lex:0'}], [{'lex:0'}])
    """
    found_s: list[set[str]] = [set() for _ in source]
    found_t: list[set[str]] = [set() for _ in target]
    lowered_s = [normalise(text).lower() for text in source]
    lowered_t = [normalise(text).lower() for text in target]
    for k, (term_s, term_t) in enumerate(pairs):
        for found, lowered, term in ((found_s, lowered_s, term_s), (found_t, lowered_t, term_t)):
            pattern = _term_pattern(normalise(term).lower())
            if pattern is None:
                continue
            for index, text in enumerate(lowered):
                if pattern.search(text):
                    found[index].add(f"lex:{k}")
    return found_s, found_t


def _term_pattern(term: str) -> re.Pattern[str] | None:
    term = term.strip()
    if not term:
        return None
    start = r"\b" if re.match(r"\w", term[0], re.ASCII) else ""
    end = r"\b" if re.match(r"\w", term[-1], re.ASCII) else ""
    return re.compile(start + re.escape(term) + end)
