"""Porter's Diamond as a self-contained, accessible, deterministic SVG string (stdlib only)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Literal

from diamond.frozen import frozen
from diamond.memo import LONGEST, remember

__all__ = ["Axis", "Series", "diamond_svg"]

STANDARD_ANGLES: Mapping[str, float] = {
    "firm": 0.0, "demand": 90.0, "related": 180.0, "factor": 270.0,
}
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
OVERALL_COLOUR = "#0072B2"
# Okabe–Ito colours (minus the overall blue and the low-contrast yellow), each with its own
# dash pattern and marker shape so that groups never differ by colour alone.
GROUP_COLOURS = ("#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
GROUP_DASHES = ("8 4", "2 3", "10 3 2 3", "4 4", "12 3 2 3 2 3", "1 5")
MARKERS = ("circle", "square", "triangle", "diamond", "down", "cross")
TICKS = (20, 40, 60, 80, 100)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@frozen
class Axis:
    """One Diamond dimension: ``id`` as in the framework, ``label`` in the report language."""

    id: str
    label: str


@frozen
class Series:
    """Scores (0–100, or None when not assessable) per axis id for the whole sector or a group."""

    label: str
    values: Mapping[str, float | None]
    kind: Literal["overall", "group"] = "group"


#: Coordinates already written (charts repeat the same positions report after report).
_coords: dict[float, str] = {}


def coord(x: float) -> str:
    """Fixed one-decimal number without a negative zero."""
    s = _coords.get(x)
    if s is None:
        s = f"{x:.1f}"
        if s == "-0.0":
            s = "0.0"
        if x == x and (type(x) is float or type(x) is int):  # not NaN: a key that finds itself
            remember(_coords, x, s)
    return s


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` does (whose
    import pulls in ``urllib`` and ``ssl``: about 12 ms of every ``assess``)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


#: Escaped texts (labels, names and notes recur chart after chart). Emptied when full.
_xtexts: dict[str, str] = {}


def xtext(text: str) -> str:
    """Escape text content (and drop characters XML cannot carry)."""
    found = _xtexts.get(text) if type(text) is str else None
    if found is None:
        found = _escape(_INVALID_XML.sub("", text))
        if type(text) is str and len(text) <= LONGEST:
            remember(_xtexts, text, found)
    return found


def xattr(text: str) -> str:
    """Escape an attribute value for use inside double quotes."""
    return _escape(_INVALID_XML.sub("", text)).replace('"', "&quot;")


def _value(series: Series, axis_id: str) -> float | None:
    v = series.values.get(axis_id)
    return float(v) if v is not None and math.isfinite(v) else None


def _greedy(words: Sequence[str], width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


#: Wrapped labels by (text, width, lines): the same indicator and dimension names recur
#: in every report of a process. Emptied when full.
_wrapped: dict[tuple[str, int, int], tuple[str, ...]] = {}
_WRAPPED_MOST = 4096
_BREAKS = re.compile(r"[^\S\u00a0]+")


def wrap_label(text: str, width: int = 24, max_lines: int = 3) -> list[str]:
    """Balanced wrap into at most ``max_lines`` lines (widening if needed, never truncating)."""
    key = (text, width, max_lines)
    found = _wrapped.get(key)
    if found is None:
        found = remember(_wrapped, key, tuple(_wrap(text, width, max_lines)), _WRAPPED_MOST)
    return list(found)


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    words = [w for w in _BREAKS.split(text) if w]
    while len(lines := _greedy(words, width)) > max_lines:  # widen rather than truncate
        width += 1
    for narrower in range(width - 1, 7, -1):  # shortest width that needs no extra line
        candidate = _greedy(words, narrower)
        if len(candidate) > len(lines):
            break
        lines = candidate
    return [line.replace("\u00a0", " ") for line in lines] or [""]


#: Each marker shape's vertices, in radii from its centre.
_MARKER_OFFSETS: Mapping[str, tuple[tuple[float, float], ...]] = {
    "square": ((-1, -1), (1, -1), (1, 1), (-1, 1)),
    "triangle": ((0, -1.3), (1.2, 0.9), (-1.2, 0.9)),
    "diamond": ((0, -1.4), (1.4, 0), (0, 1.4), (-1.4, 0)),
    "down": ((0, 1.3), (1.2, -0.9), (-1.2, -0.9)),
    "cross": ((-1, -1.4), (0, -0.4), (1, -1.4), (1.4, -1), (0.4, 0), (1.4, 1), (1, 1.4),
              (0, 0.4), (-1, 1.4), (-1.4, 1), (-0.4, 0), (-1.4, -1)),
}


#: Markers by (shape, x, y, colour, r) of float positions: scores recur chart after chart.
_markers: dict[tuple[str, float, float, str, float], str] = {}


def marker_svg(shape: str, x: float, y: float, colour: str, r: float = 4.0) -> str:
    """A small point symbol; the shape is a second, colour-independent cue."""
    key = (shape, x, y, colour, r)
    found = _markers.get(key)
    if found is None:
        found = _marker_svg(shape, x, y, colour, r)
        if type(x) is float and type(y) is float and type(r) is float and x == x and y == y:
            remember(_markers, key, found)
    return found


def _marker_svg(shape: str, x: float, y: float, colour: str, r: float) -> str:
    paint = f'fill="{colour}" stroke="#ffffff" stroke-width="1"'
    if shape == "circle":
        return f'<circle cx="{coord(x)}" cy="{coord(y)}" r="{coord(r)}" {paint}/>'
    offsets = _MARKER_OFFSETS[shape]
    pts = " ".join(f"{coord(x + dx * r)},{coord(y + dy * r)}" for dx, dy in offsets)
    return f'<polygon points="{pts}" {paint}/>'


def _runs(verts: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Outline pieces: one run when every vertex exists, else broken around missing ones."""
    if all(v is not None for v in verts):
        full = [v for v in verts if v is not None]
        return [full]
    runs: list[list[tuple[float, float]]] = [[]]
    start = list(verts).index(None)
    for j in range(1, len(verts) + 1):
        v = verts[(start + j) % len(verts)]
        if v is None:
            runs.append([])
        else:
            runs[-1].append(v)
    return [r for r in runs if r]


def svg_document(
    pid: str, title: str, description: str, box: tuple[float, float, int, int], body: list[str]
) -> str:
    """A standalone, accessible SVG: titled and described, white background, scalable."""
    vx, vy, vw, vh = box
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{pid}" role="img" '
        f'aria-labelledby="{pid}-title {pid}-desc" viewBox="{coord(vx)} {coord(vy)} {vw} {vh}" '
        f'width="{vw}" height="{vh}" style="max-width:100%;height:auto" '
        f'font-family="{xattr(FONT)}">'
        f'<title id="{pid}-title">{xtext(title)}</title>'
        f'<desc id="{pid}-desc">{xtext(description)}</desc>'
        f'<rect x="{coord(vx)}" y="{coord(vy)}" width="{vw}" height="{vh}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>\n"
    )


def _whiskers(axes: Sequence[Axis], intervals: Mapping[str, tuple[float, float]],
              point: Callable[[int, float], tuple[float, float]], angles: Sequence[float],
              pid: str) -> list[str]:
    """A whisker along each axis from its interval's low to high end, with end caps."""
    out: list[str] = []
    for i, axis in enumerate(axes):
        if axis.id not in intervals:
            continue
        low, high = intervals[axis.id]
        (x1, y1), (x2, y2) = point(i, low), point(i, high)
        th = math.radians(angles[i])
        cx, cy = 5 * math.cos(th), 5 * math.sin(th)  # perpendicular to the axis
        out.append(f'<g class="{pid}-ci" data-axis="{xattr(axis.id)}" stroke="#1a1a1a" '
                   f'stroke-width="1.5">'
                   f'<line x1="{coord(x1)}" y1="{coord(y1)}" x2="{coord(x2)}" y2="{coord(y2)}"/>'
                   + "".join(f'<line x1="{coord(x - cx)}" y1="{coord(y - cy)}" '
                             f'x2="{coord(x + cx)}" y2="{coord(y + cy)}"/>'
                             for x, y in ((x1, y1), (x2, y2)))
                   + "</g>")
    return out


def _angles(axes: Sequence[Axis]) -> list[float]:
    """Clockwise degrees from the top: Porter's classic drawing for the four standard ids."""
    if len(axes) == 4 and {a.id for a in axes} == set(STANDARD_ANGLES):
        return [STANDARD_ANGLES[a.id] for a in axes]
    return [360.0 * i / len(axes) for i in range(len(axes))]


@lru_cache(maxsize=64, typed=True)
def _grid(angles: tuple[float, ...], radius: float, fs: float) -> tuple[str, ...]:
    """The chart's grid (rings at 20..100, axis lines, tick labels), the same for every
    chart of the same axes' angles and size: made once per process."""
    order = sorted(range(len(angles)), key=lambda i: angles[i])

    def point(i: int, v: float) -> tuple[float, float]:
        r, th = radius * min(max(v, 0.0), 100.0) / 100.0, math.radians(angles[i])
        return r * math.sin(th), -r * math.cos(th)

    out: list[str] = []
    # Grid: rings at 20..100 (circles when fewer than three axes make polygons degenerate).
    for t in TICKS:
        stroke = 'stroke="#8c8c8c" stroke-width="1.2"' if t == 100 else 'stroke="#d0d0d0"'
        if len(order) >= 3:
            pts = " ".join(f"{coord(x)},{coord(y)}" for x, y in (point(i, t) for i in order))
            out.append(f'<polygon points="{pts}" fill="none" {stroke}/>')
        else:
            rr = coord(radius * t / 100)
            out.append(f'<circle cx="0.0" cy="0.0" r="{rr}" fill="none" {stroke}/>')
    for i in order:
        x, y = point(i, 100)
        out.append(f'<line x1="0.0" y1="0.0" x2="{coord(x)}" y2="{coord(y)}" stroke="#8c8c8c"/>')
    if angles:
        for t in TICKS:
            # midway between the first two axes (clockwise), clear of the markers on the axes
            x, y = point(order[0], t)
            if len(order) >= 3:
                x2, y2 = point(order[1], t)
                x, y = (x + x2) / 2 - 3, (y + y2) / 2 + 3
            out.append(f'<text x="{coord(x + 6)}" y="{coord(y - 3)}" font-size="'
                       f'{coord(fs * 0.75)}" fill="#595959">{t}</text>')
    return tuple(out)


def diamond_svg(
    axes: Sequence[Axis],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    size: int = 480,
    legend_title: str = "",
    id_prefix: str = "diamond-chart",
    intervals: Mapping[str, tuple[float, float]] | None = None,
    decimal: str = ".",
    missing: str = "n/a",
) -> str:
    """Draw Porter's Diamond (a radar chart on a 0–100 scale) as an inline SVG document string.

    With exactly the axis ids ``firm``, ``demand``, ``related`` and ``factor`` the classic layout
    is used (firm strategy top, demand right, related and supporting bottom, factor conditions
    left); any other set of axes is spread evenly clockwise from the top in the given order.
    ``size`` is the nominal drawing width in px (the diamond's radius is ``0.3 * size``); the
    viewBox grows to fit axis labels and the legend, and the root element carries explicit
    width/height plus ``max-width:100%;height:auto`` so it renders at natural size standalone (or
    as a Markdown image) and scales down inline in HTML.

    The ``overall`` series is a filled polygon with a solid thick outline, and its score is
    appended to each axis label ("Factor conditions — 62.5"). ``group`` series are unfilled
    outlines, each with its own colour, dash pattern and marker shape. Missing values (None or
    non-finite) are never plotted at the centre, which would read as a score of 0: the outline
    is broken on both sides of that axis (only edges between neighbouring axes that both have
    values are drawn), the overall fill spans only the axes with values, and the axis label says
    "n/a" when the overall series (or, without one, every series) lacks a value there. Values
    are clamped to 0–100 for drawing; labels show them as given. All text is XML-escaped; the
    output has no scripts, external references or event attributes, and is byte-for-byte
    deterministic. ``id_prefix`` namespaces the element ids so several charts can share a page.
    ``intervals`` (axis id → low, high) draws the overall series' 95 % intervals as whiskers
    along the axes.
    """
    pid = re.sub(r"[^A-Za-z0-9_-]", "-", id_prefix) or "diamond-chart"
    pid = pid if pid[0].isalpha() else "c" + pid
    radius, fs = size * 0.3, max(9.0, round(size / 36, 1))
    lh, cw = fs * 1.2, fs * 0.58  # line height, estimated average glyph width
    angles = _angles(axes)
    order = sorted(range(len(axes)), key=lambda i: angles[i])

    def point(i: int, v: float) -> tuple[float, float]:
        r, th = radius * min(max(v, 0.0), 100.0) / 100.0, math.radians(angles[i])
        return r * math.sin(th), -r * math.cos(th)

    out: list[str] = list(_grid(tuple(angles), radius, fs))
    # Axis labels, anchored outside the tip; track their estimated extents for the viewBox.
    overall = next((s for s in series if s.kind == "overall"), None)
    minx, miny, maxx, maxy = -radius, -radius, radius, radius
    for i, axis in enumerate(axes):
        score = _value(overall, axis.id) if overall else None
        missing_here = (overall is not None and score is None) or (
            overall is None and bool(series) and all(_value(s, axis.id) is None for s in series))
        suffix = (f"{score:.1f}".replace(".", decimal) if score is not None
                  else missing if missing_here else "")
        text = axis.label + (f" —\u00a0{suffix}" if suffix else "")
        sn, cs = math.sin(math.radians(angles[i])), math.cos(math.radians(angles[i]))
        lines = wrap_label(text, 28 if abs(sn) < 0.3 else 18)
        x, y = (radius + 10) * sn, -(radius + 10) * cs
        anchor = "middle" if abs(sn) < 0.3 else "start" if sn > 0 else "end"
        if cs > 0.3:
            y0 = y - 10 - (len(lines) - 1) * lh
        elif cs < -0.3:
            y0 = y + fs + 2
        else:
            y0 = y - (len(lines) - 1) * lh / 2 + fs * 0.35
        width = max(len(line) for line in lines) * cw
        left = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
        minx, maxx = min(minx, left), max(maxx, left + width)
        miny, maxy = min(miny, y0 - fs), max(maxy, y0 + (len(lines) - 1) * lh + fs * 0.3)
        spans = "".join(f'<tspan x="{coord(x)}" y="{coord(y0 + k * lh)}">{xtext(line)}</tspan>'
                        for k, line in enumerate(lines))
        out.append(f'<text class="{pid}-label" data-axis="{xattr(axis.id)}" x="{coord(x)}" '
                   f'y="{coord(y0)}" text-anchor="{anchor}" font-size="{coord(fs)}" '
                   f'fill="#1a1a1a">{spans}</text>')
    # Series: overall first (underneath), then groups in order.
    styles: list[tuple[Series, str, str, str]] = []
    for s in series:
        if s.kind == "overall":
            styles.append((s, OVERALL_COLOUR, "", MARKERS[0]))
    groups = [s for s in series if s.kind != "overall"]
    for g, s in enumerate(groups):
        m = GROUP_COLOURS[g % len(GROUP_COLOURS)]
        styles.append((s, m, GROUP_DASHES[g % len(GROUP_DASHES)], MARKERS[1 + g % 5]))
    for k, (s, colour, dash, shape) in enumerate(styles):
        vals = [_value(s, axes[i].id) for i in order]
        verts = [point(i, v) if v is not None else None for i, v in zip(order, vals, strict=True)]
        present = [p for p in verts if p is not None]
        if s.kind == "overall":
            poly = " ".join(f"{coord(x)},{coord(y)}" for x, y in present)
            out.append(f'<polygon class="{pid}-area" data-series="{k}" points="{poly}" '
                       f'fill="{colour}" fill-opacity="0.22" stroke="none"/>')
        runs = _runs(verts)
        d = " ".join(
            "M" + " L".join(f"{coord(x)} {coord(y)}" for x, y in r) for r in runs if len(r) > 1
        )
        d += " Z" if len(present) == len(verts) > 2 else ""
        sw = "3" if s.kind == "overall" else "2"
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if d:
            out.append(f'<path class="{pid}-line" data-series="{k}" d="{d}" fill="none" '
                       f'stroke="{colour}" stroke-width="{sw}" stroke-linejoin="round"'
                       f'{dash_attr}/>')
        out.extend(marker_svg(shape, x, y, colour) for x, y in present)
    out.extend(_whiskers(axes, intervals or {}, point, angles, pid))
    # Legend below the chart, one row per series.
    ly = maxy + 20
    lx = minx
    if legend_title and styles:
        out.append(f'<text x="{coord(lx)}" y="{coord(ly + fs * 0.35)}" font-size="{coord(fs)}" '
                   f'font-weight="bold" fill="#1a1a1a">{xtext(legend_title)}</text>')
        maxx, ly = max(maxx, lx + len(legend_title) * cw * 1.1), ly + lh * 1.3
    for k, (s, colour, dash, shape) in enumerate(styles):
        if s.kind == "overall":
            out.append(f'<rect x="{coord(lx)}" y="{coord(ly - 6)}" width="28.0" height="12.0" '
                       f'fill="{colour}" fill-opacity="0.22" stroke="{colour}" stroke-width="3"/>')
        else:
            out.append(f'<line x1="{coord(lx)}" y1="{coord(ly)}" x2="{coord(lx + 28)}" '
                       f'y2="{coord(ly)}" stroke="{colour}" stroke-width="2" '
                       f'stroke-dasharray="{dash}"/>')
        out.append(marker_svg(shape, lx + 14, ly, colour))
        out.append(f'<text class="{pid}-legend" data-series="{k}" x="{coord(lx + 36)}" '
                   f'y="{coord(ly + fs * 0.35)}" font-size="{coord(fs)}" fill="#1a1a1a">'
                   f"{xtext(s.label)}</text>")
        maxx, ly = max(maxx, lx + 36 + len(s.label) * cw), ly + lh * 1.3
    maxy = max(maxy, ly - lh * 1.3 + fs) if styles else maxy
    pad = 12.0
    vx, vy = minx - pad, miny - pad
    vw, vh = math.ceil(maxx - minx + 2 * pad), math.ceil(maxy - miny + 2 * pad)
    return svg_document(pid, title, description, (vx, vy, vw, vh), out)
