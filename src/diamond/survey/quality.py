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

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

from diamond.i18n import _
from diamond.models.questionnaire import Questionnaire, Scale
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
        cells = dict(table.rows)
        seconds = {}
        for r in respondents:
            row = cells.get(r.row)
            taken = seconds_between(row[times[0]], row[times[1]]) if row else None
            if taken is not None:
                seconds[r.row] = taken
    return assess_quality(respondents, indicators, scale, seconds)


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

    quality = Quality()
    quality.answered = {i: {} for i in indicators}
    quality.timed = seconds is not None
    far = FAR_SHARE * (scale.max - scale.min)
    known = set(indicators)
    columns = list(indicators)
    for r in respondents:
        if not r.answers.keys() <= known:  # answers to indicators not listed: kept last
            columns += [i for i in r.answers if i not in known]
            known.update(r.answers)
    values = np.array(
        [list(map(r.answers.get, columns)) for r in respondents], dtype=float
    ).reshape(len(respondents), len(columns))
    given = ~np.isnan(values)
    counts = given.sum(axis=1)
    groups = [r.group for r in respondents]
    order = list(dict.fromkeys(groups))
    members = {g: np.array([x == g for x in groups], dtype=bool) for g in order}
    for g in order:
        quality.respondents[g] = int(members[g].sum())
        answered = given[members[g]].sum(axis=0)
        for k, i in enumerate(columns):
            if answered[k]:
                quality.answered.setdefault(i, {})[g] = int(answered[k])
    with np.errstate(all="ignore"):
        low = np.where(given, values, np.inf).min(axis=1) if columns else counts * 0.0
        high = np.where(given, values, -np.inf).max(axis=1) if columns else counts * 0.0
    straight = (counts >= MIN_STRAIGHT) & (low == high)
    off = np.zeros(len(respondents), dtype=int)
    compared = np.zeros(len(respondents), dtype=int)
    for g in order:
        rows = members[g]
        if quality.respondents[g] <= MIN_PEERS:
            continue
        block = values[rows]
        enough = given[rows].sum(axis=0) > MIN_PEERS
        if not enough.any():
            continue
        with warnings.catch_warnings():  # columns nobody in the group answered
            warnings.simplefilter("ignore", RuntimeWarning)
            medians = np.where(enough, np.nanmedian(block, axis=0), np.nan)
        usable = given[rows] & ~np.isnan(medians)
        compared[rows] = usable.sum(axis=1)
        off[rows] = (usable & (np.abs(block - medians) >= far)).sum(axis=1)
    unlike = (compared >= MIN_STRAIGHT) & (off * 2 >= compared)
    timed = np.zeros(len(respondents), dtype=bool)
    if seconds is not None:
        for n, r in enumerate(respondents):
            taken = seconds.get(r.row) if counts[n] else None
            timed[n] = taken is not None and 0 <= taken < MIN_SECONDS_PER_ANSWER * counts[n]
    for n in np.flatnonzero(straight | unlike | timed).tolist():
        r = respondents[n]
        reasons = []
        count = int(counts[n])
        if straight[n]:
            reasons.append(_("straight-lining: all {count} answers are {point}").format(
                count=count, point=int(low[n])))
        if timed[n]:
            assert seconds is not None
            reasons.append(_("completed in {seconds} s for {count} answers").format(
                seconds=f"{seconds[r.row]:.0f}", count=count))
        if unlike[n]:
            reasons.append(
                _("unlike the group: {off} of {count} answers are {far}+ points "
                  "from the {group} median").format(
                    off=int(off[n]), count=int(compared[n]), far=f"{far:g}", group=r.group)
            )
        quality.flags[r.id] = reasons
    quality.respondents = {g: quality.respondents[g] for g in GROUPS if g in quality.respondents}
    return quality
