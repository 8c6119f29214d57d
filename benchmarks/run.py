"""Run the benchmark suite: ``python benchmarks/run.py [--quick] [--repeat N] [--only NAME]``.

Generates the corpus (deterministic, from a seed) into ``benchmarks/corpus/``,
measures every figure beside its baseline, prints the table and writes it to
``benchmarks/RESULTS.md`` (a full run) or ``benchmarks/corpus/RESULTS-partial.md``
(``--quick`` or ``--only``). What each figure means: ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

import corpus as corpora
import suite_assess
import suite_import
import suite_map
import suite_portfolio
import suite_render
import suite_startup
import suite_stats
import suite_survey
import suite_validate
from machine import describe, load_average
from results import Figure, table, verdicts
from settings import BIG_FILE_BYTES, Context
from timing import HERE

SECTIONS: dict[str, Callable[[Context], list[Figure]]] = {
    "validate": suite_validate.run,
    "startup": suite_startup.run,
    "assess": suite_assess.run,
    "scaling": suite_assess.scaling,
    "render": suite_render.run,
    "portfolio": suite_portfolio.run,
    "import": suite_import.run,
    "stats": suite_stats.run,
    "survey-import": suite_survey.run_import,
    "survey-assess": suite_survey.run_assess,
    "map": suite_map.run,
}


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="smoke run (~1 minute): small corpus, one repetition"
    )
    parser.add_argument("--repeat", type=int, help="repetitions per figure (default 5; quick 1)")
    parser.add_argument(
        "--slow-repeat",
        type=int,
        help="repetitions of the slowest figures (default min(repeat, 3))",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(SECTIONS),
        metavar="NAME",
        help=f"run only this section (repeatable): {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--reference-files",
        type=int,
        help="files given to check-jsonschema and yamllint, which take ~0.3 s "
        "per file (default 100; quick 10; 0 = all)",
    )
    parser.add_argument(
        "--portfolio-files",
        type=int,
        action="append",
        metavar="N",
        help="a portfolio folder size (repeatable; default 1000 and 8100; quick: 100)",
    )
    parser.add_argument("--seed", type=int, default=corpora.SEED, help="corpus seed")
    parser.add_argument("--output", type=Path, help="where to write the results table")
    return parser.parse_args()


def main() -> None:
    args = _args()
    started = time.perf_counter()
    start_load = load_average()
    spec = replace(corpora.QUICK if args.quick else corpora.Spec(), seed=args.seed)
    corpus = corpora.ensure(spec)
    _compile_sources()
    repeat = args.repeat or (1 if args.quick else 5)
    reference = (
        args.reference_files if args.reference_files is not None else (10 if args.quick else 100)
    )
    ctx = Context(
        corpus=corpus,
        repeat=repeat,
        slow=args.slow_repeat or min(repeat, 3),
        reference_files=reference or spec.files,
        portfolio_files=tuple(args.portfolio_files or ()),
    )
    chosen = args.only or list(SECTIONS)
    figures: list[Figure] = []
    for name in SECTIONS:
        if name not in chosen:
            continue
        print(f"[{name}]", flush=True)
        try:
            figures += SECTIONS[name](ctx)
        except Exception as error:  # one broken section must not lose the others' figures
            traceback.print_exc()
            first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            figures.append(Figure(name, f"section `{name}`", None, skipped=f"failed: {first}"))
    minutes = (time.perf_counter() - started) / 60
    text = _document(figures, ctx, args, minutes, start_load)
    partial = args.quick or bool(args.only)
    output = args.output or (
        HERE / "corpus" / "RESULTS-partial.md" if partial else HERE / "RESULTS.md"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {output}")


def _compile_sources() -> None:
    """Byte-compile ``src/`` as installing a wheel does.

    An editable install has no ``.pyc`` files until a run writes them, and none is
    ever written under ``PYTHONDONTWRITEBYTECODE``: every command would then compile
    each of diamond's modules from source, which costs a command that imports more
    of them (``assess``) more than its baseline (``validate``).
    """
    import compileall

    compileall.compile_dir(str(HERE.parent / "src"), quiet=1)


def _document(
    figures: list[Figure], ctx: Context, args: argparse.Namespace, minutes: float, load: str
) -> str:
    spec = asdict(ctx.corpus.spec)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = "\n".join(f"| {name} | {value} |" for name, value in describe())
    kind = "quick smoke run" if args.quick else "run"
    return f"""# Benchmark results

A {kind} of `python benchmarks/run.py` on {when}, taking {minutes:.1f} minutes.
What each figure means and how the targets were chosen: [docs/benchmarks.md](../docs/benchmarks.md).
Timings vary from run to run and machine to machine; the ratios are the point, since
each figure and its baseline were measured side by side, interleaved, in the same run.

## Machine

| | |
|---|---|
{machine}
| load average (1/5/15 min) at start | {load} |
| load average (1/5/15 min) at end | {load_average()} |

## Figures

Ratio = measured median / baseline median. Times are wall-clock; memory is peak RSS.
Repetitions: {ctx.repeat} (slowest figures {ctx.slow}; start-up
{ctx.repeat * suite_startup.FACTOR}).

{table(figures)}
## Targets

{verdicts(figures)}
## Corpus

Seed {spec["seed"]}: {spec["files"]:,} questionnaires of {spec["respondents"]} respondents ×
31 indicators with {spec["swot_items"]} SWOT items each; files of
{", ".join(f"{n:,}" for n in sorted({*spec["big"], *spec["scaling"]}))} respondents; one of
{spec["many_swot"]} SWOT items. The 100,000-respondent file is over `diamond`'s 64 MiB
size limit, so the scaling figures run with `DIAMOND_MAX_BYTES={BIG_FILE_BYTES}`.
check-jsonschema and yamllint check the first {ctx.reference_files:,} files only.
"""


if __name__ == "__main__":
    main()
