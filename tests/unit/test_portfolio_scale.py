"""A national portfolio: replicates kept on disk, rank intervals a block at a time, reports
staged by the workers, and a render deadline that grows with the number of clusters."""

from __future__ import annotations

import dataclasses
import os
import pickle
import time
from array import array
from pathlib import Path

import numpy as np
import pytest
from tests.unit.test_compare import questionnaire_text

from diamond.errors import TemplateError
from diamond.loader import LoadOptions
from diamond.portfolio import ReportWriter, ranking, run_portfolio
from diamond.portfolio.render import Stager, deadline_scale
from diamond.portfolio.run import Batch, Job, assess_batch
from diamond.portfolio.spill import Spill
from diamond.render.sandbox import DEFAULT_SECONDS, SECONDS_VAR
from diamond.stats.ranks import ranks


def test_spilled_values_read_back_exactly() -> None:
    spill = Spill()
    first = spill.put([0.1, 2.5, float("nan"), -1e300])
    second = spill.put(array("d", [3.0]))
    assert len(first) == 4 and first[1] == 2.5 and first[-1] == -1e300
    assert list(first[1:3])[:1] == [2.5] and np.isnan(first[2])
    assert second == [3.0] and array("d", [3.0]) == second and second != [3.0, 1.0]
    assert list(first[::2])[:1] == [0.1]
    again = pickle.loads(pickle.dumps(second))
    assert isinstance(again, array) and list(again) == [3.0]
    with pytest.raises(IndexError):
        first[4]


def _whole_table(draws: np.ndarray) -> tuple[list[int], list[int]]:
    """The rank interval the plain way: every replicate ranked, then the percentiles."""
    ranked = ranks(draws)
    return (np.floor(np.percentile(ranked, 2.5, axis=0)).astype(int).tolist(),
            np.ceil(np.percentile(ranked, 97.5, axis=0)).astype(int).tolist())


@pytest.mark.parametrize(("clusters", "replicates"), [(2, 1000), (60, 1000), (9, 40),
                                                       (30, 201)])
def test_block_rank_intervals_equal_the_whole_table(
    monkeypatch: pytest.MonkeyPatch, clusters: int, replicates: int
) -> None:
    rng = np.random.default_rng(clusters)
    draws = np.round(rng.normal(50, 4, (replicates, clusters)) / 2)  # many ties
    draws[rng.integers(0, replicates, 30), rng.integers(0, clusters, 30)] = np.nan
    monkeypatch.setattr(ranking, "BLOCK_CELLS", 7 * clusters)  # blocks of 7 replicates
    low, high = ranking._rank_percentiles(lambda a, b: draws[a:b], clusters, replicates)
    assert (np.floor(low).astype(int).tolist(), np.ceil(high).astype(int).tolist()) == (
        _whole_table(draws))


@pytest.mark.parametrize(("clusters", "replicates", "cells"), [(23, 101, 5 * 101),
                                                                (40, 200, 7 * 40)])
def test_rank_intervals_from_spilled_replicates_read_by_tile(
    monkeypatch: pytest.MonkeyPatch, clusters: int, replicates: int, cells: int
) -> None:
    """Several blocks of replicates, several tiles of clusters (the last one short): the
    replicate-major copy gives every rank interval the whole table gives."""
    from diamond.portfolio.model import Cluster

    rng = np.random.default_rng(replicates)
    draws = np.round(rng.normal(50, 4, (replicates, clusters)) / 2)  # many ties
    draws[rng.integers(0, replicates, 20), rng.integers(0, clusters, 20)] = np.nan
    spill = Spill()
    found = [Cluster(source=f"{k}.yaml", stem=str(k), name=f"c{k:02d}", region="r",
                     period="2020", language="en", framework_id="f", framework_names={},
                     respondents=3, overall=float(-k), band=None, dimensions=(), reports=(),
                     key=ranking.cluster_key(f"c{k:02d}", "r"),
                     draws=spill.put(array("d", draws[:, k].tolist())))
             for k in range(clusters)]
    monkeypatch.setattr(ranking, "BLOCK_CELLS", cells)
    assert max(1, cells // clusters) < replicates  # read by tile
    ranked = ranking.rank(found)
    assert [c.source for c in ranked] == [f"{k}.yaml" for k in range(clusters)]
    assert ([c.rank_low for c in ranked], [c.rank_high for c in ranked]) == _whole_table(draws)


def _job(path: Path, templates: Path | None = None) -> Job:
    return Job(str(path), path.name, path.stem, str(path.parent), LoadOptions(), "mean", None,
               templates)


def _failing_for_beta(tmp_path: Path) -> Path:
    """A templates folder whose report fails to render for the cluster named Beta."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        '{% if sector.name == "Beta" %}{{ missing.value }}{% endif %}ok\n', encoding="utf-8")
    return templates


def test_a_batch_that_fails_removes_what_it_staged(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("Alfa", "Beta"):
        (inputs / f"{name}.yaml").write_text(
            questionnaire_text({"factor.land": [3, 4]}, name=name), encoding="utf-8")
    templates = _failing_for_beta(tmp_path)
    out = tmp_path / "out"
    batch = Batch([_job(inputs / "Alfa.yaml", templates), _job(inputs / "Beta.yaml", templates)],
                  Stager(out))
    with pytest.raises(TemplateError):
        assess_batch(batch)
    assert not out.exists() or not list(out.iterdir())
    # the first file alone: staged into temporaries, nothing renamed
    (outcome,) = assess_batch(Batch([_job(inputs / "Alfa.yaml", templates)], Stager(out)))
    assert outcome.files == () and len(outcome.staged) == 3
    assert all(s.temp.exists() and not s.final.exists() for s in outcome.staged)


def test_a_failing_worker_leaves_no_temporaries(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for k, name in enumerate(("Alfa", "Beta", "Gamma", "Delta", "Epsilon")):
        (inputs / f"{k}.yaml").write_text(
            questionnaire_text({"factor.land": [3, 4]}, name=name), encoding="utf-8")
    templates = _failing_for_beta(tmp_path)
    out = tmp_path / "out"
    with pytest.raises(TemplateError), ReportWriter(out, []) as writer:
        run_portfolio(inputs, jobs=2, templates_dir=templates, sink=writer)
    assert [p for p in out.rglob("*") if p.is_file()] == []


def test_the_render_deadline_grows_with_the_portfolio(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from diamond.render.sandbox import BoundedSandbox
    from diamond.render.templates import make_environment

    monkeypatch.delenv(SECONDS_VAR, raising=False)
    assert deadline_scale(100) == 1
    assert deadline_scale(8100) == 8100 / 500
    user = make_environment(tmp_path, deadline_scale=deadline_scale(8100))
    assert isinstance(user, BoundedSandbox)
    user.start_clock()
    assert user.seconds == DEFAULT_SECONDS * 8100 / 500
    monkeypatch.setenv(SECONDS_VAR, "2")
    user.start_clock()
    assert user.seconds == 2 * 8100 / 500


def test_json_made_a_cluster_at_a_time_is_the_whole_document(tmp_path: Path) -> None:
    import dataclasses

    from tests.conftest import ASSESSMENTS

    from diamond.portfolio.serialize import portfolio_json, portfolio_to_json_dict
    from diamond.safetext import json_text

    p = run_portfolio(ASSESSMENTS)
    odd = dataclasses.replace(p.clusters[0], source="a\udcfdb",
                              name='x\u009b"\n\u2028 "clusters": "diamond:clusters"')
    # values the cluster's own JSON writer must write as json does, or leave to it
    odder = dataclasses.replace(p.clusters[1], overall=np.float64(0.1 + 0.2), se=-0.0,
                                ci_low=float("-inf"), ci_high=float("nan"), dimensions=(),
                                reports=(), rank_low=None, region="\u202e\x00\x7f")
    strange = dataclasses.replace(p.clusters[2], rank_low=1,
                                  rank_high=True, band=None, ci_low=1e300, ci_high=1e-300)
    for v in (p, dataclasses.replace(p, clusters=()), dataclasses.replace(
            p, clusters=(odd, *p.clusters[1:])), dataclasses.replace(
            p, clusters=(strange, odder))):
        for indent in (2, None, 0, 4):
            assert portfolio_json(v, indent=indent) == json_text(
                portfolio_to_json_dict(v), indent=indent)
    bad = dataclasses.replace(p, clusters=(dataclasses.replace(odd, respondents=np.int64(3)),))
    with pytest.raises(TypeError, match="int64"):  # not JSON, as json says
        portfolio_json(bad)


def test_reports_a_worker_stages_belong_to_the_command(tmp_path: Path) -> None:
    """A worker's temporaries carry the command's pid: another run's stale cleanup must
    not take them once the worker has exited while the command still runs."""
    from diamond.io.atomic import discard, stage
    from diamond.io.temps import clean_stale, is_ours

    assert Stager(tmp_path).owner == os.getpid()
    staged = stage(tmp_path / "r.md", "x", owner=os.getpid())
    assert is_ours(staged.temp.name) and f".diamond-{os.getpid()}-" in staged.temp.name
    gone = stage(tmp_path / "s.md", "y", owner=2**22 + 12345)  # no such process
    old = time.time() - 3600
    for s in (staged, gone):
        os.utime(s.temp, (old, old))
    assert clean_stale(tmp_path, now=time.time()) == [gone.temp.name]
    assert staged.temp.exists()
    discard([staged])


def test_stored_clusters_read_back_as_they_arrived(tmp_path: Path) -> None:
    """The main process keeps each arriving cluster on disk (``stored.Stored``); read
    back, every field is the one the worker sent, floats to the bit, and the ranked
    view is what ``ranking.rank`` makes of the clusters themselves."""
    from diamond.portfolio.stored import Compact, Stored

    for name, answers, period in [("a", [5, 4, 4], "2020"), ("b", [1, 2, 2], "2020"),
                                  ("c", [3, 3, 4], "2021")]:
        (tmp_path / f"{name}.yaml").write_text(questionnaire_text(
            {"factor.land": answers}, name="Alfa" if name != "b" else "Beta", period=period),
            encoding="utf-8")  # a and c: two periods of one cluster
    outcomes = assess_batch(Batch([_job(p) for p in sorted(tmp_path.glob("*.yaml"))]))
    clusters = [o.cluster for o in outcomes if o.cluster is not None]
    odd = dataclasses.replace(clusters[0], overall=np.float64(0.1 + 0.2), se=-0.0,
                              draws=(), own={})  # a numpy float kept
    given = [*clusters, odd]
    stored = Stored(Compact())
    for c in given:
        stored.append(c)
    assert len(stored) == 4 and len(stored._offsets) == 4  # 16 bytes a cluster in memory
    for want, got in zip(given, stored, strict=True):
        for field in dataclasses.fields(want):
            a, b = getattr(want, field.name), getattr(got, field.name)
            if field.name == "own":
                assert {k: list(v) for k, v in a.items()} == {k: list(v) for k, v in b.items()}
            elif field.name == "draws":
                assert list(a) == list(b)
            elif isinstance(a, float):
                assert type(a) is type(b) and (a == b or (a != a and b != b)), field.name
                assert np.signbit(a) == np.signbit(b), field.name
            else:
                assert a == b, field.name
    assert stored[-1].framework_names is stored[0].framework_names  # names shared
    ranked = stored.ranked(ranking.ranking_order(stored))
    assert list(ranked) == list(ranking.rank(given))
    assert ranked[1:] == list(ranking.rank(given))[1:] and ranked[-1] == ranking.rank(given)[-1]
    assert pickle.loads(pickle.dumps(ranked)) == ranking.rank(given)
    assert list(ranked.summaries()) == [  # the summary table's fields, not rebuilt
        (c.rank, c.latest, c.source, c.name, c.region, c.period, c.overall, c.band)
        for c in ranking.rank(given)]
    nan = Stored(Compact())
    nan.append(dataclasses.replace(clusters[1], ci_low=float("nan")))
    assert np.isnan(nan[0].ci_low) and nan[0].ci_high == clusters[1].ci_high
