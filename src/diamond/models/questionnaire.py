"""The questionnaire file: a public contract, documented in the README.

These models check shape and types only. Checks that need the framework
(indicator ids, answers within the scale, readiness ids) live in
``diamond.checks`` so that every finding of a file is reported in one pass.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictInt, StringConstraints, field_validator

from diamond.models.text import Language, LongText, ShortText, Strict

Group = Literal["firm", "university", "public", "ngo", "other"]
GROUPS: tuple[Group, ...] = ("firm", "university", "public", "ngo", "other")
Quadrant = Literal["strengths", "weaknesses", "opportunities", "threats"]
QUADRANTS: tuple[Quadrant, ...] = ("strengths", "weaknesses", "opportunities", "threats")
ReadinessStatus = Literal["met", "partial", "unmet"]

Weight = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Key = Annotated[str, StringConstraints(min_length=1, max_length=120)]

FORMAT_VERSION = 1


class Sector(Strict):
    """What is assessed, where and when."""

    name: ShortText = Field(description="The sector or cluster assessed.")
    region: ShortText = Field(description="The region, province or city.")
    period: ShortText = Field(
        description="When the data was collected: a year, a month, free text."
    )
    language: Language = Field(default="tr", description="Report language.")
    description: LongText | None = Field(default=None, description="Optional context.")

    @field_validator("period", mode="before")
    @classmethod
    def _year_as_text(cls, value: Any) -> Any:
        """``period: 2015`` is a year, written without quotes; keep it as text."""
        return str(value) if type(value) is int else value


class Scale(Strict):
    """The rating scale: whole numbers from ``min`` to ``max``."""

    min: StrictInt = Field(default=1, ge=-1000, le=1000)
    max: StrictInt = Field(default=5, ge=-1000, le=1000, description="Must be greater than min.")

    @property
    def points(self) -> int:
        """How many points the scale has (A in the agreement formula)."""
        return self.max - self.min + 1


class Respondent(Strict):
    """One stakeholder's ratings."""

    id: Key = Field(description="Unique within the questionnaire.")
    group: Group = Field(default="firm", description="Stakeholder group.")
    weight: Annotated[float, Field(gt=0, le=1_000_000, allow_inf_nan=False)] = Field(
        default=1.0, description="Relative weight of this respondent's answers."
    )
    answers: dict[Key, StrictInt | None] = Field(
        default_factory=dict,
        description="Indicator id -> whole number within the scale, or null for no answer.",
    )

    @field_validator("answers", mode="before")
    @classmethod
    def _empty_answers(cls, value: Any) -> Any:
        """An empty ``answers:`` reads as null in YAML; it means no answers yet."""
        return {} if value is None else value


class SwotItem(Strict):
    """One SWOT (GZFT) finding, optionally classified under the Diamond."""

    text: LongText = Field(description="The finding, as the stakeholders put it.")
    indicator: Key | None = Field(
        default=None, description="An indicator id; implies its dimension."
    )
    dimension: Key | None = Field(default=None, description="A dimension id.")
    importance: Annotated[StrictInt, Field(ge=1, le=5)] = Field(
        default=3, description="1 (minor) to 5 (critical)."
    )


class Swot(Strict):
    """The four SWOT quadrants."""

    strengths: list[SwotItem] = Field(default_factory=list)
    weaknesses: list[SwotItem] = Field(default_factory=list)
    opportunities: list[SwotItem] = Field(default_factory=list)
    threats: list[SwotItem] = Field(default_factory=list)

    def quadrant(self, name: Quadrant) -> list[SwotItem]:
        """The items of one quadrant."""
        items: list[SwotItem] = getattr(self, name)
        return items


class Weights(Strict):
    """Optional weights; anything not named weighs 1."""

    dimensions: dict[Key, Weight] = Field(default_factory=dict)
    indicators: dict[Key, Weight] = Field(default_factory=dict)


class Questionnaire(Strict):
    """A whole questionnaire file."""

    diamond: Literal[1] = Field(description="Format version of this file; currently 1.")
    sector: Sector
    framework: Key = Field(
        default="stm-2015",
        description="A built-in framework id, or a path to a framework file relative to this file.",
    )
    scale: Scale = Field(default_factory=Scale)
    respondents: list[Respondent] = Field(min_length=1)
    swot: Swot = Field(default_factory=Swot)
    weights: Weights = Field(default_factory=Weights)
    readiness: dict[Key, ReadinessStatus] = Field(
        default_factory=dict,
        description="Precondition or success-factor id -> met | partial | unmet.",
    )
