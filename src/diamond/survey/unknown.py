"""Unknown group and answer labels, reported once each with a ready-to-paste map block.

A survey export repeats the same label in many cells; one finding per cell (23 errors
for 5 labels) hides the fix. Each distinct label gets one error at its first cell,
counting its cells; the first error's hint carries a map-file block (one line of flow
YAML) listing every unknown label, to paste into ``--map`` and complete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from diamond.errors import Diagnostic
from diamond.i18n import N_, _, ngettext
from diamond.survey.text import normalise

# Placeholders that a map file refuses until edited: pasting the block unedited never
# turns the labels into 'other' or into no answer silently.
_PLACEHOLDER = {"groups": "GROUP", "labels": "POINT"}
_WHAT = {
    "groups": ("unknown-group", N_("unknown stakeholder group {label}"),
               N_("replace each GROUP by firm, university, public, ngo or other")),
    "labels": ("answer-unreadable", N_("unknown answer label {label} in column {column}"),
               N_("replace each POINT by the label's scale point, or by null for no answer")),
}


@dataclass
class _Seen:
    raw: str
    row: int
    column: int
    header: str
    cells: int = 1


@dataclass
class UnknownLabels:
    """Collects the unknown labels of one kind (``groups`` or ``labels``) while rows are read."""

    kind: str
    seen: dict[str, _Seen] = field(default_factory=dict)

    def add(self, raw: str, row: int, column: int, header: str) -> None:
        """Record one cell holding an unknown label."""
        key = normalise(raw)
        if key in self.seen:
            self.seen[key].cells += 1
        else:
            self.seen[key] = _Seen(raw.strip(), row, column, header)

    def block(self) -> str:
        """The map-file block listing every unknown label with a placeholder."""
        items = ", ".join(
            f"{json.dumps(s.raw, ensure_ascii=False)}: {_PLACEHOLDER[self.kind]}"
            for s in self.seen.values()
        )
        return f"{self.kind}: {{{items}}}"

    def diagnostics(self, path: str) -> list[Diagnostic]:
        """One error per distinct label; the first carries the block to paste."""
        code, what, how = _WHAT[self.kind]
        found = sorted(self.seen.values(), key=lambda s: (s.row, s.column))
        out = []
        for n, s in enumerate(found):
            message = _(what).format(label=repr(s.raw), column=repr(s.header))
            if s.cells > 1:
                message += " " + _("({count} cells, first here)").format(count=s.cells)
            if n == 0:
                hint = ngettext(
                    "{count} unknown label; put in a map file (--map) and {how}: {block}",
                    "{count} unknown labels; put in a map file (--map) and {how}: {block}",
                    len(found)).format(count=len(found), how=_(how), block=self.block())
            else:
                hint = _("see the '{kind}:' block suggested at row {row}").format(
                    kind=self.kind, row=found[0].row)
            out.append(Diagnostic(path, s.row, s.column, "error", code, message, hint))
        return out
