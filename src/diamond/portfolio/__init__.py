"""Assess every questionnaire under a folder: ranking, heat map, links to each report.

This package never imports typer or rich; progress is reported through an optional
``on_done(path)`` callback.
"""

from diamond.portfolio.model import Cell, Cluster, Column, InvalidFile, Outcome, Portfolio
from diamond.portfolio.render import ReportWriter, render_portfolio, write_portfolio
from diamond.portfolio.run import DEFAULT_LANGUAGE, assess_file, report_stems, run_portfolio
from diamond.portfolio.serialize import CLUSTERS_FOLDER, portfolio_json, portfolio_to_json_dict

__all__ = [
    "CLUSTERS_FOLDER",
    "DEFAULT_LANGUAGE",
    "Cell",
    "Cluster",
    "Column",
    "InvalidFile",
    "Outcome",
    "Portfolio",
    "ReportWriter",
    "assess_file",
    "portfolio_json",
    "portfolio_to_json_dict",
    "render_portfolio",
    "report_stems",
    "run_portfolio",
    "write_portfolio",
]
