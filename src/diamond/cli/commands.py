"""What each command's help says besides its options: its text, examples and exit codes.

The texts are marked with ``N_`` and translated when help is shown (``helpformat``).
Each command lists only the exit codes it can return; ``diamond --help`` lists them all.
"""

from __future__ import annotations

from typing import Final

from diamond.cli import exit_codes as codes
from diamond.i18n import N_, _

ROOT: Final = ""

HELP: Final[dict[str, str]] = {
    ROOT: N_("Porter Diamond / SWOT (GZFT) sector assessments: validate questionnaires, "
             "score the Diamond, render reports."),
    "init": N_("Write a starter questionnaire listing every indicator with its question."),
    "validate": N_("Check questionnaires (and framework files) and report every problem as "
                   "path:line:column."),
    "assess": N_("Score a questionnaire and write its sector evaluation report."),
    "indicators": N_("List the dimensions and indicators of a framework, with the ids "
                     "questionnaires use."),
    "schema": N_("Print the JSON Schema (draft 2020-12) of the questionnaire format, for "
                 "editors and CI."),
    "import": N_("Import respondents from a survey tool's CSV or .xlsx export (Google Forms, "
                 "Microsoft Forms, KoboToolbox, ODK Central, LimeSurvey, Excel) into a "
                 "questionnaire.\n\nNothing is written unless every column and cell is "
                 "understood and the result validates."),
    "export": N_("Export a questionnaire's answers as a table: one row per respondent, one "
                 "column per indicator, empty where there is no answer."),
    "form": N_("Write the questionnaire as a survey form: an XLSForm for KoboToolbox and ODK, "
               "a LimeSurvey structure file, a printable paper form (HTML or PDF), or an Apps "
               "Script that builds a Google Form.\n\nIts export comes back with "
               "'diamond import' and no map file."),
    "compare": N_("Compare questionnaires: one sector over periods, or clusters side by side."),
    "portfolio": N_("Assess every questionnaire under a folder: ranking, heat map, each "
                    "cluster's report.\n\nAn invalid file is reported and the others are "
                    "still assessed and written."),
    "map": N_("Map regional employment statistics: location quotients, stars, strong clusters, "
              "shift-share."),
}

MEANINGS: Final[dict[int, str]] = {
    codes.OK: N_("success"),
    codes.INVALID: N_("an input file is invalid (every problem is reported)"),
    codes.USAGE: N_("usage error, or a path that cannot be read"),
    codes.TEMPLATE: N_("a report template failed to load or render"),
    codes.OUTPUT: N_("an output could not be written"),
    codes.BELOW_THRESHOLD: N_("--fail-below: the last input's overall score is below SCORE "
                              "(or missing)"),
    codes.DECLINED: N_("--fail-on-decline: a dimension declined significantly between the "
                       "last two inputs"),
    codes.MISSING: N_("a format needs a package that is not installed (the message says "
                      "which and how)"),
    codes.WORKER: N_("a worker process stopped without a result (killed, or out of memory); "
                     "nothing was written"),
}

_ALL = tuple(sorted(MEANINGS))
CODES: Final[dict[str, tuple[int, ...]]] = {
    ROOT: _ALL,
    "init": (0, 1, 2, 4),
    "validate": (0, 1, 2, 8),
    "assess": (0, 1, 2, 3, 4, 7),
    "indicators": (0, 1, 2),
    "schema": (0, 2),
    "import": (0, 1, 2, 4),
    "export": (0, 1, 2, 4),
    "form": (0, 1, 2, 4, 7),
    "compare": (0, 1, 2, 3, 4, 5, 6),
    "portfolio": (0, 1, 2, 3, 4, 8),
    "map": (0, 1, 2, 3, 4),
}

EXAMPLES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    ROOT: (
        ("diamond init sector.yaml --sector Savunma --region Ankara --period 2025-05",
         N_("Start a questionnaire:")),
        ("diamond validate sector.yaml", N_("Check it:")),
        ("diamond assess sector.yaml -o reports/", N_("Score it and write the reports:")),
        ("diamond --lang tr validate sector.yaml", N_("Messages in Turkish:")),
    ),
    "validate": (
        ("diamond validate sector.yaml", N_("Check one questionnaire:")),
        ("diamond validate assessments/ --format json",
         N_("Check every questionnaire under a folder, as JSON for scripts:")),
        ("diamond validate sector.yaml --strict", N_("Fail on warnings too, as in CI:")),
    ),
    "assess": (
        ("diamond assess sector.yaml -o reports/",
         N_("Write the Markdown, HTML and JSON reports into reports/:")),
        ("diamond assess sector.yaml -f docx -f pdf --lang en",
         N_("An English Word and PDF report:")),
        ("diamond assess sector.yaml -f json", N_("The JSON report on standard output:")),
    ),
    "import": (
        ("diamond import export.csv --into sector.yaml --dry-run",
         N_("See what a survey export would add, writing nothing:")),
        ("diamond import export.xlsx --new sector.yaml --sector Savunma --region Ankara "
         "--period 2025-05", N_("Create a questionnaire from a survey export:")),
    ),
    "compare": (
        ("diamond compare 2021.yaml 2025.yaml -o reports/",
         N_("One sector over two periods, the baseline first:")),
        ("diamond compare 2021.yaml 2025.yaml -f json --fail-on-decline",
         N_("In CI: fail when a dimension declined significantly:")),
    ),
    "portfolio": (
        ("diamond portfolio assessments/ -o reports/ -j 4",
         N_("Assess and rank every questionnaire under a folder with 4 workers:")),
    ),
    "init": (
        ("diamond init sector.yaml --sector \"Savunma ve Havacılık\" --region Ankara "
         "--period 2025-05", N_("A starter questionnaire with Turkish prompts:")),
        ("diamond init sector.yaml --sector Defence --region Ankara --period 2025-05 --lang en",
         N_("The same with English prompts:")),
    ),
    "form": (
        ("diamond form sector.yaml --to xlsform -o form.xlsx",
         N_("An XLSForm for KoboToolbox or ODK:")),
        ("diamond form --to paper -o form.html",
         N_("A printable paper form of the built-in framework:")),
    ),
}


def exit_code_lines(name: str) -> list[tuple[str, str]]:
    """The exit codes ``name`` can return (every code for the group), each with its meaning."""
    return [(str(code), _(MEANINGS[code])) for code in CODES.get(name, _ALL)]

# The placeholder each option's or argument's value shows in help and usage errors;
# options with a fixed set of values show the set instead ([tr|en]).
_METAVARS: Final[dict[str, str]] = {
    "file": "FILE", "files": "FILE", "paths": "PATH", "folder": "DIR", "table": "FILE",
    "csv_file": "FILE", "output": "DIR", "templates": "DIR", "brand": "FILE",
    "reference_docx": "FILE", "date": "DATE", "jobs": "N", "bootstrap": "N",
    "sensitivity": "N", "top": "N", "name": "NAME", "sector": "NAME", "region": "REGION",
    "period": "PERIOD", "framework": "ID|FILE", "evidence_from": "FILE", "region_code": "CODE",
    "sector_code": "CODE", "year": "YEAR", "year_from": "YEAR", "year_to": "YEAR",
    "into": "FILE", "new": "FILE", "map_file": "FILE", "id_column": "COLUMN",
    "group_column": "COLUMN", "weight_column": "COLUMN", "id_prefix": "PREFIX",
    "delimiter": "CHAR", "encoding": "ENCODING", "sheet": "SHEET", "fail_below": "SCORE",
    "national": "CODE", "size_top": "PERCENT", "specialisation_lq": "LQ",
    "focus_top": "PERCENT", "strong_top": "PERCENT", "regions": "CODE",
    "evidence_into": "FILE", "source": "TEXT", "ids": "ID",
}
_COMMAND_METAVARS: Final[dict[tuple[str, str], str]] = {
    ("export", "output"): "FILE", ("form", "output"): "FILE", ("map", "sector"): "CODE",
}


def metavar_for(command: str, param: str) -> str | None:
    """The placeholder of ``param`` of ``command`` (None: derive it from the choices)."""
    return _COMMAND_METAVARS.get((command, param)) or _METAVARS.get(param)
