"""Byte-identical reports across runs, hash seeds, locales and time zones.

Each variant runs the real command in a fresh process, so ``PYTHONHASHSEED``, ``LC_ALL``,
``LANG`` and ``TZ`` take effect as they would for a user. Locales that are not installed
fall back to C without an error; the variants still exercise the code paths that read
them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ASSESSMENTS

VARIANTS = {
    "seed-0": {"PYTHONHASHSEED": "0"},
    "seed-1": {"PYTHONHASHSEED": "1"},
    "seed-random": {"PYTHONHASHSEED": "random"},
    "turkish-istanbul": {"LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8", "TZ": "Europe/Istanbul"},
    "c-locale-new-york": {"LC_ALL": "C", "LANG": "C", "TZ": "America/New_York"},
    "utf8-tokyo": {"LC_ALL": "C.UTF-8", "TZ": "Asia/Tokyo"},
}
EXAMPLE = ASSESSMENTS / "ankara-defence-aerospace.yaml"


def _assess(out: Path, env_extra: dict[str, str]) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "TZ")}
    env.update(env_extra)
    env["DIAMOND_NO_TEMPLATE_CACHE"] = "1"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "diamond",
            "assess",
            str(EXAMPLE),
            "-o",
            str(out),
            "--color",
            "never",
        ],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.slow
def test_reports_are_byte_identical_in_every_environment(tmp_path: Path) -> None:
    results = {name: _assess(tmp_path / name, env) for name, env in VARIANTS.items()}
    reference = results.pop("seed-0")
    assert len(reference) == 4
    for name, files in results.items():
        assert files.keys() == reference.keys(), name
        for file, data in files.items():
            assert data == reference[file], f"{file} differs under {name}"


@pytest.mark.slow
def test_validate_json_is_identical_under_different_hash_seeds(tmp_path: Path) -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "diamond",
                "validate",
                str(ASSESSMENTS),
                "-f",
                "json",
                "-j",
                "1",
            ],
            env=env,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0
        outputs.add(done.stdout)
    assert len(outputs) == 1
