"""In-process measurements, each run in a fresh interpreter by ``timing.probe``.

``python benchmarks/inproc.py KIND ARGS --repeat N`` prints a JSON object of
named lists of seconds. A fresh interpreter per probe keeps one figure's heap
(and so its garbage collector's work) out of the next figure.

Kinds:

- ``validate DIR``: ``validate_paths([DIR], jobs=1)`` with the collector on
  (``gc``) and paused with ``gc.disable()`` around the call (``nogc``), the
  same files loaded with ``yaml.CSafeLoader`` (``floor``) and libyaml's bare event
  stream of them (``events``); interleaved.
- ``score FILE``: ``diamond.scoring.assess`` on the already loaded model.
- ``stats FILE``: ``diamond.scoring.assess`` with the default bootstrap and sensitivity
  analysis (``with``) and with both off (``without``), interleaved, on the loaded model.
- ``render FILE``: one cold load + score + render (md, html, json) as
  ``diamond assess`` does it: ``whole`` and its ``render`` part.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _load_all(files: list[Path]) -> None:
    for path in files:
        with path.open("rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)


def _events_all(files: list[Path]) -> None:
    for path in files:
        for _ in yaml.parse(path.read_bytes(), Loader=yaml.CSafeLoader):
            pass


def validate(folder: str, repeat: int) -> dict[str, list[float]]:
    from diamond.loader import LoadOptions
    from diamond.validation import validate_paths

    options = LoadOptions()
    files = sorted(Path(folder).rglob("*.yaml"))

    def run() -> None:
        report = validate_paths([folder], options, jobs=1)
        assert report.valid, "the benchmark corpus must be valid"

    def paused() -> None:
        gc.disable()
        try:
            run()
        finally:
            gc.enable()

    run()  # warm-up: imports, the built-in framework's cache
    out: dict[str, list[float]] = {"floor": [], "events": [], "gc": [], "nogc": []}
    for _ in range(repeat):
        for name, action in (
            ("floor", lambda: _load_all(files)),
            ("events", lambda: _events_all(files)),
            ("gc", run),
            ("nogc", paused),
        ):
            gc.collect()
            out[name].append(_seconds(action))
    return out


def score(file: str, repeat: int) -> dict[str, list[float]]:
    from diamond.limits import Limits
    from diamond.loader import LoadOptions, load_questionnaire, require_valid
    from diamond.scoring import assess

    questionnaire, catalogue = require_valid(
        load_questionnaire(file, LoadOptions(limits=Limits.from_env()))
    )
    few = questionnaire.model_copy(update={"respondents": questionnaire.respondents[:10]})
    assess(few, catalogue)  # warm-up (lazy imports, caches) at a tiny cost
    samples: list[float] = []
    for _ in range(repeat):
        gc.collect()
        samples.append(_seconds(lambda: assess(questionnaire, catalogue)))
    return {"score": samples}


def _read_all(assessment: Any) -> None:
    """Read every interval the statistics of ``assessment`` make only when read."""
    s = assessment.statistics
    if s is not None:
        len(s.indicators)
        for group in s.groups.values():
            len(group)


def stats(file: str, repeat: int) -> dict[str, list[float]]:
    from diamond.loader import LoadOptions, load_questionnaire, require_valid
    from diamond.scoring import assess
    from diamond.stats import bootstrap

    # the resampling counts a call keeps for the next one with the same sizes (a
    # portfolio's files) are dropped before each timed call: one ``assess`` draws its own
    forget = getattr(bootstrap, "forget", lambda: None)
    questionnaire, catalogue = require_valid(load_questionnaire(file, LoadOptions()))
    assess(questionnaire, catalogue)  # warm-up: numpy's import and first calls
    out: dict[str, list[float]] = {"with": [], "without": [], "added": []}
    for _ in range(repeat):
        forget()
        gc.collect()
        # the intervals made when first read (``diamond.stats.later``) read at once, as
        # ``diamond assess``'s JSON report reads them: timed with the call
        on = _seconds(lambda: _read_all(assess(questionnaire, catalogue)))
        gc.collect()
        off = _seconds(lambda: assess(questionnaire, catalogue, bootstrap=0,
                                      sensitivity_samples=0))
        out["with"].append(on)
        out["without"].append(off)
        out["added"].append(on - off)
    return out


def render(file: str, repeat: int) -> dict[str, list[float]]:
    # The imports ``diamond assess`` does before it starts working.
    from diamond.loader import load_questionnaire, require_valid
    from diamond.render.report import render_reports
    from diamond.scoring import assess

    whole: list[float] = []
    part: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        questionnaire, catalogue = require_valid(load_questionnaire(file))
        assessment = assess(questionnaire, catalogue)
        middle = time.perf_counter()
        render_reports(assessment, ["md", "html", "json"], stem=Path(file).stem)
        end = time.perf_counter()
        whole.append(end - start)
        part.append(end - middle)
    return {"whole": whole, "render": part}


KINDS: dict[str, Callable[[str, int], dict[str, list[float]]]] = {
    "validate": validate,
    "score": score,
    "render": render,
    "stats": stats,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("target")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(KINDS[args.kind](args.target, args.repeat)))


if __name__ == "__main__":
    main()
