"""Write respondents as the table ``respondents_file`` names (and ``diamond export`` writes).

The header is ``id, group, weight``, then every indicator id in the framework's order;
an empty cell is no answer. Cells a spreadsheet would run as a formula get a leading
single quote (``diamond.survey.cells``), which the reader removes again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from diamond.survey.cells import TRIGGERS, escape

_FORMULA = frozenset((*TRIGGERS, "'"))  # a cell starting so may need ``escape``


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


_SPECIAL = (",", '"', "\n", "\r")  # what makes the csv writer quote a cell (tested)


def escaped_ids(ids: list[str]) -> list[str] | None:
    """The ids as the table shows them (``escape``); None when one needs quoting."""
    shown = [escape(i) if i[:1] in _FORMULA else i for i in ids]
    joined = "".join(shown)
    return None if any(c in joined for c in _SPECIAL) else shown


def cells_bytes(strings: list[str]) -> tuple[Any, Any]:
    """Strings as a padded byte array (one row each) and their lengths in bytes."""
    import numpy as np

    text = "\n".join(strings)
    joined = text.encode("utf-8")
    if len(joined) != len(text) or text.count("\n") != max(len(strings) - 1, 0):
        encoded = [s.encode("utf-8") for s in strings]  # not ASCII, or a line end inside
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        widest = int(lengths.max()) if len(encoded) else 0
        padded = np.array(encoded, dtype=f"S{max(widest, 1)}").view(np.uint8)
        return padded.reshape(len(encoded), max(widest, 1)), lengths
    # ASCII: each string's bytes are its characters, taken from the one encoded text.
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    widest = max(int(lengths.max()) if len(strings) else 0, 1)
    starts = np.cumsum(lengths + 1) - (lengths + 1)
    inside = np.arange(widest)[None, :] < lengths[:, None]
    padded = np.zeros((len(strings), widest), dtype=np.uint8)
    padded[inside] = np.frombuffer(joined, dtype=np.uint8).take(
        (starts[:, None] + np.arange(widest)[None, :])[inside])
    return padded, lengths


def table_csv_columns(
    ids: list[str],
    groups: tuple[Sequence[str], Any],
    weights: Any,
    answers: tuple[Any, Sequence[str]],
    indicators: Sequence[str],
) -> bytes | None:
    """What ``table_csv`` writes, made column by column with numpy; None when an id needs
    quoting (the ``csv`` writer then writes the table, row by row).

    ``groups`` is the group names and each row's code into them; ``weights`` a float
    array (NaN: none given); ``answers`` an integer array (rows x answered indicators, a
    value of -32767 or less being no answer) and the indicators of its columns.
    """
    import numpy as np

    shown_ids = escaped_ids(ids)
    if shown_ids is None:
        return None
    names, codes = groups
    values, answered = answers
    count = len(ids)
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(["id", "group", "weight", *indicators])
    top = head.getvalue().encode("utf-8")
    # Each column: a byte array per row (or per distinct value, with each row's code).
    weight_values: Any
    weight_codes: Any
    if np.isnan(weights).all():  # no weight column: one value
        weight_values, weight_codes = np.array([np.nan]), np.zeros(count, dtype=np.int8)
    else:
        weight_values, weight_codes = np.unique(weights, return_inverse=True)
    weight_shown = [_number(None if w != w else float(w)) for w in weight_values.tolist()]
    blank = (np.zeros((1, 1), dtype=np.uint8), np.zeros(1, dtype=np.int64))
    zeros = np.zeros(count, dtype=np.int8)
    columns: list[tuple[tuple[Any, Any], Any]] = [
        (cells_bytes(shown_ids), None),
        (cells_bytes(list(names)), np.asarray(codes)),
        (cells_bytes(weight_shown), _small(weight_codes.reshape(-1), len(weight_shown))),
    ]
    where = {indicator: n for n, indicator in enumerate(answered)}
    for indicator in indicators:
        if indicator not in where:
            columns.append((blank, zeros))
            continue
        points, inverse = _distinct(values[:, where[indicator]])
        shown = ["" if p <= -32767 else str(p) for p in points.tolist()]
        columns.append((cells_bytes(shown), _small(inverse.reshape(-1), len(shown))))
    line = np.full(count, len(columns), dtype=np.int64)
    for (_, size), code in columns:
        line += size if code is None else size[code]
    out = np.full(len(top) + int(line.sum()), ord(","), dtype=np.uint8)
    out[: len(top)] = np.frombuffer(top, dtype=np.uint8)
    at = np.cumsum(line) - line + len(top)
    del line
    for (padded, size), code in columns:
        length = size if code is None else size[code]
        width = padded.shape[1]
        if width == 1 and code is not None:
            fill = length > 0
            out[at[fill]] = padded[code[fill], 0]
        else:
            rows = padded if code is None else padded[code]
            inside = np.arange(width)[None, :] < length[:, None]
            out[(at[:, None] + np.arange(width)[None, :])[inside]] = rows[inside]
        at += length + 1
    if count:
        out[at - 1] = ord("\n")
    return out.tobytes()


def _distinct(column: Any) -> tuple[Any, Any]:
    """``np.unique(column, return_inverse=True)`` for small integers, by counting."""
    import numpy as np

    if not len(column):
        return np.unique(column, return_inverse=True)
    low = int(column.min())
    span = int(column.max()) - low + 1
    if span > 1 << 17:
        return np.unique(column, return_inverse=True)
    shifted = column.astype(np.int32) - low
    present = np.flatnonzero(np.bincount(shifted, minlength=span))
    table = np.zeros(span, dtype=np.int32)
    table[present] = np.arange(len(present), dtype=np.int32)
    return present + low, table[shifted]


def _small(codes: Any, count: int) -> Any:
    """``codes`` in the smallest integer type that holds ``count`` values."""
    import numpy as np

    return codes.astype(np.int8 if count <= 127 else np.int16 if count <= 32767 else np.int32)
