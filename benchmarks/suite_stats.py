"""Section "stats": what the bootstrap and the Sobol analysis add to ``assess``.

Issue 11's budget: at most 1 s added to scoring a 300-respondent questionnaire; the
10,000-respondent ``assess`` keeps its own target (figure A1, section ``assess``).
"""

from __future__ import annotations

from corpus import _write
from results import Figure
from settings import Context
from timing import Samples, env_with, probe

RESPONDENTS = 300


def run(ctx: Context) -> list[Figure]:
    path = ctx.corpus.root / f"stats-{RESPONDENTS}.yaml"
    if not path.exists():
        _write(path, ctx.corpus.spec.seed + RESPONDENTS, RESPONDENTS,
               ctx.corpus.spec.swot_items)
    print(f"  stats: {RESPONDENTS} respondents, {ctx.repeat} repetitions", flush=True)
    # One BLAS thread, as the ``diamond`` command sets before numpy loads
    # (``diamond.cli._one_blas_thread``); the library alone would use every core's thread
    # on these small products, which costs several times more on a shared machine.
    got = probe("stats", str(path), repeat=ctx.repeat,
                env=env_with(OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
                             OMP_NUM_THREADS="1"))
    return [
        Figure(
            "S1",
            f"scoring {RESPONDENTS} respondents with the default bootstrap (1,000) and "
            "Sobol analysis (1,024 samples), in-process",
            got["with"], got["without"], "the same with `--bootstrap 0 --sensitivity 0`",
            1.5,  # issue 16, target 3
        ),
        Figure(
            "S2",
            f"time the bootstrap and the Sobol analysis add at {RESPONDENTS} respondents",
            got["added"], Samples([1.0]), "the 1 s budget", 1.0,
        ),
    ]
