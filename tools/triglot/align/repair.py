"""Local repairs of the best path, where the document-wide priors mislead the search.

A document whose English gained whole sections since it was translated has a high
deletion prior, and the search then prefers leaving two neighbours unaligned (a 1-0
next to a 0-1) to linking a pair whose evidence is merely good. Two unaligned
neighbours that are more likely a translation than chance are linked.
"""

from __future__ import annotations

from collections.abc import Sequence

from triglot.align.model import PairModel
from triglot.align.search import Move


def link_neighbours(path: Sequence[Move], model: PairModel) -> list[Move]:
    """``path`` with each adjacent deletion and insertion that look like a pair as one 1-1.

    >>> class Evidence:  # paragraphs 0 and 0 pair, 1 and 1 do not
    ...     def evidence(self, i, a, j, b): return 2.0 if i == j == 0 else -2.0
    >>> link_neighbours([(0, 1, 0, 0), (0, 0, 0, 1), (1, 2, 1, 1), (2, 2, 1, 2)], Evidence())
    [(0, 1, 0, 1), (1, 2, 1, 1), (2, 2, 1, 2)]
    """
    repaired: list[Move] = []
    for move in path:
        if repaired:
            i0, i1, j0, j1 = repaired[-1]
            k0, k1, l0, l1 = move
            one_each = {(i1 - i0, j1 - j0), (k1 - k0, l1 - l0)} == {(1, 0), (0, 1)}
            if one_each:
                i, j = min(i0, k0), min(j0, l0)
                if model.evidence(i, 1, j, 1) > 0:
                    repaired[-1] = (i, i + 1, j, j + 1)
                    continue
        repaired.append(move)
    return repaired
