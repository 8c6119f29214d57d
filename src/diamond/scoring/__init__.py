"""Scoring and analysis: pure functions from a questionnaire to an ``Assessment``.

The method is stated in ``diamond.scoring.engine``'s docstring.
"""

from diamond.scoring.bands import BANDS, Band, band_for, band_label
from diamond.scoring.engine import assess
from diamond.scoring.result import METHODS, Assessment, Method
from diamond.scoring.serialize import to_json, to_json_dict

__all__ = [
    "BANDS",
    "METHODS",
    "Assessment",
    "Band",
    "Method",
    "assess",
    "band_for",
    "band_label",
    "to_json",
    "to_json_dict",
]
