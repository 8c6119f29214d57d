"""Entry points of the binary formats; each imports its module (and library) when called.

Keeping these thin wrappers in one light module lets the registry name every
format while ``diamond --version`` and ``diamond validate`` import none of
python-docx, openpyxl, python-pptx or WeasyPrint.
"""

from __future__ import annotations

from diamond.render.job import RenderedFile, RenderJob

__all__ = ["docx", "pdf", "pptx", "xlsx"]


def docx(job: RenderJob) -> list[RenderedFile]:
    """``{stem}.docx``: an editable Word document (python-docx)."""
    from diamond.render.docx_report import render_docx

    return [RenderedFile(f"{job.stem}.docx", render_docx(job))]


def xlsx(job: RenderJob) -> list[RenderedFile]:
    """``{stem}.xlsx``: the report's tables as an Excel annex (openpyxl)."""
    from diamond.render.xlsx_report import render_xlsx

    return [RenderedFile(f"{job.stem}.xlsx", render_xlsx(job))]


def pptx(job: RenderJob) -> list[RenderedFile]:
    """``{stem}.pptx``: a short workshop deck (python-pptx)."""
    from diamond.render.pptx_report import render_pptx

    return [RenderedFile(f"{job.stem}.pptx", render_pptx(job))]


def pdf(job: RenderJob) -> list[RenderedFile]:
    """``{stem}.pdf``: the print-ready report (WeasyPrint)."""
    from diamond.render.pdf import html_to_pdf

    html = job.render("report.html.j2", medium="print")
    return [RenderedFile(f"{job.stem}.pdf", html_to_pdf(html, date=job.context()["date"]))]
