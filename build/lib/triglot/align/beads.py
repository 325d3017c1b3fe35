"""The result of an alignment: beads, anomalies, and the gold bead text format.

A bead pairs consecutive source paragraphs with consecutive target paragraphs (0-based
indices). The text format is the one of the seeds' gold files and the benchmark:
``[9]:[9, 10]`` is English paragraph 9 with target paragraphs 9 and 10, ``[3]:[]`` a
source paragraph with no counterpart, ``[]:[4]`` a target paragraph with none.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field

from triglot.errors import TriglotError


@dataclass(frozen=True)
class Bead:
    """Source paragraphs ``source`` translated by target paragraphs ``target``."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float  # 0..1

    @property
    def shape(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"1-0"`` ...

        >>> Bead((9,), (9, 10), 0.9).shape
        '1-2'
        """
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True)
class Anomaly:
    """Something a translator should look at.

    ``source`` and ``target`` are 0-based paragraph indices, like the beads'; ``message``
    names the paragraphs 1-based, for people.
    """

    kind: str
    message: str
    source: tuple[int, ...] = ()
    target: tuple[int, ...] = ()


@dataclass
class Alignment:
    """The beads in document order, and the anomalies found along the way."""

    beads: list[Bead]
    anomalies: list[Anomaly] = field(default_factory=list)


def format_bead(bead: Bead) -> str:
    """One bead in the gold format.

    >>> format_bead(Bead((3,), (), 0.8))
    '[3]:[]'
    """
    return f"{list(bead.source)}:{list(bead.target)}"


def format_beads(beads: Iterable[Bead]) -> str:
    """The beads in the gold format, one per line.

    >>> print(format_beads([Bead((0,), (0,), 1.0), Bead((1,), (1, 2), 0.7), Bead((), (3,), 0.5)]),
    ...       end="")
    [0]:[0]
    [1]:[1, 2]
    []:[3]
    """
    return "".join(format_bead(bead) + "\n" for bead in beads)


def parse_beads(text: str, path: str | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Read the gold format back (a trailing ``:score`` is ignored).

    >>> parse_beads("[0]:[0]\\n[1, 2]:[]\\n")
    [((0,), (0,)), ((1, 2), ())]
    """
    beads = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = [part.strip() for part in line.split(":") if part.strip()]
        if not parts:
            continue
        try:
            source, target = (tuple(ast.literal_eval(part)) for part in parts[:2])
        except (ValueError, SyntaxError, TypeError):
            raise TriglotError(f"not a bead: {line.strip()!r}", path=path, line=number) from None
        beads.append((source, target))
    return beads
