"""The compact terminal summary printed after ``diamond assess`` writes its reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diamond.scoring import Assessment


def score_text(value: float | None, signed: bool = False) -> str:
    """A score or change with one decimal for the terminal (``–`` when missing, true minus)."""
    if value is None:
        return "–"
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text.replace("-", "−")


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
            score_text(dimension.score),
            dimension.band or "–",
            f"{dimension.answered}/{dimension.total}",
        )
    overall = score_text(assessment.overall)
    table.add_row("overall", overall, assessment.band or "–", "", style="bold")
    console.print(table)
    for path in written:
        console.print(f"wrote {path}")
