"""The mapping file (``--map map.yaml``): which column is what, and what answers mean.

```yaml
columns:                          # CSV header -> indicator id (null: ignore the column)
  "Q1[SQ001]": factor.skilled_workforce
  "Yorumlar": null
id: Response ID                   # the column holding respondent ids
group: Paydaş grubu               # the column holding stakeholder groups
weight: Ağırlık                   # the column holding respondent weights
groups: {"Firma": firm, "Üniversite": university}   # group value -> group
labels: {"Strongly agree": 5, "Unsure": null}        # answer label -> scale point or null
ignore: [Yorumlar, "E-posta"]     # columns to leave out without a warning
```
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, StrictInt

from diamond.documents import Checks, TextProblem, decode, parse_document, read_bytes
from diamond.errors import Diagnostic, InvalidFileError
from diamond.findings import Finding, suggest
from diamond.frameworks import Catalogue
from diamond.i18n import _
from diamond.limits import Limits
from diamond.models.questionnaire import Group, Key
from diamond.models.text import Strict
from diamond.survey.text import normalise


class MapFile(Strict):
    """The mapping file's shape; unknown keys are errors, as in a questionnaire."""

    columns: dict[str, Key | None] = Field(default_factory=dict)
    id: str | None = None
    group: str | None = None
    weight: str | None = None
    groups: dict[str, Group] = Field(default_factory=dict)
    labels: dict[str, StrictInt | None] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class SurveyMap:
    """A validated mapping file (or the empty one), with lookups by normalised text."""

    path: str | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    id: str | None = None
    group: str | None = None
    weight: str | None = None
    groups: dict[str, Group] = field(default_factory=dict)
    labels: dict[str, int | None] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = ()

    def column(self, header: str) -> tuple[bool, str | None]:
        """``(listed, indicator)`` for a header: as written, else trimmed, else normalised."""
        for key in (header, header.strip()):
            if key in self.columns:
                return True, self.columns[key]
        wanted = normalise(header)
        for key, target in self.columns.items():
            if normalise(key) == wanted:
                return True, target
        return False, None

    def ignores(self, header: str) -> bool:
        """Whether ``ignore:`` lists the header (compared as ``column`` does)."""
        wanted = normalise(header)
        return header.strip() in self.ignore or any(normalise(i) == wanted for i in self.ignore)


def _checks(catalogue: Catalogue, header: Sequence[str]) -> Checks:
    present = set(header) | {h.strip() for h in header}
    normalised = {normalise(h) for h in header}

    def absent(name: str) -> bool:
        return name not in present and normalise(name) not in normalised

    def checks(data: dict[str, Any]) -> tuple[list[Finding], list[Diagnostic]]:
        findings: list[Finding] = []
        columns = data.get("columns")
        if isinstance(columns, dict):
            for column, target in columns.items():
                if isinstance(target, str) and target not in catalogue.indicators:
                    findings.append(
                        Finding(
                            ("columns", column),
                            "error",
                            "unknown-indicator",
                            _("unknown indicator '{id}' in framework '{framework}'").format(
                                id=target, framework=catalogue.framework.id),
                            suggest(target, catalogue.indicators),
                        )
                    )
                if isinstance(column, str) and absent(column):
                    findings.append(
                        Finding(
                            ("columns", column),
                            "warning",
                            "map-column-absent",
                            _("the CSV has no column '{column}'").format(column=column),
                            suggest(column, present),
                            at="key",
                        )
                    )
        for role in ("id", "group", "weight"):
            name = data.get(role)
            if isinstance(name, str) and absent(name):
                findings.append(
                    Finding(
                        (role,),
                        "error",
                        "map-column-absent",
                        _("the CSV has no column '{column}' for the respondent {role}").format(
                            column=name, role=role),
                        suggest(name, present),
                    )
                )
        return findings, []

    return checks


def load_map(path: str, catalogue: Catalogue, header: Sequence[str], limits: Limits) -> SurveyMap:
    """Read and check a mapping file against the framework and the CSV's header.

    Raises ``InvalidFileError`` with every finding when the file has errors;
    warnings come back in ``SurveyMap.diagnostics``.
    """
    try:
        text = decode(read_bytes(path, limits), path)
    except TextProblem as problem:
        raise InvalidFileError(path, [problem.diagnostic]) from None
    parsed = parse_document(text, path, MapFile, limits, _checks(catalogue, header))
    if not parsed.ok or parsed.model is None:
        raise InvalidFileError(path, parsed.diagnostics)
    model = parsed.model
    return SurveyMap(
        path=path,
        columns=dict(model.columns),
        id=model.id,
        group=model.group,
        weight=model.weight,
        groups={normalise(k): v for k, v in model.groups.items()},
        labels={normalise(k): v for k, v in model.labels.items()},
        ignore=frozenset(model.ignore) | {c.strip() for c in model.ignore},
        diagnostics=tuple(parsed.diagnostics),
    )
