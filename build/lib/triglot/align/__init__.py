"""Paragraph alignment of a document and its translation.

>>> result = align_paragraphs(
...     ["IIS 5 and 6 work differently.", "In IIS5, aspnet_isapi.dll runs in inetinfo.exe.",
...      "Untranslated note."],
...     ["IIS 5 と 6 の動作は異なります。", "IIS5 では、aspnet_isapi.dll は inetinfo.exe 内で動きます。"],
...     source_lang="en", target_lang="ja")
>>> print(format_beads(result.beads), end="")
[0]:[0]
[1]:[1]
[2]:[]
>>> [anomaly.kind for anomaly in result.anomalies]
['missing']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from triglot.align.anchors import Profile, lexicon_anchors, profile
from triglot.align.anomalies import find_anomalies
from triglot.align.beads import Alignment, Anomaly, Bead, format_beads, parse_beads
from triglot.align.checks import check_languages
from triglot.align.confidence import confidences
from triglot.align.model import PairModel
from triglot.align.search import band, best_path
from triglot.errors import TriglotError
from triglot.languages import get_language

__all__ = ["Alignment", "Anomaly", "Bead", "align_paragraphs", "format_beads", "parse_beads"]

PASSES = 3  # a first pass on whole-document estimates, then re-calibrated on its beads
MAX_PARAGRAPHS = 20_000  # per document: beyond, split it (the search would take minutes)


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
    :class:`~triglot.errors.TriglotError` for an unknown language code, or when a
    document is not in the language it is said to be in.
    """
    src_lang, tgt_lang = get_language(source_lang), get_language(target_lang)
    for side, texts in (("source", source), ("target", target)):
        if len(texts) > MAX_PARAGRAPHS:
            raise TriglotError(f"the {side} has {len(texts):,} paragraphs, more than the "
                               f"{MAX_PARAGRAPHS:,} one alignment handles: split the document")
    check_languages(source, target, src_lang, tgt_lang)
    src_profiles = [profile(text) for text in source]
    tgt_profiles = [profile(text) for text in target]
    pairs = list(lexicon)
    if pairs:
        extra_s, extra_t = lexicon_anchors(list(source), list(target), pairs)
        src_profiles = [_with(p, extra) for p, extra in zip(src_profiles, extra_s)]
        tgt_profiles = [_with(p, extra) for p, extra in zip(tgt_profiles, extra_t)]
    n, m = len(source), len(target)
    model = PairModel(src_profiles, tgt_profiles, tgt_lang.length_ratio / src_lang.length_ratio)
    rows = band(n, m, model.sure_points())
    path = best_path(n, m, rows, model.score)
    for _ in range(PASSES - 1):
        model.calibrate(path)
        path = best_path(n, m, rows, model.score)
    beads = [Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), round(conf, 4))
             for (i0, i1, j0, j1), conf in zip(path, confidences(path, model))]
    return Alignment(beads, find_anomalies(source, target, beads, model, src_lang, tgt_lang))


def _with(p: Profile, extra: set[str]) -> Profile:
    return Profile(p.anchors | extra, p.latin, p.other, p.text) if extra else p
