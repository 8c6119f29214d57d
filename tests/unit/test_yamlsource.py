"""The bounded YAML reader: scalar resolution, positions, duplicates, aliases and limits."""

from __future__ import annotations

import math
import time

import pytest
import yaml

from diamond.limits import Limits
from diamond.yamlscalars import WrittenInt, resolve_plain
from diamond.yamlsource import Marks, YamlProblem, read_yaml


def data(text: str, **kwargs: object) -> object:
    return read_yaml(text, "t.yaml", **kwargs).data  # type: ignore[arg-type]


def problem(text: str, limits: Limits | None = None) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text, "t.yaml", limits=limits)
    assert caught.value.diagnostic.path == "t.yaml"
    assert caught.value.diagnostic.severity == "error"
    return caught.value


# --- scalar resolution -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # integers, YAML 1.1 style
        ("0", 0),
        ("42", 42),
        ("+12", 12),
        ("-3", -3),
        ("1_000", 1000),
        ("1_000_000", 1_000_000),
        # str.isdigit() is true of superscripts and other scripts' digits: text, not numbers
        ("1¹", "1¹"),
        ("٣", "٣"),
        ("0x1F", 31),
        ("0x_1f", 31),
        ("-0x10", -16),
        ("017", 15),  # a leading 0 means octal in YAML 1.1
        ("0b101", 5),
        ("190:20:30", 685230),  # sexagesimal
        ("2015", 2015),
        # floats
        ("1.5", 1.5),
        ("0.5", 0.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("-2.25", -2.25),
        ("1_000.5", 1000.5),
        ("1.0e+3", 1000.0),
        ("6.8523015e+5", 685230.15),
        (".inf", math.inf),
        (".Inf", math.inf),
        ("+.INF", math.inf),
        ("-.inf", -math.inf),
        # booleans, YAML 1.1 style
        ("yes", True),
        ("Yes", True),
        ("YES", True),
        ("on", True),
        ("On", True),
        ("true", True),
        ("True", True),
        ("no", False),
        ("No", False),
        ("off", False),
        ("OFF", False),
        ("false", False),
        # nulls
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("~", None),
        ("", None),
        # text, including what looks like other things but is not
        ("2015-05-01", "2015-05-01"),  # timestamps stay text
        ("2015-05-01 10:00:00", "2015-05-01 10:00:00"),
        ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
        ("0o17", "0o17"),  # YAML 1.2 octal is not an int in YAML 1.1 (PyYAML agrees)
        ("09", "09"),  # not a valid octal
        ("1e3", "1e3"),  # YAML 1.1 floats need a dot
        ("1,000", "1,000"),
        ("y", "y"),
        ("n", "n"),
        ("evet", "evet"),
        ("hayır", "hayır"),
        ("factor.land", "factor.land"),
        ("-", "-"),
        (".", "."),
    ],
)
def test_resolve_plain(text: str, value: object) -> None:
    got = resolve_plain(text)
    assert got == value
    if isinstance(got, WrittenInt):  # an integer not in plain decimal keeps its text
        assert type(value) is int and got.text == text
    else:
        assert type(got) is type(value)


@pytest.mark.parametrize("text", [".nan", ".NaN", ".NAN"])
def test_resolve_plain_nan(text: str) -> None:
    value = resolve_plain(text)
    assert isinstance(value, float) and math.isnan(value)


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "-7",
        "0x1F",
        "017",
        "0b11",
        "1_000",
        "12:30",
        "1.5",
        ".5",
        "-.inf",
        "yes",
        "Off",
        "TRUE",
        "~",
        "null",
        "0o17",
        "09",
        "1e3",
        "abc",
        "factor.land",
        "+.5",
        "3.",
        "-0",
    ],
)
def test_resolve_plain_agrees_with_pyyaml_safe_load(text: str) -> None:
    assert resolve_plain(text) == yaml.safe_load(f"v: {text}")["v"]


def test_scalars_in_a_document() -> None:
    doc = data(
        'a: 4\nb: "4"\nc: \'0x10\'\nd: 2015-05-01\ne: "2015-05-01"\nf: yes\ng: "yes"\n'
        "h:\ni: ~\nj: 3.5\nk: |\n  satır\n"
    )
    assert doc == {
        "a": 4,
        "b": "4",
        "c": "0x10",
        "d": "2015-05-01",
        "e": "2015-05-01",
        "f": True,
        "g": "yes",
        "h": None,
        "i": None,
        "j": 3.5,
        "k": "satır\n",
    }
    assert type(doc["a"]) is int  # type: ignore[index]


def test_explicit_standard_tags() -> None:
    doc = data('a: !!str 4\nb: !!int "7"\nc: !!float 1\nd: !!bool yes\ne: !!null ""\nf: ! 12\n')
    assert doc == {"a": "4", "b": 7, "c": 1.0, "d": True, "e": None, "f": "12"}
    assert type(doc["c"]) is float  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a: !!python/object:os.system {}\n", (1, 4)),
        ("a: !!python/object/apply:os.system [ls]\n", (1, 4)),
        ("a: !!python/name:os.system ''\n", (1, 4)),
        ("a: !!binary aGVsbG8=\n", (1, 4)),
        ("a: !!set {x, y}\n", (1, 4)),
        ("a: !!timestamp 2015-05-01\n", (1, 4)),
        ("b: 1\na: !yerel x\n", (2, 4)),
    ],
)
def test_unsupported_tags_are_refused(text: str, position: tuple[int, int]) -> None:
    found = problem(text).diagnostic
    assert found.code == "yaml-tag"
    assert (found.line, found.column) == position
    assert "not supported" in found.message


def test_explicit_tag_with_unreadable_value() -> None:
    found = problem("a: !!int abc\n").diagnostic
    assert (found.code, found.line, found.column) == ("yaml-tag", 1, 4)
    assert "'abc'" in found.message


def test_overlong_number_is_refused_not_crashed() -> None:
    found = problem("a: " + "9" * 5000 + "\n").diagnostic
    assert (found.code, found.line, found.column) == ("yaml-number", 1, 4)
    assert found.hint is not None and "quote" in found.hint
    assert data('a: "' + "9" * 5000 + '"\n') == {"a": "9" * 5000}


# --- positions ---------------------------------------------------------------------------

DOC = """\
diamond: 1
sector:
  name: Seramik
respondents:
  - id: a
    answers: {factor.land: 4, firm.sme_count: 2}
  - id: b
list: [x, y,
  z]
empty:
"""


@pytest.fixture
def marks() -> Marks:
    document = read_yaml(DOC, "t.yaml", with_marks=True)
    assert document.marks is not None
    return document.marks


def test_positions_of_keys_and_values(marks: Marks) -> None:
    assert marks.key(("diamond",)) == (1, 1)
    assert marks.value(("diamond",)) == (1, 10)
    assert marks.key(("sector",)) == (2, 1)
    assert marks.value(("sector",)) == (3, 3)  # a block mapping starts at its first key
    assert marks.key(("sector", "name")) == (3, 3)
    assert marks.value(("sector", "name")) == (3, 9)
    assert marks.value(("empty",)) == (10, 7)  # an empty value stands right after the colon


def test_positions_of_list_items(marks: Marks) -> None:
    assert marks.value(("respondents",)) == (5, 3)  # the first '-'
    assert marks.key(("respondents", 0)) == (5, 5)
    assert marks.key(("respondents", 1)) == (7, 5)
    assert marks.key(("respondents", 1, "id")) == (7, 5)
    assert marks.value(("respondents", 1, "id")) == (7, 9)


def test_positions_in_flow_style(marks: Marks) -> None:
    assert marks.key(("respondents", 0, "answers")) == (6, 5)
    assert marks.value(("respondents", 0, "answers")) == (6, 14)
    assert marks.key(("respondents", 0, "answers", "factor.land")) == (6, 15)
    assert marks.value(("respondents", 0, "answers", "factor.land")) == (6, 28)
    assert marks.key(("respondents", 0, "answers", "firm.sme_count")) == (6, 31)
    assert marks.value(("respondents", 0, "answers", "firm.sme_count")) == (6, 47)
    assert [marks.value(("list", i)) for i in range(3)] == [(8, 8), (8, 11), (9, 3)]


def test_positions_fall_back_to_the_nearest_ancestor(marks: Marks) -> None:
    assert marks.has(("respondents", 0, "answers"))
    assert not marks.has(("respondents", 0, "answers", "nope"))
    assert marks.key(("respondents", 0, "answers", "nope")) == (6, 5)
    assert marks.value(("respondents", 5, "id")) == (5, 3)
    assert marks.value(("nowhere",)) == (1, 1)


def test_positions_count_characters_not_bytes() -> None:
    document = read_yaml("ğüşıöç: Çiçek\nx: 1\n", "t.yaml", with_marks=True)
    assert document.marks is not None
    assert document.marks.value(("ğüşıöç",)) == (1, 9)


def test_marks_are_recorded_only_on_request() -> None:
    assert read_yaml(DOC, "t.yaml").marks is None


def test_a_bom_at_the_start_of_the_text_is_not_a_column() -> None:
    document = read_yaml("\ufeffa: 1\nb: x\n", "t.yaml", with_marks=True)
    assert document.data == {"a": 1, "b": "x"}
    assert document.marks is not None
    assert document.marks.key(("a",)) == (1, 1)
    assert document.marks.value(("a",)) == (1, 4)


# --- duplicate keys ----------------------------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_key_and_the_first_value_kept() -> None:
    document = read_yaml("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert document.data == {"a": 1, "b": 2}
    [found] = document.diagnostics
    assert (found.path, found.line, found.column) == ("t.yaml", 3, 1)
    assert (found.severity, found.code) == ("error", "duplicate-key")
    assert "'a'" in found.message


def test_every_duplicate_is_reported_nested_and_in_flow_style() -> None:
    text = (
        "respondents:\n"
        "  - id: a\n"
        "    answers:\n"
        "      factor.land: 4\n"
        "      factor.land: 5\n"
        "  - {id: b, id: c}\n"
        "respondents: []\n"
    )
    document = read_yaml(text, "t.yaml")
    assert [(d.line, d.column, d.code) for d in document.diagnostics] == [
        (5, 7, "duplicate-key"),
        (6, 13, "duplicate-key"),
        (7, 1, "duplicate-key"),
    ]
    assert document.data == {
        "respondents": [{"id": "a", "answers": {"factor.land": 4}}, {"id": "b"}]
    }


def test_equal_values_of_different_types_are_different_keys() -> None:
    assert read_yaml("1: a\n'1': b\n", "t.yaml").diagnostics == []


def test_keys_that_resolve_equal_are_duplicates() -> None:
    document = read_yaml("yes: a\ntrue: b\n", "t.yaml")
    assert [d.code for d in document.diagnostics] == ["duplicate-key"]


def test_a_list_or_mapping_as_key_is_refused() -> None:
    found = problem("a: 1\n? [x, y]\n: 2\n").diagnostic
    assert (found.code, found.line, found.column) == ("yaml-key", 2, 3)
    found = problem("{x: 1}: 2\n").diagnostic
    assert found.code == "yaml-key"


# --- documents and syntax ----------------------------------------------------------------


def test_empty_text_reads_as_none() -> None:
    assert data("") is None
    assert data("# yalnızca yorum\n") is None


def test_one_explicit_document_is_fine() -> None:
    assert data("---\na: 1\n...\n") == {"a": 1}


def test_multiple_documents_are_refused_at_the_second() -> None:
    found = problem("a: 1\n---\nb: 2\n").diagnostic
    assert (found.code, found.line, found.column) == ("yaml-documents", 2, 1)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a: 1\n b: 2\n", (2, 2)),  # the mis-indented line, where its text starts
        ("a: [1, 2\nb: 3\n", (2, 2)),
        ("a:\n\tb: 1\n", (2, 1)),
        ('a: "açık\n', (2, 1)),
    ],
)
def test_syntax_errors_have_a_position(text: str, position: tuple[int, int]) -> None:
    found = problem(text).diagnostic
    assert found.code == "yaml-syntax"
    assert (found.line, found.column) == position
    assert found.message.startswith("YAML syntax error: ")


# --- aliases and limits ------------------------------------------------------------------


def test_aliases_within_limits_are_expanded() -> None:
    text = (
        "ortak: &o {factor.land: 4, firm.sme_count: 2}\n"
        "a: *o\n"
        "b: *o\n"
        "ad: &ad Seramik\n"
        "c: [*ad, *ad]\n"
    )
    doc = data(text)
    assert doc["a"] == doc["b"] == {"factor.land": 4, "firm.sme_count": 2}  # type: ignore[index]
    assert doc["c"] == ["Seramik", "Seramik"]  # type: ignore[index]


def test_alias_expansion_counts_like_the_expanded_document() -> None:
    aliased = "a: &x [1, 2, 3]\nb: *x\nc: *x\n"
    expanded = "a: [1, 2, 3]\nb: [1, 2, 3]\nc: [1, 2, 3]\n"

    def smallest_limit(text: str) -> int:
        for n in range(1, 100):
            try:
                read_yaml(text, "t.yaml", limits=Limits(max_nodes=n))
            except YamlProblem:
                continue
            return n
        raise AssertionError("no limit up to 100 was enough")

    assert smallest_limit(aliased) == smallest_limit(expanded) == 16


def test_alias_expansion_beyond_max_nodes_is_refused() -> None:
    text = "a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*x, *x, *x]\n"
    assert data(text, limits=Limits(max_nodes=100))
    found = problem(text, Limits(max_nodes=30)).diagnostic
    assert found.code == "limit-exceeded"
    assert found.line == 2
    assert "alias expansion" in found.message
    assert "30" in found.message
    assert found.hint is not None and "DIAMOND_MAX_NODES" in found.hint


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    start = time.perf_counter()
    found = problem("\n".join(lines) + "\n").diagnostic
    assert time.perf_counter() - start < 2
    assert found.code == "limit-exceeded"
    assert "20,000,000" in found.message


def test_alias_to_an_unfinished_or_unknown_anchor_is_refused() -> None:
    found = problem("a: &x [1, *x]\n").diagnostic
    assert (found.code, found.line, found.column) == ("yaml-alias", 1, 11)
    found = problem("a: *yok\n").diagnostic
    assert (found.code, found.line, found.column) == ("yaml-alias", 1, 4)
    assert "'*yok'" in found.message


def test_depth_limit() -> None:
    assert data("a: {b: {c: 1}}\n", limits=Limits(max_depth=3)) == {"a": {"b": {"c": 1}}}
    found = problem("a: {b: {c: {d: 1}}}\n", Limits(max_depth=3)).diagnostic
    assert (found.code, found.line, found.column) == ("limit-exceeded", 1, 12)
    assert "nesting depth 4 exceeds the limit of 3" in found.message
    assert found.hint is not None and "DIAMOND_MAX_DEPTH" in found.hint


def test_depth_limit_stops_a_thousand_nested_lists() -> None:
    found = problem("a: " + "[" * 1000 + "]" * 1000 + "\n").diagnostic
    assert found.code == "limit-exceeded"
    assert (found.line, found.column) == (1, 4 + 63)  # the 64th '[' is the 65th level


@pytest.mark.parametrize("depth", [999, 1_000, 1_001, 5_000])
@pytest.mark.parametrize(
    ("lead", "levels"), [("a: ", 1), ("ğüşıöç: ", 1), ("- ", 1), ("k:\n  b: ", 2), ("", 0)]
)
def test_depth_limit_is_ours_whatever_libyaml_caps(lead: str, levels: int, depth: int) -> None:
    # PyYAML >= 6.0.4 bundles a libyaml that stops at 1,000 levels while its scanner
    # looks ahead for a simple key; the finding must still be our limit at its spot.
    text = lead + "[" * depth + "]" * depth + "\n"
    found = problem(text).diagnostic
    assert found.code == "limit-exceeded"
    assert "nesting depth 65 exceeds the limit of 64" in found.message
    last_line = lead.split("\n")[-1]
    bracket = 65 - levels  # the bracket that opens level 65
    assert (found.line, found.column) == (lead.count("\n") + 1, len(last_line) + bracket)
    assert found.hint is not None and "DIAMOND_MAX_DEPTH" in found.hint


def test_nesting_past_the_parsers_own_cap_names_it() -> None:
    # Where DIAMOND_MAX_DEPTH is raised past libyaml's cap, the parser's error is
    # simulated here so that the test holds with every libyaml release.
    from diamond import yamlsource

    mark = yaml.Mark("t.yaml", 5, 0, 5, None, None)
    exc = yaml.scanner.ScannerError(
        "while increasing flow level", mark, "exceeded maximum nesting depth", mark
    )
    found = yamlsource._parser_depth_diagnostic(exc, "[[[[[[[[", "t.yaml", Limits(max_depth=5000))
    assert (found.code, found.line, found.column) == ("limit-exceeded", 1, 6)
    assert "1,000" in found.message and "DIAMOND_MAX_DEPTH" in found.message
    assert "5,000" in found.message


def test_node_limit_counts_scalars() -> None:
    assert data("[1, 2, 3]", limits=Limits(max_nodes=4)) == [1, 2, 3]
    found = problem("[1, 2, 3, 4]", Limits(max_nodes=4)).diagnostic
    assert (found.code, found.line, found.column) == ("limit-exceeded", 1, 11)


def test_node_limit_counts_empty_containers() -> None:
    problem("[[], [], [], [], [], [], [], [], []]", Limits(max_nodes=5))
