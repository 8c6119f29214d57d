"""SWOT (GZFT) items classified under the Diamond: tallies and the cross-table."""

from __future__ import annotations

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import QUADRANTS, Quadrant, Questionnaire, SwotItem
from diamond.scoring.result import UNCLASSIFIED, SwotColumn, SwotEntry, SwotResult, Tally

#: The sign of each quadrant in a dimension's net position S + O − W − T.
SIGN: dict[Quadrant, int] = {"strengths": 1, "weaknesses": -1, "opportunities": 1, "threats": -1}


def classify(item: SwotItem, catalogue: Catalogue) -> str | None:
    """The dimension an item belongs to: its indicator's, else its own; ``None`` if neither."""
    if item.indicator is not None and item.indicator in catalogue.indicators:
        return catalogue.dimension_of(item.indicator)
    if item.dimension is not None and item.dimension in catalogue.dimensions:
        return item.dimension
    return None


def entries(questionnaire: Questionnaire, catalogue: Catalogue) -> tuple[SwotEntry, ...]:
    """Every item, quadrant by quadrant (S, W, O, T), each quadrant in file order."""
    found: list[SwotEntry] = []
    for quadrant in QUADRANTS:
        for position, item in enumerate(questionnaire.swot.quadrant(quadrant)):
            found.append(SwotEntry(
                quadrant=quadrant, position=position, text=item.text, indicator=item.indicator,
                dimension=classify(item, catalogue), importance=item.importance,
            ))
    return tuple(found)


def tally(items: list[SwotEntry]) -> dict[Quadrant, Tally]:
    """Count and importance sum per quadrant, every quadrant present."""
    counts = dict.fromkeys(QUADRANTS, 0)
    weighted = dict.fromkeys(QUADRANTS, 0)
    for item in items:
        counts[item.quadrant] += 1
        weighted[item.quadrant] += item.importance
    return {q: Tally(count=counts[q], weighted=weighted[q]) for q in QUADRANTS}


def net(tallies: dict[Quadrant, Tally]) -> int:
    """Importance-weighted net position S + O − W − T."""
    return sum(SIGN[q] * t.weighted for q, t in tallies.items())


def analyse(questionnaire: Questionnaire, catalogue: Catalogue) -> SwotResult:
    """Tallies per quadrant and per dimension × quadrant (plus ``unclassified``), and the items."""
    items = entries(questionnaire, catalogue)
    by_column: dict[str, list[SwotEntry]] = {c: [] for c in (*catalogue.dimensions, UNCLASSIFIED)}
    for item in items:  # each column's items in the items' order
        by_column.setdefault(item.column, []).append(item)
    columns: dict[str, SwotColumn] = {}
    for column_id in (*catalogue.dimensions, UNCLASSIFIED):
        tallies = tally(by_column[column_id])
        columns[column_id] = SwotColumn(id=column_id, quadrants=tallies, net=net(tallies))
    return SwotResult(quadrants=tally(list(items)), by_dimension=columns, items=items)
