"""Hard evidence beside perceptions: the method, documented in docs/evidence-and-robustness.md.

From the questionnaire's optional ``evidence`` block (regional statistics),
computed exactly (rational numbers) and converted to float at the end; a
figure whose inputs are missing, or whose denominator is zero, is ``None``:

* location quotient ``LQ = (E_sector,region / E_total,region) /
  (E_sector,country / E_total,country)``;
* the sector's share of regional employment, ``100 × E_sector,region /
  E_total,region`` (per cent);
* patents per 10,000 employees, ``10,000 × patents / E_sector,region``;
* exports per employee, ``exports_usd / E_sector,region`` (US dollars).

**LQ band**, decided on the LQ rounded to two decimals (as reports show it):
``≥ 1.25`` specialised, ``≥ 0.8`` average, otherwise under-represented.

**Disagreements.** Each rule in ``RULES`` pairs a condition on an evidence
metric (the LQ rounded to two decimals, patents per 10,000 rounded to one)
with the perceived score's bands of a dimension or indicator that contradict
it. A rule fires when both hold; it is silent when either figure is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Literal

from diamond.frozen import frozen
from diamond.models.questionnaire import Evidence
from diamond.models.text import LANGUAGES, Language
from diamond.scoring.bands import Band, band_for, band_label

#: LQ at or above which the region is specialised in the sector.
LQ_SPECIALISED = 1.25
#: LQ below which the sector is under-represented in the region.
LQ_UNDER_REPRESENTED = 0.8
#: Patents per 10,000 employees at or above which the sector patents actively.
PATENTS_ACTIVE = 10.0
#: Patents per 10,000 employees below which the sector hardly patents.
PATENTS_FEW = 1.0

LqBand = Literal["specialised", "average", "under-represented"]
LQ_BANDS: tuple[LqBand, ...] = ("specialised", "average", "under-represented")
#: Lower limits (inclusive) of the LQ bands but the last, on the LQ rounded to two decimals.
LQ_LIMITS: tuple[tuple[float, LqBand], ...] = (
    (LQ_SPECIALISED, "specialised"), (LQ_UNDER_REPRESENTED, "average"),
)
LQ_LABELS: dict[LqBand, dict[Language, str]] = {
    "specialised": {"en": "specialised", "tr": "uzmanlaşmış"},
    "average": {"en": "average", "tr": "ortalama"},
    "under-represented": {"en": "under-represented", "tr": "ortalamanın altında"},
}

Metric = Literal["lq", "patents_per_10k"]
#: How many decimals a metric is rounded to before a rule compares it (as reports show it).
DECIMALS: dict[Metric, int] = {"lq": 2, "patents_per_10k": 1}
Comparison = Literal[">=", "<"]


@frozen
class Rule:
    """Evidence ``metric comparison threshold`` contradicts ``subject``'s score in ``bands``."""

    id: str
    metric: Metric
    comparison: Comparison
    threshold: float
    subject: str  # a dimension id or an indicator id
    bands: tuple[Band, ...]
    message: Mapping[Language, str]  # placeholders: {value} {threshold} {score} {band}


#: The disagreement rules, one a row: easy to read, easy to extend. Messages take
#: {value} (the metric), {threshold}, {score} (the perceived score) and {band}.
RULES: tuple[Rule, ...] = (
    Rule("specialised-but-weak-factors", "lq", ">=", LQ_SPECIALISED,
         "factor", ("weak", "moderate"), {
             "en": "The region is specialised in the sector (LQ {value} ≥ {threshold}), yet "
                   "stakeholders rate factor conditions {band} ({score}): check whether the "
                   "inputs behind the specialisation are wearing thin, or whether the ratings "
                   "are too harsh.",
             "tr": "Bölge sektörde uzmanlaşmış (LQ {value} ≥ {threshold}), ancak paydaşlar "
                   "faktör koşullarını {band} ({score}) olarak değerlendiriyor: uzmanlaşmanın "
                   "dayandığı girdilerin zayıflayıp zayıflamadığını ya da puanların fazla sert "
                   "olup olmadığını inceleyin.",
         }),
    Rule("under-represented-but-strong-factors", "lq", "<", LQ_UNDER_REPRESENTED,
         "factor", ("strong", "leading"), {
             "en": "The sector is under-represented in the region (LQ {value} < {threshold}), "
                   "yet stakeholders rate factor conditions {band} ({score}): check what keeps "
                   "favourable conditions from attracting employment, or whether the ratings "
                   "are too generous.",
             "tr": "Sektör bölgede ülke ortalamasının altında temsil ediliyor "
                   "(LQ {value} < {threshold}), ancak "
                   "paydaşlar faktör koşullarını {band} ({score}) olarak değerlendiriyor: "
                   "elverişli koşulların neden istihdama dönüşmediğini ya da puanların fazla "
                   "cömert olup olmadığını inceleyin.",
         }),
    Rule("patents-but-weak-ip", "patents_per_10k", ">=", PATENTS_ACTIVE,
         "firm.ip_indicators", ("weak",), {
             "en": "The sector patents actively ({value} patents per 10,000 employees ≥ "
                   "{threshold}), yet stakeholders rate intellectual-property indicators "
                   "{band} ({score}): the perception may lag behind the record.",
             "tr": "Sektör etkin biçimde patent alıyor (10.000 çalışan başına {value} patent ≥ "
                   "{threshold}), ancak paydaşlar fikri mülkiyet göstergelerini {band} "
                   "({score}) olarak değerlendiriyor: algı kayıtların gerisinde kalıyor olabilir.",
         }),
    Rule("few-patents-but-strong-ip", "patents_per_10k", "<", PATENTS_FEW,
         "firm.ip_indicators", ("strong", "leading"), {
             "en": "The sector hardly patents ({value} patents per 10,000 employees < "
                   "{threshold}), yet stakeholders rate intellectual-property indicators "
                   "{band} ({score}): the perception may be more optimistic than the record.",
             "tr": "Sektör neredeyse hiç patent almıyor (10.000 çalışan başına {value} patent < "
                   "{threshold}), ancak paydaşlar fikri mülkiyet göstergelerini {band} "
                   "({score}) olarak değerlendiriyor: algı kayıtlardan daha iyimser olabilir.",
         }),
)


@frozen
class Disagreement:
    """A rule that fired: the evidence figure, the perceived score, a message in both languages."""

    rule: str
    metric: Metric
    value: float  # the metric, rounded as compared
    threshold: float
    subject: str
    score: float
    band: Band
    message: Mapping[Language, str]


@frozen
class EvidenceResult:
    """The evidence block as given, the figures computed from it, and the disagreements."""

    year: int | str | None
    source: str | None
    sector_region: int | None
    total_region: int | None
    sector_country: int | None
    total_country: int | None
    establishments: int | None
    patents: int | None
    exports_usd: float | None
    lq: float | None
    lq_band: LqBand | None
    regional_share: float | None  # per cent of regional employment
    patents_per_10k: float | None
    exports_per_employee: float | None
    disagreements: tuple[Disagreement, ...]
    lq_base: str | None = None  # as given; ``diamond map`` writes it (docs/map.md)
    stars: int | None = None  # European Cluster Observatory stars, 0..3
    strong_cluster: bool | None = None  # U.S. Cluster Mapping strong cluster


def ratio(numerator: int | float | None, denominator: int | float | None) -> Fraction | None:
    """``numerator / denominator`` exactly; ``None`` when either is missing or the divisor is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Fraction(numerator) / Fraction(denominator)


def location_quotient(evidence: Evidence) -> Fraction | None:
    """``(E_sector,region / E_total,region) / (E_sector,country / E_total,country)``, exactly."""
    e = evidence.employment
    national = ratio(e.sector_country, e.total_country)
    if national is None or national == 0:
        return None
    regional = ratio(e.sector_region, e.total_region)
    return None if regional is None else regional / national


def lq_band(lq: float | None) -> LqBand | None:
    """The band of an LQ (rounded to two decimals first); ``None`` for ``None``."""
    if lq is None:
        return None
    shown = round(lq, DECIMALS["lq"])
    for limit, band in LQ_LIMITS:
        if shown >= limit:
            return band
    return "under-represented"


def lq_band_label(band: LqBand | None, lang: Language) -> str | None:
    """The LQ band's label in ``lang``."""
    return None if band is None else LQ_LABELS[band][lang]


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _shown(value: float, decimals: int, lang: Language, trim: bool = False) -> str:
    """``value`` as reports write it: ``6.67`` in English, ``6,67`` in Turkish."""
    text = f"{value:.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "tr" else text


def fires(rule: Rule, value: float, band: Band | None) -> bool:
    """Whether ``rule`` holds for the rounded metric ``value`` and the perceived ``band``."""
    met = value >= rule.threshold if rule.comparison == ">=" else value < rule.threshold
    return met and band in rule.bands


def disagreements(
    metrics: Mapping[Metric, float | None], scores: Mapping[str, float | None]
) -> tuple[Disagreement, ...]:
    """The rules of ``RULES`` that fire, in table order.

    ``metrics`` maps each metric to its unrounded value; ``scores`` maps
    dimension and indicator ids to their perceived 0–100 scores.
    """
    found: list[Disagreement] = []
    for rule in RULES:
        raw, score = metrics.get(rule.metric), scores.get(rule.subject)
        if raw is None or score is None:
            continue
        value = round(raw, DECIMALS[rule.metric])
        band = band_for(score)
        if band is None or not fires(rule, value, band):
            continue
        message = {
            lang: rule.message[lang].format(
                value=_shown(value, DECIMALS[rule.metric], lang),
                threshold=_shown(rule.threshold, DECIMALS[rule.metric], lang, trim=True),
                score=_shown(score, 1, lang),
                band=band_label(band, lang),
            )
            for lang in LANGUAGES
        }
        found.append(Disagreement(rule.id, rule.metric, value, rule.threshold, rule.subject,
                                  score, band, message))
    return tuple(found)


def analyse(evidence: Evidence, scores: Mapping[str, float | None]) -> EvidenceResult:
    """The figures of ``evidence`` and their disagreements with the perceived ``scores``."""
    e = evidence.employment
    lq = _float(location_quotient(evidence))
    share = ratio(e.sector_region, e.total_region)
    patents = ratio(evidence.patents, e.sector_region)
    per_10k = None if patents is None else float(patents * 10_000)
    return EvidenceResult(
        year=evidence.year,
        source=evidence.source,
        sector_region=e.sector_region,
        total_region=e.total_region,
        sector_country=e.sector_country,
        total_country=e.total_country,
        establishments=evidence.establishments,
        patents=evidence.patents,
        exports_usd=evidence.exports_usd,
        lq=lq,
        lq_band=lq_band(lq),
        regional_share=None if share is None else float(share * 100),
        patents_per_10k=per_10k,
        exports_per_employee=_float(ratio(evidence.exports_usd, e.sector_region)),
        disagreements=disagreements({"lq": lq, "patents_per_10k": per_10k}, scores),
        lq_base=evidence.lq_base,
        stars=evidence.stars,
        strong_cluster=evidence.strong_cluster,
    )
