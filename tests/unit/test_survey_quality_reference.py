"""The numpy response-quality flags agree with a plain per-respondent reading of the rules.

``assess_quality`` computes column by column with numpy (issue #16: a 100,000-row import);
the reference below is the rule as ``diamond.survey.quality`` states it, one respondent
at a time with ``statistics.median``.
"""

from __future__ import annotations

import random
import statistics

import pytest

from diamond.models.questionnaire import Scale
from diamond.survey.quality import (
    FAR_SHARE,
    MIN_PEERS,
    MIN_SECONDS_PER_ANSWER,
    MIN_STRAIGHT,
    assess_quality,
)
from diamond.survey.rows import Imported


def reference(rows: list[Imported], scale: Scale, seconds: dict[int, float] | None
              ) -> dict[str, list[str]]:
    far = FAR_SHARE * (scale.max - scale.min)
    values: dict[str, dict[str, list[int]]] = {}
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[r.group] = sizes.get(r.group, 0) + 1
        for i, v in r.answers.items():
            if v is not None:
                values.setdefault(r.group, {}).setdefault(i, []).append(v)
    medians = {g: {i: statistics.median(vs) for i, vs in by.items() if len(vs) > MIN_PEERS}
               for g, by in values.items() if sizes[g] > MIN_PEERS}
    flags: dict[str, list[str]] = {}
    for r in rows:
        given = {i: v for i, v in r.answers.items() if v is not None}
        reasons = []
        if len(given) >= MIN_STRAIGHT and len(set(given.values())) == 1:
            reasons.append(f"straight-lining: all {len(given)} answers are "
                           f"{next(iter(given.values()))}")
        taken = seconds.get(r.row) if seconds is not None and given else None
        if taken is not None and 0 <= taken < MIN_SECONDS_PER_ANSWER * len(given):
            reasons.append(f"completed in {taken:.0f} s for {len(given)} answers")
        group = medians.get(r.group, {})
        compared = [i for i in given if i in group]
        off = sum(1 for i in compared if abs(given[i] - group[i]) >= far)
        if group and given and len(compared) >= MIN_STRAIGHT and off / len(compared) >= 0.5:
            reasons.append(f"unlike the group: {off} of {len(compared)} answers are {far:g}+ "
                           f"points from the {r.group} median")
        if reasons:
            flags[r.id] = reasons
    return flags


@pytest.mark.parametrize("seed", range(60))
def test_flags_match_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    indicators = [f"factor.x{n}" for n in range(rng.randint(1, 9))]
    scale = Scale(min=1, max=5) if seed % 3 else Scale(min=0, max=10)
    rows = []
    for k in range(rng.randint(0, 40)):
        base = rng.randint(scale.min, scale.max)
        answers: dict[str, int | None] = {}
        for i in indicators:
            roll = rng.random()
            if roll < 0.15:
                continue
            answers[i] = None if roll < 0.25 else (
                base if rng.random() < 0.6 else rng.randint(scale.min, scale.max))
        rows.append(Imported(f"r{k}", rng.choice(["firm", "public", "ngo"]), None, answers,
                             k + 2))
    seconds = ({r.row: rng.uniform(-5, 120) for r in rows if rng.random() < 0.7}
               if seed % 2 else None)
    quality = assess_quality(rows, indicators, scale, seconds)
    assert quality.flags == reference(rows, scale, seconds)
    for i in indicators:
        for group in ("firm", "public", "ngo"):
            answered = sum(1 for r in rows if r.group == group and r.answers.get(i) is not None)
            assert quality.answered[i].get(group, 0) == answered


@pytest.mark.parametrize("seed", range(10))
def test_wide_values_match_the_reference(seed: int) -> None:
    """Answers spread far apart (medians found by sorting rather than by counting)."""
    rng = random.Random(seed)
    indicators = [f"factor.x{n}" for n in range(6)]
    rows = [Imported(f"r{k}", rng.choice(["firm", "public"]), None,
                     {i: rng.choice([None, 0, 5000, 10000, rng.randint(0, 10000)])
                      for i in indicators}, k + 2) for k in range(30)]
    scale = Scale(min=0, max=1000)
    assert assess_quality(rows, indicators, scale, None).flags == reference(rows, scale, None)
