"""Turn CSV rows into respondents, reporting every cell that cannot be read."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from diamond.errors import Diagnostic
from diamond.i18n import _
from diamond.models.questionnaire import Group, Scale
from diamond.survey.columns import Column, Role
from diamond.survey.mapfile import SurveyMap
from diamond.survey.table import Table
from diamond.survey.unknown import UnknownLabels
from diamond.survey.values import Problem, label_values, parse_answer, parse_group, parse_weight

MAX_ID = 120


@dataclass(frozen=True)
class Imported:
    """One respondent read from one CSV row."""

    id: str
    group: Group
    weight: float | None
    answers: dict[str, int | None]
    row: int
    group_given: bool = True  # False: the default group, no column value or --group


@dataclass(frozen=True)
class RowSettings:
    """What the rows need from the command line and the target questionnaire."""

    default_group: Group | None = None  # None: firm, and kept when replacing
    id_prefix: str = "resp"
    existing_ids: frozenset[str] = frozenset()
    replace: bool = False
    target: str = "the questionnaire"


@dataclass
class RowResult:
    """The respondents, the findings, and the rows left out because they were empty."""

    respondents: Sequence[Imported] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    empty_rows: list[int] = field(default_factory=list)


def row_id(prefix: str, cells: Sequence[str], occurrence: int) -> str:
    """A stable id for a row without one: the prefix and a digest of the row's cells.

    Importing the same export again gives the same ids, so its rows are recognised as
    already present; identical rows within one file differ by their ``occurrence``.
    """
    text = "\x1f".join(cell.strip() for cell in cells) + (f"\x1e{occurrence}" if occurrence else "")
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:10]}"


def read_rows(
    table: Table,
    columns: Sequence[Column],
    roles: dict[Role, int | None],
    scale: Scale,
    survey_map: SurveyMap,
    settings: RowSettings,
) -> RowResult:
    """Every data row as a respondent; every unreadable cell as an error diagnostic."""
    result = RowResult()
    labels = label_values(scale, survey_map.labels)
    digests: dict[str, int] = {}
    unknown_groups = UnknownLabels("groups")
    unknown_labels = UnknownLabels("labels")
    present: list[tuple[int, int, str]] = []
    first_row: dict[str, int] = {}
    width = len(table.header)
    path = table.path
    # Survey answers repeat a handful of distinct cells: each is read once per import.
    answer_of: dict[str, int | Problem | None] = {}
    group_of: dict[str, Group | Problem] = {}
    indicator_columns = [
        (c.index, c.number, c.header, c.indicator)
        for c in columns
        if c.kind == "indicator" and c.indicator is not None
    ]
    unreadable = "answer-unreadable"
    kept: list[tuple[int, list[str], str, Group, float | None, bool]] = []
    respondents: list[Imported] = []

    def error(row: int, column: int, problem: Problem) -> None:
        result.diagnostics.append(
            Diagnostic(path, row, column, "error", problem.code, problem.message, problem.hint)
        )

    for row, cells in table.rows:
        if not "".join(cells).strip():
            result.empty_rows.append(row)
            continue
        if len(cells) != width and (len(cells) < width or "".join(cells[width:]).strip()):
            error(
                row,
                min(len(cells), width) + 1,
                Problem(
                    "csv-row-length",
                    _("the row has {cells} cells but the header has {width}").format(
                        cells=len(cells), width=width),
                    _("check the delimiter (--delimiter) and the quoting of cells"),
                ),
            )
            continue
        # The respondent id
        id_col = roles.get("id")
        if id_col is None:
            key = "\x1f".join(cells)
            respondent_id = row_id(settings.id_prefix, cells, digests.get(key, 0))
            digests[key] = digests.get(key, 0) + 1
        else:
            respondent_id = cells[id_col].strip()
            if not respondent_id or len(respondent_id) > MAX_ID:
                error(
                    row,
                    id_col + 1,
                    Problem(
                        "bad-id",
                        _("the respondent id is empty")
                        if not respondent_id
                        else _("the respondent id is longer than {limit} characters").format(
                            limit=MAX_ID),
                        _("every row needs an id in column {column}").format(
                            column=repr(table.header[id_col])),
                    ),
                )
                continue
            if respondent_id in first_row:
                error(
                    row,
                    id_col + 1,
                    Problem(
                        "duplicate-respondent",
                        _("respondent id {id} is used twice").format(id=repr(respondent_id)),
                        _("first in row {row}; ids must be unique").format(
                            row=first_row[respondent_id]),
                    ),
                )
            elif respondent_id in settings.existing_ids and not settings.replace:
                present.append((row, id_col + 1, respondent_id))
            first_row.setdefault(respondent_id, row)
        # Group and weight
        group: Group = settings.default_group or "firm"
        group_given = settings.default_group is not None
        group_col = roles.get("group")
        if group_col is not None and cells[group_col].strip():
            raw_group = cells[group_col]
            parsed_group = group_of.get(raw_group)
            if parsed_group is None:
                parsed_group = group_of[raw_group] = parse_group(
                    raw_group, survey_map.groups, group
                )
            if isinstance(parsed_group, Problem) and parsed_group.code == "unknown-group":
                unknown_groups.add(cells[group_col], row, group_col + 1, table.header[group_col])
            elif isinstance(parsed_group, Problem):
                error(row, group_col + 1, parsed_group)
            else:
                group, group_given = parsed_group, True
        weight: float | None = None
        weight_col = roles.get("weight")
        if weight_col is not None:
            parsed_weight = parse_weight(cells[weight_col])
            if isinstance(parsed_weight, Problem):
                error(row, weight_col + 1, parsed_weight)
            else:
                weight = parsed_weight
        if id_col is None and respondent_id in settings.existing_ids and not settings.replace:
            present.append((row, 1, respondent_id))
        kept.append((row, cells, respondent_id, group, weight, group_given))
    # Answers, column by column: each distinct cell of a column is read once.
    unknown: list[tuple[int, int, str, str]] = []
    troubled: set[int] = set()  # rows (in ``kept``) with a cell that could not be read
    answer_columns: list[list[int | Problem | None]] = []
    kept_cells = [item[1] for item in kept]
    for index, number, header, indicator in indicator_columns:
        column = list(map(itemgetter(index), kept_cells))
        for raw in set(column).difference(answer_of):
            answer_of[raw] = parse_answer(raw, scale, labels)
        values = [answer_of[raw] for raw in column]
        bad = {raw for raw in set(column) if isinstance(answer_of[raw], Problem)}
        for k, raw in enumerate(column) if bad else ():
            if raw not in bad:
                continue
            problem = answer_of[raw]
            assert isinstance(problem, Problem)
            troubled.add(k)
            row = kept[k][0]
            if problem.code == unreadable:
                unknown.append((row, number, raw, header))
            else:
                message = f"{indicator}: {problem.message}"
                error(row, number, Problem(problem.code, message, problem.hint))
        answer_columns.append(values)
    for row, number, raw, header in sorted(unknown, key=lambda u: (u[0], u[1])):
        unknown_labels.add(raw, row, number, header)
    indicators = [item[3] for item in indicator_columns]
    rows_values = zip(*answer_columns, strict=True) if answer_columns else ([()] * len(kept))
    for k, ((row, _cells, respondent_id, group, weight, group_given), parsed) in enumerate(
        zip(kept, rows_values, strict=True)
    ):
        answers = dict(zip(indicators, parsed, strict=True))
        if k in troubled:  # cells that could not be read are left out
            answers = {i: v for i, v in answers.items() if not isinstance(v, Problem)}
        respondents.append(Imported(respondent_id, group, weight, answers, row, group_given))
    result.respondents = respondents
    result.diagnostics += unknown_groups.diagnostics(path) + unknown_labels.diagnostics(path)
    if present:
        first_at, first_column, first = present[0]
        exists = (_("respondent {id} and {more} more row(s) already in {target}; was this "
                    "export imported before?") if len(present) > 1
                  else _("respondent {id} already in {target}; was this export imported before?"))
        error(
            first_at,
            first_column,
            Problem(
                "respondent-exists",
                exists.format(id=repr(first), more=len(present) - 1, target=settings.target),
                _("pass --replace to replace them, or import only the new rows"),
            ),
        )
    for row in result.empty_rows:
        result.diagnostics.append(
            Diagnostic(path, row, 1, "warning", "empty-row", _("the row is empty; it is skipped"))
        )
    return result
