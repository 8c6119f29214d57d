"""Timing helpers: whole commands in subprocesses, in-process code in a child probe.

A command is timed with ``time.perf_counter`` around its whole life: it is
started with ``subprocess.Popen`` and reaped with ``os.wait4`` (what
``subprocess.run`` does). Peak memory is measured separately, under GNU
``/usr/bin/time -f %M``: the ``ru_maxrss`` that ``wait4`` reports for a child of
this process also counts this process's own pages, which the child shared
between ``vfork`` and ``exec``, so it is never lower than the parent's peak.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


@dataclass
class Samples:
    """Repeated observations of one quantity (seconds, or KiB for memory)."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)


@dataclass
class Runs:
    """Wall times (s) and peak memory (KiB) of repeated runs of one command."""

    seconds: Samples
    rss_kib: Samples


GNU_TIME = next((p for p in ("/usr/bin/time", "/bin/time") if Path(p).exists()), None)


class CommandFailed(RuntimeError):
    """A timed command exited with an unexpected status."""


def tool(name: str) -> str | None:
    """A console script next to this interpreter first, else on ``PATH``."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def run_once(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    ok_codes: Sequence[int] = (0,),
    cwd: Path = REPO,
    memory: bool = False,
    cpu: bool = False,
) -> tuple[float, int]:
    """Run ``argv`` once with output discarded: (wall seconds, peak RSS in KiB or 0).

    With ``memory``, the command runs under GNU time, which adds a fork and an
    exec (about a millisecond) to the wall time. With ``cpu``, the seconds are the
    CPU time (user + system) of the child and the children it waited for, from
    ``wait4``: on a machine shared with other work it varies far less than wall time.
    """
    gnu_time = GNU_TIME if memory else None
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak:
        wrapped = [gnu_time, "-f", "%M", "-o", peak.name, *argv] if gnu_time else list(argv)
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
            cwd=cwd,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            errors.seek(0)
            tail = errors.read()[-2000:].decode("utf-8", "replace")
            raise CommandFailed(f"{' '.join(argv)[:200]} exited with {code}:\n{tail}")
        if cpu:
            elapsed = usage.ru_utime + usage.ru_stime
        if not memory:
            return elapsed, 0
        if gnu_time is None:  # an upper bound only (see the module's docstring)
            return elapsed, usage.ru_maxrss  # Linux reports KiB
        return elapsed, int(peak.read().split()[-1])


def time_commands(
    commands: Mapping[str, Sequence[str]],
    repeat: int,
    *,
    env: dict[str, str] | None = None,
    ok_codes: Mapping[str, Sequence[int]] | None = None,
    warmup: bool = True,
    memory: bool = False,
    cpu: bool = False,
) -> dict[str, Runs]:
    """Time several commands side by side: each repetition runs every command once, in turn.

    Interleaving spreads any drift in the machine's load (other processes, CPU
    frequency) over all the commands alike, so their ratios stay fair.
    """
    codes = ok_codes or {}
    runs = {name: Runs(Samples(), Samples()) for name in commands}
    for step in range(repeat + (1 if warmup else 0)):
        for name, argv in commands.items():
            ok = codes.get(name, (0,))
            elapsed, peak = run_once(argv, env=env, ok_codes=ok, memory=memory, cpu=cpu)
            if warmup and step == 0:
                continue
            runs[name].seconds.values.append(elapsed)
            runs[name].rss_kib.values.append(float(peak))
    return runs


def probe(
    kind: str, *args: str, repeat: int, env: dict[str, str] | None = None
) -> dict[str, Samples]:
    """Run ``benchmarks/inproc.py KIND ARGS`` in a fresh interpreter: named in-process samples."""
    argv = [sys.executable, str(HERE / "inproc.py"), kind, *args, "--repeat", str(repeat)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO, check=False)
    if done.returncode != 0:
        raise CommandFailed(f"probe {kind} failed:\n{done.stderr[-2000:]}")
    raw: dict[str, list[float]] = json.loads(done.stdout)
    return {name: Samples(values) for name, values in raw.items()}


def env_with(**extra: str) -> dict[str, str]:
    """The current environment plus ``extra`` (and no colour, no GitHub annotations)."""
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env
