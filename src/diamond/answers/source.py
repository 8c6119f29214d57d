"""Find and read the table a questionnaire's ``respondents_file`` names.

The path is relative to the questionnaire and, as a framework path, must stay inside
the questionnaire's folder or the current folder unless the caller allows other
places (``--allow-outside-paths``). The table is read under the same size bound as
the questionnaire, and its findings are positioned in the table (row and column).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from diamond.answers.table import TableRead, read_respondents
from diamond.checks import scale_bounds
from diamond.errors import Diagnostic, InputError
from diamond.findings import Finding
from diamond.frameworks import Catalogue, within
from diamond.i18n import _
from diamond.io.read import read_regular
from diamond.limits import Limits

KEY = "respondents_file"


def table_label(reference: str, base_dir: Path) -> str:
    """How the table is named in messages: the questionnaire's folder joined with it."""
    return os.path.normpath(base_dir / reference)


def resolve_table(reference: str, base_dir: Path, allow_outside: bool) -> Path | Finding:
    """The table's resolved path, or the finding that refuses it."""
    if "\0" in reference or not reference.strip():
        return Finding((KEY,), "error", "table-path", _("the table path is empty or holds a NUL"),
                       _("write a file name such as answers.csv"))
    resolved = (base_dir / reference).resolve()
    roots = {base_dir.resolve(), Path.cwd().resolve()}
    roots = {r for r in roots if r != Path(r.anchor)} or roots
    if not allow_outside and not within(resolved, roots):
        return Finding(
            (KEY,), "error", "table-path",
            _("the table path '{path}' leads outside the questionnaire's folder and the "
              "current folder ({resolved})").format(path=reference, resolved=resolved),
            _("keep the table next to the questionnaire, or pass --allow-outside-paths if you "
              "trust this questionnaire"),
        )
    return resolved


def load_respondents(
    data: dict[str, Any],
    base_dir: Path,
    catalogue: Catalogue,
    limits: Limits,
    *,
    allow_outside: bool = False,
    given: dict[str, bytes] | None = None,
) -> tuple[list[Finding], list[Diagnostic], TableRead | None]:
    """Findings in the questionnaire, diagnostics in the table, and what it holds.

    ``given`` maps a resolved path to bytes to read instead of the file (an import
    checks the table it is about to write).
    """
    reference = data.get(KEY)
    if not isinstance(reference, str):
        return [], [], None  # the model reports a wrong type
    if "respondents" in data:
        return [Finding((KEY,), "error", "respondents-twice",
                        _("the questionnaire lists respondents and also names a "
                          "respondents_file"),
                        _("keep the respondents in one place: the list or the table"), at="key")
                ], [], None
    found = resolve_table(reference, base_dir, allow_outside)
    if isinstance(found, Finding):
        return [found], [], None
    label = table_label(reference, base_dir)
    content = (given or {}).get(str(found))
    if content is None:
        try:
            content = read_regular(str(found), limits.max_bytes)
        except InputError as error:
            reason = str(error).removeprefix(f"{found}: ")
            return [Finding((KEY,), "error", "table-unreadable",
                            _("the respondents file '{path}' cannot be read: {reason}").format(
                                path=reference, reason=reason),
                            _("the path is relative to the questionnaire's folder"))], [], None
    read = read_respondents(content, label, catalogue, scale_bounds(data), limits)
    return [], read.diagnostics, read
