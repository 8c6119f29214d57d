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
    from diamond.cli.console import line, print_table, say

    sector = assessment.sector
    rows: list[tuple[list[object], bool]] = [
        (
            [
                f"{dimension.name} ({dimension.id})",
                score_text(dimension.score),
                dimension.band or "–",
                f"{dimension.answered}/{dimension.total}",
            ],
            False,
        )
        for dimension in assessment.dimensions
    ]
    rows.append((["overall", score_text(assessment.overall), assessment.band or "–", ""], True))
    print_table(
        f"{sector.name} — {sector.region} ({sector.period})",
        [("dimension", "left"), ("score", "right"), ("band", "left"), ("coverage", "right")],
        rows,
        colour,
    )
    for path in written:
        say(line("wrote {}", path))
