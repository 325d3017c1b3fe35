"""Refusing input that cannot be aligned meaningfully: documents in the wrong language."""

from __future__ import annotations

from collections.abc import Sequence

from triglot.align.languages import Language, looks_like
from triglot.errors import TriglotError

_IDENTICAL_SHARE = 0.8  # beyond this, the "translation" is the source again


def check_languages(source: Sequence[str], target: Sequence[str],
                    src_lang: Language, tgt_lang: Language) -> None:
    """Raise :class:`TriglotError` when a document is clearly not in its stated language.

    >>> from triglot.align.languages import language
    >>> english = ["This is the English text of the article, and it is long enough."] * 5
    >>> check_languages(english, english, language("en"), language("pt_BR"))
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
