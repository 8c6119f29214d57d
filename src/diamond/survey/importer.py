"""``diamond import``: add a survey tool's export (CSV or .xlsx) to a questionnaire, all or
nothing."""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from diamond.answers.source import resolve_table
from diamond.documents import cap_diagnostics
from diamond.errors import Diagnostic, InvalidFileError, UsageError
from diamond.i18n import _
from diamond.io.atomic import create_new, write_atomic
from diamond.io.guard import refuse_inputs
from diamond.io.rewrite import rewrite
from diamond.limits import Limits
from diamond.loader import LoadOptions
from diamond.models.questionnaire import Group, Respondent
from diamond.numbertext import grouped
from diamond.survey.batch import Imports, read_grid_rows
from diamond.survey.columns import Column, Role, classify, find_roles
from diamond.survey.existing import table_target, with_table_rows
from diamond.survey.guess import likely_group_columns
from diamond.survey.mapfile import SurveyMap, load_map
from diamond.survey.matching import Matcher
from diamond.survey.quality import Quality, import_quality
from diamond.survey.rows import MAX_ID, Imported, RowSettings, read_rows
from diamond.survey.spliced import TooLarge, spliced
from diamond.survey.table import DEFAULT_ENCODING, Table, read_table
from diamond.survey.tableimport import TABLE_ROWS, TableWrite, plan_table
from diamond.survey.target import NewQuestionnaire, Target, existing_target, new_target


@dataclass(frozen=True)
class ImportOptions:
    """How to read the CSV and what to do with respondents who are already there."""

    map_path: str | None = None
    id_column: str | None = None
    group_column: str | None = None
    weight_column: str | None = None
    default_group: Group | None = None  # --group; None: firm, and kept when replacing
    id_prefix: str = "resp"
    delimiter: str | None = None
    encoding: str = DEFAULT_ENCODING
    replace: bool = False
    dry_run: bool = False
    sheet: str | None = None  # a workbook's sheet (default: the first)
    table: bool | None = None  # respondents in a table file; None: when large (tableimport)


@dataclass
class ImportReport:
    """What an import added, replaced, matched, ignored and warned about."""

    csv_path: str
    target: str
    created: bool
    dry_run: bool
    delimiter: str
    encoding: str
    columns: list[Column]
    roles: dict[Role, int | None]
    added: Sequence[Imported] = field(default_factory=list)
    replaced: list[Imported] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    result_warnings: int = 0
    written: bool = False
    sheet: str | None = None  # the workbook sheet read, for an .xlsx export
    quality: Quality | None = None  # response quality and coverage of the imported rows
    table: str | None = None  # the respondents' table file written (or to be written)

    def groups(self) -> dict[str, int]:
        """Imported respondents (added and replaced) per group, in the format's order."""
        counts: dict[str, int] = {}
        if isinstance(self.added, Imports):
            counts = self.added.group_counts()
        else:
            for r in self.added:
                counts[r.group] = counts.get(r.group, 0) + 1
        for r in self.replaced:
            counts[r.group] = counts.get(r.group, 0) + 1
        order = ("firm", "university", "public", "ngo", "other")
        return {g: counts[g] for g in order if counts.get(g)}


def _keep_group_and_weight(replacing: list[Imported],
                           existing: Sequence[Respondent | Imported]) -> list[Imported]:
    """A replaced respondent keeps its group and weight unless the CSV gives them."""
    wanted = {r.id for r in replacing}
    if isinstance(existing, Imports):
        existing = [existing[k] for k, rid in enumerate(existing.ids) if rid in wanted]
    old = {r.id: r for r in existing}
    kept = []
    for r in replacing:
        before = old[r.id]
        group = r.group if r.group_given else before.group
        weight = r.weight if r.weight is not None or before.weight == 1 else before.weight
        kept.append(dataclasses.replace(r, group=group, weight=weight, group_given=True))
    return kept


def _split(respondents: Sequence[Imported], existing: frozenset[str],
           before: Sequence[Respondent | Imported]) -> tuple[list[Imported], Sequence[Imported]]:
    """The respondents that replace ones already there, and those added."""
    if isinstance(respondents, Imports):
        import numpy as np

        there = np.array([rid in existing for rid in respondents.ids], dtype=bool)
        if not there.any():
            return [], respondents
        replacing = list(respondents.take(np.flatnonzero(there)))
        return (_keep_group_and_weight(replacing, before),
                respondents.take(np.flatnonzero(~there)))
    replaced = _keep_group_and_weight([r for r in respondents if r.id in existing], before)
    return replaced, [r for r in respondents if r.id not in existing]


def _check_options(options: ImportOptions) -> None:
    prefix = options.id_prefix
    if not prefix.strip() or prefix != prefix.strip() or len(prefix) > MAX_ID - 10:
        raise UsageError(_("--id-prefix must be a short text without surrounding spaces: "
                           "{prefix}").format(prefix=repr(prefix)))


def import_responses(
    csv_path: str,
    target: str,
    options: ImportOptions,
    load: LoadOptions | None = None,
    new: NewQuestionnaire | None = None,
) -> ImportReport:
    """Import the responses in ``csv_path`` into ``target`` (created when ``new`` is given).

    Nothing is written unless every cell was understood and the resulting questionnaire
    validates; otherwise ``InvalidFileError`` carries every finding. With
    ``options.dry_run`` nothing is written either way. An existing questionnaire is
    rewritten under a lock and only if nobody changed it meanwhile
    (``diamond.io.rewrite``); if someone did, the import is applied to their version.
    """
    # The questionnaire's own warnings are only counted here, never listed.
    load = dataclasses.replace(load or LoadOptions(), locate_warnings=False)
    _check_options(options)
    sources = [csv_path] + ([options.map_path] if options.map_path else [])
    refuse_inputs([Path(target)], sources,
                  hint=_("name the questionnaire after --into or --new"))
    table = read_table(
        csv_path,
        encoding=options.encoding,
        delimiter=options.delimiter,
        limits=load.limits,
        sheet=options.sheet,
    )
    if new is not None:
        base = new_target(target, new, load)
        report, text = _plan(csv_path, target, options, load, table, base, created=True,
                             once=True)
        if not options.dry_run:
            if isinstance(text, TableWrite):
                create_new(text.table, text.content)
                assert text.text is not None
                create_new(Path(target), text.text.encode("utf-8"))
            else:
                create_new(Path(target), text.encode("utf-8"))
            report.written = True
        return report
    found = table_target(target, load)  # a table questionnaire whose table is plain
    if options.dry_run:
        base = found[1] if found is not None else existing_target(target, load)
        return _plan(csv_path, target, options, load, table, base, created=False, once=True)[0]
    if found is not None:
        return _into_table(csv_path, target, options, load, table, found[1], found)
    planned: list[ImportReport] = []
    moved: list[Path] = []

    def edit(data: bytes) -> bytes:
        base = existing_target(target, load, data)
        if base.questionnaire.respondents_file is not None:
            raise _NamesTable(base)
        report, text = _plan(
            csv_path, target, options, load, table, base, created=False, overwrite=bool(moved)
        )
        planned[:] = [report]
        if isinstance(text, TableWrite):  # the list moves to a new table, written first
            write_atomic(text.table, text.content)
            moved[:] = [text.table]
            if text.text is None:
                raise UsageError(_("{target} changed to name a respondents_file while "
                                   "importing").format(target=target))
            text = text.text
        return (codecs.BOM_UTF8 if base.bom else b"") + text.encode("utf-8")

    try:
        rewrite(Path(target), edit, load.limits.max_bytes)
    except _NamesTable as names:
        return _into_table(csv_path, target, options, load, table, names.base)
    planned[0].written = True
    return planned[0]


class _NamesTable(Exception):
    """The questionnaire keeps its respondents in a table: the table is what changes."""

    def __init__(self, base: Target) -> None:
        super().__init__(base.text[:0])
        self.base = base


def _into_table(
    csv_path: str, target: str, options: ImportOptions, load: LoadOptions, table: Table,
    base: Target, known: tuple[bytes, Target] | None = None,
) -> ImportReport:
    """Import into a questionnaire whose respondents are in a table: rewrite the table.

    ``known``: the table's bytes and the questionnaire with its rows, read just before
    (``table_target``); used again if the table still holds those bytes under the lock.
    """
    if options.table is False:
        raise UsageError(_("{target} keeps its respondents in a table; leave out "
                           "--no-table").format(target=target))
    named = base.questionnaire.respondents_file
    assert named is not None
    where = resolve_table(named, Path(target).parent, load.allow_outside_paths)
    if not isinstance(where, Path):  # the loader refused it already; not reached
        raise UsageError(f"{target}: {where.message}")
    sources = [csv_path] + ([options.map_path] if options.map_path else [])
    refuse_inputs([where], sources, hint=_("{target} keeps its respondents in that "
                                           "table").format(target=target))
    planned: list[ImportReport] = []

    def edit(data: bytes) -> bytes:
        now = dataclasses.replace(load, tables=((str(where), data),))
        fresh = known[1] if known is not None and known[0] == data else with_table_rows(
            target, load, where, data)
        if fresh is None:  # read as before: the whole table, with its findings
            fresh = existing_target(target, now)
        report, text = _plan(csv_path, target, options, now, table, fresh, created=False)
        assert isinstance(text, TableWrite)
        planned[:] = [report]
        return text.content

    rewrite(where, edit, load.limits.max_bytes)
    planned[0].written = True
    return planned[0]


def _plan(
    csv_path: str,
    target: str,
    options: ImportOptions,
    load: LoadOptions,
    table: Table,
    base: Target,
    *,
    created: bool,
    overwrite: bool = False,
    once: bool = False,
) -> tuple[ImportReport, str | TableWrite]:
    """What importing ``table`` into ``base`` adds and replaces, and the new text (or the
    table and text, when the respondents go to a table file)."""
    catalogue = base.catalogue
    survey_map = (
        load_map(options.map_path, catalogue, table.header, load.limits)
        if options.map_path
        else SurveyMap()
    )
    chosen: dict[Role, str | None] = {
        "id": options.id_column,
        "group": options.group_column,
        "weight": options.weight_column,
    }
    roles = find_roles(table.header, chosen, survey_map, csv_path)
    columns, diagnostics = classify(
        table.header, roles, survey_map, Matcher(catalogue), csv_path, table.header_row
    )
    diagnostics = list(survey_map.diagnostics) + table.notes + diagnostics
    if not any(c.kind == "indicator" for c in columns):
        repeats = [h for h in table.header if h.casefold().startswith("set-of-")]
        diagnostics.append(
            Diagnostic(
                csv_path,
                table.header_row,
                1,
                "error",
                "no-indicator-columns",
                _("no column matches an indicator of the framework"),
                _("this is ODK's main table; the answers are in the repeat table's file (rows "
                  "keyed by PARENT_KEY, linked by {column}): import that file").format(
                    column=repr(repeats[0]))
                if repeats
                else _("name columns by indicator id or question text, or map them with --map"),
            )
        )
    if roles["group"] is None and options.default_group is None:
        diagnostics += likely_group_columns(table, columns)
    before = base.respondents()
    existing = frozenset() if created else frozenset(
        before.ids if isinstance(before, Imports) else (r.id for r in before))
    settings = RowSettings(
        default_group=options.default_group,
        id_prefix=options.id_prefix,
        existing_ids=existing,
        replace=options.replace,
        target=target,
    )
    scale = base.questionnaire.scale
    rows = (read_grid_rows(table, columns, roles, scale, survey_map, settings)
            or read_rows(table, columns, roles, scale, survey_map, settings))
    if table.grid is not None:
        table.grid.trim()  # its offsets and cells are not needed again (found again if so)
    diagnostics += rows.diagnostics
    if not rows.respondents and not any(d.severity == "error" for d in diagnostics):
        diagnostics.append(
            Diagnostic(
                csv_path,
                table.header_row,
                1,
                "error",
                "no-responses",
                _("the file holds no responses"),
                _("export the responses with their rows"),
            )
        )
    diagnostics = [table.locate(d) for d in diagnostics]
    diagnostics.sort(key=Diagnostic.sort_key)
    diagnostics = cap_diagnostics(diagnostics)
    if any(d.severity == "error" for d in diagnostics):
        raise InvalidFileError(csv_path, diagnostics)
    replaced, added = _split(rows.respondents, existing, before)
    report = ImportReport(
        csv_path,
        target,
        created,
        options.dry_run,
        table.delimiter,
        table.encoding,
        columns,
        roles,
        added,
        replaced,
        missing=[i for i in catalogue.indicators if i not in {c.indicator for c in columns}],
        warnings=diagnostics,
        sheet=table.sheet,
        quality=import_quality(rows.respondents, table, columns, base.questionnaire.scale),
    )
    if once and table.grid is not None:  # not planned again: its bytes can go
        table.grid.release()
    in_table = base.questionnaire.respondents_file is not None or options.table or (
        created and options.table is None and len(added) > TABLE_ROWS
    )
    if not in_table:
        try:
            text, report.result_warnings = spliced(
                base, report.target, report.csv_path, report.added, report.replaced,
                created=report.created, catalogue=catalogue, load=load,
            )
            return report, text
        except TooLarge as large:
            if options.table is False:
                raise InvalidFileError(target, [Diagnostic(
                    target, 1, 1, "error", "limit-exceeded",
                    _("with these respondents the file would be {size} bytes, over the "
                      "limit of {limit} that 'diamond validate' applies").format(
                        size=grouped(large.size), limit=grouped(load.limits.max_bytes)),
                    _("leave out --no-table to keep the respondents in a table file beside "
                      "it, or raise {name}").format(name=Limits.env_var("max_bytes")))]
                ) from None
    planned = plan_table(
        base, target, report.added, report.replaced, load, created=created, overwrite=overwrite
    )
    report.table = planned.shown
    return report, planned
