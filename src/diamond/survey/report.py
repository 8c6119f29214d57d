"""Describe an import in plain text: what was (or would be) added, matched and left out."""

from __future__ import annotations

from diamond.loader import LoadOptions, load_questionnaire
from diamond.reporters.text import printable
from diamond.survey.importer import ImportReport
from diamond.survey.quality import Quality, questionnaire_quality

_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def _names(items: list[str], limit: int = 8) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f", … ({len(items) - limit} more)" if len(items) > limit else "")


def describe(report: ImportReport, *, verbose: bool = False) -> str:
    """A summary; ``verbose`` (dry runs) lists every column and how it was matched."""
    verb = "would " if report.dry_run else ""
    action = "create" if report.created else "update"
    if report.dry_run:
        head = f"dry run: nothing written; would {action} {report.target}"
    else:
        head = f"{'created' if report.created else 'updated'} {report.target}"
    groups = ", ".join(f"{g} {n}" for g, n in report.groups().items()) or "none"
    lines = [
        head,
        f"  {verb}add {len(report.added)} respondent(s), {verb}replace {len(report.replaced)}"
        f" (by group: {groups})",
    ]
    if report.replaced:
        lines.append(f"  replaced: {_names([r.id for r in report.replaced])}")
    if report.table is not None:
        lines.append(f"  respondents {verb or 'are '}kept in the table {printable(report.table)}")
    roles = []
    for role, index in report.roles.items():
        header = report.columns[index].header if index is not None else None
        roles.append(f"{role} {header!r}" if header is not None else f"{role} (none)")
    lines.append(f"  columns used: {', '.join(roles)}")
    indicators = [c for c in report.columns if c.kind == "indicator"]
    lines.append(
        f"  indicator columns: {len(indicators)}; indicators without a column: "
        f"{len(report.missing)}"
    )
    if verbose:
        for c in indicators:
            lines.append(f"    {c.number}: {c.header!r} -> {c.indicator} ({c.how})")
    ignored = [c.header for c in report.columns if c.kind in ("metadata", "ignored")]
    if ignored:
        lines.append(f"  ignored columns ({len(ignored)}): {_names(ignored)}")
    unmapped = [c.header or f"(column {c.number})" for c in report.columns if c.kind == "unmapped"]
    if unmapped:
        lines.append(f"  unmapped columns ({len(unmapped)}): {_names(unmapped)}")
    if verbose and report.missing:
        lines.append(f"  indicators without a column: {_names(report.missing)}")
    delimiter = _DELIMITERS.get(report.delimiter, repr(report.delimiter))
    if report.sheet is not None:
        lines.append(f"  read as an .xlsx workbook, sheet {report.sheet!r}")
    else:
        lines.append(f"  read as {report.encoding}, {delimiter}-delimited")
    if report.quality is not None:
        lines += _quality(report, verbose)
    if report.result_warnings:
        lines.append(
            f"  the questionnaire has {report.result_warnings} warning(s) "
            f"(such as indicators nobody answered); 'diamond validate' lists them"
        )
    return "\n".join(lines) + "\n"


def _quality(report: ImportReport, verbose: bool) -> list[str]:
    """Response quality flags and coverage; in full on dry runs, else a count."""
    quality = report.quality
    assert quality is not None
    if not verbose:
        if not quality.flags:
            return []
        return [
            f"  response quality: {len(quality.flags)} respondent(s) flagged (straight-lining, "
            "speed, unlike their group); --dry-run lists them"
        ]
    return quality_lines(quality)


def quality_lines(quality: Quality) -> list[str]:
    """The response-quality and coverage section, indented by two spaces."""
    flagged = quality.flags
    lines = [f"  response quality: {len(flagged)} respondent(s) flagged"
             + ("" if quality.timed else " (no start/end times)")]
    for respondent, reasons in list(flagged.items())[:50]:
        lines.append(f"    {printable(respondent)}: {'; '.join(reasons)}")
    if len(flagged) > 50:
        lines.append(f"    … ({len(flagged) - 50} more)")
    counts = ", ".join(f"{g} {n}" for g, n in quality.respondents.items()) or "none"
    lines.append(f"  coverage: respondents by group: {counts}")
    thin = quality.thin()
    if thin:
        lines.append(f"    indicators with fewer than 3 answers: {_names(thin)}")
    for group, gaps in quality.missing_groups().items():
        lines.append(f"    {group}: no answer to {len(gaps)} indicator(s): {_names(gaps)}")
    absent = [g for g in ("firm", "university", "public", "ngo") if g not in quality.respondents]
    if absent:
        lines.append(f"    groups with no respondent: {', '.join(absent)}")
    return lines


def questionnaires_quality(paths: list[str], load: LoadOptions) -> str:
    """``validate --quality``: the section for each valid questionnaire among ``paths``."""
    out = []
    for path in paths:
        loaded = load_questionnaire(path, load)
        if loaded.questionnaire is None or loaded.catalogue is None or loaded.errors:
            continue
        quality = questionnaire_quality(loaded.questionnaire, list(loaded.catalogue.indicators))
        out.append(f"{printable(loaded.path)}:\n" + "\n".join(quality_lines(quality)) + "\n")
    return "".join(out)
