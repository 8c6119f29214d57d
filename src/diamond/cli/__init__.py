"""The command-line layer: parses arguments and calls the core. Nothing else lives here."""

from __future__ import annotations


def main() -> None:
    """Entry point of the ``diamond`` command."""
    from diamond.cli.app import app

    app()
