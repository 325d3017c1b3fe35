"""What the aligner knows about each language: data, not code paths.

Adding a language means one entry here: its script (``latin`` or ``cjk``), whether words
are separated by spaces, how long its prose runs against English, and a few very common words that tell it apart from its
neighbours when checking that a document is written in the language it claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triglot.errors import TriglotError


@dataclass(frozen=True)
class Language:
    code: str
    script: str  # "latin" or "cjk"
    joiner: str  # what goes between two paragraphs joined into one segment
    # characters of prose per English character, as commonly seen in translation: the
    # length model's starting belief, which a document's own pairs then outweigh
    length_ratio: float
    common_words: frozenset[str] = frozenset()


LANGUAGES = {
    lang.code: lang
    for lang in (
        Language("en", "latin", " ", 1.0, frozenset(
            ["the", "of", "and", "to", "is", "in", "that", "it", "for", "are", "with", "this", "be", "as", "by", "not", "which"])),
        Language("pt_BR", "latin", " ", 1.1, frozenset(
            ["o", "os", "da", "das", "dos", "que", "em", "para", "uma", "um", "com", "não", "é", "são", "pelo", "pela"])),
        Language("ja", "cjk", "", 0.5, frozenset()),
    )
}

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+")


def language(code: str) -> Language:
    """The language of a catalog code; ``pt-BR`` and ``pt_br`` mean ``pt_BR``.

    >>> language("pt-BR").code
    'pt_BR'
    >>> language("xx")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: unknown language code 'xx' (known: en, ja, pt_BR)
    """
    head, _, region = code.replace("-", "_").partition("_")
    normal = head.lower() + ("_" + region.upper() if region else "")
    if normal not in LANGUAGES:
        raise TriglotError(f"unknown language code {code!r} (known: {', '.join(sorted(LANGUAGES))})")
    return LANGUAGES[normal]


def looks_like(text: str, lang: Language, other: Language) -> bool:
    """False when ``text`` is clearly not in ``lang`` (it reads as ``other`` instead).

    Short texts get the benefit of the doubt.

    >>> en, ja = language("en"), language("ja")
    >>> looks_like("これは日本語の文章です。" * 20, ja, en)
    True
    >>> looks_like("This is an English text about the thing. " * 20, ja, en)
    False
    """
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < 200:
        return True
    cjk = len(_CJK.findall(text))
    if lang.script == "cjk":
        return cjk >= 0.05 * letters
    if cjk > 0.3 * letters:
        return False
    if not lang.common_words or not other.common_words or other.script != "latin":
        return True
    words = [word.lower() for word in _WORD.findall(text)]
    own = sum(word in lang.common_words for word in words)
    theirs = sum(word in other.common_words for word in words)
    return own >= 0.05 * theirs
