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

import re
import unicodedata
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""(?P<url>https?://[^\s<>`'"]+[^\s<>`'".,;:!?)\]])"""
    r"|(?P<role>:[a-z]+(?::[a-z]+)?:(?=`))"
    r"|(?P<literal>``)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*)"
    r"|(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<mark>[()\[\]{}\"“”「」『』])",
)
_MARKS = {"(": "(", ")": ")", "[": "[", "]": "]", "{": "{", "}": "}"}  # quotes fold to '"'
_ASCII_VISIBLE = re.compile(r"[!-~]")


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


def anchors(text: str) -> list[str]:
    """The anchors of an already normalised text, in order, numbered when repeated.

    >>> anchors(':c:func:`PyBuffer_Release` is in aspnet_isapi.dll (2 times) (see 1.5)')
    [':c:func:', 'pybuffer_release', 'is', 'in', 'aspnet_isapi.dll', '(', '2', 'times', ')', '(#2', 'see', '1.5', ')#2']
    """
    seen: dict[str, int] = {}
    found = []
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "word":
            value = value.lower()
        elif kind == "mark":
            value = _MARKS.get(value, '"')
        count = seen[value] = seen.get(value, 0) + 1
        found.append(value if count == 1 else f"{value}#{count}")
    return found


_TITLE_MAX = 100  # characters: longer unpunctuated paragraphs are code or lists, not titles


def structure(text: str) -> list[str]:
    """What kind of paragraph this is, as anchors: a title (short, no final
    punctuation), an introduction to what follows (ends with ``:``), a literal block
    introduction (``::``), a question, an interactive session.

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


def profile(text: str) -> Profile:
    """Anchors and length of one paragraph.

    >>> p = profile("IIS６ では、w3wp.exe")
    >>> sorted(p.anchors), p.latin, p.other
    (['iis6', 'w3wp.exe', '§title'], 12, 3)
    """
    norm = normalise(text)
    visible = sum(1 for ch in norm if not ch.isspace())
    latin = len(_ASCII_VISIBLE.findall(norm))
    return Profile(frozenset(anchors(norm) + structure(norm)), latin, visible - latin, norm)


def lexicon_anchors(
    source: list[str], target: list[str], pairs: list[tuple[str, str]]
) -> tuple[list[set[str]], list[set[str]]]:
    """Term-pair anchors: ``lex:k`` on every paragraph that uses side k of term pair k.

    Matching is case-insensitive on normalised text, on word boundaries where the term
    starts or ends with a word character (Japanese has none).

    >>> lexicon_anchors(["the worker process"], ["ワーカー プロセス"], [("worker process", "ワーカー プロセス")])
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
