"""Find and load frameworks: the built-in ones by id, custom ones by path.

A framework path in a questionnaire is resolved relative to the
questionnaire and must stay inside the questionnaire's folder or the current
working directory, unless the caller allows other places explicitly: a
questionnaire from someone else must not make the tool read ``/etc``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from diamond.documents import TextProblem, decode, parse_document, read_bytes
from diamond.errors import Diagnostic, FrameworkError, InputError, InvalidFileError
from diamond.findings import Finding, suggest
from diamond.i18n import _
from diamond.io.read import not_regular
from diamond.limits import Limits
from diamond.models.framework import Dimension, Framework, Indicator
from diamond.names import BUILTIN_FRAMEWORKS

BUILTIN = BUILTIN_FRAMEWORKS


@dataclass(frozen=True)
class Catalogue:
    """A validated framework with lookup tables built once."""

    framework: Framework
    label: str

    @functools.cached_property
    def dimensions(self) -> dict[str, Dimension]:
        """Dimensions by id, in framework order."""
        return {d.id: d for d in self.framework.dimensions}

    @functools.cached_property
    def indicators(self) -> dict[str, Indicator]:
        """Indicators by id, in framework order."""
        return {i.id: i for d in self.framework.dimensions for i in d.indicators}

    @functools.cached_property
    def readiness_ids(self) -> dict[str, str]:
        """Precondition and success-factor ids -> 'precondition' | 'success_factor'."""
        ids = {p.id: "precondition" for p in self.framework.preconditions}
        ids.update({s.id: "success_factor" for s in self.framework.success_factors})
        return ids

    def dimension_of(self, indicator_id: str) -> str:
        """The dimension id an indicator belongs to."""
        return indicator_id.split(".", 1)[0]


def _framework_checks(data: Any) -> tuple[list[Finding], list[Diagnostic]]:
    """Cross-references inside a framework file: unique ids, known 'serves' targets."""
    findings: list[Finding] = []
    dims = data.get("dimensions")
    if not isinstance(dims, list):
        return findings, []
    known: set[str] = set()
    seen: dict[str, tuple[Any, ...]] = {}

    def unique(item_id: Any, path: tuple[Any, ...]) -> None:
        if not isinstance(item_id, str):
            return
        if item_id in seen:
            findings.append(
                Finding(
                    path,
                    "error",
                    "duplicate-id",
                    _("the id '{id}' is used twice").format(id=item_id),
                    _("give every dimension, indicator and catalogue item its own id"),
                )
            )
        seen[item_id] = path
        known.add(item_id)

    for d, dim in enumerate(dims):
        if not isinstance(dim, dict):
            continue
        dim_id = dim.get("id")
        unique(dim_id, ("dimensions", d, "id"))
        indicators = dim.get("indicators")
        for i, ind in enumerate(indicators if isinstance(indicators, list) else []):
            if not isinstance(ind, dict):
                continue
            ind_id = ind.get("id")
            unique(ind_id, ("dimensions", d, "indicators", i, "id"))
            if (
                isinstance(ind_id, str)
                and isinstance(dim_id, str)
                and ind_id.split(".")[0] != dim_id
            ):
                findings.append(
                    Finding(
                        ("dimensions", d, "indicators", i, "id"),
                        "error",
                        "indicator-dimension",
                        _(
                            "indicator '{indicator}' is listed under dimension '{dimension}'; "
                            "its id must start with '{dimension}.'"
                        ).format(indicator=ind_id, dimension=dim_id),
                        _("move the indicator to its dimension, or rename it"),
                    )
                )
    for section in ("preconditions", "success_factors", "actions"):
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for n, item in enumerate(items):
            if isinstance(item, dict):
                unique(item.get("id"), (section, n, "id"))
    indicator_and_dimension_ids: set[str] = {k for k in known if "." not in k} | {
        str(i["id"])
        for dim in dims
        if isinstance(dim, dict) and isinstance(dim.get("indicators"), list)
        for i in dim["indicators"]
        if isinstance(i, dict) and isinstance(i.get("id"), str)
    }
    for section in ("preconditions", "success_factors", "actions"):
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for n, item in enumerate(items):
            serves = item.get("serves") if isinstance(item, dict) else None
            if not isinstance(serves, list):
                continue
            for k, target in enumerate(serves):
                if isinstance(target, str) and target not in indicator_and_dimension_ids:
                    findings.append(
                        Finding(
                            (section, n, "serves", k),
                            "error",
                            "unknown-id",
                            _(
                                "'serves' names '{target}', which is neither a dimension "
                                "nor an indicator"
                            ).format(target=target),
                            suggest(target, indicator_and_dimension_ids),
                        )
                    )
    return findings, []


def load_framework_text(text: str, label: str, limits: Limits) -> Catalogue:
    """Validate a framework file's text; raises ``InvalidFileError`` with its diagnostics."""
    parsed = parse_document(text, label, Framework, limits, _framework_checks)
    if not parsed.ok or parsed.model is None:
        raise InvalidFileError(label, parsed.diagnostics)
    return Catalogue(parsed.model, label)


@functools.lru_cache(maxsize=8)
def builtin(framework_id: str) -> Catalogue:
    """A built-in framework by id; raises ``FrameworkError`` for an unknown id."""
    name = BUILTIN.get(framework_id)
    if name is None:
        hint = suggest(framework_id, BUILTIN) or _("built-in frameworks: {ids}").format(
            ids=", ".join(BUILTIN)
        )
        raise FrameworkError(
            _("unknown framework '{id}'; {hint}").format(id=framework_id, hint=hint)
        )
    text = resources.files("diamond.data").joinpath(name).read_text(encoding="utf-8")
    return load_framework_text(text, f"<built-in {framework_id}>", Limits())


@functools.lru_cache(maxsize=64)
def _load_file(resolved: Path, label: str, mtime_ns: int, size: int, limits: Limits) -> Catalogue:
    try:
        text = decode(read_bytes(str(resolved), limits), label)
    except TextProblem as problem:
        raise InvalidFileError(label, [problem.diagnostic]) from None
    return load_framework_text(text, label, limits)


def is_path(reference: str) -> bool:
    """Whether a framework reference names a file rather than a built-in id."""
    return reference.endswith((".yaml", ".yml")) or "/" in reference or "\\" in reference


def within(path: Path, roots: Iterable[Path]) -> bool:
    """Whether ``path`` (resolved) lies inside one of ``roots`` (resolved)."""
    return any(path == root or root in path.parents for root in roots)


def resolve_framework(
    reference: str,
    base_dir: Path,
    limits: Limits,
    *,
    allow_outside: bool = False,
) -> Catalogue:
    """The framework a questionnaire names: a built-in id, or a path relative to ``base_dir``.

    Raises ``FrameworkError`` (unknown id, path refused), ``InputError`` (file
    unreadable) or ``InvalidFileError`` (file invalid; diagnostics point into it).
    """
    if not is_path(reference):
        return builtin(reference)
    if "\0" in reference:
        raise FrameworkError(
            _("the framework path contains a NUL character; write a plain path")
        )
    resolved = (base_dir / reference).resolve()
    roots = {base_dir.resolve(), Path.cwd().resolve()}
    # A working folder at the file system's root ('/' in many containers) would let
    # every path in; it does not widen the policy.
    roots = {r for r in roots if r != Path(r.anchor)} or roots
    if not allow_outside and not within(resolved, roots):
        raise FrameworkError(
            _(
                "the framework path '{path}' leads outside the questionnaire's folder and the "
                "current folder ({resolved}); move the framework file next to the questionnaire, "
                "or pass --allow-outside-paths if you trust this questionnaire"
            ).format(path=reference, resolved=resolved)
        )
    try:
        stat = resolved.stat()
    except OSError:
        raise InputError(
            _(
                "framework file '{path}' not found (looked for {resolved}); the path is "
                "relative to the questionnaire's folder"
            ).format(path=reference, resolved=resolved)
        ) from None
    reason = not_regular(stat.st_mode)
    if reason is not None:
        raise InputError(
            _("framework file '{path}' ({resolved}) {reason}; name a YAML file").format(
                path=reference, resolved=resolved, reason=reason
            )
        )
    # Name the file as the user would: the questionnaire's folder joined with the reference.
    label = os.path.normpath(base_dir / reference)
    return _load_file(resolved, label, stat.st_mtime_ns, stat.st_size, limits)
