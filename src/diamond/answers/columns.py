"""A table's respondents kept as columns, made into respondent objects only if asked.

Scoring reads the columns directly (``TableRespondents.matrix``, for
``diamond.scoring.matrix``): a 100,000-row survey then needs no Python object per
respondent. Anything else that walks the questionnaire's respondents (export, import,
the survey checks) gets the same ``Respondent`` objects the YAML list would give, made
once, on first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from diamond.models.questionnaire import GROUPS, Respondent

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from diamond.scoring.matrix import Matrix

NO_ANSWER = -1
_FIELDS = frozenset(("id", "group", "weight", "answers"))


class TableRespondents(Sequence[Respondent]):
    """The respondents of a table: ids, groups, weights and answer codes by column."""

    def __init__(self, ids: list[str], groups: list[str], weights: list[float],
                 indicators: list[str], codes: NDArray[np.int16], low: int) -> None:
        self.ids, self.groups, self.weights = ids, groups, weights
        self.indicators, self.codes, self.low = indicators, codes, low
        self._made: list[Respondent] | None = None

    @property
    def columns(self) -> TableRespondents:
        """What ``diamond.scoring.matrix`` reads instead of the respondent objects."""
        return self

    def matrix(self, indicators: Sequence[str], low: int) -> Matrix:
        """The scoring arrays, answers in the columns of ``indicators``."""
        import numpy as np

        from diamond.scoring.matrix import NONE, Matrix

        n = len(self.ids)
        codes = np.full((n, len(indicators)), NONE, dtype=np.int16)
        mine = {i: k for k, i in enumerate(self.indicators)}
        for k, indicator in enumerate(indicators):
            if indicator in mine:
                column = self.codes[:, mine[indicator]]
                codes[:, k] = np.where(column == NO_ANSWER, NONE, column + (self.low - low))
        index: dict[str, int] = {g: k for k, g in enumerate(GROUPS)}
        groups = np.fromiter(map(index.__getitem__, self.groups), dtype=np.int8, count=n)
        return Matrix(self.ids, groups, self.weights, codes)

    def _all(self) -> list[Respondent]:
        if self._made is None:
            construct = _constructor()
            low, keys = self.low, self.indicators
            self._made = [
                construct(rid, group, weight, dict(zip(
                    keys, [None if c == NO_ANSWER else c + low for c in row], strict=True)))
                for rid, group, weight, row in zip(self.ids, self.groups, self.weights,
                                                   self.codes.tolist(), strict=True)]
        return self._made

    @overload
    def __getitem__(self, index: int) -> Respondent: ...

    @overload
    def __getitem__(self, index: slice) -> list[Respondent]: ...

    def __getitem__(self, index: int | slice) -> Respondent | list[Respondent]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Respondent]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return self._all() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list-like value, as list is

    def __add__(self, other: Sequence[Respondent]) -> list[Respondent]:
        return [*self._all(), *other]

    def __radd__(self, other: Sequence[Respondent]) -> list[Respondent]:
        return [*other, *self._all()]

    def __repr__(self) -> str:
        return repr(self._all())


def _constructor() -> Any:
    """A maker of checked respondents: ``Respondent.model_construct``, without its per-call
    look-up of fields and defaults (a third of its cost), when it gives the same object."""

    def construct(rid: str, group: str, weight: float, answers: dict[str, Any]) -> Respondent:
        made = new(Respondent)
        put(made, "__dict__", {"id": rid, "group": group, "weight": weight, "answers": answers})
        put(made, "__pydantic_fields_set__", set(_FIELDS))
        put(made, "__pydantic_extra__", None)
        put(made, "__pydantic_private__", None)
        return made

    new, put = object.__new__, object.__setattr__
    sample = ("a", "firm", 1.0, {"x": 1})
    expected = Respondent.model_construct(id="a", group="firm", weight=1.0, answers={"x": 1})
    try:
        made = construct(*sample)
        if made == expected and made.__dict__ == expected.__dict__ and repr(made) == repr(
            expected
        ):
            return construct
    except Exception:  # a pydantic release that keeps other state: its own constructor
        pass
    return lambda rid, group, weight, answers: Respondent.model_construct(
        id=rid, group=group, weight=weight, answers=answers
    )
