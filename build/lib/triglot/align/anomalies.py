"""What a translator should look at after an alignment.

Each anomaly names its paragraphs 1-based in both documents: paragraphs that start with
dangling punctuation (a stray ``。`` or ``).`` from a neighbour), untranslated (identical)
paragraphs, suspicious length ratios, and missing (1-0) and extra (0-1) paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docutils.parsers.rst.states import Inliner

from triglot.align.beads import Anomaly, Bead
from triglot.align.model import PairModel
from triglot.languages import Language

DANGLING = tuple("。、．，.,;:!?)]}）」』】")
#: A reST interpreted-text role (``:ref:`...```), by docutils' own name syntax: inline
#: markup, not a neighbour's punctuation, though it starts with ':'.
_ROLE = re.compile(rf":{Inliner.simplename}:`")
LENGTH_Z = 3.5  # standard deviations from the document's own length ratio
_MIN_CHARS = 40  # shorter paragraphs vary too much for a length verdict


def _numbers(indices: Sequence[int]) -> str:
    if not indices:
        return "-"
    first, last = indices[0] + 1, indices[-1] + 1
    return f"¶{first}" if first == last else f"¶{first}-{last}"


def _where(bead: Bead, src: Language, tgt: Language) -> str:
    return f"{src.code} {_numbers(bead.source)} / {tgt.code} {_numbers(bead.target)}"


def _dangling(text: str) -> bool:
    """Whether ``text`` starts with punctuation that belongs to the paragraph before.

    >>> _dangling("。次の段落"), _dangling(":keyword:`try` 文は"), _dangling(": a colon")
    (True, False, True)
    """
    return text.startswith(DANGLING) and not _ROLE.match(text)


def find_anomalies(source: Sequence[str], target: Sequence[str], beads: Sequence[Bead],
                   model: PairModel, src: Language, tgt: Language) -> list[Anomaly]:
    """The anomalies of an alignment, in document order."""
    found = []
    for bead in beads:
        where = _where(bead, src, tgt)
        if not bead.target:
            found.append(Anomaly("missing", f"{where}: no {tgt.code} counterpart",
                                 bead.source, bead.target))
            continue
        if not bead.source:
            found.append(Anomaly("extra", f"{where}: no {src.code} counterpart",
                                 bead.source, bead.target))
            continue
        # both sides opening with punctuation is content (an index entry ": (colon)"),
        # not a neighbour's punctuation on one side
        opens = (_dangling(source[bead.source[0]]), _dangling(target[bead.target[0]]))
        for side, texts, indices in (("source", source, bead.source),
                                     ("target", target, bead.target)):
            for index in indices:
                if _dangling(texts[index]) and not all(opens):
                    found.append(Anomaly(
                        "dangling-punctuation",
                        f"{where}: {side} ¶{index + 1} starts with {texts[index][0]!r}",
                        bead.source, bead.target))
        src_text = " ".join(source[i] for i in bead.source)
        tgt_text = tgt.joiner.join(target[j] for j in bead.target)
        if src != tgt and src_text == tgt_text and any(ch.isalpha() for ch in src_text):
            found.append(Anomaly("untranslated", f"{where}: identical in both documents",
                                 bead.source, bead.target))
            continue
        if min(len(src_text), len(tgt_text)) >= _MIN_CHARS:
            z = model.length_z(bead.source[0], bead.source[-1] + 1,
                               bead.target[0], bead.target[-1] + 1)
            if abs(z) > LENGTH_Z:
                longer = src.code if z > 0 else tgt.code
                found.append(Anomaly("length-ratio",
                                     f"{where}: the {longer} side is unusually long "
                                     f"({abs(z):.1f} standard deviations)",
                                     bead.source, bead.target))
    return found
