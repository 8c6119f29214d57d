"""The floor: load YAML files with PyYAML and nothing else, as a whole command.

``python benchmarks/floor.py [--loader c|py] PATH...`` loads every file (folders:
their ``*.yaml`` files, sorted) with ``yaml.load(f, Loader=yaml.CSafeLoader)``
(``c``, libyaml) or the pure-Python ``yaml.SafeLoader`` (``py``), and discards
the result. Timed like ``diamond validate``, it is what reading alone costs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml


def files(paths: list[str]) -> list[Path]:
    """Files as given; folders as their sorted ``*.yaml`` files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loader", choices=("c", "py"), default="c")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    loader = yaml.CSafeLoader if args.loader == "c" else yaml.SafeLoader
    for path in files(args.paths):
        with path.open("rb") as handle:
            yaml.load(handle, Loader=loader)


if __name__ == "__main__":
    main()
