"""The report's bilingual UI strings, read from ``labels.yaml`` beside the templates.

``labels.yaml`` maps each language (``tr``, ``en``) to nested mappings of
strings: section titles, column headers, band and group names, the method
text. A ``labels.yaml`` in a user's templates folder may override any subset
of keys; it is merged over the built-in one key by key.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from diamond.errors import InputError, TemplateError
from diamond.i18n import _
from diamond.io.read import read_regular
from diamond.render.precompiled import compiled_labels
from diamond.render.templates import builtin_templates
from diamond.yamlsource import YamlProblem, read_yaml

__all__ = ["LABELS_FILE", "load_labels"]

LABELS_FILE = "labels.yaml"
#: A user's labels file larger than this is refused.
MAX_LABELS_BYTES = 1 << 20


def parse_labels(text: str, where: str) -> dict[str, Any]:
    """A labels file's languages; ``TemplateError`` naming the file and line when malformed."""
    # diamond's own reader: libyaml events without PyYAML's pure-Python constructor
    # (about 7x faster than yaml.safe_load), and duplicate keys are refused.
    try:
        document = read_yaml(text, where)
    except YamlProblem as problem:
        found = problem.diagnostic
        raise TemplateError(_("{file}, line {line}: {message}").format(
            file=where, line=found.line, message=found.message)) from None
    for found in document.diagnostics:
        raise TemplateError(_("{file}, line {line}: {message}").format(
            file=where, line=found.line, message=found.message))
    data = document.data
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TemplateError(_("{file}: expected a mapping of languages to labels").format(
            file=where))
    _check(data, where, ())
    return data


def _check(data: dict[Any, Any], where: str, path: tuple[str, ...]) -> None:
    for key, value in data.items():
        here = (*path, str(key))
        if not isinstance(key, str):
            raise TemplateError(_("{file}: key {key} is not text").format(
                file=where, key=".".join(here)))
        if isinstance(value, dict):
            _check(value, where, here)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _check(item, where, here)
                elif not isinstance(item, str):
                    raise TemplateError(_("{file}: {key} holds a non-text item").format(
                        file=where, key=".".join(here)))
        elif not isinstance(value, str):
            raise TemplateError(_("{file}: {key} must be text, not {value}").format(
                file=where, key=".".join(here), value=repr(value)))


def merge(
    base: dict[str, Any], override: dict[str, Any], where: str = LABELS_FILE,
    path: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``override`` merged into a copy of ``base``: mappings key by key, anything else replaced.

    A key that ``base`` has must keep its kind (mapping, list or text);
    otherwise ``TemplateError``.
    """
    merged = dict(base)
    for key, value in override.items():
        here = (*path, key)
        current = merged.get(key)
        if current is not None and type(current) is not type(value):
            kind = _("{file}: {key} must be a mapping") if isinstance(current, dict) else (
                _("{file}: {key} must be a list") if isinstance(current, list)
                else _("{file}: {key} must be text"))
            raise TemplateError(kind.format(file=where, key=".".join(here)))
        if isinstance(current, dict) and isinstance(value, dict):
            merged[key] = merge(current, value, where, here)
        else:
            merged[key] = value
    return merged


@lru_cache(maxsize=16)
def _parsed_builtin(file_name: str) -> dict[str, Any]:
    # read and parsed once per process: a portfolio renders thousands of reports; the
    # shipped files come parsed ahead of time when their text is what was parsed
    data = (builtin_templates() / file_name).read_bytes()
    parsed = compiled_labels(file_name, data)
    if parsed is not None:
        return parsed
    return parse_labels(data.decode("utf-8"), file_name)


def _copy(value: Any) -> Any:
    """A copy of nested dicts and lists (text is immutable and shared)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def builtin_labels(file_name: str = LABELS_FILE) -> dict[str, Any]:
    """A built-in labels file (``labels.yaml`` by default), every language.

    The file is read once per process; each call returns a fresh copy the caller may change.
    """
    copied: dict[str, Any] = _copy(_parsed_builtin(file_name))
    return copied


def builtin_label(lang: str, group: str, key: str, file_name: str = LABELS_FILE) -> Any:
    """One entry of a built-in labels file (``file_name``'s ``lang`` → ``group`` →
    ``key``), None when it has none; read in place, without ``builtin_labels``' copy of
    the whole file (a summary names a band on each of thousands of rows)."""
    labels = _parsed_builtin(file_name).get(lang)
    entries = labels.get(group) if isinstance(labels, dict) else None
    return entries.get(key) if isinstance(entries, dict) else None


def load_labels(
    lang: str, templates_dir: Path | None = None, file_name: str = LABELS_FILE
) -> dict[str, Any]:
    """The labels for ``lang``: built-in, with a user's file of that name merged over them."""
    labels = builtin_labels(file_name)
    if templates_dir is not None:
        user = templates_dir / file_name
        if os.path.lexists(user):
            try:
                data = read_regular(str(user), MAX_LABELS_BYTES)
            except InputError as error:
                raise TemplateError(str(error)) from None
            if len(data) > MAX_LABELS_BYTES:
                raise TemplateError(_("{path}: larger than {limit} bytes").format(
                    path=user, limit=MAX_LABELS_BYTES))
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise TemplateError(_("{path}: cannot be read ({reason})").format(
                    path=user, reason=error)) from None
            labels = merge(labels, parse_labels(text, str(user)), str(user))
    chosen = labels.get(lang)
    if not isinstance(chosen, dict):
        raise TemplateError(_("{file}: no labels for language '{lang}'").format(
            file=file_name, lang=lang))
    return chosen
