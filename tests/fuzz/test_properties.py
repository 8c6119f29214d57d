"""Property-based tests: generated and mutated questionnaires, and scoring invariants.

Questionnaires are generated as Python data from the stm-2015 catalogue's ids, written
out with ``yaml.safe_dump`` and then damaged, either as data (wrong types, missing and
extra keys, hostile text, huge numbers, NaN and infinities, deep nesting, aliases) or
as text and bytes (duplicate keys, tabs, byte-order marks, NUL, bytes that are not
UTF-8, truncation, tags, merge keys, extra documents). Every file goes through the
core (``validate_one``) and the CLI (``diamond validate``, and ``diamond assess -f
json`` when the file is valid), and must come back with exit code 0, 1 or 2, no
traceback, and every diagnostic pointing at a line and column inside the file.

Budgets (``max_examples`` per test, ``deadline=None``) are kept modest so that the
whole file runs in well under a minute on a 2-core machine (their sum is stated in
tests/README.md). For a longer hunt, multiply every budget::

    DIAMOND_FUZZ_SCALE=20 python -m pytest tests/fuzz/test_properties.py
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from diamond.cli.app import app as APP
from diamond.frameworks import builtin
from diamond.loader import LoadOptions
from diamond.models.questionnaire import GROUPS, QUADRANTS, Questionnaire
from diamond.scoring import assess, to_json_dict
from diamond.validation import FileReport, validate_one

CAT = builtin("stm-2015")
INDICATORS = list(CAT.indicators)
DIMENSIONS = list(CAT.dimensions)
READINESS = list(CAT.readiness_ids)
OPTIONS = LoadOptions()
RUNNER = CliRunner()
EXIT_CODES = {0, 1, 2}

# Per-test budgets. Their sum is the number of generated inputs per run (tests/README.md).
_SCALE = os.environ.get("DIAMOND_FUZZ_SCALE", "1").strip()
SCALE = int(_SCALE) if _SCALE.isdigit() and int(_SCALE) > 0 else 1
VALID_EXAMPLES = 60
DATA_MUTATION_EXAMPLES = 150
TEXT_MUTATION_EXAMPLES = 150
BINARY_EXAMPLES = 100
TEXT_EXAMPLES = 100
SCORING_EXAMPLES = 60  # each of the six hypothesis scoring properties

COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

# --------------------------------------------------------------------------- strategies

HOSTILE_TEXT = [
    "Savunma ve Havacılık",
    "İSTANBUL ışık ĞÜŞÖÇ",
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew
    "abc\u202edcba\u202c",  # right-to-left override
    "👩🏽‍🔬🇹🇷🚀",  # emoji with joiners, skin tone and a flag
    "a\u200bb\u200dc\u2060d",  # zero-width characters
    "\ufeffbom in text",
    "line\u2028separator\u2029paragraph\x85nel",
    "tab\tinside",
    "nul\x00inside",
    "bell\x07esc\x1b[31m",
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
    "%s %n {0} ${HOME}",
    "null",
    "yes",
    "~",
    "2015-05-01",
    "1e3",
    "0x1F",
    "- item",
    "key: value",
    "# not a comment",
    "&anchor *alias",
    "!!python/object:os.system",
    "x" * 300,
]
OVERSIZE = ["x" * 301, "ş" * 301, "y" * 5001]  # over the name and text limits
ANY_TEXT = st.one_of(st.text(max_size=50), st.sampled_from(HOSTILE_TEXT + OVERSIZE))


def _printable(text: str) -> bool:
    return bool(text.strip())


SHORT = st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(HOSTILE_TEXT)).filter(
    _printable
)
LONG = st.one_of(st.text(min_size=1, max_size=200), st.sampled_from(HOSTILE_TEXT)).filter(
    _printable
)
RESPONDENT_ID = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
    st.text(min_size=1, max_size=20).filter(lambda s: bool(s.strip())),
)
WEIGHT = st.one_of(
    st.integers(min_value=1, max_value=900),
    st.floats(min_value=0.001, max_value=900, allow_nan=False, allow_infinity=False),
)


@st.composite
def scales(draw: st.DrawFn) -> dict[str, int] | None:
    """No scale (1..5), or whole-number bounds min < max."""
    if draw(st.booleans()):
        return None
    low = draw(st.integers(min_value=-5, max_value=3))
    return {"min": low, "max": low + draw(st.integers(min_value=1, max_value=9))}


@st.composite
def respondents(draw: st.DrawFn, low: int, high: int, min_size: int = 1) -> list[dict[str, Any]]:
    """Respondents with unique ids, each answering a random subset of indicators."""
    ids = draw(
        st.lists(RESPONDENT_ID, min_size=min_size, max_size=6, unique_by=lambda s: s.strip())
    )
    people = []
    for rid in ids:
        person: dict[str, Any] = {"id": rid}
        if draw(st.booleans()):
            person["group"] = draw(st.sampled_from(GROUPS))
        if draw(st.booleans()):
            person["weight"] = draw(WEIGHT)
        person["answers"] = draw(
            st.dictionaries(
                st.sampled_from(INDICATORS),
                st.one_of(st.none(), st.integers(min_value=low, max_value=high)),
                max_size=len(INDICATORS),
            )
        )
        people.append(person)
    return people


@st.composite
def swot_items(draw: st.DrawFn) -> dict[str, Any]:
    """A SWOT item whose indicator and dimension, when both given, agree."""
    item: dict[str, Any] = {"text": draw(LONG)}
    indicator = draw(st.none() | st.sampled_from(INDICATORS))
    if indicator is not None:
        item["indicator"] = indicator
    if draw(st.booleans()):
        item["dimension"] = (
            CAT.dimension_of(indicator) if indicator else draw(st.sampled_from(DIMENSIONS))
        )
    if draw(st.booleans()):
        item["importance"] = draw(st.integers(min_value=1, max_value=5))
    return item


@st.composite
def questionnaires(draw: st.DrawFn) -> dict[str, Any]:
    """A valid questionnaire as plain data."""
    sector: dict[str, Any] = {
        "name": draw(SHORT),
        "region": draw(SHORT),
        "period": draw(st.one_of(SHORT, st.integers(min_value=1900, max_value=2100))),
    }
    if draw(st.booleans()):
        sector["language"] = draw(st.sampled_from(["tr", "en"]))
    if draw(st.booleans()):
        sector["description"] = draw(LONG)
    data: dict[str, Any] = {"diamond": 1, "sector": sector}
    if draw(st.booleans()):
        data["framework"] = "stm-2015"
    scale = draw(scales())
    low, high = (1, 5) if scale is None else (scale["min"], scale["max"])
    if scale is not None:
        data["scale"] = scale
    data["respondents"] = draw(respondents(low, high))
    if draw(st.booleans()):
        data["swot"] = {
            q: draw(st.lists(swot_items(), max_size=3))
            for q in draw(st.sets(st.sampled_from(QUADRANTS)))
        }
    if draw(st.booleans()):
        weight = st.one_of(st.sampled_from([0, 0.5, 1, 2, 1e-17, 5e-324]), st.floats(0, 100))
        dims = draw(st.dictionaries(st.sampled_from(DIMENSIONS), weight))
        if len(dims) == len(DIMENSIONS) and not any(dims.values()):
            dims[DIMENSIONS[0]] = 1
        data["weights"] = {
            "dimensions": dims,
            "indicators": draw(st.dictionaries(st.sampled_from(INDICATORS), weight, max_size=5)),
        }
    if draw(st.booleans()):
        data["readiness"] = draw(
            st.dictionaries(
                st.sampled_from(READINESS), st.sampled_from(["met", "partial", "unmet"])
            )
        )
    return data


HUGE = [10**100, -(10**100), 2**63, -(2**63) - 1, 10**19]
SPECIAL_FLOATS = [math.nan, math.inf, -math.inf, 1e308, -0.0, 5e-324, 4.5, 1e100]
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(HUGE),
    st.sampled_from(SPECIAL_FLOATS),
    st.floats(),
    st.just(""),
    ANY_TEXT,
)
JUNK = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), inner, max_size=3)
    ),
    max_leaves=8,
)


def nested(depth: int) -> Any:
    """A list nested ``depth`` levels deep."""
    value: Any = "bottom"
    for n in range(depth):
        value = [value] if n % 2 else {"k": value}
    return value


def _paths(
    node: Any, path: tuple[Any, ...] = (), ancestors: frozenset[int] = frozenset()
) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) of ``node``; a container inside itself (an 'alias' mutation can
    make one, which YAML writes as ``&id001 [*id001]``) is not entered again."""
    yield path, node
    if id(node) in ancestors:
        return
    inner = ancestors | {id(node)}
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key), inner)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index), inner)


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


NEAR_MISS_KEYS = ["respondent", "answer", "Sector", "name ", "weigth", "swot", "id", "<<", ""]


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any] | list[Any] | Any:
    """A valid questionnaire damaged by one to three data-level mutations."""
    data = copy.deepcopy(draw(questionnaires()))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        spots = list(_paths(data))
        path, node = draw(st.sampled_from(spots))
        kind = draw(
            st.sampled_from(["replace", "delete", "extra", "alias", "deep", "text", "number"])
        )
        if not path and kind in ("replace", "delete", "deep"):
            kind = "extra"
        if kind == "replace":
            _parent(data, path)[path[-1]] = draw(JUNK)
        elif kind == "delete":
            del _parent(data, path)[path[-1]]
        elif kind == "extra":
            target = node if isinstance(node, dict) else data
            if isinstance(target, dict):
                key = draw(st.one_of(st.sampled_from(NEAR_MISS_KEYS), st.text(max_size=12)))
                target[key] = draw(JUNK)
        elif kind == "alias" and path:
            containers = [v for _, v in spots if isinstance(v, (dict, list)) and v is not data]
            if containers:  # the same object twice: safe_dump writes an anchor and an alias
                _parent(data, path)[path[-1]] = draw(st.sampled_from(containers))
        elif kind == "deep":
            _parent(data, path)[path[-1]] = nested(draw(st.integers(min_value=1, max_value=120)))
        elif kind == "text" and path:
            _parent(data, path)[path[-1]] = draw(ANY_TEXT)
        elif kind == "number" and path:
            _parent(data, path)[path[-1]] = draw(
                st.one_of(st.sampled_from(HUGE + SPECIAL_FLOATS), st.integers(), st.floats())
            )
        if not isinstance(data, dict):
            break
    return data


def dump(data: Any) -> str:
    """YAML text as an analyst's editor would hold it (unicode kept, key order kept)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


KEY_LINE = re.compile(r"^( *)(?:- )?([^\s:#'\"-][^:\n]*):(?: |$)")
TAGS = ["!!python/object:os.system", "!!binary", "!custom", "!!str", "!!int", "!!float", "!!set"]


@st.composite
def text_mutations(draw: st.DrawFn) -> bytes:
    """The YAML text of a valid questionnaire, damaged as text and then as bytes."""
    text = dump(draw(questionnaires()))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines = text.split("\n")
        n = draw(st.integers(min_value=0, max_value=max(0, len(lines) - 1)))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        kind = draw(
            st.sampled_from(
                [
                    "duplicate-key", "tab", "tab-indent", "splice-text", "nul", "huge-number",
                    "undefined-alias", "alias-bomb", "merge", "tag", "documents", "flow",
                    "crlf", "cr", "truncate", "anchor-self", "comment",
                ]
            )
        )  # fmt: skip
        if kind == "duplicate-key":
            match = KEY_LINE.match(lines[n])
            if match:
                lines.insert(n, f"{match.group(1)}{match.group(2)}: duplicate")
            text = "\n".join(lines)
        elif kind == "tab":
            text = text[:at] + "\t" + text[at:]
        elif kind == "tab-indent":
            lines[n] = "\t" + lines[n].lstrip(" ")
            text = "\n".join(lines)
        elif kind == "splice-text":
            piece = draw(ANY_TEXT)
            text = text[:at] + piece + text[at:]
        elif kind == "nul":
            text = text[:at] + draw(st.sampled_from(["\x00", '"\\0"', '"\\x00"'])) + text[at:]
        elif kind == "huge-number":
            digits = "9" * draw(st.sampled_from([20, 101, 4001, 5000]))
            text = re.sub(r"(?<=: )-?\d+\b", digits, text, count=1)
        elif kind == "undefined-alias":
            text = re.sub(r"(?<=: )\S+", "*nowhere", text, count=1)
        elif kind == "alias-bomb":
            bomb = ["x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
            for level in "bcdefghi":
                prev = chr(ord(level) - 1)
                bomb.append(f"x-{level}: &{level} [" + ", ".join([f"*{prev}"] * 9) + "]")
            text = text + "\n".join(bomb) + "\n"
        elif kind == "merge":
            lines.insert(n, "<<: {a: 1}" if not lines[n].startswith(" ") else lines[n])
            text = "\n".join(lines)
        elif kind == "tag":
            text = re.sub(r"(?<=: )", draw(st.sampled_from(TAGS)) + " ", text, count=1)
        elif kind == "documents":
            text = text + draw(st.sampled_from(["---\n", "...\n", "---\na: 1\n", "--- |\n  x\n"]))
        elif kind == "flow":
            text = text[:at] + draw(st.sampled_from(list("[]{},:?&*!|>%@`'\""))) + text[at:]
        elif kind == "crlf":
            text = text.replace("\n", "\r\n")
        elif kind == "cr":
            text = text.replace("\n", "\r")
        elif kind == "truncate":
            text = text[:at]
        elif kind == "anchor-self":
            text = re.sub(r"(?<=: )\S+", "&s [*s]", text, count=1)
        elif kind == "comment":
            lines.insert(n, "# " + draw(st.text(max_size=30)).replace("\n", " "))
            text = "\n".join(lines)
    data = text.encode("utf-8")
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        kind = draw(st.sampled_from(["bom8", "bom16le", "bom16be", "bytes", "cut"]))
        if kind == "bom8":
            data = b"\xef\xbb\xbf" + data
        elif kind == "bom16le":
            data = b"\xff\xfe" + data
        elif kind == "bom16be":
            data = b"\xfe\xff" + data
        elif kind == "bytes":
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        else:
            data = data[:at]
    return data


# --------------------------------------------------------------------------- checks


def line_count(data: bytes) -> int:
    """Lines as YAML counts them (CR, LF, CRLF, NEL, LS, PS all break lines)."""
    try:
        return len(data.decode("utf-8").splitlines())
    except UnicodeDecodeError:
        return len(data.splitlines())


def check_report(report: FileReport, path: str, data: bytes) -> None:
    """Every diagnostic names the file and a line and column inside it."""
    limit = line_count(data) + 1
    for d in report.diagnostics:
        assert d.severity in ("error", "warning")
        assert d.path == path, d
        assert 1 <= d.line <= limit, (d, limit)
        assert d.column >= 1, d
        assert d.code and d.message, d


def run_cli(args: list[str]) -> Any:
    """Invoke the CLI in-process; no traceback, a documented exit code."""
    result = RUNNER.invoke(APP, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.exception,
        result.output,
    )
    assert result.exit_code in EXIT_CODES, (args, result.exit_code, result.output)
    assert "Traceback" not in result.output
    return result


def all_scores(result: dict[str, Any]) -> dict[str, float | None]:
    """Every score of an assessment's JSON, by a stable name."""
    scores: dict[str, float | None] = {"overall": result["overall"]["score"]}
    for dimension in result["dimensions"]:
        scores[dimension["id"]] = dimension["score"]
        for indicator in dimension["indicators"]:
            scores[indicator["id"]] = indicator["score"]
    for group in result["groups"]:
        scores[f"group:{group['id']}"] = group["overall"]
        for key, value in group["dimensions"].items():
            scores[f"group:{group['id']}:{key}"] = value
    for key, value in result["group_spread"].items():
        scores[f"spread:{key}"] = value
    return scores


def check_score_range(scores: dict[str, float | None]) -> None:
    for name, value in scores.items():
        if value is not None:
            assert 0 <= value <= 100, (name, value)


_FOLDER = Path(tempfile.mkdtemp(prefix="diamond-props-"))


def check_file(data: bytes, name: str = "q.yaml") -> FileReport:
    """Core and CLI on one file's bytes; the invariants every input must keep."""
    file = _FOLDER / name
    file.write_bytes(data)
    path = str(file)
    report = validate_one(path, OPTIONS)
    check_report(report, path, data)
    errors = sorted({d.code for d in report.diagnostics if d.severity == "error"})
    event(f"first error code: {errors[0] if errors else 'none (valid)'}")
    expected = 0 if report.valid else 1
    as_json = run_cli(["validate", path, "--format", "json"])
    assert as_json.exit_code == expected, as_json.output
    document = json.loads(as_json.stdout)
    for diagnostic in document["files"][0]["diagnostics"]:
        assert diagnostic["path"] == path
        assert 1 <= diagnostic["line"] <= line_count(data) + 1
        assert diagnostic["column"] >= 1
    as_text = run_cli(["validate", path, "--format", "text", "--color", "never"])
    assert as_text.exit_code == expected
    for line in as_text.stdout.splitlines():
        if ": error: " in line:
            assert line.startswith(path + ":"), line
    if report.valid:
        scored = run_cli(["assess", path, "-f", "json"])
        assert scored.exit_code == 0, scored.output
        check_score_range(all_scores(json.loads(scored.stdout)))
    return report


# --------------------------------------------------------------------------- loading


@settings(max_examples=VALID_EXAMPLES * SCALE, **COMMON)
@given(questionnaires())
def test_generated_questionnaires_are_valid(data: dict[str, Any]) -> None:
    report = check_file(dump(data).encode("utf-8"))
    assert report.valid, report.diagnostics


@settings(max_examples=DATA_MUTATION_EXAMPLES * SCALE, **COMMON)
@given(mutated())
def test_data_mutations_are_reported_not_crashed(data: Any) -> None:
    try:
        text = dump(data)
    except (ValueError, RecursionError, yaml.YAMLError):  # e.g. int too long to print
        assume(False)
        return
    check_file(text.encode("utf-8"))


@settings(max_examples=TEXT_MUTATION_EXAMPLES * SCALE, **COMMON)
@given(text_mutations())
def test_text_and_byte_mutations_are_reported_not_crashed(data: bytes) -> None:
    check_file(data)


@settings(max_examples=BINARY_EXAMPLES * SCALE, **COMMON)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_file(data: bytes) -> None:
    check_file(data)


@settings(max_examples=TEXT_EXAMPLES * SCALE, **COMMON)
@given(st.text(max_size=2000))
def test_arbitrary_text_as_a_file(text: str) -> None:
    check_file(text.encode("utf-8"))


# --------------------------------------------------------------------------- scoring


def score(data: dict[str, Any], method: str) -> dict[str, float | None]:
    # The invariants are about scoring: every group is shown (no confidentiality merge,
    # which rightly changes what is shown when a group grows past report.min_group_size).
    questionnaire = Questionnaire.model_validate({**data, "report": {"min_group_size": 1}})
    return all_scores(to_json_dict(assess(questionnaire, CAT, method)))


METHOD = st.sampled_from(["mean", "median"])


@settings(max_examples=SCORING_EXAMPLES * SCALE, **COMMON)
@given(questionnaires(), METHOD)
def test_scores_lie_between_0_and_100(data: dict[str, Any], method: str) -> None:
    check_score_range(score(data, method))


@settings(max_examples=SCORING_EXAMPLES * SCALE, **COMMON)
@given(questionnaires(), METHOD, st.randoms(use_true_random=False))
def test_permuting_respondents_changes_no_score(data: dict[str, Any], method: str, rnd) -> None:  # type: ignore[no-untyped-def]
    before = score(data, method)
    rnd.shuffle(data["respondents"])
    assert score(data, method) == before


@settings(max_examples=SCORING_EXAMPLES * SCALE, **COMMON)
@given(questionnaires(), METHOD)
def test_duplicating_every_respondent_changes_no_score(data: dict[str, Any], method: str) -> None:
    before = score(data, method)
    copies = [dict(r, id=f"{r['id']}\u2063copy") for r in copy.deepcopy(data["respondents"])]
    data["respondents"] = data["respondents"] + copies
    assert score(data, method) == before


@settings(max_examples=SCORING_EXAMPLES * SCALE, **COMMON)
@given(questionnaires(), METHOD, st.sampled_from(GROUPS), st.lists(st.sampled_from(INDICATORS)))
def test_a_respondent_with_only_null_answers_changes_no_score(
    data: dict[str, Any], method: str, group: str, nulls: list[str]
) -> None:
    before = score(data, method)
    blank = {"id": "\u2063blank", "group": group, "answers": dict.fromkeys(nulls)}
    data["respondents"].append(blank)
    after = score(data, method)
    for name, value in after.items():
        if name in before:
            assert value == before[name], name
        else:  # a group only the blank respondent belongs to: present, but unscored
            assert value is None, name


@settings(max_examples=SCORING_EXAMPLES * SCALE, **COMMON)
@given(questionnaires(), METHOD, st.data())
def test_an_unanswered_indicator_written_as_null_changes_no_score(
    data: dict[str, Any], method: str, draw: st.DataObject
) -> None:
    answered = {
        key
        for r in data["respondents"]
        for key, value in r.get("answers", {}).items()
        if value is not None
    }
    unanswered = [i for i in INDICATORS if i not in answered]
    assume(unanswered)
    indicator = draw.draw(st.sampled_from(unanswered))
    before = score(data, method)
    for respondent in data["respondents"]:
        respondent.setdefault("answers", {})[indicator] = None
    assert score(data, method) == before


@settings(max_examples=SCORING_EXAMPLES * SCALE, **COMMON)
@given(questionnaires(), METHOD, st.data())
def test_scaling_every_respondent_weight_changes_no_score(
    data: dict[str, Any], method: str, draw: st.DataObject
) -> None:
    # Weights are read as the decimals written (see the test below). Whole-number weights
    # times these factors are exact short decimals, so the scores are exactly equal. A
    # float weight of 17 digits times 2 is another decimal, not exactly twice the first,
    # so there the mean agrees to float precision; a median can then fall on the other
    # side of an exact tie, so only where it has a score is compared.
    weights = [r.get("weight", 1) for r in data["respondents"]]
    whole = all(isinstance(w, int) for w in weights)
    factors = [0.125, 0.5, 2, 4, 1024] + ([3, 10, 1000] if whole else [])
    factor = draw.draw(st.sampled_from(factors))
    before = score(data, method)
    for respondent, weight in zip(data["respondents"], weights, strict=True):
        respondent["weight"] = weight * factor
    after = score(data, method)
    if whole:
        assert after == before
        return
    assert after.keys() == before.keys()
    for name, value in before.items():
        other = after[name]
        assert (value is None) == (other is None), name
        if value is not None and other is not None and method == "mean":
            assert math.isclose(value, other, rel_tol=1e-9, abs_tol=1e-9), name


@pytest.mark.parametrize("method", ["mean", "median"])
@pytest.mark.parametrize(
    "scaled", [(0.3, 0.6, 0.9), (1, 2, 3), (10, 20, 30), (0.001, 0.002, 0.003)]
)
def test_decimal_weights_scaled_give_the_same_scores(
    method: str, scaled: tuple[float, float, float]
) -> None:
    # Weights are read as the decimals written, not their binary approximations: 0.1,
    # 0.2, 0.3 weigh exactly as 0.3, 0.6, 0.9 or 1, 2, 3 do (issue 10: 1, 2, 5 weighted
    # 0.1/0.2/0.3 had a median of 2.0 against 3.5 for 1/2/3).
    def data(weights: tuple[float, float, float]) -> dict[str, Any]:
        answers = [{"factor.land": 1, "firm.sme_count": 5}, {"factor.land": 2,
                   "firm.sme_count": 2}, {"factor.land": 5, "firm.sme_count": 3}]
        return {
            "diamond": 1,
            "sector": {"name": "Seramik", "region": "Kütahya", "period": "2015"},
            "respondents": [{"id": i, "weight": w, "answers": a}
                            for i, w, a in zip("abc", weights, answers, strict=True)],
        }

    assert score(data((0.1, 0.2, 0.3)), method) == score(data(scaled), method)
