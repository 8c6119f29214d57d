"""``diamond export``: a questionnaire's answers as a flat table."""

from __future__ import annotations

import csv
import io

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Questionnaire

FORMATS = ("csv",)
BOM = "\ufeff"


def _weight(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def export_csv(questionnaire: Questionnaire, catalogue: Catalogue, *, bom: bool = False) -> str:
    """One row per respondent: ``id, group, weight``, then every indicator in framework order.

    No answer is an empty cell. Lines end in ``\\n``; ``bom`` prefixes a UTF-8
    byte-order mark so that Excel reads the file as UTF-8.
    """
    indicators = list(catalogue.indicators)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "group", "weight", *indicators])
    for respondent in questionnaire.respondents:
        answers = respondent.answers
        writer.writerow(
            [
                respondent.id,
                respondent.group,
                _weight(respondent.weight),
                *("" if answers.get(i) is None else str(answers[i]) for i in indicators),
            ]
        )
    return (BOM if bom else "") + out.getvalue()
