"""Places in a document in words: "the first item under 'opportunities'", not ``'0'``.

Findings know where they are as a data path, such as ``("swot", "opportunities", 0)``;
messages name that place as a reader counts: by the key, by the position of a list
item in words (ordinal words up to the tenth, then "item 12"), and a respondent by
its id when it has one.
"""

from __future__ import annotations

from typing import Any, Final

from diamond.i18n import N_, _

__all__ = ["item_name", "subject", "value_at", "where_text"]

Path = tuple[Any, ...]

_ORDINALS: Final = (
    N_("first"),
    N_("second"),
    N_("third"),
    N_("fourth"),
    N_("fifth"),
    N_("sixth"),
    N_("seventh"),
    N_("eighth"),
    N_("ninth"),
    N_("tenth"),
)


def value_at(data: Any, path: Path) -> Any:
    """The value at ``path`` in ``data``, or None where the path does not lead."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _is_index(path: Path, data: Any) -> bool:
    """Whether the last part of ``path`` is a list position, not a mapping key that
    happens to be a number (``{-93579: …}`` or ``{2: …}`` in a hostile file)."""
    last = path[-1]
    if not isinstance(last, int) or isinstance(last, bool) or last < 0:
        return False
    return data is None or isinstance(value_at(data, path[:-1]), list)


def item_name(path: Path, data: Any = None) -> str:
    """The list item at ``path`` (its last part an index) in words.

    A respondent with a text id is named by it; other items by their position under
    the key that holds the list.
    """
    index = path[-1]
    parent = path[-2] if len(path) >= 2 and isinstance(path[-2], str) else None
    if parent == "respondents" and len(path) == 2:
        rid = value_at(value_at(data, path), ("id",)) if data is not None else None
        if isinstance(rid, str) and rid:
            return _("respondent '{id}'").format(id=rid)
    if not _is_index(path, data):
        return f"'{index}'"
    if index < len(_ORDINALS):
        ordinal = _(_ORDINALS[index])
        if parent is None:
            return _("the {ordinal} item").format(ordinal=ordinal)
        return _("the {ordinal} item under '{key}'").format(ordinal=ordinal, key=parent)
    if parent is None:
        return _("item {number}").format(number=index + 1)
    return _("item {number} under '{key}'").format(number=index + 1, key=parent)


def subject(path: Path, data: Any = None) -> str:
    """What a message is about, to start a sentence: ``'weight'`` or an item in words."""
    if not path:
        return _("the document")
    if _is_index(path, data):
        return item_name(path, data)
    return f"'{path[-1]}'"


def where_text(path: Path, data: Any = None) -> str:
    """A path in words, e.g. ``the second item under 'dimensions' > 'indicators'``."""
    if not path:
        return _("the top level")
    parts: list[str] = []
    for end, part in enumerate(path, 1):
        if _is_index(path[:end], data):
            if parts and isinstance(path[end - 2], str):
                parts.pop()
            parts.append(item_name(path[:end], data))
        else:
            parts.append(f"'{part}'")
    return " > ".join(parts)
