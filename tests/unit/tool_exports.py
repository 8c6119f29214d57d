"""Simulated survey-tool exports of a ``diamond form``, in each tool's real layout.

Each builder takes the planted respondents and writes the file the tool would give,
with its quirks: KoboToolbox's ``;`` CSV with an HXL row, group paths and a
``select_multiple`` question; ODK Central's ``-`` paths, and a repeat table keyed
by ``PARENT_KEY``; Google Forms' question-text headers and Turkish-locale
timestamps; LimeSurvey's question and answer codes; Microsoft Forms' .xlsx.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from diamond.survey.codes import limesurvey_code
from diamond.survey.forms.limesurvey import GROUP_CODES
from diamond.survey.forms.spec import FormSpec
from diamond.survey.xlsx import Cell, workbook_bytes

GROUPS = ("firm", "university", "public", "ngo", "other", "firm", "university")


@dataclass(frozen=True)
class Planted:
    """One respondent as put into the survey tool."""

    group: str
    answers: dict[str, int | None]


def plant(spec: FormSpec, count: int = 7) -> list[Planted]:
    """Deterministic answers, some left blank."""
    ids = [q.id for s in spec.sections for q in s.questions]
    people = []
    for r in range(count):
        answers: dict[str, int | None] = {}
        for n, indicator in enumerate(ids):
            v = (r * 7 + n * 3) % 6
            answers[indicator] = None if v == 0 else v
        people.append(Planted(GROUPS[r % len(GROUPS)], answers))
    return people


def _questions(spec: FormSpec) -> list[tuple[str, str, str]]:
    return [(s.id, q.id, q.prompt) for s in spec.sections for q in s.questions]


def _label(spec: FormSpec, value: int | None) -> str:
    return "" if value is None else dict(spec.points)[value]


def _csv(rows: list[list[str]], delimiter: str = ",", quote_all: bool = False) -> bytes:
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=quoting).writerows(rows)
    return out.getvalue().encode("utf-8")


def kobo_csv(spec: FormSpec, people: list[Planted]) -> bytes:
    """KoboToolbox's default CSV: ``;``, XML values, ``/`` group paths, an HXL row."""
    qs = _questions(spec)
    header = ["start", "end", "today", "group", "intro/sectors", "intro/sectors/defence",
              "intro/sectors/aviation"]
    header += [f"{dim}/{qid}" for dim, qid, _ in qs]
    header += [f"swot/swot_{q}" for q in ("strengths", "weaknesses", "opportunities", "threats")]
    header += ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
               "_submitted_by", "__version__", "_tags", "_index"]
    hxl = ["", "", "", "#org+type", "#sector", "", ""] + [""] * len(qs) + [
        "#description", "", "", ""] + [""] * 10
    rows = [header, hxl]
    for n, p in enumerate(people, start=1):
        start = dt.datetime(2025, 5, 12, 10, n, 2)
        row = [start.isoformat() + ".000+03:00",
               (start + dt.timedelta(minutes=6)).isoformat() + ".000+03:00",
               "2025-05-12", p.group, "defence aviation" if n % 2 else "defence", "1",
               "1" if n % 2 else "0"]
        row += ["" if p.answers[qid] is None else str(p.answers[qid]) for _, qid, _ in qs]
        row += ["Nitelikli mühendis; güçlü OSB", "", "", ""]
        row += [str(412730 + n), f"0b1c3f6e-0000-4000-8000-{n:012d}", "2025-05-12T07:15:40", "",
                "", "submitted_via_web", "", "vH2tW7xkJqM8", "", str(n)]
        rows.append(row)
    return _csv(rows, ";", quote_all=True)


def odk_csv(spec: FormSpec, people: list[Planted]) -> bytes:
    """ODK Central's CSV: ``-`` group paths, ``meta-instanceID`` and ``KEY``."""
    qs = _questions(spec)
    header = ["SubmissionDate", "group", *(f"{d}-{q}" for d, q, _ in qs), "meta-instanceID",
              "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
              "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
    rows = [header]
    for n, p in enumerate(people, start=1):
        uuid = f"uuid:6a2e9b7c-1d4f-4a5b-8c2e-{n:012d}"
        rows.append(["2025-05-12T07:15:40.123Z", p.group,
                     *("" if p.answers[q] is None else str(p.answers[q]) for _, q, _ in qs),
                     uuid, uuid, "12", "enumerator1", "0", "0", "", "", "collect:Xy12", "0", "1"])
    return _csv(rows)


def odk_repeat(spec: FormSpec, people: list[Planted]) -> tuple[bytes, bytes]:
    """A workshop form with the ratings in a repeat: the main table and the repeat table."""
    qs = _questions(spec)
    parent = "uuid:0b1c3f6e-6f1a-4c1e-9d43-0a3d6f1b2c11"
    main = _csv([["SubmissionDate", "workshop-place", "SET-OF-respondents", "meta-instanceID",
                  "KEY"],
                 ["2025-05-12T07:15:40.123Z", "Ankara", f"{parent}/respondents", parent,
                  parent]])
    rows = [["group", *(f"{d}-{q}" for d, q, _ in qs), "PARENT_KEY", "KEY"]]
    for n, p in enumerate(people, start=1):
        rows.append([p.group, *("" if p.answers[q] is None else str(p.answers[q])
                                for _, q, _ in qs), parent, f"{parent}/respondents[{n}]"])
    return main, _csv(rows)


def google_forms_csv(spec: FormSpec, people: list[Planted]) -> bytes:
    """Google Forms' CSV (Turkish account): question titles, choice labels, local times."""
    qs = _questions(spec)
    from diamond.survey.forms.texts import text

    group_title = text("group", spec.lang)
    labels = dict(spec.groups)
    swot = [label for _, label in spec.swot_prompts]
    rows = [["Zaman damgası", group_title, *(prompt for _, _, prompt in qs), *swot]]
    for n, p in enumerate(people, start=1):
        when = dt.datetime(2025, 5, 12, 9, 5 * n, 7)
        rows.append([when.strftime("%d.%m.%Y %H:%M:%S"), labels[p.group],  # type: ignore[index]
                     *(_label(spec, p.answers[q]) for _, q, _ in qs), "Güçlü tedarik zinciri",
                     "", "", ""])
    return _csv(rows, quote_all=True)


def limesurvey_csv(spec: FormSpec, people: list[Planted], *, texts: bool = False) -> bytes:
    """LimeSurvey's response export: answer codes and question codes (or full texts)."""
    qs = _questions(spec)
    if texts:
        heads = [f"{limesurvey_code(q)}. {prompt}" for _, q, prompt in qs]
        meta = ["Response ID", "Date submitted", "Last page", "Start language", "Seed"]
        group_head = "stakeholder. Temsil ettiğiniz kurumun türü"
    else:
        heads = [limesurvey_code(q) for _, q, _ in qs]
        meta = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
        group_head = "stakeholder"
    rows = [[*meta, group_head, *heads, "swotstrengths"]]
    labels = dict(spec.groups)
    for n, p in enumerate(people, start=1):
        group = labels[p.group] if texts else GROUP_CODES[p.group]  # type: ignore[index]
        cells = [(_label(spec, p.answers[q]) if texts else
                  ("" if p.answers[q] is None else str(p.answers[q]))) for _, q, _ in qs]
        rows.append([str(n), "2025-05-12 10:15:32", "6", spec.lang, str(1836471 + n), group,
                     *cells, ""])
    return _csv(rows, quote_all=True)


def microsoft_forms_xlsx(spec: FormSpec, people: list[Planted]) -> bytes:
    """Microsoft Forms' .xlsx download: ID, times as dates, question titles, choice texts."""
    from diamond.survey.forms.texts import text

    qs = _questions(spec)
    labels = dict(spec.groups)
    header: list[Cell] = ["ID", "Start time", "Completion time", "Email", "Name",
                          "Last modified time", text("group", spec.lang),
                          *(prompt for _, _, prompt in qs)]
    rows: list[list[Cell]] = [header]
    for n, p in enumerate(people, start=1):
        rows.append([n, "5/12/25 10:11:02", "5/12/25 10:15:32", "anonymous", "", "",
                     labels[p.group],  # type: ignore[index]
                     *(_label(spec, p.answers[q]) or None for _, q, _ in qs)])
    return workbook_bytes([("Sheet1", rows)])


def paper_transcript(spec: FormSpec, people: list[Planted]) -> bytes:
    """Paper forms typed into Excel (Turkish): ``;``, a BOM, ids as on the forms."""
    qs = _questions(spec)
    rows = [["id", "group", *(q for _, q, _ in qs)]]
    for n, p in enumerate(people, start=1):
        rows.append([f"kagit-{n:02d}", p.group,
                     *("" if p.answers[q] is None else str(p.answers[q]) for _, q, _ in qs)])
    return b"\xef\xbb\xbf" + _csv(rows, ";")
