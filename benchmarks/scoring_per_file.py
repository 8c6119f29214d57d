"""Scoring without the statistics, per file, in-process (issue #16, target 2).

    OPENBLAS_NUM_THREADS=1 python benchmarks/scoring_per_file.py time benchmarks/corpus/1000 200
    OPENBLAS_NUM_THREADS=1 python benchmarks/scoring_per_file.py profile benchmarks/corpus/1000 200
    python benchmarks/scoring_per_file.py dump OUT_DIR FILE.yaml ...

``time``: the CPU time (``time.process_time``) of ``assess(q, c, "mean", bootstrap=0,
sensitivity_samples=0)`` a file over the first N files of a folder, loaded once; five
passes after five warm-up files, the best and every pass printed. ``profile``: the same
under cProfile (cumulative and internal time). ``dump``: ``to_json_dict(assess(...))`` of
each file under mean/median × arithmetic/geometric, one JSON file each, to compare two
versions with ``diff -r`` (run the other with ``PYTHONPATH=OTHER/src``).
"""

from __future__ import annotations

import cProfile
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any


def _loaded(folder: str, count: int) -> list[Any]:
    from diamond.loader import LoadOptions, load_text, require_valid

    files = sorted(Path(folder).glob("*.yaml"))[:count]
    return [require_valid(load_text(f.read_text(encoding="utf-8"), str(f), f.parent,
                                    LoadOptions())) for f in files]


def _time(folder: str, count: int, profile: bool) -> None:
    from diamond.scoring.engine import assess

    loaded = _loaded(folder, count)
    for q, c in loaded[:5]:
        assess(q, c, "mean", bootstrap=0, sensitivity_samples=0)
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for q, c in loaded:
            assess(q, c, "mean", bootstrap=0, sensitivity_samples=0)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(30)
        return
    passes = []
    for _ in range(5):
        start = time.process_time()
        for q, c in loaded:
            assess(q, c, "mean", bootstrap=0, sensitivity_samples=0)
        passes.append((time.process_time() - start) / len(loaded) * 1e3)
    print(f"assess without statistics: best {min(passes):.2f} ms a file "
          f"(passes: {' '.join(f'{p:.2f}' for p in passes)})")


def _dump(out: str, files: list[str]) -> None:
    from diamond.loader import LoadOptions, load_text, require_valid
    from diamond.scoring.engine import assess
    from diamond.scoring.serialize import to_json_dict

    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    for name in files:
        path = Path(name)
        q, c = require_valid(load_text(path.read_text(encoding="utf-8"), str(path),
                                       path.parent, LoadOptions()))
        for method in ("mean", "median"):
            for aggregation in ("arithmetic", "geometric"):
                try:
                    text = json.dumps(to_json_dict(assess(
                        q, c, method, aggregation=aggregation, bootstrap=0,
                        sensitivity_samples=0, date="2026-01-01")), sort_keys=True)
                except Exception as error:  # an error is compared as text too
                    text = f"ERROR {type(error).__name__} {error}"
                (target / f"{path.stem}-{method}-{aggregation}.json").write_text(
                    text, encoding="utf-8")


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[0] == "dump":
        _dump(argv[1], argv[2:])
    elif len(argv) == 3 and argv[0] in ("time", "profile"):
        _time(argv[1], int(argv[2]), argv[0] == "profile")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
