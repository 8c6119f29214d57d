"""The questionnaire file: a public contract, documented in the README.

These models check shape and types only. Checks that need the framework
(indicator ids, answers within the scale, readiness ids) live in
``diamond.checks`` so that every finding of a file is reported in one pass.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)

from diamond.i18n import N_, _
from diamond.models.report import ReportBlock
from diamond.models.text import Language, LongText, ShortText, Strict, exact_version
from diamond.numbertext import grouped
from diamond.yamlscalars import WrittenInt

Group = Literal["firm", "university", "public", "ngo", "other"]
GROUPS: tuple[Group, ...] = ("firm", "university", "public", "ngo", "other")
Quadrant = Literal["strengths", "weaknesses", "opportunities", "threats"]
QUADRANTS: tuple[Quadrant, ...] = ("strengths", "weaknesses", "opportunities", "threats")
ReadinessStatus = Literal["met", "partial", "unmet"]

Weight = Annotated[StrictFloat, Field(ge=0, allow_inf_nan=False)]
Key = Annotated[str, StringConstraints(min_length=1, max_length=120)]

FORMAT_VERSION = 1
#: The id of the one respondent that stands in for a table's until the table is read.
TABLE_PLACEHOLDER = "<respondents_file>"


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
        """``period: 2015`` is a year, written without quotes; keep it as text.

        A period such as ``0700`` or ``20:25`` is a number to YAML 1.1 (octal 448,
        sexagesimal 1225); the text the user wrote is kept instead.
        """
        if isinstance(value, WrittenInt):
            return value.text
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
    weight: Annotated[StrictFloat, Field(gt=0, le=1_000_000, allow_inf_nan=False)] = Field(
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


#: The largest figure the evidence block accepts (10^15): far above any real statistic,
#: low enough that every ratio computed from the figures stays a finite float.
EVIDENCE_MAX = 10**15
Count = Annotated[StrictInt, Field(ge=0, le=EVIDENCE_MAX)]
Total = Annotated[StrictInt, Field(gt=0, le=EVIDENCE_MAX)]
Amount = Annotated[StrictFloat, Field(ge=0, le=EVIDENCE_MAX, allow_inf_nan=False)]


class Employment(Strict):
    """Employment figures: the sector's and the total's (the LQ base), region and country."""

    sector_region: Count | None = Field(
        default=None, description="The sector's employment in the region."
    )
    total_region: Total | None = Field(
        default=None,
        description="Total employment in the region (the LQ base, e.g. all industries, all "
        "ownerships; say which in lq_base); > 0."
    )
    sector_country: Count | None = Field(
        default=None, description="The sector's employment in the country."
    )
    total_country: Total | None = Field(
        default=None,
        description="Total employment in the country, on the same base as total_region; > 0."
    )

    @model_validator(mode="after")
    def _parts_within_wholes(self) -> Employment:
        """A part never exceeds its whole: sector <= total, region <= country."""
        pairs = (
            ("sector_region", "total_region", N_("the sector is part of the region's total")),
            ("sector_country", "total_country", N_("the sector is part of the country's total")),
            ("sector_region", "sector_country", N_("the region is part of the country")),
            ("total_region", "total_country", N_("the region is part of the country")),
        )
        problems = []
        for part, whole, why in pairs:
            low, high = getattr(self, part), getattr(self, whole)
            if low is not None and high is not None and low > high:
                problems.append(
                    _("{part} ({low}) exceeds {whole} ({high}): {why}").format(
                        part=part, low=grouped(low), whole=whole, high=grouped(high), why=_(why)
                    )
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Evidence(Strict):
    """Hard regional statistics, set beside the stakeholders' perceptions."""

    year: Annotated[StrictInt, Field(ge=1000, le=9999)] | ShortText | None = Field(
        default=None, description="The year of the statistics: 2014, or text such as 2013-2014."
    )
    source: LongText | None = Field(default=None, description="Where the figures come from.")
    employment: Employment = Field(default_factory=Employment)
    establishments: Count | None = Field(
        default=None, description="The sector's establishments in the region."
    )
    patents: Count | None = Field(
        default=None,
        description="Patents by the sector in the region (state the period in source).",
    )
    exports_usd: Amount | None = Field(
        default=None, description="The sector's exports from the region, in US dollars."
    )
    lq_base: ShortText | None = Field(
        default=None,
        description="What total_region and total_country count (the LQ base), e.g. 'all "
        "industries, all ownerships' or 'private traded sectors' (diamond map writes it).",
    )
    stars: Annotated[StrictInt, Field(ge=0, le=3)] | None = Field(
        default=None,
        description="European Cluster Observatory star rating of the sector in the region, "
        "0 to 3 (size, specialisation, focus; see docs/map.md).",
    )
    strong_cluster: StrictBool | None = Field(
        default=None,
        description="Whether the sector is a U.S. Cluster Mapping 'strong cluster' in the "
        "region (top quarter of regions by LQ; see docs/map.md).",
    )

    @field_validator("employment", mode="before")
    @classmethod
    def _empty_employment(cls, value: Any) -> Any:
        """An empty ``employment:`` reads as null in YAML; it means no figures yet."""
        return {} if value is None else value

    @field_validator("year", mode="before")
    @classmethod
    def _one_year_error(cls, value: Any) -> Any:
        """One clear message for a bad year, instead of one per member of the union."""
        if value is None or (type(value) is int and 1000 <= value <= 9999):
            return value
        if isinstance(value, str) and 1 <= len(value.strip()) <= 300:
            return value
        from diamond.findings import describe

        raise ValueError(
            _(
                "must be a year from 1000 to 9999 such as 2014, or text such as '2013-2014' "
                "(1 to 300 characters); got {value}"
            ).format(value=describe(value))
        )


def _one_of_list_or_table(schema: dict[str, Any]) -> None:
    """In the JSON Schema: ``respondents`` or ``respondents_file`` (diamond refuses both)."""
    schema["required"] = [k for k in schema.get("required", []) if k != "respondents"]
    schema["anyOf"] = [{"required": ["respondents"]}, {"required": ["respondents_file"]}]


class Questionnaire(Strict):
    """A whole questionnaire file."""

    model_config = ConfigDict(**Strict.model_config, json_schema_extra=_one_of_list_or_table)

    diamond: Literal[1] = Field(description="Format version of this file; currently 1.")

    _version_is_a_whole_number = field_validator("diamond", mode="before")(exact_version)
    sector: Sector
    framework: Key = Field(
        default="stm-2015",
        description="A built-in framework id, or a path to a framework file relative to this file.",
    )
    scale: Scale = Field(default_factory=Scale)
    respondents: list[Respondent] = Field(
        min_length=1,
        description="The respondents; or leave this out and name a table in respondents_file.",
    )
    respondents_file: Key | None = Field(
        default=None,
        description="A CSV or Parquet table of the respondents, relative to this file (as "
        "'diamond export' writes it: id, group, weight, one column per indicator id); "
        "instead of 'respondents'.",
    )
    swot: Swot = Field(default_factory=Swot)
    weights: Weights = Field(default_factory=Weights)
    readiness: dict[Key, ReadinessStatus] = Field(
        default_factory=dict,
        description="Precondition or success-factor id -> met | partial | unmet.",
    )
    evidence: Evidence | None = Field(
        default=None, description="Optional regional statistics beside the perceptions."
    )
    report: ReportBlock | None = Field(
        default=None, description="Optional: the analyst's own content for the deliverable."
    )

    @model_validator(mode="before")
    @classmethod
    def _respondents_in_a_table(cls, value: Any) -> Any:
        """With ``respondents_file`` and no list, the loader fills in the table's respondents.

        Until then one placeholder stands in the list (``diamond.answers`` reads the table
        and ``diamond.loader`` puts its respondents in its place).
        """
        if (
            isinstance(value, dict)
            and isinstance(value.get("respondents_file"), str)
            and "respondents" not in value
        ):
            return {**value, "respondents": [{"id": TABLE_PLACEHOLDER}]}
        return value
