"""The optional ``report:`` block: the analyst's own content for the deliverable.

Every field is optional, and unknown keys are errors as everywhere else.
Checks that need the framework (indicator and dimension ids in actions and
interpretations) and the file system (the logo's path) live in
``diamond.checks`` and ``diamond.assets``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool, StrictInt, field_validator

from diamond.models.text import LongText, ShortText, Strict

Priority = Literal["high", "medium", "low"]
PRIORITIES: tuple[Priority, ...] = ("high", "medium", "low")
ParticipantGroup = Literal["firm", "university", "public", "ngo", "other"]
Key = Annotated[str, Field(min_length=1, max_length=120)]
Items = Annotated[list[LongText], Field(max_length=200)]


def _as_text(value: Any) -> Any:
    """A date or a version written without quotes (2026-03, 1.2) is kept as text."""
    return str(value) if type(value) in (int, float) else value


class Cover(Strict):
    """What the report's cover page says."""

    client: ShortText | None = Field(default=None, description="Who commissioned the report.")
    authors: Annotated[list[ShortText], Field(max_length=50)] = Field(
        default_factory=list, description="The authors, in the order shown."
    )
    organisation: ShortText | None = Field(default=None, description="The authors' organisation.")
    date: ShortText | None = Field(default=None, description="The report's date, as shown.")
    version: ShortText | None = Field(default=None, description="The document's version.")
    confidentiality: ShortText | None = Field(
        default=None, description="A confidentiality line, such as 'Kurum içi kullanım içindir'."
    )
    logo: ShortText | None = Field(
        default=None,
        description="A PNG or JPEG file, relative to the questionnaire's folder "
        "(the same path policy as framework files).",
    )

    @field_validator("date", "version", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)


class Methodology(Strict):
    """How the data was collected."""

    sampling: LongText | None = Field(default=None, description="How respondents were chosen.")
    fieldwork: ShortText | None = Field(
        default=None, description="Fieldwork dates, such as '2026-02-01 – 2026-03-15'."
    )
    invited: Annotated[StrictInt, Field(ge=1, le=10_000_000)] | None = Field(
        default=None, description="How many were invited; the report computes the response rate."
    )
    workshops: Items = Field(default_factory=list, description="Workshops held, one line each.")
    notes: LongText | None = Field(default=None, description="Anything else about the method.")

    @field_validator("fieldwork", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)


class Participant(Strict):
    """A participating institution."""

    name: ShortText = Field(description="The institution's name.")
    group: ParticipantGroup = Field(default="firm", description="Stakeholder group.")
    confidential: StrictBool = Field(
        default=False, description="True: counted, but not named in the report."
    )


class Action(Strict):
    """One line of the action plan."""

    action: LongText = Field(description="What is to be done.")
    owner: ShortText | None = Field(default=None, description="Who leads it.")
    start: ShortText | None = Field(default=None, description="When it starts (text or date).")
    end: ShortText | None = Field(default=None, description="When it ends (text or date).")
    kpi: LongText | None = Field(default=None, description="How success is measured.")
    priority: Priority | None = Field(default=None, description="high | medium | low.")
    budget: ShortText | None = Field(default=None, description="Optional budget, as text.")
    indicators: Annotated[list[Key], Field(max_length=100)] = Field(
        default_factory=list, description="Indicator ids the action answers."
    )

    @field_validator("start", "end", "budget", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return _as_text(value)


class ReportBlock(Strict):
    """The analyst's content: cover, method, participants, messages, interpretation, actions."""

    cover: Cover | None = Field(default=None, description="The cover page.")
    methodology: Methodology | None = Field(default=None, description="The methodology narrative.")
    participants: Annotated[list[Participant], Field(max_length=10_000)] = Field(
        default_factory=list, description="Participating institutions."
    )
    key_messages: Items = Field(
        default_factory=list, description="Key messages for the executive summary."
    )
    interpretation: dict[Key, LongText] = Field(
        default_factory=dict, description="Dimension id -> an interpretation paragraph."
    )
    actions: Annotated[list[Action], Field(max_length=1000)] = Field(
        default_factory=list, description="The action plan."
    )
    min_group_size: Annotated[StrictInt, Field(ge=1, le=1000)] = Field(
        default=3,
        description="Stakeholder groups with fewer respondents are merged in the report "
        "(confidentiality).",
    )
