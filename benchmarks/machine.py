"""What the figures were measured on: machine, interpreter, library versions, load."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata

from timing import REPO

PACKAGES = (
    "diamond-assess", "PyYAML", "pydantic", "pydantic-core", "typer", "click", "Jinja2", "rich",
    "check-jsonschema", "yamllint", "ruamel.yaml", "jsonschema",
)  # fmt: skip


def cpu_model() -> str:
    """The CPU model named in /proc/cpuinfo (or what platform knows)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    """The 1/5/15-minute load averages: other work on the machine skews timings."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], capture_output=True, text=True, cwd=REPO, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' + uncommitted changes' if dirty else ''}"


def describe() -> list[tuple[str, str]]:
    """(name, value) pairs for the results' header."""
    import yaml

    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    libyaml = "yes" if getattr(yaml, "__with_libyaml__", False) else "NO (pure Python)"
    rows = [
        ("CPU", cpu_model()),
        ("cores", f"{os.cpu_count()} (usable by this process: {affinity})"),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {sys.version.split()[0]}"),
        ("PyYAML uses libyaml", libyaml),
        ("diamond commit", _git()),
    ]
    rows += [(name, _version(name)) for name in PACKAGES]
    return rows
