"""Section 6: ``diamond portfolio`` of 1,000 and 8,100 files against ``validate`` of the same.

Both commands run with their default jobs (every core). The 1,000-file folder is the
corpus itself; the national programme (81 provinces × 100 sectors) is built from it by
copying file ``k`` of province ``p`` from corpus file ``(100·p + k) mod 1,000`` into
``portfolio-8100/p-NN/``. Peak memory is measured in separate runs (GNU time), beside
``validate``'s, to show whether it stays flat as the number of files grows: with workers
started from a forkserver (``diamond.pool``) that is the main process's peak, since the
workers are not its children. For the same reason ``wait4`` no longer counts the
workers' CPU time; the CPU figures (Linux only) come from a small launcher made the
"subreaper" of the command, so it reaps, and counts, every process the command starts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from results import Figure
from settings import Context
from timing import Samples, env_with, time_commands

#: ``--quick`` runs the first size only.
SIZES = (1000, 8100)
PROVINCES = 81
#: The national programme (81 provinces × 100 sectors) and its time budget.
NATIONAL = 8100
NATIONAL_BUDGET_S = 60.0


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


#: Runs a command as the subreaper of everything it starts (Linux ``prctl``), reaps them
#: all, and prints the CPU time (user + system) of the whole tree.
_TREE_CPU = r"""
import ctypes, json, os, resource, subprocess, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
code = subprocess.call(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "cpu": usage.ru_utime + usage.ru_stime}))
"""


def tree_times(commands: Callable[[str], dict[str, Sequence[str]]], repeat: int,
               env: dict[str, str]) -> dict[str, tuple[Samples, Samples]] | None:
    """Wall and whole-tree CPU seconds of each of ``commands(run)``'s commands, interleaved
    (``run`` names the repetition: its own output folder); None off Linux."""
    if not sys.platform.startswith("linux"):
        return None
    found: dict[str, tuple[Samples, Samples]] = {}
    for step in range(repeat):
        for name, argv in commands(f"run-{step + 1}").items():
            found.setdefault(name, (Samples(), Samples()))
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", _TREE_CPU, *argv], env=env,
                                  capture_output=True, text=True, check=True)
            wall = time.perf_counter() - start
            result = json.loads(done.stdout)
            if result["code"] != 0:
                raise RuntimeError(f"{' '.join(argv)[:200]} exited with {result['code']}")
            found[name][0].values.append(wall)
            found[name][1].values.append(result["cpu"])
    return found


def _mib(samples: Samples) -> Samples:
    return Samples([v / 1024 for v in samples.values])


def _clear(outputs: list[Path]) -> None:
    """Remove the last run's reports, then let the file system forget them.

    Every run writes into a folder of its own: written over earlier reports, each rename
    frees an inode, and ext4 without a journal (this machine's) skips the inodes freed in
    the last 30 s when it makes a file, which cost up to ~0.5 ms a file in round eight's
    measurements: the file system's cost, not the command's. So the old reports go
    first, and the section waits out those 30 s before it times anything.
    """
    removed = False
    for folder in outputs:
        if folder.exists():
            shutil.rmtree(folder)
            removed = True
    if removed:
        print("  portfolio: last run's reports removed; waiting 31 s", flush=True)
        time.sleep(31)


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    quick = ctx.corpus.spec.files < SIZES[0]
    sizes = [ctx.corpus.spec.files] if quick else list(ctx.portfolio_files or SIZES)
    figures: list[Figure] = []
    _clear([ctx.corpus.root / "reports" / f"portfolio-{files}" for files in sizes])
    for number, files in enumerate(sizes, start=1):
        folder = ctx.corpus.many if files == ctx.corpus.spec.files else national(ctx, files)
        out = ctx.corpus.root / "reports" / f"portfolio-{files}"
        repeat = ctx.slow if files <= 1000 else 1
        print(f"  portfolio: {files} files, {repeat} repetitions", flush=True)

        def commands(run: str, folder: Path = folder, out: Path = out
                     ) -> dict[str, Sequence[str]]:
            return {
                "validate": [ctx.diamond, "validate", str(folder)],
                "portfolio": [ctx.diamond, "portfolio", str(folder), "-o", str(out / run)],
            }

        if files <= 1000:  # a warm-up run of each, as time_commands does
            time_commands(commands("warm-up"), 1, env=env, warmup=False)
        timed = tree_times(commands, repeat, env)
        if timed is None:
            runs = time_commands(commands("runs"), repeat, env=env, warmup=False)
            wall = {name: runs[name].seconds for name in runs}
        else:
            wall = {name: timed[name][0] for name in timed}
        peak = time_commands(commands("memory"), 1, env=env, warmup=False, memory=True)
        figures += [
            Figure(
                f"P{number}",
                f"`diamond portfolio` of {files:,} files (default jobs), cluster reports "
                "included",
                wall["portfolio"],
                wall["validate"],
                "`diamond validate` of the same folder (default jobs)",
                2.0 if files == 1000 else None,
            ),
            Figure(
                f"P{number}c",
                f"reference: CPU time (user + system) of that `portfolio` ({files:,} files) "
                "and every process it starts",
                None if timed is None else timed["portfolio"][1],
                None if timed is None else timed["validate"][1],
                "that `validate`'s",
                skipped="" if timed is not None else "Linux only",
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
        if files == NATIONAL:
            figures.append(Figure(
                f"P{number}t",
                f"`diamond portfolio` of {files:,} files (the national programme)",
                wall["portfolio"], Samples([NATIONAL_BUDGET_S]), "the one-minute budget",
                1.0, strict=True,  # issue 16, target 2
            ))
    return figures
