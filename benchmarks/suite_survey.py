"""Sections 9 and 10: large surveys (issue #16, targets 3 and 5).

``survey-import``: ``diamond import`` of a survey CSV of 100,000 rows and 31 answer
columns, as a dry run and for real (it writes a respondents table), against Python's
``csv`` module reading the same file; memory against that read's; and 1,000 more rows
imported ``--into`` the questionnaire whose respondents are that survey in a table,
against ``validate`` of the same questionnaire.
``survey-assess``: whole ``diamond assess`` and ``validate`` of a questionnaire whose
100,000 respondents live in a table file (``respondents_file``), against the 5 s and
500 MB budgets.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

from results import Figure
from settings import Context
from suite_assess import _mib
from timing import Samples, env_with, run_once, time_commands

from diamond.frameworks import builtin

GROUPS = (("firm", 55), ("university", 15), ("public", 15), ("ngo", 10), ("other", 5))
_CSV_READ = (
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    rows = list(csv.reader(f))\n"
)


def _point(value: float) -> int:
    return min(5, max(1, round(value)))


def _rows(ctx: Context) -> int:
    return max(ctx.corpus.spec.scaling)


def survey_csv(ctx: Context) -> Path:
    """A Google-Forms-like export: timestamp, id, group, then the 31 indicators (seeded)."""
    count = _rows(ctx)
    path = ctx.corpus.root / "survey" / f"survey-{count}.csv"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(ctx.corpus.spec.seed + 16)
    indicators = list(builtin("stm-2015").indicators)
    level = {i: rng.uniform(1.5, 4.5) for i in indicators}
    names, weights = [g for g, _ in GROUPS], [w for _, w in GROUPS]
    temp = path.with_suffix(".tmp")
    with temp.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["Timestamp", "id", "group", *indicators])
        for n in range(count):
            answers = [
                "" if rng.random() < 0.02 else str(_point(level[i] + rng.gauss(0, 0.9)))
                for i in indicators
            ]
            stamp = f"2025-05-{1 + n % 28:02d} {8 + n % 10:02d}:{n % 60:02d}:00"
            writer.writerow([stamp, f"r-{n:06d}", rng.choices(names, weights)[0], *answers])
    temp.replace(path)
    return path


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def more_rows(ctx: Context, count: int = 1000) -> Path:
    """The survey's first ``count`` rows under new ids, to import ``--into`` its table."""
    path = ctx.corpus.root / "survey" / f"more-{count}.csv"
    if not path.exists():
        with survey_csv(ctx).open(newline="", encoding="utf-8") as stream:
            rows = [row for _, row in zip(range(count + 1), csv.reader(stream), strict=False)]
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(rows[0])
            writer.writerows([row[0], "more-" + row[1], *row[2:]] for row in rows[1:])
    return path


def run_import(ctx: Context) -> list[Figure]:
    survey = str(survey_csv(ctx))
    count = _rows(ctx)
    folder = ctx.corpus.root / "survey" / "import"
    new = ["--sector", "Bench", "--region", "Bench", "--period", "2025"]
    # Each real import needs a name that does not exist yet: a fresh folder per run.
    script = 'rm -rf "$1" && mkdir -p "$1" && shift && exec "$@"'
    real = ["sh", "-c", script, "fresh", str(folder / "real"), ctx.diamond, "import", survey,
            "--new", str(folder / "real" / "survey.yaml"), *new]
    dry = [ctx.diamond, "import", survey, "--new", str(_fresh(folder / "dry") / "survey.yaml"),
           *new, "--dry-run"]
    # 1,000 more rows into the table questionnaire: a fresh copy of its folder each run.
    table = table_questionnaire(ctx)
    copy = folder / "into"
    fresh = 'rm -rf "$2" && cp -r "$1" "$2" && shift 2 && exec "$@"'
    into = ["sh", "-c", fresh, "fresh-copy", str(table.parent), str(copy), ctx.diamond,
            "import", str(more_rows(ctx)), "--into", str(copy / table.name)]
    check = ["sh", "-c", fresh, "fresh-copy", str(table.parent), str(copy), ctx.diamond,
             "validate", str(copy / table.name)]
    print(f"  survey import: {count:,} rows, {ctx.slow} repetitions", flush=True)
    runs = time_commands(
        {
            "empty": [ctx.python, "-c", "pass"],
            "csv": [ctx.python, "-c", _CSV_READ, survey],
            "dry": dry,
            "real": real,
            "into": into,
            "validate": check,
        },
        ctx.slow,
        env=env_with(),
        memory=True,
    )
    empty = runs["empty"].rss_kib.median
    label = f"{count // 1000}k" if count >= 1000 else str(count)
    base = "`csv` module reading the file (`list(csv.reader(f))`)"
    return [
        Figure("I3", f"`diamond import survey-{label}.csv --new … --dry-run` (31 answer columns)",
               runs["dry"].seconds, runs["csv"].seconds, base, 3.0),
        Figure("I4", "the same import for real (writes the questionnaire and its respondents "
               "table)", runs["real"].seconds, runs["csv"].seconds, base, 3.0),
        Figure("I5", "peak memory of the dry run, minus the empty interpreter's",
               _mib(runs["dry"].rss_kib, empty), _mib(runs["csv"].rss_kib, empty),
               "that `csv` read's, minus the same", 2.0, unit="MiB"),
        Figure("I6", "peak memory of the real import, minus the empty interpreter's",
               _mib(runs["real"].rss_kib, empty), _mib(runs["csv"].rss_kib, empty),
               "that `csv` read's, minus the same", 2.0, unit="MiB"),
        Figure("I7", f"`diamond import more-1000.csv --into respondents-{label}.yaml` (1,000 "
               "rows into its table)", runs["into"].seconds, runs["validate"].seconds,
               "`diamond validate` of the same questionnaire (reads its table)", 2.0),
        Figure("I8", "peak memory of that import, minus the empty interpreter's",
               _mib(runs["into"].rss_kib, empty), _mib(runs["validate"].rss_kib, empty),
               "that `validate`'s, minus the same", 2.0, unit="MiB"),
    ]


def table_questionnaire(ctx: Context) -> Path:
    """The survey imported once with ``--table``: a small YAML naming a CSV table."""
    count = _rows(ctx)
    target = ctx.corpus.root / "survey" / "table" / f"respondents-{count}.yaml"
    if target.exists():
        return target
    _fresh(target.parent)
    run_once([ctx.diamond, "import", str(survey_csv(ctx)), "--new", str(target), "--sector",
              "Bench", "--region", "Bench", "--period", "2025", "--table"], env=env_with())
    return target


def run_assess(ctx: Context) -> list[Figure]:
    target = str(table_questionnaire(ctx))
    count = _rows(ctx)
    print(f"  survey assess: {count:,} respondents in a table, {ctx.slow} repetitions",
          flush=True)
    runs = time_commands(
        {
            "empty": [ctx.python, "-c", "pass"],
            "validate": [ctx.diamond, "validate", target],
            "assess": [ctx.diamond, "assess", target, "-f", "json"],
        },
        ctx.slow,
        env=env_with(),
        memory=True,
    )
    # CPU time (user + system, from wait4): on a shared machine it varies far less than
    # the wall time, which counts the time spent waiting for a core.
    cpu = time_commands(
        {
            "assess": [ctx.diamond, "assess", target, "-f", "json"],
            "off": [ctx.diamond, "assess", target, "-f", "json", "--bootstrap", "0",
                    "--sensitivity", "0"],
        },
        ctx.slow,
        env=env_with(),
        cpu=True,
    )
    label = f"{count // 1000}k" if count >= 1000 else str(count)
    budget_s = Samples([5.0])
    budget_mib = Samples([500e6 / 2**20])
    return [
        Figure("A9", f"`diamond assess respondents-{label}.yaml -f json`, respondents in a CSV "
               "table (`respondents_file`)", runs["assess"].seconds, budget_s,
               "the 5 s budget", 1.0, strict=True),
        Figure("A9c", "CPU time (user + system) of that `assess`", cpu["assess"].seconds,
               budget_s, "the 5 s budget", 1.0, strict=True),
        Figure("A9o", "reference: CPU time of that `assess` with `--bootstrap 0 "
               "--sensitivity 0`", cpu["off"].seconds, cpu["assess"].seconds,
               "the same with the statistics"),
        Figure("A10", "peak memory of that `assess` (whole process)",
               Samples([v / 1024 for v in runs["assess"].rss_kib.values]),
               budget_mib, "the 500 MB budget (477 MiB)", 1.0, strict=True, unit="MiB"),
        Figure("A11", f"reference: `diamond validate respondents-{label}.yaml` (table)",
               runs["validate"].seconds, runs["assess"].seconds, "that `assess`"),
    ]
