"""The result of a portfolio run: frozen, picklable dataclasses of plain values.

Worker processes send ``Outcome`` records back to the parent, so everything here is
plain data: strings, numbers, tuples, mappings, diagnostics and rendered files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from diamond.errors import Diagnostic
from diamond.io.atomic import Staged
from diamond.models.text import Language
from diamond.render.report import RenderedFile
from diamond.scoring.bands import Band
from diamond.scoring.result import Method

OutcomeKind = Literal["cluster", "invalid", "framework"]


@dataclass(frozen=True)
class Cell:
    """One dimension of one cluster: its score and band, and its name in both languages."""

    id: str
    number: str | None
    names: Mapping[Language, str]
    score: float | None
    band: Band | None


@dataclass(frozen=True)
class Cluster:
    """One assessed questionnaire: its headline figures and its report files' names.

    ``source`` is the path relative to the portfolio folder (with ``/``); ``stem`` the
    file stem of its reports under ``clusters/``; ``rank`` its place (1 = best).
    """

    source: str
    stem: str
    name: str
    region: str
    period: str
    language: Language
    framework_id: str
    framework_names: Mapping[Language, str]
    respondents: int
    overall: float | None
    band: Band | None
    dimensions: tuple[Cell, ...]
    reports: tuple[str, ...]
    rank: int = 0  # 0: an earlier period of a cluster, shown as history and never ranked
    key: str = ""  # the cluster: sector name and region, case-folded
    latest: bool = True
    rank_low: int | None = None  # 95 % bootstrap interval of the rank
    rank_high: int | None = None
    se: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    # Bootstrap replicates of the overall score, and respondents' own dimension scores:
    # any sequence of floats; the portfolio keeps them as ``array('d')`` (8 bytes a value,
    # a quarter of a tuple of floats), since a national programme holds thousands.
    draws: Sequence[float] = ()
    own: Mapping[str, Sequence[float]] = field(default_factory=dict)


@dataclass(frozen=True)
class InvalidFile:
    """A file that could not be assessed, with its errors.

    ``diagnostics`` name files by their paths as found; ``messages`` are the same errors
    as ``path:line:col: message`` with paths relative to the portfolio folder.
    """

    source: str
    diagnostics: tuple[Diagnostic, ...]
    messages: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """What a worker made of one file.

    ``files`` are its reports' text; or, when the worker wrote them itself into
    temporaries (``diamond.portfolio.render.Stager``), ``staged`` names those, to be
    renamed with the rest of the portfolio.
    """

    kind: OutcomeKind
    source: str
    cluster: Cluster | None = None
    invalid: InvalidFile | None = None
    files: tuple[RenderedFile, ...] = ()
    staged: tuple[Staged, ...] = ()


@dataclass(frozen=True)
class Column:
    """A heat-map column: a dimension id, its framework number and its name."""

    id: str
    number: str | None
    name: str


@dataclass(frozen=True)
class Portfolio:
    """Every questionnaire under a folder: ranked clusters, invalid and skipped files.

    ``reports`` are the clusters' own report files (``<stem>.md``, its chart, and
    ``<stem>.html``), to be written into ``clusters/``.
    """

    lang: Language
    method: Method
    files: int
    # any sequence: a portfolio run keeps them on disk, each rebuilt as it is read
    # (``diamond.portfolio.spill.Ranked``), since a national programme has thousands
    clusters: Sequence[Cluster]
    invalid: tuple[InvalidFile, ...]
    skipped: tuple[str, ...]
    columns: tuple[Column, ...]
    reports: tuple[RenderedFile, ...]
    format: int = 1
    # dimension id → (ICC(1), ICC(2)) across the latest clusters (Bliese 2000)
    icc: Mapping[str, tuple[float | None, float | None]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no file was invalid."""
        return not self.invalid
