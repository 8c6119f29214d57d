"""Section 2: ``diamond validate`` on many files, against libyaml's event stream and other tools."""

from __future__ import annotations

from results import Figure
from settings import Context
from timing import env_with, probe, time_commands, tool

#: Native parsers on PyPI with Python bindings, for reference (``floor.py``).
NATIVE = {
    "ryml": "rapidyaml (C++) parse alone, into its own tree, no Python objects",
    "yaml_rs": "`yaml_rs.loads` (Rust), the Python data built",
    "fast_yaml": "`fast_yaml.safe_load` (Rust, package fastyaml-rs), the Python data built",
}


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    folder = str(ctx.corpus.many)
    count = len(ctx.corpus.many_files())
    natives = [name for name in NATIVE if ctx.has_reader(name)]
    print(f"  validate: {count} files, {ctx.repeat} repetitions", flush=True)
    commands = {
        "floor": ctx.floor(folder),
        "events": ctx.floor(folder, loader="events"),
        "j1": [ctx.diamond, "validate", folder, "-j", "1"],
        "j2": [ctx.diamond, "validate", folder, "-j", "2"],
    }
    commands.update({name: ctx.floor(folder, loader=name) for name in natives})
    main = time_commands(commands, ctx.repeat, env=env)
    floor = main["floor"].seconds
    events = main["events"].seconds
    j1 = main["j1"].seconds
    n = f"{count:,} files"
    figures = [
        Figure(
            "V1",
            f"floor: libyaml's bare event stream (`yaml.parse`, `CSafeLoader`) of {n}, "
            "one process",
            events,
        ),
        Figure(
            "V1c",
            f"reference: PyYAML `yaml.load(CSafeLoader)` of {n} (events, node graph and "
            "Python constructor), one process",
            floor,
            events,
            "floor V1",
        ),
    ]
    for name in NATIVE:
        figures.append(
            Figure(
                f"V1{name[0]}",
                f"reference: {NATIVE[name]}, {n}",
                main[name].seconds if name in natives else None,
                events if name in natives else None,
                "floor V1",
                skipped="" if name in natives else f"`{name}` not installed (see floor.py)",
            )
        )
    figures += [
        Figure("V2", f"`diamond validate` {n} `-j 1`", j1, floor, "`CSafeLoader` V1c", 0.35),
        Figure("V2e", f"`diamond validate` {n} `-j 1`", j1, events, "floor V1", 1.5),
        Figure(
            "V3",
            f"`diamond validate` {n} `-j 2` (2 worker processes)",
            main["j2"].seconds,
            floor,
            "`CSafeLoader` V1c",
            0.6,
        ),
    ]
    print(f"  validate: CPU time, {ctx.repeat} repetitions", flush=True)
    used = time_commands(
        {key: commands[key] for key in ("floor", "events", "j1")}, ctx.repeat, env=env, cpu=True
    )
    figures += [
        Figure(
            "V2c",
            f"CPU time (user + system) of `diamond validate` {n} `-j 1`",
            used["j1"].seconds,
            used["floor"].seconds,
            "CPU time of V1c",
            0.35,
        ),
        Figure(
            "V2ec",
            f"CPU time (user + system) of `diamond validate` {n} `-j 1`",
            used["j1"].seconds,
            used["events"].seconds,
            "CPU time of V1",
            1.5,
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
            "V7e",
            f"in-process `validate_paths` of {n}, jobs=1, gc on",
            inproc["gc"],
            inproc["events"],
            "in-process libyaml event stream",
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
