"""``diamond export``: a questionnaire's answers as a flat table (CSV or .xlsx).

Cells a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage
return first) are neutralised in CSV with a leading single quote (OWASP's advice,
``diamond.survey.cells``), which ``diamond import`` removes again; in .xlsx every text
cell is written as text, so nothing needs escaping.
"""

from __future__ import annotations

import csv
import io

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Questionnaire
from diamond.survey.cells import escape
from diamond.survey.xlsx import Cell, workbook_bytes

FORMATS = ("csv", "xlsx")
BOM = "\ufeff"
SHEET = "answers"


def _weight(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def answer_rows(questionnaire: Questionnaire, catalogue: Catalogue) -> list[list[Cell]]:
    """The header and one row per respondent: ``id, group, weight``, then every indicator."""
    indicators = list(catalogue.indicators)
    rows: list[list[Cell]] = [["id", "group", "weight", *indicators]]
    for respondent in questionnaire.respondents:
        answers = respondent.answers
        weight = respondent.weight
        rows.append(
            [
                respondent.id,
                respondent.group,
                int(weight) if weight == int(weight) else weight,
                *(answers.get(i) for i in indicators),
            ]
        )
    return rows


def export_csv(
    questionnaire: Questionnaire, catalogue: Catalogue, *, bom: bool = False, delimiter: str = ","
) -> str:
    """The answers as CSV; no answer is an empty cell; lines end in ``\\n``.

    ``bom`` prefixes a UTF-8 byte-order mark so that Excel reads the file as UTF-8;
    ``delimiter`` ``;`` suits Excel in Turkish (and other decimal-comma) locales.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", delimiter=delimiter)
    # csv quotes a cell holding the line terminator but not a lone "\r": quote such rows
    careful = csv.writer(out, lineterminator="\n", delimiter=delimiter, quoting=csv.QUOTE_ALL)
    for row in answer_rows(questionnaire, catalogue):
        cells = [
            "" if v is None else escape(_weight(v) if isinstance(v, float) else str(v))
            for v in row
        ]
        (careful if any("\r" in c for c in cells) else writer).writerow(cells)
    return (BOM if bom else "") + out.getvalue()


def export_xlsx(questionnaire: Questionnaire, catalogue: Catalogue) -> bytes:
    """The answers as an .xlsx workbook (sheet ``answers``); the same input gives the same bytes."""
    return workbook_bytes([(SHEET, answer_rows(questionnaire, catalogue))])
