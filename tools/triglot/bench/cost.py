"""What a benchmark measures: CPU seconds of the processes it runs (children included),
with wall seconds beside, their medians, and a straight line fitted through them.

The machine a benchmark runs on may be shared: CPU seconds are what it judges, wall
seconds are printed for reference.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass


def children_cpu() -> float:
    """CPU seconds (user and system) of every child process that has ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Cost:
    """CPU and wall seconds of one run, or the medians of several."""

    cpu: float
    wall: float

    def __str__(self) -> str:
        """
        >>> str(Cost(1.234, 5.0))
        '1.23 s CPU (5.00 s wall)'
        """
        return f"{self.cpu:.2f} s CPU ({self.wall:.2f} s wall)"


class Measured:
    """The cost of a ``with measure() as m:`` block, in ``m.cost`` once it has ended."""

    cost = Cost(0.0, 0.0)


@contextmanager
def measure() -> Iterator[Measured]:
    """Measure the children the block runs and waits for (their CPU), and its wall time."""
    measured = Measured()
    cpu, start = children_cpu(), time.perf_counter()
    yield measured
    measured.cost = Cost(children_cpu() - cpu, time.perf_counter() - start)


def median(costs: Sequence[Cost]) -> Cost:
    """The median CPU and the median wall seconds of ``costs`` (each on its own).

    >>> median([Cost(3, 1), Cost(1, 9), Cost(2, 5)])
    Cost(cpu=2, wall=5)
    """
    return Cost(statistics.median(c.cpu for c in costs),
                statistics.median(c.wall for c in costs))


@dataclass(frozen=True)
class Fit:
    """``y ≈ intercept + slope·x``, and how much of ``y``'s variance the line explains."""

    slope: float
    intercept: float
    r2: float


def linear_fit(xs: Sequence[float], ys: Sequence[float]) -> Fit:
    """The least-squares line through ``(xs, ys)`` and its R².

    >>> fit = linear_fit([50, 100, 200], [13, 23, 43])
    >>> round(fit.slope, 3), round(fit.intercept, 3), round(fit.r2, 3)
    (0.2, 3.0, 1.0)
    >>> round(linear_fit([50, 100, 200], [10, 25, 80]).r2, 3)  # a parabola, yet near 1
    0.984
    """
    slope, intercept = statistics.linear_regression(xs, ys)
    r = statistics.correlation(xs, ys) if len(set(ys)) > 1 else 1.0
    return Fit(slope, intercept, r * r)
