"""Match a CSV header to an indicator: by id, by a survey tool's path, or by question text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from diamond.frameworks import Catalogue
from diamond.i18n import N_, _
from diamond.models.text import LANGUAGES
from diamond.survey.codes import limesurvey_codes
from diamond.survey.text import contains_phrase, normalise

_SEPARATORS = "/-._:"
_BRACKET = re.compile(r"\[([^\[\]]+)\]\s*$")
_CODE = re.compile(r"^([A-Za-z][A-Za-z0-9]{0,19})(?:$|\.\s)")
_MIN_CONTAINED = 8  # a shorter text is matched only when it is the whole header
# How a column was matched, as ``Match.how`` and ``Column.how`` keep it (English); shown
# to the user through ``describe_how``.
_HOW = (N_("LimeSurvey code"), N_("indicator id"), N_("group path"), N_("field name"),
        N_("column name"), N_("map file"), N_("survey tool"))
_KIND = re.compile(r"(prompt|text) \((\w+)\)")
_CHOICE = "a choice of "


def describe_how(how: str) -> str:
    """``how`` a column was matched (``contains prompt (tr)``) in the user's language."""
    for prefix, template in (("subquestion ", N_("subquestion {how}")),
                             ("contains ", N_("contains {how}"))):
        if how.startswith(prefix):
            return _(template).format(how=describe_how(how[len(prefix):]))
    kind = _KIND.fullmatch(how)
    if kind:
        text = _("prompt ({lang})") if kind[1] == "prompt" else _("text ({lang})")
        return text.format(lang=kind[2])
    if how.startswith(_CHOICE):
        return _("a choice of {question}").format(question=how[len(_CHOICE):])
    return _(how) if how in _HOW else how


@dataclass(frozen=True)
class Match:
    """The indicators a header may mean (one: matched; several: ambiguous) and how."""

    indicators: tuple[str, ...]
    how: str

    @property
    def unique(self) -> str | None:
        """The indicator when exactly one matched."""
        return self.indicators[0] if len(self.indicators) == 1 else None


class Matcher:
    """Lookup tables built once per framework."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.ids = {i.casefold(): i for i in catalogue.indicators}
        self.forms: dict[str, set[str]] = {}
        for indicator_id in catalogue.indicators:
            dim, name = indicator_id.split(".", 1)
            for sep in "/-_:":
                self.forms.setdefault(f"{dim}{sep}{name}".casefold(), set()).add(indicator_id)
        self.codes = limesurvey_codes(catalogue.indicators)
        self.phrases: list[tuple[str, str, str]] = []  # (normalised phrase, id, how)
        for indicator in catalogue.indicators.values():
            for kind, text in (("prompt", indicator.prompt), ("text", indicator.text)):
                for lang in LANGUAGES:
                    value = text.tr if lang == "tr" else text.en
                    if value:
                        self.phrases.append((normalise(value), indicator.id, f"{kind} ({lang})"))

    def match(self, header: str) -> Match | None:
        """The indicator(s) ``header`` names, or None when it names none."""
        return (
            self.by_id(header)
            or self.by_path(header)
            or self.by_code(header)
            or self.by_text(header)
        )

    def by_code(self, header: str) -> Match | None:
        """A LimeSurvey question code (``factorSkilledWorkfor``), alone or before ``. text``."""
        code = _CODE.match(header.strip())
        found = self.codes.get(code.group(1).casefold()) if code else None
        return Match((found,), "LimeSurvey code") if found else None

    def by_id(self, header: str) -> Match | None:
        """The header is an indicator id, in any case."""
        found = self.ids.get(header.strip().casefold())
        return Match((found,), "indicator id") if found else None

    def by_path(self, header: str) -> Match | None:
        """KoboToolbox / ODK names: ``factor/x``, ``grp/factor/x``, ``factor-x``, ``factor_x``.

        The longest tail of the header (cut at ``/ - . _ :``) that spells an indicator id
        decides; when it spells several (``a_b.c`` and ``a.b_c``), the header is ambiguous.
        """
        key = header.strip().casefold()
        tails = [key] + [key[i + 1 :] for i, c in enumerate(key) if c in _SEPARATORS]
        for tail in tails:  # longest first
            found = self.forms.get(tail) or (
                {self.ids[tail]} if tail in self.ids and tail != key else None
            )
            if found:
                how = "group path" if tail != key else "field name"
                return Match(tuple(sorted(found)), how)
        return None

    def by_text(self, header: str) -> Match | None:
        """Question text: a whole prompt or indicator text, or one contained in the header.

        A trailing ``[...]`` (LimeSurvey's and Google Forms' grid rows) is tried first on
        its own. The longest phrase contained in the header wins; a tie between
        indicators is ambiguous.
        """
        bracket = _BRACKET.search(header)
        if bracket:
            found = self._text(normalise(bracket.group(1)), "subquestion ")
            if found:
                return found
        return self._text(normalise(header), "")

    def _text(self, key: str, prefix: str) -> Match | None:
        if not key:
            return None
        exact = {(i, how) for phrase, i, how in self.phrases if phrase == key}
        if exact:
            ids = tuple(sorted({i for i, _ in exact}))
            return Match(ids, prefix + min(how for _, how in exact))
        best = 0
        found: dict[str, str] = {}
        for phrase, indicator_id, how in self.phrases:
            if len(phrase) < _MIN_CONTAINED or not contains_phrase(key, phrase):
                continue
            if len(phrase) > best:
                best, found = len(phrase), {indicator_id: how}
            elif len(phrase) == best:
                found.setdefault(indicator_id, how)
        if not found:
            return None
        ids = tuple(sorted(found))
        return Match(ids, prefix + "contains " + found[ids[0]])
