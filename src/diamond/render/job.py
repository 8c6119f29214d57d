"""What every format renderer gets and gives: a ``RenderJob`` in, ``RenderedFile`` objects out.

The format registry (``diamond.render.report.RENDERERS``) maps a format name
to a function ``RenderJob -> list[RenderedFile]``. The job builds the template
context and the Jinja environment once, on first use, so formats rendered in
one run share them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diamond.models.text import Language
from diamond.render.brand import Brand
from diamond.scoring import Assessment

__all__ = ["RenderJob", "RenderOptions", "RenderedFile", "Renderer"]


@dataclass(frozen=True)
class RenderedFile:
    """One output file: its name (no folder) and its content (text, or bytes for binaries)."""

    name: str
    content: str | bytes


@dataclass(frozen=True)
class RenderOptions:
    """Choices beyond the format: templates, branding, a Word reference document."""

    templates_dir: Path | None = None
    brand: Brand | None = None
    reference_docx: Path | None = None


@dataclass
class RenderJob:
    """One assessment to render in one language, with its context built on first use."""

    assessment: Assessment
    language: Language
    stem: str
    options: RenderOptions = field(default_factory=RenderOptions)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def svg_name(self) -> str:
        """The file name of the chart the Markdown report links."""
        return f"{self.stem}-diamond.svg"

    def context(self) -> dict[str, Any]:
        """The template context (see ``diamond.render.context``), built once."""
        if "context" not in self._cache:
            from diamond.render.context import build_context
            from diamond.render.labels import load_labels

            labels = load_labels(self.language, self.options.templates_dir)
            labels["deliverable"] = load_labels(
                self.language, self.options.templates_dir, "labels-deliverable.yaml")
            self._cache["context"] = build_context(
                self.assessment, labels, lang=self.language, svg_name=self.svg_name,
                brand=self.options.brand)
        context: dict[str, Any] = self._cache["context"]
        return context

    def render(self, template: str, **extra: Any) -> str:
        """A template rendered with the context, plus ``extra`` keys."""
        from diamond.render.templates import render_template

        if "env" not in self._cache:
            self._cache["env"] = report_environment(self.options.templates_dir, self.language)
        return render_template(self._cache["env"], template, {**self.context(), **extra})


#: The built-in templates' environment per language, made once per process: the
#: built-in templates never change while it runs, and a portfolio renders thousands.
_BUILTIN_ENVIRONMENTS: dict[str, Any] = {}


def report_environment(templates_dir: Path | None, language: Language) -> Any:
    """The sandboxed environment for reports in ``language`` (shared for the built-ins)."""
    from diamond.render.filters import filters_for
    from diamond.render.templates import make_environment

    if templates_dir is not None:  # a user's files may change between calls: never shared
        return make_environment(templates_dir, filters_for(language))
    env = _BUILTIN_ENVIRONMENTS.get(language)
    if env is None:
        env = _BUILTIN_ENVIRONMENTS[language] = make_environment(None, filters_for(language))
    return env


Renderer = Callable[[RenderJob], list[RenderedFile]]
