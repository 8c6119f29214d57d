"""An existing respondents table read column by column, for ``import --into`` (issue #16).

Importing 1,000 rows into a questionnaire whose 100,000 respondents are in a table read
that table twice as respondent objects: once to load the questionnaire, once to check
the table written back. ``read_existing`` reads it once, as arrays (``Imports``), when
it is plainly what ``diamond import`` and ``diamond export`` write: UTF-8 without
quotes, the header ``id, group, weight`` and every indicator of the framework in its
order, every row of the header's width, ids unique, groups, weights and answers that
the reader ``validate`` uses accepts. Anything else gives None, and the table is read
as before, with that reader and its findings.
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path
from typing import Any

from diamond.answers.source import resolve_table
from diamond.documents import TextProblem, decode, read_bytes
from diamond.errors import DiamondError, InvalidFileError
from diamond.frameworks import Catalogue
from diamond.io.read import read_regular
from diamond.limits import Limits
from diamond.loader import LoadOptions
from diamond.models.questionnaire import Scale
from diamond.survey.batch import GROUP_NAMES, MISSING, Imports
from diamond.survey.grid import read_grid
from diamond.survey.target import Target, existing_target
from diamond.yamlsource import YamlProblem, read_yaml

MAX_ID = 120
_SMALL = 1 << 20  # a questionnaire naming a table is small: its respondents are elsewhere
_INT = re.compile(r"^[+-]?\d{1,12}$")  # as diamond.answers.table reads a cell


def first_rows(data: bytes) -> bytes:
    """The table's header and first row (the whole table if it is shorter)."""
    lines = data.split(b"\n", 2)
    return data if len(lines) < 3 else lines[0] + b"\n" + lines[1] + b"\n"


def _weight(text: str) -> float | None:
    if not text:
        return 1.0
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and 0 < value <= 1_000_000 else None


def read_existing(data: bytes, catalogue: Catalogue, scale: Scale, limits: Limits
                  ) -> Imports | None:
    """The table's respondents as arrays, or None when it must be read row by row."""
    import numpy as np

    if len(data) > limits.max_bytes or data[:3] == b"\xef\xbb\xbf":
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    read = read_grid(data, ",", 1)
    if read is None:
        return None
    header, grid = read
    indicators = list(catalogue.indicators)
    if [h.strip() for h in header] != ["id", "group", "weight", *indicators] or grid.odd:
        return None
    count = len(grid)
    if not count or count * len(header) > limits.max_nodes:
        return None
    ids = [c.strip() for c in grid.cells(0)]
    if "" in ids or max(map(len, ids)) > MAX_ID or len(set(ids)) != count:
        return None
    codes, values = grid.coded(1)
    named = [v.strip() or "firm" for v in values]
    if any(g not in GROUP_NAMES for g in named):
        return None
    groups = np.array([GROUP_NAMES.index(g) for g in named], dtype=np.int8)[codes]
    codes, values = grid.coded(2)
    read_weights = [_weight(v.strip()) for v in values]
    if any(w is None for w in read_weights):
        return None
    weights = np.array(read_weights, dtype=float)[codes]
    answers = np.empty((count, len(indicators)), dtype=np.int16, order="F")
    for n in range(len(indicators)):
        codes, values = grid.coded(n + 3)
        points: list[Any] = []
        for value in values:
            text = value.strip()
            if not text:
                points.append(MISSING)
            elif _INT.match(text) and scale.min <= int(text) <= scale.max:
                points.append(int(text))
            else:
                return None
        answers[:, n] = np.array(points, dtype=np.int16)[codes]
    return Imports(ids, groups, np.ones(count, dtype=bool), weights, answers, indicators,
                   grid.numbers)


def with_table_rows(target: str, load: LoadOptions, where: Path, data: bytes) -> Target | None:
    """The questionnaire, checked with its table's first row standing in for the table,
    and the table's rows as arrays; None unless the table is plainly one ``import`` writes
    and the questionnaire is valid (it is then read as before, for its findings)."""
    sample = dataclasses.replace(load, tables=((str(where), first_rows(data)),))
    try:
        fresh = existing_target(target, sample)
    except InvalidFileError:
        return None
    rows = read_existing(data, fresh.catalogue, fresh.questionnaire.scale, load.limits)
    return None if rows is None else dataclasses.replace(fresh, table_rows=rows)


def table_target(target: str, load: LoadOptions) -> tuple[bytes, Target] | None:
    """For a questionnaire naming a plain table: the table's bytes and the questionnaire
    with its rows (``with_table_rows``); None for any other questionnaire, or any doubt."""
    try:
        data = read_bytes(target, load.limits)
        if b"respondents_file" not in data or len(data) > _SMALL:
            return None
        named = read_yaml(decode(data, target), target, limits=load.limits).data
    except (TextProblem, YamlProblem, DiamondError):
        return None
    reference = named.get("respondents_file") if isinstance(named, dict) else None
    if not isinstance(reference, str):
        return None
    where = resolve_table(reference, Path(target).parent, load.allow_outside_paths)
    if not isinstance(where, Path):
        return None
    try:
        table = read_regular(str(where), load.limits.max_bytes)
    except DiamondError:
        return None
    fresh = with_table_rows(target, load, where, table)
    return None if fresh is None else (table, fresh)
