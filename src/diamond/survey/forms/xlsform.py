"""XLSForm (``.xlsx``): the form definition KoboToolbox and ODK build their forms from.

One ``select_one`` per indicator, named by the indicator id, inside a group per Diamond
dimension (named by the dimension id); a required stakeholder-group question named
``group``; an optional required ``respondent_id``; an optional SWOT group of four
free-text questions (``swot_strengths`` …). KoboToolbox and ODK Central export the
answers under these names (``factor/factor.land``, ``factor-factor.land``), which
``diamond import`` maps back without a map file.
"""

from __future__ import annotations

from diamond.survey.forms.spec import FormSpec
from diamond.survey.forms.texts import text
from diamond.survey.xlsx import Cell, workbook_bytes

SCALE_LIST = "scale"
GROUP_LIST = "stakeholder_group"


def survey_rows(spec: FormSpec) -> list[list[Cell]]:
    """The ``survey`` sheet: type, name, label, hint, required, appearance."""
    lang = spec.lang
    rows: list[list[Cell]] = [["type", "name", "label", "hint", "required", "appearance"]]
    rows.append(["note", "intro", spec.intro, "", "", ""])
    rows.append([f"select_one {GROUP_LIST}", "group", text("group", lang), "", "yes", ""])
    if spec.respondent_id:
        rows.append(["text", "respondent_id", text("id", lang), text("id_hint", lang), "yes", ""])
    for section in spec.sections:
        rows.append(["begin_group", section.id, section.title, "", "", "field-list"])
        for q in section.questions:
            rows.append([f"select_one {SCALE_LIST}", q.id, q.prompt, q.hint, "", ""])
        rows.append(["end_group", "", "", "", "", ""])
    if spec.swot:
        rows.append(["begin_group", "swot", text("swot", lang), "", "", ""])
        for name, label in spec.swot_prompts:
            rows.append(["text", name, label, text("swot_hint", lang), "", "multiline"])
        rows.append(["end_group", "", "", "", "", ""])
    return rows


def choices_rows(spec: FormSpec) -> list[list[Cell]]:
    """The ``choices`` sheet: the scale's points and the stakeholder groups."""
    rows: list[list[Cell]] = [["list_name", "name", "label"]]
    rows += [[SCALE_LIST, str(value), label] for value, label in spec.points]
    rows += [[GROUP_LIST, group, label] for group, label in spec.groups]
    return rows


def write(spec: FormSpec) -> bytes:
    """The XLSForm workbook; the same spec gives the same bytes."""
    settings: list[list[Cell]] = [
        ["form_title", "form_id", "version", "default_language"],
        [spec.title, spec.form_id, "1", spec.lang],
    ]
    return workbook_bytes(
        [("survey", survey_rows(spec)), ("choices", choices_rows(spec)), ("settings", settings)]
    )
