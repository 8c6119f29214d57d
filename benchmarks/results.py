"""Figures (a measurement beside its baseline) and the Markdown table they make."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from timing import Samples


@dataclass
class Figure:
    """One row of the results: a median against a baseline's median, and a target ratio."""

    key: str
    what: str
    measured: Samples | None
    baseline: Samples | None = None
    baseline_what: str = ""
    target: float | None = None  # the ratio measured / baseline must not exceed this
    strict: bool = False  # '<' rather than '≤'
    target_note: str = ""
    unit: str = "s"
    skipped: str = ""  # why it was not measured

    @property
    def ratio(self) -> float | None:
        if self.measured is None or self.baseline is None or self.baseline.median <= 0:
            return None
        return self.measured.median / self.baseline.median

    @property
    def met(self) -> bool | None:
        ratio = self.ratio
        if self.target is None or ratio is None:
            return None
        return ratio < self.target if self.strict else ratio <= self.target


def fmt(value: float, unit: str) -> str:
    """A value in its unit, with sensible digits."""
    if unit == "s":
        if value < 1:
            return f"{value * 1000:.0f} ms" if value >= 0.0995 else f"{value * 1000:.1f} ms"
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.3g} {unit}"


def cell(samples: Samples | None, unit: str) -> str:
    """'median (min–max)' for a column of the table."""
    if samples is None:
        return "—"
    if len(samples.values) == 1:
        return f"{fmt(samples.median, unit)} (n=1)"
    return (
        f"{fmt(samples.median, unit)} ({fmt(samples.low, unit)}–{fmt(samples.high, unit)}, "
        f"n={len(samples.values)})"
    )


def _target(figure: Figure) -> str:
    if figure.target is None:
        return "reference"
    text = f"{'<' if figure.strict else '≤'} {figure.target:g}×"
    return f"{text} {figure.target_note}".strip()


def _met(figure: Figure) -> str:
    met = figure.met
    if met is None:
        return "—"
    return "**yes**" if met else "**NO**"


HEADER = (
    "| # | figure | measured: median (min–max, n) | baseline | baseline: median (min–max, n) "
    "| ratio | target | met |\n"
    "|---|---|---|---|---|---|---|---|\n"
)


def table(figures: Iterable[Figure]) -> str:
    """The Markdown table: one row per figure."""
    rows: list[str] = []
    for f in figures:
        if f.skipped:
            rows.append(
                f"| {f.key} | {f.what} | not measured: {f.skipped} | — | — | — | {_target(f)} | — |"
            )
            continue
        ratio = f.ratio
        rows.append(
            f"| {f.key} | {f.what} | {cell(f.measured, f.unit)} | {f.baseline_what or '—'} | "
            f"{cell(f.baseline, f.unit)} | {'—' if ratio is None else f'{ratio:.2f}×'} | "
            f"{_target(f)} | {_met(f)} |"
        )
    return HEADER + "\n".join(rows) + "\n"


def verdicts(figures: Iterable[Figure]) -> str:
    """One line per figure with a target: met or missed, and by how much."""
    lines: list[str] = []
    for f in figures:
        if f.met is None or f.ratio is None or f.target is None:
            continue
        word = "met" if f.met else "MISSED"
        lines.append(
            f"- {f.key} {word}: {f.ratio:.2f}× against {_target(f)} "
            f"({f.ratio / f.target:.2f} of the allowed ratio)"
        )
    return "\n".join(lines) + "\n"
