"""Compare assessments of one sector over time, or of several clusters side by side.

The method (standard errors, significance, the three-areas rule) is stated in
``diamond.compare.engine``'s docstring. This package never imports typer or rich.
"""

from diamond.compare.engine import (
    below,
    change,
    combined_se,
    compare,
    dimension_se,
    indicator_se,
    overall_se,
    recent_declines,
)
from diamond.compare.model import (
    MIN_IMPROVED_AREAS,
    Area,
    Change,
    CompareWarning,
    Comparison,
    Input,
    Point,
    Summary,
)
from diamond.compare.render import DEFAULT_STEM, render_comparison
from diamond.compare.serialize import comparison_json, comparison_to_json_dict

__all__ = [
    "DEFAULT_STEM",
    "MIN_IMPROVED_AREAS",
    "Area",
    "Change",
    "CompareWarning",
    "Comparison",
    "Input",
    "Point",
    "Summary",
    "below",
    "change",
    "combined_se",
    "compare",
    "comparison_json",
    "comparison_to_json_dict",
    "dimension_se",
    "indicator_se",
    "overall_se",
    "recent_declines",
    "render_comparison",
]
