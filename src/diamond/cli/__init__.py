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
    _one_blas_thread()
    from diamond.cli.app import app

    app()


def _one_blas_thread() -> None:
    """Let numpy's BLAS use one thread, unless the user chose otherwise.

    diamond's matrices are small (bootstrap blocks of 200 × respondents): OpenBLAS's
    threads cost more than they save there, about 7× on a 200 × 40 by 40 × 155 product,
    and a portfolio's worker processes already use every core. Read when numpy loads,
    so it is set here, before any command imports it.
    """
    import os

    for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(name, "1")
