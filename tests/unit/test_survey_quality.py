"""Response quality flags and coverage, as ``import --dry-run`` reports them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diamond.cli.app import app
from diamond.survey import ImportOptions, NewQuestionnaire, import_responses
from diamond.survey.times import parse_timestamp, seconds_between

NEW = NewQuestionnaire("Sektör", "Ankara", "2025-05")
IDS = ["factor.skilled_workforce", "factor.land", "factor.labour_cost", "demand.domestic",
       "firm.sme_count", "related.university_cooperation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-05-12T10:11:02.000+03:00", dt.datetime(2025, 5, 12, 7, 11, 2, tzinfo=dt.UTC)),
        ("2025-05-12 10:15:32", dt.datetime(2025, 5, 12, 10, 15, 32)),
        ("12.05.2025 10:15:32", dt.datetime(2025, 5, 12, 10, 15, 32)),
        ("5/12/25 10:11:02", dt.datetime(2025, 5, 12, 10, 11, 2)),
        ("2025/05/12 2:20:11 PM GMT+3", dt.datetime(2025, 5, 12, 14, 20, 11)),
        ("31.02.2025 10:00", None),
        ("yesterday", None),
    ],
)
def test_timestamps(text: str, expected: dt.datetime | None) -> None:
    got = parse_timestamp(text)
    assert got == expected


def test_seconds_between_needs_comparable_stamps() -> None:
    assert seconds_between("2025-05-12T10:00:00Z", "2025-05-12T10:00:40Z") == 40
    assert seconds_between("2025-05-12T10:00:00Z", "2025-05-12 10:00:40") is None


def _csv(tmp_path: Path) -> Path:
    rows = ["start,end,group," + ",".join(IDS)]
    rows.append("2025-05-12T10:00:00Z,2025-05-12T10:00:09Z,firm,4,4,4,4,4,4")  # straight, fast
    rows.append("2025-05-12T10:00:00Z,2025-05-12T10:09:00Z,firm,4,3,4,5,4,3")
    rows.append("2025-05-12T10:00:00Z,2025-05-12T10:09:00Z,firm,4,3,5,4,4,3")
    rows.append("2025-05-12T10:00:00Z,2025-05-12T10:09:00Z,firm,1,1,1,2,1,5")  # unlike firms
    rows.append("2025-05-12T10:00:00Z,2025-05-12T10:09:00Z,university,2,,3,,4,")
    path = tmp_path / "kobo.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_flags_and_coverage(tmp_path: Path) -> None:
    report = import_responses(str(_csv(tmp_path)), str(tmp_path / "s.yaml"),
                              ImportOptions(dry_run=True), new=NEW)
    quality = report.quality
    assert quality is not None and quality.timed
    flags = {r.row: quality.flags.get(r.id, []) for r in report.added}
    assert flags[2] == ["straight-lining: all 6 answers are 4",
                        "completed in 9 s for 6 answers"]
    assert flags[3] == [] and flags[6] == []
    assert len(flags[5]) == 1 and flags[5][0].startswith("unlike the group: 5 of 6 answers")
    assert quality.respondents == {"firm": 4, "university": 1}
    assert quality.missing_groups() == {"university": ["factor.land", "demand.domestic",
                                                       "related.university_cooperation"]}


def test_dry_run_prints_the_quality_section(tmp_path: Path) -> None:
    args = ["import", str(_csv(tmp_path)), "--new", str(tmp_path / "s.yaml"), "--sector", "S",
            "--region", "R", "--period", "2025", "--dry-run"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "response quality: 2 respondent(s) flagged" in result.stdout
    assert "coverage: respondents by group: firm 4, university 1" in result.stdout
    assert "groups with no respondent: public, ngo" in result.stdout


def test_validate_quality(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "s.yaml"
    args = ["import", str(_csv(tmp_path)), "--new", str(target), "--sector", "S", "--region",
            "R", "--period", "2025"]
    assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, ["validate", str(target), "--quality"])
    assert result.exit_code == 0, result.output
    assert f"{target}:\n  response quality: 2 respondent(s) flagged (no start/end times)" in (
        result.stdout
    )
    assert "straight-lining: all 6 answers are 4" in result.stdout
    assert "completed in" not in result.stdout
    plain = runner.invoke(app, ["validate", str(target)])
    assert "response quality" not in plain.stdout
