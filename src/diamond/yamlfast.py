"""The fast path of the YAML reader: plain data from libyaml's events, nothing else.

Most files are read only to be validated, and a valid file needs no position.
``read_plain`` builds the same data as ``diamond.yamlsource.read_yaml`` does, with
a tight recursive loop: no marks, no per-event method calls, and each distinct
plain scalar resolved once per file. It handles the common case only. Whenever the
file holds anything that the exact reader treats specially or that could need a
position (a syntax error, an alias, a tag, a duplicate key, a complex or merge key,
a second document, a number too long, a limit reached) it gives up and returns
``DECLINED``; the caller then reads the file again with the exact reader, which
reports the finding where it stands. Giving up is always safe, only slower.

Light events. PyYAML's C parser hands each libyaml event over as an instance of
a Python class of ``yaml.events``, whose ``__init__`` runs in Python: making those
objects costs three times what libyaml's own parse does. The loop needs none of
them: a scalar's value, whether a container is a mapping or a sequence, and whether
anything carries a tag or is an alias. So while it reads, the names under which the
compiled parser (``yaml._yaml``) finds those classes are bound to small functions
that return just that (``_light``): a scalar comes back resolved, every other event
as one of a few ``_Token`` sentinels. The names are restored as soon as the file is
read, and this is done only when the process runs a single thread (another thread
could be using PyYAML meanwhile) and once a self-check has shown that the installed
parser calls them as expected; otherwise the real events are turned into the same
light ones (``_converted``), which reads the same data, only slower.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import yaml

from diamond.limits import Limits
from diamond.yamlscalars import CONTAINER_TAGS, resolve_plain

_COMPILED: Any = getattr(yaml, "_yaml", None)  # the compiled parser's module, if built
#: The event parser: libyaml's bare parser where PyYAML has it (``CSafeLoader`` less
#: its constructor and resolver, which only ``yaml.load`` uses), else the pure-Python one.
PARSER: Any = getattr(_COMPILED, "CParser", None) or yaml.SafeLoader

#: What ``read_plain`` returns when the exact reader must read the file.
DECLINED: Any = object()


class _Token:
    """A light event that is not a scalar's value."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_STREAM_START = _Token("stream-start")
_STREAM_END = _Token("stream-end")
_DOC_START = _Token("document-start")
_DOC_END = _Token("document-end")
_MAP_START = _Token("mapping-start")
_SEQ_START = _Token("sequence-start")
_END = _Token("end")  # of a mapping or a sequence: libyaml pairs them for us
_MERGE = _Token("<<")  # the text '<<', a merge key where it is a key
_DECLINE = _Token("decline")  # an alias, a tag, a number too long


class _Decline(Exception):
    """The file needs the exact reader."""


Handlers = dict[str, Callable[..., Any]]


def _light(cache: dict[str, Any]) -> Handlers:
    """The functions that stand for the event classes, under their names; plain
    scalars are resolved through ``cache``."""

    def scalar(
        anchor: Any, tag: Any, implicit: Any, value: str, start: Any, end: Any, style: Any
    ) -> Any:
        if tag is not None:
            return _DECLINE
        if implicit[0]:
            try:
                return cache[value]
            except KeyError:
                pass
            try:
                resolved = resolve_plain(value)
            except ValueError:  # a number too long
                return _DECLINE
            if type(resolved) is not float:  # NaN != NaN: keep each one its own object
                cache[value] = resolved
            return resolved
        return _MERGE if value == "<<" else value  # quoted, or a block scalar

    def mapping_start(anchor: Any, tag: Any, *_: Any) -> _Token:
        return _MAP_START if tag in CONTAINER_TAGS else _DECLINE

    def sequence_start(anchor: Any, tag: Any, *_: Any) -> _Token:
        return _SEQ_START if tag in CONTAINER_TAGS else _DECLINE

    return {
        "ScalarEvent": scalar,
        "MappingStartEvent": mapping_start,
        "SequenceStartEvent": sequence_start,
        "MappingEndEvent": lambda *_: _END,
        "SequenceEndEvent": lambda *_: _END,
        "AliasEvent": lambda *_: _DECLINE,
        "StreamStartEvent": lambda *_: _STREAM_START,
        "StreamEndEvent": lambda *_: _STREAM_END,
        "DocumentStartEvent": lambda *_: _DOC_START,
        "DocumentEndEvent": lambda *_: _DOC_END,
    }


def _converted(get: Callable[[], Any], light: Handlers) -> Callable[[], Any]:
    """``get`` of real events as a ``get`` of the light ones (the slow way)."""

    def next_light() -> Any:
        event = get()
        handler = light[type(event).__name__]
        if isinstance(event, yaml.ScalarEvent):
            return handler(event.anchor, event.tag, event.implicit, event.value, 0, 0, 0)
        if isinstance(event, yaml.events.CollectionStartEvent):
            return handler(event.anchor, event.tag)
        return handler()

    return next_light


def _swap(names: Handlers) -> Handlers:
    """Bind ``names`` in the compiled parser's namespace; what was bound before."""
    space = vars(_COMPILED)
    before = {name: space[name] for name in names}
    space.update(names)
    return before


def _light_stream(text: str) -> list[Any]:
    """Every light event of ``text`` through the swapped names (the self-check)."""
    parser = _COMPILED.CParser(text)
    before = _swap(_light({"<<": _MERGE}))
    try:
        found = [parser.get_event() for _ in range(20)]
    finally:
        _swap(before)
        parser.dispose()
    return found


def _check() -> bool:
    """Whether the compiled parser calls the swapped names as ``_light`` expects."""
    if _COMPILED is None or not hasattr(_COMPILED, "CParser"):
        return False  # pragma: no cover - PyYAML without libyaml
    try:
        found = _light_stream("a: [1, 'b']\nc: {d: !x e, f: &g h}\n? i\n: *g\n")
    except Exception:  # pragma: no cover - a parser that calls them otherwise
        return False
    expected = [_STREAM_START, _DOC_START, _MAP_START, "a", _SEQ_START, 1, "b", _END,
                "c", _MAP_START, "d", _DECLINE, "f", "h", _END, "i", _DECLINE, _END,
                _DOC_END, _STREAM_END]  # fmt: skip
    return len(found) == len(expected) and all(
        a is b if isinstance(b, _Token) else type(a) is type(b) and a == b
        for a, b in zip(found, expected, strict=True)
    )


_SWAPPABLE: bool | None = None  # checked at the first read


def read_plain(text: str, limits: Limits) -> Any:
    """The data of the one YAML document in ``text``, or ``DECLINED``."""
    global _SWAPPABLE
    cache: dict[str, Any] = {"<<": _MERGE}
    light = _light(cache)
    swapped = threading.active_count() == 1
    if swapped and _SWAPPABLE is None:
        _SWAPPABLE = _check()
    swapped = swapped and bool(_SWAPPABLE)
    parser = _COMPILED.CParser(text) if swapped else PARSER(text)
    before = _swap(light) if swapped else None
    try:
        get = parser.get_event if swapped else _converted(parser.get_event, light)
        return _Builder(get, limits).document()
    except (_Decline, yaml.YAMLError, ValueError, RecursionError):
        return DECLINED
    finally:
        if before is not None:
            _swap(before)
        parser.dispose()


class _Builder:
    """One file's recursive descent over the light events."""

    __slots__ = ("count", "get", "max_depth", "max_nodes")

    def __init__(self, get: Callable[[], Any], limits: Limits) -> None:
        self.get = get
        self.count = 0
        self.max_depth = limits.max_depth
        self.max_nodes = limits.max_nodes

    def document(self) -> Any:
        get = self.get
        get()  # the stream's start
        if get() is not _DOC_START:
            return None  # an empty stream: no document at all
        data = get()
        if type(data) is _Token:
            data = self.nested(data, 1)
        else:
            self.count += 1
        # The document must end the stream: a second document is for the exact
        # reader to report.
        if get() is not _DOC_END or get() is not _STREAM_END:
            raise _Decline
        return data

    def nested(self, token: _Token, depth: int) -> Any:
        """The node that starts with ``token``, which counts itself."""
        if token is _MAP_START:
            return self.mapping(depth)
        if token is _SEQ_START:
            return self.sequence(depth)
        if token is _MERGE:
            self.count += 1
            return "<<"
        raise _Decline  # an alias, a tag, a number too long

    def mapping(self, depth: int) -> dict[Any, Any]:
        if depth > self.max_depth:
            raise _Decline
        get = self.get
        token = _Token
        result: dict[Any, Any] = {}
        pairs = 0
        nested = 0
        while True:
            key = get()
            if type(key) is token:
                if key is _END:
                    break
                raise _Decline  # a complex or merge key, an alias, a tag
            value = get()
            if type(value) is token:
                value = self.nested(value, depth + 1)
                nested += 1
            result[key] = value
            pairs += 1
        if len(result) != pairs:
            raise _Decline  # a duplicate key
        self.count += 2 * pairs + 1 - nested
        if self.count > self.max_nodes:
            raise _Decline
        return result

    def sequence(self, depth: int) -> list[Any]:
        if depth > self.max_depth:
            raise _Decline
        get = self.get
        token = _Token
        result: list[Any] = []
        append = result.append
        max_nodes = self.max_nodes
        scalars = 0
        while True:
            item = get()
            if type(item) is token:
                if item is _END:
                    break
                item = self.nested(item, depth + 1)
            else:
                scalars += 1
            append(item)
            if len(result) > max_nodes:
                raise _Decline
        self.count += scalars + 1
        if self.count > max_nodes:
            raise _Decline
        return result
