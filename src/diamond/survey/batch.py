"""Imported respondents kept column by column, and the rows of a ``Grid`` read into them.

``read_rows`` reads one row at a time and makes an ``Imported`` (with a dict of answers)
per respondent; for 100,000 rows that is most of an import's time and memory. When the
table was read column by column (``diamond.survey.grid``), ``read_grid_rows`` does the
same work per column instead: each column's distinct cells are read once and every cell
becomes a small integer, so the answers are one numpy array. Every finding is the one
``read_rows`` makes, at the same row and column (``tests/unit/test_survey_batch.py``
compares the two on random exports). ``Imports`` is the sequence of respondents it gives:
an ``Imported`` is built only when one is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diamond.errors import Diagnostic
from diamond.i18n import _
from diamond.lazyseq import Built
from diamond.models.questionnaire import Group, Scale
from diamond.survey.columns import Column, Role
from diamond.survey.mapfile import SurveyMap
from diamond.survey.rows import MAX_ID, Imported, RowResult, RowSettings, row_id
from diamond.survey.table import Table
from diamond.survey.unknown import UnknownLabels
from diamond.survey.values import Problem, label_values, parse_answer, parse_group, parse_weight

GROUP_NAMES: tuple[Group, ...] = ("firm", "university", "public", "ngo", "other")
MISSING = -32768  # no answer
ABSENT = -32767  # a cell that could not be read: left out of the answers


class Imports(Built[Imported]):
    """Respondents as columns: ids, group codes, weights and an answers array."""

    def __init__(self, ids: list[str], groups: Any, given: Any, weights: Any, answers: Any,
                 indicators: list[str], rows: Any) -> None:
        self.ids = ids
        self.groups = groups  # numpy int8: index into GROUP_NAMES
        self.given = given  # numpy bool: the group came from the file or --group
        self.weights = weights  # numpy float64: NaN where none was given
        self.answers = answers  # numpy int16 (respondents x indicators), MISSING, ABSENT
        self.indicators = indicators
        self.rows = rows  # numpy int64: the CSV row of each respondent

    def __len__(self) -> int:
        return len(self.ids)

    def _item(self, k: int) -> Imported:
        weight = float(self.weights[k])
        answers = {i: None if v == MISSING else v
                   for i, v in zip(self.indicators, self.answers[k].tolist(), strict=True)
                   if v != ABSENT}
        return Imported(self.ids[k], GROUP_NAMES[int(self.groups[k])],
                        None if weight != weight else weight, answers,
                        int(self.rows[k]), bool(self.given[k]))

    @classmethod
    def of(cls, items: Sequence[Any]) -> Imports:
        """Respondents (``Imported`` or ``Respondent``) as arrays; answers outside -1000..1000
        do not occur (the scale's bounds)."""
        import numpy as np

        indicators = list(dict.fromkeys(i for r in items for i in r.answers))
        answers = np.array(
            [[MISSING if v is None else v for v in map(r.answers.get, indicators)]
             for r in items], dtype=np.int16).reshape(len(items), len(indicators))
        for k, r in enumerate(items):  # answers left out (cells that could not be read)
            if len(r.answers) != len(indicators):
                answers[k, [n for n, i in enumerate(indicators) if i not in r.answers]] = ABSENT
        return cls([r.id for r in items],
                   np.array([GROUP_NAMES.index(r.group) for r in items], dtype=np.int8),
                   np.array([getattr(r, "group_given", True) for r in items], dtype=bool),
                   np.array([np.nan if r.weight is None else r.weight for r in items],
                            dtype=float),
                   answers, indicators,
                   np.array([getattr(r, "row", 0) for r in items], dtype=np.int64))

    def take(self, chosen: Any) -> Imports:
        """The respondents at the positions ``chosen`` (numpy indices), in that order."""
        return Imports([self.ids[k] for k in chosen.tolist()], self.groups[chosen],
                       self.given[chosen], self.weights[chosen], self.answers[chosen],
                       self.indicators, self.rows[chosen])

    def group_counts(self) -> dict[str, int]:
        """Respondents per group (groups with none left out)."""
        import numpy as np

        counts = np.bincount(self.groups, minlength=len(GROUP_NAMES)).tolist()
        return {g: n for g, n in zip(GROUP_NAMES, counts, strict=True) if n}


def _blank(values: list[str]) -> Any:
    import numpy as np

    return np.array([not v.strip() for v in values], dtype=bool)


def read_grid_rows(
    table: Table,
    columns: Sequence[Column],
    roles: dict[Role, int | None],
    scale: Scale,
    survey_map: SurveyMap,
    settings: RowSettings,
) -> RowResult | None:
    """What ``read_rows`` gives, column by column; None when the table has no grid (or a
    longer row with blank cells past the header, which only ``read_rows`` reads)."""
    grid = table.grid
    if grid is None:
        return None
    import numpy as np

    width = len(table.header)
    path = table.path
    result = RowResult()
    errors: list[Diagnostic] = []

    def error(row: int, column: int, problem: Problem) -> None:
        errors.append(
            Diagnostic(path, row, column, "error", problem.code, problem.message, problem.hint)
        )

    for row, cells in grid.odd:
        if not "".join(cells).strip():
            result.empty_rows.append(row)
        elif len(cells) < width or "".join(cells[width:]).strip():
            error(row, min(len(cells), width) + 1, Problem(
                "csv-row-length",
                _("the row has {cells} cells but the header has {width}").format(
                    cells=len(cells), width=width),
                _("check the delimiter (--delimiter) and the quoting of cells")))
        else:
            return None
    indicator_columns = [(c.index, c.number, c.header, c.indicator) for c in columns
                         if c.kind == "indicator" and c.indicator is not None]
    count = len(grid)
    numbers = grid.numbers
    # Empty rows: those whose answer and group cells are all blank, checked whole.
    candidate = np.ones(count, dtype=bool)
    group_col = roles.get("group")
    blank_checked = [c[0] for c in indicator_columns]
    for index in [*blank_checked, *([group_col] if group_col is not None else [])]:
        codes, values = grid.coded(index)
        candidate &= _blank(values)[codes]
    empty = [k for k in np.flatnonzero(candidate).tolist() if not "".join(grid.row(k)).strip()]
    result.empty_rows = sorted(result.empty_rows + numbers[empty].tolist())
    keep = np.ones(count, dtype=bool)
    keep[empty] = False
    # The respondent id
    id_col = roles.get("id")
    present: list[tuple[int, int, str]] = []
    kept = np.flatnonzero(keep)
    checking = settings.existing_ids and not settings.replace
    if id_col is not None:
        cells = grid.cells(id_col)
        ids = [cells[k].strip() for k in kept.tolist()] if len(kept) < count else [
            c.strip() for c in cells]
        if "" in ids or max(map(len, ids), default=0) > MAX_ID:
            good = [k for k, rid in enumerate(ids) if rid and len(rid) <= MAX_ID]
            for k, rid in enumerate(ids):
                if not rid or len(rid) > MAX_ID:
                    error(int(numbers[kept[k]]), id_col + 1, Problem(
                        "bad-id",
                        _("the respondent id is empty") if not rid
                        else _("the respondent id is longer than {limit} characters").format(
                            limit=MAX_ID),
                        _("every row needs an id in column {column}").format(
                            column=repr(table.header[id_col]))))
            kept = kept[good]
            ids = [ids[k] for k in good]
        rows = numbers[kept].tolist()
        repeated = len(set(ids)) != len(ids)
        if repeated:
            first_row: dict[str, int] = {}
            for row, rid in zip(rows, ids, strict=True):
                first = first_row.setdefault(rid, row)
                if first != row:
                    error(row, id_col + 1, Problem(
                        "duplicate-respondent",
                        _("respondent id {id} is used twice").format(id=repr(rid)),
                        _("first in row {row}; ids must be unique").format(row=first)))
                elif checking and rid in settings.existing_ids:
                    present.append((row, id_col + 1, rid))
        elif checking and not settings.existing_ids.isdisjoint(ids):
            present = [(row, id_col + 1, rid) for row, rid in zip(rows, ids, strict=True)
                       if rid in settings.existing_ids]
    else:
        rows = numbers[kept].tolist()
        whole = list(zip(*(grid.cells(j) for j in range(width)), strict=True))
        digests: dict[str, int] = {}
        ids = []
        for k in kept.tolist():
            key = "\x1f".join(whole[k])
            ids.append(row_id(settings.id_prefix, whole[k], digests.get(key, 0)))
            digests[key] = digests.get(key, 0) + 1
        if checking:
            present = [(row, 1, rid) for row, rid in zip(rows, ids, strict=True)
                       if rid in settings.existing_ids]
    size = len(kept)
    # Group and weight
    default: Group = settings.default_group or "firm"
    groups = np.full(size, GROUP_NAMES.index(default), dtype=np.int8)
    given = np.full(size, settings.default_group is not None, dtype=bool)
    unknown_groups = UnknownLabels("groups")
    if group_col is not None:
        codes, values = grid.coded(group_col)
        codes = codes[kept]
        parsed = [parse_group(v, survey_map.groups, default) if v.strip() else None
                  for v in values]
        fine = [isinstance(p, str) for p in parsed]
        named = np.array([GROUP_NAMES.index(p) if isinstance(p, str) else 0 for p in parsed],
                         dtype=np.int8)
        chosen = np.array(fine, dtype=bool)[codes]
        groups[chosen] = named[codes[chosen]]
        given |= chosen
        if not all(fine[n] or parsed[n] is None for n in range(len(values))):
            wrong = np.array([isinstance(p, Problem) for p in parsed], dtype=bool)
            for k in np.flatnonzero(wrong[codes]).tolist():
                raw = values[codes[k]]
                problem = parsed[codes[k]]
                assert isinstance(problem, Problem)
                if problem.code == "unknown-group":
                    unknown_groups.add(raw, rows[k], group_col + 1, table.header[group_col])
                else:
                    error(rows[k], group_col + 1, problem)
    weights = np.full(size, np.nan)
    weight_col = roles.get("weight")
    if weight_col is not None:
        codes, values = grid.coded(weight_col)
        codes = codes[kept]
        read = [parse_weight(v) for v in values]
        weights = np.array([w if isinstance(w, float) else np.nan for w in read])[codes]
        wrong = np.array([isinstance(w, Problem) for w in read], dtype=bool)
        for k in np.flatnonzero(wrong[codes]).tolist():
            problem = read[codes[k]]
            assert isinstance(problem, Problem)
            error(rows[k], weight_col + 1, problem)
    # Answers, column by column: each distinct cell of a column is read once.
    labels = label_values(scale, survey_map.labels)
    answers = np.empty((size, len(indicator_columns)), dtype=np.int16, order="F")
    unknown: list[tuple[int, int, str, str]] = []
    for n, (index, number, header, indicator) in enumerate(indicator_columns):
        codes, values = grid.coded(index)
        codes = codes[kept]
        read_answers = [parse_answer(v, scale, labels) for v in values]
        points = [MISSING if a is None else ABSENT if isinstance(a, Problem) else a
                  for a in read_answers]
        answers[:, n] = np.array(points, dtype=np.int16)[codes]
        wrong = np.array([isinstance(a, Problem) for a in read_answers], dtype=bool)
        for k in np.flatnonzero(wrong[codes]).tolist() if wrong.any() else ():
            problem = read_answers[codes[k]]
            assert isinstance(problem, Problem)
            if problem.code == "answer-unreadable":
                unknown.append((rows[k], number, values[codes[k]], header))
            else:
                error(rows[k], number, Problem(problem.code, f"{indicator}: {problem.message}",
                                               problem.hint))
    unknown_labels = UnknownLabels("labels")
    for row, number, raw, header in sorted(unknown, key=lambda u: (u[0], u[1])):
        unknown_labels.add(raw, row, number, header)
    result.diagnostics = errors
    result.respondents = Imports(ids, groups, given, weights, answers,
                                 [c[3] for c in indicator_columns], numbers[kept])
    _finish(result, unknown_groups, unknown_labels, present, path, settings)
    return result


def _finish(result: RowResult, unknown_groups: UnknownLabels, unknown_labels: UnknownLabels,
            present: list[tuple[int, int, str]], path: str, settings: RowSettings) -> None:
    """The findings made once all rows are read, as ``read_rows`` ends."""
    result.diagnostics += unknown_groups.diagnostics(path) + unknown_labels.diagnostics(path)
    if present:
        first_at, first_column, first = present[0]
        exists = (_("respondent {id} and {more} more row(s) already in {target}; was this "
                    "export imported before?") if len(present) > 1
                  else _("respondent {id} already in {target}; was this export imported before?"))
        result.diagnostics.append(Diagnostic(
            path, first_at, first_column, "error", "respondent-exists",
            exists.format(id=repr(first), more=len(present) - 1, target=settings.target),
            _("pass --replace to replace them, or import only the new rows")))
    for row in result.empty_rows:
        result.diagnostics.append(
            Diagnostic(path, row, 1, "warning", "empty-row", _("the row is empty; it is skipped"))
        )
