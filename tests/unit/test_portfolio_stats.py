"""Portfolio statistics: the latest period ranked, history kept apart, rank intervals, ICCs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.unit.test_compare import questionnaire_text

from diamond.portfolio import run_portfolio
from diamond.portfolio.serialize import portfolio_to_json_dict
from diamond.stats.icc import icc1, icc2


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def periods(tmp_path: Path) -> Path:
    # One cluster in two periods (the earlier one scores higher) and a second cluster.
    _write(tmp_path, "a2015.yaml", questionnaire_text({"factor.land": [5, 5, 5, 4]},
                                                      name="Alfa", period="2015"))
    _write(tmp_path, "a2019.yaml", questionnaire_text({"factor.land": [2, 3, 2, 3]},
                                                      name="Alfa", period="2019"))
    _write(tmp_path, "b.yaml", questionnaire_text({"factor.land": [4, 4, 3, 4]},
                                                  name="Beta", period="2019"))
    return tmp_path


def test_only_the_latest_period_of_a_cluster_is_ranked(periods: Path) -> None:
    p = run_portfolio(periods)
    assert [(c.name, c.period, c.rank, c.latest) for c in p.clusters] == [
        ("Beta", "2019", 1, True), ("Alfa", "2019", 2, True), ("Alfa", "2015", 0, False)]
    data = portfolio_to_json_dict(p)
    assert [c["rank"] for c in data["clusters"]] == [1, 2, None]
    first = data["clusters"][0]
    assert first["rank_interval"]["low"] <= 1 <= first["rank_interval"]["high"]
    ci = first["overall"]["ci"]
    assert ci["low"] <= first["overall"]["score"] <= ci["high"]
    assert data["clusters"][2]["rank_interval"] is None


def test_icc_is_bliese_over_the_latest_clusters_respondents(periods: Path) -> None:
    p = run_portfolio(periods)
    # factor's own scores (one indicator answered): (answer − 1) × 25 per respondent.
    alfa, beta = [25.0, 50.0, 25.0, 50.0], [75.0, 75.0, 50.0, 75.0]
    groups = ["a"] * 4 + ["b"] * 4
    i1, i2 = p.icc["factor"]
    assert i1 == pytest.approx(icc1(alfa + beta, groups))
    assert i2 == pytest.approx(icc2(alfa + beta, groups))
    # by hand: means 37.5 and 68.75, grand 53.125; MSB = 4·(15.625² · 2) = 1953.125;
    # MSW = (4 · 156.25 + 3 · 39.0625 + 351.5625) / 6 = 182.29; k̄ = 4.
    msb, msw = 1953.125, (4 * 156.25 + 3 * 39.0625 + 351.5625) / 6
    assert i1 == pytest.approx((msb - msw) / (msb + 3 * msw))
    assert i2 == pytest.approx((msb - msw) / msb)
    data = portfolio_to_json_dict(p)["icc"]["factor"]
    assert data["distinguishes"] is (i2 >= 0.7)


def test_ranks_are_the_pairwise_definition() -> None:
    # Rank = 1 + clusters scoring higher + tied clusters listed earlier; NaN ranks last.
    import numpy as np

    from diamond.stats.ranks import PAIRWISE, ranks

    rng = np.random.default_rng(7)
    for _ in range(100):  # pair by pair up to PAIRWISE columns, sorted above
        draws = rng.integers(0, 4, size=(int(rng.integers(1, 30)),
                                          int(rng.integers(1, 2 * PAIRWISE + 2))))
        draws = draws.astype(float)
        draws[rng.random(draws.shape) < 0.15] = np.nan
        filled = np.where(np.isnan(draws), -np.inf, draws)
        b, c = draws.shape
        expected = np.array([[1 + sum(1 for j in range(c) if filled[r, j] > filled[r, k]
                                      or (filled[r, j] == filled[r, k] and j < k))
                              for k in range(c)] for r in range(b)])
        assert np.array_equal(ranks(draws), expected)


def test_cluster_reports_leave_out_the_sobol_analysis_unless_asked(periods: Path) -> None:
    plain = run_portfolio(periods)
    asked = run_portfolio(periods, sensitivity=64)
    def text(p: object, name: str) -> str:
        return next(f.content for f in p.reports if f.name == name)  # type: ignore[attr-defined]
    assert "Sobol" not in text(plain, "b.md")
    assert "Sobol" in text(asked, "b.md")
    # Everything the ranking uses is the same either way.
    assert [(c.rank, c.rank_low, c.rank_high, c.se) for c in plain.clusters] == [
        (c.rank, c.rank_low, c.rank_high, c.se) for c in asked.clusters]
