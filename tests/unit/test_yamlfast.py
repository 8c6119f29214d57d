"""The reader's fast path reads exactly what the exact reader reads, or declines.

``diamond.yamlfast.read_plain`` must never give data that the exact reader
(``read_yaml(..., with_marks=True)``, which never takes the fast path) would not
give, with the same types, the same written integers and no finding. These tests
compare the two on every YAML file of the repository and on generated documents
made of the scalars where YAML 1.1 is subtle.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diamond.limits import Limits
from diamond.yamlfast import DECLINED, read_plain
from diamond.yamlscalars import WrittenInt
from diamond.yamlsource import YamlProblem, read_yaml

ROOT = Path(__file__).resolve().parents[2]


def same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (NaN equals NaN, key order counts)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            same(ka, kb) and same(a[ka], b[kb]) for ka, kb in zip(a, b, strict=True)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, WrittenInt):
        return a == b and a.text == b.text
    return bool(a == b)


def agrees(text: str, limits: Limits | None = None) -> bool:
    """True when the fast path declined or read what the exact reader reads, cleanly.

    Returns whether the fast path took the file.
    """
    limits = limits or Limits()
    fast = read_plain(text, limits)
    if fast is DECLINED:
        return False
    exact = read_yaml(text, "t.yaml", limits=limits, with_marks=True)
    assert exact.diagnostics == []
    assert same(fast, exact.data), (fast, exact.data)
    return True


def _yaml_files() -> list[Path]:
    found = [
        p
        for folder in ("assessments", "tests", "src", "schema")
        for p in sorted((ROOT / folder).rglob("*"))
        if p.suffix in (".yaml", ".yml") and p.is_file()
    ]
    return found


def test_every_yaml_file_of_the_repository_reads_the_same() -> None:
    taken = 0
    for path in _yaml_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        taken += agrees(text)
    assert taken > 50  # the fast path does take the ordinary files


# Scalars where YAML 1.1 resolution, quoting or equality is subtle.
SCALARS = [
    "0", "7", "-0", "+5", "007", "0o17", "0x1F", "0b101", "1_000", "20:30", "190:20:30.15",
    "1.5", "1.", ".5", "1e3", "1.0e+3", "-.inf", ".NaN", ".nan", "~", "null", "Null", "",
    "yes", "No", "ON", "off", "y", "n", "true", "False",
    "2015-05-01", "2001-12-14t21:59:43.10-05:00",
    "<<", "=", "'quoted'", '"5"', '"yes"', "'<<'", "text", "two words", "é", "٣", "1¹",
    "!!str 5", "!!int 7", "! 5", "!custom x", "&a 1", "*a", "9" * 30, "9" * 4100,
    "'multi\n  line'", "|\n  block\n", ">-\n  folded\n  text\n",
]  # fmt: skip


@pytest.mark.parametrize("scalar", SCALARS)
def test_each_scalar_as_value_and_key(scalar: str) -> None:
    agrees(f"a: {scalar}\n")
    agrees(f"- {scalar}\n")
    if "\n" in scalar:
        return
    agrees(f"[{scalar}]\n")
    if not scalar.startswith(("|", ">")):
        agrees(f"{scalar}: 1\nb: 2\n")
        agrees(f"{{{scalar}: 1, b: 2}}\n")


def test_plain_numbers_are_taken_and_resolved_as_yaml_1_1() -> None:
    assert agrees("a: 0700\nb: +5\nc: 1_000\nd: 20:30\ne: yes\nf: 2015-05-01\n")
    data = read_plain("a: 0700\nb: +5\n", Limits())
    assert data == {"a": 448, "b": 5}
    assert isinstance(data["b"], WrittenInt) and data["b"].text == "+5"


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "1: x\ntrue: y\n",  # keys equal in Python
        "a: &x [1]\nb: *x\n",  # alias
        "a: !!str 5\n",  # tag
        "? [a]\n: 1\n",  # complex key
        "<<: {a: 1}\n",  # merge key
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1\n",  # syntax error
        "a: " + "9" * 4100 + "\n",  # number too long
    ],
)
def test_what_needs_the_exact_reader_is_declined(text: str) -> None:
    assert read_plain(text, Limits()) is DECLINED


def test_limits_are_left_to_the_exact_reader() -> None:
    deep = "{a: " * 5 + "1" + "}" * 5 + "\n"
    assert read_plain(deep, Limits(max_depth=4)) is DECLINED
    assert read_plain(deep, Limits(max_depth=5)) == {"a": {"a": {"a": {"a": {"a": 1}}}}}
    many = "[" + ", ".join(["1"] * 10) + "]\n"
    assert read_plain(many, Limits(max_nodes=10)) is DECLINED
    assert read_plain(many, Limits(max_nodes=11)) == [1] * 10
    with pytest.raises(YamlProblem) as caught:
        read_yaml(many, "t.yaml", limits=Limits(max_nodes=10))
    assert caught.value.diagnostic.code == "limit-exceeded"


def test_duplicates_still_come_back_as_findings_with_the_first_value() -> None:
    document = read_yaml("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert document.data == {"a": 1, "b": 2}
    assert [(d.line, d.code) for d in document.diagnostics] == [(3, "duplicate-key")]


_piece = st.sampled_from([s for s in SCALARS if "\n" not in s])
_key = st.sampled_from(["a", "b", "yes", "1", "<<", "'a'", "~", "0x1", "1.0", "true"])


def _node(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return _piece
    inner = _node(depth - 1)
    flow_map = st.lists(st.tuples(_key, inner), max_size=4).map(
        lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    )
    flow_seq = st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")
    return st.one_of(_piece, flow_map, flow_seq)


_block = st.lists(st.tuples(_key, _node(2)), min_size=1, max_size=6).map(
    lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs)
)


@settings(max_examples=300, deadline=None)
@given(_block)
def test_generated_documents_read_the_same(text: str) -> None:
    agrees(text)


# --- light events: the compiled parser's event names are swapped only while reading -----

_EVENT_NAMES = (
    "StreamStartEvent", "StreamEndEvent", "DocumentStartEvent", "DocumentEndEvent",
    "AliasEvent", "ScalarEvent", "SequenceStartEvent", "SequenceEndEvent",
    "MappingStartEvent", "MappingEndEvent",
)  # fmt: skip

_SAMPLES = [
    "a: 1\nb: [x, 'y', {c: null}]\n",
    "a: 1\na: 2\n",  # declined: duplicate
    "a: &x [1]\nb: *x\n",  # declined: alias
    "a: !!str 5\n",  # declined: tag
    "a: [1\n",  # declined: syntax error
    "a: " + "9" * 4100 + "\n",  # declined: number too long, raised inside the light scalar
    "- <<\n- '<<'\n",  # '<<' as a value is text
    "",
]


def _compiled() -> Any:
    return pytest.importorskip("yaml._yaml")


def test_the_compiled_parser_is_left_as_it_was_after_every_read() -> None:
    import yaml.events

    compiled = _compiled()
    for text in _SAMPLES:
        read_plain(text, Limits())
        for name in _EVENT_NAMES:
            assert getattr(compiled, name) is getattr(yaml.events, name), name
    # and the stock PyYAML reading after it still gets real events
    kinds = [type(e).__name__ for e in yaml.parse("a: [1]\n", Loader=yaml.CSafeLoader)]
    assert kinds[3] == "ScalarEvent" and kinds[4] == "SequenceStartEvent"


def test_light_events_are_taken_when_the_installed_parser_passes_the_self_check() -> None:
    _compiled()
    from diamond import yamlfast

    assert yamlfast._check()


def _both_ways(monkeypatch: pytest.MonkeyPatch, text: str, limits: Limits) -> tuple[Any, Any]:
    from diamond import yamlfast

    light = read_plain(text, limits)
    monkeypatch.setattr(yamlfast, "_SWAPPABLE", False)
    converted = read_plain(text, limits)
    monkeypatch.undo()
    return light, converted


@pytest.mark.parametrize("text", _SAMPLES + [f"a: {s}\n" for s in SCALARS])
def test_converted_real_events_read_what_the_light_ones_read(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    light, converted = _both_ways(monkeypatch, text, Limits())
    assert (light is DECLINED) == (converted is DECLINED)
    assert light is DECLINED or same(light, converted)


def test_the_limits_decline_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "{a: " * 5 + "1" + "}" * 5 + "\n"
    many = "[" + ", ".join(["1"] * 10) + "]\n"
    for text, limits, declined in [
        (deep, Limits(max_depth=4), True), (deep, Limits(max_depth=5), False),
        (many, Limits(max_nodes=10), True), (many, Limits(max_nodes=11), False),
        ("a: {b: 1, c: [2, 3]}\n", Limits(max_nodes=8), True),
        ("a: {b: 1, c: [2, 3]}\n", Limits(max_nodes=9), False),
    ]:  # fmt: skip
        light, converted = _both_ways(monkeypatch, text, limits)
        assert (light is DECLINED) is declined and (converted is DECLINED) is declined


def test_a_second_thread_reads_with_real_events(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import yaml.events

    compiled = _compiled()
    from diamond import yamlfast

    seen: list[Any] = []
    real = yamlfast._converted

    def spy(get: Any, light: Any) -> Any:
        seen.append(compiled.ScalarEvent)
        return real(get, light)

    monkeypatch.setattr(yamlfast, "_converted", spy)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert read_plain("a: [1, 2]\n", Limits()) == {"a": [1, 2]}
    finally:
        stop.set()
        other.join()
    assert seen == [yaml.events.ScalarEvent]


def test_a_parser_that_fails_the_self_check_is_read_with_real_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _compiled()
    from diamond import yamlfast

    monkeypatch.setattr(yamlfast, "_SWAPPABLE", None)
    monkeypatch.setattr(yamlfast, "_light_stream", lambda text: ["something else"])
    assert read_plain("a: [1, 2]\n", Limits()) == {"a": [1, 2]}
    assert yamlfast._SWAPPABLE is False
