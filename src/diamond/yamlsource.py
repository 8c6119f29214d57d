"""Safe YAML reading that keeps positions, refuses duplicate keys and stays bounded.

PyYAML's own loaders keep the last of two equal keys silently, turn
``2015-05-01`` into a date, and expand aliases without limit once the data is
walked. This module builds plain Python values straight from libyaml's event
stream instead (no object construction, no node tree), which lets it:

- refuse duplicate keys, unsupported tags and multiple documents;
- keep timestamps as text;
- bound nesting depth and the number of values, counting alias expansion
  (a "billion laughs" file is refused without being expanded);
- optionally record where each value stands (``Marks``), so that later
  validation errors can name ``file:line:column``.

Recording marks costs time, so callers read fast first and read again with
marks only when something needs a position. Without marks, the fast path of
``diamond.yamlfast`` reads the common file; this reader takes every file it
declines, and reports what made it decline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from diamond.errors import Diagnostic
from diamond.i18n import N_, _
from diamond.limits import Limits
from diamond.numbertext import grouped
from diamond.yamlfast import DECLINED, PARSER, read_plain
from diamond.yamlscalars import CONTAINER_TAGS, EXPLICIT, resolve_plain, short_tag
from diamond.yamlsyntax import mark_position, syntax_diagnostic

Path = tuple[Any, ...]
Position = tuple[int, int]

_Parser: Any = PARSER


class YamlProblem(Exception):
    """Reading stopped; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class Marks:
    """Where each value of a document stands: path -> (key position, value position)."""

    spots: dict[Path, tuple[Position, Position]] = field(default_factory=dict)

    def key(self, path: Path) -> Position:
        """Position of the key (or list item) at ``path``, or of its nearest ancestor."""
        return self._nearest(path)[0]

    def value(self, path: Path) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor."""
        return self._nearest(path)[1]

    def has(self, path: Path) -> bool:
        """Whether ``path`` itself was recorded."""
        return path in self.spots

    def _nearest(self, path: Path) -> tuple[Position, Position]:
        for end in range(len(path), -1, -1):
            spot = self.spots.get(path[:end])
            if spot is not None:
                return spot
        return ((1, 1), (1, 1))


@dataclass
class Document:
    """A parsed document: its data, any non-fatal findings, and marks if asked for."""

    data: Any
    diagnostics: list[Diagnostic]
    marks: Marks | None


# --- the reader ----------------------------------------------------------------------


class _Frame:
    """A container being filled: a dict or list, plus what its next item needs."""

    __slots__ = ("anchor", "container", "count_at_start", "is_map", "key", "key_pos", "path", "pos")

    def __init__(
        self, container: Any, path: Path, count: int, pos: Position, anchor: str | None
    ) -> None:
        self.anchor = anchor
        self.container = container
        self.is_map = isinstance(container, dict)
        self.key: Any = _NO_KEY
        self.key_pos: Position = pos
        self.path = path
        self.count_at_start = count
        self.pos = pos


_NO_KEY = object()
_NODES = N_("the number of values (counting alias expansion)")


def read_yaml(
    text: str,
    path: str,
    *,
    limits: Limits | None = None,
    with_marks: bool = False,
    fast: bool = True,
) -> Document:
    """Parse one YAML document from ``text``; ``path`` is used in messages only.

    Raises ``YamlProblem`` when the document cannot be read at all (syntax
    error, a limit hit, an unsupported construct). Duplicate keys do not stop
    reading: they come back as diagnostics, and the first value is kept.
    Without ``fast``, the fast path is not tried (the caller knows it declines).
    """
    limits = limits or Limits()
    if fast and not with_marks:
        data = read_plain(text, limits)
        if data is not DECLINED:
            return Document(data, [], None)
    reader = _Reader(path, limits, with_marks)
    try:
        data = reader.run(events(text))
    except yaml.MarkedYAMLError as exc:
        if _PARSER_DEPTH_CAP in str(exc.problem):
            raise YamlProblem(_parser_depth_diagnostic(exc, text, path, limits)) from None
        raise YamlProblem(syntax_diagnostic(exc, text, path)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(
            Diagnostic(
                path, 1, 1, "error", "yaml-syntax", _("YAML error: {problem}").format(problem=exc)
            )
        ) from None
    return Document(data, reader.diagnostics, reader.marks)


# libyaml 0.2.6 (bundled with PyYAML >= 6.0.4) stops at 1,000 levels of nesting with
# this problem text. Its scanner looks up to 1,024 characters ahead for a possible
# simple key, so on '[[[[...' it can reach its own cap before the parser has handed
# us the event that crosses our (lower) depth limit.
_PARSER_DEPTH_CAP = "exceeded maximum nesting depth"


def _parser_depth_diagnostic(
    exc: yaml.MarkedYAMLError, text: str, path: str, limits: Limits
) -> Diagnostic:
    """The ``limit-exceeded`` finding for a file that nests past libyaml's own cap.

    The parser's cap is reached at its error mark, so the crossing of our own depth
    limit lies before it: reading the text up to that mark again finds it, with
    its exact position, without the look-ahead that reached the cap. Where the
    user has raised ``DIAMOND_MAX_DEPTH`` past the parser's cap, say so instead.
    """
    mark = exc.problem_mark
    end = mark.index if mark is not None else len(text)
    try:
        _Reader(path, limits, False).run(events(text[:end]))
    except YamlProblem as found:
        if found.diagnostic.code == "limit-exceeded":
            return found.diagnostic
    except yaml.YAMLError:
        pass
    line, column = mark_position(mark) if mark is not None else (1, 1)
    return Diagnostic(
        path,
        line,
        column,
        "error",
        "limit-exceeded",
        _(
            "nesting depth beyond the YAML parser's own limit (libyaml stops at 1,000 levels; "
            "the limit set by {variable} is {limit})"
        ).format(variable=Limits.env_var("max_depth"), limit=grouped(limits.max_depth)),
        _("a questionnaire needs far less nesting; the parser's limit cannot be raised"),
    )


def events(text: str) -> Iterator[Any]:
    """libyaml's parse events for ``text``: the one YAML reader every module uses."""
    loader = _Parser(text)
    try:
        # get_event() returns None after the last event; iterating on it directly
        # is 40% faster than asking check_event() first.
        yield from iter(loader.get_event, None)
    finally:
        loader.dispose()


class _Reader:
    def __init__(self, path: str, limits: Limits, with_marks: bool) -> None:
        self.path = path
        self.limits = limits
        self.marks: Marks | None = Marks() if with_marks else None
        self.diagnostics: list[Diagnostic] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.count = 0

    def _stop(self, pos: Position, code: str, message: str, hint: str | None = None) -> YamlProblem:
        return YamlProblem(Diagnostic(self.path, pos[0], pos[1], "error", code, message, hint))

    def _limit(self, pos: Position, name: str, what: str) -> YamlProblem:
        value = getattr(self.limits, name)
        return self._stop(
            pos,
            "limit-exceeded",
            _("{what} exceeds the limit of {limit}").format(what=what, limit=grouped(value)),
            _(
                "a questionnaire needs far less; if this file is legitimate, raise the limit "
                "with the environment variable {variable}"
            ).format(variable=Limits.env_var(name)),
        )

    def run(self, events: Iterator[Any]) -> Any:
        stack: list[_Frame] = []
        documents = 0
        result: Any = None
        marks = self.marks
        max_depth = self.limits.max_depth
        max_nodes = self.limits.max_nodes
        scalar_event = yaml.ScalarEvent
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                pos = mark_position(event.start_mark)
                value = self._scalar(event, pos)
                self.count += 1
                size = 1
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                pos = mark_position(event.start_mark)
                if event.tag not in CONTAINER_TAGS:
                    raise self._stop(
                        pos,
                        "yaml-tag",
                        _("the tag '{tag}' is not supported").format(tag=event.tag),
                        _("remove the tag: questionnaires hold plain mappings, lists and scalars"),
                    )
                if len(stack) >= max_depth:
                    raise self._limit(
                        pos, "max_depth", _("nesting depth {depth}").format(depth=len(stack) + 1)
                    )
                self.count += 1
                if self.count > max_nodes:
                    raise self._limit(pos, "max_nodes", _(_NODES))
                container: Any = {} if kind is yaml.MappingStartEvent else []
                if stack:
                    parent = stack[-1]
                    child_path = (
                        *parent.path,
                        parent.key if parent.is_map else len(parent.container),
                    )
                else:
                    child_path = ()
                stack.append(_Frame(container, child_path, self.count, pos, event.anchor))
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                value = frame.container
                size = self.count - frame.count_at_start + 1
                pos = frame.pos
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (value, size)
                if not stack:
                    result = value
                    continue
                self._place(stack[-1], value, pos, marks)
                continue
            elif kind is yaml.AliasEvent:
                pos = mark_position(event.start_mark)
                anchored = self.anchors.get(event.anchor)
                if anchored is None:
                    raise self._stop(
                        pos,
                        "yaml-alias",
                        _(
                            "the alias '*{anchor}' refers to an anchor that is not complete here"
                        ).format(anchor=event.anchor),
                        _("define '&{anchor}' before using it, and not inside itself").format(
                            anchor=event.anchor
                        ),
                    )
                value, size = anchored
                self.count += size
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self._stop(
                        mark_position(event.start_mark),
                        "yaml-documents",
                        _("the file holds more than one YAML document"),
                        _("keep one questionnaire per file; remove the '---' separator"),
                    )
                continue
            else:
                continue
            if self.count > max_nodes:
                raise self._limit(pos, "max_nodes", _(_NODES))
            if kind is scalar_event and event.anchor is not None:
                self.anchors[event.anchor] = (value, size)
            if not stack:
                result = value
                continue
            self._place(stack[-1], value, pos, marks)
        return result

    def _scalar(self, event: Any, pos: Position) -> Any:
        tag = event.tag
        text = event.value
        if tag is None or tag == "!":
            if tag is None and event.implicit[0]:
                try:
                    return resolve_plain(text)
                except ValueError:
                    raise self._stop(
                        pos,
                        "yaml-number",
                        _("the number '{start}…' is too long").format(start=text[:40]),
                        _("quote it if it is meant as text"),
                    ) from None
            return text
        convert = EXPLICIT.get(tag)
        if convert is None:
            raise self._stop(
                pos,
                "yaml-tag",
                _("the tag '{tag}' is not supported").format(tag=short_tag(tag)),
                _("remove the tag: questionnaires hold plain text, numbers, true/false and null"),
            )
        try:
            return convert(text)
        except (ValueError, KeyError):
            raise self._stop(
                pos,
                "yaml-tag",
                _("'{text}' cannot be read as {tag}").format(text=text, tag=short_tag(tag)),
            ) from None

    def _place(self, parent: _Frame, value: Any, pos: Position, marks: Marks | None) -> None:
        container = parent.container
        if not parent.is_map:
            if marks is not None:
                marks.spots[(*parent.path, len(container))] = (pos, pos)
            container.append(value)
            return
        key = parent.key
        if key is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise self._stop(
                    pos,
                    "yaml-key",
                    _("a mapping key must be plain text, not a list or mapping"),
                    _("write the key as a word such as 'factor.land'"),
                )
            if value == "<<":
                raise self._stop(
                    pos,
                    "yaml-merge",
                    _("merge keys ('<<') are not supported"),
                    _(
                        "write the keys out in full; an anchor and alias may still reuse "
                        "a whole value"
                    ),
                )
            parent.key = value
            parent.key_pos = pos
            return
        parent.key = _NO_KEY
        if key in container:
            line, column = parent.key_pos
            self.diagnostics.append(
                Diagnostic(
                    self.path,
                    line,
                    column,
                    "error",
                    "duplicate-key",
                    _(
                        "duplicate key '{key}': this mapping already has it, "
                        "and only one value can count"
                    ).format(key=key),
                    _("remove one of the two entries, or rename it"),
                )
            )
            return
        if marks is not None:
            marks.spots[(*parent.path, key)] = (parent.key_pos, pos)
        container[key] = value
