"""The classic cluster bubble chart of one region, as a self-contained inline SVG.

x: location quotient (the line at 1), y: employment growth between the two years (the
line at 0), bubble area proportional to employment. The four quadrants are labelled:
star (LQ > 1, growing), emerging (LQ < 1, growing), mature (LQ > 1, shrinking) and
transforming (LQ < 1, shrinking). Every text is escaped; numbers are fixed-precision,
so the SVG is a pure function of its input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diamond.render.chart import coord, svg_document, xattr, xtext

__all__ = ["Bubble", "bubble_svg"]

W, H = 640, 420
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 20, 50
COLOURS = {"star": "#1b7837", "emerging": "#2166ac", "mature": "#b35806", "transforming": "#777777"}


@dataclass(frozen=True)
class Bubble:
    """One sector: its code and name, LQ, growth (a fraction) and employment."""

    code: str
    name: str
    lq: float
    growth: float
    employment: float


def quadrant(lq: float, growth: float) -> str:
    """The quadrant of a bubble: star, emerging, mature or transforming."""
    if lq >= 1:
        return "star" if growth >= 0 else "mature"
    return "emerging" if growth >= 0 else "transforming"


def _axis_max(values: Sequence[float], floor: float) -> float:
    top = max([floor, *values])
    return math.ceil(top * 1.1 * 4) / 4


def bubble_svg(pid: str, title: str, description: str, bubbles: Sequence[Bubble],
               quadrant_labels: Mapping[str, str], axis_labels: tuple[str, str]) -> str:
    """The chart as an SVG document (``pid`` makes its ids unique within a page)."""
    x_max = _axis_max([b.lq for b in bubbles], 2.0)
    g_top = _axis_max([b.growth for b in bubbles], 0.25)
    g_bottom = -_axis_max([-b.growth for b in bubbles], 0.25)
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(v: float) -> float:
        return LEFT + pw * v / x_max

    def y(v: float) -> float:
        return TOP + ph * (g_top - v) / (g_top - g_bottom)

    body = [f'<rect x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>',
            f'<line x1="{coord(x(1))}" y1="{TOP}" x2="{coord(x(1))}" y2="{TOP + ph}" '
            'stroke="#444" stroke-dasharray="4 3"/>',
            f'<line x1="{LEFT}" y1="{coord(y(0))}" x2="{LEFT + pw}" y2="{coord(y(0))}" '
            'stroke="#444" stroke-dasharray="4 3"/>']
    corners = {"star": (LEFT + pw - 6, TOP + 14, "end"), "emerging": (LEFT + 6, TOP + 14, "start"),
               "mature": (LEFT + pw - 6, TOP + ph - 8, "end"),
               "transforming": (LEFT + 6, TOP + ph - 8, "start")}
    for key, (qx, qy, anchor) in corners.items():
        body.append(f'<text x="{qx}" y="{qy}" text-anchor="{anchor}" font-size="12" '
                    f'fill="{COLOURS[key]}">{xtext(quadrant_labels[key])}</text>')
    for tick in range(int(x_max * 2) + 1):
        v = tick / 2
        body.append(f'<text x="{coord(x(v))}" y="{TOP + ph + 16}" text-anchor="middle" '
                    f'font-size="10">{v:g}</text>')
    for v in (g_bottom, 0.0, g_top):
        body.append(f'<text x="{LEFT - 6}" y="{coord(y(v) + 3)}" text-anchor="end" '
                    f'font-size="10">{round(v * 100):d}%</text>')
    body.append(f'<text x="{LEFT + pw / 2:.1f}" y="{H - 10}" text-anchor="middle" '
                f'font-size="12">{xtext(axis_labels[0])}</text>')
    body.append(f'<text x="14" y="{TOP + ph / 2:.1f}" text-anchor="middle" font-size="12" '
                f'transform="rotate(-90 14 {TOP + ph / 2:.1f})">{xtext(axis_labels[1])}</text>')
    largest = max([b.employment for b in bubbles] + [1.0])
    for b in sorted(bubbles, key=lambda b: (-b.employment, b.code)):
        r = 4 + 22 * math.sqrt(max(b.employment, 0.0) / largest)
        colour = COLOURS[quadrant(b.lq, b.growth)]
        cx, cy = x(min(b.lq, x_max)), y(max(min(b.growth, g_top), g_bottom))
        body.append(f'<circle cx="{coord(cx)}" cy="{coord(cy)}" r="{coord(r)}" fill="{colour}" '
                    f'fill-opacity="0.35" stroke="{colour}">'
                    f'<title>{xtext(b.code)} {xtext(b.name)}: LQ {b.lq:.2f}, '
                    f'{b.growth * 100:+.1f}%, {b.employment:,.0f}</title></circle>')
        body.append(f'<text x="{coord(cx)}" y="{coord(cy + 3)}" text-anchor="middle" '
                    f'font-size="9" fill="#222" data-code="{xattr(b.code)}">{xtext(b.code)}</text>')
    return svg_document(pid, title, description, (0, 0, W, H), body)
