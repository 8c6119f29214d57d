"""``--evidence-into``: write a questionnaire's ``evidence:`` block from the map.

The block is built from one region × sector × year of the map: the four employment
figures of the location quotient (rounded to whole people), establishments and exports
when the table has them, the LQ base in words, the star rating and the strong-cluster
flag. The questionnaire is edited as text, like ``diamond import`` does: the old
``evidence:`` block (if any) is replaced, or the new one is appended, and every other
byte stays as it was. Keys of an old block that the table cannot supply (``patents``,
``exports_usd``) are kept; comments inside the old block are not. The result is
validated before it is written, and written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from diamond.atomic import write_atomic
from diamond.errors import InputError, InvalidFileError, UsageError
from diamond.regional.labels import labels_for
from diamond.regional.model import RegionalMap
from diamond.survey.splice import scalar

if TYPE_CHECKING:
    from diamond.loader import LoadOptions

__all__ = ["evidence_block", "evidence_into", "splice_evidence"]

_KEPT = ("patents", "exports_usd")


def _base_words(m: RegionalMap, lang: str) -> str:
    labels = labels_for(lang)
    words = (f"{labels['base_' + m.base.kind]}; {labels['region_totals']}: "
             f"{labels['source_' + m.base.region_totals]}; {labels['national_total']}: "
             f"{labels['source_' + m.base.national_total]}")
    return words[:300]


def evidence_block(m: RegionalMap, region: str, sector: str, year: int,
                   source: str | None = None, lang: str = "tr") -> dict[str, Any]:
    """The ``evidence:`` mapping for one cell of the map; ``UsageError`` if it is not there."""
    import polars as pl

    found = m.cells.filter((pl.col("region") == region) & (pl.col("sector") == sector)
                           & (pl.col("year") == year))
    if found.is_empty():
        raise UsageError(f"{m.source} has no row for region {region!r}, sector {sector!r} "
                         f"and year {year}; check --region, --sector and --year")
    c = found.row(0, named=True)
    block: dict[str, Any] = {
        "year": year, "source": (source or m.source)[:5000],
        "employment": {"sector_region": round(c["employment"]),
                       "total_region": round(c["region_total"]),
                       "sector_country": round(c["sector_national"]),
                       "total_country": round(c["national_total"])},
    }
    if c["establishments"] is not None:
        block["establishments"] = round(c["establishments"])
    if c["exports"] is not None:
        block["exports_usd"] = float(c["exports"])
    block.update(lq_base=_base_words(m, lang), stars=int(c["stars"]),
                 strong_cluster=bool(c["strong"]))
    return block


def _text_of(block: dict[str, Any], newline: str) -> str:
    lines = ["evidence:"]
    for key, value in block.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {json.dumps(v)}" for k, v in value.items())
            lines.append(f"  {key}: {{{inner}}}")
        elif isinstance(value, str):
            lines.append(f"  {key}: {scalar(value)}")
        else:
            lines.append(f"  {key}: {json.dumps(value)}")
    return "".join(line + newline for line in lines)


def splice_evidence(text: str, block: dict[str, Any]) -> str:
    """``text`` with its top-level ``evidence:`` replaced by ``block`` (or ``block`` added).

    Raises ``UsageError`` when the file is not a block-style YAML mapping.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise UsageError(f"the questionnaire is not valid YAML ({exc}); run diamond validate "
                         "on it first") from None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise UsageError("the questionnaire is not a block-style YAML mapping; "
                         "--evidence-into edits files written as diamond init writes them")
    newline = "\r\n" if "\r\n" in text else "\n"
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "evidence":
            start = text.rfind("\n", 0, key.start_mark.index) + 1
            end = _block_end(text, value)
            old = yaml.safe_load(text[start:end]) or {}
            previous = old.get("evidence") if isinstance(old, dict) else None
            if isinstance(previous, dict):
                for kept in _KEPT:
                    if kept in previous and kept not in block:
                        block = {**block, kept: previous[kept]}
            return text[:start] + _text_of(block, newline) + text[end:]
    if text and not text.endswith("\n"):
        text += newline
    return text + _text_of(block, newline)


def _block_end(text: str, node: yaml.Node) -> int:
    from diamond.survey.splice import _after_line, _content_end

    return _after_line(text, _content_end(node))


def evidence_into(path: Path, block: dict[str, Any], options: LoadOptions) -> None:
    """Splice ``block`` into the questionnaire at ``path``, validate, write atomically.

    Raises ``InputError`` for an unreadable file and ``InvalidFileError`` (nothing
    written) when the edited questionnaire would not be valid.
    """
    from diamond.loader import load_text

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such questionnaire; create it with diamond init") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text") from None
    edited = splice_evidence(text, block)
    loaded = load_text(edited, str(path), path.parent, options)
    if not loaded.ok:
        raise InvalidFileError(str(path), loaded.errors)
    write_atomic(path, edited)
