"""Render a comparison as files: Markdown (with its two charts as SVG), HTML and JSON.

The output is a pure function of the comparison and the templates: rendering twice
gives byte-identical files, and no clock is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diamond.compare.context import build_compare_context, compare_filters
from diamond.compare.labels import load_compare_labels
from diamond.compare.model import Comparison
from diamond.compare.serialize import comparison_json
from diamond.render.report import TEXT_FORMATS, RenderedFile, check_formats, check_stem
from diamond.render.templates import make_environment, render_template

__all__ = ["DEFAULT_STEM", "TEMPLATES", "render_comparison"]

DEFAULT_STEM = "comparison"
#: The template each templated format is rendered from.
TEMPLATES = {"md": "compare.md.j2", "html": "compare.html.j2"}


def render_comparison(
    comparison: Comparison,
    formats: Sequence[str],
    *,
    stem: str = DEFAULT_STEM,
    templates_dir: Path | None = None,
) -> list[RenderedFile]:
    """The files of ``comparison`` in ``formats`` (a subset of ``md``, ``html``, ``json``).

    Files come in the order md, html, json, each format once:

    * ``md``: ``{stem}.md`` and the charts it links, ``{stem}-lines.svg`` (dimension
      scores over the inputs) and ``{stem}-diamond.svg`` (the Diamonds side by side);
    * ``html``: ``{stem}.html``, one self-contained page with both charts inline;
    * ``json``: ``{stem}.json``, ``comparison_json`` of the comparison.

    Labels are in the comparison's language. ``templates_dir`` overrides the built-in
    ``compare.md.j2``, ``compare.html.j2``, partials and ``labels-compare.yaml`` by file
    name. Raises ``UsageError`` for an unknown format or a stem with a folder in it, and
    ``TemplateError`` when a template fails to load or render.
    """
    chosen = check_formats(formats, TEXT_FORMATS)
    check_stem(stem)
    names = {"lines": f"{stem}-lines.svg", "diamond": f"{stem}-diamond.svg"}
    files: list[RenderedFile] = []
    templated = [f for f in chosen if f in TEMPLATES]
    if templated:
        labels = load_compare_labels(comparison.lang, templates_dir)
        context = build_compare_context(comparison, labels, files=names)
        env = make_environment(templates_dir, compare_filters(comparison.lang))
        for fmt in templated:
            files.append(RenderedFile(f"{stem}.{fmt}",
                                      render_template(env, TEMPLATES[fmt], context)))
            if fmt == "md":
                files.append(RenderedFile(names["lines"], context["charts"]["lines"]["svg"]))
                files.append(RenderedFile(names["diamond"], context["charts"]["diamond"]["svg"]))
    if "json" in chosen:
        files.append(RenderedFile(f"{stem}.json", comparison_json(comparison) + "\n"))
    return files
