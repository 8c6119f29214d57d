"""Section 6: ``diamond portfolio`` of 1,000 and 8,100 files against ``validate`` of the same.

Both commands run with their default jobs (every core). The 1,000-file folder is the
corpus itself; the national programme (81 provinces × 100 sectors) is built from it by
copying file ``k`` of province ``p`` from corpus file ``(100·p + k) mod 1,000`` into
``portfolio-8100/p-NN/``. Peak memory is measured in separate runs (GNU time), beside
``validate``'s, to show whether it stays flat as the number of files grows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from results import Figure
from settings import Context
from timing import Samples, env_with, time_commands

#: ``--quick`` runs the first size only.
SIZES = (1000, 8100)
PROVINCES = 81


def national(ctx: Context, files: int) -> Path:
    """A folder of ``files`` questionnaires in ``PROVINCES`` province sub-folders (made once)."""
    source = ctx.corpus.many_files()
    folder = ctx.corpus.root / f"portfolio-{files}"
    if len(list(folder.rglob("*.yaml"))) == files:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    per = files // PROVINCES
    for p in range(PROVINCES):
        place = folder / f"p-{p + 1:02d}"
        place.mkdir(parents=True)
        for k in range(per):
            shutil.copyfile(source[(per * p + k) % len(source)], place / f"s-{k:03d}.yaml")
    return folder


def _mib(samples: Samples) -> Samples:
    return Samples([v / 1024 for v in samples.values])


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    quick = ctx.corpus.spec.files < SIZES[0]
    sizes = [ctx.corpus.spec.files] if quick else list(ctx.portfolio_files or SIZES)
    figures: list[Figure] = []
    for number, files in enumerate(sizes, start=1):
        folder = ctx.corpus.many if files == ctx.corpus.spec.files else national(ctx, files)
        out = ctx.corpus.root / "reports" / f"portfolio-{files}"
        repeat = ctx.slow if files <= 1000 else 1
        print(f"  portfolio: {files} files, {repeat} repetitions", flush=True)
        commands = {
            "validate": [ctx.diamond, "validate", str(folder)],
            "portfolio": [ctx.diamond, "portfolio", str(folder), "-o", str(out)],
        }
        runs = time_commands(commands, repeat, env=env, warmup=files <= 1000)
        peak = time_commands(commands, 1, env=env, warmup=False, memory=True)
        figures += [
            Figure(
                f"P{number}",
                f"`diamond portfolio` of {files:,} files (default jobs), cluster reports "
                "included",
                runs["portfolio"].seconds,
                runs["validate"].seconds,
                "`diamond validate` of the same folder (default jobs)",
                2.0 if files == 1000 else None,
                target_note="" if files == 1000 else "under 60 s",
            ),
            Figure(
                f"P{number}m",
                f"reference: peak memory of that `portfolio` ({files:,} files)",
                _mib(peak["portfolio"].rss_kib),
                _mib(peak["validate"].rss_kib),
                "that `validate`'s",
                unit="MiB",
            ),
        ]
    return figures
