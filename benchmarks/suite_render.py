"""Section 5: rendering's share of ``assess`` (section 6, ``portfolio``: ``suite_portfolio``)."""

from __future__ import annotations

from results import Figure
from settings import Context
from timing import REPO, Samples, env_with, probe, time_commands


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
