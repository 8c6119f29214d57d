"""Two bar charts as inline SVG: the diverging stacked Likert chart of a dimension's answers
and the bar chart of dimension scores.

The Likert chart is the standard one for rating scales: one bar per indicator, the
answers below the scale's midpoint stacked to the left of a centre line, those above
to the right, a middle answer split across it; each row names its number of answers
(n) and the share of respondents who left it unanswered. Counts are unweighted. Text
is escaped, numbers use the report language's decimal separator, and the output is a
pure function of the inputs (deterministic bytes).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from diamond.frozen import frozen
from diamond.memo import LONGEST, remember
from diamond.render.chart import coord, svg_document, wrap_label, xtext

__all__ = ["LikertRow", "diverging_segments", "likert_svg", "score_bars_svg"]

NEGATIVE = ("#b2182b", "#d6604d", "#f4a582", "#fddbc7")
POSITIVE = ("#d1e5f0", "#92c5de", "#4393c3", "#2166ac")
NEUTRAL = "#d9d9d9"
INK = "#1a1a1a"
MUTED = "#595959"


@frozen
class LikertRow:
    """One indicator: its label, its answers per scale point (low to high), its respondents."""

    label: str
    counts: tuple[int, ...]
    respondents: int


def colours(points: int) -> list[str]:
    """A diverging palette for ``points`` scale points (red low, grey middle, blue high)."""
    half = points // 2
    low = [NEGATIVE[min(k, len(NEGATIVE) - 1)] for k in range(half)]
    high = [POSITIVE[max(len(POSITIVE) - half + k, 0)] for k in range(half)]
    return low + ([NEUTRAL] if points % 2 else []) + high


def diverging_segments(
    counts: Sequence[int], centre: float, bar_w: float
) -> list[tuple[float, float, int]]:
    """Where each answer point's bar lies on a diverging Likert chart: (x, width, point).

    The bar is centred on the scale's middle (half the middle point each side on an
    odd scale). Empty points are left out. Sums are exact (``math.fsum``), so every
    Python gives the same coordinates.
    """
    n = sum(counts)
    if not n:
        return []
    shares = [c / n for c in counts]
    middle = len(shares) // 2
    left = math.fsum(shares[:middle]) + (shares[middle] / 2 if len(shares) % 2 else 0.0)
    x = centre - left * bar_w / 2
    found = []
    for k, share in enumerate(shares):
        width = share * bar_w / 2
        if width > 0:
            found.append((x, width, k))
        x += width
    return found


def _pct(value: float) -> str:
    return f"{value:.0f}"


_LABEL_W, _BAR_W, _ROW_H = 230.0, 300.0, 26.0


@lru_cache(maxsize=64, typed=True)
def _likert_legend(points: int, scale_min: int, legend_low: str, legend_high: str
                   ) -> tuple[str, ...]:
    """The Likert chart's legend (a swatch and number per scale point, the two ends'
    words): the same for every chart of a scale and language, made once per process."""
    palette = colours(points)
    label_w, bar_w = _LABEL_W, _BAR_W
    body: list[str] = []
    for k in range(points):
        x = label_w + k * (bar_w / max(points, 1))
        body.append(f'<rect x="{coord(x)}" y="4.0" width="{coord(bar_w / points - 4)}" '
                    f'height="10.0" fill="{palette[k]}"/>')
        body.append(f'<text x="{coord(x + (bar_w / points - 4) / 2)}" y="26.0" '
                    f'text-anchor="middle" font-size="10.0" fill="{MUTED}">'
                    f'{scale_min + k}</text>')
    body.append(f'<text x="{coord(label_w - 6)}" y="13.0" text-anchor="end" font-size="10.0" '
                f'fill="{MUTED}">{xtext(legend_low)}</text>')
    body.append(f'<text x="{coord(label_w + bar_w + 6)}" y="13.0" font-size="10.0" '
                f'fill="{MUTED}">{xtext(legend_high)}</text>')
    return tuple(body)


#: A Likert row's label and note texts by what they are made of: the same indicators'
#: labels, and the same answer counts, recur in chart after chart. Emptied when full.
_row_labels: dict[tuple[str, int], str] = {}
_row_notes: dict[tuple[int, int, int, str, str], str] = {}
#: A row's bars by its counts and the scale's points, as the texts around their y.
_row_bars: dict[tuple[tuple[int, ...], int], tuple[str, ...]] = {}


def _row_label(label: str, r: int) -> str:
    """Row ``r``'s label, wrapped onto at most two lines at the bar's left."""
    key = (label, r)
    found = _row_labels.get(key)
    if found is None:
        y = 34.0 + r * _ROW_H
        lines = wrap_label(label, 36, 2)
        label_x = coord(_LABEL_W - 8)
        found = "".join(
            f'<text x="{label_x}" y="{coord(y + 11 + (k - (len(lines) - 1) / 2) * 11)}" '
            f'text-anchor="end" font-size="10.0" fill="{INK}">{xtext(line)}</text>'
            for k, line in enumerate(lines))
        if len(label) <= LONGEST:
            remember(_row_labels, key, found)
    return found


def _row_note(n: int, respondents: int, r: int, percent: str, unanswered: str) -> str:
    """Row ``r``'s note at the bar's right: its answers and the share left unanswered."""
    key = (n, respondents, r, percent, unanswered)
    found = _row_notes.get(key)
    if found is None:
        y = 34.0 + r * _ROW_H
        missing = 1 - n / respondents if respondents else 0.0
        note = f"n={n} · {percent.replace('{v}', _pct(100 * missing))} {unanswered}"
        found = (f'<text x="{coord(_LABEL_W + _BAR_W + 8)}" y="{coord(y + 14)}" '
                 f'font-size="10.0" fill="{MUTED}">{xtext(note)}</text>')
        if type(n) is int and type(respondents) is int and (  # 40 and 40.0: one key
                len(percent) + len(unanswered) <= LONGEST):
            remember(_row_notes, key, found)
    return found


def likert_svg(rows: Sequence[LikertRow], scale_min: int, *, title: str, description: str,
               unanswered: str, legend_low: str, legend_high: str, percent: str,
               id_prefix: str) -> str:
    """The diverging stacked bar chart of ``rows``; ``percent`` formats a share ('%{v}')."""
    points = len(rows[0].counts) if rows else 0
    palette = colours(points)
    label_w, bar_w, right_w, row_h, top = _LABEL_W, _BAR_W, 150.0, _ROW_H, 34.0
    centre = label_w + bar_w / 2
    body = list(_likert_legend(points, scale_min, legend_low, legend_high))
    bar_h = coord(row_h - 8)
    for r, row in enumerate(rows):
        y = top + r * row_h
        n = sum(row.counts)
        body.append(_row_label(row.label, r))
        counts = row.counts
        key = (counts, points)
        bars = _row_bars.get(key) if type(counts) is tuple else None
        if bars is None:
            # the row's rectangles, split where their y goes (the same in every row)
            bars = tuple(f'<rect x="{coord(x)}" y="\0" width="{coord(width)}" '
                         f'height="{bar_h}" fill="{palette[k]}"/>'
                         for x, width, k in diverging_segments(counts, centre, bar_w))
            bars = tuple("".join(bars).split("\0")) if bars else ()
            if type(counts) is tuple:
                remember(_row_bars, key, bars)
        if bars:
            body.append(coord(y + 3).join(bars))
        body.append(_row_note(n, row.respondents, r, percent, unanswered))
    body.append(f'<line x1="{coord(centre)}" y1="{coord(top - 2)}" x2="{coord(centre)}" '
                f'y2="{coord(top + len(rows) * row_h)}" stroke="{INK}" stroke-width="1"/>')
    height = int(top + len(rows) * row_h + 8)
    return svg_document(id_prefix, title, description,
                        (0.0, 0.0, int(label_w + bar_w + right_w), height), body)


def score_bars_svg(names: Sequence[str], scores: Sequence[float | None], *, title: str,
                   description: str, missing: str, decimal: str, colour: str,
                   id_prefix: str) -> str:
    """Horizontal bars of the dimension scores on a 0–100 axis."""
    label_w, bar_w, row_h, top = 240.0, 330.0, 30.0, 8.0
    body: list[str] = []
    bottom = top + len(names) * row_h
    for tick in (0, 20, 40, 60, 80, 100):
        x = label_w + bar_w * tick / 100
        body.append(f'<line x1="{coord(x)}" y1="{coord(top)}" x2="{coord(x)}" '
                    f'y2="{coord(bottom)}" stroke="#d0d0d0"/>')
        body.append(f'<text x="{coord(x)}" y="{coord(bottom + 14)}" text-anchor="middle" '
                    f'font-size="10.0" fill="{MUTED}">{tick}</text>')
    for k, (name, score) in enumerate(zip(names, scores, strict=True)):
        y = top + k * row_h
        body.append(f'<text x="{coord(label_w - 8)}" y="{coord(y + row_h / 2 + 4)}" '
                    f'text-anchor="end" font-size="12.0" fill="{INK}">{xtext(name)}</text>')
        if score is None:
            body.append(f'<text x="{coord(label_w + 4)}" y="{coord(y + row_h / 2 + 4)}" '
                        f'font-size="11.0" fill="{MUTED}">{xtext(missing)}</text>')
            continue
        width = bar_w * min(max(score, 0.0), 100.0) / 100
        body.append(f'<rect x="{coord(label_w)}" y="{coord(y + 5)}" width="{coord(width)}" '
                    f'height="{coord(row_h - 10)}" fill="{colour}"/>')
        body.append(f'<text x="{coord(label_w + width + 4)}" y="{coord(y + row_h / 2 + 4)}" '
                    f'font-size="11.0" fill="{INK}">'
                    f'{xtext(f"{score:.1f}".replace(".", decimal))}</text>')
    return svg_document(id_prefix, title, description,
                        (0.0, 0.0, int(label_w + bar_w + 50), int(bottom + 22)), body)
