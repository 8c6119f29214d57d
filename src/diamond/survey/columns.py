"""Decide what each CSV column holds: the respondent id, group or weight, an indicator's
answers, survey-tool metadata, or something not understood."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from diamond.errors import Diagnostic, UsageError
from diamond.findings import suggest
from diamond.i18n import _
from diamond.survey.forms.spec import SWOT
from diamond.survey.forms.texts import TEXTS
from diamond.survey.mapfile import SurveyMap
from diamond.survey.matching import Matcher, describe_how
from diamond.survey.text import normalise

Kind = Literal["id", "group", "weight", "indicator", "metadata", "ignored", "unmapped"]
Role = Literal["id", "group", "weight"]

# Candidate names, most specific first; compared after ``normalise``.
ROLE_NAMES: dict[Role, tuple[str, ...]] = {
    "id": (
        "id",
        "respondent_id",
        "respondent id",
        "respondentid",
        "respondent",
        "response_id",
        "response id",
        "responseid",
        "yanıtlayan",
        "katılımcı",
        "kimlik",
        "_id",
        "_uuid",
        "meta-instanceID",
        "meta/instanceID",
        "instanceID",
        "KEY",
    ),
    "group": (
        "group",
        "stakeholder",
        "stakeholder group",
        "stakeholder_group",
        "paydaş",
        "paydaş grubu",
        "grup",
        "respondent group",
        "kurum türü",
        "kurumunuzun türü",
        "kurum tipi",
        "kurumunuzun tipi",
        "kuruluş türü",
        "kuruluşunuzun türü",
        "temsil ettiğiniz paydaş grubu",
        "hangi paydaş grubunu temsil ediyorsunuz",
        "organisation type",
        "organization type",
        "type of organisation",
        "type of organization",
        "type of your organisation",
        "type of your organization",
        "which stakeholder group do you represent",
        "temsil ettiğiniz kurumun türü",
        "type of organisation you represent",
    ),
    "weight": ("weight", "ağırlık", "respondent weight"),
}
# Columns that survey tools add; reported as ignored, never as problems.
METADATA = frozenset(
    normalise(name)
    for name in (
        # Google Forms
        "Timestamp",
        "Zaman damgası",
        "Email Address",
        "E-posta Adresi",
        "Score",
        "Puan",
        # Microsoft Forms
        "Start time",
        "Completion time",
        "Last modified time",
        "Email",
        "Name",
        "Başlangıç saati",
        "Tamamlanma saati",
        "Son değiştirilme saati",
        "E-posta",
        "Ad",
        # KoboToolbox / ODK (also: every column starting with '_', 'meta' or 'formhub')
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "phonenumber",
        "simserial",
        "subscriberid",
        "audit",
        "__version__",
        # ODK Central
        "SubmissionDate",
        "KEY",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
        "PARENT_KEY",
        # diamond form's own free-text questions (SWOT), kept in the tool, not imported
        "swot_strengths",
        "swot_weaknesses",
        "swot_opportunities",
        "swot_threats",
        "swotstrengths",
        "swotweaknesses",
        "swotopportunities",
        "swotthreats",
        *(TEXTS[q][lang] for q in SWOT for lang in ("tr", "en")),
        # LimeSurvey
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "token",
        "Date submitted",
        "Last page",
        "Start language",
        "Date started",
        "Date last action",
        "IP address",
        "Referrer URL",
        "Response ID",
    )
)
_METADATA_PREFIXES = ("_", "meta/", "meta-", "formhub/", "formhub-", "set-of-")
_CHOICE_SEPARATORS = "/.:"


@dataclass(frozen=True)
class Column:
    """One CSV column and what it was taken to be."""

    index: int  # 0-based
    header: str
    kind: Kind
    indicator: str | None = None
    how: str = ""

    @property
    def number(self) -> int:
        """The 1-based column number used in diagnostics."""
        return self.index + 1


def is_metadata(header: str) -> bool:
    """Whether a column is one a survey tool adds (times, e-mail, system fields)."""
    last = header.replace("-", "/").rsplit("/", 1)[-1]
    return header.strip().casefold().startswith(_METADATA_PREFIXES) or (
        normalise(header) in METADATA
        or last.strip().casefold() in {"swot_strengths", "swot_weaknesses", "swot_opportunities",
                                        "swot_threats"}
    )


def choice_of(header: str, headers: set[str]) -> str | None:
    """The multiple-choice question a column is one choice of (KoboToolbox's 0/1 columns).

    KoboToolbox writes a ``select_multiple`` question as a summary column (``q``) and one
    column per choice (``q/choice``, or ``q.choice``, ``q:choice`` with other group
    separators); the choice columns are left out, the summary is matched like any column.
    """
    text = header.strip()
    for n in range(len(text) - 1, 0, -1):
        if text[n] in _CHOICE_SEPARATORS and text[:n] in headers:
            return text[:n]
    return None


def _find(header: Sequence[str], name: str) -> int | None:
    for key in (name, name.strip()):
        if key in header:
            return header.index(key)
    wanted = normalise(name)
    found = [n for n, h in enumerate(header) if normalise(h) == wanted]
    return found[0] if found else None


def _auto(header: Sequence[str], role: Role, taken: set[int]) -> int | None:
    for name in ROLE_NAMES[role]:
        wanted = normalise(name)
        for n, h in enumerate(header):
            last = h.replace("-", "/").rsplit("/", 1)[-1] if role != "id" else h
            code = h.split(". ", 1)[0]  # LimeSurvey's "code. question text" headings
            if n not in taken and wanted and wanted in (
                normalise(h),
                normalise(last),
                normalise(code),
            ):
                return n
    return None


def find_roles(
    header: Sequence[str], chosen: dict[Role, str | None], survey_map: SurveyMap, csv_path: str
) -> dict[Role, int | None]:
    """Column numbers of the id, group and weight: the option, the map file, or by name."""
    roles: dict[Role, int | None] = {}
    taken: set[int] = set()
    for role in ("id", "group", "weight"):
        option = chosen.get(role)
        mapped: str | None = getattr(survey_map, role)
        name = option or mapped
        if name:
            found = _find(header, name)
            if found is None:
                hint = suggest(name, header) or _("its columns: {columns}").format(
                    columns=", ".join(header[:12]))
                source = (f"--{role}-column" if option
                          else _("the map file's '{role}:'").format(role=role))
                raise UsageError(_("{source} names no column of {path}: {name}; {hint}").format(
                    source=source, path=csv_path, name=repr(name), hint=hint))
        else:
            found = _auto(header, role, taken)
        if found is not None:
            taken.add(found)
        roles[role] = found
    return roles


def classify(
    header: Sequence[str],
    roles: dict[Role, int | None],
    survey_map: SurveyMap,
    matcher: Matcher,
    csv_path: str,
    row: int,
) -> tuple[list[Column], list[Diagnostic]]:
    """Every column's kind; diagnostics for ambiguous, duplicate and unmapped columns."""
    columns: list[Column] = []
    diagnostics: list[Diagnostic] = []
    role_of = {n: r for r, n in roles.items() if n is not None}
    headers = {h.strip() for h in header if h.strip()}
    for n, text in enumerate(header):
        listed, target = survey_map.column(text)
        if n in role_of:
            columns.append(Column(n, text, role_of[n], how="column name"))
        elif listed:
            kind: Kind = "indicator" if target else "ignored"
            columns.append(Column(n, text, kind, target, "map file"))
        elif survey_map.ignores(text):
            columns.append(Column(n, text, "ignored", how="map file"))
        elif not text:
            columns.append(Column(n, text, "unmapped"))
            diagnostics.append(
                Diagnostic(
                    csv_path,
                    row,
                    n + 1,
                    "warning",
                    "unmapped-column",
                    _("column {number} has no header; its cells are not imported").format(
                        number=n + 1),
                    _("give it a header, or leave it out of the export"),
                )
            )
        elif is_metadata(text):
            columns.append(Column(n, text, "metadata", how="survey tool"))
        else:
            match = matcher.match(text)
            if match is not None and match.unique:
                columns.append(Column(n, text, "indicator", match.unique, match.how))
                continue
            question = choice_of(text, headers) if match is None else None
            if question is not None:  # never hides a column that could be an indicator
                columns.append(Column(n, text, "metadata", how=f"a choice of {question!r}"))
                continue
            columns.append(Column(n, text, "unmapped"))
            if match is not None:
                diagnostics.append(
                    Diagnostic(
                        csv_path,
                        row,
                        n + 1,
                        "error",
                        "ambiguous-column",
                        _("column {column} could mean any of {ids} ({how})").format(
                            column=repr(text), ids=", ".join(match.indicators),
                            how=describe_how(match.how)),
                        _("name its indicator in the map file's 'columns:'"),
                    )
                )
            else:
                diagnostics.append(
                    Diagnostic(
                        csv_path,
                        row,
                        n + 1,
                        "warning",
                        "unmapped-column",
                        _("column {column} matches no indicator; its cells are not imported")
                        .format(column=repr(text)),
                        _("map it in the map file's 'columns:', or list it under 'ignore:'"),
                    )
                )
    seen: dict[str, Column] = {}
    for column in columns:
        if column.kind != "indicator" or column.indicator is None:
            continue
        first = seen.setdefault(column.indicator, column)
        if first is not column:
            diagnostics.append(
                Diagnostic(
                    csv_path,
                    row,
                    column.number,
                    "error",
                    "duplicate-column",
                    _("columns {first} ({first_header}) and {number} ({header}) both hold "
                      "answers to '{id}'").format(
                        first=first.number, first_header=repr(first.header),
                        number=column.number, header=repr(column.header),
                        id=column.indicator),
                    _("map one of them to another indicator, or ignore it, in the map file"),
                )
            )
    return columns, diagnostics
