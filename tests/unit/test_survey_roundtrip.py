"""Round trips: ``diamond form`` -> the tool's export (simulated in its real layout) ->
``diamond import`` (no map file) -> ``diamond assess`` gives the answers put in."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.unit import tool_exports as tools
from tests.unit.tool_exports import Planted
from typer.testing import CliRunner

from diamond.cli.app import app
from diamond.errors import InvalidFileError
from diamond.frameworks import builtin
from diamond.loader import load_questionnaire, require_valid
from diamond.survey import ImportOptions, NewQuestionnaire, import_responses
from diamond.survey.forms import form_spec
from diamond.survey.forms.spec import FormSpec

NEW = NewQuestionnaire("Savunma ve Havacılık", "Ankara", "2025-05")


def spec(lang: str = "tr", **options: bool) -> FormSpec:
    return form_spec(builtin("stm-2015"), lang=lang, sector=NEW.sector, region=NEW.region,
                     **options)  # type: ignore[arg-type]


def check(target: Path, people: list[Planted], ids: list[str] | None = None) -> None:
    """The questionnaire holds the planted answers, and assess scores exactly them."""
    q = require_valid(load_questionnaire(str(target)))[0]
    assert [(r.group, {k: v for k, v in r.answers.items()}) for r in q.respondents] == [
        (p.group, p.answers) for p in people
    ]
    if ids is not None:
        assert [r.id for r in q.respondents] == ids
    result = CliRunner().invoke(app, ["assess", str(target), "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["respondents"]["by_group"] == dict(Counter(p.group for p in people))
    for dimension in report["dimensions"]:
        for indicator in dimension["indicators"]:
            given = [p.answers[indicator["id"]] for p in people]
            values = [v for v in given if v is not None]
            assert indicator["n"] == len(values)
            assert indicator["mean"] == pytest.approx(statistics.mean(values))


def run(tmp_path: Path, name: str, data: bytes, **options: object) -> Path:
    export = tmp_path / name
    export.write_bytes(data)
    target = tmp_path / "sector.yaml"
    report = import_responses(str(export), str(target), ImportOptions(**options), new=NEW)  # type: ignore[arg-type]
    # the Kobo form gained a select_multiple question of its own: its summary column
    # is not an indicator (its 0/1 choice columns are left out silently)
    unexpected = [
        d
        for d in report.warnings
        if d.code != "hxl-row" and "'intro/sectors'" not in d.message
    ]
    assert not unexpected, unexpected
    return target


Builder = Callable[[FormSpec, list[Planted]], bytes]


@pytest.mark.parametrize(
    ("name", "builder", "lang"),
    [
        ("kobo.csv", tools.kobo_csv, "tr"),
        ("odk.csv", tools.odk_csv, "en"),
        ("google-forms.csv", tools.google_forms_csv, "tr"),
        ("google-forms-en.csv", tools.google_forms_csv, "en"),
        ("limesurvey.csv", tools.limesurvey_csv, "tr"),
        ("microsoft-forms.xlsx", tools.microsoft_forms_xlsx, "tr"),
        ("paper.csv", tools.paper_transcript, "tr"),
    ],
)
def test_round_trip(tmp_path: Path, name: str, builder: Builder, lang: str) -> None:
    form = spec(lang)
    people = tools.plant(form)
    check(run(tmp_path, name, builder(form, people)), people)


def test_limesurvey_full_answers_and_code_text_headings(tmp_path: Path) -> None:
    form = spec("tr")
    people = tools.plant(form)
    data = tools.limesurvey_csv(form, people, texts=True)
    check(run(tmp_path, "limesurvey-text.csv", data), people, [str(n) for n in range(1, 8)])


def test_kobo_ids_are_submission_ids_and_a_second_import_is_refused(tmp_path: Path) -> None:
    form = spec("tr")
    people = tools.plant(form)
    target = run(tmp_path, "kobo.csv", tools.kobo_csv(form, people))
    check(target, people, [str(412730 + n) for n in range(1, 8)])
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(tmp_path / "kobo.csv"), str(target), ImportOptions())
    assert "respondent-exists" in [d.code for d in caught.value.diagnostics]
    check(target, people)


def test_google_forms_reimport_does_not_double_the_sample(tmp_path: Path) -> None:
    form = spec("tr")
    people = tools.plant(form)
    target = run(tmp_path, "gf.csv", tools.google_forms_csv(form, people))
    with pytest.raises(InvalidFileError):
        import_responses(str(tmp_path / "gf.csv"), str(target), ImportOptions())
    check(target, people)


def test_odk_repeat_table(tmp_path: Path) -> None:
    form = spec("tr")
    people = tools.plant(form)
    main, repeat = tools.odk_repeat(form, people)
    (tmp_path / "workshop.csv").write_bytes(main)
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(tmp_path / "workshop.csv"), str(tmp_path / "x.yaml"),
                         ImportOptions(), new=NEW)
    (error,) = [d for d in caught.value.diagnostics if d.severity == "error"]
    assert "repeat table" in (error.hint or "") and "PARENT_KEY" in (error.hint or "")
    parent = "uuid:0b1c3f6e-6f1a-4c1e-9d43-0a3d6f1b2c11"
    target = run(tmp_path, "workshop-respondents.csv", repeat)
    check(target, people, [f"{parent}/respondents[{n}]" for n in range(1, 8)])


def test_microsoft_forms_xlsx_errors_name_the_cell(tmp_path: Path) -> None:
    form = spec("tr")
    people = tools.plant(form, 2)
    data = tools.microsoft_forms_xlsx(form, people)
    export = tmp_path / "ms.xlsx"
    export.write_bytes(data)
    import openpyxl

    book = openpyxl.load_workbook(export)
    book["Sheet1"]["G3"] = "Belediye"
    book["Sheet1"]["H2"] = "Harika"
    book.save(export)
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(export), str(tmp_path / "s.yaml"), ImportOptions(), new=NEW)
    messages = sorted(d.message for d in caught.value.diagnostics if d.severity == "error")
    assert messages[0].startswith("Sheet1!G3: unknown stakeholder group 'Belediye'")
    assert messages[1].startswith("Sheet1!H2: unknown answer label 'Harika'")


def test_xlsx_sheet_option(tmp_path: Path) -> None:
    form = spec("tr")
    people = tools.plant(form, 3)
    export = tmp_path / "ms.xlsx"
    export.write_bytes(tools.microsoft_forms_xlsx(form, people))
    from diamond.errors import UsageError

    with pytest.raises(UsageError, match="no sheet 'Yanıtlar'; its sheets: 'Sheet1'"):
        import_responses(str(export), str(tmp_path / "s.yaml"), ImportOptions(sheet="Yanıtlar"),
                         new=NEW)
    target = run(tmp_path, "ms2.xlsx", export.read_bytes(), sheet="Sheet1")
    check(target, people)
