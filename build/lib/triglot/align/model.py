"""How likely a group of source paragraphs and a group of target paragraphs are a bead.

A bead's score is a log-likelihood ratio against chance, plus the log prior of its
shape, so the best alignment is the path with the highest total (see :mod:`.search`).
Two kinds of evidence, each calibrated on the document pair itself
(:meth:`PairModel.calibrate`, re-run on the beads of a first pass):

- length: the log ratio of the lengths is Gaussian around the document's own mean.
  Latin-script characters (code, identifiers, numbers) count one for one; the other
  characters of the target (Japanese script) are weighted by the document's own
  ratio, because code keeps its length in translation and prose does not;
- anchors (:mod:`.anchors`) seen on both sides about equally often: sharing a rare one
  is strong evidence, lacking a partner's anchor is evidence against.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from triglot.align.anchors import Profile

Shape = tuple[int, int]
SHAPES: tuple[Shape, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))

# Starting beliefs, before the document pair tells its own story. Each is re-estimated
# from the first pass; the initial value counts as PRIOR_WEIGHT beads of evidence.
_INITIAL_PRIOR = {(1, 1): 0.85, (1, 0): 0.05, (0, 1): 0.03, (2, 1): 0.03, (1, 2): 0.03,
                  (2, 2): 0.005, (3, 1): 0.003, (1, 3): 0.003}
PRIOR_WEIGHT = 20.0
_INITIAL_SIGMA = 0.35
_INITIAL_RECALL = 0.6
_SMOOTH = 10.0  # characters added to every length: short titles vary most
_LENGTH_OUTLIERS = 0.1  # true pairs whose lengths tell nothing
_BALANCE = 0.5  # an anchor counts when its paragraph counts on both sides are this close


@dataclass
class Group:
    """Consecutive paragraphs taken together."""

    log_length: float
    tokens: frozenset[int]
    absent: float  # the score if none of the tokens is found on the other side


class PairModel:
    """Scores candidate beads between two documents."""

    def __init__(self, source: Sequence[Profile], target: Sequence[Profile],
                 length_ratio: float = 1.0) -> None:
        """``length_ratio``: target characters per source character in the language pair's
        prose, what the length model believes before the document pair speaks."""
        self.source = source
        self.target = target
        self.n, self.m = len(source), len(target)
        df_s = Counter(token for p in source for token in p.anchors)
        df_t = Counter(token for p in target for token in p.anchors)
        shared = sorted(
            token for token in df_s.keys() & df_t.keys()
            if min(df_s[token], df_t[token]) >= _BALANCE * max(df_s[token], df_t[token])
        )
        self.token_ids = {token: k for k, token in enumerate(shared)}
        # a token found in fewer paragraphs on one side cannot always survive translation
        self.balance = [min(df_s[t], df_t[t]) / max(df_s[t], df_t[t]) for t in shared]
        self.p_source = [(df_s[t] + 0.5) / (self.n + 1) for t in shared]
        self.p_target = [(df_t[t] + 0.5) / (self.m + 1) for t in shared]
        self.unique = frozenset(k for k, t in enumerate(shared) if df_s[t] == df_t[t] == 1)
        self.src_tokens = [self._ids(p.anchors) for p in source]
        self.tgt_tokens = [self._ids(p.anchors) for p in target]
        self.src_group_tokens = self._group_tokens(source)
        self.tgt_group_tokens = self._group_tokens(target)
        other_t = sum(p.other for p in target)
        latin_t = sum(p.latin for p in target)
        # a change of script: the target's non-Latin characters need their own ratio
        self.scripts_differ = other_t > 0.2 * (other_t + latin_t)
        # With a change of script the prior is in the target's own characters' weight,
        # and lengths then match on average; otherwise it is in the mean log ratio.
        self.prior_ratio = 1.0 / length_ratio if self.scripts_differ else 1.0
        self.prior_mu = 0.0 if self.scripts_differ else -math.log(length_ratio)
        self.calibrate(None)

    def _ids(self, anchors: Iterable[str]) -> frozenset[int]:
        ids = self.token_ids
        return frozenset(ids[t] for t in anchors if t in ids)

    def _group_tokens(self, profiles: Sequence[Profile]) -> dict[int, list[frozenset[int]]]:
        """The anchors of each run of 1 to 3 consecutive paragraphs taken as one text.

        Repeats are counted across the run (``python`` in two paragraphs is ``python``
        and ``python#2`` of the joined text), and a paragraph's structure (title,
        question ...) is how it ends: joined to the next one, it no longer ends, so
        only the last paragraph's structure can survive translation.
        """
        shared = {_base(t) for t in self.token_ids}
        counts = [Counter(b for t in p.anchors if (b := _base(t)) in shared) for p in profiles]
        singles = [self._ids(p.anchors) for p in profiles]
        inner = [self._ids(t for t in p.anchors if not t.startswith("§")) for p in profiles]
        groups = {1: singles}
        for size in (2, 3):
            row = []
            for start in range(len(profiles) - size + 1):
                last = start + size - 1
                union = singles[last].union(*inner[start:last])
                bases = [counts[k].keys() for k in range(start, last + 1)]
                if any(x & y for n, x in enumerate(bases) for y in bases[n + 1:]):
                    total: Counter[str] = Counter()
                    for k in range(start, last):
                        total.update({t: c for t, c in counts[k].items() if t[0] != "§"})
                    total.update(counts[last])
                    union = self._ids(t if n == 1 else f"{t}#{n}"
                                      for t, c in total.items() for n in range(1, c + 1))
                row.append(union)
            groups[size] = row
        return groups

    def _src_length(self, i0: int, i1: int) -> float:
        return sum(p.latin + p.other for p in self.source[i0:i1])

    def _tgt_length(self, j0: int, j1: int) -> float:
        return sum(p.latin + self.ratio * p.other for p in self.target[j0:j1])

    def calibrate(self, beads: Sequence[tuple[int, int, int, int]] | None) -> None:
        """Estimate the document's parameters from ``beads`` (i0, i1, j0, j1), or from
        the documents as wholes when there are none yet."""
        pairs = [b for b in beads or () if b[1] - b[0] == 1 and b[3] - b[2] == 1]
        # The whole documents, before any bead, count as many pairs as they could hold.
        # Every estimate is shrunk towards the language pair's, as if PRIOR_WEIGHT pairs
        # had shown it: a tiny document cannot outvote what translations usually do.
        evidence = len(pairs) if pairs else min(self.n, self.m)
        self.ratio = 1.0
        if self.scripts_differ:
            spans = pairs or [(0, self.n, 0, self.m)]
            src = sum(self._src_length(i0, i1) for i0, i1, _, _ in spans)
            latin = sum(p.latin for _, _, j0, j1 in spans for p in self.target[j0:j1])
            other = sum(p.other for _, _, j0, j1 in spans for p in self.target[j0:j1])
            ratio = min(5.0, max(0.2, (src - latin) / other)) if other and src > latin else 1.0
            self.ratio = _shrink(ratio, self.prior_ratio, evidence)
        if pairs:
            logs = [self._log_ratio(i0, i1, j0, j1) for i0, i1, j0, j1 in pairs]
            self.mu = _shrink(statistics.median(logs), self.prior_mu, evidence)
            spread = statistics.median(abs(x - self.mu) for x in logs) * 1.4826
            self.sigma = min(1.0, max(0.1, math.sqrt(_shrink(spread**2, _INITIAL_SIGMA**2,
                                                             evidence))))
            hits = 2 * sum(len(self.src_tokens[i0] & self.tgt_tokens[j0])
                           for i0, _, j0, _ in pairs)
            total = sum(len(self.src_tokens[i0]) + len(self.tgt_tokens[j0])
                        for i0, _, j0, _ in pairs)
            chance = sum(sum(self.p_target[t] for t in self.src_tokens[i0])
                         + sum(self.p_source[t] for t in self.tgt_tokens[j0])
                         for i0, _, j0, _ in pairs)
            # the share of anchors that survive translation, beyond chance matches
            self.recall = (min(0.95, max(0.2, (hits - chance) / (total - chance)))
                           if total > chance else _INITIAL_RECALL)
        else:
            self.mu = _shrink(self._log_ratio(0, self.n, 0, self.m), self.prior_mu, evidence)
            self.sigma = _INITIAL_SIGMA
            self.recall = _INITIAL_RECALL
        counts = Counter((i1 - i0, j1 - j0) for i0, i1, j0, j1 in beads or ())
        total_beads = sum(counts.values())
        self.log_prior = {
            shape: math.log((counts[shape] + PRIOR_WEIGHT * p) / (total_beads + PRIOR_WEIGHT))
            for shape, p in _INITIAL_PRIOR.items()
        }
        self._prepare()

    def _log_ratio(self, i0: int, i1: int, j0: int, j1: int) -> float:
        return math.log(self._src_length(i0, i1) + _SMOOTH) - math.log(
            self._tgt_length(j0, j1) + _SMOOTH)

    def _prepare(self) -> None:
        self.gain = []
        absent_s, absent_t = [], []
        for ps, pt, balance in zip(self.p_source, self.p_target, self.balance):
            # A true partner carries the anchor when it survived translation (rate r),
            # or by chance like any paragraph; a random one only by chance.
            r = self.recall * balance
            with_s, with_t = r + (1 - r) * ps, r + (1 - r) * pt
            both = 0.5 * (math.log(with_t / pt) + math.log(with_s / ps))
            only_s = only_t = math.log(1 - r)
            absent_s.append(only_s)
            absent_t.append(only_t)
            self.gain.append(both - only_s - only_t)
        src_logs = [math.log(p.latin + p.other + _SMOOTH) for p in self.source]
        tgt_logs = [math.log(p.latin + self.ratio * p.other + _SMOOTH) for p in self.target]
        self.bg_mu = statistics.fmean(src_logs or [0.0]) - statistics.fmean(tgt_logs or [0.0])
        spread = (statistics.pvariance(src_logs) if len(src_logs) > 1 else 0.0) + (
            statistics.pvariance(tgt_logs) if len(tgt_logs) > 1 else 0.0)
        self.bg_sigma = max(math.sqrt(spread), 2 * self.sigma)
        self.group_odds = {k: 0.5 * math.log(k) for k in range(1, 10)}
        self.src_groups = self._groups(self.source, self.src_group_tokens, absent_s, 1.0)
        self.tgt_groups = self._groups(self.target, self.tgt_group_tokens, absent_t, self.ratio)

    @staticmethod
    def _groups(profiles: Sequence[Profile], tokens: dict[int, list[frozenset[int]]],
                absent: list[float], ratio: float) -> dict[int, list[Group]]:
        groups = {}
        for size in (1, 2, 3):
            row = []
            for start in range(len(profiles) - size + 1):
                span = range(start, start + size)
                length = sum(profiles[k].latin + ratio * profiles[k].other for k in span)
                union = tokens[size][start]
                row.append(Group(math.log(length + _SMOOTH), union,
                                 sum(absent[t] for t in union)))
            groups[size] = row
        return groups

    def length_score(self, x: float) -> float:
        """Log-likelihood ratio of a log length ratio ``x``: true pair against chance.

        True pairs are Gaussian around the document's ratio, except for a share
        (:data:`_LENGTH_OUTLIERS`) of free translations that look like chance.
        """
        z, zb = (x - self.mu) / self.sigma, (x - self.bg_mu) / self.bg_sigma
        ratio = math.exp(min(50.0, 0.5 * (zb * zb - z * z))) * self.bg_sigma / self.sigma
        return math.log(_LENGTH_OUTLIERS + (1 - _LENGTH_OUTLIERS) * ratio)

    def score(self, i: int, a: int, j: int, b: int) -> float:
        """Score of the bead of source paragraphs ``i .. i+a-1`` and target ``j .. j+b-1``."""
        if a == 0 or b == 0:
            return self.log_prior[(a, b)]
        src, tgt = self.src_groups[a][i], self.tgt_groups[b][j]
        common = src.tokens & tgt.tokens
        anchor = src.absent + tgt.absent
        if common:
            # a bigger group shares an anchor by chance more often: about a*b times
            anchor += sum(map(self.gain.__getitem__, common)) - len(common) * self.group_odds[a * b]
        return (self.log_prior[(a, b)] + anchor
                + self.length_score(src.log_length - tgt.log_length))

    def sure_points(self) -> list[tuple[int, int]]:
        """Paragraph pairs sharing an anchor that occurs exactly once in each document."""
        where_s = {t: i for i, tokens in enumerate(self.src_tokens)
                   for t in tokens if t in self.unique}
        where_t = {t: j for j, tokens in enumerate(self.tgt_tokens)
                   for t in tokens if t in self.unique}
        return [(i, where_t[t]) for t, i in where_s.items() if t in where_t]

    def null_score(self, a: int, b: int) -> float:
        """What the paragraphs of an (a, b) bead would score left unaligned."""
        return a * self.log_prior[(1, 0)] + b * self.log_prior[(0, 1)]

    def length_z(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """How many standard deviations a bead's length ratio is from the document's."""
        return (self._log_ratio(i0, i1, j0, j1) - self.mu) / self.sigma


def _shrink(estimate: float, prior: float, evidence: int) -> float:
    """``estimate`` from ``evidence`` pairs, pulled towards ``prior`` worth PRIOR_WEIGHT."""
    return (PRIOR_WEIGHT * prior + evidence * estimate) / (PRIOR_WEIGHT + evidence)


def _base(anchor: str) -> str:
    """An anchor without its repeat number: ``python#2`` is ``python``."""
    head, sep, count = anchor.rpartition("#")
    return head if sep and count.isdigit() else anchor
