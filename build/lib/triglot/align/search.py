"""The best path through the alignment grid, in near-linear time.

Cell ``(i, j)`` means "the first i source and j target paragraphs are aligned". A
skeleton of sure points comes first: paragraph pairs that share an anchor found exactly
once in each document, kept only when they form a monotone chain (the longest one).
The dynamic programme then visits, in each row, only the columns between the skeleton
points around it (widened by a margin) and near the line through them, so its cost
grows with the document's length times the band's width, not with its square.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from triglot.align.model import SHAPES

MARGIN = 8  # columns of slack around the skeleton
MAX_HALF_WIDTH = 40  # never further than this from the line through the skeleton


def monotone_chain(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of points increasing in both coordinates.

    >>> monotone_chain([(0, 0), (1, 5), (2, 1), (3, 2), (4, 0)])
    [(0, 0), (2, 1), (3, 2)]
    """
    ordered = sorted(set(points), key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # tails[k]: smallest end column of a chain of length k+1
    ends: list[int] = []  # index of that chain's last point
    previous = [-1] * len(ordered)
    for index, (_, j) in enumerate(ordered):
        k = bisect.bisect_left(tails, j)
        previous[index] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[k], ends[k] = j, index
    chain = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(ordered[index])
        index = previous[index]
    return chain[::-1]


def band(n: int, m: int, sure: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each row 0..n, the columns (lo, hi) the search visits.

    >>> band(4, 4, [(2, 2)])[2]
    (0, 4)
    """
    points = [(0, 0)]
    for i, j in monotone_chain(sure):
        if points[-1][0] < i and points[-1][1] < j:
            points += [(i, j), (i + 1, j + 1)]
    if len(points) > 1 and (points[-1][0] >= n or points[-1][1] >= m):
        points.pop()
    points.append((n, m))
    rows: list[tuple[int, int]] = []
    k = 0
    for i in range(n + 1):
        while points[k + 1][0] < i:
            k += 1
        (i0, j0), (i1, j1) = points[k], points[k + 1]
        centre = j0 + (j1 - j0) * (i - i0) / (i1 - i0) if i1 > i0 else j0
        lo = max(0, j0 - MARGIN, int(centre) - MAX_HALF_WIDTH)
        hi = min(m, j1 + MARGIN, int(centre) + MAX_HALF_WIDTH + 1)
        rows.append((lo, hi))
    lows, highs = [lo for lo, _ in rows], [hi for _, hi in rows]
    lows[0], highs[n] = 0, m
    # Rows must be monotone and overlap, so that the end is reachable from every row.
    for i in range(1, n + 1):
        lows[i] = max(lows[i], lows[i - 1])
    for i in range(n - 1, -1, -1):
        highs[i] = min(highs[i], highs[i + 1])
    for i in range(n + 1):
        highs[i] = max(highs[i], lows[i])
        if i and lows[i] > highs[i - 1] + 1:
            highs[i - 1] = lows[i] - 1
    rows = list(zip(lows, highs))
    return rows


Move = tuple[int, int, int, int]  # i0, i1, j0, j1


def best_path(n: int, m: int, rows: Sequence[tuple[int, int]],
              score: Callable[[int, int, int, int], float]) -> list[Move]:
    """The highest-scoring sequence of beads from (0, 0) to (n, m) inside ``rows``.

    ``score(i, a, j, b)`` scores source paragraphs ``i .. i+a-1`` against ``j .. j+b-1``.

    >>> best_path(2, 2, [(0, 2)] * 3, lambda i, a, j, b: 1.0 if a == b == 1 else -1.0)
    [(0, 1, 0, 1), (1, 2, 1, 2)]
    """
    neg = float("-inf")
    best: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        lo, hi = rows[i]
        row_best = [neg] * (hi - lo + 1)
        row_back = [-1] * (hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row_best[0] = 0.0
                continue
            top, arg = neg, -1
            for k, (a, b) in enumerate(SHAPES):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = rows[pi]
                if pj < plo or pj > phi:
                    continue
                prev = (row_best if a == 0 else best[pi])[pj - plo]
                if prev == neg:
                    continue
                total = prev + score(pi, a, pj, b)
                if total > top:
                    top, arg = total, k
            row_best[j - lo], row_back[j - lo] = top, arg
        best.append(row_best)
        back.append(row_back)
    path = []
    i, j = n, m
    while i or j:
        a, b = SHAPES[back[i][j - rows[i][0]]]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    return path[::-1]
