"""What an edited questionnaire reads as, without reading all of it again.

``splice`` writes new respondents as whole lines of block items at the list's
own indentation, and leaves every other byte alone. So the edited file reads as
the original data with those respondents in place, provided each new region,
read on its own with the same YAML reader, gives exactly the respondents it was
written for, and nothing was taken out (a replaced respondent may have held an
anchor that a later alias uses). That check costs a read of the new lines only;
anything short of it (replacing, a flow-style list, a new file, a region that
reads otherwise) falls back on reading the whole edited file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diamond.limits import Limits
from diamond.survey.splice import Region
from diamond.yamlsource import YamlProblem, read_yaml


def read_back(
    text: str,
    regions: Sequence[Region] | None,
    before: Any,
    label: str,
    limits: Limits,
    *,
    replaced: bool,
) -> dict[str, Any] | None:
    """The edited file's data, or None when it must be read whole to know it."""
    if replaced or regions is None or not isinstance(before, dict):
        return None
    old = before.get("respondents")
    if not isinstance(old, list):
        return None
    written: dict[str, Any] = {}
    for region in regions:
        try:
            document = read_yaml(text[region.start : region.end], label, limits=limits)
        except YamlProblem:
            return None
        items = document.data
        if document.diagnostics or not isinstance(items, list) or len(items) != len(region.ids):
            return None
        for rid, item in zip(region.ids, items, strict=True):
            if not isinstance(item, dict) or item.get("id") != rid or rid in written:
                return None
            written[rid] = item
    return {**before, "respondents": [*old, *written.values()]}
