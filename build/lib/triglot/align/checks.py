"""Refusing input that cannot be aligned meaningfully: documents in the wrong language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from triglot.errors import TriglotError
from triglot.languages import Language

_IDENTICAL_SHARE = 0.8  # beyond this, the "translation" is the source again
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+")


def check_languages(source: Sequence[str], target: Sequence[str],
                    src_lang: Language, tgt_lang: Language) -> None:
    """Raise :class:`TriglotError` when a document is clearly not in its stated language.

    >>> from triglot.languages import get_language
    >>> english = ["This is the English text of the article, and it is long enough."] * 5
    >>> check_languages(english, english, get_language("en"), get_language("pt_BR"))
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: the target is not in pt_BR: 5 of its 5 paragraphs are the source's own text
    """
    if src_lang == tgt_lang:
        return
    if len(target) >= 5:
        src_set = set(source)
        same = sum(text in src_set for text in target)
        if same > _IDENTICAL_SHARE * len(target):
            raise TriglotError(f"the target is not in {tgt_lang.code}: {same} of its "
                               f"{len(target)} paragraphs are the source's own text")
    for side, texts, lang, other in (("source", source, src_lang, tgt_lang),
                                     ("target", target, tgt_lang, src_lang)):
        if not looks_like("\n".join(texts), lang, other):
            raise TriglotError(f"the {side} does not look like {lang.code} text "
                               f"(wrong file, or wrong --{side}-lang?)")


def looks_like(text: str, lang: Language, other: Language) -> bool:
    """False when ``text`` is clearly not in ``lang`` (it reads as ``other`` instead).

    Short texts get the benefit of the doubt.

    >>> from triglot.languages import get_language
    >>> en, ja = get_language("en"), get_language("ja")
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
