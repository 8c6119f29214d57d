"""Add or replace respondents in a questionnaire's text, leaving every other byte alone.

The file is composed (not loaded) with PyYAML to learn where the ``respondents``
sequence and each of its items stand; new respondents are then written as YAML text
after the last item, and replaced ones over their own lines. Comments, key order,
quoting and blank lines elsewhere stay exactly as they were, which a YAML round trip
(even ruamel.yaml's) does not guarantee.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from diamond.survey.rows import Imported

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


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string."""
    if _PLAIN.match(text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _content_end(node: yaml.Node) -> int:
    """Where a node's own text ends (PyYAML's block end marks point at the next token)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return int(node.end_mark.index)


def _after_line(text: str, index: int) -> int:
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
            raise SpliceError("cannot find the '-' of a respondent")
        if not text[_line_start(text, found) : found].strip():
            return found
        high = found


def _value(mapping: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found: yaml.Node = v
                return found
    return None


def _layout(text: str) -> _Layout:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    seq = _value(root, "respondents") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(root, yaml.MappingNode) or not isinstance(seq, yaml.SequenceNode):
        raise SpliceError("'respondents' is not a list of respondents")
    if not seq.value:
        raise SpliceError("'respondents' is not a list of respondents")
    keys = [k for k, _ in root.value if isinstance(k, yaml.ScalarNode) and k.value == "respondents"]
    if seq.start_mark.index < keys[0].end_mark.index:
        raise SpliceError("'respondents' is an alias; write the list out in place")
    items: list[tuple[str | None, int, int]] = []
    low = int(seq.start_mark.index)
    flow = bool(seq.flow_style)
    dash_column = int(seq.start_mark.column)
    for item in seq.value:
        start, end = int(item.start_mark.index), _content_end(item)
        if start < low:
            raise SpliceError("a respondent is an alias; write it out in place")
        id_node = _value(item, "id")
        item_id = id_node.value if isinstance(id_node, yaml.ScalarNode) else None
        if not flow:
            dash = _dash(text, low, start)
            dash_column = dash - _line_start(text, dash)
            start = _line_start(text, dash)
            end = _after_line(text, end)
        items.append((item_id, start, end))
        low = end
    first = seq.value[0]
    key_offset = max(2, int(first.start_mark.column) - dash_column)
    answers = _value(first, "answers")
    step = 2
    if isinstance(answers, yaml.MappingNode) and not answers.flow_style and answers.value:
        step = max(1, int(answers.value[0][0].start_mark.column - first.start_mark.column))
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
    layout = _layout(text)
    edits: list[tuple[int, int, str]] = []
    for item_id, start, end in layout.items:
        if remove_all:
            if layout.flow:
                raise SpliceError("cannot remove respondents from a flow-style list")
            edits.append((start, end, ""))
        elif item_id is not None and item_id in replace:
            new = replace[item_id]
            edits.append(
                (start, end, flow(new, order) if layout.flow else block(new, order, layout))
            )
    if append:
        at = layout.insert_at
        if layout.flow:
            added = "".join(", " + flow(r, order) for r in append)
        else:
            note = f"{' ' * layout.dash_column}# {comment}{layout.newline}" if comment else ""
            added = note + "".join(block(r, order, layout) for r in append)
            if at > 0 and text[at - 1] != "\n":
                added = layout.newline + added
        edits.append((at, at, added))
    for start, end, new_text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + new_text + text[end:]
    return text
