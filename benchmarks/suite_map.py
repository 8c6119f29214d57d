"""Section 9: ``diamond map`` on the tables of its issue, against a ``csv`` read of each.

The tables come from ``map_data.py`` (deterministic): ``tr-nace4`` (Turkey's 81
provinces × 600 NACE 4-digit classes × 15 years, 729,000 rows) and ``eu-nace2``
(1,200 NUTS-3 regions × 88 NACE divisions × 15 years, 1,584,000 rows). Each figure
is the whole command writing its Markdown report, timed beside a process that only
reads the same file with the standard library's ``csv`` module. The engine comparison
(DuckDB, Polars) is ``map_engines.py``.
"""

from __future__ import annotations

import tempfile

from map_data import SHAPES, ensure
from results import Figure
from settings import Context
from suite_assess import _mib
from timing import HERE, env_with, time_commands

#: ``diamond`` stops a template that renders for more than 5 s; the Markdown of the
#: 1,584,000-row table can take longer than that on a loaded 2-core machine.
TEMPLATE_SECONDS = "300"


def run(ctx: Context) -> list[Figure]:
    env = env_with(DIAMOND_TEMPLATE_SECONDS=TEMPLATE_SECONDS)
    quick = ctx.corpus.spec.files < 1000  # a --quick run measures the smaller table only
    shapes = ["tr-nace4"] if quick else list(SHAPES)
    figures: list[Figure] = []
    for number, shape in enumerate(shapes, start=1):
        path = str(ensure(shape))
        regions, sectors, years, _ = SHAPES[shape]
        rows = f"{regions * sectors * years:,} rows"
        print(f"  map: {shape} ({rows}), {ctx.slow} repetitions", flush=True)
        with tempfile.TemporaryDirectory(prefix="bench-map-") as out:
            runs = time_commands(
                {
                    "empty": [ctx.python, "-c", "pass"],
                    "csv": [ctx.python, str(HERE / "map_engines.py"), "--child", "csv", path],
                    "map": [ctx.diamond, "map", path, "-f", "md", "-o", out],
                },
                ctx.slow,
                env=env,
                memory=True,
            )
        empty = runs["empty"].rss_kib.median
        figures += [
            Figure(
                f"M{number}",
                f"`diamond map {shape}.csv -f md` ({rows}), the whole command",
                runs["map"].seconds,
                runs["csv"].seconds,
                "`csv` module reading the same file",
            ),
            Figure(
                f"M{number}m",
                "reference: peak memory of that `diamond map`, minus the empty interpreter's",
                _mib(runs["map"].rss_kib, empty),
                _mib(runs["csv"].rss_kib, empty),
                "the `csv` read's, minus the same",
                unit="MiB",
            ),
        ]
    return figures
