"""Messages that point at the cause (issue 15, item 3), in English and Turkish.

- a mis-indented line is named, not the line where libyaml noticed it, with an
  indentation hint and no quoting advice;
- list items are named by position ("the first item under 'opportunities'") or, for
  respondents, by id;
- "did you mean" knows Turkish and English synonyms of groups and dimensions;
- libyaml's own English problem texts are translated, and kept as they are in English.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diamond import i18n
from diamond.errors import Diagnostic
from diamond.findings import suggest
from diamond.loader import LoadOptions, load_text
from diamond.models.questionnaire import GROUPS
from diamond.pathwords import item_name, where_text
from diamond.yamlindent import misindented
from diamond.yamlsource import YamlProblem, read_yaml

HEAD = """\
diamond: 1
sector:
  name: Seramik
  region: Eskişehir
  period: "2015"
"""

ANSWERS = HEAD + """\
respondents:
  - id: firma-01
    group: firm
    answers:
      # Arazi
      factor.main_industry: 4
      factor.land: 3
      factor.labour_cost: 2
      factor.skilled_workforce: 4
"""
LAND = 12  # the line of 'factor.land' in ANSWERS


def _syntax(text: str) -> Diagnostic:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text, "q.yaml")
    return caught.value.diagnostic


def _moved(indent: int) -> str:
    lines = ANSWERS.splitlines(keepends=True)
    assert lines[LAND - 1].startswith("      factor.land")
    lines[LAND - 1] = " " * indent + lines[LAND - 1].lstrip(" ")
    return "".join(lines)


def _load(text: str) -> list[Diagnostic]:
    return load_text(text, "q.yaml", Path.cwd(), LoadOptions()).diagnostics


# --- indentation -----------------------------------------------------------------------


@pytest.mark.parametrize("indent", [0, 2, 4, 5, 7])
def test_a_misindented_key_is_reported_at_its_own_line(indent: int) -> None:
    found = _syntax(_moved(indent))
    assert (found.code, found.line, found.column) == ("yaml-syntax", LAND, indent + 1)
    assert f"line {LAND} is indented by {indent} space" in found.message
    assert "by 6" in found.message
    assert found.hint is not None and "indent line" in found.hint
    assert "quote" not in found.hint and "quote" not in found.message


def test_outdenting_is_reported_where_it_happened_not_two_lines_later() -> None:
    # libyaml itself notices at the next line at the old depth
    import yaml

    with pytest.raises(yaml.MarkedYAMLError) as raw:
        list(yaml.parse(_moved(4), Loader=yaml.CSafeLoader))
    assert raw.value.problem_mark is not None
    assert raw.value.problem_mark.line + 1 == LAND + 1
    assert _syntax(_moved(4)).line == LAND


def test_a_misindented_list_item_is_named() -> None:
    text = HEAD + (
        "respondents:\n  - id: a\n    answers: {factor.land: 4}\n"
        "swot:\n  strengths:\n    - text: bir\n  - text: iki\n    - text: üç\n"
    )
    found = _syntax(text)
    assert (found.line, found.column) == (12, 3)
    assert "indented by 2 spaces, but the lines around it by 4" in found.message


def test_other_syntax_errors_keep_libyaml_position_and_the_quoting_hint() -> None:
    found = _syntax(HEAD + "respondents: [a, b\nswot: 1\n")
    assert found.line == 7
    assert "did not find expected ',' or ']'" in found.message
    assert found.hint is not None and "quote" in found.hint


def test_misindented_needs_siblings_to_compare_with() -> None:
    assert misindented(["a: 1"], 1) is None
    assert misindented(["a:", "  b: 1", "  c: 2"], 3) is None


def test_indentation_message_in_turkish() -> None:
    i18n.activate("tr")
    found = _syntax(_moved(4))
    assert (found.line, found.column) == (LAND, 5)
    assert found.message.startswith("YAML söz dizimi hatası: 12. satır 4 boşlukla girintilenmiş")
    assert found.hint == (
        "12. satırı komşu satırlar gibi 6 boşlukla girintileyin; YAML yapıyı girintiden okur"
    )


def test_libyaml_problems_are_translated_and_kept_in_english() -> None:
    text = HEAD + "respondents: [a, b\nswot: 1\n"
    english = _syntax(text)
    assert "did not find expected ',' or ']' (while parsing a flow sequence" in english.message
    i18n.activate("tr")
    turkish = _syntax(text)
    assert (turkish.line, turkish.column) == (english.line, english.column)
    assert "beklenen ',' ya da ']' bulunamadı (köşeli parantezli liste okunurken" in (
        turkish.message
    )
    assert "did not find" not in turkish.message


# --- positions in words ----------------------------------------------------------------


SWOT_STRING = HEAD + (
    "respondents:\n  - id: a\n    answers: {factor.land: 4}\n"
    "swot:\n  opportunities:\n    - text: bir\n    - \"Yerlileştirme politikaları\"\n"
)


def test_a_plain_string_swot_item_is_named_by_position() -> None:
    [found] = [d for d in _load(SWOT_STRING) if d.severity == "error"]
    assert found.code == "wrong-type"
    assert (found.line, found.column) == (12, 7)
    assert found.message.startswith(
        "the second item under 'opportunities' must be a mapping of 'key: value' lines"
    )
    assert "'1'" not in found.message
    assert found.hint is not None and "- text:" in found.hint


def test_a_plain_string_swot_item_in_turkish() -> None:
    i18n.activate("tr")
    [found] = [d for d in _load(SWOT_STRING) if d.severity == "error"]
    assert found.message.startswith(
        "'opportunities' altındaki ikinci öğe 'anahtar: değer' satırlarından oluşan bir eşleme"
    )
    assert "'Yerlileştirme politikaları' metni" in found.message


@pytest.mark.parametrize(
    ("path", "english", "turkish"),
    [
        (("swot", "opportunities", 0), "the first item under 'opportunities'",
         "'opportunities' altındaki ilk öğe"),
        (("swot", "threats", 2), "the third item under 'threats'",
         "'threats' altındaki üçüncü öğe"),
        (("swot", "threats", 9), "the tenth item under 'threats'",
         "'threats' altındaki onuncu öğe"),
        (("swot", "threats", 11), "item 12 under 'threats'", "'threats' altındaki 12. öğe"),
        ((0,), "the first item", "ilk öğe"),
        ((14,), "item 15", "15. öğe"),
    ],
)
def test_item_names(path: tuple[object, ...], english: str, turkish: str) -> None:
    assert item_name(path) == english
    i18n.activate("tr")
    assert item_name(path) == turkish


def test_respondents_are_named_by_id_when_they_have_one() -> None:
    data = {"respondents": [{"id": "firma-01"}, {"group": "firm"}]}
    assert item_name(("respondents", 0), data) == "respondent 'firma-01'"
    assert item_name(("respondents", 1), data) == "the second item under 'respondents'"
    assert where_text(("respondents", 0, "answers"), data) == "respondent 'firma-01' > 'answers'"
    assert where_text(()) == "the top level"
    i18n.activate("tr")
    assert item_name(("respondents", 0), data) == "'firma-01' katılımcısı"


def test_a_missing_key_in_a_list_item_names_the_item() -> None:
    text = HEAD + "respondents:\n  - id: a\n    answers: {factor.land: 4}\n  - group: firm\n"
    missing = [d for d in _load(text) if d.code == "missing-key"]
    assert [d.message for d in missing] == [
        "missing required key 'id' in the second item under 'respondents'"
    ]


# --- did you mean ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("kamu", "public"),
        ("Kamu Kurumu", "public"),
        ("devlet", "public"),
        ("stk", "ngo"),
        ("STK", "ngo"),
        ("sivil toplum", "ngo"),
        ("dernek", "ngo"),
        ("firma", "firm"),
        ("şirket", "firm"),
        ("sirket", "firm"),
        ("işletme", "firm"),
        ("ÜNİVERSİTE", "university"),
        ("akademi", "university"),
        ("diğer", "other"),
        ("universty", "university"),  # spelling still works
    ],
)
def test_group_synonyms(word: str, meant: str) -> None:
    assert suggest(word, GROUPS) == f"did you mean '{meant}'?"


@pytest.mark.parametrize(
    ("word", "meant"),
    [("talep", "demand"), ("faktör", "factor"), ("girdi koşulları", "factor"),
     ("firma", "firm"), ("strateji", "firm"), ("ilgili ve destekleyici", "related"),
     ("yan sanayi", "related")],
)
def test_dimension_synonyms(word: str, meant: str) -> None:
    assert suggest(word, ["factor", "firm", "demand", "related"]) == f"did you mean '{meant}'?"


def test_a_synonym_is_offered_only_among_the_choices() -> None:
    extended = ["factor", "firm", "demand", "related", "government", "chance"]
    assert suggest("kamu", extended) == "did you mean 'government'?"
    assert suggest("şans", extended) == "did you mean 'chance'?"
    assert suggest("şans", ["factor", "firm", "demand", "related"]) is None


def test_group_suggestions_through_the_loader_in_both_languages() -> None:
    text = HEAD + "respondents:\n  - id: a\n    group: kamu\n    answers: {factor.land: 4}\n"
    [english] = [d for d in _load(text) if d.code == "bad-value"]
    assert english.hint == "did you mean 'public'?"
    i18n.activate("tr")
    [turkish] = [d for d in _load(text) if d.code == "bad-value"]
    assert (turkish.line, turkish.column) == (english.line, english.column)
    assert turkish.hint == "şunu mu demek istediniz: 'public'?"
    assert turkish.message == (
        "'group' şunlardan biri olmalı: firm, university, public, ngo, other; "
        "verilen: 'kamu' metni"
    )


def test_large_numbers_are_grouped_as_the_language_groups_them() -> None:
    from diamond.numbertext import grouped

    assert grouped(20_000_000) == "20,000,000"
    assert grouped(512) == "512"
    i18n.activate("tr")
    assert grouped(20_000_000) == "20.000.000"
    assert grouped(-1_500) == "-1.500"


def test_misindented_never_fails_and_stays_in_the_file() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    line = st.tuples(
        st.integers(0, 9),
        st.sampled_from(["a: 1", "b:", "- c: 2", "-", "- d", "e: |", "# x", "", "f: &g"]),
    ).map(lambda t: " " * t[0] + t[1])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(line, min_size=1, max_size=30), st.integers(-2, 40))
    def check(lines: list[str], error_line: int) -> None:
        found = misindented(lines, error_line)
        if found is not None:
            assert 1 <= found.line <= len(lines)
            assert found.indent != found.expected
            assert found.line <= error_line

    check()


def test_a_number_used_as_a_mapping_key_is_not_named_as_a_list_item() -> None:
    # Found by the fuzz test: {-93579: None} as a SWOT item crashed the wording.
    from diamond.pathwords import subject, where_text

    data = {"swot": {"strengths": [{"text": "a"}, {-93579: None, 2: "x"}]}}
    assert subject(("swot", "strengths", 1, -93579), data) == "'-93579'"
    assert subject(("swot", "strengths", 1, 2), data) == "'2'"
    assert subject(("swot", "strengths", 1), data) == "the second item under 'strengths'"
    assert where_text(("swot", "strengths", 1, 2), data).endswith("> '2'")
