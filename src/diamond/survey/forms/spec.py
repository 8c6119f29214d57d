"""What every survey instrument holds, built once from a framework (or a questionnaire)."""

from __future__ import annotations

from dataclasses import dataclass, field

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Group, Scale
from diamond.models.text import Language
from diamond.survey.forms.texts import FIVE_POINTS, text
from diamond.survey.labels import GROUP_CHOICES

SWOT = ("strengths", "weaknesses", "opportunities", "threats")


@dataclass(frozen=True)
class Question:
    """One rating question: the indicator id is its name everywhere."""

    id: str
    prompt: str
    hint: str


@dataclass(frozen=True)
class Section:
    """One Diamond dimension: one group (page) of questions."""

    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class FormSpec:
    """The instrument, language-resolved: what the writers lay out in their formats."""

    lang: Language
    title: str
    intro: str
    form_id: str
    sections: tuple[Section, ...]
    points: tuple[tuple[int, str], ...]  # (value, label) in order
    groups: tuple[tuple[Group, str], ...]
    respondent_id: bool = False
    swot: bool = True
    swot_prompts: tuple[tuple[str, str], ...] = field(default=())


def _slug(text: str) -> str:
    ascii_text = "".join(c if c.isascii() and c.isalnum() else "_" for c in text.casefold())
    slug = "_".join(p for p in ascii_text.split("_") if p)
    return ("diamond_" + slug)[:60].rstrip("_")


def point_labels(scale: Scale, lang: Language) -> tuple[tuple[int, str], ...]:
    """``(value, label)`` for every scale point: named on a 1..5 scale, else the numbers."""
    values = range(scale.min, scale.max + 1)
    if (scale.min, scale.max) == (1, 5):
        return tuple((v, f"{v} – {FIVE_POINTS[lang][v - 1]}") for v in values)
    return tuple((v, str(v)) for v in values)


def form_spec(
    catalogue: Catalogue,
    *,
    lang: Language,
    scale: Scale | None = None,
    sector: str = "",
    region: str = "",
    respondent_id: bool = False,
    swot: bool = True,
) -> FormSpec:
    """The instrument for ``catalogue`` in ``lang``; ``sector`` and ``region`` name it."""
    scale = scale or Scale()
    points = point_labels(scale, lang)
    where = text("where", lang, region=region) if region else ""
    subject = text("subject", lang, where=where, sector=sector) if sector else text(
        "subject_none", lang
    )
    ends = [
        f"{v} ({label.split(' – ', 1)[-1].lower()})" if " – " in label else label
        for v, label in (points[0], points[-1])
    ]
    sections = tuple(
        Section(
            d.id,
            d.name.get(lang),
            tuple(Question(i.id, i.prompt.get(lang), i.text.get(lang)) for i in d.indicators),
        )
        for d in catalogue.framework.dimensions
    )
    return FormSpec(
        lang=lang,
        title=text("title", lang, sector=sector) if sector else text("title_none", lang),
        intro=text("intro", lang, subject=subject, low=ends[0], high=ends[1]),
        form_id=_slug(f"{catalogue.framework.id} {sector}"),
        sections=sections,
        points=points,
        groups=tuple((g, labels[lang]) for g, labels in GROUP_CHOICES.items()),
        respondent_id=respondent_id,
        swot=swot,
        swot_prompts=tuple((f"swot_{q}", text(q, lang)) for q in SWOT),
    )
