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
    import gc

    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    from diamond.cli.app import app

    gc.freeze()
    app()


#: The cyclic garbage collector's first threshold for a command (CPython's default: 700).
#: Garbage is still collected, in fewer passes: the modules every command loads live until
#: the process ends, and ``gc.freeze`` then moves them out of the collector's sight, so
#: collections run over what the command builds. ``diamond assess`` of a 40-respondent
#: file ran about 140 collections (30–70 ms) and now runs about ten. Memory is unchanged:
#: reference counting frees all but cyclic garbage at once.
GC_THRESHOLD = 10_000


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
