"""Survey data in and out: import a survey tool's export, export answers as a table.

The core of ``diamond import`` and ``diamond export``; like the rest of the core it
never imports typer or rich. ``import_responses`` reads a CSV or .xlsx export (Google
Forms, Microsoft Forms, KoboToolbox, ODK Central, LimeSurvey, Excel), matches its columns
to the framework's indicators and adds the respondents to a questionnaire file,
editing only the ``respondents`` list; ``export_csv`` writes the answers back out.
"""

from __future__ import annotations

from diamond.survey.export import FORMATS, export_csv, export_xlsx
from diamond.survey.importer import ImportOptions, ImportReport, import_responses
from diamond.survey.report import describe
from diamond.survey.rows import Imported
from diamond.survey.table import DEFAULT_ENCODING, parse_delimiter
from diamond.survey.target import NewQuestionnaire

__all__ = [
    "DEFAULT_ENCODING",
    "FORMATS",
    "ImportOptions",
    "ImportReport",
    "Imported",
    "NewQuestionnaire",
    "describe",
    "export_csv",
    "export_xlsx",
    "import_responses",
    "parse_delimiter",
]
