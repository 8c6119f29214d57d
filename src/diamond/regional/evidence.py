"""``--evidence-into``: write a questionnaire's ``evidence:`` block from the map.

The block is built from one region × sector × year of the map: the four employment
figures of the location quotient (rounded to whole people), establishments and exports
when the table has them, the LQ base in words, the star rating and the strong-cluster
flag. The questionnaire is edited as text, like ``diamond import`` does: the old
``evidence:`` block (if any) is replaced, or the new one is appended, and every other
byte stays as it was. Keys of an old block that the table cannot supply (``patents``,
``exports_usd``) are kept; comments inside the old block are not. The result is
validated before it is written, and written atomically under the lock that every
writer of a questionnaire takes (``diamond.io.rewrite``).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from diamond.errors import InputError, InvalidFileError, UsageError
from diamond.i18n import _
from diamond.io.rewrite import rewrite
from diamond.limits import Limits
from diamond.numbertext import grouped
from diamond.regional.labels import labels_for
from diamond.regional.model import RegionalMap
from diamond.survey.splice import SpliceError, after_line, scalar, skip_node
from diamond.yamlsource import YamlProblem, events, read_yaml

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
        raise UsageError(_("{source} has no row for region {region}, sector {sector} "
                           "and year {year}; check --region, --sector and --year").format(
            source=m.source, region=repr(region), sector=repr(sector), year=year))
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

    The text is walked with the one YAML reader (``diamond.yamlsource.events``), so it
    agrees with validation on every file. Raises ``UsageError`` when the file is not a
    block-style YAML mapping.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    stream: Any = events(text)
    try:
        root = None
        for event in stream:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent,
                                  yaml.ScalarEvent)):
                root = event
                break
        if root is not None and (not isinstance(root, yaml.MappingStartEvent)
                                 or root.flow_style):
            raise UsageError(_("the questionnaire is not a block-style YAML mapping; "
                               "--evidence-into edits files written as diamond init writes them"))
        for key in stream if root is not None else ():
            if not isinstance(key, yaml.ScalarEvent):
                break  # the mapping's end (or a complex key, which validation refuses)
            value = next(stream)
            if key.value != "evidence":
                skip_node(stream, value)
                continue
            mark: Any = key.start_mark
            start = text.rfind("\n", 0, int(mark.index)) + 1
            end = after_line(text, skip_node(stream, value))
            previous = _old_block(text[start:end])
            for kept in _KEPT:
                if kept in previous and kept not in block:
                    block = {**block, kept: previous[kept]}
            return text[:start] + _text_of(block, newline) + text[end:]
    except (yaml.YAMLError, SpliceError, StopIteration) as exc:
        raise UsageError(_("the questionnaire is not valid YAML ({reason}); run diamond "
                           "validate on it first").format(reason=exc)) from None
    finally:
        stream.close()
    if text and not text.endswith("\n"):
        text += newline
    return text + _text_of(block, newline)


def _old_block(text: str) -> dict[str, Any]:
    """The old ``evidence:`` mapping, read with the one YAML reader ({} if unreadable)."""
    try:
        data = read_yaml(text, "evidence").data
    except YamlProblem:
        return {}
    old = data.get("evidence") if isinstance(data, dict) else None
    return old if isinstance(old, dict) else {}


def evidence_into(path: Path, block: dict[str, Any], options: LoadOptions) -> None:
    """Splice ``block`` into the questionnaire at ``path``, validate, write it back.

    The questionnaire is rewritten under the shared lock-and-check of
    ``diamond.io.rewrite`` (an edit made meanwhile is re-read, never lost), through a
    symbolic link to its target. Raises ``InputError`` for an unreadable file and
    ``InvalidFileError`` (nothing written) when the edited questionnaire would not be
    valid.
    """
    from diamond.loader import load_text

    def edit(raw: bytes) -> bytes:
        if len(raw) > options.limits.max_bytes:
            raise InputError(_("{path}: larger than the limit of {limit} bytes; "
                               "raise it with {variable}").format(
                path=path, limit=grouped(options.limits.max_bytes),
                variable=Limits.env_var("max_bytes")))
        bom = raw.startswith(codecs.BOM_UTF8)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(_("{path}: is not UTF-8 text").format(path=path)) from None
        edited = splice_evidence(text, block)
        loaded = load_text(edited, str(path), path.parent, options)
        if not loaded.ok:
            raise InvalidFileError(str(path), loaded.errors)
        return (codecs.BOM_UTF8 if bom else b"") + edited.encode("utf-8")

    rewrite(path, edit, options.limits.max_bytes)
