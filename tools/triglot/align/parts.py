"""Cutting long documents into parts that are aligned one after the other.

A part ends at a grid node the alignment surely passes through: the start of a sure
pair (an anchor seen equally often in both documents, its k-th paragraphs paired in
order) on the monotone chain of such pairs, chosen where most of the chain around it
agrees on the same diagonal. Each part then gets its own model, calibrated on its own
pairs, so time and memory grow with the document's length and peak memory with the
part's.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence

from triglot.align.anchors import anchor_set, normalise
from triglot.align.search import monotone_chain

_SUPPORT = 10  # rows either side in which chain points on the same diagonal are counted


def cuts(source: Sequence[str], target: Sequence[str], size: int) -> list[tuple[int, int]]:
    """Grid nodes (i, j) at which to cut, about every ``size`` source paragraphs.

    >>> source = [f"Paragraph about item_{k}." for k in range(10)]
    >>> target = [f"Parágrafo sobre item_{k}." for k in range(10)]
    >>> cuts(source, target, 4)
    [(4, 4), (8, 8)]
    """
    n, m = len(source), len(target)
    if max(n, m) <= size:
        return []
    chain = monotone_chain(_sure_pairs(source, target))
    found: list[tuple[int, int]] = []
    last = (0, 0)
    k = 0
    while last[0] + size < n and last[1] + size < m:
        lo, hi = last[0] + size // 2, last[0] + size
        while k < len(chain) and chain[k][0] < lo:
            k += 1
        window = []
        while k < len(chain) and chain[k][0] <= hi:
            window.append(k)
            k += 1
        if not window:
            if k >= len(chain):
                break
            continue  # no sure pair here: the part grows to the next one
        best = max(window, key=lambda w: (_support(chain, w), w))
        last = chain[best]
        found.append(last)
        k = best + 1
    return found


def _support(chain: Sequence[tuple[int, int]], at: int) -> int:
    """How many chain points near ``chain[at]`` lie on its diagonal."""
    i, j = chain[at]
    near = range(max(0, at - _SUPPORT), min(len(chain), at + _SUPPORT + 1))
    return sum(1 for k in near if chain[k][1] - chain[k][0] == j - i)


def _sure_pairs(source: Sequence[str], target: Sequence[str]) -> list[tuple[int, int]]:
    src = [_tokens(text) for text in source]
    tgt = [_tokens(text) for text in target]
    df_s = Counter(t for tokens in src for t in tokens)
    df_t = Counter(t for tokens in tgt for t in tokens)
    evenly = {t for t, count in df_s.items() if df_t.get(t) == count}
    where_s: dict[str, list[int]] = {}
    where_t: dict[str, list[int]] = {}
    for where, side in ((where_s, src), (where_t, tgt)):
        for index, tokens in enumerate(side):
            for t in evenly.intersection(tokens):
                where.setdefault(t, []).append(index)
    return [point for t, rows in where_s.items()
            for point in zip(rows, where_t[t], strict=True)]


def _tokens(text: str) -> tuple[str, ...]:
    """A paragraph's anchors, interned: a long document's are many repeats of few."""
    return tuple(sys.intern(t) for t in anchor_set(normalise(text)))
