"""Engine choice for ``diamond map``: DuckDB against Polars against a plain ``csv`` read.

Each engine runs the same work on the same synthetic file (``map_data.py``), in a
fresh subprocess so its peak memory is its own: read the CSV as text, check every
row (numbers, negatives, duplicates), then the figures (regional and national
totals, share, LQ) and the three star tests and the strong-cluster test (ranks
within each sector and year). The baseline reads the file with the standard
library's ``csv`` module and does nothing else. ``diamond`` is the shipped
pipeline (``diamond.regional.map_table``), which does all that and more (Hoover,
Krugman, shift-share, shortlist, sorting). Usage::

    python benchmarks/map_engines.py [--repeat 3] [--write] [tr-nace4 eu-nace2]

``--write`` puts the table into ``benchmarks/RESULTS.md`` between the markers
``<!-- map-engines -->`` and ``<!-- /map-engines -->`` (appended the first time), so
the section survives the rest of the file being rewritten by ``run.py`` only if it is
run again; a full ``run.py`` run rewrites the whole file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from map_data import SHAPES, ensure  # noqa: E402

sys.path.insert(0, str(HERE.parent / "src"))

DUCKDB_SQL = """
WITH raw AS (
  SELECT * FROM read_csv(?, header=true, all_varchar=true)
), typed AS (
  SELECT region, sector, TRY_CAST(year AS INTEGER) AS year,
         TRY_CAST(employment AS BIGINT) AS e FROM raw
), bad AS (
  SELECT count(*) FILTER (WHERE year IS NULL OR e IS NULL OR e < 0) AS n FROM typed
), dup AS (
  SELECT count(*) AS n FROM (SELECT 1 FROM typed GROUP BY region, sector, year HAVING count(*) > 1)
), reg AS (SELECT region, year, sum(e) AS er FROM typed GROUP BY ALL),
nat AS (SELECT sector, year, sum(e) AS es FROM typed GROUP BY ALL),
tot AS (SELECT year, sum(e) AS et FROM typed GROUP BY ALL),
cells AS (
  SELECT t.*, t.e / reg.er AS share, (t.e / reg.er) / (nat.es / tot.et) AS lq
  FROM typed t JOIN reg USING (region, year) JOIN nat USING (sector, year) JOIN tot USING (year)
), ranked AS (
  SELECT *, rank() OVER (PARTITION BY sector, year ORDER BY e DESC) AS r_size,
         rank() OVER (PARTITION BY sector, year ORDER BY share DESC) AS r_focus,
         rank() OVER (PARTITION BY sector, year ORDER BY lq DESC) AS r_lq,
         count(*) OVER (PARTITION BY sector, year) AS n
  FROM cells
)
SELECT (SELECT n FROM bad), (SELECT n FROM dup), count(*),
       sum(((r_size - 1) * 100 < 10 * n)::INT + (lq >= 2)::INT
           + ((r_focus - 1) * 100 < 10 * n)::INT),
       sum(((r_lq - 1) * 100 < 25 * n)::INT)
FROM ranked
"""


def run_duckdb(path: str) -> list[object]:
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads = 2")
    row = con.execute(DUCKDB_SQL, [path]).fetchone()
    return list(row or ())


def run_polars(path: str) -> list[object]:
    import polars as pl

    raw = pl.scan_csv(path, infer_schema_length=0)
    typed = raw.select(
        "region", "sector",
        pl.col("year").cast(pl.Int32, strict=False),
        pl.col("employment").cast(pl.Int64, strict=False).alias("e"),
    ).collect()
    bad = typed.filter(pl.col("year").is_null() | pl.col("e").is_null() | (pl.col("e") < 0)).height
    dup = typed.group_by("region", "sector", "year").len().filter(pl.col("len") > 1).height
    lf = typed.lazy()
    cells = lf.with_columns(
        er=pl.col("e").sum().over("region", "year"),
        es=pl.col("e").sum().over("sector", "year"),
        et=pl.col("e").sum().over("year"),
    ).with_columns(share=pl.col("e") / pl.col("er")).with_columns(
        lq=pl.col("share") / (pl.col("es") / pl.col("et"))
    )
    part = ["sector", "year"]
    ranked = cells.with_columns(
        r_size=pl.col("e").rank("min", descending=True).over(part),
        r_focus=pl.col("share").rank("min", descending=True).over(part),
        r_lq=pl.col("lq").rank("min", descending=True).over(part),
        n=pl.len().over(part),
    )
    out = ranked.select(
        pl.len(),
        ((((pl.col("r_size") - 1) * 100 < 10 * pl.col("n")).cast(pl.Int64))
         + (pl.col("lq") >= 2).cast(pl.Int64)
         + (((pl.col("r_focus") - 1) * 100 < 10 * pl.col("n")).cast(pl.Int64))).sum(),
        (((pl.col("r_lq") - 1) * 100 < 25 * pl.col("n")).cast(pl.Int64)).sum(),
    ).collect().row(0)
    return [bad, dup, *out]


def run_csv(path: str) -> list[object]:
    import csv

    with open(path, encoding="utf-8", newline="") as stream:
        rows = sum(1 for _ in csv.reader(stream)) - 1
    return [rows]


def run_diamond(path: str) -> list[object]:
    """The real thing: ``diamond.regional.map_table`` (read, check every row, every figure,
    stars, strong clusters, Hoover/Krugman, shift-share, shortlist)."""
    from diamond.regional import MapOptions, map_table

    m = map_table(Path(path), MapOptions())
    stars = int(m.cells["stars"].sum())
    strong = int(m.cells["strong"].sum())
    return [m.cells.height, stars, strong, m.shift_share.height]


ENGINES = {"csv": run_csv, "duckdb": run_duckdb, "polars": run_polars, "diamond": run_diamond}


def child(engine: str, path: str) -> None:
    """Run one engine once; print its seconds, peak RSS (MiB) and result as JSON."""
    start = time.perf_counter()
    result = ENGINES[engine](path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "result": result}, default=str))


def measure(engine: str, path: Path) -> dict[str, object]:
    """One fresh-process run of ``engine`` on ``path``."""
    out = subprocess.run([sys.executable, __file__, "--child", engine, str(path)],
                         capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


MARK, END = "<!-- map-engines -->", "<!-- /map-engines -->"
RESULTS = HERE / "RESULTS.md"


def write_section(lines: list[str], repeat: int, load: str) -> None:
    """Replace (or append) the map-engines section of RESULTS.md."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = [MARK, "## diamond map: engine choice (`python benchmarks/map_engines.py --write`)", "",
            f"Run {when}, best of {repeat} interleaved fresh-process runs each, "
            f"{os.cpu_count()} cores, CPython {platform.python_version()}, load average at "
            f"start {load}. Ratios are against a plain `csv` read of the same file, measured "
            "in the same run. Peak memory is the process's maximum resident set.", "",
            "| table | rows | engine | seconds | × csv | peak MiB |",
            "| --- | ---: | --- | ---: | ---: | ---: |", *lines, "", END]
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if MARK in text and END in text:
        text = text[: text.index(MARK)] + "\n".join(body) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(body) + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--child", nargs=2)
    parser.add_argument("shapes", nargs="*")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    load = " / ".join(f"{v:.2f}" for v in os.getloadavg())
    table: list[str] = []
    for shape in args.shapes or list(SHAPES):
        path = ensure(shape)
        regions, sectors, years, _ = SHAPES[shape]
        best: dict[str, dict[str, object]] = {}
        for _ in range(args.repeat):  # interleaved, so load changes hit every engine alike
            for engine in ENGINES:
                run = measure(engine, path)
                if engine not in best or float(run["seconds"]) < float(best[engine]["seconds"]):  # type: ignore[arg-type]
                    best[engine] = run
        base = float(best["csv"]["seconds"])  # type: ignore[arg-type]
        for engine, run in best.items():
            secs = float(run["seconds"])  # type: ignore[arg-type]
            peak = float(run["peak_mib"])  # type: ignore[arg-type]
            print(f"{shape}\t{engine}\t{secs:.2f} s\t{secs / base:.2f}× csv\t"
                  f"{peak:.0f} MiB\t{run['result']}")
            table.append(f"| {shape} | {regions * sectors * years:,} | {engine} | {secs:.2f} | "
                         f"{secs / base:.2f} | {peak:.0f} |")
    if args.write:
        write_section(table, args.repeat, load)


if __name__ == "__main__":
    main()
