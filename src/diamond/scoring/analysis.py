"""What the scores mean: summary, recommendations, readiness and data-quality warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from diamond.frameworks import Catalogue
from diamond.models.framework import Action, CatalogueItem
from diamond.models.questionnaire import Questionnaire
from diamond.models.text import Language
from diamond.scoring.bands import NEEDS_ACTION, band_for
from diamond.scoring.memo import Memo
from diamond.scoring.result import (
    READINESS_STATES,
    DataWarning,
    DimensionResult,
    GroupResult,
    IndicatorResult,
    Readiness,
    ReadinessItem,
    ReadinessKind,
    ReadinessState,
    Recommendation,
    RecommendedAction,
    Summary,
    WarningCode,
)
from diamond.scoring.tows import by_score

#: How many indicators the summary lists as strongest and as weakest.
TOP = 3
#: How many weak indicators a recommendation names per dimension.
MAX_WEAK_INDICATORS = 3


def ranked(indicators: Sequence[IndicatorResult]) -> list[IndicatorResult]:
    """Answered indicators that count (weight > 0), weakest first; ties keep framework order."""
    scored = [i for i in indicators if i.score is not None and i.weight > 0]
    return sorted(scored, key=lambda i: i.score if i.score is not None else 0.0)


_Scored = TypeVar("_Scored", IndicatorResult, DimensionResult)


def _strongest_first(items: list[_Scored]) -> list[_Scored]:
    """``items`` (weakest first, ties in framework order) strongest first, ties still in order."""
    return sorted(items, key=lambda i: -(i.score if i.score is not None else 0.0))


def summarise(overall: float | None, dimensions: tuple[DimensionResult, ...]) -> Summary:
    """Overall score; strongest and weakest dimension and indicators; uncertain, unanswered."""
    dims = by_score(dimensions)
    indicators = [i for d in dimensions for i in d.indicators]
    weakest = ranked(indicators)
    return Summary(
        overall=overall,
        band=band_for(overall),
        strongest_dimension=_strongest_first(dims)[0] if dims else None,
        weakest_dimension=dims[0] if dims else None,
        strongest_indicators=tuple(_strongest_first(weakest)[:TOP]),
        weakest_indicators=tuple(weakest[:TOP]),
        uncertain=tuple(i for i in indicators if i.uncertain),
        unanswered=tuple(i for i in indicators if not i.answered),
    )


def recommend(
    dimensions: tuple[DimensionResult, ...], catalogue: Catalogue, lang: Language
) -> tuple[Recommendation, ...]:
    """For each weak or moderate dimension (weakest first): weak indicators and framework actions.

    A dimension's weak indicators are those scoring below 60 (weak or
    moderate), at most three, weakest first. Its actions are the framework's
    goals and focus areas whose ``serves`` names one of those indicators
    (weakest indicator first, then framework order) followed by those naming the
    dimension itself, each listed once.
    """
    found: list[Recommendation] = []
    serving: dict[str, list[Action]] | None = None  # made when first needed
    for dimension in by_score(dimensions):
        if dimension.band not in NEEDS_ACTION:
            continue
        weak = [i for i in ranked(dimension.indicators) if i.band in NEEDS_ACTION]
        weak = weak[:MAX_WEAK_INDICATORS]
        targets = [i.id for i in weak] + [dimension.id]
        actions: list[RecommendedAction] = []
        listed: list[str] = []
        if serving is None:
            serving = _SERVING.get(catalogue, None, lambda: _serving(catalogue))
        for target in targets:
            for action in serving.get(target, ()):
                if action.id in listed:
                    continue
                listed.append(action.id)
                actions.append(RecommendedAction(
                    id=action.id, kind=action.kind, text=action.text.get(lang),
                    serves=tuple(s for s in action.serves if s in targets),
                ))
        found.append(Recommendation(dimension=dimension, indicators=tuple(weak),
                                    actions=tuple(actions)))
    return tuple(found)


def _serving(catalogue: Catalogue) -> dict[str, list[Action]]:
    """Each id the framework's actions serve, the actions serving it in framework order."""
    serving: dict[str, list[Action]] = {}
    for action in catalogue.framework.actions:
        for served in action.serves:
            serving.setdefault(served, []).append(action)
    return serving


#: ``_serving`` by framework; ``_entries`` by framework and language.
_SERVING: Memo[dict[str, list[Action]]] = Memo()
_ENTRIES: Memo[list[tuple[str, ReadinessKind, str, tuple[str, ...]]]] = Memo()


def _entries(catalogue: Catalogue, lang: Language
             ) -> list[tuple[str, ReadinessKind, str, tuple[str, ...]]]:
    """Every precondition, then every success factor: its id, kind, text and serves."""
    framework = catalogue.framework
    sections: tuple[tuple[ReadinessKind, list[CatalogueItem]], ...] = (
        ("precondition", framework.preconditions),
        ("success_factor", framework.success_factors),
    )
    return [(entry.id, kind, entry.text.get(lang), tuple(entry.serves))
            for kind, entries in sections for entry in entries]


def readiness(questionnaire: Questionnaire, catalogue: Catalogue, lang: Language) -> Readiness:
    """Every precondition and success factor with its status (``not_assessed`` if not rated)."""
    rated = questionnaire.readiness
    items: list[ReadinessItem] = []
    counts = dict.fromkeys(READINESS_STATES, 0)
    for id_, kind, text, serves in _ENTRIES.get(catalogue, lang,
                                                lambda: _entries(catalogue, lang)):
        status: ReadinessState = rated.get(id_, "not_assessed")
        items.append(ReadinessItem(id=id_, kind=kind, text=text, serves=serves, status=status))
        if status in counts:
            counts[status] += 1
    return Readiness(assessed=bool(rated), items=tuple(items), counts=counts)


_MESSAGES: dict[WarningCode, dict[Language, str]] = {
    "unanswered-indicators": {
        "en": "{n} indicator(s) have no answer from anyone and are left out of the scores: {ids}",
        "tr": "{n} göstergeye hiç yanıt verilmedi; puanlara katılmadı: {ids}",
    },
    "low-agreement": {
        "en": "{n} indicator(s) show low agreement among respondents (r_wg < 0.5): {ids}",
        "tr": "{n} göstergede katılımcılar arasındaki uyum düşük (r_wg < 0,5): {ids}",
    },
    "no-answers": {
        "en": "{n} respondent(s) answered no indicator: {ids}",
        "tr": "{n} katılımcı hiçbir göstergeyi yanıtlamadı: {ids}",
    },
    "single-respondent-group": {
        "en": "{n} stakeholder group(s) have a single respondent, so their group scores "
              "are one person's view: {ids}",
        "tr": "{n} paydaş grubunda tek katılımcı var; bu grupların puanları tek bir kişinin "
              "görüşüdür: {ids}",
    },
}


def _warning(code: WarningCode, subjects: list[str], lang: Language) -> DataWarning | None:
    if not subjects:
        return None
    message = _MESSAGES[code][lang].format(n=len(subjects), ids=", ".join(subjects))
    return DataWarning(code, tuple(subjects), message)


def warnings(
    questionnaire: Questionnaire,
    catalogue: Catalogue,
    dimensions: tuple[DimensionResult, ...],
    groups: tuple[GroupResult, ...],
    lang: Language,
    silent: list[str] | None = None,
) -> tuple[DataWarning, ...]:
    """Data-quality concerns: unanswered and low-agreement indicators, silent respondents
    (``silent``: their ids, when already known), groups of one."""
    indicators = [i for d in dimensions for i in d.indicators]
    if silent is None:
        silent = [
            r.id for r in questionnaire.respondents
            if not any(v is not None and k in catalogue.indicators for k, v in r.answers.items())
        ]
    found = [
        _warning("unanswered-indicators", [i.id for i in indicators if not i.answered], lang),
        _warning("low-agreement",
                 [i.id for i in indicators if "low-agreement" in i.reasons], lang),
        _warning("no-answers", silent, lang),
        _warning("single-respondent-group", [g.id for g in groups if g.respondents == 1], lang),
    ]
    return tuple(w for w in found if w is not None)
