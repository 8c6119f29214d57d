"""Intervals made when first read (diamond.stats.later, diamond.scoring.uncertainty)."""

from __future__ import annotations

import copy
import pickle
import random
from typing import Any

import pytest

from diamond.frameworks import builtin
from diamond.models.questionnaire import Questionnaire
from diamond.scoring import design, uncertainty
from diamond.stats.later import Later

CAT = builtin("stm-2015")
GROUPS = ("firm", "public", "university", "ngo")


def test_later_makes_its_mapping_once_on_first_read_and_lets_make_go() -> None:
    calls: list[int] = []

    def make() -> dict[str, int]:
        calls.append(1)
        return {"b": 2, "a": 1}

    later = Later(make)
    assert calls == []
    assert later["b"] == 2
    assert calls == [1]
    assert list(later) == ["b", "a"] and len(later) == 2 and "a" in later and "c" not in later
    assert later.get("c") is None and dict(later.items()) == {"b": 2, "a": 1}
    assert calls == [1]
    assert later._make is None  # what ``make`` held is no longer referenced


@pytest.mark.parametrize("read", [len, list, repr, lambda m: m == {}, lambda m: "x" in m])
def test_any_read_makes_it(read: Any) -> None:
    calls: list[int] = []
    later = Later(lambda: calls.append(1) or {"x": 1})
    read(later)
    assert calls == [1]


def test_later_compares_pickles_and_copies_as_its_dictionary() -> None:
    later = Later(lambda: {"a": 1.5, "b": None})
    plain: dict[str, float | None] = {"a": 1.5, "b": None}
    assert later == plain
    assert plain.__eq__(later) is NotImplemented and plain == later  # the reflected test
    assert later != {"a": 1.5}
    assert repr(later) == repr({"a": 1.5, "b": None})
    for again in (pickle.loads(pickle.dumps(later)), copy.copy(later), copy.deepcopy(later)):
        assert type(again) is dict and again == {"a": 1.5, "b": None}
    with pytest.raises(TypeError):
        hash(later)


def _questionnaire(n: int, seed: int) -> Questionnaire:
    rng = random.Random(seed)
    people = []
    for k in range(n):
        answers = {i: rng.randint(1, 5) for i in CAT.indicators if rng.random() > 0.1}
        people.append({"id": f"r{k:03d}", "group": GROUPS[k % len(GROUPS)],
                       "weight": (1.0, 0.5, 2.0)[k % 3], "answers": answers})
    return Questionnaire.model_validate({
        "diamond": 1, "respondents": people,
        "sector": {"name": "T", "region": "Ankara", "period": "2024", "language": "en"}})


def _read(s: uncertainty.Statistics) -> tuple[Any, ...]:
    return (dict(s.indicators), {g: dict(v) for g, v in s.groups.items()}, s.overall,
            dict(s.dimensions), {k: s.draws[k] for k in s.draws})


@pytest.mark.parametrize(("n", "method", "aggregation"), [
    (9, "mean", "arithmetic"), (23, "median", "geometric"), (40, "mean", "geometric")])
def test_deferred_intervals_are_those_made_at_once(
        monkeypatch: pytest.MonkeyPatch, n: int, method: str, aggregation: Any) -> None:
    x = design.design(_questionnaire(n, seed=n), CAT)
    figures = {d: 50.0 for d in x.dimensions} | {"overall": 50.0}
    made: list[int] = []
    scores = uncertainty.replicate_scores

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(len(args[1]))
        return scores(*args, **kwargs)

    monkeypatch.setattr(uncertainty, "replicate_scores", counted)
    later = uncertainty.analyse(x, method, aggregation, 200, figures)
    assert made == [n]  # the questionnaire's alone: the groups wait until read
    assert isinstance(later.groups, Later) and isinstance(later.indicators, Later)
    deferred = _read(later)
    assert len(made) == 1 + len(later.groups) and len(later.groups) == len(GROUPS)
    monkeypatch.setattr(uncertainty, "DEFER_UP_TO", 0)  # everything at once, as before
    at_once = uncertainty.analyse(x, method, aggregation, 200, figures)
    assert type(at_once.groups) is dict and type(at_once.indicators) is dict
    assert deferred == _read(at_once)
    assert all(iv.se is not None for iv in at_once.indicators.values())



def test_a_cluster_report_leaves_the_deferred_intervals_unmade() -> None:
    """What a portfolio writes of a cluster (its md and html reports) reads the
    questionnaire's dimension and overall intervals only: the indicators' and the groups'
    are never made there (they are the bootstrap's larger part)."""
    from diamond.portfolio.worker import CLUSTER_FORMATS
    from diamond.render.report import render_reports
    from diamond.scoring import assess

    a = assess(_questionnaire(40, seed=3), CAT, "mean", sensitivity_samples=0)
    s = a.statistics
    assert s is not None and isinstance(s.groups, Later) and isinstance(s.indicators, Later)
    files = render_reports(a, CLUSTER_FORMATS, stem="x", templates_dir=None, lang=None)
    assert {f.name.rsplit(".", 1)[-1] for f in files} >= {"md", "html"}
    assert s.groups._made is None and s.indicators._made is None
    assert s.dimensions and all(d.interval.se is not None for d in s.dimensions.values())
    assert len(s.groups) == len(GROUPS)  # and made when read
