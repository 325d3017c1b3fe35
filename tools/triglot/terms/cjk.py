"""Term matching for scripts written without spaces (Japanese, Chinese): by substring.

A compound is written as one word (クラスデコレータ, キーワード引数), so a term is found
wherever its characters occur, compared after NFKC and lowercasing, with spaces and
joiners (・, hyphens) ignored on both sides (サーバ・インスタンス, ファイル パス). Two
things keep that from finding what is not there:

- a term wholly inside one dictionary word of the text, ending before the word does, is
  part of that word, not the term (ループ in グループ): the words are the finest
  segmentation (Sudachi's split mode A) of the languages that have an analyzer
  (Japanese); a trailing long-vowel mark does not make a word longer (サーバ in サーバー);
- a long-vowel mark is a spelling variant (サーバ is サーバー, ワーカ プロセス is
  ワーカープロセス) unless the termbase lists both spellings, as a preferred and a
  deprecated term;
- a term written in Latin letters matches only between non-letters; a term written in
  the script is compared with the text as written, so English left in the text is
  never the term (Sudachi's normalization would read "path" as パス).

>>> index = SubstringIndex(["ループ", "イベントループ", "引数"], japanese_words)
>>> index.hits("イベント・ループとグループの引数")
[(0, 8), (5, 8), (14, 16)]
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from triglot.terms.trie import trie_pattern

_JOINERS = re.compile(r"[\s\-‐‑‒–—・･]")
# Ignored when comparing: spaces, joiners, and long-vowel marks, whose spelling varies
# (サーバ/サーバー, ワーカ プロセス/ワーカープロセス)
_SKIP = re.compile(r"[\s\-‐‑‒–—・･ー]")
_LATIN = re.compile(r"[a-z0-9_]")


def fold(text: str) -> str:
    """A term's or a text's comparable form."""
    return _SKIP.sub("", unicodedata.normalize("NFKC", text).lower())


def spelling(text: str) -> str:
    """The written form, long-vowel marks kept: what tells サーバ from サーバー where a
    termbase lists both."""
    return _JOINERS.sub("", unicodedata.normalize("NFKC", text).lower())


class SubstringIndex:
    """Folded terms, found in texts by one compiled trie expression; ``words(text)``
    gives the spans of the text's dictionary words, if the language has them."""

    def __init__(self, terms: Iterable[str],
                 words: Callable[[str], list[tuple[int, int]]] | None = None) -> None:
        self.terms = {folded for term in terms if (folded := fold(term))}
        self.longest = max(map(len, self.terms), default=0)
        self.firsts = frozenset(term[0] for term in self.terms)
        self.words = words
        pattern = trie_pattern(self.terms)
        self.pattern = re.compile(f"(?=({pattern}))") if self.terms else None

    def may_match(self, text: str) -> bool:
        """Whether ``text`` has a character a term begins with: without one, neither it
        nor any text made from it by blanking characters out holds a term.

        >>> index = SubstringIndex(["引数"])
        >>> index.may_match("キー``ワード``引"), index.may_match("キーワード")
        (True, False)
        """
        return not self.firsts.isdisjoint(unicodedata.normalize("NFKC", text).lower())

    def hits(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` (original offsets) where a term occurs, by start then length
        (longest first)."""
        if self.pattern is None:
            return []
        norm = unicodedata.normalize("NFKC", text).lower()
        if len(norm) != len(text):  # a character changed length: fold one by one
            return self._hits_slow(text)
        folded = _SKIP.sub("", norm)
        found = [(m.start(), m.group(1)) for m in self.pattern.finditer(folded)]
        if not found:
            return []
        gaps = [m.start() - k for k, m in enumerate(_SKIP.finditer(norm))]
        spans = []
        for at, longest in found:
            for size in range(len(longest), 0, -1):
                if longest[:size] in self.terms:
                    start = at + bisect.bisect_right(gaps, at)
                    last = at + size - 1
                    end = last + bisect.bisect_right(gaps, last) + 1
                    while text[end:end + 1] == "ー":
                        end += 1
                    spans.append((start, end))
        return self._keep(text, norm, spans)

    def _hits_slow(self, text: str) -> list[tuple[int, int]]:
        spans = []
        reach = 2 * self.longest + 8  # characters a term can span, joiners included
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + reach) + 1):
                if fold(text[start:end]) in self.terms and not _SKIP.match(text[end - 1]):
                    spans.append((start, end))
        spans.sort(key=lambda s: (s[0], s[0] - s[1]))
        return self._keep(text, unicodedata.normalize("NFKC", text).lower(), spans)

    def _keep(self, text: str, norm: str, spans: list[tuple[int, int]]
              ) -> list[tuple[int, int]]:
        if not spans:
            return []
        # a term can be inside a longer word only where the text goes on in its script
        glued = any(_same_script(text, start - 1, start) or _same_script(text, end - 1, end)
                    for start, end in spans)
        words = self.words(text) if self.words and glued else []
        starts = [w[0] for w in words]
        kept = []
        for start, end in spans:
            if len(norm) == len(text) and _LATIN.match(norm[start]) and (
                    _word_at(norm, start - 1, -1) or _word_at(norm, end, 1)):
                continue  # a Latin term inside a longer Latin word (aspnet_isapi.dll)
            k = bisect.bisect_right(starts, start) - 1
            if k >= 0:
                w_start, w_end = words[k]
                if end <= w_end and (start > w_start or text[end:w_end].strip("ー")):
                    continue  # inside a longer dictionary word
            kept.append((start, end))
        return kept


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x30a0 <= code <= 0x30ff:
        return "katakana"
    if 0x3040 <= code <= 0x309f:
        return "hiragana"
    if 0x4e00 <= code <= 0x9fff or 0x3400 <= code <= 0x4dbf:
        return "kanji"
    return "latin" if ch.isalnum() else ""


def _same_script(text: str, a: int, b: int) -> bool:
    """Whether ``text[a]`` and ``text[b]`` are letters of one script."""
    if a < 0 or b >= len(text):
        return False
    script = _script(text[a])
    return bool(script) and script == _script(text[b])


def _word_at(norm: str, k: int, step: int) -> bool:
    """Whether a Latin word goes on at ``norm[k]`` (a letter, or a dot before one)."""
    if not 0 <= k < len(norm):
        return False
    if _LATIN.match(norm[k]):
        return True
    after = k + step
    return norm[k] == "." and 0 <= after < len(norm) and bool(_LATIN.match(norm[after]))


@functools.cache
def _sudachi() -> object:
    try:
        from sudachipy import Dictionary, SplitMode
    except ImportError:
        from triglot.errors import TriglotError

        raise TriglotError("Japanese term matching needs SudachiPy; install it with: "
                           "pip install sudachipy sudachidict_core") from None
    return Dictionary(dict="core").tokenizer(mode=SplitMode.A)


def japanese_morphemes(text: str) -> Iterator[tuple[str, bool]]:
    """Each morpheme of ``text`` in order, split mode A, as ``(surface, known)``: known
    is False for a word not in Sudachi's dictionary.

    >>> [surface for surface, _known in japanese_morphemes("名前付きパイプ")]
    ['名前', '付き', 'パイプ']
    """
    for chunk in _chunks(text, 4000):  # SudachiPy refuses inputs of about 49 kB
        for morpheme in _sudachi().tokenize(chunk):  # type: ignore[attr-defined]
            yield morpheme.surface(), not morpheme.is_oov()


def japanese_words(text: str) -> list[tuple[int, int]]:
    """The spans of the dictionary words (not unknown words) of ``text``, split mode A."""
    spans = []
    pos = 0
    for surface, known in japanese_morphemes(text):
        if known:
            spans.append((pos, pos + len(surface)))
        pos += len(surface)
    return spans


def _chunks(text: str, limit: int) -> list[str]:
    return [text[i:i + limit] for i in range(0, len(text), limit)] or [""]


WORDS: dict[str, Callable[[str], list[tuple[int, int]]]] = {"ja": japanese_words}
