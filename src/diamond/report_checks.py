"""Checks of the optional ``report:`` block that need the framework or the file system.

Like ``diamond.checks`` they run on the raw data, so every finding of a file
comes out in one pass, each at its position in the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diamond.findings import Finding, suggest
from diamond.frameworks import Catalogue, within
from diamond.i18n import _

#: Logo files the report formats can all embed (Word and PowerPoint need a raster image).
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def check_report(
    data: dict[str, Any], catalogue: Catalogue, base_dir: Path, allow_outside: bool
) -> list[Finding]:
    """Findings about ``report:``: unknown ids in actions and interpretations, the logo."""
    block = data.get("report")
    if not isinstance(block, dict):
        return []
    findings: list[Finding] = []
    actions = block.get("actions")
    for n, action in enumerate(actions if isinstance(actions, list) else []):
        ids = action.get("indicators") if isinstance(action, dict) else None
        for m, key in enumerate(ids if isinstance(ids, list) else []):
            if isinstance(key, str) and key not in catalogue.indicators:
                findings.append(Finding(
                    ("report", "actions", n, "indicators", m), "error", "unknown-indicator",
                    _("action {number} names unknown indicator '{indicator}' in framework "
                      "'{framework}'").format(
                        number=n + 1, indicator=key, framework=catalogue.framework.id
                    ),
                    suggest(key, catalogue.indicators)
                    or _("list the ids with 'diamond indicators'"),
                ))
    interpretation = block.get("interpretation")
    for key in interpretation if isinstance(interpretation, dict) else {}:
        if isinstance(key, str) and key not in catalogue.dimensions:
            findings.append(Finding(
                ("report", "interpretation", key), "error", "unknown-dimension",
                _("unknown dimension '{dimension}' in report.interpretation").format(
                    dimension=key
                ),
                suggest(key, catalogue.dimensions)
                or _("dimensions: {ids}").format(ids=", ".join(catalogue.dimensions)),
                at="key",
            ))
    cover = block.get("cover")
    logo = cover.get("logo") if isinstance(cover, dict) else None
    if isinstance(logo, str):
        problem = logo_problem(logo, base_dir, allow_outside)
        if problem is not None:
            findings.append(Finding(("report", "cover", "logo"), "error", "logo-path", *problem))
    return findings


def resolve_logo(reference: str, base_dir: Path) -> Path:
    """The logo file ``reference`` names, relative to ``base_dir``."""
    return (base_dir / reference).resolve()


def logo_problem(reference: str, base_dir: Path, allow_outside: bool) -> tuple[str, str] | None:
    """Why the logo path cannot be used (message, hint), or None when it can."""
    if "\0" in reference:
        return _("the logo path contains a NUL character"), _("write a plain path")
    if not reference.lower().endswith(LOGO_SUFFIXES):
        return (_("the logo '{path}' is not a PNG or JPEG file").format(path=reference),
                _("Word and PowerPoint embed PNG or JPEG logos; convert it"))
    resolved = resolve_logo(reference, base_dir)
    if not allow_outside and not within(resolved, {base_dir.resolve(), Path.cwd().resolve()}):
        return (_("the logo path '{path}' leads outside the questionnaire's folder and the "
                  "current folder ({resolved})").format(path=reference, resolved=resolved),
                _("move the logo next to the questionnaire, or pass --allow-outside-paths "
                  "if you trust this questionnaire"))
    if not resolved.is_file():
        return (_("logo file '{path}' not found (looked for {resolved})").format(
                    path=reference, resolved=resolved),
                _("the path is relative to the questionnaire's folder"))
    return None
