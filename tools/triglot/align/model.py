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

import functools
import itertools
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from triglot.align.anchors import Profile

Shape = tuple[int, int]
SHAPES: tuple[Shape, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3),
                             (4, 1), (1, 4))

# Starting beliefs, before the document pair tells its own story. Each is re-estimated
# from the first pass; the initial value counts as PRIOR_WEIGHT beads of evidence.
_INITIAL_PRIOR = {(1, 1): 0.85, (1, 0): 0.05, (0, 1): 0.03, (2, 1): 0.03, (1, 2): 0.03,
                  (2, 2): 0.005, (3, 1): 0.003, (1, 3): 0.003, (4, 1): 0.001,
                  (1, 4): 0.001}
MAX_GROUP = max(max(shape) for shape in SHAPES)  # most paragraphs on one side of a bead
PRIOR_WEIGHT = 20.0
_INITIAL_SIGMA = 0.35
_INITIAL_RECALL = 0.6
_TOKEN_RECALL_WEIGHT = 2.0  # pairs' worth of the overall survival rate behind each anchor's
_SMOOTH = 10.0  # characters added to every length: short titles vary most
_LENGTH_OUTLIERS = 0.1  # true pairs whose lengths tell nothing
_INITIAL_ANCHOR_OUTLIERS = 0.1  # true pairs whose anchors tell nothing (the source was revised)
_BALANCE = 0.5  # an anchor counts when its paragraph counts on both sides are this close


class PairModel:
    """Scores candidate beads between two documents."""

    def __init__(self, source: Sequence[Profile], target: Sequence[Profile],
                 length_ratio: float = 1.0) -> None:
        """``length_ratio``: target characters per source character in the language pair's
        prose, what the length model believes before the document pair speaks."""
        self.source = source
        self.target = target
        self.n, self.m = len(source), len(target)
        df_s = Counter(itertools.chain.from_iterable(p.anchors for p in source))
        df_t = Counter(itertools.chain.from_iterable(p.anchors for p in target))
        shared = sorted(
            token for token in df_s.keys() & df_t.keys()
            if min(df_s[token], df_t[token]) >= _BALANCE * max(df_s[token], df_t[token])
        )
        self.token_ids = {token: k for k, token in enumerate(shared)}
        # a token found in fewer paragraphs on one side cannot always survive translation
        self.balance = [min(df_s[t], df_t[t]) / max(df_s[t], df_t[t]) for t in shared]
        self.p_source = [(df_s[t] + 0.5) / (self.n + 1) for t in shared]
        self.p_target = [(df_t[t] + 0.5) / (self.m + 1) for t in shared]
        self.evenly = frozenset(k for k, t in enumerate(shared) if df_s[t] == df_t[t])
        self.src_tokens = [self._ids(p.anchors) for p in source]
        self.tgt_tokens = [self._ids(p.anchors) for p in target]
        self._starts_ids = frozenset(k for t, k in self.token_ids.items() if t[0] == "^")
        self._ends_ids = frozenset(k for t, k in self.token_ids.items() if t[0] == "§")
        # Only an anchor whose numbered repeats are shared can gain ids by renumbering
        # joined paragraphs: every other one is left out of the counting (most of them).
        self._numbered: dict[str, dict[int, int]] = {}
        for t, k in self.token_ids.items():
            head, sep, number = t.rpartition("#")
            if sep and number.isdigit() and t[0] not in "^§":
                self._numbered.setdefault(head, {})[int(number)] = k
        self.src_group_tokens = self._group_tokens(source, self.src_tokens, df_s.keys())
        self.tgt_group_tokens = self._group_tokens(target, self.tgt_tokens, df_t.keys())
        # running totals of each side's characters, for the length of any run of paragraphs
        self._src_latin, self._src_other = _running(source)
        self._tgt_latin, self._tgt_other = _running(target)
        self.src_members = {size: _Members(g) for size, g in self.src_group_tokens.items()}
        self.tgt_members = {size: _Members(g) for size, g in self.tgt_group_tokens.items()}
        other_t = sum(p.other for p in target)
        latin_t = sum(p.latin for p in target)
        # a change of script: the target's non-Latin characters need their own ratio
        self.scripts_differ = other_t > 0.2 * (other_t + latin_t)
        # With a change of script the prior is in the target's own characters' weight,
        # and lengths then match on average; otherwise it is in the mean log ratio.
        self.prior_ratio = 1.0 / length_ratio if self.scripts_differ else 1.0
        self.prior_mu = 0.0 if self.scripts_differ else -math.log(length_ratio)
        self._kept_log_lengths: dict[int, tuple[float, dict[int, np.ndarray]]] = {}
        self.calibrate(None)

    def _ids(self, anchors: Iterable[str]) -> frozenset[int]:
        ids = self.token_ids
        return frozenset(map(ids.__getitem__, ids.keys() & anchors))

    def _group_tokens(self, profiles: Sequence[Profile], singles: list[frozenset[int]],
                      every: Iterable[str]) -> dict[int, list[frozenset[int]]]:
        """The anchors of each run of 1 to MAX_GROUP consecutive paragraphs taken as one text
        (``singles``: each paragraph's own; ``every``: every anchor of ``profiles``).

        Repeats are counted across the run (``python`` in two paragraphs is ``python``
        and ``python#2`` of the joined text). A paragraph's structure is how it ends
        (``§``: title, question ...) and how it starts (``^``: heading, list ...): joined
        into one text, only the last one's ending and the first one's start survive.
        """
        starts_ids, ends_ids, numbered = self._starts_ids, self._ends_ids, self._numbered
        relevant = {t: base for t in every if t[0] not in "^§" and (base := _base(t)) in numbered}
        # each paragraph as the first of a run, the last, and in between; most have no
        # shared structure anchor, and are then all three as they are
        heads = [one if one.isdisjoint(ends_ids) else one - ends_ids for one in singles]
        tails = [one if one.isdisjoint(starts_ids) else one - starts_ids for one in singles]
        inner = [one if one.isdisjoint(starts_ids) else one - starts_ids for one in heads]
        # per paragraph, how often each such base occurs
        counts = [Counter(map(relevant.__getitem__, found)) if (found := relevant.keys()
                                                                  & p.anchors) else {}
                  for p in profiles]
        groups: dict[int, list[frozenset[int]]] = {size: [] for size in range(2, MAX_GROUP + 1)}
        # Each run grows from its first paragraph one paragraph at a time: what a paragraph
        # adds (its repeats renumbered after those before it) does not depend on the next.
        total = len(profiles)
        for start in range(total):
            within, seen = heads[start], dict(counts[start])
            renumbered: set[int] = set()
            stop = min(total, start + MAX_GROUP)
            for last in range(start + 1, stop):
                for base, count in counts[last].items():  # mostly none
                    if before := seen.get(base, 0):
                        known = numbered[base]
                        renumbered.update(known[n] for n in range(before + 1, before + count + 1)
                                          if n in known)
                    seen[base] = before + count
                groups[last - start + 1].append(within.union(tails[last], renumbered)
                                                if renumbered else within | tails[last])
                if last + 1 < stop:
                    within = within | inner[last]
        return {1: singles, **groups}

    def _src_length(self, i0: int, i1: int) -> float:
        return float(self._src_latin[i1] - self._src_latin[i0]
                     + self._src_other[i1] - self._src_other[i0])

    def _tgt_length(self, j0: int, j1: int) -> float:
        return float(self._tgt_latin[j1] - self._tgt_latin[j0]
                     + self.ratio * (self._tgt_other[j1] - self._tgt_other[j0]))

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
            self.token_recall = self._token_recall(pairs)
        else:
            self.mu = _shrink(self._log_ratio(0, self.n, 0, self.m), self.prior_mu, evidence)
            self.sigma = _INITIAL_SIGMA
            self.recall = _INITIAL_RECALL
            self.token_recall = {}
        counts = Counter((i1 - i0, j1 - j0) for i0, i1, j0, j1 in beads or ())
        total_beads = sum(counts.values())
        self.log_prior = {
            shape: math.log((counts[shape] + PRIOR_WEIGHT * p) / (total_beads + PRIOR_WEIGHT))
            for shape, p in _INITIAL_PRIOR.items()
        }
        self._prepare()
        self.anchor_outliers = _INITIAL_ANCHOR_OUTLIERS
        if pairs:
            # the share of the pairs found whose anchors speak against them
            starts = np.array([(i0, j0) for i0, _, j0, _ in pairs]).T
            against = float((self._anchor_evidence(1, 1, starts[0], starts[1], {}) < 0).mean())
            self.anchor_outliers = min(0.5, max(0.01, _shrink(
                against, _INITIAL_ANCHOR_OUTLIERS, len(pairs))))

    def _token_recall(self, pairs: Sequence[tuple[int, int, int, int]]) -> dict[int, float]:
        """How often each anchor survives translation in this document pair: of the 1-1
        pairs that have it on one side, the share that have it on both, shrunk towards
        the document's overall rate. Identifiers survive, an ordinary word that both
        languages happen to use (``site``, ``all``) mostly does not."""
        either: Counter[int] = Counter()
        both: Counter[int] = Counter()
        for i0, _, j0, _ in pairs:
            src, tgt = self.src_tokens[i0], self.tgt_tokens[j0]
            either.update(src | tgt)
            both.update(src & tgt)
        weight = _TOKEN_RECALL_WEIGHT
        return {t: min(0.95, (both[t] + weight * self.recall) / (seen + weight))
                for t, seen in either.items()}

    def _log_ratio(self, i0: int, i1: int, j0: int, j1: int) -> float:
        return math.log(self._src_length(i0, i1) + _SMOOTH) - math.log(
            self._tgt_length(j0, j1) + _SMOOTH)

    def _prepare(self) -> None:
        """Per-anchor weights and per-group lengths and penalties, as arrays, for
        :meth:`scores`."""
        recall = np.full(len(self.balance), self.recall)
        for t, r in self.token_recall.items():
            recall[t] = r
        # A true partner carries the anchor when it survived translation (rate r),
        # or by chance like any paragraph; a random one only by chance.
        r = recall * np.asarray(self.balance)
        ps, pt = np.asarray(self.p_source), np.asarray(self.p_target)
        absent = np.log(1 - r)
        # A group of k paragraphs holds an anchor by chance more often: 1 - (1 - p)^k.
        self.gain = {}
        for a, b in SHAPES:
            if a and b:
                ps_a, pt_b = 1 - (1 - ps) ** a, 1 - (1 - pt) ** b
                both = 0.5 * (np.log((r + (1 - r) * pt_b) / pt_b)
                              + np.log((r + (1 - r) * ps_a) / ps_a))
                self.gain[(a, b)] = both - 2 * absent
        self.src_log_length = self._log_lengths(0, 1.0)
        self.tgt_log_length = self._log_lengths(1, self.ratio)
        src_logs, tgt_logs = self.src_log_length[1], self.tgt_log_length[1]
        self.bg_mu = float(src_logs.mean() - tgt_logs.mean()) if self.n and self.m else 0.0
        spread = (float(src_logs.var()) if self.n > 1 else 0.0) + (
            float(tgt_logs.var()) if self.m > 1 else 0.0)
        self.bg_sigma = max(math.sqrt(spread), 2 * self.sigma)
        self.src_absent = {size: members.sums(absent)
                           for size, members in self.src_members.items()}
        self.tgt_absent = {size: members.sums(absent)
                           for size, members in self.tgt_members.items()}

    def _log_lengths(self, side: int, ratio: float) -> dict[int, np.ndarray]:
        """The log length (smoothed) of every run of 1 to MAX_GROUP paragraphs of a side,
        by run size. Kept per side for the last ``ratio``: the source's never changes
        between calibrations, nor the target's without a change of script."""
        kept = self._kept_log_lengths.get(side)
        if kept is None or kept[0] != ratio:
            kept = ratio, {size: np.log(self._lengths(side, ratio, size) + _SMOOTH)
                           for size in range(1, MAX_GROUP + 1)}
            self._kept_log_lengths[side] = kept
        return kept[1]

    def _lengths(self, side: int, ratio: float, size: int) -> np.ndarray:
        """The length of every run of ``size`` paragraphs of the source (``side`` 0) or
        the target (1), non-Latin characters weighted by ``ratio``."""
        latin, other = ((self._src_latin, self._src_other) if side == 0
                        else (self._tgt_latin, self._tgt_other))
        total = latin + ratio * other
        return total[size:] - total[:-size] if len(total) > size else np.zeros(0)

    def length_scores(self, x: np.ndarray) -> np.ndarray:
        """Log-likelihood ratios of log length ratios ``x``: true pair against chance.

        True pairs are Gaussian around the document's ratio, except for a share
        (:data:`_LENGTH_OUTLIERS`) of free translations that look like chance.
        """
        # half the difference of the squared z-scores, a quadratic in x: fewer passes
        # over the many cells than working out both z-scores
        inv, inv_bg = 1 / self.sigma**2, 1 / self.bg_sigma**2
        a = 0.5 * (inv_bg - inv)
        b = self.mu * inv - self.bg_mu * inv_bg
        c = 0.5 * (self.bg_mu**2 * inv_bg - self.mu**2 * inv)
        log_ratio = np.minimum(50.0, (a * x + b) * x + c)
        return np.logaddexp(math.log(_LENGTH_OUTLIERS), log_ratio + math.log(
            (1 - _LENGTH_OUTLIERS) * self.bg_sigma / self.sigma))

    def scores(self, a: int, b: int, starts_i: np.ndarray, starts_j: np.ndarray,
               memo: dict[str, Any] | None = None) -> np.ndarray:
        """Scores of the (a, b) beads that start at source ``starts_i[k]`` and target
        ``starts_j[k]``: the shape's log prior plus the evidence of anchors and length.
        ``memo`` keeps the anchors each pair shares, for the next pass over the same
        pairs."""
        prior = self.log_prior[(a, b)]
        if a == 0 or b == 0:
            return np.full(len(starts_i), prior)
        anchor = self._anchor_evidence(a, b, starts_i, starts_j, {} if memo is None else memo)
        # a revised or free translation keeps few anchors: they then tell nothing
        low = anchor < 0.0
        q = self.anchor_outliers
        anchor[low] = np.logaddexp(math.log(q), math.log(1 - q) + anchor[low])
        lengths = self.src_log_length[a][starts_i] - self.tgt_log_length[b][starts_j]
        return prior + anchor + self.length_scores(lengths)

    def _anchor_evidence(self, a: int, b: int, starts_i: np.ndarray, starts_j: np.ndarray,
                         memo: dict[str, Any]) -> np.ndarray:
        """The log-likelihood ratio of the anchors the groups share and lack."""
        if "shared" not in memo:
            memo["shared"] = self._shared(a, b, starts_i, starts_j)
        cells, found = memo["shared"]
        anchor = self.src_absent[a][starts_i] + self.tgt_absent[b][starts_j]
        if len(found):
            anchor += np.bincount(cells, self.gain[(a, b)][found], minlength=len(starts_i))
        return anchor

    def _shared(self, a: int, b: int, starts_i: np.ndarray,
                starts_j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The anchors each pair of groups shares: pair numbers and anchor ids, flat.

        Found anchor by anchor, not pair by pair: the pairs come in runs of one source
        group against consecutive target groups (a row of the search's band), and each
        anchor of a run's source group is looked up, by binary search, among the target
        groups that hold it within the run's columns. The work grows with the anchors
        shared and the runs, not with the pairs times their anchors.
        """
        if not len(starts_i):
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
        src, tgt = self.src_members[a], self.tgt_members[b]
        # runs: the same source group, target groups one after the other
        new = np.ones(len(starts_i), dtype=bool)
        new[1:] = (np.diff(starts_i) != 0) | (np.diff(starts_j) != 1)
        first = np.flatnonzero(new)
        count = np.diff(np.append(first, len(starts_i)))
        group, lo = starts_i[first], starts_j[first]
        # every anchor of every run's source group
        run, at = _expand(np.searchsorted(src.owners, group, "left"),
                          np.searchsorted(src.owners, group, "right"))
        anchor = src.anchors[at]
        keys, owners = tgt.by_anchor
        key = anchor * tgt.width + lo[run]
        hit, at = _expand(np.searchsorted(keys, key), np.searchsorted(keys, key + count[run]))
        run = run[hit]
        # kept between passes for every cell: small integers
        return (first[run] + owners[at] - lo[run]).astype(np.int32), anchor[hit].astype(np.int32)

    def score_many(self, beads: Sequence[tuple[int, int, int, int]]) -> list[float]:
        """The scores of many beads (i, a, j, b), computed shape by shape."""
        found = [0.0] * len(beads)
        by_shape: dict[tuple[int, int], list[int]] = {}
        for k, (_, a, _, b) in enumerate(beads):
            by_shape.setdefault((a, b), []).append(k)
        for (a, b), ks in by_shape.items():
            starts_i = np.array([beads[k][0] for k in ks], dtype=np.int32)
            starts_j = np.array([beads[k][2] for k in ks], dtype=np.int32)
            for k, value in zip(ks, self.scores(a, b, starts_i, starts_j).tolist(), strict=True):
                found[k] = value
        return found

    def score(self, i: int, a: int, j: int, b: int) -> float:
        """Score of the bead of source paragraphs ``i .. i+a-1`` and target ``j .. j+b-1``."""
        return float(self.scores(a, b, np.array([i]), np.array([j]))[0])

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        """How much likelier the bead is a translation than chance: its score without
        the shape's prior."""
        return self.score(i, a, j, b) - self.log_prior[(a, b)]

    def sure_points(self) -> list[tuple[int, int]]:
        """Paragraph pairs that an anchor seen equally often in both documents links:
        its k-th paragraph in the source with its k-th in the target (an anchor found once
        on each side, or the same section repeated). :func:`.search.band` keeps those
        that form one monotone chain."""
        where_s: dict[int, list[int]] = {}
        where_t: dict[int, list[int]] = {}
        for where, tokens in ((where_s, self.src_tokens), (where_t, self.tgt_tokens)):
            for index, found in enumerate(tokens):
                for t in found & self.evenly:
                    where.setdefault(t, []).append(index)
        return [point for t, rows in where_s.items() for point in zip(rows, where_t[t],
                                                                      strict=True)]

    def null_score(self, a: int, b: int) -> float:
        """What the paragraphs of an (a, b) bead would score left unaligned."""
        return a * self.log_prior[(1, 0)] + b * self.log_prior[(0, 1)]

    def length_z(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """How many standard deviations a bead's length ratio is from the document's."""
        return (self._log_ratio(i0, i1, j0, j1) - self.mu) / self.sigma


def _running(profiles: Sequence[Profile]) -> tuple[np.ndarray, np.ndarray]:
    """Running totals of the Latin and of the other characters, from 0."""
    latin = np.array([0] + [p.latin for p in profiles], dtype=float).cumsum()
    other = np.array([0] + [p.other for p in profiles], dtype=float).cumsum()
    return latin, other


class _Members:
    """The anchors of many groups, flat, for sums over each group."""

    def __init__(self, groups: Sequence[frozenset[int]]) -> None:
        self.count = len(groups)
        self.owners = np.repeat(np.arange(len(groups)), list(map(len, groups)))
        self.anchors = np.fromiter(itertools.chain.from_iterable(groups), dtype=np.int64,
                                   count=len(self.owners))
        self.width = len(groups) + 1  # keys anchor * width + group never collide

    @functools.cached_property
    def by_anchor(self) -> tuple[np.ndarray, np.ndarray]:
        """Keys ``anchor * width + group`` in order, and the group of each: the groups
        that hold an anchor, within a range of groups, are one binary search away."""
        keys = self.anchors * self.width + self.owners
        order = np.argsort(keys, kind="stable")
        return keys[order], self.owners[order]

    def sums(self, weights: np.ndarray) -> np.ndarray:
        """For each group, the sum of its anchors' ``weights``."""
        return np.bincount(self.owners, weights[self.anchors], minlength=self.count)


def _expand(begins: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every position of the ranges ``begins[k] .. ends[k] - 1``, end to end, with the
    number k of its range.

    >>> _expand(np.array([3, 0, 7]), np.array([5, 0, 8]))
    (array([0, 0, 2]), array([3, 4, 7]))
    """
    lengths = ends - begins
    ranges = np.repeat(np.arange(len(begins)), lengths)
    return ranges, np.arange(len(ranges)) - np.repeat(np.cumsum(lengths) - lengths - begins,
                                                      lengths)


def _shrink(estimate: float, prior: float, evidence: int) -> float:
    """``estimate`` from ``evidence`` pairs, pulled towards ``prior`` worth PRIOR_WEIGHT."""
    return (PRIOR_WEIGHT * prior + evidence * estimate) / (PRIOR_WEIGHT + evidence)


def _base(anchor: str) -> str:
    """An anchor without its repeat number: ``python#2`` is ``python``."""
    head, sep, count = anchor.rpartition("#")
    return head if sep and count.isdigit() else anchor
