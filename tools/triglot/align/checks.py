"""Refusing input that cannot be aligned at all: a document with no prose in its language.

Real translations are partial: code blocks, identifiers and whole paragraphs left in the
source language are what translators deliver, and they are aligned (the anomalies say
what is odd). A document is refused only when none of its prose paragraphs is written in
the language it is said to be in, while some read as the other language: the wrong file,
or the wrong language code. Copies of the other document's paragraphs are not evidence
for either side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from triglot.errors import TriglotError
from triglot.languages import Language

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]{2,}|[^\W\d_]")
_PROSE_WORDS = 3  # fewer words than this is a label, a heading or code: no verdict
_CJK_PROSE = 4  # kana and kanji needed for a paragraph to read as Japanese or Chinese
_COMMON_SHARE = 0.1
_CODE_MARKS = re.compile(r"[=(){}\[\];<>$#@|&*+/\\]")
_CODE_SHARE = 0.1


class WrongLanguage(TriglotError):
    """A document with no prose in its stated language; ``side`` is source or target."""

    def __init__(self, message: str, side: str) -> None:
        super().__init__(message)
        self.side = side


def check_languages(source: Sequence[str], target: Sequence[str],
                    src_lang: Language, tgt_lang: Language) -> None:
    """Raise :class:`WrongLanguage` when a document has no prose in its stated language.

    >>> from triglot.languages import get_language
    >>> english = ["This is the English text of the article, and it is long enough."] * 5
    >>> check_languages(english, english, get_language("en"), get_language("pt_BR"))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    triglot.align.checks.WrongLanguage: the target has no pt_BR prose: none of its 5 prose ...
    >>> half = english[:3] + ["Este é o texto em português do artigo, que não é curto."]
    >>> check_languages(english, half, get_language("en"), get_language("pt_BR"))
    """
    if src_lang == tgt_lang:
        return
    # the source is the original: a paragraph both share is the target's copy of it
    for side, texts, lang, other, copies in (("source", source, src_lang, tgt_lang, set()),
                                             ("target", target, tgt_lang, src_lang,
                                              set(source))):
        prose = 0
        for text in texts:
            verdict = reads_as(text, lang, other, text in copies)
            if verdict:
                break  # one paragraph of prose in the language is enough
            prose += verdict is not None
        else:
            if not prose:
                continue
            copied = sum(text in copies for text in texts)
            why = f" ({copied} are the source's own text)" if copied else ""
            raise WrongLanguage(f"the {side} has no {lang.code} prose: none of its "
                                f"{prose} prose paragraphs is {lang.code}{why}; wrong "
                                f"file, or wrong --{side}-lang?", side)


def reads_as(text: str, lang: Language, other: Language, copy: bool = False) -> bool | None:
    """True when ``text`` is prose in ``lang``, False when it is prose in ``other`` (or,
    being a ``copy`` of the other document's paragraph, prose at all), None when it is
    not prose that tells (code, a label, a language without common words to tell by).

    >>> from triglot.languages import get_language
    >>> en, pt = get_language("en"), get_language("pt_BR")
    >>> reads_as("O processo de trabalho é reiniciado pelo IIS.", pt, en)
    True
    >>> reads_as("The worker process is restarted by IIS.", pt, en)
    False
    >>> print(reads_as("config.yaml: {port: 8080}", pt, en))
    None
    """
    cjk = len(_CJK.findall(text))
    if cjk >= _CJK_PROSE:
        return lang.script == "cjk"  # otherwise in the other language, or in a third
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < _PROSE_WORDS or cjk:
        return None
    if copy:
        return False
    if not lang.common_words and lang.script != "cjk":
        return None
    own = sum(word in lang.common_words for word in words)
    theirs = sum(word in other.common_words for word in words)
    # common words are a tenth or more of any prose; a stray one ("in") tells nothing
    if own > theirs and own >= _COMMON_SHARE * len(words):
        return True
    if theirs > own and theirs >= _COMMON_SHARE * len(words):
        return False
    return None


def is_code(text: str, lang: Language, other: Language) -> bool:
    """Whether ``text`` is code: prose in neither language, with the operators and
    brackets of code (a tenth of its characters or more). A title or a label is not.

    >>> from triglot.languages import get_language
    >>> [is_code(text, get_language("en"), get_language("pt_BR"))
    ...  for text in ("queue = multiprocessing.Manager().Queue(-1)", "Generators",
    ...               "Buffer request types", "You should use a queue from the manager.")]
    [True, False, False, False]
    """
    visible = len("".join(text.split()))
    return (visible > 0 and len(_CODE_MARKS.findall(text)) >= _CODE_SHARE * visible
            and reads_as(text, lang, other) is None and not _CJK.search(text))
