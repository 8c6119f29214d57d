"""Answers counted once: each indicator's ``(answer, respondent weight)`` pairs, per
stakeholder group. Exact scores are built from these counts (``engine``), which hold at
most a few distinct answers each however many respondents there are."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Group, Respondent

#: indicator id → ``(answer, respondent weight)`` → how many respondents gave it.
Counted = dict[str, Counter[tuple[int, float]]]


def collect(
    respondents: Iterable[Respondent], catalogue: Catalogue
) -> dict[str, list[tuple[int, float]]]:
    """Every indicator's ``(answer, weight)`` pairs, leaving out nulls and unknown ids."""
    answers: dict[str, list[tuple[int, float]]] = {i: [] for i in catalogue.indicators}
    for respondent in respondents:
        for indicator_id, value in respondent.answers.items():
            if value is not None and indicator_id in answers:
                answers[indicator_id].append((value, respondent.weight))
    return answers


def count_by_group(
    respondents: Iterable[Respondent], catalogue: Catalogue
) -> dict[Group, Counted]:
    """``Counted`` answers of each stakeholder group present, in one pass over the answers.

    Nulls and unknown indicator ids are left out, as ``collect`` does; a group whose
    respondents answered nothing is present with empty counts.
    """
    known = catalogue.indicators
    found: dict[Group, Counter[tuple[str, int, float]]] = {}
    for respondent in respondents:
        group = found.get(respondent.group)
        if group is None:
            group = found[respondent.group] = Counter()
        weight = respondent.weight
        group.update((i, v, weight) for i, v in respondent.answers.items()
                     if v is not None and i in known)
    out: dict[Group, Counted] = {}
    for group_id, pairs in found.items():
        counted: Counted = {i: Counter() for i in known}
        for (indicator_id, value, weight), count in pairs.items():
            counted[indicator_id][value, weight] = count
        out[group_id] = counted
    return out


def merged(parts: Iterable[Counted], catalogue: Catalogue) -> Counted:
    """One ``Counted`` adding up ``parts`` (the groups' counts make the whole's)."""
    total: Counted = {i: Counter() for i in catalogue.indicators}
    for part in parts:
        for indicator_id, counts in part.items():
            total[indicator_id].update(counts)
    return total
