"""What every format renderer gets and gives: a ``RenderJob`` in, ``RenderedFile`` objects out.

The format registry (``diamond.render.report.RENDERERS``) maps a format name
to a function ``RenderJob -> list[RenderedFile]``. The job builds the template
context once, on first use, so formats rendered in one run share it; the Jinja
environment and the labels come from a ``TemplateSet``, made once per templates
folder and language and shared by every report rendered with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diamond.frozen import frozen
from diamond.models.text import Language
from diamond.render.brand import Brand
from diamond.scoring import Assessment

__all__ = ["BUILTIN", "RenderJob", "RenderOptions", "RenderedFile", "Renderer", "TemplateSet"]


@frozen
class RenderedFile:
    """One output file: its name (no folder) and its content (text, or bytes for binaries)."""

    name: str
    content: str | bytes


@frozen
class RenderOptions:
    """Choices beyond the format: templates, branding, a Word reference document."""

    templates_dir: Path | None = None
    brand: Brand | None = None
    reference_docx: Path | None = None


class TemplateSet:
    """The Jinja environment and the labels of one templates folder, per language.

    ``templates_dir`` None is the built-in templates (``BUILTIN``, one per process:
    they never change while it runs). A user's folder is read when a language is
    first asked for and kept for the set's life; a new set reads it again. The
    labels handed out are shared by every report rendered with the set and must
    not be changed (the templates cannot: they run without a way to mutate data).
    """

    def __init__(self, templates_dir: Path | None = None) -> None:
        self.templates_dir = templates_dir
        self._environments: dict[str, Any] = {}
        self._labels: dict[str, dict[str, Any]] = {}

    def environment(self, language: Language) -> Any:
        """The environment for reports in ``language`` (the sandbox for a user's folder)."""
        env = self._environments.get(language)
        if env is None:
            from diamond.render.filters import filters_for
            from diamond.render.templates import make_environment

            env = self._environments[language] = make_environment(
                self.templates_dir, filters_for(language))
        return env

    def labels(self, language: Language) -> dict[str, Any]:
        """The labels for ``language``, with the deliverable's under ``deliverable``."""
        labels = self._labels.get(language)
        if labels is None:
            from diamond.render.labels import load_labels

            labels = load_labels(language, self.templates_dir)
            labels["deliverable"] = load_labels(
                language, self.templates_dir, "labels-deliverable.yaml")
            self._labels[language] = labels
        return labels


#: The built-in templates' set, shared by every report of the process that uses them.
BUILTIN = TemplateSet(None)


@dataclass
class RenderJob:
    """One assessment to render in one language, with its context built on first use.

    ``templates`` gives the environment and labels; by default the built-in set, or a
    new set over ``options.templates_dir`` when one is given.
    """

    assessment: Assessment
    language: Language
    stem: str
    options: RenderOptions = field(default_factory=RenderOptions)
    templates: TemplateSet | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.templates is None:
            folder = self.options.templates_dir
            self.templates = BUILTIN if folder is None else TemplateSet(folder)

    @property
    def template_set(self) -> TemplateSet:
        """The templates this job renders with."""
        assert self.templates is not None  # set by __post_init__
        return self.templates

    @property
    def svg_name(self) -> str:
        """The file name of the chart the Markdown report links."""
        return f"{self.stem}-diamond.svg"

    def context(self) -> dict[str, Any]:
        """The template context (see ``diamond.render.context``), built once."""
        if "context" not in self._cache:
            from diamond.render.context import build_context

            labels = self.template_set.labels(self.language)
            self._cache["context"] = build_context(
                self.assessment, labels, lang=self.language, svg_name=self.svg_name,
                brand=self.options.brand)
        context: dict[str, Any] = self._cache["context"]
        return context

    def render(self, template: str, **extra: Any) -> str:
        """A template rendered with the context, plus ``extra`` keys."""
        from diamond.render.templates import render_template

        env = self.template_set.environment(self.language)
        return render_template(env, template, {**self.context(), **extra})


def report_environment(templates_dir: Path | None, language: Language) -> Any:
    """The environment for reports in ``language``: shared for the built-ins, new for a
    user's folder (whose files may change between calls)."""
    templates = BUILTIN if templates_dir is None else TemplateSet(templates_dir)
    return templates.environment(language)


Renderer = Callable[[RenderJob], list[RenderedFile]]
