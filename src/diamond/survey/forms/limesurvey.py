"""LimeSurvey: the tab-separated survey structure (``.txt``) that LimeSurvey imports.

Rows by class: ``S`` survey settings, ``SL`` language settings, ``G`` a question group
per Diamond dimension, ``Q`` a list (radio) question per indicator, ``A`` its answer
options. Question codes are the indicator ids made LimeSurvey-safe
(``diamond.survey.codes``); answer codes are the scale points (``1`` … ``5``), and
the stakeholder-group codes are ``firm``, ``univ``, ``publ``, ``ngo``, ``other``.
LimeSurvey's response export (answer codes or full answers, question codes or texts)
is read back by ``diamond import`` without a map file.
"""

from __future__ import annotations

import csv
import io

from diamond.survey.codes import limesurvey_code
from diamond.survey.forms.spec import FormSpec
from diamond.survey.forms.texts import text

COLUMNS = (
    "id", "related_id", "class", "type/scale", "name", "relevance", "text", "help",
    "language", "validation", "mandatory", "other", "default", "same_default",
)
GROUP_CODES = {"firm": "firm", "university": "univ", "public": "publ", "ngo": "ngo",
               "other": "other"}


def _row(**cells: str) -> list[str]:
    return [cells.get(c.replace("/", "_"), "") for c in COLUMNS]


def rows(spec: FormSpec) -> list[list[str]]:
    """Every row of the structure file, header first."""
    lang = spec.lang
    out = [list(COLUMNS)]
    out.append(_row(**{"class": "S", "name": "language", "text": lang}))
    out.append(_row(**{"class": "S", "name": "format", "text": "G"}))
    out.append(_row(**{"class": "S", "name": "datestamp", "text": "Y"}))
    out.append(_row(**{"class": "SL", "name": "surveyls_title", "text": spec.title,
                       "language": lang}))
    out.append(_row(**{"class": "SL", "name": "surveyls_description", "text": spec.intro,
                       "language": lang}))
    out.append(_row(**{"class": "SL", "name": "surveyls_endtext",
                       "text": text("thanks", lang), "language": lang}))
    gid = 1
    qid = 1

    def group(title: str, description: str = "") -> None:
        nonlocal gid
        out.append(_row(id=str(gid), **{"class": "G", "type_scale": "0", "name": title,
                                        "relevance": "1", "text": description,
                                        "language": lang}))
        gid += 1

    def question(kind: str, code: str, label: str, hint: str, mandatory: str) -> None:
        nonlocal qid
        out.append(_row(id=str(qid), **{"class": "Q", "type_scale": kind, "name": code,
                                        "relevance": "1", "text": label, "help": hint,
                                        "language": lang, "mandatory": mandatory,
                                        "other": "N"}))
        qid += 1

    def answer(code: str, label: str) -> None:
        out.append(_row(id=str(qid - 1), **{"class": "A", "type_scale": "0", "name": code,
                                            "text": label, "language": lang}))

    group(text("respondent", lang))
    question("L", "stakeholder", text("group", lang), "", "Y")
    for g, label in spec.groups:
        answer(GROUP_CODES[g], label)
    if spec.respondent_id:
        question("S", "respondentid", text("id", lang), text("id_hint", lang), "Y")
    for section in spec.sections:
        group(section.title)
        for q in section.questions:
            question("L", limesurvey_code(q.id), q.prompt, q.hint, "N")
            for value, label in spec.points:
                answer(str(value), label)
    if spec.swot:
        group(text("swot", lang))
        for name, label in spec.swot_prompts:
            question("T", name.replace("_", ""), label, text("swot_hint", lang), "N")
    return out


def write(spec: FormSpec) -> bytes:
    """The structure file as UTF-8 tab-separated text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows(spec))
    return buffer.getvalue().encode("utf-8")
