"""``diamond compare``: one sector over time, or several clusters side by side."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from diamond.cli import exit_codes
from diamond.cli.assess import TextFormat as ReportFormat
from diamond.cli.common import (
    AggregationChoice,
    AggregationOption,
    AllowOutsideOption,
    BootstrapOption,
    Colour,
    ColourOption,
    Lang,
    MethodChoice,
    MethodOption,
    colour_enabled,
    handled,
    load_options,
    print_error,
)
from diamond.cli.console import line, warn, write
from diamond.cli.summary import print_written, report_label, score_text
from diamond.errors import InvalidFileError, UsageError
from diamond.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from diamond.compare import Comparison

DEFAULT_OUTPUT = Path("reports")


def print_comparison(comparison: Comparison, written: list[Path], colour: bool) -> None:
    """A table of dimension scores per input with the first-to-last change, then the files."""
    from diamond.cli.console import Justify, print_table, say

    columns: list[tuple[str, Justify]] = [(_("dimension"), "left")]
    columns += [(item.label, "right") for item in comparison.inputs]
    columns += [(_("change"), "right"), (_("verdict"), "left")]
    rows: list[tuple[list[object], bool]] = []
    for area in (*comparison.dimensions, comparison.overall):
        change = area.change
        rows.append((
            [f"{area.name} ({area.id})" if area.kind == "dimension" else _("overall"),
             *(score_text(p.score) for p in area.points),
             score_text(change.delta, signed=True),
             report_label("verdicts", change.verdict, "labels-compare.yaml")],
            area.kind == "overall",
        ))
    mode = report_label("modes", comparison.mode, "labels-compare.yaml")
    title = _("comparison ({mode}): {inputs}").format(
        mode=mode, inputs=" → ".join(i.label for i in comparison.inputs))
    print_table(title, columns, rows, colour)
    s = comparison.summary
    say(_("improved significantly: {improved}; declined significantly: {declined}; "
          "not significant: {not_significant}; unchanged: {unchanged}").format(
        improved=len(s.improved), declined=len(s.declined),
        not_significant=len(s.not_significant), unchanged=len(s.unchanged)))
    verdict = _("passed") if s.rule_passed else _("not passed")
    say(ngettext("three-areas rule ({count} indicator improved significantly, at least "
                 "{needed} needed): {verdict}",
                 "three-areas rule ({count} indicators improved significantly, at least "
                 "{needed} needed): {verdict}", s.improved_indicators).format(
        count=s.improved_indicators, needed=s.rule_threshold, verdict=verdict))
    print_written(written)


@handled
def compare(
    files: Annotated[
        list[str],
        typer.Argument(help=N_("Two or more questionnaires, the baseline first ('-' for standard "
                       "input, once)."), show_default=False),
    ],
    formats: Annotated[
        list[ReportFormat] | None,
        typer.Option("--format", "-f", help=N_("Report format; repeat for several. Default: md, "
                     "html and json."), show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Folder for the reports (default: ./reports). With "
                     "only --format json and no -o, the JSON goes to standard output."),
                     show_default=False),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=N_("Report language (default: the first questionnaire's "
                     "sector.language).")),
    ] = None,
    method: MethodOption = MethodChoice.mean,
    aggregation: AggregationOption = AggregationChoice.arithmetic,
    bootstrap: BootstrapOption = 1000,
    fail_below: Annotated[
        float | None,
        typer.Option("--fail-below", min=0, max=100, metavar="SCORE",
                     help=N_("Exit with code 5 when the last input's overall score is below SCORE "
                     "(or has none).")),
    ] = None,
    fail_on_decline: Annotated[
        bool,
        typer.Option("--fail-on-decline", help=N_("Exit with code 6 when a dimension declined "
                     "significantly between the last two inputs.")),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help=N_("Folder of your own templates overriding the built-in "
                     "ones (compare.md.j2, compare.html.j2, labels-compare.yaml).")),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help=N_("File name (stem) of the reports; default: comparison.")),
    ] = None,
    color: ColourOption = Colour.auto,
    allow_outside_paths: AllowOutsideOption = False,
) -> None:
    """Compare questionnaires: one sector over periods, or clusters side by side.
    """
    from diamond.compare import DEFAULT_STEM, below, recent_declines, render_comparison
    from diamond.compare import compare as build
    from diamond.io.outputs import write_outputs
    from diamond.loader import load_questionnaire
    from diamond.scoring import assess as score

    if len(files) < 2:
        raise UsageError(_("compare needs at least two questionnaires"))
    if files.count("-") > 1:
        raise UsageError(_("standard input ('-') can be given only once"))
    if templates is not None and not templates.is_dir():
        raise UsageError(_("--templates '{path}' is not a folder").format(path=templates))
    chosen = list(dict.fromkeys(formats or list(ReportFormat)))
    options = load_options(allow_outside_paths)
    loaded = [load_questionnaire(f, options) for f in files]
    invalid = [x for x in loaded if not x.ok]
    for x in invalid:
        print_error(InvalidFileError(x.path, x.diagnostics))
    if invalid:
        raise typer.Exit(exit_codes.INVALID)
    pairs = [(x.questionnaire, x.catalogue) for x in loaded]
    first = pairs[0][0]
    assert first is not None
    language = lang.code if lang is not None else first.sector.language
    assessments = [score(q, c, method.value, lang=language,
                         aggregation=aggregation.value, bootstrap=bootstrap)
                   for q, c in pairs if q is not None and c is not None]
    comparison = build(assessments, [x.path for x in loaded])
    for warning in comparison.warnings:
        warn(line(_("diamond: warning: {message}"), message=warning.message))
    rendered = render_comparison(comparison, [f.value for f in chosen],
                                 stem=name or DEFAULT_STEM, templates_dir=templates)
    if output is None and chosen == [ReportFormat.json]:
        content = rendered[0].content
        write(content if isinstance(content, str) else content.decode("utf-8"))
    else:
        folder = output if output is not None else DEFAULT_OUTPUT
        written = write_outputs(rendered, folder, [Path(f) for f in files if f != "-"])
        print_comparison(comparison, written, colour_enabled(color, sys.stdout))
    if fail_below is not None and below(comparison, fail_below):
        warn(_("diamond: the last overall score ({score}) is below {threshold}").format(
            score=score_text(comparison.last_overall), threshold=f"{fail_below:g}"))
        raise typer.Exit(exit_codes.BELOW_THRESHOLD)
    declines = recent_declines(comparison) if fail_on_decline else ()
    if declines:
        shown = ", ".join(
            f"{d.id} ({score_text(d.last_step.delta, signed=True)})" for d in declines
        )
        warn(line(_("diamond: declined significantly since the previous input: {areas}"),
                  areas=shown))
        raise typer.Exit(exit_codes.DECLINED)
