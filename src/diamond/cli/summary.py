"""The compact terminal summary printed after ``diamond assess`` writes its reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from diamond.i18n import _

if TYPE_CHECKING:
    from diamond.scoring import Assessment


def score_text(value: float | None, signed: bool = False) -> str:
    """A score or change with one decimal for the terminal (``–`` when missing, true minus)."""
    if value is None:
        return "–"
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text.replace("-", "−")


def report_label(group: str, key: str | None, file_name: str = "labels.yaml") -> str:
    """``key`` (a band, a verdict) as the reports name it, in the message language."""
    if key is None:
        return "–"
    from diamond import i18n
    from diamond.render.labels import builtin_label

    found = builtin_label(i18n.current(), group, key, file_name)
    return found if isinstance(found, str) else key


def print_written(written: list[Path]) -> None:
    """One ``wrote PATH`` line per file written."""
    from diamond.cli.console import line, say

    for path in written:
        say(line(_("wrote {path}"), path=path))


def print_summary(assessment: Assessment, written: list[Path], colour: bool) -> None:
    """A table of dimension scores, the overall score, and the files written."""
    from diamond.cli.console import print_table

    sector = assessment.sector
    rows: list[tuple[list[object], bool]] = [
        (
            [
                f"{dimension.name} ({dimension.id})",
                score_text(dimension.score),
                report_label("bands", dimension.band),
                f"{dimension.answered}/{dimension.total}",
            ],
            False,
        )
        for dimension in assessment.dimensions
    ]
    rows.append(([_("overall"), score_text(assessment.overall),
                  report_label("bands", assessment.band), ""], True))
    print_table(
        f"{sector.name} — {sector.region} ({sector.period})",
        [(_("dimension"), "left"), (_("score"), "right"), (_("band"), "left"),
         (_("coverage"), "right")],
        rows,
        colour,
    )
    print_written(written)
