"""Questionnaire checks that need the framework: ids, the scale, agreement of tags.

They run on the raw data, not the model, so that they still report when the
model found other errors: every finding of a file comes out in one pass.
"""

from __future__ import annotations

from typing import Any

from diamond.findings import Finding, suggest
from diamond.frameworks import Catalogue
from diamond.i18n import N_, _, ngettext
from diamond.models.questionnaire import QUADRANTS
from diamond.pathwords import item_name

_WEIGHT_TEXTS = {
    "dimension": (
        N_("unknown dimension '{key}' in weights.{section}"),
        N_("known dimensions: {ids} ..."),
    ),
    "indicator": (
        N_("unknown indicator '{key}' in weights.{section}"),
        N_("known indicators: {ids} ..."),
    ),
}


def scale_bounds(data: dict[str, Any]) -> tuple[int, int]:
    """The questionnaire's answer scale (min, max), or 1-5 where it is missing or invalid."""
    scale = data.get("scale")
    low, high = 1, 5
    if isinstance(scale, dict):
        raw_low, raw_high = scale.get("min", 1), scale.get("max", 5)
        if type(raw_low) is int and type(raw_high) is int and raw_low < raw_high:
            low, high = raw_low, raw_high
    return low, high


def _check_scale(data: dict[str, Any]) -> list[Finding]:
    scale = data.get("scale")
    if not isinstance(scale, dict):
        return []
    low, high = scale.get("min", 1), scale.get("max", 5)
    if type(low) is int and type(high) is int and low >= high:
        at = ("scale", "max") if "max" in scale else ("scale", "min")
        return [
            Finding(
                at,
                "error",
                "scale-order",
                _("scale.max ({high}) must be greater than scale.min ({low})").format(
                    high=high, low=low
                ),
                _("a 1..5 scale is written 'scale: {{min: 1, max: 5}}'").format(),
            )
        ]
    return []


def check_questionnaire(data: dict[str, Any], catalogue: Catalogue) -> list[Finding]:
    """Every framework-dependent finding about a questionnaire's raw data."""
    findings: list[Finding] = []
    findings += _check_scale(data)
    findings += _check_respondents(data, catalogue)
    findings += _check_swot(data, catalogue)
    findings += _check_weights(data, catalogue)
    findings += _check_readiness(data, catalogue)
    return findings


def _unknown_indicator(
    path: tuple[Any, ...], key: Any, catalogue: Catalogue, at: str = "key"
) -> Finding:
    hint = suggest(key, catalogue.indicators) or _("list the ids with 'diamond indicators'")
    return Finding(
        path,
        "error",
        "unknown-indicator",
        _("unknown indicator '{indicator}' in framework '{framework}'").format(
            indicator=key, framework=catalogue.framework.id
        ),
        hint,
        at="key" if at == "key" else "value",
    )


def _check_respondents(data: dict[str, Any], catalogue: Catalogue) -> list[Finding]:
    findings: list[Finding] = []
    respondents = data.get("respondents")
    if not isinstance(respondents, list):
        return findings
    low, high = scale_bounds(data)
    indicators = catalogue.indicators
    scale = {None, *range(low, high + 1)} if high - low < 1000 else set()
    seen: dict[str, int] = {}
    answered: set[str] = set()
    for n, respondent in enumerate(respondents):
        if not isinstance(respondent, dict):
            continue
        rid = respondent.get("id")
        if isinstance(rid, str):
            if rid in seen:
                findings.append(
                    Finding(
                        ("respondents", n, "id"),
                        "error",
                        "duplicate-respondent",
                        _("respondent id '{id}' is used twice (first by respondent {number})")
                        .format(id=rid, number=seen[rid] + 1),
                        _("give every respondent its own id, such as 'firm-02'"),
                    )
                )
            else:
                seen[rid] = n
        answers = respondent.get("answers")
        if not isinstance(answers, dict):
            answers = {}
        given = _plain_answers(answers, indicators, scale)
        if given is not None:
            # Each answer a whole number on the scale or null, to a known indicator.
            answered.update(
                answers
                if given == len(answers)
                else [k for k, v in answers.items() if v is not None]
            )
            answers = {}
        else:
            given = 0
        for key, value in answers.items():
            if key not in indicators:
                path = ("respondents", n, "answers", key)
                findings.append(_unknown_indicator(path, key, catalogue))
                continue
            if value is None:
                continue
            given += 1
            if type(value) is int:
                if not low <= value <= high:
                    findings.append(
                        Finding(
                            ("respondents", n, "answers", key),
                            "error",
                            "answer-range",
                            _("answer to '{indicator}' is {value}, outside the scale {low}..{high}")
                            .format(indicator=key, value=value, low=low, high=high),
                            _(
                                "rate from {low} = serious disadvantage to {high} = strong "
                                "advantage, or write null for no answer"
                            ).format(low=low, high=high),
                        )
                    )
                    continue
                answered.add(key)
        if given == 0:
            who = (
                _("respondent '{id}'").format(id=rid)
                if isinstance(rid, str)
                else item_name(("respondents", n))
            )
            findings.append(
                Finding(
                    ("respondents", n),
                    "warning",
                    "no-answers",
                    _("{respondent} gave no answer (every answer is null or missing)").format(
                        respondent=who
                    ),
                    _("fill in the answers, or remove the respondent"),
                    at="key",
                )
            )
    if respondents:
        missing = [i for i in catalogue.indicators if i not in answered]
        if missing:
            shown = ", ".join(missing[:5])
            if len(missing) > 5:
                shown = _("{listed} and {count} more").format(
                    listed=shown, count=len(missing) - 5
                )
            findings.append(
                Finding(
                    ("respondents",),
                    "warning",
                    "unanswered-indicators",
                    ngettext(
                        "{count} indicator has no answer from anyone: {listed}",
                        "{count} indicators have no answer from anyone: {listed}",
                        len(missing),
                    ).format(count=len(missing), listed=shown),
                    _("their dimensions are scored without them; the report lists them"),
                    at="key",
                )
            )
    return findings


_INT_OR_NONE = frozenset({int, type(None)})


def _plain_answers(
    answers: dict[Any, Any], indicators: dict[str, Any], scale: set[Any]
) -> int | None:
    """How many answers a respondent gave, when each is well-formed; else ``None``.

    The common case, checked at the speed of set operations: every key is a known
    indicator and every value is an ``int`` on the scale or null.
    """
    values = answers.values()
    if answers.keys() <= indicators.keys() and set(map(type, values)) <= _INT_OR_NONE:
        found = set(values)  # hashable now: whole numbers and nulls only
        if found <= scale:
            return len(answers) - list(values).count(None) if None in found else len(answers)
    return None


def _check_swot(data: dict[str, Any], catalogue: Catalogue) -> list[Finding]:
    findings: list[Finding] = []
    swot = data.get("swot")
    if not isinstance(swot, dict):
        return findings
    for quadrant in QUADRANTS:
        items = swot.get(quadrant)
        if not isinstance(items, list):
            continue
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            indicator, dimension = item.get("indicator"), item.get("dimension")
            base = ("swot", quadrant, n)
            if isinstance(indicator, str) and indicator not in catalogue.indicators:
                findings.append(
                    _unknown_indicator((*base, "indicator"), indicator, catalogue, at="value")
                )
                indicator = None
            if isinstance(dimension, str) and dimension not in catalogue.dimensions:
                findings.append(
                    Finding(
                        (*base, "dimension"),
                        "error",
                        "unknown-dimension",
                        _("unknown dimension '{dimension}'").format(dimension=dimension),
                        suggest(dimension, catalogue.dimensions)
                        or _("dimensions: {ids}").format(ids=", ".join(catalogue.dimensions)),
                    )
                )
                dimension = None
            if isinstance(indicator, str) and isinstance(dimension, str):
                implied = catalogue.dimension_of(indicator)
                if implied != dimension:
                    findings.append(
                        Finding(
                            (*base, "dimension"),
                            "error",
                            "swot-disagree",
                            _(
                                "the indicator '{indicator}' belongs to dimension '{implied}', "
                                "but the item says '{dimension}'"
                            ).format(indicator=indicator, implied=implied, dimension=dimension),
                            _(
                                "write 'dimension: {implied}', or drop 'dimension': "
                                "the indicator implies it"
                            ).format(implied=implied),
                        )
                    )
    return findings


def _check_weights(data: dict[str, Any], catalogue: Catalogue) -> list[Finding]:
    findings: list[Finding] = []
    weights = data.get("weights")
    if not isinstance(weights, dict):
        return findings
    for section, known, what in (
        ("dimensions", catalogue.dimensions, "dimension"),
        ("indicators", catalogue.indicators, "indicator"),
    ):
        unknown, listing = _WEIGHT_TEXTS[what]
        table = weights.get(section)
        if not isinstance(table, dict):
            continue
        for key in table:
            if key not in known:
                findings.append(
                    Finding(
                        ("weights", section, key),
                        "error",
                        f"unknown-{what}",
                        _(unknown).format(key=key, section=section),
                        suggest(key, known) or _(listing).format(ids=", ".join(list(known)[:6])),
                        at="key",
                    )
                )
    dims = weights.get("dimensions")
    if (
        isinstance(dims, dict)
        and dims
        and all(
            isinstance(v, (int, float)) and v == 0
            for k, v in dims.items()
            if k in catalogue.dimensions
        )
        and set(catalogue.dimensions) <= set(dims)
    ):
        findings.append(
            Finding(
                ("weights", "dimensions"),
                "error",
                "zero-weights",
                _("every dimension weight is 0, so no overall score can be formed"),
                _("give at least one dimension a weight above 0"),
                at="key",
            )
        )
    return findings


def _check_readiness(data: dict[str, Any], catalogue: Catalogue) -> list[Finding]:
    findings: list[Finding] = []
    readiness = data.get("readiness")
    if not isinstance(readiness, dict):
        return findings
    for key in readiness:
        if key not in catalogue.readiness_ids:
            findings.append(
                Finding(
                    ("readiness", key),
                    "error",
                    "unknown-readiness",
                    _("unknown precondition or success factor '{key}'").format(key=key),
                    suggest(key, catalogue.readiness_ids)
                    or _("ids are 'pre.a'..'pre.p' and 'sf.a'..'sf.n'; see 'diamond indicators'"),
                    at="key",
                )
            )
    return findings
