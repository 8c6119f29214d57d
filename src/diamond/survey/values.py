"""Read one cell: an answer (code or label), a stakeholder group, a weight."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from diamond.models.questionnaire import Group, Scale
from diamond.survey.text import normalise

# What 1..5 mean on the built-in scale (the framework's scale_meaning), in both languages.
SCALE_LABELS: dict[int, tuple[str, ...]] = {
    1: ("serious disadvantage", "ciddi dezavantaj"),
    2: ("disadvantage", "dezavantaj"),
    3: ("neutral", "notr"),
    4: ("advantage", "avantaj"),
    5: ("strong advantage", "guclu avantaj"),
}
NO_ANSWER = frozenset(
    normalise(text)
    for text in (
        "n/a",
        "na",
        "n.a.",
        "-",
        "null",
        "none",
        "no answer",
        "not applicable",
        "don't know",
        "dont know",
        "do not know",
        "i don't know",
        "unsure",
        "bilmiyorum",
        "fikrim yok",
        "yanıt yok",
        "cevap yok",
        "uygulanamaz",
        "bilgim yok",
    )
)
GROUP_WORDS: dict[Group, tuple[str, ...]] = {
    "firm": (
        "firm",
        "firma",
        "şirket",
        "company",
        "business",
        "enterprise",
        "industry",
        "sanayi",
        "işletme",
        "kobi",
        "sme",
        "private sector",
        "özel sektör",
        "firms",
        "companies",
    ),
    "university": (
        "university",
        "üniversite",
        "academia",
        "akademi",
        "academic",
        "akademisyen",
        "universities",
        "research institute",
        "araştırma kurumu",
    ),
    "public": (
        "public",
        "kamu",
        "government",
        "devlet",
        "public sector",
        "public institution",
        "kamu kurumu",
        "kamu kuruluşu",
        "public body",
    ),
    "ngo": (
        "ngo",
        "stk",
        "sivil toplum",
        "sivil toplum kuruluşu",
        "civil society",
        "dernek",
        "association",
        "non governmental organisation",
        "non governmental organization",
    ),
    "other": ("other", "diğer", "others", "diğerleri"),
}
_GROUPS = {normalise(w): g for g, words in GROUP_WORDS.items() for w in words}
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
        labels.update({normalise(t): n for n, texts in SCALE_LABELS.items() for t in texts})
    labels.update(extra)
    return labels


def _in_scale(value: int, scale: Scale, raw: str) -> int | Problem:
    if scale.min <= value <= scale.max:
        return value
    return Problem(
        "answer-range",
        f"answer {raw.strip()!r} is outside the scale {scale.min}..{scale.max}",
        "answers are whole numbers on the questionnaire's scale, or empty for no answer",
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
                f"answer {text!r} is not a whole number",
                "answers are whole scale points; round it in the survey data, or leave it empty",
            )
        return _in_scale(int(whole), scale, raw)
    for pattern, number_group, label_group in ((_LEADING, 1, 2), (_TRAILING, 2, 1)):
        match = pattern.match(text)
        if not match:
            continue
        value = int(match.group(number_group))
        label = normalise(match.group(label_group))
        if label and label in labels and labels[label] != value:
            return Problem(
                "answer-conflict",
                f"answer {text!r} gives the number {value} but the label of {labels[label]}",
                "correct the answer in the survey data",
            )
        return _in_scale(value, scale, raw)
    return Problem(
        "answer-unreadable",
        f"cannot read {text!r} as an answer",
        f"give a number {scale.min}..{scale.max}, a scale label such as 'Strong advantage', "
        "or map the label in the map file's 'labels:'",
    )


def parse_group(raw: str, mapped: Mapping[str, Group], default: Group) -> Group | Problem:
    """A cell as a stakeholder group: the map file's ``groups``, then known names."""
    key = normalise(raw)
    if not key:
        return default
    if key in mapped:
        return mapped[key]
    if key in _GROUPS:
        return _GROUPS[key]
    found = {g for word, g in _GROUPS.items() if f" {word} " in f" {key} "}
    if len(found) == 1:
        return found.pop()
    return Problem(
        "unknown-group",
        f"unknown stakeholder group {raw.strip()!r}",
        "groups are firm, university, public, ngo, other; map other names in the map file's "
        "'groups:'",
    )


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
            f"weight {text!r} is not a positive number",
            "a weight is a number above 0 (at most 1,000,000), or empty for 1",
        )
    return value
