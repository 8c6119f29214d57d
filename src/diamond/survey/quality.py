"""Response quality and coverage, for the analyst's follow-up before the workshop.

Per respondent: **straight-lining** (at least ``MIN_STRAIGHT`` answers, all the same
point); a **very short completion time** (under ``MIN_SECONDS_PER_ANSWER`` seconds per
answer, where the export has start and end times); **answers unlike the group's**
(at least half of the answers ``FAR_SHARE`` of the scale's range or more from the
median of the respondent's group, in groups of more than ``MIN_PEERS``). Per
indicator and group: how many answered, so the groups to chase stand out.
These are flags to look at, not errors: nothing is changed or refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from diamond.i18n import _
from diamond.models.questionnaire import Questionnaire, Scale
from diamond.survey.batch import ABSENT, GROUP_NAMES, Imports
from diamond.survey.columns import Column
from diamond.survey.rows import Imported
from diamond.survey.table import Table
from diamond.survey.text import normalise
from diamond.survey.times import seconds_between

MIN_STRAIGHT = 5
MIN_SECONDS_PER_ANSWER = 2.0
FAR_SHARE = 0.4  # of the scale's range: 1.6 points on 1..5
MIN_PEERS = 2
GROUPS = ("firm", "university", "public", "ngo", "other")
_TIMES = (
    ("start", "end"),
    ("start time", "completion time"),
    ("başlangıç saati", "tamamlanma saati"),
    ("startdate", "submitdate"),
    ("date started", "date submitted"),
)


@dataclass
class Quality:
    """Flags per respondent and answer counts per indicator and group."""

    flags: dict[str, list[str]] = field(default_factory=dict)  # respondent id -> reasons
    answered: dict[str, dict[str, int]] = field(default_factory=dict)  # indicator -> group -> n
    respondents: dict[str, int] = field(default_factory=dict)  # group -> n
    timed: bool = False

    def thin(self, minimum: int = 3) -> list[str]:
        """Indicators answered by fewer than ``minimum`` respondents."""
        return [i for i, by in self.answered.items() if sum(by.values()) < minimum]

    def missing_groups(self) -> dict[str, list[str]]:
        """Group -> indicators none of the group's respondents answered (groups present)."""
        out: dict[str, list[str]] = {}
        for group in self.respondents:
            gaps = [i for i, by in self.answered.items() if not by.get(group)]
            if gaps:
                out[group] = gaps
        return out


def _time_columns(columns: Sequence[Column]) -> tuple[int, int] | None:
    by_name = {normalise(c.header.rsplit("/", 1)[-1]): c.index for c in columns}
    for start, end in _TIMES:
        if normalise(start) in by_name and normalise(end) in by_name:
            return by_name[normalise(start)], by_name[normalise(end)]
    return None


def import_quality(
    respondents: Sequence[Imported], table: Table, columns: Sequence[Column], scale: Scale
) -> Quality:
    """The quality flags and coverage of imported rows, with times from the export."""
    indicators = [c.indicator for c in columns if c.kind == "indicator" and c.indicator]
    times = _time_columns(columns)
    seconds: dict[int, float] | None = None
    if times is not None:
        cells = _time_cells(table, times)
        seconds = {}
        for row in _rows_of(respondents):
            pair = cells.get(row)
            taken = seconds_between(*pair) if pair else None
            if taken is not None:
                seconds[row] = taken
    if isinstance(respondents, Imports) and respondents.indicators == indicators:
        import numpy as np

        given = respondents.answers > ABSENT
        return _assess(respondents.answers, given, indicators, respondents.groups,
                       list(GROUP_NAMES), respondents.ids, respondents.rows, scale,
                       seconds, np.int32)
    return assess_quality(respondents, indicators, scale, seconds)


def _rows_of(respondents: Sequence[Imported]) -> list[int]:
    if isinstance(respondents, Imports):
        return [int(r) for r in respondents.rows.tolist()]
    return [r.row for r in respondents]


def _time_cells(table: Table, times: tuple[int, int]) -> dict[int, tuple[str, str]]:
    """Row -> (start, end) cells, for rows holding both columns."""
    if table.grid is not None and not table.grid.odd:
        grid = table.grid
        return dict(zip(grid.numbers.tolist(),
                        zip(grid.cells(times[0]), grid.cells(times[1]), strict=True),
                        strict=True))
    return {row: (cells[times[0]], cells[times[1]]) for row, cells in table.rows
            if len(cells) > max(times)}


def _sorted_medians(column: Any, answered: Any, codes: Any, order: list[int], far: float,
                    compared: Any, off: Any, wide: Any) -> None:
    """The medians of one column by sorting each group's answers (any range of values)."""
    import numpy as np

    for g in order:
        chosen = np.flatnonzero((codes == g) & answered)
        number = len(chosen)
        if number <= MIN_PEERS:
            continue
        ordered = np.sort(column[chosen])
        twice = int(ordered[(number - 1) // 2]) + int(ordered[number // 2])
        compared[chosen] += 1
        off[chosen] += np.abs(2 * column[chosen].astype(wide) - twice) >= 2 * far


def questionnaire_quality(questionnaire: Questionnaire, indicators: Sequence[str]) -> Quality:
    """The quality flags and coverage of a questionnaire's respondents (no times)."""
    rows = [
        Imported(r.id, r.group, r.weight, dict(r.answers), n)
        for n, r in enumerate(questionnaire.respondents, start=1)
    ]
    return assess_quality(rows, indicators, questionnaire.scale, None)


def assess_quality(
    respondents: Sequence[Imported],
    indicators: Sequence[str],
    scale: Scale,
    seconds: dict[int, float] | None,
) -> Quality:
    """Flags and coverage; ``seconds`` maps a row to its completion time, when known.

    Computed column by column with numpy (a survey of 100,000 rows takes a fraction of
    a second); medians are those of ``statistics.median``, the mean of the middle two
    for an even count.
    """
    import numpy as np

    known = set(indicators)
    columns = list(indicators)
    for r in respondents:
        if not r.answers.keys() <= known:  # answers to indicators not listed: kept last
            columns += [i for i in r.answers if i not in known]
            known.update(r.answers)
    values = np.array(
        [[np.nan if v is None else v for v in map(r.answers.get, columns)]
         for r in respondents], dtype=float
    ).reshape(len(respondents), len(columns))
    given = ~np.isnan(values)
    names = list(dict.fromkeys(r.group for r in respondents))
    codes = np.array([names.index(r.group) for r in respondents], dtype=np.int64)
    return _assess(np.where(given, values, 0).astype(np.int32), given, columns, codes, names,
                   [r.id for r in respondents], [r.row for r in respondents], scale, seconds,
                   np.int64, list(indicators))


def _assess(
    values: Any,
    given: Any,
    columns: list[str],
    codes: Any,
    names: Sequence[str],
    ids: Sequence[str],
    rows: Any,
    scale: Scale,
    seconds: dict[int, float] | None,
    wide: Any,
    indicators: list[str] | None = None,
) -> Quality:
    """The rules on an integer array of answers (``given`` where answered), respondent
    ``k`` being in group ``names[codes[k]]``."""
    import numpy as np

    quality = Quality()
    quality.answered = {i: {} for i in (columns if indicators is None else indicators)}
    quality.timed = seconds is not None
    far = FAR_SHARE * (scale.max - scale.min)
    size = len(ids)
    counts = np.zeros(size, dtype=np.int64)
    for j in range(len(columns)):
        counts += given[:, j]
    present = np.bincount(codes, minlength=len(names)) if size else np.zeros(len(names), int)
    order = sorted((g for g in range(len(names)) if present[g]),
                   key=lambda g: int(np.argmax(codes == g)))
    # Answers per column and group, counted column by column.
    by_group = np.array([np.bincount(codes[given[:, j]], minlength=len(names))
                         for j in range(len(columns))], dtype=np.int64).reshape(
                             len(columns), len(names))
    for g in order:
        quality.respondents[names[g]] = int(present[g])
        for k, i in enumerate(columns):
            if by_group[k, g]:
                quality.answered.setdefault(i, {})[names[g]] = int(by_group[k, g])
    top = np.iinfo(values.dtype).max
    low = np.full(size, top, dtype=values.dtype)
    high = np.full(size, -top, dtype=values.dtype)
    for j in range(len(columns)):
        np.minimum(low, np.where(given[:, j], values[:, j], top), out=low)
        np.maximum(high, np.where(given[:, j], values[:, j], -top), out=high)
    straight = (counts >= MIN_STRAIGHT) & (low == high)
    off = np.zeros(size, dtype=int)
    compared = np.zeros(size, dtype=int)
    peers = np.array([present[g] > MIN_PEERS for g in range(len(names))], dtype=bool)
    for j in range(len(columns) if peers.any() else 0):
        answered = given[:, j] & peers[codes]
        if not answered.any():
            continue
        column = values[:, j].astype(wide)
        chosen = column[answered]
        low_value = int(chosen.min())
        span = int(chosen.max()) - low_value + 1
        if span > 1 << 12:  # a wide scale: each group's answers sorted instead
            _sorted_medians(column, answered, codes, order, far, compared, off, wide)
            continue
        # Each group's answers counted by point; the two middle answers found from the
        # running counts give twice the median (mean of the middle two for an even count).
        hist = np.bincount(codes[answered].astype(np.int64) * span + (chosen - low_value),
                           minlength=len(names) * span).reshape(len(names), span)
        number = hist.sum(axis=1)
        running = hist.cumsum(axis=1)
        middle = np.argmax(running > ((number - 1) // 2)[:, None], axis=1)
        upper = np.argmax(running > (number // 2)[:, None], axis=1)
        twice = middle + upper + 2 * low_value
        usable = answered & (number > MIN_PEERS)[codes]
        compared += usable
        off += usable & (np.abs(2 * column - twice[codes]) >= 2 * far)
    unlike = (compared >= MIN_STRAIGHT) & (off * 2 >= compared)
    timed = np.zeros(size, dtype=bool)
    if seconds is not None:
        for n, row in enumerate(list(map(int, rows))):
            taken = seconds.get(row) if counts[n] else None
            timed[n] = taken is not None and 0 <= taken < MIN_SECONDS_PER_ANSWER * counts[n]
    for n in np.flatnonzero(straight | unlike | timed).tolist():
        reasons = []
        count = int(counts[n])
        if straight[n]:
            reasons.append(_("straight-lining: all {count} answers are {point}").format(
                count=count, point=int(low[n])))
        if timed[n]:
            assert seconds is not None
            reasons.append(_("completed in {seconds} s for {count} answers").format(
                seconds=f"{seconds[int(rows[n])]:.0f}", count=count))
        if unlike[n]:
            reasons.append(
                _("unlike the group: {off} of {count} answers are {far}+ points "
                  "from the {group} median").format(
                    off=int(off[n]), count=int(compared[n]), far=f"{far:g}",
                    group=names[int(codes[n])])
            )
        quality.flags[ids[n]] = reasons
    quality.respondents = {g: quality.respondents[g] for g in GROUPS if g in quality.respondents}
    return quality
