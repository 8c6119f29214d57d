"""The deliverable formats: every example in Word, Excel, PowerPoint and PDF, opened and checked.

Each DOCX, XLSX and PPTX is opened with the library that wrote it; each PDF is read
back with poppler-utils' pdftotext and pdfinfo (skipped, saying why, where they or
WeasyPrint's Pango library are missing).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ASSESSMENTS

from diamond.errors import DependencyError, UsageError
from diamond.loader import load_questionnaire, require_valid
from diamond.render.brand import Brand, load_brand
from diamond.render.labels import builtin_labels
from diamond.render.report import RenderOptions, render_reports, report_stem
from diamond.scoring import Assessment, assess

EXAMPLES = sorted(ASSESSMENTS.glob("*.yaml"))
BINARY = ("docx", "xlsx", "pptx")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
       b"\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def scored(path: Path, lang: str | None = None) -> Assessment:
    questionnaire, catalogue = require_valid(load_questionnaire(str(path)))
    return assess(questionnaire, catalogue, "mean", lang=lang, date=None)


def render(path: Path, fmt: str, **kw: Any) -> bytes:
    (file,) = render_reports(scored(path), [fmt], stem="r", **kw)
    assert isinstance(file.content, bytes)
    return file.content


def pdf_or_skip(path: Path) -> bytes:
    try:
        return render(path, "pdf")
    except DependencyError as error:
        pytest.skip(f"PDF not available here: {error}")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_docx_has_headings_tables_and_charts(path: Path) -> None:
    import docx

    a = scored(path)
    document = docx.Document(io.BytesIO(render(path, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    labels = builtin_labels()[a.lang]
    assert headings[0] == labels["sections"]["summary"]
    assert labels["sections"]["chart"] in headings and labels["sections"]["appendix"] in headings
    for d in a.dimensions:
        assert f"{d.number} {d.name}" in headings
    assert len(document.tables) >= len(a.dimensions) + 1
    assert len(document.inline_shapes) >= 2  # the Diamond and the score bars
    assert document.core_properties.author == "diamond"
    # the header row repeats on a new page
    assert 'w:tblHeader' in document.tables[0].rows[0]._tr.xml


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_xlsx_has_one_sheet_per_table_with_numbers(path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(render(path, "xlsx")))
    sheets = builtin_labels("labels-deliverable.yaml")[scored(path).lang]["sheets"]
    assert sheets["indicators"] in book.sheetnames and sheets["dimensions"] in book.sheetnames
    indicators = book[sheets["indicators"]]
    assert indicators.freeze_panes == "B2"
    assert isinstance(indicators.cell(row=2, column=3).value, float)  # the score, a number
    assert indicators.column_dimensions["B"].width > 10
    for sheet in book:
        assert sheet.max_row >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pptx_has_a_native_radar_chart(path: Path) -> None:
    import pptx
    from pptx.enum.chart import XL_CHART_TYPE

    a = scored(path)
    deck = pptx.Presentation(io.BytesIO(render(path, "pptx")))
    charts = [s.chart for slide in deck.slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 1 and charts[0].chart_type == XL_CHART_TYPE.RADAR_MARKERS
    assert list(charts[0].plots[0].categories) == [d.name for d in a.dimensions]
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert len(deck.slides) >= 3 + len(a.dimensions)
    for d in a.dimensions:
        assert any(t.startswith(f"{d.number} {d.name}") for t in titles)


def test_xlsx_writes_formula_like_text_as_text(tmp_path: Path) -> None:
    import openpyxl

    source = (ASSESSMENTS / "eskisehir-ceramics.yaml").read_text(encoding="utf-8")
    assert "\n  threats:\n" in source
    path = tmp_path / "hostile.yaml"
    path.write_text(source.replace("\n  threats:\n", "\n  threats:\n    - text: \"=1+1\"\n", 1),
                    encoding="utf-8")
    book = openpyxl.load_workbook(io.BytesIO(render(path, "xlsx")))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)


@pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                    reason="poppler-utils (pdftotext, pdfinfo) not installed")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pdf_pages_numbers_and_text(path: Path, tmp_path: Path) -> None:
    a = scored(path)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(pdf_or_skip(path))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert 8 <= pages <= 60
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert a.sector.name in text
    page = builtin_labels("labels-deliverable.yaml")[a.lang]["text"]["page"]
    of = builtin_labels("labels-deliverable.yaml")[a.lang]["text"]["of"]
    assert f"{page} 2 {of} {pages}" in text and f"{page} {pages} {of} {pages}" in text
    assert "file://" not in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded
    if a.lang == "tr":
        assert "İçindekiler" in text and "ş" in text and "ğ" in text


def test_pdf_without_weasyprint_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(DependencyError, match="pip install weasyprint"):
        render(EXAMPLES[0], "pdf")


def test_brand_applies_to_html_docx_and_pptx(tmp_path: Path) -> None:
    import docx
    import pptx

    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "brand.yaml").write_text(
        "organisation: Örnek & Ortakları\nlogo: logo.png\ncolours: {primary: '#123456'}\n"
        "footer: <b>Gizli</b>\n", encoding="utf-8")
    brand = load_brand(tmp_path / "brand.yaml")
    assert brand.logo == PNG and brand.primary == "#123456"
    options = RenderOptions(brand=brand)
    (html,) = render_reports(scored(EXAMPLES[0]), ["html"], stem="r", options=options)
    assert isinstance(html.content, str)
    assert "--accent: #123456" in html.content and "data:image/png;base64," in html.content
    assert "<b>Gizli</b>" not in html.content
    document = docx.Document(io.BytesIO(render(EXAMPLES[0], "docx", options=options)))
    assert len(document.inline_shapes) >= 3  # the logo and two charts
    deck = pptx.Presentation(io.BytesIO(render(EXAMPLES[0], "pptx", options=options)))
    assert any(s.shape_type == 13 for s in deck.slides[0].shapes)  # a picture: the logo


def test_reference_docx_lends_its_styles(tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    reference = docx.Document()
    reference.styles["Heading 1"].font.name = "Georgia"
    reference.styles["Heading 1"].font.size = Pt(21)
    reference.add_paragraph("placeholder body text that the report replaces")
    reference.save(str(tmp_path / "ref.docx"))
    options = RenderOptions(reference_docx=tmp_path / "ref.docx")
    out = docx.Document(io.BytesIO(render(EXAMPLES[0], "docx", options=options)))
    assert out.styles["Heading 1"].font.name == "Georgia"
    assert "placeholder" not in " ".join(p.text for p in out.paragraphs)
    (tmp_path / "bad.docx").write_text("not a zip", encoding="utf-8")
    with pytest.raises(UsageError, match="reference-docx"):
        render(EXAMPLES[0], "docx", options=RenderOptions(reference_docx=tmp_path / "bad.docx"))


def test_bad_brand_file_is_invalid_with_positions(tmp_path: Path) -> None:
    from diamond.errors import InvalidFileError

    (tmp_path / "brand.yaml").write_text("colours: {primary: blue}\nslogan: x\n",
                                         encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        load_brand(tmp_path / "brand.yaml")
    assert {d.line for d in caught.value.diagnostics} == {1, 2}


def test_small_groups_are_merged_everywhere() -> None:
    a = scored(ASSESSMENTS / "ankara-defence-aerospace.yaml")
    assert a.respondents_by_group["university"] == 1
    out = {f.name: f.content for f in render_reports(a, ["md", "html", "xlsx"], stem="r")}
    merged = builtin_labels("labels-deliverable.yaml")["tr"]["text"]["merged_groups"]
    for name in ("r.md", "r.html"):
        text = out[name]
        assert isinstance(text, str)
        assert "| Üniversiteler |" not in text and '<th scope="row">Üniversiteler</th>' not in text
        assert merged in text and "Gizlilik gereği" in text
    assert "Üniversiteler" not in out["r-diamond.svg"]


def test_small_groups_keep_only_their_size_in_the_json() -> None:
    import json

    a = scored(ASSESSMENTS / "ankara-defence-aerospace.yaml")
    (file,) = render_reports(a, ["json"], stem="r")
    assert isinstance(file.content, str)
    data = json.loads(file.content)
    groups = {g["id"]: g for g in data["groups"]}
    assert groups["university"] == {"id": "university", "respondents": 1, "confidential": True,
                                    "overall": None, "band": None, "dimensions": {}}
    assert groups["firm"]["confidential"] is False and groups["firm"]["overall"] is not None
    shown = [g["dimensions"]["factor"] for g in data["groups"]
             if not g["confidential"] and g["dimensions"].get("factor") is not None]
    expected = max(shown) - min(shown) if len(shown) >= 2 else None
    assert data["group_spread"]["factor"] == expected


def test_file_names_carry_a_different_language() -> None:
    assert report_stem("sector", None, "tr") == "sector"
    assert report_stem("sector", "tr", "tr") == "sector"
    assert report_stem("sector", "en", "tr") == "sector-en"


def test_brand_default_is_the_built_in_look() -> None:
    assert Brand(given=False).as_context()["given"] is False


def test_every_catalogue_indicator_has_a_short_label_in_both_languages() -> None:
    from diamond.frameworks import builtin

    labels = builtin_labels("labels-deliverable.yaml")
    indicators = set(builtin("stm-2015").indicators)
    for lang in ("tr", "en"):
        short = labels[lang]["short"]
        assert set(short) == indicators, lang
        assert all(0 < len(text) <= 60 for text in short.values()), lang
    assert set(labels["tr"]) == set(labels["en"])
