"""A confidence in 0..1 for each bead of the best path.

A linked bead is as sure as its score beats leaving its paragraphs unaligned; an
unlinked paragraph is as sure as staying alone beats its best one-to-one link with the
neighbouring paragraphs on the other side. Both margins are log-odds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from triglot.align.model import PairModel
from triglot.align.search import Move


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))


def confidences(path: Sequence[Move], model: PairModel) -> list[float]:
    """One confidence per bead of ``path``."""
    result = []
    for i0, i1, j0, j1 in path:
        a, b = i1 - i0, j1 - j0
        if a and b:
            result.append(_sigmoid(model.score(i0, a, j0, b) - model.null_score(a, b)))
            continue
        if a:
            rivals = [model.score(i0, 1, j, 1) for j in (j0 - 1, j0) if 0 <= j < model.m]
        else:
            rivals = [model.score(i, 1, j0, 1) for i in (i0 - 1, i0) if 0 <= i < model.n]
        # staying alone keeps two paragraphs unlinked; the rival links them
        result.append(_sigmoid(model.null_score(1, 1) - max(rivals)) if rivals else 1.0)
    return result
