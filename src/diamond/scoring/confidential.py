"""The confidentiality rule, one definition for every output format.

A stakeholder group with fewer respondents than ``report.min_group_size`` (default 3)
would reveal a person's answers, so no output shows it on its own: the reports merge it
into one "other groups" count with a note, and the JSON result keeps its respondent
count but not its scores.
"""

from __future__ import annotations

from diamond.models.questionnaire import Group
from diamond.scoring.result import Assessment

__all__ = ["DEFAULT_MIN_GROUP", "confidential_groups", "min_group_size", "shown_spread"]

DEFAULT_MIN_GROUP = 3


def min_group_size(a: Assessment) -> int:
    """The smallest group shown on its own."""
    return a.report.min_group_size if a.report is not None else DEFAULT_MIN_GROUP


def confidential_groups(a: Assessment) -> set[Group]:
    """Ids of the stakeholder groups too small to show on their own."""
    threshold = min_group_size(a)
    return {g for g, n in a.respondents_by_group.items() if 0 < n < threshold}


def shown_spread(a: Assessment, dimension: str) -> float | None:
    """The largest gap between the groups shown (never one of a confidential group)."""
    hidden = confidential_groups(a)
    if not hidden:
        return a.group_spread.get(dimension)
    scores = [s for g in a.groups if g.id not in hidden
              if (s := g.dimensions.get(dimension)) is not None]
    return max(scores) - min(scores) if len(scores) >= 2 else None
