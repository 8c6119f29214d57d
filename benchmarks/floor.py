"""The floors: read YAML files and nothing else, as a whole command.

``python benchmarks/floor.py [--loader NAME] PATH...`` reads every file (folders:
their ``*.yaml`` files, sorted) with one reader and discards the result. Timed
like ``diamond validate``, it is what reading alone costs. Readers:

- ``events``: libyaml's bare event stream, ``yaml.parse(f, Loader=yaml.CSafeLoader)``
  consumed to the end: the events ``diamond`` builds its data from, and nothing else.
  This is the floor of ``diamond``'s own reader.
- ``c``: ``yaml.load(f, Loader=yaml.CSafeLoader)``: libyaml's events, PyYAML's node
  graph and its Python constructor (the reference of the first round).
- ``py``: the same with the pure-Python ``yaml.SafeLoader``.
- ``ryml``: rapidyaml's parse alone (``ryml.parse_in_arena``), into its own tree;
  no Python objects are made (package ``rapidyaml``).
- ``yaml_rs``: ``yaml_rs.loads``, a Rust parser that builds the Python data
  (package ``yaml-rs``).
- ``fast_yaml``: ``fast_yaml.safe_load``, another Rust parser that builds the data
  (package ``fastyaml-rs``).

The native readers are for reference only, never a dependency of ``diamond``;
``--check NAME`` exits 0 when the reader can be imported here, 1 when it cannot.
"""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Callable
from pathlib import Path

#: Reader name -> the module it needs (for ``--check``).
NEEDS = {
    "events": "yaml",
    "c": "yaml",
    "py": "yaml",
    "ryml": "ryml",
    "yaml_rs": "yaml_rs",
    "fast_yaml": "fast_yaml",
}


def files(paths: list[str]) -> list[Path]:
    """Files as given; folders as their sorted ``*.yaml`` files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    return found


def available(name: str) -> bool:
    """Whether the reader ``name`` can be imported in this environment."""
    return importlib.util.find_spec(NEEDS[name]) is not None


def reader(name: str) -> Callable[[bytes], object]:
    """A function that reads one file's bytes with the reader ``name``."""
    if name in ("events", "c", "py"):
        import yaml

        if name == "events":

            def events(data: bytes) -> None:
                for _ in yaml.parse(data, Loader=yaml.CSafeLoader):
                    pass

            return events
        loader = yaml.CSafeLoader if name == "c" else yaml.SafeLoader
        return lambda data: yaml.load(data, Loader=loader)
    if name == "ryml":
        import ryml

        return lambda data: ryml.parse_in_arena(data)
    if name == "yaml_rs":
        import yaml_rs

        return lambda data: yaml_rs.loads(data.decode("utf-8"), parse_datetime=False)
    import fast_yaml

    return lambda data: fast_yaml.safe_load(data.decode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loader", choices=sorted(NEEDS), default="c")
    parser.add_argument("--check", action="store_true", help="only say if --loader imports")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.check:
        raise SystemExit(0 if available(args.loader) else 1)
    read = reader(args.loader)
    for path in files(args.paths):
        read(path.read_bytes())


if __name__ == "__main__":
    main()
