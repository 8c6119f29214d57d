"""``import_responses`` on each survey tool's export shape, and its all-or-nothing rules."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES

from diamond.errors import InvalidFileError, UsageError
from diamond.loader import load_questionnaire, require_valid
from diamond.models.questionnaire import Questionnaire
from diamond.survey import ImportOptions, NewQuestionnaire, export_csv, import_responses

SURVEYS = EXAMPLES / "surveys"
NEW = NewQuestionnaire("Savunma ve Havacılık", "Ankara", "2025-05")


def load(path: Path) -> Questionnaire:
    return require_valid(load_questionnaire(str(path)))[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answers(q: Questionnaire) -> dict[str, tuple[str, dict[str, int | None]]]:
    return {r.id: (r.group, dict(r.answers)) for r in q.respondents}


def by_row(got: dict[str, Any], *names: str) -> dict[str, Any]:
    """Generated ids are row digests: name them by row for the assertions."""
    assert len(got) == len(names)
    prefix = names[0].rsplit("-", 1)[0]
    assert all(re.fullmatch(rf"{prefix}-[0-9a-f]{{10}}", i) for i in got), list(got)
    return dict(zip(names, got.values(), strict=True))


def new_from(name: str, tmp_path: Path, **options: object) -> Questionnaire:
    target = tmp_path / "sector.yaml"
    csv = SURVEYS / name
    before = digest(csv)
    import_responses(str(csv), str(target), ImportOptions(**options), new=NEW)  # type: ignore[arg-type]
    assert digest(csv) == before, "the CSV must never be modified"
    return load(target)


def test_google_forms_turkish(tmp_path: Path) -> None:
    q = new_from("google-forms-tr.csv", tmp_path)
    got = by_row(answers(q), "resp-001", "resp-002", "resp-003", "resp-004", "resp-005")
    assert got["resp-001"] == (
        "firm",
        {
            "factor.land": 3,
            "factor.labour_cost": 5,
            "factor.skilled_workforce": 4,
            "firm.sme_count": 4,
            "demand.domestic": 5,
        },
    )
    assert got["resp-002"][0] == "university"
    assert got["resp-002"][1]["factor.land"] is None  # "Bilmiyorum"
    assert got["resp-003"][1]["factor.labour_cost"] is None  # empty cell
    assert [g for g, _ in got.values()] == ["firm", "university", "public", "ngo", "firm"]
    assert got["resp-004"][1]["factor.labour_cost"] == 1  # "ciddi dezavantaj"


def test_google_forms_english_with_grid_rows(tmp_path: Path) -> None:
    q = new_from("google-forms-en.csv", tmp_path, id_prefix="gf")
    got = by_row(answers(q), "gf-001", "gf-002", "gf-003", "gf-004")
    assert got["gf-001"] == (
        "firm",
        {
            "factor.skilled_workforce": 4,
            "factor.university_proximity": 5,
            "factor.labour_cost": 5,
            "factor.energy_cost": 1,
            "firm.innovative_firms": 4,
        },
    )
    assert got["gf-003"][0] == "public"
    assert got["gf-003"][1]["factor.labour_cost"] is None  # N/A
    assert got["gf-003"][1]["factor.university_proximity"] == 4  # 4.0


def test_microsoft_forms(tmp_path: Path) -> None:
    q = new_from(
        "microsoft-forms.csv", tmp_path, group_column="Which stakeholder group do you represent?"
    )
    got = answers(q)
    assert list(got) == ["1", "2", "3"]
    assert got["3"] == (
        "public",
        {
            "factor.skilled_workforce": 3,
            "factor.labour_cost": None,
            "firm.sme_count": 2,
            "demand.domestic": 4,
            "related.government_bodies": 5,
        },
    )


def test_kobotoolbox(tmp_path: Path) -> None:
    q = new_from("kobo.csv", tmp_path)
    got = answers(q)
    assert list(got) == ["412733", "412734", "412801"]
    assert got["412734"] == (
        "university",
        {
            "factor.skilled_workforce": 5,
            "factor.labour_cost": 4,
            "factor.land": 3,
            "demand.domestic": 4,
            "related.university_cooperation": 1,
        },
    )
    assert got["412801"][0] == "public"


def test_odk_central(tmp_path: Path) -> None:
    q = new_from("odk-central.csv", tmp_path)
    got = answers(q)
    first = "uuid:0b1c3f6e-6f1a-4c1e-9d43-0a3d6f1b2c11"
    assert next(iter(got)) == first
    assert got[first] == (
        "firm",
        {
            "factor.skilled_workforce": 4,
            "factor.labour_cost": 5,
            "firm.sme_count": 3,
            "demand.domestic": 5,
        },
    )
    assert [g for g, _ in got.values()] == ["firm", "university", "ngo"]


def test_limesurvey_codes_with_a_map_file(tmp_path: Path) -> None:
    q = new_from("limesurvey-codes.csv", tmp_path, map_path=str(SURVEYS / "limesurvey-map.yaml"))
    got = answers(q)
    assert got["1"] == (
        "firm",
        {
            "factor.skilled_workforce": 4,
            "factor.labour_cost": 5,
            "factor.land": 3,
            "demand.domestic": 4,
        },
    )
    assert got["2"][0] == "university"
    assert got["2"][1]["factor.land"] is None  # AN -> null
    assert got["3"] == (
        "public",
        {
            "factor.skilled_workforce": 3,
            "factor.labour_cost": None,
            "factor.land": None,
            "demand.domestic": None,
        },
    )


def test_limesurvey_question_and_subquestion_text(tmp_path: Path) -> None:
    q = new_from("limesurvey-text.csv", tmp_path)
    got = answers(q)
    assert got["2"] == (
        "university",
        {
            "factor.skilled_workforce": 2,
            "factor.labour_cost": 4,
            "factor.university_proximity": 5,
            "demand.domestic": 5,
        },
    )


def test_semicolon_excel_with_weights(tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    report = import_responses(
        str(SURVEYS / "excel-semicolon.csv"), str(target), ImportOptions(), new=NEW
    )
    q = load(target)
    assert [(r.id, r.group, r.weight) for r in q.respondents] == [
        ("firma-01", "firm", 1.0),
        ("firma-02", "firm", 2.0),
        ("uni-01", "university", 0.5),
        ("kamu-01", "public", 1.0),
    ]
    assert q.respondents[1].answers["factor.labour_cost"] == 4  # "4,0"
    codes = [(d.line, d.column, d.code) for d in report.warnings]
    assert codes == [(1, 8, "unmapped-column"), (6, 1, "empty-row")]
    assert [c.header for c in report.columns if c.kind == "unmapped"] == ["Yorum, öneri"]


def test_unparseable_answers_name_row_and_column(tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(SURVEYS / "unparseable.csv"), str(target), ImportOptions(), new=NEW)
    found = [(d.path, d.line, d.column, d.code) for d in caught.value.diagnostics]
    csv = str(SURVEYS / "unparseable.csv")
    assert found == [
        (csv, 2, 4, "answer-unreadable"),  # 'harika': an unknown label
        (csv, 3, 2, "unknown-group"),
        (csv, 3, 3, "answer-not-whole"),
        (csv, 3, 4, "answer-range"),
        (csv, 4, 3, "answer-conflict"),
    ]
    assert "factor.labour_cost" in caught.value.diagnostics[0].message
    assert not target.exists()


def test_unmapped_and_metadata_columns_are_reported(tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    report = import_responses(
        str(SURVEYS / "google-forms-tr.csv"), str(target), ImportOptions(), new=NEW
    )
    kinds = {c.header: c.kind for c in report.columns}
    assert kinds["Zaman damgası"] == "metadata"
    assert kinds["E-posta Adresi"] == "metadata"
    assert kinds["Eklemek istediğiniz görüşler"] == "unmapped"
    assert [(d.column, d.code, d.severity) for d in report.warnings] == [
        (9, "unmapped-column", "warning")
    ]
    assert "factor.main_industry" in report.missing


def test_map_file_ignore_silences_a_column(tmp_path: Path) -> None:
    map_file = tmp_path / "map.yaml"
    map_file.write_text('ignore: ["Eklemek istediğiniz görüşler"]\n', encoding="utf-8")
    report = import_responses(
        str(SURVEYS / "google-forms-tr.csv"),
        str(tmp_path / "sector.yaml"),
        ImportOptions(map_path=str(map_file)),
        new=NEW,
    )
    assert report.warnings == []


def test_map_file_errors_point_into_the_map_file(tmp_path: Path) -> None:
    map_file = tmp_path / "map.yaml"
    map_file.write_text(
        "columns:\n  Q1[SQ001]: factor.skiled_workforce\ngroups: {A1: firma}\nlabls: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidFileError) as caught:
        import_responses(
            str(SURVEYS / "limesurvey-codes.csv"),
            str(tmp_path / "sector.yaml"),
            ImportOptions(map_path=str(map_file)),
            new=NEW,
        )
    found = [(d.path, d.line, d.code) for d in caught.value.diagnostics if d.severity == "error"]
    assert (str(map_file), 2, "unknown-indicator") in found
    assert any(code != "unknown-indicator" and line == 3 for _, line, code in found)  # firma
    assert any(line == 4 for _, line, _ in found)  # labls: unknown key
    hints = " ".join(d.hint or "" for d in caught.value.diagnostics)
    assert "factor.skilled_workforce" in hints


def test_duplicate_ids_within_the_csv(tmp_path: Path) -> None:
    with pytest.raises(InvalidFileError) as caught:
        import_responses(
            str(SURVEYS / "duplicate-ids.csv"), str(tmp_path / "s.yaml"), ImportOptions(), new=NEW
        )
    (d,) = caught.value.diagnostics
    assert (d.line, d.column, d.code) == (4, 1, "duplicate-respondent")
    assert "row 3" in (d.hint or "")


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    target = tmp_path / "commented.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    return target


def test_existing_ids_need_replace(commented: Path) -> None:
    before = digest(commented)
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(SURVEYS / "duplicate-ids.csv"), str(commented), ImportOptions())
    codes = [(d.line, d.code) for d in caught.value.diagnostics]
    assert (2, "respondent-exists") in codes  # firm-01 is in the questionnaire
    assert (4, "duplicate-respondent") in codes
    assert digest(commented) == before


def test_replace(commented: Path, tmp_path: Path) -> None:
    csv = tmp_path / "update.csv"
    csv.write_text("id,group,factor.land\nfirm-01,public,5\nnew-01,ngo,2\n", encoding="utf-8")
    before = load(commented)
    report = import_responses(str(csv), str(commented), ImportOptions(replace=True))
    assert [r.id for r in report.replaced] == ["firm-01"]
    assert [r.id for r in report.added] == ["new-01"]
    after = load(commented)
    assert [r.id for r in after.respondents] == ["firm-01", "uni-01", "new-01"]
    assert after.respondents[0].group == "public"
    assert dict(after.respondents[0].answers) == {"factor.land": 5}
    assert after.respondents[1] == before.respondents[1]


def test_dry_run_writes_nothing(commented: Path, tmp_path: Path) -> None:
    before = digest(commented)
    report = import_responses(
        str(SURVEYS / "kobo.csv"), str(commented), ImportOptions(dry_run=True)
    )
    assert report.dry_run and not report.written
    assert len(report.added) == 3
    assert digest(commented) == before
    target = tmp_path / "new.yaml"
    import_responses(str(SURVEYS / "kobo.csv"), str(target), ImportOptions(dry_run=True), new=NEW)
    assert not target.exists()


def test_new_refuses_an_existing_file(commented: Path) -> None:
    with pytest.raises(UsageError, match="already exists"):
        import_responses(str(SURVEYS / "kobo.csv"), str(commented), ImportOptions(), new=NEW)


def test_failed_import_leaves_the_questionnaire_untouched(commented: Path) -> None:
    before = digest(commented)
    with pytest.raises(InvalidFileError):
        import_responses(str(SURVEYS / "unparseable.csv"), str(commented), ImportOptions())
    assert digest(commented) == before
    assert sorted(p.name for p in commented.parent.iterdir()) == ["commented.yaml"]


def test_invalid_questionnaire_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "bad.yaml"
    target.write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\nrespondents:\n"
        "  - id: x\n    answers: {factor.lnd: 4}\n",
        encoding="utf-8",
    )
    before = digest(target)
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(SURVEYS / "kobo.csv"), str(target), ImportOptions())
    assert caught.value.path == str(target)
    assert digest(target) == before


def test_reimporting_an_export_is_refused_not_doubled(tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    csv = str(SURVEYS / "google-forms-tr.csv")
    import_responses(csv, str(target), ImportOptions(), new=NEW)
    before = digest(target)
    with pytest.raises(InvalidFileError) as caught:
        import_responses(csv, str(target), ImportOptions())
    (found,) = [d for d in caught.value.diagnostics if d.severity == "error"]
    assert (found.line, found.code) == (2, "respondent-exists")
    assert "and 4 more row(s)" in found.message and "imported before" in found.message
    assert digest(target) == before and len(load(target).respondents) == 5
    report = import_responses(csv, str(target), ImportOptions(replace=True))
    assert (len(report.added), len(report.replaced)) == (0, 5)
    assert len(load(target).respondents) == 5


def test_identical_rows_get_distinct_stable_ids(tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("factor.land\n4\n4\n", encoding="utf-8")
    first = import_responses(str(csv), str(tmp_path / "a.yaml"), ImportOptions(), new=NEW)
    second = import_responses(str(csv), str(tmp_path / "b.yaml"), ImportOptions(), new=NEW)
    ids = [r.id for r in first.added]
    assert len(set(ids)) == 2 and ids == [r.id for r in second.added]


def test_no_indicator_columns(tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("Timestamp,Comment\n2025,hello\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(csv), str(tmp_path / "s.yaml"), ImportOptions(), new=NEW)
    assert "no-indicator-columns" in [d.code for d in caught.value.diagnostics]


def test_ragged_rows_are_errors(tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land\na,4\nb\nc,3,extra\nd,2,\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(csv), str(tmp_path / "s.yaml"), ImportOptions(), new=NEW)
    assert [(d.line, d.column, d.code) for d in caught.value.diagnostics] == [
        (3, 2, "csv-row-length"),
        (4, 3, "csv-row-length"),
    ]


def test_custom_scale_and_labels(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\nscale: {min: 0, max: 10}\n"
        "respondents:\n  - id: x\n    answers: {factor.land: 0}\n",
        encoding="utf-8",
    )
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land\na,10\nb,Strong advantage\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(csv), str(target), ImportOptions())
    assert [(d.line, d.code) for d in caught.value.diagnostics] == [(3, "answer-unreadable")]
    map_file = tmp_path / "map.yaml"
    map_file.write_text('labels: {"Strong advantage": 10}\n', encoding="utf-8")
    import_responses(str(csv), str(target), ImportOptions(map_path=str(map_file)))
    assert [r.answers["factor.land"] for r in load(target).respondents] == [0, 10, 10]


def test_round_trip_import_export_import(tmp_path: Path) -> None:
    first = tmp_path / "first.yaml"
    import_responses(str(SURVEYS / "kobo.csv"), str(first), ImportOptions(), new=NEW)
    q, catalogue = require_valid(load_questionnaire(str(first)))
    exported = tmp_path / "export.csv"
    exported.write_text(export_csv(q, catalogue), encoding="utf-8")
    second = tmp_path / "second.yaml"
    import_responses(str(exported), str(second), ImportOptions(), new=NEW)

    def answered(path: Path) -> list[tuple[str, str, float, dict[str, int]]]:
        return [
            (r.id, r.group, r.weight, {k: v for k, v in r.answers.items() if v is not None})
            for r in load(path).respondents
        ]

    assert answered(second) == answered(first)
    # and exporting again gives the same table, byte for byte
    q2, c2 = require_valid(load_questionnaire(str(second)))
    assert export_csv(q2, c2) == exported.read_text(encoding="utf-8")


def test_replace_keeps_group_and_weight_the_csv_does_not_give(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\nrespondents:\n"
        "  - id: u1\n    group: university\n    weight: 2\n    answers: {factor.land: 1}\n",
        encoding="utf-8",
    )
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land,factor.energy_cost\nu1,5,4\n", encoding="utf-8")
    import_responses(str(csv), str(target), ImportOptions(replace=True))
    (r,) = load(target).respondents
    assert (r.group, r.weight, dict(r.answers)) == (
        "university",
        2.0,
        {"factor.land": 5, "factor.energy_cost": 4},
    )
    import_responses(str(csv), str(target), ImportOptions(replace=True, default_group="public"))
    assert load(target).respondents[0].group == "public"
