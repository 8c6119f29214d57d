"""Which CSV column is what: indicator ids, tool paths, question texts, roles, metadata."""

from __future__ import annotations

import pytest

from diamond.errors import UsageError
from diamond.frameworks import builtin
from diamond.survey.columns import classify, find_roles, is_metadata
from diamond.survey.mapfile import SurveyMap
from diamond.survey.matching import Matcher

STM = builtin("stm-2015")
MATCHER = Matcher(STM)


@pytest.mark.parametrize(
    ("header", "indicator"),
    [
        ("factor.skilled_workforce", "factor.skilled_workforce"),
        ("FACTOR.SKILLED_WORKFORCE", "factor.skilled_workforce"),
        ("factor/skilled_workforce", "factor.skilled_workforce"),
        ("group_x/factor/skilled_workforce", "factor.skilled_workforce"),
        ("factor-skilled_workforce", "factor.skilled_workforce"),
        ("grp-factor-skilled_workforce", "factor.skilled_workforce"),
        ("factor_skilled_workforce", "factor.skilled_workforce"),
        ("intro/factor.land", "factor.land"),
        # question texts, in either language, as survey tools write them
        (
            "How favourable is the availability of trained manpower for the sector's "
            "competitiveness?",
            "factor.skilled_workforce",
        ),
        (
            "3. YETİŞMİŞ İNSAN GÜCÜNÜN VARLIĞI SEKTÖRÜN REKABET GÜCÜ AÇISINDAN NE KADAR ELVERİŞLİ?",
            "factor.skilled_workforce",
        ),
        (
            "Soru: yetismis insan gucunun varligi sektorun rekabet gucu acisindan ne kadar "
            "elverisli",
            "factor.skilled_workforce",
        ),
        ("Availability of trained manpower", "factor.skilled_workforce"),
        ("İç talep", "demand.domestic"),
        ("Energy costs", "factor.energy_cost"),
        # LimeSurvey "question text [subquestion]" and Google Forms grid rows
        (
            "Q1[SQ001]. Aşağıdakiler ne kadar elverişli? [Yetişmiş insan gücünün varlığı]",
            "factor.skilled_workforce",
        ),
        ("Please rate each condition [Proximity to universities]", "factor.university_proximity"),
    ],
)
def test_headers_match_indicators(header: str, indicator: str) -> None:
    match = MATCHER.match(header)
    assert match is not None, header
    assert match.unique == indicator


@pytest.mark.parametrize(
    "header", ["Q1[SQ001]", "Comments", "Firmanızın coğrafi konumu", "location", "land"]
)
def test_other_headers_match_nothing(header: str) -> None:
    assert MATCHER.match(header) is None


def test_longest_contained_text_wins() -> None:
    # The prompt of labour_cost contains its own text; a header holding the prompt
    # must not be mistaken for any shorter text it contains.
    header = (
        "How favourable are labour costs, compared with European countries, for the "
        "sector's competitiveness? (Labour costs compared with European countries)"
    )
    match = MATCHER.match(header)
    assert match is not None and match.unique == "factor.labour_cost"


def test_ambiguous_underscore_form_is_not_guessed() -> None:
    from diamond.frameworks import load_framework_text
    from diamond.limits import Limits

    text = """\
framework: 1
id: tricky
name: {en: Tricky}
dimensions:
  - id: a
    name: {en: A}
    indicators:
      - {id: a.b_c, text: {en: One}, prompt: {en: One?}}
  - id: a_b
    name: {en: AB}
    indicators:
      - {id: a_b.c, text: {en: Two}, prompt: {en: Two?}}
"""
    catalogue = load_framework_text(text, "tricky.yaml", Limits())
    match = Matcher(catalogue).match("a_b_c")
    assert match is not None and match.indicators == ("a.b_c", "a_b.c")
    assert match.unique is None
    roles = find_roles(["a_b_c"], {}, SurveyMap(), "x.csv")
    columns, diagnostics = classify(["a_b_c"], roles, SurveyMap(), Matcher(catalogue), "x.csv", 1)
    assert columns[0].kind == "unmapped"
    assert [d.code for d in diagnostics] == ["ambiguous-column"]
    assert diagnostics[0].severity == "error"


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["Timestamp", "ID", "Paydaş grubu"], {"id": 1, "group": 2, "weight": None}),
        (["start", "_id", "_uuid", "intro/stakeholder"], {"id": 1, "group": 3, "weight": None}),
        (["SubmissionDate", "meta-instanceID", "KEY"], {"id": 1, "group": None, "weight": None}),
        (["Response ID", "Stakeholder", "Weight"], {"id": 0, "group": 1, "weight": 2}),
        (["Timestamp", "Zaman damgası", "Ağırlık"], {"id": None, "group": None, "weight": 2}),
    ],
)
def test_roles_are_detected_by_name(header: list[str], roles: dict[str, int | None]) -> None:
    assert find_roles(header, {}, SurveyMap(), "x.csv") == roles


def test_roles_from_options_and_map_file() -> None:
    header = ["Timestamp", "Kurum", "No"]
    found = find_roles(header, {"id": "Timestamp", "group": "kurum"}, SurveyMap(), "x.csv")
    assert found == {"id": 0, "group": 1, "weight": None}
    found = find_roles(header, {}, SurveyMap(id="No", group="Kurum"), "x.csv")
    assert found == {"id": 2, "group": 1, "weight": None}
    with pytest.raises(UsageError, match="--id-column names no column"):
        find_roles(header, {"id": "Respondent"}, SurveyMap(), "x.csv")


@pytest.mark.parametrize(
    "header",
    [
        "Timestamp",
        "Zaman damgası",
        "start",
        "end",
        "_submission_time",
        "_uuid",
        "__version__",
        "meta/instanceID",
        "SubmissionDate",
        "submitdate",
        "lastpage",
        "Completion time",
        "Email",
    ],
)
def test_metadata_columns(header: str) -> None:
    assert is_metadata(header)


def test_classify_reports_unmapped_and_duplicate_columns() -> None:
    header = [
        "Timestamp",
        "factor.land",
        "factor/land",
        "Yorumlar",
        "",
        "Q1[SQ001]",
        "Q9",
    ]
    survey_map = SurveyMap(columns={"Q1[SQ001]": "factor.skilled_workforce", "Q9": None})
    roles = find_roles(header, {}, survey_map, "x.csv")
    columns, diagnostics = classify(header, roles, survey_map, MATCHER, "x.csv", 1)
    kinds = [c.kind for c in columns]
    assert kinds == [
        "metadata",
        "indicator",
        "indicator",
        "unmapped",
        "unmapped",
        "indicator",
        "ignored",
    ]
    assert columns[5].indicator == "factor.skilled_workforce" and columns[5].how == "map file"
    found = sorted((d.column, d.severity, d.code) for d in diagnostics)
    assert found == [
        (3, "error", "duplicate-column"),
        (4, "warning", "unmapped-column"),
        (5, "warning", "unmapped-column"),
    ]


def test_map_file_headers_match_as_written_then_normalised() -> None:
    survey_map = SurveyMap(
        columns={"Q1[SQ001]": "factor.land", "soru  a": "factor.energy_cost"},
        ignore=frozenset({"Yorumlar"}),
    )
    assert survey_map.column("Q1[SQ001]") == (True, "factor.land")
    assert survey_map.column("Soru A") == (True, "factor.energy_cost")
    assert survey_map.column("Q2") == (False, None)
    assert survey_map.ignores("YORUMLAR")
    assert not survey_map.ignores("Yorum")
