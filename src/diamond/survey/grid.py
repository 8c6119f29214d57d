"""A CSV export's rows column by column, read with numpy where the ``csv`` module is not needed.

A survey export of 100,000 rows holds millions of cells, most of them one of a handful
of answers. Reading it with ``csv.reader`` makes a list of cells per row; here, when no
cell can be quoted (the text holds no ``"``), the records are found on the UTF-8 bytes
instead: every line end and delimiter at once, then each column's cells as the offsets
between them. A column of short cells (an answer column) is read as small integer
codes into its distinct values without a Python string per cell; a column of long cells
(ids, times) is cut into strings only when asked for.

The records are exactly those ``csv.reader(io.StringIO(text, newline=""),
strict=False)`` gives for such a text (``\\r\\n``, ``\\r`` and ``\\n`` end a record; an
empty line is a record without cells); ``tests/unit/test_survey_grid.py`` compares the
two. Texts the shortcut does not cover (quotes, NUL, a line longer than the ``csv``
module's field limit, a delimiter that is not one ASCII character) return None and are
read with the ``csv`` module.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Any

from diamond.survey.cells import unescape

_SHORT = 2  # bytes: cells this short are coded from their bytes, without strings
_BLOCK = 1 << 20


def _small(count: int) -> Any:
    """The smallest integer type for codes into ``count`` values."""
    import numpy as np

    return np.int8 if count <= 127 else np.int16 if count <= 32767 else np.int32


def _unescaped(cells: list[str]) -> list[str]:
    return [unescape(c) if c[:1] == "'" else c for c in cells]


@dataclass
class Grid:
    """The data rows of the header's width, column by column, and the other rows as lists."""

    width: int
    numbers: Any  # numpy int64 array: each grid row's row number, ascending
    odd: list[tuple[int, list[str]]]  # rows with another number of cells, in order
    raw: bytes = b""  # the text, UTF-8
    ascii: bool = False  # the text is ASCII: a cell's bytes are its characters
    starts: Any = None  # numpy int64 array: where each grid row starts in ``raw``
    ends: Any = None  # ... and ends (before its line end)
    delimiters: Any = None  # numpy array (rows x width-1): the delimiters' offsets
    escaped: bool = False  # the text holds a single quote: cells may be formula-escaped
    delimiter: str = ","
    first_row: int = 1
    dropped: bool = False  # the first data row was left out (``drop_first``)
    _cells: dict[int, list[str]] = field(default_factory=dict)
    _coded: dict[int, tuple[Any, list[str]]] = field(default_factory=dict)
    _lead: tuple[Any, Any, Any] | None = None

    def __len__(self) -> int:
        return int(self.numbers.shape[0])

    def bounds(self, column: int) -> tuple[Any, Any]:
        """Start and end offsets of the column's cells in ``raw``."""
        if self.delimiters is None:  # trimmed: found again
            read = read_grid(self.raw, self.delimiter, self.first_row)
            assert read is not None
            self.delimiters = read[1].delimiters[1:] if self.dropped else read[1].delimiters
        start = self.starts if column == 0 else self.delimiters[:, column - 1] + 1
        end = self.ends if column == self.width - 1 else self.delimiters[:, column]
        return start, end

    def cells(self, column: int) -> list[str]:
        """The column's cells as strings (formula escapes undone, as ``read_table`` does)."""
        found = self._cells.get(column)
        if found is None:
            found = self._strings(*self.bounds(column))
            if self.escaped:
                found = _unescaped(found)
            self._cells[column] = found
        return found

    def strings(self, column: int) -> list[str]:
        """The column's cells as they are in the text (formula escapes kept)."""
        return self._strings(*self.bounds(column))

    def _strings(self, start: Any, end: Any) -> list[str]:
        """The cells between ``start`` and ``end``: copied side by side, a line end between
        two (no cell of a grid row holds one), decoded once and split."""
        import numpy as np

        count = len(start)
        if not count:
            return []
        kind: Any = np.int32 if len(self.raw) < 1 << 30 else np.int64
        # Each cell with the byte after it (a delimiter or line end), then that byte made
        # a line end: one index array.
        span: Any = (end - start).astype(kind) + 1
        source: Any = np.arange(int(span.sum()), dtype=kind)
        source += np.repeat((start - (np.cumsum(span) - span)).astype(kind), span)
        joined: Any = np.frombuffer(self.raw, dtype=np.uint8).take(source, mode="clip")
        del source
        joined[np.cumsum(span) - 1] = 10
        text: str = joined[:-1].tobytes().decode("ascii" if self.ascii else "utf-8")
        return text.split("\n")

    def coded(self, column: int) -> tuple[Any, list[str]]:
        """The column as codes (a numpy integer array, one per row) into its distinct cells."""
        found = self._coded.get(column)
        if found is not None:
            return found
        import numpy as np

        first, second, longest_of = self._leads()
        longest = int(longest_of[column]) if len(self) else 0
        if longest <= _SHORT:
            key = first[column]
            if longest == 2:
                key = key.astype(np.int32)
                key |= second[column].astype(np.int32) << 8
            present = np.flatnonzero(np.bincount(key, minlength=256 if longest < 2 else 1 << 16))
            table = np.zeros(256 if longest < 2 else 1 << 16, dtype=np.int32)
            table[present] = np.arange(len(present), dtype=np.int32)
            values = [bytes(b for b in (k & 255, k >> 8) if b).decode("utf-8")
                      for k in present.tolist()]
            if self.escaped:
                values = _unescaped(values)
            found = (table.astype(_small(len(values)))[key], values)
        elif longest <= 32 and not self.escaped:  # up to 32 bytes: numbers per cell
            start, end = self.bounds(column)
            found = self._packed(start, end - start, int((end - start).max()))
        else:
            cells = self.cells(column)
            values = sorted(set(cells))
            index = {v: n for n, v in enumerate(values)}
            codes = np.fromiter(map(index.__getitem__, cells), dtype=_small(len(values)),
                                count=len(cells))
            found = (codes, values)
        self._coded[column] = found
        return found

    def _leads(self) -> tuple[Any, Any, Any]:
        """Every cell's first two bytes (0 past its end) and each column's longest cell (up
        to 255 bytes), found a block of rows at a time, column by column."""
        if self._lead is not None:
            return self._lead
        import numpy as np

        count, width = len(self), self.width
        data = np.frombuffer(self.raw, dtype=np.uint8)
        first = np.empty((width, count), dtype=np.uint8)
        second = np.empty((width, count), dtype=np.uint8)
        longest = np.zeros(width, dtype=np.int64)
        self.bounds(0)  # the offsets, found again if trimmed
        for a in range(0, count, 1 << 13):
            part = self.delimiters[a : a + (1 << 13)]
            start = np.empty((len(part), width), dtype=np.int64)
            end = np.empty((len(part), width), dtype=np.int64)
            start[:, 0] = self.starts[a : a + len(part)]
            start[:, 1:] = part + 1
            end[:, :-1] = part
            end[:, -1] = self.ends[a : a + len(part)]
            end -= start  # the cells' lengths
            lead = data.take(start, mode="clip")
            lead[end == 0] = 0
            first[:, a : a + len(part)] = lead.T
            lead = data.take(start + 1, mode="clip")
            lead[end < 2] = 0
            second[:, a : a + len(part)] = lead.T
            np.maximum(longest, np.minimum(end.max(axis=0), 255), out=longest)
        self._lead = (first, second, longest)
        return self._lead

    def _packed(self, start: Any, length: Any, longest: int) -> tuple[Any, list[str]]:
        """Codes of cells up to 32 bytes long: each cell as up to four 8-byte numbers,
        the distinct cells found by sorting one number mixed from them (checked)."""
        import numpy as np

        data = np.frombuffer(self.raw, dtype=np.uint8)
        words = []
        for w in range(0, longest, 8):
            key = np.zeros(len(self), dtype=np.uint64)
            for n in range(w, min(w + 8, longest)):
                byte = data.take(start + n, mode="clip").astype(np.uint64)
                byte[length <= n] = 0
                key |= byte << np.uint64(8 * (n - w))
            words.append(key)
        mixed = words[0].copy()
        for key in words[1:]:
            mixed *= np.uint64(0x9E3779B97F4A7C15)
            mixed ^= key
        _, first, inverse = np.unique(mixed, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
        if len(words) > 1 and any(not np.array_equal(key[first][inverse], key) for key in words):
            cells = self._strings(start, start + length)
            values = sorted(set(cells))
            index = {v: n for n, v in enumerate(values)}
            return np.fromiter(map(index.__getitem__, cells), dtype=_small(len(values)),
                               count=len(cells)), values
        values = [b"".join(int(key[k]).to_bytes(8, "little") for key in words)
                  .rstrip(b"\0").decode("utf-8") for k in first.tolist()]
        return inverse.astype(_small(len(values))), values

    def row(self, k: int) -> list[str]:
        """Grid row ``k``'s cells."""
        line = self.raw[int(self.starts[k]) : int(self.ends[k])].decode("utf-8")
        cells = line.split(self.delimiter) if self.width > 1 else [line]
        return _unescaped(cells) if self.escaped else cells

    def rows(self) -> list[tuple[int, list[str]]]:
        """Every data row as (row number, cells), grid and odd rows merged in order."""
        columns = [self.cells(j) for j in range(self.width)]
        listed = [(n, list(cells)) for n, cells in
                  zip(self.numbers.tolist(), zip(*columns, strict=True), strict=True)]
        if len(self) and not columns:  # no columns: nothing to zip
            listed = [(n, []) for n in self.numbers.tolist()]
        if self.odd:
            listed = sorted(listed + self.odd, key=lambda item: item[0])
        return listed

    def drop_first(self) -> None:
        """Leave out the first data row (a HXL row), whether in the grid or odd."""
        if self.odd and (not len(self) or self.odd[0][0] < int(self.numbers[0])):
            del self.odd[0]
            return
        self.numbers = self.numbers[1:]
        self.starts, self.ends = self.starts[1:], self.ends[1:]
        self.delimiters = self.delimiters[1:]
        self.dropped = True
        self.trim()

    def release(self) -> None:
        """Let go of everything, the text included: the grid is not read again."""
        self.trim()
        self.raw = b""
        self.starts = self.ends = self.numbers = None
        self.odd = []

    def trim(self) -> None:
        """Let go of the offsets and of the cells read so far (found again when asked)."""
        self.delimiters = None
        self._lead = None
        self._cells.clear()
        self._coded.clear()


def _line_ends(data: Any, crlf: bool) -> tuple[Any, Any]:
    """Where each line ends (its terminator's first byte) and where the next one starts."""
    import numpy as np

    if not crlf:
        ends = _where(data, 10, np.int64)
        return ends, ends + 1
    cr = data == 13
    lf = data == 10
    lf[1:] &= ~cr[:-1]  # the \n of a \r\n belongs to the \r
    ends = np.flatnonzero(cr | lf)
    after = ends + 1
    pair = np.zeros(len(ends), dtype=bool)
    inside = ends + 1 < len(data)
    pair[inside] = cr[ends[inside]] & (data[ends[inside] + 1] == 10)
    after[pair] += 1
    return ends, after


def _where(data: Any, byte: int, kind: Any) -> Any:
    """Offsets of ``byte`` in ``data``, found block by block (bounded temporaries)."""
    import numpy as np

    blocks = range(0, len(data), _BLOCK)
    out = np.empty(sum(int(np.count_nonzero(data[a : a + _BLOCK] == byte)) for a in blocks),
                   dtype=kind)
    at = 0
    for a in blocks:
        found = np.flatnonzero(data[a : a + _BLOCK] == byte)
        out[at : at + len(found)] = found
        out[at : at + len(found)] += a
        at += len(found)
    return out


def read_grid(raw: bytes, delimiter: str, first_row: int) -> tuple[list[str], Grid] | None:
    """The header and the data rows of UTF-8 ``raw``, or None when it needs the ``csv``
    module."""
    if (
        b'"' in raw
        or b"\0" in raw
        or len(delimiter) != 1
        or not delimiter.isascii()
        or delimiter in "\r\n"
        or not raw
    ):
        return None
    import numpy as np

    kind = np.int32 if len(raw) < 1 << 31 else np.int64
    data = np.frombuffer(raw, dtype=np.uint8)
    ends, after = _line_ends(data, b"\r" in raw)
    starts = np.concatenate(([0], after))
    if len(ends) == 0 or int(after[-1]) < len(raw):  # a last line without a line end
        ends = np.concatenate((ends, [len(raw)]))
    else:
        starts = starts[:-1]
    lengths = ends - starts
    if int(lengths.max()) > csv.field_size_limit():
        return None
    positions = _where(data, ord(delimiter), kind)
    before = np.searchsorted(positions, ends.astype(kind))  # delimiters before each line end
    counts = np.diff(before, prepend=0)
    header = raw[int(starts[0]) : int(ends[0])].decode("utf-8")
    names = header.split(delimiter) if header else []
    width = len(names)
    regular = (counts == width - 1) & (lengths > 0)
    regular[0] = False
    escaped = b"'" in raw
    odd = []
    for k in np.flatnonzero(~regular[1:]).tolist():
        line = raw[int(starts[k + 1]) : int(ends[k + 1])].decode("utf-8")
        cells = line.split(delimiter) if line else []
        odd.append((first_row + k + 1, _unescaped(cells) if escaped else cells))
    chosen = np.flatnonzero(regular)
    grid = Grid(width, chosen + first_row, odd, raw, raw.isascii(), starts[chosen],
                ends[chosen], escaped=escaped, delimiter=delimiter, first_row=first_row)
    if len(chosen) != len(ends) - 1:  # only the regular rows' delimiters
        positions = positions[np.repeat(regular, counts)]
    else:  # every data row is regular: all but the header's
        positions = positions[width - 1 :]
    grid.delimiters = positions.reshape(len(chosen), max(width - 1, 0))
    return (_unescaped(names) if escaped else names), grid
