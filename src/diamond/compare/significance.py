"""The difference of two scores with its 95 % interval, p-value and method (docs/method.md).

The method is chosen per pair of inputs from a registry, in this order:

* ``paired``: one sector over periods (``mode == "period"``) whose two inputs have the
  same respondent ids: each respondent's own score is differenced (weights of the later
  input) — the same people answered twice;
* ``bootstrap``: the median method, for dimensions and overall: the difference of the
  two inputs' bootstrap distributions (respondents' own scores describe means, not medians);
* ``welch``: otherwise, Welch's test on the respondents' own scores of each input.

``delta`` is always the difference of the published scores; the method supplies its
standard error, interval and p-value. A change is *significant* when its 95 % interval
excludes 0. Weights enter only through ratios, so multiplying every weight by a
constant changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from diamond.compare.model import Change
from diamond.scoring.result import Assessment
from diamond.stats import difference
from diamond.stats.difference import Difference


def _own(a: Assessment, key: str) -> tuple[list[float], list[float], list[str]]:
    s = a.statistics
    if s is None:
        return [], [], []
    values, weights, ids = [], [], []
    for rid, scores in s.respondent_scores.items():
        value = scores.get(key)
        if value is not None:
            values.append(value)
            weights.append(s.respondent_weights[rid])
            ids.append(rid)
    return values, weights, ids


def _paired(a: Assessment, b: Assessment, key: str, delta: float) -> Difference | None:
    if a.statistics is None or b.statistics is None:
        return None
    if set(a.statistics.respondent_scores) != set(b.statistics.respondent_scores):
        return None
    before, after, weights = [], [], []
    for rid, scores in b.statistics.respondent_scores.items():
        x, y = a.statistics.respondent_scores[rid].get(key), scores.get(key)
        if x is not None and y is not None:
            before.append(x)
            after.append(y)
            weights.append(b.statistics.respondent_weights[rid])
    return difference.paired(before, after, weights, delta)


def _bootstrap(a: Assessment, b: Assessment, key: str, delta: float) -> Difference | None:
    if a.method != "median" or a.statistics is None or b.statistics is None:
        return None
    da, db = a.statistics.draws.get(key), b.statistics.draws.get(key)
    if not da or not db:
        return None
    return difference.bootstrap(da, db, delta)


def _welch(a: Assessment, b: Assessment, key: str, delta: float) -> Difference | None:
    xa, wa, _ = _own(a, key)
    xb, wb, _ = _own(b, key)
    if not xa or not xb:
        return None
    return difference.welch(xa, wa, xb, wb, delta)


Chooser = Callable[[Assessment, Assessment, str, float], Difference | None]
#: Tried in order; the first that applies decides (``paired`` only when ``paired=True``).
METHODS: tuple[tuple[str, Chooser], ...] = (
    ("paired", _paired), ("bootstrap", _bootstrap), ("welch", _welch),
)


def change(a: Assessment, b: Assessment, key: str, before: float | None, after: float | None,
           *, paired: bool) -> Change:
    """The change of score ``key`` (indicator id, dimension id or ``overall``) from a to b."""
    if before is None or after is None:
        return Change(None, None)
    delta = after - before
    for name, chooser in METHODS:
        if name == "paired" and not paired:
            continue
        found = chooser(a, b, key, delta)
        if found is not None:
            return Change(delta, found.significant, found.se, found.low, found.high, found.p,
                          found.method)
    return Change(delta, None)
