"""Coverage-guided fuzzing of the loading pipeline with atheris (libFuzzer for Python).

Arbitrary bytes go through what ``diamond validate`` does to a file's content:
``documents.decode`` -> ``yamlsource.read_yaml`` -> ``loader.load_text`` (and
``frameworks.load_framework_text`` when the text looks like a framework file).

The tool's own, expected refusals are ``TextProblem`` (bad bytes), ``YamlProblem``
(unreadable YAML, a limit hit) and ``DiamondError`` subclasses. Anything else is a
crash, and so is a diagnostic whose position lies outside the file.

Run (``pip install atheris`` first; Linux/macOS, CPython with a matching wheel)::

    python tests/fuzz/atheris_loader.py -max_total_time=300 tests/fuzz/corpus

libFuzzer writes a crashing input to ``crash-<sha1>`` in the current folder (or
under ``-artifact_prefix=DIR/``). Turn it into a regression test by copying it to
``tests/fuzz/regressions/<name>.yaml``: ``tests/fuzz/test_regressions.py`` loads every
file there. New inputs that reach new code are added to the corpus folder; keep only
the seed files under version control.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["diamond"]):
    from diamond.documents import TextProblem, decode
    from diamond.errors import Diagnostic, DiamondError
    from diamond.frameworks import load_framework_text
    from diamond.limits import Limits
    from diamond.loader import LoadOptions, load_text
    from diamond.validation import looks_like_framework
    from diamond.yamlsource import YamlProblem, read_yaml

LABEL = "fuzz.yaml"
# Small limits keep each run fast while still exercising every limit's code path.
LIMITS = Limits(max_bytes=1 << 20, max_depth=64, max_nodes=200_000)
OPTIONS = LoadOptions(limits=LIMITS)
BASE = Path(tempfile.mkdtemp(prefix="diamond-fuzz-"))


def _check_positions(diagnostics: list[Diagnostic], text: str | None) -> None:
    """Every diagnostic about this file points at a line and column inside it.

    YAML breaks lines at CR, LF, CRLF, NEL, LS and PS; ``str.splitlines`` counts all of
    those (and a few more), so it bounds the line numbers libyaml reports.
    """
    lines = len(text.splitlines()) if text is not None else None
    for d in diagnostics:
        if d.path != LABEL:
            continue  # a framework file named by the questionnaire
        if d.line < 1 or d.column < 1 or (lines is not None and d.line > lines + 1):
            raise AssertionError(f"diagnostic outside the file ({lines} lines): {d}")


def test_one_input(data: bytes) -> None:
    """One fuzz iteration; raises on anything but the tool's expected refusals."""
    try:
        text = decode(data, LABEL)
    except TextProblem as problem:
        _check_positions([problem.diagnostic], None)
        return
    try:
        read_yaml(text, LABEL, limits=LIMITS, with_marks=True)
    except YamlProblem as problem:
        _check_positions([problem.diagnostic], text)
    if looks_like_framework(text):
        with contextlib.suppress(DiamondError):
            load_framework_text(text, LABEL, LIMITS)
        return
    try:
        loaded = load_text(text, LABEL, BASE, OPTIONS)
    except DiamondError:
        return
    _check_positions(loaded.diagnostics, text)


def main() -> None:
    """Hand the command line to libFuzzer and start fuzzing."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
