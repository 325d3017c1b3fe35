"""The status page's chart: one stacked horizontal bar per document (translated, outdated,
untranslated paragraphs) as inline SVG, readable without scripts and without colour: every
bar has its title and counts as text, the whole chart a ``role="img"`` and a label."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

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


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def coverage_chart(bars: Sequence[Bar], words: dict[str, str], summary: str) -> str:
    """The chart as an ``<svg>`` element; ``words`` names the states (``translated``…) and
    the chart (``chart_title``), ``summary`` is its accessible label."""
    height = LEGEND_HEIGHT + ROW_HEIGHT * len(bars)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="triglot-chart" role="img" '
           f'aria-label="{_esc(summary)}" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" font-size="14">')
    parts = [svg, f"<title>{_esc(words['chart_title'])}</title>", f"<desc>{_esc(summary)}</desc>"]
    parts.append('<g class="triglot-chart-legend">')
    for index, state in enumerate(STATES):
        x = index * 200
        total = sum(bar.count(state) for bar in bars)
        parts.append(f'<rect x="{x}" y="4" width="15" height="15" fill="{COLORS[state][0]}"/>'
                     f'<text x="{x + 20}" y="17" fill="currentColor">'
                     f"{_esc(words[state])}: {total}</text>")
    parts.append("</g>")
    for row, bar in enumerate(bars):
        parts.append(_bar(bar, LEGEND_HEIGHT + row * ROW_HEIGHT, words))
    parts.append("</svg>")
    return "\n".join(parts)


def _bar(bar: Bar, y: int, words: dict[str, str]) -> str:
    counts = ", ".join(f"{words[state]}: {bar.count(state)}" for state in STATES)
    parts = [f'<g class="triglot-chart-bar"><title>{_esc(bar.label)} — {_esc(counts)}</title>',
             f'<text x="0" y="{y + 15}" fill="currentColor">{_esc(bar.label)}</text>']
    top, done = y + 20, 0
    for state in STATES:
        count = bar.count(state)
        if not count:
            continue
        start = round(BAR_WIDTH * done / bar.total, 1)
        done += count
        width = round(BAR_WIDTH * done / bar.total, 1) - start
        fill, ink = COLORS[state]
        parts.append(f'<rect x="{start}" y="{top}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                     f'fill="{fill}"><title>{_esc(words[state])}: {count}</title></rect>')
        if width >= 8 * len(str(count)) + 8:  # the count fits inside its segment
            parts.append(f'<text x="{start + width / 2:.1f}" y="{top + 17}" fill="{ink}" '
                         f'text-anchor="middle">{count}</text>')
    parts.append(f'<text x="{BAR_WIDTH + 10}" y="{top + 17}" fill="currentColor">'
                 f"{coverage(bar.translated, bar.total)}</text></g>")
    return "\n".join(parts)
