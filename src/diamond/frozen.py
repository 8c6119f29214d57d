"""``@frozen``: ``@dataclass(frozen=True)`` without compiling six functions per class.

``dataclasses.dataclass`` writes the source of each method it adds (``__init__``,
``__repr__``, ``__eq__``, ``__hash__`` and a frozen class's ``__setattr__`` and
``__delattr__``) and compiles it with ``exec``: about 0.5 ms per class, and an ``assess``
process built some forty of them (about 20 ms of its start-up). ``frozen`` asks
``dataclass`` for the fields only (nothing compiled), writes the ``__init__`` that
``dataclass(frozen=True)`` writes (``object.__setattr__`` of each field in field order,
defaults and default factories as given, ``__post_init__`` called) and takes its compiled
form from ``diamond.frozen_inits``, a module written by ``python -m diamond.frozen`` whose
functions are keyed by their exact source (a class changed since is compiled with ``exec``
as before, so never stale). The other methods are closures over the field names with
dataclass's behaviour: ``__eq__`` compares the fields with ``compare=True`` when both
objects are of the same class (``NotImplemented`` otherwise), as tuples before Python 3.13
and one by one from 3.13, as dataclass does; ``__hash__``
hashes the tuple of the fields with ``hash`` (or ``compare``) true; ``__repr__`` is
``Name(field=value!r, …)`` over the fields with ``repr=True``, ``...`` on recursion;
``__setattr__`` and ``__delattr__`` raise ``dataclasses.FrozenInstanceError`` with
dataclass's messages (for any name on the class itself, for the fields on a subclass).
``__dataclass_fields__``, ``__match_args__`` and ``__dataclass_params__`` are the
dataclass's, so ``dataclasses.fields``, ``replace``, ``asdict`` and pickling work as
before. A class using what this does not reproduce (``order``, ``slots``, keyword-only,
``InitVar`` or ``init=False`` fields, a dataclass base, methods of its own among those,
no docstring) is refused with a ``TypeError`` when declared: use ``dataclass`` there.
``tests/unit/test_frozen.py`` compares every class declared with it with its dataclass twin.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any, TypeVar, overload

T = TypeVar("T")

_SELF_DEFINED = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @overload
    def frozen(cls: type[T], /) -> type[T]: ...

    @overload
    def frozen(*, eq: bool = True) -> Callable[[type[T]], type[T]]: ...

    @dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
    def frozen(cls: type[T] | None = None, /, *, eq: bool = True) -> Any: ...

else:

    def frozen(cls=None, /, *, eq=True):
        """``@dataclass(frozen=True)``; ``@frozen(eq=False)``: the same with ``eq=False``."""
        if cls is None:
            return lambda c: _declare(c, eq)
        return _declare(cls, eq)


#: The Python versions whose ``dataclasses`` this module was checked against. On any
#: other, ``frozen`` is plain ``dataclass(frozen=True)``: slower to declare, never wrong.
CHECKED_PYTHONS = ((3, 11), (3, 12), (3, 13))
FAST = sys.version_info[:2] in CHECKED_PYTHONS


def _declare(cls: type[T], eq: bool) -> type[T]:
    if not FAST:
        made: type[T] = dataclasses.dataclass(frozen=True, eq=eq)(cls)
        return made
    return _build(cls, eq)


def _build(cls: type[T], eq: bool) -> type[T]:
    own = [name for name in _SELF_DEFINED if name in cls.__dict__]
    if own or not cls.__doc__ or any(
        hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]
    ):
        raise TypeError(f"@frozen {cls.__qualname__}: a docstring is needed, and no base "
                        f"dataclass nor own {', '.join(own) or 'methods'}; use "
                        f"@dataclass(frozen=True)")
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    every = made.__dict__["__dataclass_fields__"]
    fields = dataclasses.fields(made)
    kinds = {repr(f._field_type) for f in every.values()}
    if kinds - {"_FIELD", "_FIELD_CLASSVAR"} or any(
        not f.init or f.kw_only is True for f in fields
    ):
        raise TypeError(f"@frozen {cls.__qualname__}: InitVar, keyword-only or init=False "
                        f"fields need @dataclass(frozen=True)")
    names = tuple(f.name for f in fields)
    made.__init__ = _init(made, fields)
    _method(made, "__repr__", _repr(tuple(f.name for f in fields if f.repr)))
    if eq:
        compared = tuple(f.name for f in fields if f.compare)
        _method(made, "__eq__", _eq(_getter(compared)))
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        _method(made, "__hash__", _hash(_getter(hashed)))
    _method(made, "__setattr__", _setattr(made, names))
    _method(made, "__delattr__", _delattr(made, names))
    params = made.__dict__["__dataclass_params__"]
    slots = type(params).__slots__
    values = {name: getattr(params, name) for name in slots}
    values.update(init=True, repr=True, eq=eq, frozen=True)
    made.__dataclass_params__ = type(params)(**values)
    result: type[T] = made
    return result


def _method(cls: type, name: str, fn: Callable[..., Any]) -> None:
    fn.__name__ = name
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, fn)


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The ``__init__`` that ``dataclass(frozen=True)`` writes, compiled here."""
    scope: dict[str, Any] = {"__dataclass_builtins_object__": object}
    params, lines, seen_default = ["self"], [], False
    for f in fields:
        value = f.name
        if f.default is not dataclasses.MISSING:
            scope[f"__dataclass_dflt_{f.name}__"] = f.default
            params.append(f"{f.name}=__dataclass_dflt_{f.name}__")
            seen_default = True
        elif f.default_factory is not dataclasses.MISSING:
            scope["__dataclass_HAS_DEFAULT_FACTORY__"] = _HAS_DEFAULT_FACTORY
            scope[f"__dataclass_dflt_{f.name}__"] = f.default_factory
            params.append(f"{f.name}=__dataclass_HAS_DEFAULT_FACTORY__")
            value = (f"__dataclass_dflt_{f.name}__() if {f.name} is "
                     f"__dataclass_HAS_DEFAULT_FACTORY__ else {f.name}")
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            params.append(f.name)
        lines.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})")
    if hasattr(cls, "__post_init__"):
        lines.append("  self.__post_init__()")
    if not lines:
        lines.append("  pass")
    inner = f" def __init__({','.join(params)}):\n" + "\n".join(lines)
    source = f"def __create_fn__({', '.join(scope)}):\n{inner}\n return __init__"
    _SEEN.append((cls.__module__, source))
    factory = _compiled().get(source)
    if factory is None:  # a class changed since frozen_inits was written
        namespace: dict[str, Any] = {}
        module = sys.modules.get(cls.__module__)
        exec(source, module.__dict__ if module is not None else {}, namespace)
        factory = namespace["__create_fn__"]
    init: Callable[..., None] = factory(**scope)
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


#: The source of every ``__init__`` built in this process, for ``inits_module``.
_SEEN: list[tuple[str, str]] = []
_COMPILED: dict[str, Callable[..., Callable[..., None]]] | None = None


def _compiled() -> dict[str, Callable[..., Callable[..., None]]]:
    """``diamond.frozen_inits``: the same sources, compiled with the package (as its .pyc)."""
    global _COMPILED
    if _COMPILED is None:
        import importlib

        try:
            _COMPILED = importlib.import_module("diamond.frozen_inits").FACTORIES
        except ImportError:  # pragma: no cover - a checkout in the middle of regenerating
            _COMPILED = {}
    return _COMPILED


def inits_module() -> str:
    """The text of ``diamond/frozen_inits.py`` for every ``@frozen`` class of the package."""
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        if "@frozen" in path.read_text(encoding="utf-8") and path.name != "frozen.py":
            parts = path.relative_to(root.parent).with_suffix("").parts
            importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    out = ['"""The ``__init__`` of every ``@frozen`` class, compiled with the package.',
           "",
           "Written by ``python -m diamond.frozen``; do not edit. ``diamond.frozen`` writes each",
           "class's ``__init__`` source and takes the function compiled here from that very text",
           "(the key), so a class changed since is compiled at import as before, never wrong;",
           "``tests/unit/test_frozen.py`` fails until this file is written again.",
           '"""',
           "# mypy: ignore-errors",
           "# ruff: noqa",
           "",
           "FACTORIES = {}"]
    for source in sorted({text for module, text in _SEEN if module.startswith("diamond.")}):
        out += ["", "", source, f"FACTORIES[{source!r}] = __create_fn__"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    from pathlib import Path

    import diamond.frozen as this

    target = Path(this.__file__).with_name("frozen_inits.py")
    target.write_text(this.inits_module(), encoding="utf-8")
    print(f"wrote {target}")


class _HasDefaultFactory:
    def __repr__(self) -> str:
        return "<factory>"


_HAS_DEFAULT_FACTORY = getattr(dataclasses, "_HAS_DEFAULT_FACTORY", _HasDefaultFactory())


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of those attributes (a tuple also for one name or none)."""
    if len(names) > 1:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    @recursive_repr()
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _eq(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    if sys.version_info >= (3, 13):  # dataclass compares field by field (``a == b and …``)

        def __eq__(self: Any, other: Any) -> Any:
            if self is other:
                return True
            if other.__class__ is self.__class__:
                result: Any = True
                for mine, theirs in zip(values(self), values(other), strict=True):
                    result = mine == theirs
                    if not result:
                        return result
                return result
            return NotImplemented

        return __eq__

    def __eq__(self: Any, other: Any) -> Any:  # before 3.13: as tuples
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _setattr(cls: Any, names: tuple[str, ...]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _delattr(cls: Any, names: tuple[str, ...]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__
