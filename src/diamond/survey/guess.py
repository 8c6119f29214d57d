"""Spot a stakeholder-group column the header rules missed, from the values it holds."""

from __future__ import annotations

from collections.abc import Sequence

from diamond.errors import Diagnostic
from diamond.i18n import _
from diamond.survey.columns import Column
from diamond.survey.table import Table
from diamond.survey.values import is_group_label

_MIN_SHARE = 0.5  # at least half of a column's distinct values are group labels


def _values(table: Table, index: int) -> set[str]:
    """The column's distinct non-blank cells, stripped (from every row long enough)."""
    if table.grid is not None:  # each distinct cell once, without a list per row
        found = {v.strip() for v in table.grid.coded(index)[1]}
        found |= {cells[index].strip() for _, cells in table.grid.odd if index < len(cells)}
        return found - {""}
    return {cells[index].strip() for _, cells in table.rows
            if index < len(cells) and cells[index].strip()}


def likely_group_columns(table: Table, columns: Sequence[Column]) -> list[Diagnostic]:
    """An error for each unused column whose values look like stakeholder groups.

    Without a group column every row would silently count as a firm; the analyst is
    asked to name the column (``--group-column``) or to confirm one group (``--group``).
    """
    found = []
    for column in columns:
        if column.kind != "unmapped" or not column.header:
            continue
        values = _values(table, column.index)
        if not values or len(values) > 20:
            continue
        known = sorted(v for v in values if is_group_label(v))
        if known and len(known) / len(values) >= _MIN_SHARE:
            found.append(
                Diagnostic(
                    table.path,
                    table.header_row,
                    column.number,
                    "error",
                    "group-column-likely",
                    _("no stakeholder-group column was found, but column {column} holds "
                      "group labels ({labels}); every row would count as a firm").format(
                        column=repr(column.header), labels=", ".join(map(repr, known[:5]))),
                    _("pass --group-column {column}, or --group firm if every "
                      "respondent really is in one group").format(column=repr(column.header)),
                )
            )
    return found
