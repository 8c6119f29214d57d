"""Section 5: rendering's share of ``assess`` (section 6, ``portfolio``: ``suite_portfolio``),
and the time per report of a portfolio's cluster reports."""

from __future__ import annotations

import json
import subprocess
import tempfile

from results import Figure
from settings import Context
from timing import REPO, CommandFailed, Samples, env_with, probe, time_commands

#: How many corpus files the per-report figure renders in each pass.
PER_REPORT_FILES = 20

# One warm ``ReportRenderer`` per way of rendering, as a portfolio worker keeps one: the
# built-in templates (plain environment, precompiled modules) and the same templates in
# the sandbox (an empty ``--templates`` folder: every template falls back to the
# built-in one, so the reports are the same bytes). Passes alternate; seconds per report.
_PER_REPORT = """
import json, sys, time
from pathlib import Path
from diamond.loader import load_questionnaire, require_valid
from diamond.render.report import RenderOptions, ReportRenderer
from diamond.scoring import assess
files, empty, repeat = sys.argv[1:-2], Path(sys.argv[-2]), int(sys.argv[-1])
done = []
for f in files:
    q, c = require_valid(load_questionnaire(f))
    done.append(assess(q, c, "mean", sensitivity_samples=0))
ways = {"trusted": ReportRenderer(), "sandbox": ReportRenderer(RenderOptions(empty))}
out = {name: [] for name in ways}
for name, r in ways.items():  # warm-up, and the two must agree byte for byte
    first = [r.render(a, ("md", "html"), stem=f"c{k}") for k, a in enumerate(done)]
    out.setdefault("check", []).append(first)
assert out.pop("check")[0] == [ways["sandbox"].render(a, ("md", "html"), stem=f"c{k}")
                               for k, a in enumerate(done)]
for _ in range(repeat):
    for name, r in ways.items():
        start = time.perf_counter()
        for k, a in enumerate(done):
            r.render(a, ("md", "html"), stem=f"c{k}")
        out[name].append((time.perf_counter() - start) / len(done))
print(json.dumps(out))
"""


def per_report(ctx: Context, env: dict[str, str]) -> Figure:
    """R6: a cluster report's render time (md + html), warm, plain against the sandbox."""
    files = [str(p) for p in ctx.corpus.many_files()[:PER_REPORT_FILES]]
    with tempfile.TemporaryDirectory() as empty:
        argv = [ctx.python, "-c", _PER_REPORT, *files, empty, str(max(3, ctx.repeat))]
        done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO,
                              check=False)
    if done.returncode != 0:
        raise CommandFailed(f"per-report render failed:\n{done.stderr[-2000:]}")
    got = json.loads(done.stdout)
    return Figure(
        "R6",
        f"reference: a cluster report's md + html, warm `ReportRenderer` (built-in "
        f"templates, precompiled, plain environment), per report over {len(files)} corpus "
        "files",
        Samples(got["trusted"]),
        Samples(got["sandbox"]),
        "the same templates in the sandbox (an empty `--templates` folder)",
    )


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
    figures.append(per_report(ctx, env))
    return figures
