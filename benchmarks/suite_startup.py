"""Section 3: start-up: the cost of a command that does almost nothing, and of imports."""

from __future__ import annotations

from results import Figure
from settings import Context
from timing import env_with, time_commands, tool

IMPORTS = {
    "pydantic `BaseModel`": "from pydantic import BaseModel",
    "`jinja2`": "import jinja2",
    "`rich.console`": "import rich.console",
    "`typer`": "import typer",
    "`diamond.cli.app` (what every command loads)": "import diamond.cli.app",
}

#: Start-up runs are short and noisy, so they are repeated this many times more.
FACTOR = 4


def run(ctx: Context) -> list[Figure]:
    env = env_with()
    one = str(ctx.corpus.many_files()[0])
    cjs, yamllint = tool("check-jsonschema"), tool("yamllint")
    commands: dict[str, list[str]] = {
        "pass": [ctx.python, "-c", "pass"],
        "version": [ctx.diamond, "--version"],
        "help": [ctx.diamond, "--help"],
        "one": [ctx.diamond, "validate", one],
        "assess": [ctx.diamond, "assess", one, "-o", str(ctx.corpus.root / "reports" / "one")],
    }
    if yamllint:
        commands["yamllint"] = [yamllint, "--version"]
    if cjs:
        commands["cjs"] = [cjs, "--schemafile", ctx.schema, one]
    for name, code in IMPORTS.items():
        commands[name] = [ctx.python, "-c", code]
    repeat = ctx.repeat * FACTOR
    print(f"  startup: {len(commands)} commands, {repeat} repetitions", flush=True)
    runs = time_commands(commands, repeat, env=env)
    # The same pair in CPU time (user + system, from wait4), which the load of a shared
    # machine disturbs far less than wall time.
    cpu = time_commands({k: commands[k] for k in ("one", "assess")}, repeat, env=env, cpu=True)
    bare = runs["pass"].seconds
    missing = "not installed (pip install check-jsonschema yamllint)"
    figures = [
        Figure("S1", "`python -c pass` (the interpreter alone)", bare),
        Figure(
            "S2",
            "`diamond --version` vs `yamllint --version`",
            runs["version"].seconds,
            runs["yamllint"].seconds if yamllint else None,
            "`yamllint --version`",
            1.0,
            skipped="" if yamllint else missing,
        ),
        Figure(
            "S3",
            "`diamond validate one.yaml` vs `check-jsonschema --schemafile …`",
            runs["one"].seconds,
            runs["cjs"].seconds if cjs else None,
            "`check-jsonschema` on one.yaml",
            1.0,
            strict=True,
            skipped="" if cjs else missing,
        ),
        Figure("S4", "reference: `diamond --help`", runs["help"].seconds, bare, "S1"),
        Figure(
            "S10",
            "`diamond assess one.yaml -o DIR` (statistics at their defaults) vs "
            "`diamond validate one.yaml`",
            runs["assess"].seconds,
            runs["one"].seconds,
            "`diamond validate one.yaml`",
            1.5,
        ),
        Figure(
            "S10c",
            "the same in CPU time (user + system)",
            cpu["assess"].seconds,
            cpu["one"].seconds,
            "`diamond validate one.yaml`, CPU time",
            1.5,
        ),
    ]
    for number, name in enumerate(IMPORTS, start=5):
        figures.append(
            Figure(
                f"S{number}",
                f"reference: `python -c` importing {name}",
                runs[name].seconds,
                bare,
                "S1",
            )
        )
    return figures
