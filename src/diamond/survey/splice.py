"""Add or replace respondents in a questionnaire's text, leaving every other byte alone.

The file's libyaml parse events (the same reader as validation,
``diamond.yamlsource.events``) tell where the ``respondents`` sequence and each of
its items stand; reading stops at the end of that sequence. New respondents are
then written as YAML text after the last item, and replaced ones over their own
lines. Comments, key order, quoting and blank lines elsewhere stay exactly as they
were, which a YAML round trip (even ruamel.yaml's) does not guarantee.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from diamond.i18n import _
from diamond.survey.rows import Imported
from diamond.yamlsource import YamlProblem, events, read_yaml

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")


class SpliceError(Exception):
    """The questionnaire's layout does not allow editing its respondents as text."""


@dataclass(frozen=True)
class _Layout:
    flow: bool
    dash_column: int
    key_offset: int
    answer_step: int
    items: list[tuple[str | None, int, int]]  # (id, start of the item's text, end)
    insert_at: int
    newline: str


#: The longest plain word YAML 1.1 reads as something other than text (``false``).
_LONGEST_KEYWORD = 5


@functools.lru_cache(maxsize=4096)
def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string."""
    if _PLAIN.match(text):
        if len(text) > _LONGEST_KEYWORD:
            # A letter first, then letters, digits and ``_.-``: no number, date or
            # timestamp; longer than every boolean and null word. Text, as written.
            return text
        try:
            if read_yaml(text, "<scalar>").data == text:
                return text
        except YamlProblem:
            pass
    return json.dumps(text, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _end(event: Any) -> int:
    return int(event.end_mark.index)


def skip_node(stream: Iterator[Any], event: Any) -> int:
    """Consume the node that ``event`` opens; where its own text ends.

    A block collection's end event points at the next token, so its text ends
    where its last scalar, alias or flow collection does; a flow collection ends
    after its bracket. (A flat loop: this walks most of a large file.)
    """
    if not isinstance(event, _STARTS):
        return _end(event)
    flows = [bool(event.flow_style)]
    end = _end(event)
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    for child in stream:
        kind = type(child)
        if kind is scalar_event or kind is alias_event:
            end = child.end_mark.index
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            flows.append(bool(child.flow_style))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            if flows.pop():
                end = child.end_mark.index
            if not flows:
                return int(end)
    raise SpliceError(_("the file ends inside a value"))


@dataclass
class _Item:
    id: str | None
    start: int
    end: int
    column: int
    answers_step: int | None = None


def _item(stream: Iterator[Any], event: Any, first: bool) -> _Item:
    """One respondent: its id, where it stands, and (for the first) its answers' indent."""
    if isinstance(event, yaml.AliasEvent):
        raise SpliceError(_("a respondent is an alias; write it out in place"))
    found = _Item(None, int(event.start_mark.index), 0, int(event.start_mark.column))
    if not isinstance(event, yaml.MappingStartEvent):
        found.end = skip_node(stream, event)
        return found
    end = _end(event)
    while True:
        key = next(stream)
        if isinstance(key, yaml.MappingEndEvent):
            found.end = _end(key) if event.flow_style else end
            return found
        name = key.value if isinstance(key, yaml.ScalarEvent) else None
        skip_node(stream, key)
        value = next(stream)
        if name == "id" and isinstance(value, yaml.ScalarEvent):
            found.id = value.value
        answers = first and name == "answers" and isinstance(value, yaml.MappingStartEvent)
        if answers and not value.flow_style:  # a block mapping has at least one key
            inner = next(stream)
            found.answers_step = int(inner.start_mark.column) - found.column
            end = skip_node(stream, inner)
            while not isinstance(child := next(stream), yaml.MappingEndEvent):
                end = skip_node(stream, child)
            continue
        end = skip_node(stream, value)


def _respondents(stream: Iterator[Any]) -> tuple[Any, list[_Item]]:
    """The ``respondents`` sequence's start event and its items."""
    for event in stream:
        if isinstance(event, yaml.DocumentStartEvent):
            break
    root = next(stream)
    if not isinstance(root, yaml.MappingStartEvent):
        raise SpliceError(_("'respondents' is not a list of respondents"))
    while True:
        key = next(stream)
        if isinstance(key, yaml.MappingEndEvent):
            raise SpliceError(_("'respondents' is not a list of respondents"))
        name = key.value if isinstance(key, yaml.ScalarEvent) else None
        skip_node(stream, key)
        value = next(stream)
        if name != "respondents":
            skip_node(stream, value)
            continue
        if isinstance(value, yaml.AliasEvent):
            raise SpliceError(_("'respondents' is an alias; write the list out in place"))
        if not isinstance(value, yaml.SequenceStartEvent):
            raise SpliceError(_("'respondents' is not a list of respondents"))
        items: list[_Item] = []
        while True:
            event = next(stream)
            if isinstance(event, yaml.SequenceEndEvent):
                return value, items
            items.append(_item(stream, event, not items))


def after_line(text: str, index: int) -> int:
    """The start of the line after the one holding ``index`` (a line start stays put)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _dash(text: str, low: int, high: int) -> int:
    """The ``-`` that opens a block sequence item whose content starts at ``high``."""
    while True:
        found = text.rfind("-", low, high)
        if found < 0:
            raise SpliceError(_("cannot find the '-' of a respondent"))
        if not text[_line_start(text, found) : found].strip():
            return found
        high = found


def _layout(text: str) -> _Layout:
    stream = events(text)
    try:
        seq, found = _respondents(stream)
    except (yaml.YAMLError, StopIteration, RecursionError):
        raise SpliceError(_("the file cannot be read as YAML")) from None
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    if not found:
        raise SpliceError(_("'respondents' is not a list of respondents"))
    items: list[tuple[str | None, int, int]] = []
    low = int(seq.start_mark.index)
    flow = bool(seq.flow_style)
    dash_column = int(seq.start_mark.column)
    for item in found:
        start, end = item.start, item.end
        if not flow:
            dash = _dash(text, low, start)
            dash_column = dash - _line_start(text, dash)
            start = _line_start(text, dash)
            end = after_line(text, end)
        items.append((item.id, start, end))
        low = end
    first = found[0]
    key_offset = max(2, first.column - dash_column)
    step = max(1, first.answers_step) if first.answers_step is not None else 2
    newline = "\r\n" if "\r\n" in text else "\n"
    return _Layout(flow, dash_column, key_offset, step, items, items[-1][2], newline)


def block(respondent: Imported, order: Sequence[str], layout: _Layout) -> str:
    """One respondent as block YAML at the sequence's indentation."""
    pad = " " * layout.dash_column
    key = pad + " " * layout.key_offset
    lines = [f"{pad}-{' ' * (layout.key_offset - 1)}id: {scalar(respondent.id)}"]
    lines.append(f"{key}group: {respondent.group}")
    if respondent.weight is not None:
        lines.append(f"{key}weight: {_number(respondent.weight)}")
    answered = [i for i in order if i in respondent.answers]
    lines.append(f"{key}answers:" + ("" if answered else " {}"))
    for indicator in answered:
        value = respondent.answers[indicator]
        shown = "null" if value is None else str(value)
        lines.append(f"{key}{' ' * layout.answer_step}{scalar(indicator)}: {shown}")
    return "".join(line + layout.newline for line in lines)


def flow(respondent: Imported, order: Sequence[str]) -> str:
    """One respondent as a JSON object, which is YAML flow style."""
    data: dict[str, object] = {"id": respondent.id, "group": respondent.group}
    if respondent.weight is not None:
        weight = respondent.weight
        data["weight"] = int(weight) if weight == int(weight) else weight
    data["answers"] = {i: respondent.answers[i] for i in order if i in respondent.answers}
    return json.dumps(data, ensure_ascii=False)


@dataclass(frozen=True)
class Region:
    """Where new block text stands in the edited text, and the respondent ids it holds."""

    start: int
    end: int
    ids: tuple[str, ...]


def splice(
    text: str,
    *,
    append: Sequence[Imported],
    replace: Mapping[str, Imported],
    order: Sequence[str],
    remove_all: bool = False,
    comment: str | None = None,
) -> str:
    """``text`` with respondents replaced (by id) and appended; nothing else changes.

    ``remove_all`` drops every existing respondent first (a new file's placeholder).
    """
    return splice_regions(
        text, append=append, replace=replace, order=order, remove_all=remove_all, comment=comment
    )[0]


def splice_regions(
    text: str,
    *,
    append: Sequence[Imported],
    replace: Mapping[str, Imported],
    order: Sequence[str],
    remove_all: bool = False,
    comment: str | None = None,
) -> tuple[str, list[Region] | None]:
    """Like ``splice``, and where the new block text stands (None for a flow-style list).

    Each region is a whole number of lines holding block sequence items at the
    list's indentation, so it reads on its own as a YAML list of those respondents.
    """
    layout = _layout(text)
    edits: list[tuple[int, int, str, tuple[str, ...]]] = []
    for item_id, start, end in layout.items:
        if remove_all:
            if layout.flow:
                raise SpliceError(_("cannot remove respondents from a flow-style list"))
            edits.append((start, end, "", ()))
        elif item_id is not None and item_id in replace:
            new = replace[item_id]
            added = flow(new, order) if layout.flow else block(new, order, layout)
            edits.append((start, end, added, (new.id,)))
    if append:
        at = layout.insert_at
        if layout.flow:
            added = "".join(", " + flow(r, order) for r in append)
        else:
            note = f"{' ' * layout.dash_column}# {comment}{layout.newline}" if comment else ""
            added = note + "".join(block(r, order, layout) for r in append)
            if at > 0 and text[at - 1] != "\n":
                added = layout.newline + added
        edits.append((at, at, added, tuple(r.id for r in append)))
    pieces: list[str] = []
    regions: list[Region] = []
    done = 0
    size = 0
    for start, end, new_text, ids in sorted(edits, key=lambda e: (e[0], e[1])):
        pieces.append(text[done:start])
        size += start - done
        pieces.append(new_text)
        if ids:
            regions.append(Region(size, size + len(new_text), ids))
        size += len(new_text)
        done = end
    pieces.append(text[done:])
    return "".join(pieces), None if layout.flow else regions
