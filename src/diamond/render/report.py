"""Render an assessment as report files, through a registry of formats.

Each format is a function ``RenderJob -> list[RenderedFile]`` registered in
``RENDERERS``: Markdown (with the chart as SVG), HTML and JSON here; Word,
Excel, PowerPoint and PDF in their own modules, which import their heavy
libraries only when called. The output is a pure function of the assessment,
the language, the templates and the options: rendering twice gives
byte-identical files where the format allows (see each module), and no clock
is read (the report's date is the assessment's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from diamond.errors import UsageError
from diamond.i18n import _
from diamond.models.text import LANGUAGES, Language
from diamond.render import office
from diamond.render.job import (
    BUILTIN,
    RenderedFile,
    Renderer,
    RenderJob,
    RenderOptions,
    TemplateSet,
)
from diamond.scoring import Assessment, to_json

__all__ = ["FORMATS", "RENDERERS", "TEXT_FORMATS", "RenderOptions", "RenderedFile",
           "ReportRenderer", "check_formats", "check_stem", "render_reports", "report_stem"]


#: A run of three or more newlines.
_BLANK_RUN = re.compile("\n\n\n+")


def squeeze_blank_lines(text: str) -> str:
    """Every run of three or more newlines as two, in one pass: a report's Markdown is
    never ASCII-only (dashes, ``⚠``), and on such text ``str.replace`` until no run is
    left (two passes and a check) took about 2.6 times as long (~100 against ~39 µs)."""
    return _BLANK_RUN.sub("\n\n", text)


def _markdown(job: RenderJob) -> list[RenderedFile]:
    # optional sections (the report: block) leave empty lines where they are absent
    text = squeeze_blank_lines(job.render("report.md.j2"))
    return [RenderedFile(f"{job.stem}.md", text),
            RenderedFile(job.svg_name, job.context()["chart"]["svg"])]


def _html(job: RenderJob) -> list[RenderedFile]:
    return [RenderedFile(f"{job.stem}.html", job.render("report.html.j2", medium="screen"))]


def _json(job: RenderJob) -> list[RenderedFile]:
    return [RenderedFile(f"{job.stem}.json", to_json(job.assessment) + "\n")]


#: Every output format, in the order files are produced.
RENDERERS: dict[str, Renderer] = {
    "md": _markdown, "html": _html, "json": _json,
    "docx": office.docx, "xlsx": office.xlsx, "pptx": office.pptx, "pdf": office.pdf,
}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
#: The formats that are text (and kept as golden files).
TEXT_FORMATS: tuple[str, ...] = ("md", "html", "json")


def check_formats(formats: Sequence[str], known: Sequence[str] = FORMATS) -> list[str]:
    unknown = [f for f in formats if f not in known]
    if unknown:
        raise UsageError(
            _("unknown report format '{format}'; use one or more of: {known}").format(
                format=unknown[0], known=", ".join(known))
        )
    if not formats:
        raise UsageError(_("no report format chosen; use one or more of: {known}").format(
            known=", ".join(known)))
    return [f for f in known if f in formats]


def report_stem(stem: str, lang: str | None, questionnaire_lang: str) -> str:
    """File names carry the language when it differs from the questionnaire's (``x-en``),
    so an English rendering never overwrites the Turkish report beside it."""
    return stem if lang is None or lang == questionnaire_lang else f"{stem}-{lang}"


def check_stem(stem: str) -> None:
    if not stem or stem in {".", ".."} or any(c in stem for c in "/\\\0"):
        raise UsageError(_("invalid report file name '{stem}': give a name without a folder")
                         .format(stem=stem))


def _language(lang: str | None, assessment: Assessment) -> Language:
    chosen = assessment.lang if lang is None else lang
    for known in LANGUAGES:
        if chosen == known:
            return known
    raise UsageError(_("unknown report language '{lang}'; use one of: {known}").format(
        lang=chosen, known=", ".join(LANGUAGES)))


def render_reports(
    assessment: Assessment,
    formats: Sequence[str],
    *,
    stem: str,
    templates_dir: Path | None = None,
    lang: str | None = None,
    options: RenderOptions | None = None,
) -> list[RenderedFile]:
    """The report files of ``assessment`` in ``formats`` (names in ``FORMATS``).

    Files come in the order of ``FORMATS`` whatever the order of ``formats``,
    each format once:

    * ``md``: ``{stem}.md`` and the chart it links, ``{stem}-diamond.svg``;
    * ``html``: ``{stem}.html``, one self-contained page with the chart inline;
    * ``json``: ``{stem}.json``, ``diamond.scoring.to_json`` of the assessment;
    * ``docx``, ``xlsx``, ``pptx``, ``pdf``: ``{stem}.<format>`` (bytes).

    ``templates_dir`` holds templates overriding the built-in ones by file name
    (``report.md.j2``, ``report.html.j2``, partials, ``labels.yaml``); ``lang``
    (``tr`` or ``en``) chooses the labels' language, by default the
    assessment's. ``options`` carries the brand and a Word reference document
    (its ``templates_dir`` is used when the argument is not given). Raises
    ``UsageError`` for an unknown format or language or a stem with a folder
    in it, ``TemplateError`` when a template fails to load or render, and
    ``DependencyError`` when a format needs something not installed.

    A user's templates folder is read again on every call; ``ReportRenderer``
    renders many assessments with one reading of it.
    """
    options = options or RenderOptions()
    if templates_dir is not None:
        options = RenderOptions(templates_dir, options.brand, options.reference_docx)
    return ReportRenderer(options).render(assessment, formats, stem=stem, lang=lang)


class ReportRenderer:
    """Renders the reports of many assessments with one set of templates and options.

    For a portfolio's cluster reports: the Jinja environment (the sandbox for a
    user's ``templates_dir``), the compiled templates and the labels are made once
    per language, on first use, and reused for every report. With the built-in
    templates they are shared by the whole process; a user's templates folder is
    read once per renderer (make a new one to read edited files). Each report is
    the same, byte for byte, as ``render_reports`` gives, and a user's templates
    keep their sandbox, time limit and size limits per rendered file. Not safe to
    share between threads; make one per worker process.
    """

    def __init__(self, options: RenderOptions | None = None) -> None:
        self.options = options or RenderOptions()
        folder = self.options.templates_dir
        self.templates = BUILTIN if folder is None else TemplateSet(folder)

    def render(
        self, assessment: Assessment, formats: Sequence[str], *, stem: str,
        lang: str | None = None,
    ) -> list[RenderedFile]:
        """The report files of ``assessment`` in ``formats``, as ``render_reports`` does."""
        chosen = check_formats(formats)
        check_stem(stem)
        language = _language(lang, assessment)
        job = RenderJob(assessment, language, stem, self.options, self.templates)
        files: list[RenderedFile] = []
        for fmt in chosen:
            files.extend(RENDERERS[fmt](job))
        return files
