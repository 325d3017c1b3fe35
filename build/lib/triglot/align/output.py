"""An alignment written out: beads, JSON, TSV or TMX, and the anomaly report as text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from triglot.align.beads import Alignment, format_beads
from triglot.align.tmx import to_tmx
from triglot.languages import get_language

FORMATS = ("beads", "json", "tsv", "tmx")


def render(alignment: Alignment, source: Sequence[str], target: Sequence[str], fmt: str, *,
           source_lang: str, target_lang: str) -> str:
    """The alignment in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "beads":
        return format_beads(alignment.beads)
    if fmt == "json":
        return json.dumps({
            "source_lang": get_language(source_lang).code,
            "target_lang": get_language(target_lang).code,
            "beads": [{"source": list(b.source), "target": list(b.target),
                       "confidence": b.confidence} for b in alignment.beads],
            "anomalies": [{"kind": a.kind, "message": a.message, "source": list(a.source),
                           "target": list(a.target)} for a in alignment.anomalies],
        }, ensure_ascii=False, indent=1) + "\n"
    if fmt == "tsv":
        joiner = get_language(target_lang).joiner
        rows = ["source\ttarget\tconfidence\tsource_text\ttarget_text"]
        for b in alignment.beads:
            rows.append("\t".join((
                ",".join(map(str, b.source)), ",".join(map(str, b.target)),
                f"{b.confidence:.4f}",
                " ".join(source[i] for i in b.source).replace("\t", " "),
                joiner.join(target[j] for j in b.target).replace("\t", " "))))
        return "\n".join(rows) + "\n"
    if fmt == "tmx":
        return to_tmx(source, target, alignment.beads,
                      source_lang=source_lang, target_lang=target_lang)
    raise ValueError(f"unknown format {fmt!r}")


def report(alignment: Alignment, label: str = "") -> str:
    """The anomalies as text, one per line (``label: kind: message``)."""
    prefix = f"{label}: " if label else ""
    return "".join(f"{prefix}{a.kind}: {a.message}\n" for a in alignment.anomalies)
