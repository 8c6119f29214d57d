"""Section 5: rendering's share of ``assess``; section 6: ``portfolio`` (if it exists)."""

from __future__ import annotations

import shutil
import subprocess

from results import Figure
from settings import Context
from timing import REPO, Samples, env_with, probe, time_commands

#: How many corpus files ``diamond portfolio`` gets (each is scored and rendered).
PORTFOLIO_FILES = 100


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    files = [*sorted((REPO / "assessments").glob("*.yaml")), ctx.corpus.swot]
    print(f"  render: {len(files)} files, {ctx.repeat} cold runs each", flush=True)
    out = ctx.corpus.root / "reports"
    figures: list[Figure] = []
    for number, path in enumerate(files, start=1):
        whole, part = Samples(), Samples()
        for _ in range(ctx.repeat):  # one fresh interpreter per run: a cold run, as in the CLI
            got = probe("render", str(path), repeat=1, env=env)
            whole.values += got["whole"].values
            part.values += got["render"].values
        command = [ctx.diamond, "assess", str(path), "-o", str(out / path.stem)]
        runs = time_commands({"assess": command}, ctx.repeat, env=env)
        name = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        figures += [
            Figure(
                f"R{number}a",
                f"render md+html+json, share of load+score+render: `{name}`",
                part,
                whole,
                "the whole load+score+render",
                0.1,
                strict=True,
            ),
            Figure(
                f"R{number}b",
                "reference: the same render time, share of the whole "
                f"`diamond assess {path.name} -o DIR` command",
                part,
                runs["assess"].seconds,
                "`diamond assess -o DIR`",
            ),
        ]
    return figures


def portfolio(ctx: Context) -> list[Figure]:
    """Measured only once ``diamond --help`` lists a ``portfolio`` command."""
    env = env_with()
    shown = subprocess.run(
        [ctx.diamond, "--help"], capture_output=True, text=True, env=env, check=False
    ).stdout
    if not any(line.strip().startswith("portfolio ") for line in shown.splitlines()):
        reason = "`diamond --help` lists no `portfolio` command"
        return [Figure("P1", "`diamond portfolio`", None, skipped=reason)]
    files = ctx.corpus.many_files()[:PORTFOLIO_FILES]
    folder = ctx.corpus.root / f"portfolio-{len(files)}"
    if len(list(folder.glob("*.yaml"))) != len(files):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
    out = ctx.corpus.root / "reports" / "portfolio"
    print(f"  portfolio: {len(files)} files, {ctx.slow} repetitions", flush=True)
    runs = time_commands(
        {
            "validate": [ctx.diamond, "validate", str(folder)],
            "portfolio": [ctx.diamond, "portfolio", str(folder), "-o", str(out)],
        },
        ctx.slow,
        env=env,
    )
    return [
        Figure(
            "P1",
            f"reference: `diamond portfolio` of {len(files)} files (default jobs), "
            "cluster reports included",
            runs["portfolio"].seconds,
            runs["validate"].seconds,
            "`diamond validate` of the same folder (default jobs)",
        )
    ]
