"""Bounds on what a single input file may cost to read.

Every bound can be raised for a legitimate file, by an option or an
environment variable; the error that reports a bound says which.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

_ENV = {
    "max_bytes": "DIAMOND_MAX_BYTES",
    "max_depth": "DIAMOND_MAX_DEPTH",
    "max_nodes": "DIAMOND_MAX_NODES",
}


@dataclass(frozen=True, slots=True)
class Limits:
    """How large, how deep and how many values a file may hold."""

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 20_000_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """Defaults, overridden by ``DIAMOND_MAX_*`` variables where they are whole numbers."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name, var in _ENV.items():
            raw = env.get(var)
            text = raw.strip() if raw is not None else ""
            # At most 18 digits: int() refuses over 4,300, and no bound needs more.
            if text.isascii() and text.isdigit() and len(text) <= 18 and int(text) > 0:
                values[name] = int(text)
        return cls(**values)

    @staticmethod
    def env_var(name: str) -> str:
        """The environment variable that raises the bound ``name``."""
        return _ENV[name]
