"""The framework file: dimensions, indicators and the source's catalogues.

The built-in framework ``stm-2015`` lives in ``diamond/data/stm-2015.yaml``; a
custom framework is a file of the same shape.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from diamond.models.text import LocalText, Strict, exact_version

DimensionId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=40)
]
IndicatorId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", min_length=3, max_length=81),
]
ItemId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$", min_length=3, max_length=81)
]


class Indicator(Strict):
    """One indicator of a dimension, rated on the questionnaire's scale."""

    id: IndicatorId = Field(
        description="'<dimension>.<name>'; the dimension part names its dimension."
    )
    text: LocalText = Field(description="The indicator as the source words it.")
    prompt: LocalText = Field(description="The question a respondent answers.")


class Dimension(Strict):
    """One of the Diamond's dimensions (or a user-added one)."""

    id: DimensionId
    number: str | None = Field(
        default=None, description="Section number in the source, e.g. '1.1'."
    )
    name: LocalText
    indicators: list[Indicator] = Field(min_length=1)


class CatalogueItem(Strict):
    """A precondition or success factor that the questionnaire's ``readiness`` may rate."""

    id: ItemId
    text: LocalText
    serves: list[str] = Field(
        default_factory=list, description="Dimension or indicator ids this item relates to."
    )


class Action(Strict):
    """A goal or focus area that the report recommends for weak dimensions or indicators."""

    id: ItemId
    kind: Literal["goal", "focus"]
    text: LocalText
    serves: list[str] = Field(
        min_length=1, description="Dimension or indicator ids this action strengthens."
    )


class Framework(Strict):
    """A whole framework file."""

    framework: Literal[1] = Field(description="Framework file format version.")

    _version_is_a_whole_number = field_validator("framework", mode="before")(exact_version)
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=60)]
    name: LocalText
    source: LocalText | None = None
    scale_meaning: LocalText | None = Field(
        default=None, description="What the lowest and highest points of the scale mean."
    )
    dimensions: list[Dimension] = Field(min_length=1)
    preconditions: list[CatalogueItem] = Field(default_factory=list)
    success_factors: list[CatalogueItem] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
