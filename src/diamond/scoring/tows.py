"""TOWS prompts: pairings of a weak dimension's SWOT items (SO, WO, ST, WT).

A kind is paired within the dimension first. When the dimension's own items do not
serve (no pair of that kind among them), its own items of either quadrant are paired
with the other quadrant's items from anywhere else (other dimensions, unclassified),
since opportunities and threats are often external and classified elsewhere. Such
pairs are marked ``across``; every list is ranked by importance.
"""

from __future__ import annotations

from diamond.models.questionnaire import QUADRANTS, Quadrant
from diamond.scoring.bands import NEEDS_ACTION
from diamond.scoring.result import (
    DimensionResult,
    SwotEntry,
    SwotResult,
    TowsKind,
    TowsPair,
    TowsPrompt,
)

#: Each TOWS kind and the quadrants it pairs.
KINDS: tuple[tuple[TowsKind, Quadrant, Quadrant], ...] = (
    ("SO", "strengths", "opportunities"),
    ("WO", "weaknesses", "opportunities"),
    ("ST", "strengths", "threats"),
    ("WT", "weaknesses", "threats"),
)

#: At most this many pairs of each kind per dimension.
MAX_PAIRS = 6


def by_score(dimensions: tuple[DimensionResult, ...]) -> list[DimensionResult]:
    """Scored dimensions, weakest first; ties keep framework order."""
    scored = [d for d in dimensions if d.score is not None]
    return sorted(scored, key=lambda d: d.score if d.score is not None else 0.0)


def weakest_dimensions(dimensions: tuple[DimensionResult, ...]) -> list[DimensionResult]:
    """Dimensions banded weak or moderate, weakest first; if none, the single weakest."""
    ordered = by_score(dimensions)
    needing = [d for d in ordered if d.band in NEEDS_ACTION]
    return needing if needing else ordered[:1]


Candidates = list[tuple[SwotEntry, SwotEntry]]
#: A dimension's (or everything else's) SWOT items by quadrant, each in the items' order.
ByQuadrant = dict[Quadrant, list[SwotEntry]]


def _across(own: ByQuadrant, other: ByQuadrant, left: Quadrant, right: Quadrant
            ) -> Candidates:
    """Pairs of one own item and one item from elsewhere, as (first, second), unranked."""
    return ([(a, b) for a in own[left] for b in other[right]]
            + [(a, b) for a in other[left] for b in own[right]])


def _ranked(candidates: Candidates) -> Candidates:
    """Importance sum descending, then file order (a stable sort: ties keep their order)."""
    return sorted(candidates, key=lambda p: (-(p[0].importance + p[1].importance),
                                             p[0].position, p[1].position))


def prompt(dimension: DimensionResult, swot: SwotResult) -> TowsPrompt:
    """The SO, WO, ST and WT pairings of the items classified under ``dimension``
    (within it, else ``_across``; a pair is made only for the ``MAX_PAIRS`` kept)."""
    own: ByQuadrant = {q: [] for q in QUADRANTS}
    other: ByQuadrant = {q: [] for q in QUADRANTS}
    for item in swot.items:
        (own if item.dimension == dimension.id else other)[item.quadrant].append(item)
    chosen: dict[TowsKind, tuple[TowsPair, ...]] = {}
    available: dict[TowsKind, int] = {}
    for kind, left, right in KINDS:
        every = _ranked([(a, b) for a in own[left] for b in own[right]])
        outside = not every
        if outside:
            every = _ranked(_across(own, other, left, right))
        chosen[kind] = tuple(TowsPair(a, b, across=outside) for a, b in every[:MAX_PAIRS])
        available[kind] = len(every)
    return TowsPrompt(dimension=dimension, pairs=chosen, available=available)


def prompts(dimensions: tuple[DimensionResult, ...], swot: SwotResult) -> tuple[TowsPrompt, ...]:
    """TOWS prompts for the weakest dimensions (see ``weakest_dimensions``)."""
    return tuple(prompt(d, swot) for d in weakest_dimensions(dimensions))
