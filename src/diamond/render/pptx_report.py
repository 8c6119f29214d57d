"""The workshop deck (python-pptx, imported here only).

Slides: title, overall score, the Diamond as a native radar chart (editable
in PowerPoint: its data sits in an embedded workbook), one slide per
dimension, the SWOT matrix and the action plan. Core properties and zip
timestamps come from the assessment's date, so the same input gives the
same bytes.
"""

from __future__ import annotations

import io
from typing import Any

from diamond.io.zipfix import document_datetime, fixed_zip
from diamond.render.docx_report import job_logo
from diamond.render.filters import num
from diamond.render.job import RenderJob

__all__ = ["render_pptx"]

MAX_ROWS = 10  # table rows a slide holds legibly


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _slide(deck: Any, title: str, colour: str) -> Any:
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    slide.shapes.title.text = title
    for paragraph in slide.shapes.title.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = _rgb(colour)
            run.font.size = _pt(28)
    return slide


def _pt(size: float) -> Any:
    from pptx.util import Pt

    return Pt(size)


def _table(slide: Any, headers: list[str], rows: list[list[str]], top: float = 1.5) -> None:
    from pptx.util import Inches

    shape = slide.shapes.add_table(len(rows) + 1, len(headers), Inches(0.4), Inches(top),
                                   Inches(9.2), Inches(0.4 * (len(rows) + 1)))
    table = shape.table
    for c, header in enumerate(headers):
        table.cell(0, c).text = header
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = _pt(12)


def _text(slide: Any, lines: list[str], top: float = 1.5, size: float = 16) -> None:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(9), Inches(5))
    frame = box.text_frame
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = _pt(size)


def _radar(slide: Any, ctx: dict[str, Any], colour: str) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches

    data = CategoryChartData()  # type: ignore[no-untyped-call]
    data.categories = [d["name"] for d in ctx["dimensions"]]
    data.add_series(  # type: ignore[no-untyped-call]
        ctx["labels"]["columns"]["overall"],
                    [round(d["score"], 1) if d["score"] is not None else None
                     for d in ctx["dimensions"]])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.RADAR_MARKERS, Inches(1), Inches(1.3),
                                   Inches(8), Inches(5.8), data)
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, 100, 20
    series = chart.plots[0].series[0]
    series.format.line.color.rgb = _rgb(colour)
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = _rgb(colour)


def _dimension(deck: Any, ctx: dict[str, Any], d: dict[str, Any], lang: str, colour: str) -> None:
    C, R = ctx["labels"]["columns"], ctx["report"]
    slide = _slide(deck, f'{d["title"]} — {num(d["score"], 1, lang)}', colour)
    ranked = sorted(d["indicators"], key=lambda i: (i["score"] is None, i["score"] or 0))
    rows = [[i["label"], num(i["score"], 1, lang), i["band"]["label"] if i["answered"] else "–"]
            for i in ranked[:MAX_ROWS]]
    _table(slide, [C["indicator"], C["score"], C["band"]], rows, 1.3)
    if d["id"] in R["interpretation"]:
        slide.notes_slide.notes_text_frame.text = R["interpretation"][d["id"]]


def _swot(deck: Any, ctx: dict[str, Any], colour: str) -> None:
    from pptx.util import Inches

    slide = _slide(deck, ctx["labels"]["deliverable"]["slides"]["swot"], colour)
    for n, q in enumerate(ctx["swot"]["quadrants"]):
        left, top = 0.4 + 4.7 * (n % 2), 1.3 + 3.0 * (n // 2)
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(4.5), Inches(2.9))
        frame = box.text_frame
        frame.word_wrap = True
        frame.paragraphs[0].text = q["label"]
        frame.paragraphs[0].font.bold = True
        frame.paragraphs[0].font.size = _pt(16)
        ranked = sorted(q["items"], key=lambda i: -i["importance"])
        for item in ranked[:5]:
            paragraph = frame.add_paragraph()
            paragraph.text = "• " + item["text"]
            paragraph.font.size = _pt(11)


def render_pptx(job: RenderJob) -> bytes:
    """The deck's bytes."""
    from pptx import Presentation
    from pptx.util import Inches

    ctx = job.context()
    lang, D = job.language, ctx["labels"]["deliverable"]
    colour = ctx["brand"]["primary"]
    deck = Presentation()
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = f'{ctx["sector"]["name"]} — {ctx["sector"]["region"]}'
    organisation = (ctx["report"]["cover"] or {}).get("organisation") \
        or ctx["brand"]["organisation"]
    title.placeholders[1].text = "\n".join(
        x for x in (ctx["labels"]["report_title"], str(ctx["date"]), organisation) if x)
    logo = job_logo(ctx)
    if logo is not None:
        title.shapes.add_picture(io.BytesIO(logo), Inches(0.4), Inches(0.3), height=Inches(0.8))
    overall = _slide(deck, D["slides"]["overall"], colour)
    score = ctx["overall"]["score"]
    lines = [f'{num(score, 1, lang)} / 100 — {ctx["overall"]["band"]["label"]}']
    lines += [f'{d["title"]}: {num(d["score"], 1, lang)}' for d in ctx["dimensions"]]
    lines += ctx["report"]["key_messages"]
    _text(overall, lines, size=18)
    chart = _slide(deck, ctx["labels"]["sections"]["chart"], colour)
    _radar(chart, ctx, colour)
    for d in ctx["dimensions"]:
        _dimension(deck, ctx, d, lang, colour)
    if ctx["swot"]["count"]:
        _swot(deck, ctx, colour)
    actions = ctx["report"]["actions"]
    if actions:
        Dc = D["columns"]
        for start in range(0, len(actions), MAX_ROWS):
            slide = _slide(deck, D["slides"]["action_plan"], colour)
            _table(slide, [Dc["number"], Dc["action"], Dc["owner"], Dc["end"], Dc["priority"]],
                   [[str(x["number"]), x["action"], x["owner"] or "–", x["end"] or "–",
                     x["priority_label"] or "–"] for x in actions[start:start + MAX_ROWS]], 1.3)
    when = document_datetime(ctx["date"])
    props = deck.core_properties
    props.created = props.modified = props.last_printed = when
    props.author = props.last_modified_by = "diamond"
    props.revision = 1
    props.title = f'{ctx["labels"]["report_title"]} — {ctx["sector"]["name"]}'[:255]
    buffer = io.BytesIO()
    deck.save(buffer)
    return fixed_zip(buffer.getvalue(), when)
