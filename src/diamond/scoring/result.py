"""The result of an assessment: frozen dataclasses, floats at full precision.

Scores are 0–100 floats or ``None`` (nothing to score). Mappings keep a fixed
order: framework order for dimensions and indicators, ``GROUPS`` order for
stakeholder groups, ``QUADRANTS`` order for SWOT quadrants.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from diamond.frozen import frozen
from diamond.models.questionnaire import Group, Quadrant
from diamond.models.report import ReportBlock
from diamond.models.text import Language
from diamond.scoring.bands import Band
from diamond.scoring.evidence import EvidenceResult
from diamond.scoring.robustness import Robustness

if TYPE_CHECKING:
    from diamond.scoring.uncertainty import Statistics

Method = Literal["mean", "median"]
METHODS: tuple[Method, ...] = ("mean", "median")
Aggregation = Literal["arithmetic", "geometric"]
AGGREGATIONS: tuple[Aggregation, ...] = ("arithmetic", "geometric")
Reason = Literal["few-answers", "low-agreement"]
TowsKind = Literal["SO", "WO", "ST", "WT"]
ReadinessState = Literal["met", "partial", "unmet", "not_assessed"]
READINESS_STATES: tuple[ReadinessState, ...] = ("met", "partial", "unmet", "not_assessed")
UNCLASSIFIED = "unclassified"
WarningCode = Literal[
    "unanswered-indicators", "low-agreement", "no-answers", "single-respondent-group"
]
ReadinessKind = Literal["precondition", "success_factor"]


@frozen
class IndicatorResult:
    """One indicator: its answers' statistics and its 0–100 score."""

    id: str
    dimension: str
    text: str
    weight: float
    n: int
    mean: float | None
    median: float | None
    sd: float | None
    rwg: float | None
    score: float | None
    band: Band | None
    reasons: tuple[Reason, ...]
    counts: tuple[int, ...] = ()  # answers per scale point, low to high (unweighted)

    @property
    def answered(self) -> bool:
        """Whether anyone answered it."""
        return self.n > 0

    @property
    def uncertain(self) -> bool:
        """Whether its score rests on few answers or low agreement."""
        return bool(self.reasons)


@frozen
class DimensionResult:
    """One Diamond dimension: the weighted mean of its answered indicators' scores."""

    id: str
    number: str | None
    name: str
    weight: float
    score: float | None
    band: Band | None
    answered: int
    total: int
    indicators: tuple[IndicatorResult, ...]

    @property
    def coverage(self) -> float:
        """Answered indicators / indicators in the dimension (0..1)."""
        return self.answered / self.total if self.total else 0.0


@frozen
class GroupResult:
    """The same scoring restricted to one stakeholder group's respondents."""

    id: Group
    respondents: int
    overall: float | None
    band: Band | None
    dimensions: Mapping[str, float | None]


@frozen
class SectorInfo:
    """What was assessed (from the questionnaire's ``sector``)."""

    name: str
    region: str
    period: str
    language: Language
    description: str | None


@frozen
class SwotEntry:
    """One SWOT item with its Diamond classification (``dimension`` None: unclassified)."""

    quadrant: Quadrant
    position: int
    text: str
    indicator: str | None
    dimension: str | None
    importance: int

    @property
    def column(self) -> str:
        """The cross-table column: the dimension id or ``"unclassified"``."""
        return self.dimension if self.dimension is not None else UNCLASSIFIED


@frozen
class Tally:
    """How many items, and the sum of their importance."""

    count: int
    weighted: int


@frozen
class SwotColumn:
    """One column of the SWOT × Diamond cross-table."""

    id: str
    quadrants: Mapping[Quadrant, Tally]
    net: int


@frozen
class SwotResult:
    """SWOT tallies overall and per dimension, and the items in file order."""

    quadrants: Mapping[Quadrant, Tally]
    by_dimension: Mapping[str, SwotColumn]
    items: tuple[SwotEntry, ...]


@frozen
class Summary:
    """The headline figures."""

    overall: float | None
    band: Band | None
    strongest_dimension: DimensionResult | None
    weakest_dimension: DimensionResult | None
    strongest_indicators: tuple[IndicatorResult, ...]
    weakest_indicators: tuple[IndicatorResult, ...]
    uncertain: tuple[IndicatorResult, ...]
    unanswered: tuple[IndicatorResult, ...]
    # Whether the data single out the strongest / weakest dimension (its rank is stable
    # or its interval clears the next one); if not, the dimensions it cannot be told from.
    strongest_supported: bool = True
    weakest_supported: bool = True
    strongest_tied: tuple[DimensionResult, ...] = ()
    weakest_tied: tuple[DimensionResult, ...] = ()


@frozen
class TowsPair:
    """Two SWOT items to be read together, e.g. a strength and an opportunity (SO)."""

    first: SwotEntry
    second: SwotEntry
    across: bool = False  # one of the two items lies outside the dimension (or is unclassified)

    @property
    def importance(self) -> int:
        """The sum of both items' importance."""
        return self.first.importance + self.second.importance


@frozen
class TowsPrompt:
    """The TOWS pairings of one weak dimension's SWOT items."""

    dimension: DimensionResult
    pairs: Mapping[TowsKind, tuple[TowsPair, ...]]
    available: Mapping[TowsKind, int]


@frozen
class RecommendedAction:
    """A framework goal or focus area, with the weak ids it serves."""

    id: str
    kind: Literal["goal", "focus"]
    text: str
    serves: tuple[str, ...]


@frozen
class Recommendation:
    """For one weak or moderate dimension: its weakest indicators and the actions for them."""

    dimension: DimensionResult
    indicators: tuple[IndicatorResult, ...]
    actions: tuple[RecommendedAction, ...]


@frozen
class ReadinessItem:
    """A precondition or success factor and its rated status."""

    id: str
    kind: ReadinessKind
    text: str
    serves: tuple[str, ...]
    status: ReadinessState


@frozen
class Readiness:
    """Every precondition and success factor of the framework, with counts per status."""

    assessed: bool
    items: tuple[ReadinessItem, ...]
    counts: Mapping[ReadinessState, int]


@frozen
class DataWarning:
    """A data-quality concern: a code, the ids it concerns, and a message in the report language."""

    code: WarningCode
    subjects: tuple[str, ...]
    message: str


@frozen
class Assessment:
    """A scored questionnaire with its analysis, in one language."""

    sector: SectorInfo
    framework_id: str
    framework_name: str
    method: Method
    lang: Language
    scale_min: int
    scale_max: int
    date: str | None
    respondents: int
    respondents_by_group: Mapping[Group, int]
    overall: float | None
    band: Band | None
    dimensions: tuple[DimensionResult, ...]
    groups: tuple[GroupResult, ...]
    group_spread: Mapping[str, float | None]
    swot: SwotResult
    summary: Summary
    tows: tuple[TowsPrompt, ...]
    recommendations: tuple[Recommendation, ...]
    readiness: Readiness
    warnings: tuple[DataWarning, ...]
    format: int = 1
    evidence: EvidenceResult | None = None  # None: the questionnaire has no evidence block
    robustness: Robustness | None = None
    aggregation: Aggregation = "arithmetic"
    statistics: Statistics | None = None
    report: ReportBlock | None = None  # the analyst's own content, as written

    def dimension(self, dimension_id: str) -> DimensionResult:
        """A dimension's result by id; ``KeyError`` if unknown."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """An indicator's result by id; ``KeyError`` if unknown."""
        for dimension in self.dimensions:
            for indicator in dimension.indicators:
                if indicator.id == indicator_id:
                    return indicator
        raise KeyError(indicator_id)

    @property
    def indicators(self) -> tuple[IndicatorResult, ...]:
        """Every indicator, in framework order."""
        return tuple(i for d in self.dimensions for i in d.indicators)
