"""PNG charts for Word (which cannot show the SVG charts): the Diamond and dimension scores.

Drawn with Pillow (installed with python-pptx), imported only here. Fonts:
DejaVu Sans where the system has it (it carries every Turkish letter), else
Pillow's own. Numbers use the report language's decimal separator. The PNG
bytes are a pure function of the inputs and the font file.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import Any

from diamond.render.filters import num

__all__ = ["bars_png", "likert_png", "radar_png"]

SCALE = 2  # drawn at twice the size for crisp print
GRID = "#c8c8c8"
GRID_TEXT = "#595959"
INK = "#1c2430"


def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    for name in (("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf") if bold
                 else ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")):
        try:
            return ImageFont.truetype(name, size * SCALE)
        except OSError:
            continue
    return ImageFont.load_default(size * SCALE)


def _png(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def radar_png(names: list[str], values: list[float | None], colour: str, lang: str) -> bytes:
    """The Diamond as a radar chart: one axis per dimension, clockwise from the top."""
    from PIL import Image, ImageDraw

    w, h = 700 * SCALE, 560 * SCALE
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    cx, cy, radius = w / 2, h / 2, 180 * SCALE
    font, small = _font(12), _font(9)
    count = len(names)

    def point(i: int, v: float) -> tuple[float, float]:
        angle = 2 * math.pi * i / count
        r = radius * min(max(v, 0.0), 100.0) / 100.0
        return cx + r * math.sin(angle), cy - r * math.cos(angle)

    for tick in (20, 40, 60, 80, 100):
        ring = [point(i, tick) for i in range(count)]
        draw.polygon(ring, outline=GRID, width=SCALE)
        # tick labels sit midway between the first two axes, clear of the markers on the axes
        (x0, y0), (x1, y1) = point(0, tick), point(1 % count, tick)
        draw.text(((x0 + x1) / 2 + 3 * SCALE, (y0 + y1) / 2 - 3 * SCALE), str(tick),
                  fill="#8c8c8c", font=small, anchor="lb")
    for i in range(count):
        draw.line([(cx, cy), point(i, 100)], fill=GRID, width=SCALE)
    shown = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(shown) >= 3:
        polygon = [point(i, v) for i, v in shown]
        overlay = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        ImageDraw.Draw(overlay).polygon(polygon, fill=colour + "40")
        image.paste(overlay, (0, 0), overlay)
        draw = ImageDraw.Draw(image)
        draw.polygon(polygon, outline=colour, width=3 * SCALE)
    for i, v in shown:
        x, y = point(i, v)
        draw.ellipse([x - 5 * SCALE, y - 5 * SCALE, x + 5 * SCALE, y + 5 * SCALE], fill=colour)
    for i, name in enumerate(names):
        x, y = point(i, 112)
        value = values[i]
        label = "\n".join([*textwrap.wrap(name, 20),
                           num(value, 1, lang) if value is not None else "–"])
        if abs(x - cx) < 1:
            anchor, align = ("md" if y < cy else "ma"), "center"
        else:
            anchor, align = ("lm", "left") if x > cx else ("rm", "right")
        draw.multiline_text((x, y), label, fill=INK, font=font, anchor=anchor, align=align)
    return _png(image)


def bars_png(names: list[str], values: list[float | None], colour: str, lang: str) -> bytes:
    """Horizontal bars of the dimension scores on 0–100."""
    from PIL import Image, ImageDraw

    row = 34 * SCALE
    left, right, top = 250 * SCALE, 60 * SCALE, 16 * SCALE
    w, h = 640 * SCALE, top * 2 + row * len(names) + 20 * SCALE
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(12), _font(9)
    span = w - left - right
    for tick in (0, 20, 40, 60, 80, 100):
        x = left + span * tick / 100
        draw.line([(x, top), (x, h - 20 * SCALE)], fill=GRID, width=SCALE)
        draw.text((x, h - 18 * SCALE), str(tick), fill="#8c8c8c", font=small, anchor="mt")
    for k, (name, value) in enumerate(zip(names, values, strict=True)):
        y = top + k * row + row / 2
        draw.text((left - 8 * SCALE, y), name, fill=INK, font=font, anchor="rm")
        if value is None:
            draw.text((left + 4 * SCALE, y), "–", fill=INK, font=font, anchor="lm")
            continue
        end = left + span * min(max(value, 0.0), 100.0) / 100
        draw.rectangle([left, y - row * 0.3, end, y + row * 0.3], fill=colour)
        draw.text((end + 4 * SCALE, y), num(value, 1, lang), fill=INK, font=font, anchor="lm")
    return _png(image)


def likert_png(labels: list[str], counts: list[tuple[int, ...]], respondents: int,
               scale_min: int, notes: tuple[str, str, str, str]) -> bytes:
    """The diverging stacked bar chart of one dimension's answers (as ``bar_charts``).

    ``notes`` are the low-end legend, the high-end legend, the word for unanswered and the
    percentage pattern of the report language ('%{v}' or '{v}%').
    """
    from PIL import Image, ImageDraw

    from diamond.render.bar_charts import colours, diverging_segments

    points = len(counts[0]) if counts else 0
    palette = colours(points)
    label_w, bar_w, right_w, row_h, top = 300 * SCALE, 300 * SCALE, 150 * SCALE, \
        28 * SCALE, 40 * SCALE
    w, h = label_w + bar_w + right_w, top + row_h * len(labels) + 10 * SCALE
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(10), _font(9)
    centre = label_w + bar_w / 2
    step = bar_w / max(points, 1)
    for k in range(points):
        x = label_w + k * step
        draw.rectangle([x, 6 * SCALE, x + step - 4 * SCALE, 16 * SCALE], fill=palette[k])
        draw.text((x + step / 2, 20 * SCALE), str(scale_min + k), fill=GRID_TEXT, font=small,
                  anchor="mt")
    draw.text((label_w - 6 * SCALE, 11 * SCALE), notes[0], fill=GRID_TEXT, font=small,
              anchor="rm")
    draw.text((label_w + bar_w + 6 * SCALE, 11 * SCALE), notes[1], fill=GRID_TEXT, font=small,
              anchor="lm")
    for r, (label, row) in enumerate(zip(labels, counts, strict=True)):
        y = top + r * row_h
        text = "\n".join(textwrap.wrap(label, 42)[:2])
        draw.multiline_text((label_w - 8 * SCALE, y + row_h / 2), text, fill=INK, font=small,
                            anchor="rm", align="right")
        n = sum(row)
        for x, width, k in diverging_segments(row, centre, bar_w):
            draw.rectangle([x, y + 4 * SCALE, x + width, y + row_h - 6 * SCALE],
                           fill=palette[k])
        missing = 100 * (1 - n / respondents) if respondents else 0.0
        draw.text((label_w + bar_w + 8 * SCALE, y + row_h / 2),
                  f"n={n} · {notes[3].replace('{v}', f'{missing:.0f}')} {notes[2]}",
                  fill=GRID_TEXT, font=font, anchor="lm")
    draw.line([(centre, top - 2 * SCALE), (centre, top + row_h * len(labels))], fill=INK,
              width=SCALE)
    return _png(image)
