"""Scores over a sequence of inputs as a self-contained, accessible, deterministic SVG line chart.

The drawing follows ``diamond.render.chart``: the same font, palette, dash patterns and
marker shapes (so a line never differs from another by colour alone), the same number
formatting and escaping, no scripts and no external references (stdlib only).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from diamond.render.chart import (
    GROUP_COLOURS,
    GROUP_DASHES,
    MARKERS,
    OVERALL_COLOUR,
    TICKS,
    coord,
    marker_svg,
    svg_document,
    wrap_label,
    xtext,
)

__all__ = ["Line", "line_svg"]

#: One colour, dash pattern and marker per line, cycled: the first line is solid blue.
COLOURS = (OVERALL_COLOUR, *GROUP_COLOURS)
DASHES = ("", *GROUP_DASHES)


@dataclass(frozen=True)
class Line:
    """One line: its legend label and one 0–100 value (or None) per category, in order."""

    label: str
    values: Sequence[float | None]


def _finite(value: float | None) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _runs(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Consecutive present points: a missing value breaks the line, never drops it to 0."""
    runs: list[list[tuple[float, float]]] = [[]]
    for p in points:
        if p is None:
            runs.append([])
        else:
            runs[-1].append(p)
    return [r for r in runs if r]


def line_svg(
    categories: Sequence[str],
    lines: Sequence[Line],
    *,
    title: str,
    description: str,
    width: int = 560,
    height: int = 260,
    legend_title: str = "",
    id_prefix: str = "line-chart",
) -> str:
    """Draw ``lines`` over ``categories`` (the x axis, in order) on a 0–100 y axis, as SVG text.

    ``width`` and ``height`` size the plot area in px; the viewBox grows to fit the axis
    labels below it and the legend, and the root element carries explicit width/height
    plus ``max-width:100%;height:auto``. Categories are evenly spaced, each label wrapped
    onto at most three lines. Each line has its own colour, dash pattern and marker shape;
    every marker carries a ``<title>`` naming the line, the category and the value.
    Missing values (None or non-finite) are not plotted: the line is broken around them.
    Values are clamped to 0–100 for drawing. All text is XML-escaped; the output is
    byte-for-byte deterministic. ``id_prefix`` namespaces the element ids.
    """
    pid = re.sub(r"[^A-Za-z0-9_-]", "-", id_prefix) or "line-chart"
    pid = pid if pid[0].isalpha() else "c" + pid
    fs = max(9.0, round(width / 42, 1))
    lh, cw = fs * 1.2, fs * 0.58
    left, top = 0.0, 0.0
    count = max(1, len(categories))

    def x_at(k: int) -> float:
        return left + width * (k + 0.5) / count

    def y_at(v: float) -> float:
        return top + height * (1 - min(max(v, 0.0), 100.0) / 100.0)

    out: list[str] = []
    for t in (0, *TICKS):
        y = y_at(t)
        stroke = 'stroke="#8c8c8c" stroke-width="1.2"' if t in (0, 100) else 'stroke="#d0d0d0"'
        out.append(f'<line x1="{coord(left)}" y1="{coord(y)}" x2="{coord(left + width)}" '
                   f'y2="{coord(y)}" {stroke}/>')
        out.append(f'<text x="{coord(left - 6)}" y="{coord(y + fs * 0.35)}" text-anchor="end" '
                   f'font-size="{coord(fs * 0.85)}" fill="#595959">{t}</text>')
    minx, maxx = left - 6 - 3 * fs * 0.85 * 0.58, left + width
    maxy = top + height
    slot = width / count
    for k, name in enumerate(categories):
        x = x_at(k)
        out.append(f'<line x1="{coord(x)}" y1="{coord(top + height)}" x2="{coord(x)}" '
                   f'y2="{coord(top + height + 5)}" stroke="#8c8c8c"/>')
        wrapped = wrap_label(name, max(8, int(slot / cw) - 1))
        y0 = top + height + 8 + fs
        spans = "".join(f'<tspan x="{coord(x)}" y="{coord(y0 + j * lh)}">{xtext(line)}</tspan>'
                        for j, line in enumerate(wrapped))
        out.append(f'<text class="{pid}-category" data-index="{k}" x="{coord(x)}" y="{coord(y0)}" '
                   f'text-anchor="middle" font-size="{coord(fs)}" fill="#1a1a1a">{spans}</text>')
        half = max(len(line) for line in wrapped) * cw / 2
        minx, maxx = min(minx, x - half), max(maxx, x + half)
        maxy = max(maxy, y0 + (len(wrapped) - 1) * lh + fs * 0.3)
    styles = [(COLOURS[i % len(COLOURS)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)])
              for i in range(len(lines))]
    for i, (line, (colour, dash, shape)) in enumerate(zip(lines, styles, strict=True)):
        values = [_finite(line.values[k]) if k < len(line.values) else None
                  for k in range(len(categories))]
        points = [None if v is None else (x_at(k), y_at(v)) for k, v in enumerate(values)]
        d = " ".join("M" + " L".join(f"{coord(x)} {coord(y)}" for x, y in run)
                     for run in _runs(points) if len(run) > 1)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if d:
            out.append(f'<path class="{pid}-line" data-series="{i}" d="{d}" fill="none" '
                       f'stroke="{colour}" stroke-width="2.5" stroke-linejoin="round"'
                       f"{dash_attr}/>")
        for k, p in enumerate(points):
            if p is None:
                continue
            value = values[k]
            tip = f"{line.label}, {categories[k]}: {coord(value if value is not None else 0.0)}"
            out.append(f"<g><title>{xtext(tip)}</title>{marker_svg(shape, p[0], p[1], colour)}</g>")
    ly = maxy + 20
    if legend_title and lines:
        out.append(f'<text x="{coord(minx)}" y="{coord(ly + fs * 0.35)}" font-size="{coord(fs)}" '
                   f'font-weight="bold" fill="#1a1a1a">{xtext(legend_title)}</text>')
        maxx, ly = max(maxx, minx + len(legend_title) * cw * 1.1), ly + lh * 1.3
    for i, (line, (colour, dash, shape)) in enumerate(zip(lines, styles, strict=True)):
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{coord(minx)}" y1="{coord(ly)}" x2="{coord(minx + 28)}" '
                   f'y2="{coord(ly)}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        out.append(marker_svg(shape, minx + 14, ly, colour))
        out.append(f'<text class="{pid}-legend" data-series="{i}" x="{coord(minx + 36)}" '
                   f'y="{coord(ly + fs * 0.35)}" font-size="{coord(fs)}" fill="#1a1a1a">'
                   f"{xtext(line.label)}</text>")
        maxx, ly = max(maxx, minx + 36 + len(line.label) * cw), ly + lh * 1.3
    maxy = max(maxy, ly - lh * 1.3 + fs) if lines else maxy
    pad = 12.0
    vx, vy = minx - pad, top - fs - pad
    vw, vh = math.ceil(maxx - minx + 2 * pad), math.ceil(maxy - vy + pad)
    return svg_document(pid, title, description, (vx, vy, vw, vh), out)
