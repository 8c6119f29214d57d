"""Read one cell: an answer (code or label), a stakeholder group, a weight."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from diamond.i18n import _
from diamond.models.questionnaire import Group, Scale
from diamond.numbertext import grouped
from diamond.survey.labels import NO_ANSWER_LABELS, group_table, scale_table
from diamond.survey.text import normalise

NO_ANSWER = frozenset(normalise(text) for text in NO_ANSWER_LABELS)
_GROUPS = group_table()
_SCALE_WORDS = scale_table()
MAX_DIGITS = 12  # longer numbers are never a scale point (and int() refuses 4,301 digits)
_NUMBER = re.compile(r"^\s*([+-]?\d+)(?:[.,](\d+))?\s*$")
_LEADING = re.compile(r"^\s*([+-]?\d+)\s*(?:[-–—.:)=/]|\(|\s)\s*(.*?)\s*$")
_TRAILING = re.compile(r"^\s*(.*?)\s*[(\[:=–—-]?\s*([+-]?\d+)\s*[)\]]?\s*$")


@dataclass(frozen=True)
class Problem:
    """Why a cell could not be read: a diagnostic code, a message and a hint."""

    code: str
    message: str
    hint: str | None = None


def label_values(scale: Scale, extra: Mapping[str, int | None]) -> dict[str, int | None]:
    """Normalised answer label -> scale point (or None): the map file's, then the built-in."""
    labels: dict[str, int | None] = {}
    if (scale.min, scale.max) == (1, 5):
        labels.update(_SCALE_WORDS)
    labels.update(extra)
    return labels


def _too_long(digits: str, raw: str, scale: Scale) -> Problem | None:
    if len(digits.lstrip("+-").lstrip("0")) <= MAX_DIGITS:
        return None
    return Problem(
        "answer-range",
        _("answer {answer}… ({count} characters) is not a scale point").format(
            answer=repr(raw.strip()[:20]), count=grouped(len(raw.strip()))),
        _("answers are whole numbers {low}..{high}, or empty for no answer").format(
            low=scale.min, high=scale.max),
    )


def _in_scale(value: int, scale: Scale, raw: str) -> int | Problem:
    if scale.min <= value <= scale.max:
        return value
    return Problem(
        "answer-range",
        _("answer {answer} is outside the scale {low}..{high}").format(
            answer=repr(raw.strip()), low=scale.min, high=scale.max),
        _("answers are whole numbers on the questionnaire's scale, or empty for no answer"),
    )


def parse_answer(raw: str, scale: Scale, labels: Mapping[str, int | None]) -> int | Problem | None:
    """A cell as an answer: a scale point, None (no answer), or the ``Problem``."""
    text = raw.strip()
    key = normalise(text)
    if key in labels:
        value = labels[key]
        return None if value is None else _in_scale(value, scale, raw)
    if not key or key in NO_ANSWER or not text.strip("-–—. "):
        return None
    number = _NUMBER.match(text)
    if number:
        whole, fraction = number.groups()
        if fraction and fraction.strip("0"):
            return Problem(
                "answer-not-whole",
                _("answer {answer} is not a whole number").format(answer=repr(text)),
                _("answers are whole scale points; round it in the survey data, or leave it "
                  "empty"),
            )
        return _too_long(whole, raw, scale) or _in_scale(int(whole), scale, raw)
    for pattern, number_group, label_group in ((_LEADING, 1, 2), (_TRAILING, 2, 1)):
        match = pattern.match(text)
        if not match:
            continue
        too_long = _too_long(match.group(number_group), raw, scale)
        if too_long:
            return too_long
        value = int(match.group(number_group))
        label = normalise(match.group(label_group))
        if label and label in labels and labels[label] != value:
            return Problem(
                "answer-conflict",
                _("answer {answer} gives the number {value} but the label of {label}").format(
                    answer=repr(text), value=value, label=labels[label]),
                _("correct the answer in the survey data"),
            )
        return _in_scale(value, scale, raw)
    return Problem(
        "answer-unreadable",
        _("cannot read {answer} as an answer").format(answer=repr(text)),
        _("give a number {low}..{high}, a scale label such as 'Strong advantage', "
          "or map the label in the map file's 'labels:'").format(low=scale.min, high=scale.max),
    )


def parse_group(raw: str, mapped: Mapping[str, Group], default: Group) -> Group | Problem:
    """A cell as a stakeholder group: the map file's ``groups``, then the documented labels.

    Labels match only whole (after ``normalise``): a label that merely contains a known
    word (``Sanayi ve Teknoloji Bakanlığı``) is unknown, never guessed.
    """
    key = normalise(raw)
    if not key:
        return default
    if key in mapped:
        return mapped[key]
    if key in _GROUPS:
        return _GROUPS[key]
    return Problem(
        "unknown-group",
        _("unknown stakeholder group {group}").format(group=repr(raw.strip())),
        _("groups are firm, university, public, ngo, other; map other labels in the map "
          "file's 'groups:'"),
    )


def is_group_label(raw: str) -> bool:
    """Whether a cell is one of the documented stakeholder-group labels."""
    return normalise(raw) in _GROUPS


def parse_weight(raw: str) -> float | Problem | None:
    """A cell as a respondent weight: a positive number (decimal comma allowed), or None."""
    text = raw.strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", ".")) if text.count(",") <= 1 else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0 or value > 1_000_000:
        return Problem(
            "bad-weight",
            _("weight {weight} is not a positive number").format(weight=repr(text)),
            _("a weight is a number above 0 (at most 1,000,000), or empty for 1"),
        )
    return value
