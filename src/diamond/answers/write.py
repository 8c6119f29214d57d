"""Write respondents as the table ``respondents_file`` names (and ``diamond export`` writes).

The header is ``id, group, weight``, then every indicator id in the framework's order;
an empty cell is no answer. Cells a spreadsheet would run as a formula get a leading
single quote (``diamond.survey.cells``), which the reader removes again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from diamond.survey.cells import escape


class Row(Protocol):
    """What a table row needs: a respondent as read (``Respondent``) or imported."""

    @property
    def id(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def weight(self) -> float | None: ...
    @property
    def answers(self) -> Mapping[str, int | None]: ...


def _number(value: float | None) -> str:
    if value is None:
        return "1"
    return str(int(value)) if value == int(value) else repr(value)


def table_csv(respondents: Iterable[Row], indicators: Sequence[str]) -> bytes:
    """The respondents as UTF-8 CSV with ``\\n`` line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    careful = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "group", "weight", *indicators])
    shown: dict[int | None, str] = {n: str(n) for n in range(-1000, 1001)}  # the scale's range
    shown[None] = ""
    for r in respondents:
        cells = [escape(r.id), r.group, _number(r.weight)]
        cells += map(shown.__getitem__, map(r.answers.get, indicators))
        # csv quotes a cell holding the line terminator but not a lone "\r"
        (careful if "\r" in cells[0] else writer).writerow(cells)
    return out.getvalue().encode("utf-8")
