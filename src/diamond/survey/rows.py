"""Turn CSV rows into respondents, reporting every cell that cannot be read."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from diamond.errors import Diagnostic
from diamond.models.questionnaire import Group, Scale
from diamond.survey.columns import Column, Role
from diamond.survey.mapfile import SurveyMap
from diamond.survey.table import Table
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

    respondents: list[Imported] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    empty_rows: list[int] = field(default_factory=list)


def first_free_number(prefix: str, taken: Collection[str]) -> int:
    """The number after the highest ``prefix-NNN`` id in ``taken`` (1 when there is none)."""
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
    return max((int(m.group(1)) for t in taken if (m := pattern.match(t))), default=0) + 1


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
    next_number = first_free_number(settings.id_prefix, settings.existing_ids)
    first_row: dict[str, int] = {}
    width = len(table.header)
    path = table.path

    def error(row: int, column: int, problem: Problem) -> None:
        result.diagnostics.append(
            Diagnostic(path, row, column, "error", problem.code, problem.message, problem.hint)
        )

    for row, cells in table.rows:
        if not any(cell.strip() for cell in cells):
            result.empty_rows.append(row)
            continue
        if len(cells) < width or any(cell.strip() for cell in cells[width:]):
            error(
                row,
                min(len(cells), width) + 1,
                Problem(
                    "csv-row-length",
                    f"the row has {len(cells)} cells but the header has {width}",
                    "check the delimiter (--delimiter) and the quoting of cells",
                ),
            )
            continue
        # The respondent id
        id_col = roles.get("id")
        if id_col is None:
            respondent_id = f"{settings.id_prefix}-{next_number:03d}"
            next_number += 1
        else:
            respondent_id = cells[id_col].strip()
            if not respondent_id or len(respondent_id) > MAX_ID:
                error(
                    row,
                    id_col + 1,
                    Problem(
                        "bad-id",
                        "the respondent id is empty"
                        if not respondent_id
                        else f"the respondent id is longer than {MAX_ID} characters",
                        f"every row needs an id in column {table.header[id_col]!r}",
                    ),
                )
                continue
            if respondent_id in first_row:
                error(
                    row,
                    id_col + 1,
                    Problem(
                        "duplicate-respondent",
                        f"respondent id {respondent_id!r} is used twice",
                        f"first in row {first_row[respondent_id]}; ids must be unique",
                    ),
                )
            elif respondent_id in settings.existing_ids and not settings.replace:
                error(
                    row,
                    id_col + 1,
                    Problem(
                        "respondent-exists",
                        f"respondent {respondent_id!r} is already in {settings.target}",
                        "pass --replace to replace it, or import a different export",
                    ),
                )
            first_row.setdefault(respondent_id, row)
        # Group and weight
        group: Group = settings.default_group or "firm"
        group_given = settings.default_group is not None
        group_col = roles.get("group")
        if group_col is not None and cells[group_col].strip():
            parsed_group = parse_group(cells[group_col], survey_map.groups, group)
            if isinstance(parsed_group, Problem):
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
        # Answers
        answers: dict[str, int | None] = {}
        for column in columns:
            if column.kind != "indicator" or column.indicator is None:
                continue
            answer = parse_answer(cells[column.index], scale, labels)
            if isinstance(answer, Problem):
                error(
                    row,
                    column.number,
                    Problem(answer.code, f"{column.indicator}: {answer.message}", answer.hint),
                )
            else:
                answers[column.indicator] = answer
        result.respondents.append(Imported(respondent_id, group, weight, answers, row, group_given))
    for row in result.empty_rows:
        result.diagnostics.append(
            Diagnostic(path, row, 1, "warning", "empty-row", "the row is empty; it is skipped")
        )
    return result
