"""``jsonindent.indented`` writes ``json.dumps(..., ensure_ascii=False, indent=n)``'s text."""

from __future__ import annotations

import enum
import json
import random
from typing import Any

import pytest

from diamond.jsonindent import indented
from diamond.safetext import json_text

_TEXTS = ["", "a", 'quo"te', "back\\slash", "new\nline", "tab\t", "\x00\x1b[31m", "ğüşİıöç",
          "\u202e\ud800", "\u2028", "😀", "\x7f\x9b"]
_NUMBERS: list[Any] = [0, -0.0, 0.0, 1, -1, 2**70, -(2**70), 0.1, 1e300, -1e-300, 5e-324,
                       float("nan"), float("inf"), float("-inf"), 56.3, True, False, None]


class Level(enum.IntEnum):
    LOW = 1


class Text(str):
    pass


def _random(rng: random.Random, depth: int) -> Any:
    kind = rng.random()
    if depth > 3 or kind < 0.45:
        return rng.choice([*_TEXTS, *_NUMBERS, Level.LOW, Text("sub"), rng.uniform(-1e6, 1e6)])
    if kind < 0.75:
        return {rng.choice(_TEXTS) + str(k): _random(rng, depth + 1)
                for k in range(rng.randrange(0, 5))}
    items = [_random(rng, depth + 1) for _ in range(rng.randrange(0, 5))]
    return tuple(items) if rng.random() < 0.3 else items


@pytest.mark.parametrize("indent", [0, 1, 2, 4])
def test_plain_data_is_written_as_json_dumps_writes_it(indent: int) -> None:
    rng = random.Random(indent)
    for _ in range(400):
        data = _random(rng, 0)
        assert indented(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("data", [
    {1: "an int key"}, {"a": {None: 1}}, [object()], {"a": [1, {2.5: 3}]}, {"s": {1, 2}},
])
def test_anything_else_is_left_to_json_dumps(data: Any) -> None:
    assert indented(data, 2) is None


def test_json_text_converts_or_raises_as_json_dumps_does() -> None:
    assert json_text({1: [True]}) == json.dumps({1: [True]}, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        json_text({"a": object()})


def test_nesting_too_deep_for_the_interpreter_falls_back() -> None:
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    assert indented(deep, 1) is None
