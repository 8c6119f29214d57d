"""Rewrite the golden reports from the current code and templates.

Run from the repository's root::

    python -m tests.golden.regenerate

Each example's folder is brought to exactly the files the renderer produces:
files are written atomically, and files it no longer produces are removed.
Review the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from diamond.io.atomic import write_atomic
from tests.golden import GOLDEN, examples, render_example

#: What the renderer writes; only folders holding nothing else are ever removed.
SUFFIXES = {".md", ".svg", ".html", ".json"}


def regenerate() -> list[str]:
    """Render every example into ``tests/golden/<stem>/``; the paths written, relative."""
    written: list[str] = []
    for path in examples():
        folder = GOLDEN / path.stem
        files = render_example(path)
        names = {f.name for f in files}
        for rendered in files:
            target = folder / rendered.name
            write_atomic(target, rendered.content)
            written.append(str(target.relative_to(GOLDEN.parent.parent)))
        for stale in sorted(folder.iterdir()):
            if stale.is_file() and stale.name not in names:
                stale.unlink()
    stems = {path.stem for path in examples()}
    for folder in sorted(GOLDEN.iterdir()):
        if folder.is_dir() and folder.name not in stems and _only_reports(folder):
            for stale in folder.iterdir():
                stale.unlink()
            folder.rmdir()
    return written


def _only_reports(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but report files (so it is safe to remove)."""
    return all(p.is_file() and p.suffix in SUFFIXES for p in folder.iterdir())


def main() -> int:
    """Regenerate and list what was written."""
    for name in regenerate():
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
