"""Section 2: ``diamond validate`` on many files, against a PyYAML floor and other tools."""

from __future__ import annotations

from results import Figure
from settings import Context
from timing import env_with, probe, time_commands, tool


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    folder = str(ctx.corpus.many)
    count = len(ctx.corpus.many_files())
    print(f"  validate: {count} files, {ctx.repeat} repetitions", flush=True)
    main = time_commands(
        {
            "floor": ctx.floor(folder),
            "j1": [ctx.diamond, "validate", folder, "-j", "1"],
            "j2": [ctx.diamond, "validate", folder, "-j", "2"],
        },
        ctx.repeat,
        env=env,
    )
    floor = main["floor"].seconds
    n = f"{count:,} files"
    figures = [
        Figure("V1", f"floor: PyYAML `CSafeLoader` load of {n}, one process", floor),
        Figure("V2", f"`diamond validate` {n} `-j 1`", main["j1"].seconds, floor, "floor V1", 1.0),
        Figure(
            "V3",
            f"`diamond validate` {n} `-j 2` (2 worker processes)",
            main["j2"].seconds,
            floor,
            "floor V1",
            0.6,
        ),
    ]
    figures += _tools(ctx, env)
    print(f"  validate: validate_paths in-process, {ctx.repeat} repetitions", flush=True)
    inproc = probe("validate", folder, repeat=ctx.repeat, env=env)
    figures += [
        Figure(
            "V7",
            f"in-process `validate_paths` of {n}, jobs=1, gc on",
            inproc["gc"],
            inproc["floor"],
            "in-process CSafeLoader load",
        ),
        Figure(
            "V8",
            "in-process `validate_paths`, gc paused (`gc.disable()`)",
            inproc["nogc"],
            inproc["gc"],
            "V7 (gc on)",
        ),
    ]
    return figures


def _tools(ctx: Context, env: dict[str, str]) -> list[Figure]:
    files = ctx.reference()
    subset = f"{len(files):,} files"
    cjs, yamllint = tool("check-jsonschema"), tool("yamllint")
    commands: dict[str, list[str]] = {
        "diamond": [ctx.diamond, "validate", "-j", "1", *files],
        "c": ctx.floor(*files),
        "py": ctx.floor(*files, loader="py"),
    }
    if cjs:
        commands["cjs"] = [cjs, "--schemafile", ctx.schema, *files]
    if yamllint:
        commands["yamllint"] = [yamllint, "-f", "parsable", *files]
    print(
        f"  validate: check-jsonschema, yamllint, SafeLoader on {subset}, {ctx.slow} repetitions",
        flush=True,
    )
    runs = time_commands(commands, ctx.slow, env=env, ok_codes={"yamllint": (0, 1)}, warmup=False)
    mine = runs["diamond"].seconds
    missing = "not installed (pip install check-jsonschema yamllint)"
    return [
        Figure(
            "V4",
            f"reference: pure-Python `yaml.SafeLoader` load of {subset}",
            runs["py"].seconds,
            runs["c"].seconds,
            "`CSafeLoader` load of the same files",
        ),
        Figure(
            "V5",
            f"`diamond validate -j 1` vs `check-jsonschema` on {subset}",
            mine,
            runs["cjs"].seconds if cjs else None,
            "check-jsonschema",
            0.1,
            target_note="(diamond ≥ 10× faster)",
            skipped="" if cjs else missing,
        ),
        Figure(
            "V6",
            f"reference: `yamllint` on {subset}",
            runs["yamllint"].seconds if yamllint else None,
            mine,
            "`diamond validate -j 1`, same files",
            skipped="" if yamllint else missing,
        ),
    ]
