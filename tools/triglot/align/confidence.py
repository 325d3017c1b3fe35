"""A confidence in 0..1 for each bead of the best path.

A linked bead is as sure as its score beats leaving its paragraphs unaligned; an
unlinked paragraph is as sure as staying alone beats its best one-to-one link with the
neighbouring paragraphs on the other side. Both margins are log-odds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from triglot.align.model import SHAPES, PairModel
from triglot.align.search import Move


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))


def confidences(path: Sequence[Move], model: PairModel) -> list[float]:
    """One confidence per bead of ``path``."""
    wanted: list[list[tuple[int, int, int, int]]] = []
    for i0, i1, j0, j1 in path:
        a, b = i1 - i0, j1 - j0
        if a and b:
            # a bead the repairs grew beyond the model's shapes: judged by its known core
            a_known, b_known = max(((x, y) for x, y in SHAPES if 0 < x <= a and 0 < y <= b),
                                   key=lambda shape: shape[0] + shape[1])
            wanted.append([(i0, a_known, j0, b_known)])
        elif a:
            wanted.append([(i0, 1, j, 1) for j in (j0 - 1, j0) if 0 <= j < model.m])
        else:
            wanted.append([(i, 1, j0, 1) for i in (i0 - 1, i0) if 0 <= i < model.n])
    found = iter(model.score_many([bead for beads in wanted for bead in beads]))
    result = []
    for (i0, i1, j0, j1), beads in zip(path, wanted, strict=True):
        scores = [next(found) for _ in beads]
        a, b = i1 - i0, j1 - j0
        if a and b:
            _, a_known, _, b_known = beads[0]
            result.append(_sigmoid(scores[0] - model.null_score(a_known, b_known)))
        else:
            # staying alone keeps two paragraphs unlinked; the rival links them
            result.append(_sigmoid(model.null_score(1, 1) - max(scores)) if scores else 1.0)
    return result
