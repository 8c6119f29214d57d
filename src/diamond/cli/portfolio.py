"""``diamond portfolio``: assess every questionnaire under a folder, rank them, link reports."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from diamond.cli import exit_codes
from diamond.cli.assess import ReportFormat
from diamond.cli.common import (
    AllowOutsideOption,
    Colour,
    ColourOption,
    Lang,
    MethodChoice,
    MethodOption,
    colour_enabled,
    handled,
    load_options,
)
from diamond.errors import UsageError
from diamond.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from diamond.portfolio import Portfolio
    from diamond.portfolio.render import Written

DEFAULT_OUTPUT = Path("reports")


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Callable[[str], None] | None]:
    """A rich progress bar on a terminal, advanced by the callback it yields (else None).

    It refreshes only from the callback, so it starts no thread (worker processes are
    forked while it runs).
    """
    if not enabled or total < 1:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from diamond.cli.console import safe, terminal

    with Progress(TextColumn(safe(_("assessing"))), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}", markup=False), auto_refresh=False,
                  transient=True, console=terminal()) as bar:
        task = bar.add_task("", total=total)

        def done(path: str) -> None:
            bar.update(task, advance=1, description=safe(Path(path).name))
            bar.refresh()

        yield done


class SummaryRows:
    """The summary table's rows, made from the (disk-backed) clusters each time they are
    read: a table of a national portfolio is read twice, never held whole."""

    def __init__(self, portfolio: Portfolio) -> None:
        self._clusters = portfolio.clusters

    def __len__(self) -> int:
        return len(self._clusters)

    def __iter__(self) -> Iterator[tuple[Sequence[object], bool]]:
        from diamond.cli.summary import report_label
        from diamond.portfolio.stored import Ranked

        clusters = self._clusters
        # a run's stored clusters give their table fields without being rebuilt
        fields = (clusters.summaries() if isinstance(clusters, Ranked) else
                  ((c.rank, c.latest, c.source, c.name, c.region, c.period, c.overall, c.band)
                   for c in clusters))
        labels: dict[str | None, str] = {}  # the bands' labels, looked up once a table
        for rank, latest, source, name, region, period, overall, band in fields:
            label = labels.get(band)
            if label is None:
                label = labels[band] = report_label("bands", band)
            # earlier periods are history, not ranked
            yield ([str(rank) if latest else "–", f"{name} — {region}", period,
                    "–" if overall is None else f"{overall:.1f}", label, source], False)


def print_portfolio(portfolio: Portfolio, written: Written, colour: bool) -> None:
    """The invalid files' errors on standard error; the ranking and files written on stdout."""
    from diamond.cli.console import line, print_table, say, warn
    from diamond.cli.summary import print_written
    from diamond.reporters.text import diagnostic_line

    for item in portfolio.invalid:
        for d in item.diagnostics:
            warn(diagnostic_line(d))
    print_table(_("portfolio"), [(_("rank"), "right"), (_("cluster"), "left"),
                                 (_("period"), "left"), (_("overall"), "right"),
                                 (_("band"), "left"), (_("file"), "left")],
                SummaryRows(portfolio), colour)
    say(_("{assessed} assessed, {invalid} invalid, {skipped} framework files skipped").format(
        assessed=len(portfolio.clusters), invalid=len(portfolio.invalid),
        skipped=len(portfolio.skipped)))
    if written.reports:  # counted, not listed: a national portfolio writes tens of thousands
        say(line(ngettext("wrote {count} cluster report file into {folder}",
                          "wrote {count} cluster report files into {folder}", written.reports),
                 count=written.reports, folder=written.folder))
    print_written(written.others)


@handled
def portfolio(
    folder: Annotated[
        Path,
        typer.Argument(help=N_("Folder searched recursively for questionnaires (*.yaml, *.yml); "
                       "framework files are skipped."), show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Folder for portfolio.html/.md/.json and the "
                     "clusters/ reports (default: ./reports). With only --format json and no "
                     "-o, the JSON goes to standard output and nothing is written."),
                     show_default=False),
    ] = None,
    formats: Annotated[
        list[ReportFormat] | None,
        typer.Option("--format", "-f", help=N_("Portfolio file format; repeat for several. "
                     "Default: md, html and json."), show_default=False),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=N_("Language of every report (default: each questionnaire's "
                     "own; the portfolio's is the one they share, else tr).")),
    ] = None,
    method: MethodOption = MethodChoice.mean,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0,
                     help=N_("Worker processes; 0 (default) uses every core.")),
    ] = 0,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help=N_("Folder of your own templates overriding the built-in "
                     "ones (report and portfolio templates, labels files).")),
    ] = None,
    color: ColourOption = Colour.auto,
    allow_outside_paths: AllowOutsideOption = False,
    sensitivity: Annotated[
        int,
        typer.Option("--sensitivity", min=0, max=65_536, metavar="N",
                     help=N_("Base samples of the Sobol sensitivity analysis in each "
                             "cluster's report (seeded); 0 (default) leaves it out, as the "
                             "ranking does not use it.")),
    ] = 0,
) -> None:
    """Assess every questionnaire under a folder: ranking, heat map, each cluster's report.
    """
    if not folder.is_dir():
        raise UsageError(_("'{path}' is not a folder").format(path=folder))
    if templates is not None and not templates.is_dir():
        raise UsageError(_("--templates '{path}' is not a folder").format(path=templates))
    workers = jobs or os.cpu_count() or 1
    if workers > 1:  # the workers' modules load while this process loads its own and scans
        from diamond.pool import PORTFOLIO_PRELOAD, start_server

        start_server(PORTFOLIO_PRELOAD)
    from diamond.portfolio import ReportWriter, run_portfolio
    from diamond.portfolio.render import portfolio_pages
    from diamond.validation import scan

    scanned = scan(folder)  # once: the inputs never written over, and the files assessed
    paths = scanned[0]
    chosen = list(dict.fromkeys(formats or list(ReportFormat)))
    to_stdout = output is None and chosen == [ReportFormat.json]
    target = output if output is not None else DEFAULT_OUTPUT
    with ExitStack() as stack:
        # each cluster's reports go to disk as they are made (renamed only at the end)
        writer = None if to_stdout else stack.enter_context(
            ReportWriter(target, paths))  # texts: no path held for each input
        with progress_bar(len(paths), sys.stdout.isatty()) as on_done:
            result = run_portfolio(
                folder, load_options(allow_outside_paths), method=method.value,
                lang=None if lang is None else lang.code, templates_dir=templates, jobs=workers,
                on_done=on_done, sink=writer, sensitivity=sensitivity, scanned=scanned,
            )
        # each page renders as it is written (only the formats chosen are rendered)
        pages = [p for p in portfolio_pages(result, templates_dir=templates)
                 if p.name.rsplit(".", 1)[-1] in {c.value for c in chosen}]
        if writer is None:
            from diamond.cli.console import warn, write_data
            from diamond.reporters.text import diagnostic_line

            write_data("".join(pages[0].content))
            for item in result.invalid:
                for d in item.diagnostics:
                    warn(diagnostic_line(d))
            if not result.ok:
                raise typer.Exit(exit_codes.INVALID)
            return
        written = writer.finish(pages)
    print_portfolio(result, written, colour_enabled(color, sys.stdout))
    if not result.ok:
        raise typer.Exit(exit_codes.INVALID)
