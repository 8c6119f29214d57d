"""Section 7: ``diamond import`` into a big questionnaire, against ``validate`` of the same file."""

from __future__ import annotations

from results import Figure
from settings import Context
from suite_assess import _mib
from timing import env_with, time_commands

# Each run starts from a fresh copy of the big file (an import adds to it), made
# the same way before the baseline, so the copy costs both sides alike.
_FRESH = 'cp "$1" "$2" && shift 2 && exec "$@"'


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    size = max(ctx.corpus.spec.big)
    big = str(ctx.corpus.respondents(size))
    folder = ctx.corpus.root / "import"
    folder.mkdir(parents=True, exist_ok=True)
    target = str(folder / "target.yaml")
    csv = folder / "one.csv"
    csv.write_text(
        "id,group,factor.land,factor.skilled_workforce\nbench-import-1,firm,3,4\n",
        encoding="utf-8",
    )
    print(f"  import: {size:,} respondents, {ctx.slow} repetitions", flush=True)
    fresh = ["sh", "-c", _FRESH, "fresh-copy", big, target, ctx.diamond]
    runs = time_commands(
        {
            "empty": [ctx.python, "-c", "pass"],
            "validate": [*fresh, "validate", target],
            "import": [*fresh, "import", str(csv), "--into", target],
        },
        ctx.slow,
        env=env,
        memory=True,
    )
    empty = runs["empty"].rss_kib.median
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    return [
        Figure(
            "I1",
            f"`diamond import one.csv --into respondents-{label}.yaml` (one respondent added)",
            runs["import"].seconds,
            runs["validate"].seconds,
            "`diamond validate` of the same file",
            2.0,
        ),
        Figure(
            "I2",
            "peak memory of that `import`, minus the empty interpreter's",
            _mib(runs["import"].rss_kib, empty),
            _mib(runs["validate"].rss_kib, empty),
            "that `validate`'s, minus the same",
            2.0,
            unit="MiB",
        ),
    ]
