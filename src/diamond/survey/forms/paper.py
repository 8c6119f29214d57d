"""A printable questionnaire (HTML with a print stylesheet) for workshops and paper rounds.

A header asks for the organisation, the date, the stakeholder group (boxes) and, when
asked for, the respondent code; then one page per Diamond dimension, a row per
indicator with a box per scale point; then the SWOT questions with room to write.
Typed into a sheet with the indicator ids as column headers (or with
``diamond export``'s layout), the answers import without a map file.
"""

from __future__ import annotations

from html import escape

from diamond.survey.forms.spec import FormSpec
from diamond.survey.forms.texts import text

_STYLE = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt;
       color: #111; margin: 2em auto; max-width: 60em; }
h1 { font-size: 15pt; margin: 0 0 .4em; } h2 { font-size: 12.5pt; margin: 1.2em 0 .4em; }
p.intro, p.note { margin: .3em 0 .8em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.point { width: 8%; } col.code { width: 12%; }
th, td { border: 1px solid #666; padding: .35em .4em; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.box, th.point { text-align: center; font-size: 8.5pt; hyphens: auto; }
th.point { padding: .35em .1em; font-size: 8pt; }
.box span { display: inline-block; width: 1.1em; height: 1.1em; border: 1.5px solid #111; }
td.code { font-size: 7.5pt; color: #555; overflow-wrap: anywhere; }
.field { display: inline-block; min-width: 16em; border-bottom: 1px solid #111; }
.groups span.box { margin-right: 1.4em; white-space: nowrap; }
.write { height: 7em; }
section { break-inside: avoid; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; }
  section.dimension, section.swot { break-before: page; page-break-before: always; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _box() -> str:
    return '<span aria-hidden="true"></span>'


def write(spec: FormSpec) -> bytes:
    """The HTML document, UTF-8; the same spec gives the same bytes."""
    lang = spec.lang
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(spec.title)}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body>",
        "<header>",
        f"<h1>{escape(spec.title)}</h1>",
        f'<p class="intro">{escape(spec.intro)}</p>',
        f'<p>{escape(text("organisation", lang))}: <span class="field"></span> &nbsp; '
        f'{escape(text("date", lang))}: <span class="field" style="min-width:8em"></span></p>',
    ]
    if spec.respondent_id:
        out.append(f'<p>{escape(text("id", lang))}: <span class="field"></span></p>')
    groups = " ".join(
        f'<span class="box">{_box()} {escape(label)}</span>' for _, label in spec.groups
    )
    out.append(
        f'<p class="groups"><strong>{escape(text("group", lang))}</strong> '
        f'{escape(text("tick_group", lang))}:<br>{groups}</p>'
    )
    out.append("</header>")
    head = "".join(f'<th class="point">{escape(label)}</th>' for _, label in spec.points)
    for section in spec.sections:
        out.append(f'<section class="dimension" id="{escape(section.id)}">')
        out.append(f"<h2>{escape(section.title)}</h2>")
        out.append(f'<p class="note">{escape(text("tick_one", lang))}</p>')
        cols = '<col class="point">' * len(spec.points)
        out.append(f'<table><colgroup><col>{cols}<col class="code"></colgroup>'
                   f'<thead><tr><th>{escape(text("condition", lang))}</th>{head}'
                   f'<th>{escape(text("code", lang))}</th></tr></thead><tbody>')
        for q in section.questions:
            boxes = "".join(f'<td class="box">{_box()}</td>' for _ in spec.points)
            out.append(f"<tr><td>{escape(q.prompt)}</td>{boxes}"
                       f'<td class="code">{escape(q.id)}</td></tr>')
        out.append("</tbody></table></section>")
    if spec.swot:
        out.append('<section class="swot">')
        out.append(f"<h2>{escape(text('swot', lang))}</h2>")
        out.append(f'<p class="note">{escape(text("swot_hint", lang))}</p>')
        out.append("<table><tbody>")
        for _, label in spec.swot_prompts:
            out.append(f'<tr><th style="width:14em">{escape(label)}</th>'
                       '<td class="write"></td></tr>')
        out.append("</tbody></table></section>")
    out.append(f'<p class="note">{escape(text("thanks", lang))}</p>')
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8")
