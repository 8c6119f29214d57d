"""The compact terminal summary printed after ``diamond assess`` writes its reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diamond.scoring import Assessment


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def print_summary(assessment: Assessment, written: list[Path], colour: bool) -> None:
    """A table of dimension scores, the overall score, and the files written."""
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=not colour, highlight=False, soft_wrap=True)
    sector = assessment.sector
    table = Table(title=f"{sector.name} — {sector.region} ({sector.period})", title_justify="left")
    table.add_column("dimension")
    table.add_column("score", justify="right")
    table.add_column("band")
    table.add_column("coverage", justify="right")
    for dimension in assessment.dimensions:
        table.add_row(
            f"{dimension.name} ({dimension.id})",
            _num(dimension.score),
            dimension.band or "–",
            f"{dimension.answered}/{dimension.total}",
        )
    table.add_row("overall", _num(assessment.overall), assessment.band or "–", "", style="bold")
    console.print(table)
    for path in written:
        console.print(f"wrote {path}")
