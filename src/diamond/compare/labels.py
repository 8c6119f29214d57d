"""The UI strings of the comparison and portfolio reports, from ``labels-compare.yaml``.

The file lies beside ``labels.yaml`` in the templates folder and has the same shape:
each language (``tr``, ``en``) maps to nested mappings of strings. A
``labels-compare.yaml`` in a user's ``--templates DIR`` is merged over it key by key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diamond.render.labels import builtin_labels, load_labels

__all__ = ["COMPARE_LABELS_FILE", "builtin_compare_labels", "load_compare_labels"]

COMPARE_LABELS_FILE = "labels-compare.yaml"


def builtin_compare_labels() -> dict[str, Any]:
    """The built-in ``labels-compare.yaml``, every language."""
    return builtin_labels(COMPARE_LABELS_FILE)


def load_compare_labels(lang: str, templates_dir: Path | None = None) -> dict[str, Any]:
    """The labels for ``lang``, with a user's ``labels-compare.yaml`` merged over them.

    Raises ``TemplateError`` when a file is unreadable or malformed, or has no ``lang``.
    """
    return load_labels(lang, templates_dir, COMPARE_LABELS_FILE)
