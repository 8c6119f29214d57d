"""The command-line layer: parses arguments and calls the core. Nothing else lives here."""

from __future__ import annotations


def main() -> None:
    """Entry point of the ``diamond`` command."""
    import sys

    if sys.argv[1:] == ["--version"]:
        # Answered before typer, click and the command modules load (about 65 ms).
        from diamond import __version__

        sys.stdout.write(f"diamond {__version__}\n")
        return
    from diamond.cli.app import app

    app()
