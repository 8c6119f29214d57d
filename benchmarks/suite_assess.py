"""Section 4: ``diamond assess`` on a big file (time and memory), and scoring's growth."""

from __future__ import annotations

from results import Figure
from settings import BIG_FILE_BYTES, Context
from timing import Samples, env_with, probe, time_commands

INDICATORS = 31  # stm-2015


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    size = ctx.corpus.spec.big[0]
    big = str(ctx.corpus.respondents(size))
    print(f"  assess: {size:,} respondents, {ctx.slow} repetitions", flush=True)
    runs = time_commands(
        {
            "empty": [ctx.python, "-c", "pass"],
            "load": ctx.floor(big),
            "assess": [ctx.diamond, "assess", big, "-f", "json"],
        },
        ctx.slow,
        env=env,
        memory=True,
    )
    empty = runs["empty"].rss_kib.median
    # the same two commands' CPU time (user + system): steadier than wall time under load
    cpu = time_commands({"load": ctx.floor(big), "assess": [ctx.diamond, "assess", big, "-f",
                                                             "json"]},
                        ctx.slow, env=env, cpu=True)
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    return [
        Figure(
            "A1c",
            f"CPU time (user + system) of `diamond assess respondents-{label}.yaml -f json`",
            cpu["assess"].seconds,
            cpu["load"].seconds,
            "CPU time of the `CSafeLoader` load",
            1.0,
        ),
        Figure(
            "A1",
            f"`diamond assess respondents-{label}.yaml -f json` (JSON to /dev/null)",
            runs["assess"].seconds,
            runs["load"].seconds,
            "`CSafeLoader` load of the file",
            1.0,
        ),
        Figure(
            "A2",
            "peak memory of that `assess`, minus the empty interpreter's",
            _mib(runs["assess"].rss_kib, empty),
            _mib(runs["load"].rss_kib, empty),
            "`CSafeLoader` load's, minus the same",
            2.0,
            unit="MiB",
        ),
    ]


def _mib(samples: Samples, minus_kib: float) -> Samples:
    return Samples([(v - minus_kib) / 1024 for v in samples.values])


def scaling(ctx: Context) -> list[Figure]:
    """Scoring time per respondent × indicator, which stays flat if growth is linear."""
    env = env_with(DIAMOND_MAX_BYTES=BIG_FILE_BYTES)  # the 100k file is over the 64 MiB limit
    sizes = sorted(ctx.corpus.spec.scaling)
    per_cell: dict[int, Samples] = {}
    for size in sizes:
        repeat = ctx.repeat if size <= 10_000 else ctx.slow
        print(f"  scaling: scoring {size:,} respondents, {repeat} repetitions", flush=True)
        got = probe("score", str(ctx.corpus.respondents(size)), repeat=repeat, env=env)
        cells = size * INDICATORS
        per_cell[size] = Samples([v / cells * 1e6 for v in got["score"].values])
    smallest = sizes[0]
    figures: list[Figure] = []
    for number, size in enumerate(sizes, start=3):
        is_base = size == smallest
        total = per_cell[size].median * size * INDICATORS / 1e6
        figures.append(
            Figure(
                f"A{number}",
                f"scoring (`diamond.scoring.assess`, in-process) per respondent × indicator, "
                f"{size:,} respondents (median total {total:.2f} s)",
                per_cell[size],
                None if is_base else per_cell[smallest],
                "" if is_base else f"the same at {smallest:,} respondents",
                None if is_base else 1.5,
                target_note="" if is_base else "(linear growth)",
                unit="µs",
            )
        )
    return figures
