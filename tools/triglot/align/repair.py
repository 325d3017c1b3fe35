"""Local repairs of the best path, where the document-wide priors mislead the search.

- A document whose English gained whole sections since it was translated has a high
  deletion prior, and the search then prefers leaving two neighbours unaligned (a 1-0
  next to a 0-1) to linking a pair whose evidence is merely good. Two unaligned
  neighbours that are more likely a translation than chance are linked.
- A paragraph added to the English since the translation, next to one that was
  translated, can take its neighbour's translation when the lengths and anchors of both
  say about as much: code added before or after the sentence that introduces it, and the
  introduction's translation paired with the code. A target paragraph that is prose in
  its language translates the prose neighbour, not the code; the two swap.
- Wrapper markup on one side only (``{{% alert %}}`` … ``{{% /alert %}}`` against a
  ``> [!NOTE]`` blockquote) is a paragraph of its own with no counterpart of its own; it
  joins the bead it wraps when that bead's other side has a counterpart of it (the
  same kind of block: an admonition for an admonition), and so does what it wraps up to
  its closing markup, where the search left that unaligned.
"""

from __future__ import annotations

from collections.abc import Sequence

from triglot.align.anchors import wrapper
from triglot.align.checks import is_code, reads_as
from triglot.align.model import PairModel
from triglot.align.search import Move
from triglot.languages import Language

_SWAP_MARGIN = 1.0  # log-odds the prose neighbour may trail the code it replaces by


def repair(path: Sequence[Move], model: PairModel, src_lang: Language,
           tgt_lang: Language) -> list[Move]:
    """Every repair, in order."""
    path = prose_takes_prose(link_neighbours(path, model), model, src_lang, tgt_lang)
    return attach_wrappers(path, model)


def prose_takes_prose(path: Sequence[Move], model: PairModel, src_lang: Language,
                      tgt_lang: Language) -> list[Move]:
    """``path`` with each translation that a new code paragraph took (a 1-1 bead of code
    and target prose next to an unaligned source paragraph that is not code) given to
    that neighbour.

    >>> from triglot.align.anchors import profile
    >>> from triglot.languages import get_language
    >>> en, pt = get_language("en"), get_language("pt_BR")
    >>> model = PairModel([profile("Use a queue from the manager instead:"),
    ...                    profile("queue = multiprocessing.Manager().Queue(-1)")],
    ...                   [profile("Use uma fila do gerenciador em vez disso:")])
    >>> prose_takes_prose([(0, 1, 0, 0), (1, 2, 0, 1)], model, en, pt)
    [(0, 1, 0, 1), (1, 2, 1, 1)]
    """
    moves = list(path)
    for k in range(len(moves) - 1):
        (i0, i1, j0, j1), (k0, k1, l0, l1) = moves[k], moves[k + 1]
        shapes = (i1 - i0, j1 - j0), (k1 - k0, l1 - l0)
        if shapes == ((1, 1), (1, 0)):
            linked, alone, j = i0, k0, j0
        elif shapes == ((1, 0), (1, 1)):
            linked, alone, j = k0, i0, l0
        else:
            continue
        source, target = model.source, model.target
        if (is_code(source[linked].text, src_lang, tgt_lang)
                and not is_code(source[alone].text, src_lang, tgt_lang)
                and reads_as(target[j].text, tgt_lang, src_lang)
                and model.evidence(alone, 1, j, 1) > max(0.0, model.evidence(linked, 1, j, 1)
                                                         - _SWAP_MARGIN)):
            first = min(linked, alone)
            moves[k:k + 2] = ([(first, first + 1, j, j + 1), (first + 1, first + 2, j + 1, j + 1)]
                              if alone == first else
                              [(first, first + 1, j, j), (first + 1, first + 2, j, j + 1)])
    return moves


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
            if {(i1 - i0, j1 - j0), (k1 - k0, l1 - l0)} == {(1, 0), (0, 1)}:
                i, j = min(i0, k0), min(j0, l0)
                if model.evidence(i, 1, j, 1) > 0:
                    repaired[-1] = (i, i + 1, j, j + 1)
                    continue
        repaired.append(move)
    return repaired


def attach_wrappers(path: Sequence[Move], model: PairModel) -> list[Move]:
    """``path`` with one-sided wrapper paragraphs joined to the bead they wrap."""
    moves = list(path)
    k = 1
    while k < len(moves):
        if _linked(moves[k]):
            for side in (0, 1):
                moves, k = _attach(moves, k, side, model)
        k += 1
    return moves


def _linked(move: Move) -> bool:
    return move[1] > move[0] and move[3] > move[2]


def _alone(move: Move, side: int) -> bool:
    """Whether ``move`` is one paragraph of ``side`` (0 source, 1 target) left unaligned."""
    own, other = (move[1] - move[0], move[3] - move[2])[::1 if side == 0 else -1]
    return own == 1 and other == 0


def _attach(moves: list[Move], k: int, side: int, model: PairModel) -> tuple[list[Move], int]:
    """Join to the bead ``moves[k]`` an opening wrapper on ``side`` just before it (with
    the unaligned paragraphs between them), when the bead's other side starts with the
    same kind of block; then everything up to its closing markup, when only unaligned
    paragraphs of that side lie between."""
    own, other = (model.source, model.target) if side == 0 else (model.target, model.source)
    first = k
    while first > 0 and _alone(moves[first - 1], side):
        first -= 1
        opening = wrapper(own[moves[first][2 * side]].text)
        if opening is not None and not opening[1]:
            break
    else:
        return moves, k
    bead = moves[k]
    kinds = {t for t in own[moves[first][2 * side]].anchors if t.startswith("^")}
    if not kinds & other[bead[2 * (1 - side)]].anchors:
        return moves, k
    last = k
    for after in range(k + 1, len(moves)):
        if not _alone(moves[after], side):
            break
        if wrapper(own[moves[after][2 * side]].text) == (opening[0], True):
            last = after
            break
    grown = _grow(bead, side, moves[first][2 * side], moves[last][2 * side + 1])
    return moves[:first] + [grown] + moves[last + 1:], first


def _grow(move: Move, side: int, start: int, stop: int) -> Move:
    i0, i1, j0, j1 = move
    return (start, stop, j0, j1) if side == 0 else (i0, i1, start, stop)


