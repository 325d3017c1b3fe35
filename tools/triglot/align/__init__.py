"""Paragraph alignment of a document and its translation.

>>> result = align_paragraphs(
...     ["IIS 5 and 6 work differently.", "In IIS5, aspnet_isapi.dll runs in inetinfo.exe.",
...      "Untranslated note."],
...     ["IIS 5 と 6 の動作は異なります。",
...      "IIS5 では、aspnet_isapi.dll は inetinfo.exe 内で動きます。"],
...     source_lang="en", target_lang="ja")
>>> print(format_beads(result.beads), end="")
[0]:[0]
[1]:[1]
[2]:[]
>>> [anomaly.kind for anomaly in result.anomalies]
['missing']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from triglot.align.anchors import Profile, lexicon_anchors, profile
from triglot.align.anomalies import find_anomalies
from triglot.align.beads import Alignment, Anomaly, Bead, format_beads, parse_beads
from triglot.align.checks import check_languages
from triglot.align.confidence import confidences
from triglot.align.model import PairModel
from triglot.align.parts import cuts
from triglot.align.repair import repair
from triglot.align.search import Grid, band, best_path
from triglot.languages import Language, get_language

__all__ = ["Alignment", "Anomaly", "Bead", "align_paragraphs", "format_beads", "parse_beads"]

PASSES = 3  # a first pass on whole-document estimates, then re-calibrated on its beads
PART_PARAGRAPHS = 4_000  # longer documents are aligned in parts of about this many


def align_paragraphs(
    source: Sequence[str],
    target: Sequence[str],
    *,
    source_lang: str,
    target_lang: str,
    lexicon: Iterable[tuple[str, str]] = (),
) -> Alignment:
    """Align the paragraphs of ``source`` with those of its translation ``target``.

    ``lexicon`` gives bilingual term pairs (source term, target term). Raises
    :class:`~triglot.errors.TriglotError` for an unknown language code, and
    :class:`~triglot.align.checks.WrongLanguage` when a document has no prose in the
    language it is said to be in.
    """
    src_lang, tgt_lang = get_language(source_lang), get_language(target_lang)
    check_languages(source, target, src_lang, tgt_lang)
    terms = list(lexicon)
    nodes = [(0, 0), *cuts(source, target, PART_PARAGRAPHS), (len(source), len(target))]
    result = Alignment([])
    for start, end in itertools.pairwise(nodes):
        part = _align_part(source, target, start, end, src_lang, tgt_lang, terms)
        result.beads += part.beads
        result.anomalies += part.anomalies
    return result


def _align_part(source: Sequence[str], target: Sequence[str], start: tuple[int, int],
                end: tuple[int, int], src_lang: Language, tgt_lang: Language,
                terms: list[tuple[str, str]]) -> Alignment:
    """Align the part of the documents from grid node ``start`` to ``end``."""
    (i, j), (i_end, j_end) = start, end
    src_part, tgt_part = source[i:i_end], target[j:j_end]
    src_profiles = [profile(text) for text in src_part]
    tgt_profiles = [profile(text) for text in tgt_part]
    if terms:
        extra_s, extra_t = lexicon_anchors(list(src_part), list(tgt_part), terms)
        src_profiles = [_with(p, extra) for p, extra in zip(src_profiles, extra_s, strict=True)]
        tgt_profiles = [_with(p, extra) for p, extra in zip(tgt_profiles, extra_t, strict=True)]
    n, m = len(src_part), len(tgt_part)
    model = PairModel(src_profiles, tgt_profiles, tgt_lang.length_ratio / src_lang.length_ratio)
    grid = Grid(n, m, band(n, m, model.sure_points()))
    path = best_path(grid, model)
    for _ in range(PASSES - 1):
        model.calibrate(path)
        again = best_path(grid, model)
        if again == path:
            break  # calibrated on the same beads again, the model would find them again
        path = again
    path = repair(path, model, src_lang, tgt_lang)
    beads = [Bead(tuple(range(i + i0, i + i1)), tuple(range(j + j0, j + j1)), round(conf, 4))
             for (i0, i1, j0, j1), conf in zip(path, confidences(path, model), strict=True)]
    return Alignment(beads, find_anomalies(source, target, beads, model, src_lang, tgt_lang,
                                           start))


def _with(p: Profile, extra: set[str]) -> Profile:
    return Profile(p.anchors | extra, p.latin, p.other, p.text) if extra else p
