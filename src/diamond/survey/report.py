"""Describe an import in plain text: what was (or would be) added, matched and left out."""

from __future__ import annotations

from diamond.i18n import N_, _
from diamond.loader import LoadOptions, load_questionnaire
from diamond.reporters.text import printable
from diamond.survey.importer import ImportReport
from diamond.survey.matching import describe_how
from diamond.survey.quality import Quality, questionnaire_quality

_DELIMITERS = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab"), "|": N_("pipe")}


def _names(items: list[str], limit: int = 8) -> str:
    shown = ", ".join(items[:limit])
    more = _(", … ({count} more)").format(count=len(items) - limit)
    return shown + (more if len(items) > limit else "")


def describe(report: ImportReport, *, verbose: bool = False) -> str:
    """A summary; ``verbose`` (dry runs) lists every column and how it was matched."""
    if report.dry_run:
        head = (_("dry run: nothing written; would create {target}") if report.created
                else _("dry run: nothing written; would update {target}"))
    else:
        head = _("created {target}") if report.created else _("updated {target}")
    groups = ", ".join(f"{g} {n}" for g, n in report.groups().items()) or _("none")
    added = (_("would add {added} respondent(s), would replace {replaced} (by group: {groups})")
             if report.dry_run else
             _("add {added} respondent(s), replace {replaced} (by group: {groups})"))
    lines = [
        head.format(target=report.target),
        "  " + added.format(added=len(report.added), replaced=len(report.replaced),
                            groups=groups),
    ]
    if report.replaced:
        lines.append("  " + _("replaced: {ids}").format(
            ids=_names([r.id for r in report.replaced])))
    if report.table is not None:
        kept = (_("respondents would be kept in the table {table}") if report.dry_run
                else _("respondents are kept in the table {table}"))
        lines.append("  " + kept.format(table=printable(report.table)))
    roles = []
    for role, index in report.roles.items():
        header = report.columns[index].header if index is not None else None
        roles.append(f"{role} {header!r}" if header is not None else f"{role} " + _("(none)"))
    lines.append("  " + _("columns used: {roles}").format(roles=", ".join(roles)))
    indicators = [c for c in report.columns if c.kind == "indicator"]
    lines.append("  " + _(
        "indicator columns: {columns}; indicators without a column: {missing}").format(
        columns=len(indicators), missing=len(report.missing)))
    if verbose:
        for c in indicators:
            lines.append(f"    {c.number}: {c.header!r} -> {c.indicator} ({describe_how(c.how)})")
    ignored = [c.header for c in report.columns if c.kind in ("metadata", "ignored")]
    if ignored:
        lines.append("  " + _("ignored columns ({count}): {names}").format(
            count=len(ignored), names=_names(ignored)))
    unmapped = [c.header or _("(column {number})").format(number=c.number)
                for c in report.columns if c.kind == "unmapped"]
    if unmapped:
        lines.append("  " + _("unmapped columns ({count}): {names}").format(
            count=len(unmapped), names=_names(unmapped)))
    if verbose and report.missing:
        lines.append("  " + _("indicators without a column: {names}").format(
            names=_names(report.missing)))
    known = _DELIMITERS.get(report.delimiter)
    delimiter = _(known) if known is not None else repr(report.delimiter)
    if report.sheet is not None:
        lines.append("  " + _("read as an .xlsx workbook, sheet {sheet}").format(
            sheet=repr(report.sheet)))
    else:
        lines.append("  " + _("read as {encoding}, {delimiter}-delimited").format(
            encoding=report.encoding, delimiter=delimiter))
    if report.quality is not None:
        lines += _quality(report, verbose)
    if report.result_warnings:
        lines.append("  " + _(
            "the questionnaire has {count} warning(s) (such as indicators nobody answered); "
            "'diamond validate' lists them").format(count=report.result_warnings))
    return "\n".join(lines) + "\n"


def _quality(report: ImportReport, verbose: bool) -> list[str]:
    """Response quality flags and coverage; in full on dry runs, else a count."""
    quality = report.quality
    assert quality is not None
    if not verbose:
        if not quality.flags:
            return []
        return ["  " + _(
            "response quality: {count} respondent(s) flagged (straight-lining, "
            "speed, unlike their group); --dry-run lists them").format(count=len(quality.flags))]
    return quality_lines(quality)


def quality_lines(quality: Quality) -> list[str]:
    """The response-quality and coverage section, indented by two spaces."""
    flagged = quality.flags
    head = (_("response quality: {count} respondent(s) flagged") if quality.timed
            else _("response quality: {count} respondent(s) flagged (no start/end times)"))
    lines = ["  " + head.format(count=len(flagged))]
    for respondent, reasons in list(flagged.items())[:50]:
        lines.append(f"    {printable(respondent)}: {'; '.join(reasons)}")
    if len(flagged) > 50:
        lines.append("    " + _("… ({count} more)").format(count=len(flagged) - 50))
    counts = ", ".join(f"{g} {n}" for g, n in quality.respondents.items()) or _("none")
    lines.append("  " + _("coverage: respondents by group: {counts}").format(counts=counts))
    thin = quality.thin()
    if thin:
        lines.append("    " + _("indicators with fewer than 3 answers: {names}").format(
            names=_names(thin)))
    for group, gaps in quality.missing_groups().items():
        lines.append(f"    {group}: " + _("no answer to {count} indicator(s): {names}").format(
            count=len(gaps), names=_names(gaps)))
    absent = [g for g in ("firm", "university", "public", "ngo") if g not in quality.respondents]
    if absent:
        lines.append("    " + _("groups with no respondent: {groups}").format(
            groups=", ".join(absent)))
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
