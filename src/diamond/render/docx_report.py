"""The Word report (python-docx, imported here only): real headings, tables and chart images.

Headings use Word's own "Title" and "Heading 1/2" styles, so the navigation
pane and the table of contents (a TOC field Word fills in when the document is
opened) work. A reference document (``--reference-docx``) lends its styles:
its body is emptied and the report written into it. Core properties and zip
timestamps come from the assessment's date: the same input gives the same
bytes. Word cells hold text only, so no user text can become a formula.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from diamond.errors import UsageError
from diamond.i18n import _
from diamond.io.zipfix import document_datetime, fixed_zip
from diamond.render.filters import fill, num, pct
from diamond.render.job import RenderJob
from diamond.render.raster import bars_png, likert_png, radar_png
from diamond.render.tables import Table, report_tables

__all__ = ["render_docx"]


class _Writer:
    """Appends report parts to a python-docx ``Document``."""

    def __init__(self, document: Any, lang: str) -> None:
        self.doc = document
        self.lang = lang

    def heading(self, text: str, level: int) -> None:
        try:
            self.doc.add_heading(text, level)
        except KeyError:  # a reference document without the heading style
            self.doc.add_paragraph().add_run(text).bold = True

    def para(self, text: str, style: str | None = None, bold: bool = False) -> None:
        try:
            paragraph = self.doc.add_paragraph(style=style)
        except KeyError:
            paragraph = self.doc.add_paragraph()
        paragraph.add_run(text).bold = bold

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.para(item, "List Bullet")

    def table(self, headers: list[str], rows: list[list[Any]], digits: int = 1) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT

        table = self.doc.add_table(rows=1, cols=len(headers))
        with contextlib.suppress(KeyError, ValueError):  # a reference without the style
            table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(header).bold = True
        _repeat_header(table.rows[0])
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = self.cell(value, digits)
        self.doc.add_paragraph()

    def cell(self, value: Any, digits: int = 1) -> str:
        if value is None:
            return "–"
        if isinstance(value, float):
            return num(value, digits, self.lang)
        return str(value)

    def image(self, data: bytes, width_cm: float) -> None:
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(data), width=Cm(width_cm))


def _repeat_header(row: Any) -> None:
    """Mark a table's first row as a header Word repeats on every page and keeps with the next."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _toc(document: Any, title: str) -> None:
    """A table of contents field; Word fills it in (page numbers included) on opening."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph()
    paragraph.add_run(title).bold = True
    run = document.add_paragraph().add_run()
    for kind, text in (("begin", None), (None, 'TOC \\o "1-2" \\h \\z \\u'), ("separate", None),
                       ("end", None)):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _open(job: RenderJob) -> Any:
    from docx import Document

    reference = job.options.reference_docx
    if reference is None:
        return Document()
    try:
        document = Document(str(reference))
    except Exception as error:  # python-docx raises several kinds for a bad file
        raise UsageError(_("--reference-docx '{path}' is not a Word document: {reason}").format(
            path=reference, reason=error)) from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _cover(w: _Writer, ctx: dict[str, Any]) -> None:
    L, D, R = ctx["labels"], ctx["labels"]["deliverable"], ctx["report"]
    if ctx["brand"]["logo"] and job_logo(ctx) is not None:
        w.image(job_logo(ctx) or b"", 4)
    w.para(L["report_title"], bold=True)
    try:
        w.doc.add_heading(ctx["sector"]["name"], 0)
    except KeyError:
        w.para(ctx["sector"]["name"], bold=True)
    w.para(L["report_subtitle"])
    meta = [(L["meta"]["region"], ctx["sector"]["region"]),
            (L["meta"]["period"], ctx["sector"]["period"]),
            (L["meta"]["date"], ctx["date"]),
            (L["meta"]["respondents"], fill(L["text"]["respondents_total"],
                                            {"n": ctx["respondents"]["total"]}))]
    cover = R["cover"] or {}
    for key in ("client", "organisation", "date", "version"):
        if cover.get(key):
            meta.append((D["cover"][key], cover[key]))
    if cover.get("authors"):
        meta.append((D["cover"]["authors"], ", ".join(cover["authors"])))
    for label, value in meta:
        w.para(f"{label}: {value}")
    if cover.get("confidentiality"):
        w.para(cover["confidentiality"], bold=True)
    w.doc.add_page_break()


def job_logo(ctx: dict[str, Any]) -> bytes | None:
    """The logo's bytes from its data URI in the context."""
    import base64

    uri = ctx["brand"]["logo"]
    if not uri:
        return None
    return base64.b64decode(uri.split(",", 1)[1])


def _summary(w: _Writer, ctx: dict[str, Any]) -> None:
    L, T, R, D = ctx["labels"], ctx["labels"]["text"], ctx["report"], ctx["labels"]["deliverable"]
    w.heading(L["sections"]["summary"], 1)
    overall = ctx["overall"]
    if overall["score"] is not None:
        w.para(fill(T["overall"], {"score": num(overall["score"], 1, w.lang),
                                   "band": overall["band"]["label"]}))
    if R["key_messages"]:
        w.heading(D["sections"]["key_messages"], 2)
        w.bullets(R["key_messages"])
    s = ctx["summary"]
    for title, rows in ((T["strongest_indicators"], s["strongest_indicators"]),
                        (T["weakest_indicators"], s["weakest_indicators"])):
        w.heading(title, 2)
        items = []
        for i in rows:
            line = f'{i["label"]} — {num(i["score"], 1, w.lang)} ({i["band"]["label"]})'
            actions = R["actions_by_indicator"].get(i["id"])
            if actions:
                line += ". " + fill(D["text"]["actions_for"],
                                    {"actions": ", ".join(map(str, actions))})
            items.append(line)
        w.bullets(items)


def _chart(w: _Writer, ctx: dict[str, Any]) -> None:
    L = ctx["labels"]
    w.heading(L["sections"]["chart"], 1)
    names = [d["name"] for d in ctx["dimensions"]]
    scores = [d["score"] for d in ctx["dimensions"]]
    colour = ctx["brand"]["primary"]
    w.image(radar_png(names, scores, colour, w.lang), 15)
    w.para(ctx["chart"]["description"])
    w.image(bars_png(names, scores, colour, w.lang), 15)
    if ctx["report"]["confidential_note"]:
        w.para(ctx["report"]["confidential_note"])


def _dimensions(w: _Writer, ctx: dict[str, Any]) -> None:
    C, T, R = ctx["labels"]["columns"], ctx["labels"]["text"], ctx["report"]
    for d in ctx["dimensions"]:
        w.heading(d["title"], 1)
        w.para(f'{C["score"]}: {num(d["score"], 1, w.lang)} ({d["band"]["label"]}) · '
               + fill(T["coverage"], {"answered": d["answered"], "total": d["total"],
                                      "pct": pct(d["coverage"], 0, w.lang)}))
        if d["id"] in R["interpretation"]:
            w.para(R["interpretation"][d["id"]])
        _likert(w, ctx, d)
        w.table([C["indicator"], C["score"], C["band"], C["n"]],
                [[i["label"], i["score"], i["band"]["label"] if i["answered"] else None, i["n"]]
                 for i in d["indicators"]])
        items = [f'{item["letter"]}: {item["text"]}' for q in d["swot"] for item in q["items"]]
        if items:
            w.heading(T["dimension_swot"], 2)
            w.bullets(items)


def _likert(w: _Writer, ctx: dict[str, Any], d: dict[str, Any]) -> None:
    """The dimension's answer distribution as a PNG (Word cannot show the SVG)."""
    text = ctx["labels"]["deliverable"]["text"]
    counts = [tuple(i["counts"]) for i in d["indicators"]]
    if not counts or not any(counts):
        return
    w.image(likert_png([i["label"] for i in d["indicators"]], counts,
                       ctx["respondents"]["total"], ctx["scale"]["min"],
                       (text["likert_low"], text["likert_high"], text["unanswered"],
                        text["percent"])), 16)


def _swot_tows(w: _Writer, ctx: dict[str, Any]) -> None:
    L = ctx["labels"]
    if ctx["swot"]["count"]:
        w.heading(L["sections"]["swot"], 1)
        for q in ctx["swot"]["quadrants"]:
            if q["items"]:
                w.heading(q["label"], 2)
                w.bullets([i["text"] for i in q["items"]])
    pairs = [(p, k) for p in ctx["tows"] for k in p["kinds"] if k["pairs"]]
    if pairs:
        w.heading(L["sections"]["tows"], 1)
        for p, k in pairs:
            w.heading(f'{p["dimension"]["title"]} — {k["title"]}', 2)
            prompt = ctx["labels"]["deliverable"]["tows_prompt"][k["id"]]
            w.bullets([fill(prompt, {"first": x["first"]["text"], "second": x["second"]["text"]})
                       for x in k["pairs"]])
    if ctx["recommendations"]:
        w.heading(L["sections"]["recommendations"], 1)
        for r in ctx["recommendations"]:
            w.heading(r["dimension"]["title"], 2)
            w.bullets([f'{x["kind_label"]}: {x["text"]}' for x in r["actions"]])


def _tables(w: _Writer, ctx: dict[str, Any], tables: list[Table]) -> None:
    D = ctx["labels"]["deliverable"]
    by_key = {t.key: t for t in tables}
    if "actions" in by_key:
        w.heading(D["sections"]["action_plan"], 1)
        t = by_key["actions"]
        w.table(t.headers, t.rows)
    w.heading(ctx["labels"]["sections"]["appendix"], 1)
    for m in ctx["appendix"]["method"]:
        w.heading(m["term"], 2)
        if m["formula"]:
            w.para(m["formula"])
        w.para(m["text"])
    t = by_key["indicators"]
    C = ctx["labels"]["columns"]
    w.heading(t.title, 2)
    w.table([C["id"], C["indicator"], t.headers[-1], C["score"], C["n"], C["sd"], C["rwg"]],
            [[r[11], r[1], r[12], r[2], r[6], r[7], r[8]] for r in t.rows], 2)


def render_docx(job: RenderJob) -> bytes:
    """The Word document's bytes."""
    ctx = job.context()
    document = _open(job)
    w = _Writer(document, job.language)
    _cover(w, ctx)
    _toc(document, ctx["labels"]["sections"]["contents"])
    document.add_page_break()
    _summary(w, ctx)
    _chart(w, ctx)
    _dimensions(w, ctx)
    _swot_tows(w, ctx)
    _tables(w, ctx, report_tables(ctx))
    when = document_datetime(ctx["date"])
    props = document.core_properties
    props.created = props.modified = props.last_printed = when
    props.author = props.last_modified_by = "diamond"
    props.revision = 1
    props.title = f'{ctx["labels"]["report_title"]} — {ctx["sector"]["name"]}'[:255]
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), when)
