"""diamond: Porter Diamond / SWOT (GZFT) sector competitiveness assessments."""

__version__ = "0.1.0"
