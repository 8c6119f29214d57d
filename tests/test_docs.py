"""Documentation that cannot rot: commands, options and the committed schemas."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import typer.main

from diamond.cli.app import app
from diamond.schema import KINDS, schema_text
from tests.conftest import ROOT


def _documentation() -> str:
    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    docs = ROOT / "docs"
    if docs.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))]
    return "\n".join(texts)


def _commands() -> list[tuple[str, Any]]:
    group: Any = typer.main.get_command(app)
    return sorted(group.commands.items())


def test_every_command_is_documented() -> None:
    docs = _documentation()
    for name, _ in _commands():
        assert re.search(rf"diamond {name}\b", docs), (
            f"'diamond {name}' is not in the README or docs/"
        )


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_option_is_documented(name: str) -> None:
    docs = _documentation()
    command = dict(_commands())[name]
    for param in command.params:
        if param.param_type_name != "option":
            continue
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in docs, f"option {opt} of 'diamond {name}' is not documented"


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_matches_the_models(kind: str) -> None:
    # Compared as JSON values: pydantic releases differ in how they print a number
    # (``0`` or ``0.0``), which is no drift in what the schema says.
    committed = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(committed) == json.loads(schema_text(kind)), (
        f"schema/{kind}.schema.json drifted from the models; regenerate it with "
        f"'diamond schema --kind {kind} > schema/{kind}.schema.json'"
    )


def test_shipped_examples_satisfy_the_committed_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((ROOT / "schema" / "questionnaire.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((ROOT / "assessments").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert not errors, f"{path.name}: {errors[0].message}"
    bad = {
        "diamond": 1,
        "sector": {"name": "x", "region": "y", "period": "z"},
        "respondents": [{"id": "a", "answerz": {}}],
    }
    assert list(validator.iter_errors(bad)), "the schema must reject unknown keys"


def test_root_options_are_documented() -> None:
    docs = _documentation()
    group: Any = typer.main.get_command(app)
    for param in group.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in docs, f"option {opt} of 'diamond' is not documented"


def test_exit_codes_are_documented() -> None:
    docs = _documentation()
    from diamond.cli import exit_codes
    from diamond.cli.commands import MEANINGS

    defined = {v for k, v in vars(exit_codes).items() if k.isupper() and isinstance(v, int)}
    assert defined == set(MEANINGS), "every exit code needs its meaning in cli/commands.py"
    for code in MEANINGS:
        assert re.search(rf"\|\s*`?{code}`?\s*\|", docs), (
            f"exit code {code} missing from the README table"
        )
