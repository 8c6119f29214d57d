"""``@frozen`` behaves as ``@dataclass(frozen=True)`` on every class declared with it."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pickle
import pkgutil
from typing import Any

import pytest

import diamond.render
import diamond.scoring
import diamond.stats
from diamond.frozen import frozen


def _declared() -> list[type]:
    """Every class of diamond.render, diamond.scoring and diamond.stats built by ``@frozen``."""
    found: dict[str, type] = {}
    for package in (diamond.render, diamond.scoring, diamond.stats):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if (isinstance(value, type) and value.__module__ == module.__name__
                        and dataclasses.is_dataclass(value)
                        and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
                        and "__create_fn__" not in value.__repr__.__qualname__
                        and value.__repr__.__module__ == "diamond.frozen"):
                    found[f"{module.__name__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


DECLARED = _declared()


def _twin(cls: type) -> type:
    """The same class body declared with ``dataclasses.dataclass(frozen=True)``."""
    body: dict[str, Any] = {"__annotations__": {}, "__module__": cls.__module__,
                            "__qualname__": cls.__qualname__, "__doc__": cls.__doc__}
    for f in dataclasses.fields(cls):
        body["__annotations__"][f.name] = f.type
        body[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory,
                                         repr=f.repr, hash=f.hash, compare=f.compare,
                                         metadata=f.metadata)
    eq = cls.__dataclass_params__.eq  # type: ignore[attr-defined]
    return dataclasses.dataclass(frozen=True, eq=eq)(type(cls.__name__, (), body))


def _values(cls: type, salt: int) -> dict[str, Any]:
    """A value per field (hashable, with distinct reprs)."""
    return {f.name: (f.name, salt, 0.5) for f in dataclasses.fields(cls)}


def test_an_unchecked_python_gets_plain_dataclasses(monkeypatch: pytest.MonkeyPatch) -> None:
    import diamond.frozen

    monkeypatch.setattr(diamond.frozen, "FAST", False)

    @frozen
    class Pair:
        """Two values."""

        left: int
        right: int = 2

    assert Pair.__repr__.__module__ != "diamond.frozen"  # dataclass's own methods
    assert Pair(1) == Pair(1, 2) and repr(Pair(1)).endswith("Pair(left=1, right=2)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Pair(1).left = 3  # type: ignore[misc]


@pytest.mark.skipif(not __import__("diamond.frozen").frozen.FAST,
                    reason="@frozen is plain dataclass on a Python it was not checked against")
def test_the_scoring_and_statistics_records_are_built_by_frozen() -> None:
    names = {c.__qualname__ for c in DECLARED}
    assert {"Assessment", "IndicatorResult", "Robustness", "EvidenceResult",
            "Statistics", "Interval"} <= names
    assert len(DECLARED) >= 39


def test_the_compiled_inits_are_up_to_date() -> None:
    """``src/diamond/frozen_inits.py`` is what ``python -m diamond.frozen`` writes now."""
    from pathlib import Path

    import diamond.frozen_inits
    from diamond.frozen import inits_module

    committed = Path(diamond.frozen_inits.__file__).read_text(encoding="utf-8")
    assert committed == inits_module(), "run: python -m diamond.frozen"


@pytest.mark.parametrize("cls", DECLARED, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_each_record_matches_its_dataclass_twin(cls: type) -> None:
    twin = _twin(cls)
    # built from the package's compiled module, not by exec at import
    assert cls.__init__.__code__.co_filename.endswith("frozen_inits.py")  # type: ignore[misc]
    assert cls.__init__.__module__ == cls.__module__  # type: ignore[misc]
    assert inspect.signature(cls) == inspect.signature(twin)
    assert inspect.signature(cls.__init__) == inspect.signature(twin.__init__)  # type: ignore[misc]
    assert [(f.name, f.type, f.default, f.default_factory, f.repr, f.hash, f.compare)
            for f in dataclasses.fields(cls)] == [
        (f.name, f.type, f.default, f.default_factory, f.repr, f.hash, f.compare)
        for f in dataclasses.fields(twin)]
    assert repr(cls.__dataclass_params__) == repr(twin.__dataclass_params__)  # type: ignore[attr-defined]
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    eq = twin.__dataclass_params__.eq  # type: ignore[attr-defined]
    assert (cls.__hash__ is object.__hash__) == (twin.__hash__ is object.__hash__)
    assert (cls.__eq__ is object.__eq__) == (twin.__eq__ is object.__eq__) == (not eq)
    a, b, c = cls(**_values(cls, 1)), cls(**_values(cls, 1)), cls(**_values(cls, 2))
    ta, tc = twin(**_values(cls, 1)), twin(**_values(cls, 2))
    assert repr(a) == repr(ta) and repr(c) == repr(tc)
    assert vars(a) == vars(ta) and list(vars(a)) == list(vars(ta))
    assert (a == b) == (ta == twin(**_values(cls, 1)))
    assert (a == c) is (ta == tc) is False
    assert a != ta and ta != a  # different classes never compare equal
    if eq:
        assert hash(a) == hash(ta) == hash(b)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
        a.x = 1
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot delete field '{name}'"):
        delattr(a, name)
    assert dataclasses.astuple(a) == dataclasses.astuple(ta)
    assert dataclasses.asdict(a) == dataclasses.asdict(ta)
    assert dataclasses.replace(a) == a if eq else True
    again = pickle.loads(pickle.dumps(a))
    assert type(again) is cls and vars(again) == vars(a)
    assert vars(copy.deepcopy(a)) == vars(a)


@frozen
class _Sample:
    """Defaults, a default factory and a field out of comparison and repr."""

    a: int
    b: str = "b"
    c: list[int] = dataclasses.field(default_factory=list)
    d: float = dataclasses.field(default=0.5, compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class _SampleTwin:
    """The same, as a dataclass."""

    a: int
    b: str = "b"
    c: list[int] = dataclasses.field(default_factory=list)
    d: float = dataclasses.field(default=0.5, compare=False, repr=False)


@frozen
class _One:
    """One field: hashed and compared as a one-item tuple."""

    x: float


@frozen
class _Checked:
    """A ``__post_init__`` runs after the fields are set."""

    x: int

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("negative")


@frozen
class _Node:
    """Refers to itself: the repr stops the recursion as dataclass does."""

    items: list[Any]


def test_defaults_factories_and_field_options() -> None:
    s, t = _Sample(1), _SampleTwin(1)
    assert repr(s) == repr(t).replace("_SampleTwin", "_Sample") == "_Sample(a=1, b='b', c=[])"
    assert s.c == [] and s.c is not _Sample(1).c
    assert _Sample(1, d=9.0) == _Sample(1)
    assert hash(_Sample(1, "b", (), 9.0)) == hash(_SampleTwin(1, "b", ())) == hash((1, "b", ()))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unhashable"):
        hash(s)
    assert str(inspect.signature(_Sample)) == str(inspect.signature(_SampleTwin))
    with pytest.raises(TypeError):
        _Sample()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Sample(1, a=2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Sample(1, e=2)  # type: ignore[call-arg]
    assert dataclasses.replace(s, b="z") == _Sample(1, "z")


def test_a_class_unknown_to_the_compiled_module_is_compiled_at_import() -> None:
    assert _Sample.__init__.__code__.co_filename == "<string>"
    assert _Sample.__init__.__qualname__ == "_Sample.__init__"


def test_one_field_nan_and_post_init() -> None:
    nan = float("nan")
    assert hash(_One(1.0)) == hash((1.0,))
    twin = dataclasses.dataclass(frozen=True)(type("_One", (), {"__annotations__": {"x": "float"},
                                                               "__doc__": "d"}))
    # the same NaN object: equal as tuples (before 3.13), unequal field by field (3.13)
    assert (_One(nan) == _One(nan)) is (twin(nan) == twin(nan))
    assert _One(float("nan")) != _One(float("nan"))
    one, other = _One(nan), twin(nan)
    assert (one == one) is (other == other) is True  # an object is equal to itself
    assert _One(1.0).__eq__(1.0) is NotImplemented
    assert _Checked(1).x == 1
    with pytest.raises(ValueError, match="negative"):
        _Checked(-1)
    node = _Node([])
    node.items.append(node)
    assert repr(node) == "_Node(items=[...])"


def test_subclass_and_unsupported_declarations() -> None:
    class Child(_One):
        """Not a dataclass: may take attributes of its own, not the fields."""

    child = Child(1.0)
    child.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        child.x = 2.0  # type: ignore[misc]
    with pytest.raises(TypeError, match="@frozen"):
        frozen(type("NoDoc", (), {"__annotations__": {"x": "int"}}))
    with pytest.raises(TypeError, match="@frozen"):
        frozen(type("OwnRepr", (), {"__doc__": "d", "__repr__": lambda self: "r"}))
    with pytest.raises(TypeError, match="@frozen"):
        frozen(type("Sub", (_One,), {"__doc__": "d"}))
