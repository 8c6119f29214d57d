"""The result of a comparison: frozen dataclasses, floats at full precision.

Inputs keep the order they were given in (the first is the baseline). Areas keep
framework order: the overall score, then the dimensions common to every input, each
with its indicators common to every input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from diamond.models.text import Language
from diamond.scoring.bands import Band
from diamond.scoring.result import Method, SectorInfo

Mode = Literal["period", "cluster"]
AreaKind = Literal["overall", "dimension", "indicator"]
Direction = Literal["improved", "declined", "unchanged"]
WarningCode = Literal["different-frameworks", "no-common-dimensions"]

#: The label-style rule: at least this many indicators improved significantly, first to last.
MIN_IMPROVED_AREAS = 3


@dataclass(frozen=True)
class Change:
    """A score's change between two inputs with its uncertainty (``compare.significance``).

    ``low``/``high`` bound the 95 % interval of ``delta``; ``significant`` is whether it
    excludes 0, or ``None`` when the change cannot be tested; ``method`` is ``paired``,
    ``welch`` or ``bootstrap``.
    """

    delta: float | None
    significant: bool | None
    se: float | None = None
    low: float | None = None
    high: float | None = None
    p: float | None = None
    method: str | None = None

    @property
    def direction(self) -> Direction | None:
        """Improved or declined by the sign of ``delta`` (unchanged at 0); None without one."""
        if self.delta is None:
            return None
        if self.delta > 0:
            return "improved"
        return "declined" if self.delta < 0 else "unchanged"

    @property
    def verdict(self) -> Literal["improved", "declined", "not-significant", "unknown"] | None:
        """``improved`` / ``declined`` when significant, ``not-significant``, ``unknown``."""
        if self.delta is None:
            return None
        if self.significant is None:
            return "unknown"
        if not self.significant:
            return "not-significant"
        return "improved" if self.delta > 0 else "declined"


@dataclass(frozen=True)
class Point:
    """One area in one input: its score, standard error, and changes (None for the first)."""

    score: float | None
    band: Band | None
    se: float | None
    n: int | None
    from_previous: Change | None
    from_first: Change | None


@dataclass(frozen=True)
class Area:
    """The overall score, a dimension (with its common indicators) or an indicator."""

    kind: AreaKind
    id: str
    name: str
    dimension: str | None
    points: tuple[Point, ...]
    indicators: tuple[Area, ...] = ()
    number: str | None = None

    @property
    def change(self) -> Change:
        """From the first input to the last."""
        last = self.points[-1].from_first
        return last if last is not None else Change(None, None, None)

    @property
    def last_step(self) -> Change:
        """From the last input but one to the last."""
        last = self.points[-1].from_previous
        return last if last is not None else Change(None, None, None)


@dataclass(frozen=True)
class Input:
    """One compared questionnaire: where it came from and how its column is labelled."""

    label: str
    source: str
    sector: SectorInfo
    framework_id: str
    framework_name: str
    respondents: int
    scale_min: int
    scale_max: int


@dataclass(frozen=True)
class CompareWarning:
    """Something the reader must know; ``params`` fill the localised label of ``code``."""

    code: WarningCode
    params: Mapping[str, str]
    message: str


@dataclass(frozen=True)
class Summary:
    """Significant changes from the first input to the last, and the three-areas rule.

    ``improved`` and ``declined`` hold the dimensions, then the indicators, with a
    significant change (largest first); ``not_significant`` every other area whose
    score changed, significantly or not testably; ``unchanged`` the areas with the same
    score in both. Areas without a score in the first or the last input are in none.
    ``improved_indicators`` counts indicators that improved significantly; the rule
    passes when it is at least ``MIN_IMPROVED_AREAS``.
    """

    improved: tuple[Area, ...]
    declined: tuple[Area, ...]
    not_significant: tuple[Area, ...]
    unchanged: tuple[Area, ...]
    improved_indicators: int
    rule_threshold: int
    rule_passed: bool


@dataclass(frozen=True)
class Comparison:
    """Two or more assessments side by side."""

    mode: Mode
    lang: Language
    method: Method
    inputs: tuple[Input, ...]
    overall: Area
    dimensions: tuple[Area, ...]
    warnings: tuple[CompareWarning, ...]
    summary: Summary
    format: int = 1

    @property
    def indicators(self) -> tuple[Area, ...]:
        """Every compared indicator, in framework order."""
        return tuple(i for d in self.dimensions for i in d.indicators)

    @property
    def last_overall(self) -> float | None:
        """The overall score of the last input."""
        return self.overall.points[-1].score
