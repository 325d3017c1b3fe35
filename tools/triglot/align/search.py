"""The best path through the alignment grid, in near-linear time.

Cell ``(i, j)`` means "the first i source and j target paragraphs are aligned". A
skeleton of sure points comes first: paragraph pairs that share an anchor found exactly
once in each document, kept only when they form a monotone chain (the longest one).
The dynamic programme then visits, in each row, only the columns between the skeleton
points around it (widened by a margin) and near the line through them, so its cost
grows with the document's length times the band's width, not with its square. The
evidence of every cell is computed with numpy a block of rows at a time (the anchors two
groups share once for all passes), and the programme keeps only the last rows' totals
and one byte per cell for the way back, so memory grows linearly too.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

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
    rows = list(zip(lows, highs, strict=True))
    return rows


Move = tuple[int, int, int, int]  # i0, i1, j0, j1


_BLOCK = 256  # rows scored at once: numpy for the evidence, memory bounded by the block
_KEEP_CELLS = 3_000_000  # cells whose shared anchors are kept between passes (~100 MB)


class Scorer(Protocol):
    def scores(self, a: int, b: int, starts_i: np.ndarray, starts_j: np.ndarray,
               memo: dict[str, Any]) -> np.ndarray:
        """Scores of the (a, b) beads starting at source paragraphs ``starts_i`` and
        target paragraphs ``starts_j``; ``memo`` keeps what does not change between
        passes over the same cells."""


@dataclass
class Cells:
    """The beads of one shape that end in a block of rows, inside the band."""

    starts_i: np.ndarray
    starts_j: np.ndarray
    spans: list[tuple[int, int]]  # per row of the block: first column and count
    memo: dict[str, Any] = field(default_factory=dict)


@dataclass
class Block:
    """The cells of every shape ending in rows ``first .. last - 1``, and where the moves
    between rows come from and go to (the same in every pass over the band): ``source``
    in the ring of the last rows' totals, ``target`` in the block's candidates (by row,
    shape and column), ordered by the row they end in (``bounds``: each row's first move)."""

    first: int
    last: int
    cells: list[Cells]
    source: np.ndarray
    target: np.ndarray
    order: np.ndarray
    bounds: list[int]


_LINKED = [k for k, (a, _) in enumerate(SHAPES) if a]  # moves from an earlier row
_WITHIN = [k for k, (a, _) in enumerate(SHAPES) if not a]  # moves along one row


class Grid:
    """The band (for each row 0..n, the columns visited) cut into blocks of rows, and the
    cells of each shape in each block: kept for the next passes over the same band while
    they are few enough (:data:`_KEEP_CELLS`), made again for each pass beyond."""

    def __init__(self, n: int, m: int, rows: Sequence[tuple[int, int]]) -> None:
        self.n, self.m, self.rows = n, m, rows
        self.lows = np.array([lo for lo, _ in rows], dtype=np.int64)
        self.highs = np.array([hi for _, hi in rows], dtype=np.int64)
        self.width = max(hi - lo + 1 for lo, hi in rows)
        self.ring_rows = max(a for a, _ in SHAPES) + 1
        cells = len(SHAPES) * sum(hi - lo + 1 for lo, hi in rows)
        self._kept: dict[int, Block] | None = {} if cells <= _KEEP_CELLS else None

    def blocks(self) -> Iterator[Block]:
        """Block after block of :data:`_BLOCK` rows."""
        for first in range(0, self.n + 1, _BLOCK):
            if self._kept is not None and first in self._kept:
                yield self._kept[first]
                continue
            block = self._block(first, min(self.n + 1, first + _BLOCK))
            if self._kept is not None:
                self._kept[first] = block
            yield block

    def _block(self, first: int, last: int) -> Block:
        cells = [self._cells(first, last, a, b) for a, b in SHAPES]
        sources, targets, ends = [], [], []
        for k in _LINKED:
            (a, b), one = SHAPES[k], cells[k]
            end_i = one.starts_i + a
            sources.append((one.starts_i % self.ring_rows) * self.width + one.starts_j
                           - self.lows[one.starts_i])
            targets.append(((end_i - first) * len(SHAPES) + k) * self.width + one.starts_j + b
                           - self.lows[end_i])
            ends.append(end_i)
        ending = np.concatenate(ends)
        order = np.argsort(ending, kind="stable")
        bounds = np.searchsorted(ending[order], np.arange(first, last + 1)).tolist()
        return Block(first, last, cells, np.concatenate(sources)[order],
                     np.concatenate(targets)[order], order, bounds)

    def _cells(self, first: int, last: int, a: int, b: int) -> Cells:
        # per row of the block, the columns an (a, b) move from the band of row i - a
        # reaches inside row i's own, for all rows at once
        rows = np.arange(first, last)
        lo, hi = self.lows[first:last], self.highs[first:last]
        earlier = np.maximum(rows - a, 0)
        firsts = np.maximum(lo, self.lows[earlier] + b)
        counts = np.maximum(0, np.minimum(hi, self.highs[earlier] + b) + 1 - firsts)
        none = rows < a  # no row a rows before
        firsts[none], counts[none] = lo[none], 0
        spans = list(zip(firsts.tolist(), counts.tolist(), strict=True))
        # each row's columns start .. start+count-1, end to end, without a loop
        before = np.cumsum(counts) - counts
        starts_j = (np.arange(counts.sum()) + np.repeat(firsts - before, counts)) - b
        starts_i = np.repeat(np.arange(first, last), counts) - a
        return Cells(starts_i, starts_j, spans)


def best_path(grid: Grid, scorer: Scorer) -> list[Move]:
    """The highest-scoring sequence of beads from (0, 0) to (n, m) inside the band.

    Only the last rows' totals are kept (a ring of rows); the choice made in every cell
    is one byte. A row takes a few numpy steps whatever its width: every move from an
    earlier row gathered at once (where each comes from and goes to is worked out for a
    whole block of rows once for all passes), the best per cell (the first shape on a
    tie), then the moves within the row as a running maximum.

    >>> import numpy as np
    >>> class Plain:
    ...     def scores(self, a, b, i, j, memo):
    ...         return np.full(len(i), 1.0 if a == b == 1 else -1.0)
    >>> best_path(Grid(2, 2, [(0, 2)] * 3), Plain())
    [(0, 1, 0, 1), (1, 2, 1, 2)]
    """
    rows, width, ring_rows = grid.rows, grid.width, grid.ring_rows
    ring = np.full((ring_rows, width), -np.inf)
    flat_ring = ring.reshape(-1)
    back: list[np.ndarray] = []  # per block, the choice made in each cell of its rows
    for block in grid.blocks():
        first, size = block.first, block.last - block.first
        found = [scorer.scores(a, b, cells.starts_i, cells.starts_j, cells.memo)
                 if len(cells.starts_i) else np.zeros(0)
                 for (a, b), cells in zip(SHAPES, block.cells, strict=True)]
        score = np.concatenate([found[k] for k in _LINKED])[block.order]
        source, target, bounds = block.source, block.target, block.bounds
        # the candidates of all the block's rows: a row needs only their best, and which
        # shape gave it is worked out for the whole block at once
        candidates = np.full((size, len(SHAPES), width), -np.inf)
        flat_candidates = candidates.reshape(-1)
        within = []
        for k in _WITHIN:
            spans = block.cells[k].spans
            # running sums of the block's scores: a row's are a slice, less its first
            within.append((np.concatenate(([0.0], np.cumsum(found[k]))), spans,
                           np.cumsum([0, *(count for _, count in spans)]).tolist(),
                           np.zeros((size, width), dtype=bool)))
        for r in range(size):
            i = first + r
            lo, hi = rows[i]
            cut = slice(bounds[r], bounds[r + 1])
            flat_candidates[target[cut]] = flat_ring[source[cut]] + score[cut]
            row = ring[i % ring_rows]  # the slot of row i - ring_rows, which no move reads
            candidates[r].max(axis=0, out=row)
            if i == 0:
                row[0] = 0.0  # the start; nothing leads into it
            for running, spans, at, improved in within:
                start, count = spans[r]
                if count:
                    _within_row(row, improved[r], running[at[r]:at[r] + count + 1]
                                - running[at[r]], start - lo)
            row[hi - lo + 1:] = -np.inf
        choice = candidates.argmax(axis=1).astype(np.uint8)  # the first shape on a tie
        for k, (*_, improved) in zip(_WITHIN, within, strict=True):
            choice[improved] = k
        back.append(choice)
    path = []
    i, j = grid.n, grid.m
    while i or j:
        a, b = SHAPES[back[i // _BLOCK][i % _BLOCK, j - rows[i][0]]]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    return path[::-1]


def _within_row(row: np.ndarray, improved: np.ndarray, running: np.ndarray, at: int) -> None:
    """Improve ``row`` in place by the moves of one more target paragraph and no source one
    into its cells ``at .. at + len(running) - 2``, whose scores have the running sums
    ``running`` (from 0); mark in ``improved`` the cells where such a move is best.

    The best way into cell t from the left starts at some cell u < t and adds the scores
    between: ``row[u] - running[u]`` at its best so far, plus ``running[t]``.
    """
    count = len(running) - 1
    before = row[at - 1:at + count]
    from_left = np.maximum.accumulate(before - running)[:-1] + running[1:]
    improved[at:at + count] = from_left > before[1:]
    np.maximum(before[1:], from_left, out=row[at:at + count])
