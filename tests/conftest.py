"""Shared fixtures: paths to the repository's folders and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
ASSESSMENTS = ROOT / "assessments"
EXAMPLES = Path(__file__).resolve().parent / "examples"


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English, whatever the machine's locale; a test that wants
    Turkish says so (``DIAMOND_LANG=tr``, ``--lang tr`` or ``i18n.activate("tr")``)."""
    from diamond import i18n

    monkeypatch.setenv("DIAMOND_LANG", "en")
    i18n.activate("en")


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner with stderr kept apart from stdout.

    Click 8.2 always keeps them apart and dropped ``mix_stderr``; older releases
    (still allowed by the lowest typer we support) need it said.
    """
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def app():  # type: ignore[no-untyped-def]
    """The typer application."""
    from diamond.cli.app import app as typer_app

    return typer_app
