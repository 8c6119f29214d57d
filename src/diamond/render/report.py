"""Render an assessment as report files: Markdown (with the chart as SVG), HTML and JSON.

The output is a pure function of the assessment, the language and the
templates: rendering twice gives byte-identical files, and no clock is read
(the report's date is the assessment's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from diamond.errors import UsageError
from diamond.models.text import LANGUAGES, Language
from diamond.render.context import build_context
from diamond.render.filters import filters_for
from diamond.render.labels import load_labels
from diamond.render.templates import make_environment, render_template
from diamond.scoring import Assessment, to_json

__all__ = ["FORMATS", "Format", "RenderedFile", "check_formats", "check_stem", "render_reports"]

Format = Literal["md", "html", "json"]
#: Every output format, in the order files are produced.
FORMATS: tuple[Format, ...] = get_args(Format)
#: The template each templated format is rendered from.
TEMPLATES: dict[Format, str] = {"md": "report.md.j2", "html": "report.html.j2"}


@dataclass(frozen=True)
class RenderedFile:
    """One output file: its name (no folder) and its text."""

    name: str
    content: str


def check_formats(formats: Sequence[str]) -> list[Format]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(
            f"unknown report format '{unknown[0]}'; use one or more of: {', '.join(FORMATS)}"
        )
    if not formats:
        raise UsageError(f"no report format chosen; use one or more of: {', '.join(FORMATS)}")
    return [f for f in FORMATS if f in formats]


def check_stem(stem: str) -> None:
    if not stem or stem in {".", ".."} or any(c in stem for c in "/\\\0"):
        raise UsageError(f"invalid report file name '{stem}': give a name without a folder")


def _language(lang: str | None, assessment: Assessment) -> Language:
    chosen = assessment.lang if lang is None else lang
    for known in LANGUAGES:
        if chosen == known:
            return known
    raise UsageError(f"unknown report language '{chosen}'; use one of: {', '.join(LANGUAGES)}")


def render_reports(
    assessment: Assessment,
    formats: Sequence[str],
    *,
    stem: str,
    templates_dir: Path | None = None,
    lang: str | None = None,
) -> list[RenderedFile]:
    """The report files of ``assessment`` in ``formats`` (a subset of ``md``, ``html``, ``json``).

    Files come in the order md, html, json whatever the order of ``formats``,
    each format once:

    * ``md``: ``{stem}.md`` and the chart it links, ``{stem}-diamond.svg``;
    * ``html``: ``{stem}.html``, one self-contained page with the chart inline;
    * ``json``: ``{stem}.json``, ``diamond.scoring.to_json`` of the assessment.

    ``templates_dir`` holds templates overriding the built-in ones by file name
    (``report.md.j2``, ``report.html.j2``, partials, ``labels.yaml``); ``lang``
    (``tr`` or ``en``) chooses the labels' language, by default the
    assessment's. Raises ``UsageError`` for an unknown format or language or a
    stem with a folder in it, and ``TemplateError`` when a template fails to
    load or render.
    """
    chosen = check_formats(formats)
    check_stem(stem)
    language = _language(lang, assessment)
    svg_name = f"{stem}-diamond.svg"
    files: list[RenderedFile] = []
    templated = [f for f in chosen if f in TEMPLATES]
    if templated:
        labels = load_labels(language, templates_dir)
        context = build_context(assessment, labels, lang=language, svg_name=svg_name)
        env = make_environment(templates_dir, filters_for(language))
        for fmt in templated:
            files.append(RenderedFile(f"{stem}.{fmt}",
                                      render_template(env, TEMPLATES[fmt], context)))
            if fmt == "md":
                files.append(RenderedFile(svg_name, context["chart"]["svg"]))
    if "json" in chosen:
        files.append(RenderedFile(f"{stem}.json", to_json(assessment) + "\n"))
    return files
