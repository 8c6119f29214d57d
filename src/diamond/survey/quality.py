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

import statistics
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


def _medians(respondents: Sequence[Imported]) -> dict[str, dict[str, float]]:
    """Group -> indicator -> median answer, for groups of more than ``MIN_PEERS``."""
    values: dict[str, dict[str, list[int]]] = {}
    sizes: dict[str, int] = {}
    for r in respondents:
        sizes[r.group] = sizes.get(r.group, 0) + 1
        for i, v in r.answers.items():
            if v is not None:
                values.setdefault(r.group, {}).setdefault(i, []).append(v)
    return {
        g: {i: statistics.median(vs) for i, vs in by.items() if len(vs) > MIN_PEERS}
        for g, by in values.items()
        if sizes[g] > MIN_PEERS
    }


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
    """Flags and coverage; ``seconds`` maps a row to its completion time, when known."""
    quality = Quality()
    quality.answered = {i: {} for i in indicators}
    quality.timed = seconds is not None
    far = FAR_SHARE * (scale.max - scale.min)
    group_medians = _medians(respondents)
    for r in respondents:
        quality.respondents[r.group] = quality.respondents.get(r.group, 0) + 1
        given = {i: v for i, v in r.answers.items() if v is not None}
        for i in given:
            by = quality.answered.setdefault(i, {})
            by[r.group] = by.get(r.group, 0) + 1
        reasons = []
        if len(given) >= MIN_STRAIGHT and len(set(given.values())) == 1:
            point = next(iter(given.values()))
            reasons.append(_("straight-lining: all {count} answers are {point}").format(
                count=len(given), point=point))
        taken = seconds.get(r.row) if seconds is not None and given else None
        if taken is not None and 0 <= taken < MIN_SECONDS_PER_ANSWER * len(given):
            reasons.append(_("completed in {seconds} s for {count} answers").format(
                seconds=f"{taken:.0f}", count=len(given)))
        medians = group_medians.get(r.group, {})
        if medians and given:
            compared = [i for i in given if i in medians]
            off = sum(1 for i in compared if abs(given[i] - medians[i]) >= far)
            if len(compared) >= MIN_STRAIGHT and off / len(compared) >= 0.5:
                reasons.append(
                    _("unlike the group: {off} of {count} answers are {far}+ points "
                      "from the {group} median").format(
                        off=off, count=len(compared), far=f"{far:g}", group=r.group)
                )
        if reasons:
            quality.flags[r.id] = reasons
    quality.respondents = {g: quality.respondents[g] for g in GROUPS if g in quality.respondents}
    return quality
