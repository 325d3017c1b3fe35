"""The status page's chart: one stacked horizontal bar per document (translated, outdated,
untranslated paragraphs) as inline SVG, readable without scripts and without colour: every
bar has its title and counts as text, the whole chart a ``role="img"`` and a label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from triglot.sphinxext.core.templates import render

STATES = ("translated", "outdated", "untranslated")
# fill, text on it: contrast of 4.5:1 or more
COLORS = {"translated": ("#2e7d32", "#ffffff"), "outdated": ("#f2b600", "#000000"),
          "untranslated": ("#b3261e", "#ffffff")}
WIDTH, BAR_WIDTH, BAR_HEIGHT, ROW_HEIGHT, LEGEND_HEIGHT = 640, 540, 24, 54, 36


@dataclass(frozen=True)
class Bar:
    """One document's paragraphs by state."""

    label: str
    translated: int
    outdated: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.outdated + self.untranslated

    def count(self, state: str) -> int:
        return int(getattr(self, state))


def coverage(translated: int, total: int) -> str:
    """Translated paragraphs as a whole percentage, rounded down (99.6 % is not 100 %).

    >>> coverage(2, 3), coverage(0, 0), coverage(995, 1000)
    ('66 %', '—', '99 %')
    """
    return f"{translated * 100 // total} %" if total else "—"


def coverage_chart(bars: Sequence[Bar], words: dict[str, str], summary: str) -> str:
    """The chart as an ``<svg>`` element; ``words`` names the states (``translated``…) and
    the chart (``chart_title``), ``summary`` is its accessible label."""
    legend = [{"x": index * 200, "text_x": index * 200 + 20, "fill": COLORS[state][0],
               "label": words[state], "total": sum(bar.count(state) for bar in bars)}
              for index, state in enumerate(STATES)]
    return render("chart.svg", summary=summary, title=words["chart_title"], width=WIDTH,
                  height=LEGEND_HEIGHT + ROW_HEIGHT * len(bars), legend=legend,
                  bars=[_bar(bar, LEGEND_HEIGHT + row * ROW_HEIGHT, words)
                        for row, bar in enumerate(bars)],
                  bar_height=BAR_HEIGHT, coverage_x=BAR_WIDTH + 10)


def _bar(bar: Bar, y: int, words: dict[str, str]) -> dict[str, Any]:
    """One bar's geometry: a segment per state that has paragraphs."""
    top, done = y + 20, 0
    segments = []
    for state in STATES:
        count = bar.count(state)
        if not count:
            continue
        start = round(BAR_WIDTH * done / bar.total, 1)
        done += count
        width = round(BAR_WIDTH * done / bar.total, 1) - start
        fill, ink = COLORS[state]
        fits = width >= 8 * len(str(count)) + 8  # the count is written inside its segment
        segments.append({"x": start, "width": f"{width:.1f}", "fill": fill, "ink": ink,
                         "label": words[state], "count": count,
                         "text_x": f"{start + width / 2:.1f}" if fits else ""})
    return {"label": bar.label, "label_y": y + 15, "top": top, "text_y": top + 17,
            "counts": ", ".join(f"{words[state]}: {bar.count(state)}" for state in STATES),
            "segments": segments, "coverage": coverage(bar.translated, bar.total)}
