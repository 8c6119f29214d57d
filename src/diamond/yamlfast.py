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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from diamond.limits import Limits
from diamond.yamlscalars import CONTAINER_TAGS, resolve_plain

try:  # pragma: no cover - which branch runs depends on the PyYAML build
    PARSER: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    PARSER = yaml.SafeLoader

#: What ``read_plain`` returns when the exact reader must read the file.
DECLINED: Any = object()

_MISSING: Any = object()
_SCALAR = yaml.ScalarEvent
_MAP_START = yaml.MappingStartEvent
_MAP_END = yaml.MappingEndEvent
_SEQ_START = yaml.SequenceStartEvent
_SEQ_END = yaml.SequenceEndEvent
_DOC_START = yaml.DocumentStartEvent
_DOC_END = yaml.DocumentEndEvent
_STREAM_END = yaml.StreamEndEvent


class _Decline(Exception):
    """The file needs the exact reader."""


def read_plain(text: str, limits: Limits) -> Any:
    """The data of the one YAML document in ``text``, or ``DECLINED``."""
    parser = PARSER(text)
    try:
        return _Builder(parser.get_event, limits).document()
    except (_Decline, yaml.YAMLError, ValueError, RecursionError):
        return DECLINED
    finally:
        parser.dispose()


class _Builder:
    """One file's recursive descent over the events."""

    __slots__ = ("cache", "count", "get", "max_depth", "max_nodes")

    def __init__(self, get: Callable[[], Any], limits: Limits) -> None:
        self.get = get
        self.cache: dict[str, Any] = {}
        self.count = 0
        self.max_depth = limits.max_depth
        self.max_nodes = limits.max_nodes

    def document(self) -> Any:
        get = self.get
        get()  # StreamStartEvent
        if type(get()) is not _DOC_START:
            return None  # an empty stream: no document at all
        data = self.node(get(), 1)
        # The document must end the stream: a second document is for the exact
        # reader to report.
        if type(get()) is not _DOC_END or type(get()) is not _STREAM_END:
            raise _Decline
        return data

    def node(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if kind is _SCALAR:
            self.count += 1
            return self.scalar(event)
        if kind is _MAP_START and event.tag in CONTAINER_TAGS:
            return self.mapping(depth)
        if kind is _SEQ_START and event.tag in CONTAINER_TAGS:
            return self.sequence(depth)
        raise _Decline  # an alias, or a tag

    def scalar(self, event: Any) -> Any:
        if event.tag is not None:
            raise _Decline
        text = event.value
        if not event.implicit[0]:
            return text  # quoted, or a block scalar
        value = self.cache.get(text, _MISSING)
        if value is _MISSING:
            value = resolve_plain(text)
            if type(value) is not float:  # NaN != NaN: keep each one its own object
                self.cache[text] = value
        return value

    def mapping(self, depth: int) -> dict[Any, Any]:
        if depth > self.max_depth:
            raise _Decline
        get = self.get
        cache = self.cache
        result: dict[Any, Any] = {}
        pairs = 0
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR and event.tag is None:
                text = event.value
                if event.implicit[0]:
                    try:
                        key = cache[text]
                    except KeyError:
                        key = resolve_plain(text)
                        if type(key) is not float:
                            cache[text] = key
                else:
                    key = text
                if key == "<<":
                    raise _Decline
            elif kind is _MAP_END:
                break
            else:
                raise _Decline  # a complex key, an alias or a tag
            event = get()
            kind = type(event)
            if kind is _SCALAR and event.tag is None:
                text = event.value
                if event.implicit[0]:
                    try:
                        value = cache[text]
                    except KeyError:
                        value = resolve_plain(text)
                        if type(value) is not float:
                            cache[text] = value
                else:
                    value = text
            else:
                value = self.node(event, depth + 1)
                self.count -= 1  # counted below with the pair
            result[key] = value
            pairs += 1
        if len(result) != pairs:
            raise _Decline  # a duplicate key
        self.count += 2 * pairs + 1
        if self.count > self.max_nodes:
            raise _Decline
        return result

    def sequence(self, depth: int) -> list[Any]:
        if depth > self.max_depth:
            raise _Decline
        get = self.get
        result: list[Any] = []
        append = result.append
        node = self.node
        max_nodes = self.max_nodes
        while True:
            event = get()
            if type(event) is _SEQ_END:
                break
            append(node(event, depth + 1))
            if len(result) > max_nodes:
                raise _Decline
        self.count += 1
        if self.count > max_nodes:
            raise _Decline
        return result
