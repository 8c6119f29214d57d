"""Reading single cells of a survey export: normalised text, answers, groups, weights."""

from __future__ import annotations

import pytest

from diamond.models.questionnaire import Scale
from diamond.survey.text import contains_phrase, normalise
from diamond.survey.values import Problem, label_values, parse_answer, parse_group, parse_weight

FIVE = Scale()
LABELS = label_values(FIVE, {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yetişmiş İnsan Gücünün VARLIĞI?", "yetismis insan gucunun varligi"),
        ("YETIŞMIŞ insan gucunun varligi", "yetismis insan gucunun varligi"),
        ("sector’s  competitiveness", "sectors competitiveness"),
        ("3. How favourable is …?", "3 how favourable is"),
        ("Q1[SQ001]", "q1 sq001"),
        ("  ", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_contains_phrase_needs_whole_words() -> None:
    assert contains_phrase("3 ic talep buyuklugu", "ic talep")
    assert not contains_phrase("cografi konumu", "cografi konum")
    assert not contains_phrase("anything", "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4", 4),
        (" 4.0 ", 4),
        ("4,0", 4),
        ("4 - Advantage", 4),
        ("4 – Avantaj", 4),
        ("5 (strong advantage)", 5),
        ("Strong advantage", 5),
        ("güçlü avantaj", 5),
        ("GÜÇLÜ AVANTAJ", 5),
        ("Ciddi dezavantaj", 1),
        ("serious disadvantage", 1),
        ("Dezavantaj", 2),
        ("Nötr", 3),
        ("neutral", 3),
        ("Advantage (4)", 4),
        ("strong_advantage", 5),  # KoboToolbox choice names
        ("", None),
        ("  ", None),
        ("N/A", None),
        ("Bilmiyorum", None),
        ("Don't know", None),
        ("-", None),
    ],
)
def test_answers_as_codes_or_labels(raw: str, expected: int | None) -> None:
    assert parse_answer(raw, FIVE, LABELS) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("4.5", "answer-not-whole"),
        ("7", "answer-range"),
        ("0", "answer-range"),
        ("süper", "answer-unreadable"),
        ("5 - Serious disadvantage", "answer-conflict"),
        ("yes", "answer-unreadable"),
    ],
)
def test_unreadable_answers_say_why(raw: str, code: str) -> None:
    result = parse_answer(raw, FIVE, LABELS)
    assert isinstance(result, Problem)
    assert result.code == code


def test_scale_labels_only_apply_to_a_five_point_scale() -> None:
    seven = Scale(min=1, max=7)
    labels = label_values(seven, {"cok iyi": 7})
    assert isinstance(parse_answer("Strong advantage", seven, labels), Problem)
    assert parse_answer("Çok iyi", seven, labels) == 7
    assert parse_answer("6", seven, labels) == 6


def test_map_file_labels_win_and_may_mean_no_answer() -> None:
    labels = label_values(FIVE, {normalise("Strongly agree"): 5, "unsure": None, "1": 5})
    assert parse_answer("Strongly agree", FIVE, labels) == 5
    assert parse_answer("Unsure", FIVE, labels) is None
    assert parse_answer("1", FIVE, labels) == 5  # reverse-coded, on purpose


@pytest.mark.parametrize(
    ("raw", "group"),
    [
        ("Firma", "firm"),
        ("şirket", "firm"),
        ("Company", "firm"),
        ("Üniversite", "university"),
        ("UNIVERSITE", "university"),
        ("Kamu", "public"),
        ("Kamu kurumu", "public"),
        ("STK", "ngo"),
        ("Sivil toplum kuruluşu", "ngo"),
        ("Diğer", "other"),
        ("Firma", "firm"),
        ("", "public"),  # the default
    ],
)
def test_groups(raw: str, group: str) -> None:
    assert parse_group(raw, {}, "public") == group


def test_group_problems_and_map() -> None:
    assert isinstance(parse_group("Belediye", {}, "firm"), Problem)
    assert isinstance(parse_group("Üniversite-sanayi", {}, "firm"), Problem)  # two groups
    assert parse_group("Belediye", {"belediye": "public"}, "firm") == "public"


@pytest.mark.parametrize(("raw", "value"), [("2", 2.0), ("0,5", 0.5), ("1.25", 1.25), ("", None)])
def test_weights(raw: str, value: float | None) -> None:
    assert parse_weight(raw) == value


@pytest.mark.parametrize("raw", ["0", "-1", "abc", "1,000,000.5", "inf", "nan"])
def test_bad_weights(raw: str) -> None:
    assert isinstance(parse_weight(raw), Problem)
