"""Score bands: weak, moderate, strong, leading.

A band is decided on the score rounded to one decimal, the way reports show
it, so that a score printed as ``40.0`` is never called weak:
``< 40`` weak, ``< 60`` moderate, ``< 80`` strong, otherwise leading.
"""

from __future__ import annotations

from typing import Literal

from diamond.models.text import Language

Band = Literal["weak", "moderate", "strong", "leading"]
BANDS: tuple[Band, ...] = ("weak", "moderate", "strong", "leading")

#: Upper limits (exclusive) of every band but the last, on the rounded score.
LIMITS: tuple[tuple[float, Band], ...] = ((40.0, "weak"), (60.0, "moderate"), (80.0, "strong"))

#: Bands that call for action in TOWS prompts and recommendations.
NEEDS_ACTION: tuple[Band, ...] = ("weak", "moderate")

LABELS: dict[Band, dict[Language, str]] = {
    "weak": {"en": "weak", "tr": "zayıf"},
    "moderate": {"en": "moderate", "tr": "orta"},
    "strong": {"en": "strong", "tr": "güçlü"},
    "leading": {"en": "leading", "tr": "çok güçlü"},
}


def band_for(score: float | None) -> Band | None:
    """The band of a 0–100 score (rounded to one decimal first); ``None`` for ``None``."""
    if score is None:
        return None
    shown = round(score, 1)
    for limit, band in LIMITS:
        if shown < limit:
            return band
    return "leading"


def band_label(band: Band | None, lang: Language) -> str | None:
    """The band's label in ``lang`` (``zayıf``, ``orta``, ``güçlü``, ``çok güçlü`` in Turkish)."""
    if band is None:
        return None
    return LABELS[band][lang]
