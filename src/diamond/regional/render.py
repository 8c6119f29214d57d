"""The map's output formats: a registry of renderers, each giving one file's bytes or text.

``FORMATS`` maps a format name to its renderer; the CLI's ``--format`` choices come
from it. Each renderer is a pure function of the map and the language, so rendering
twice gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diamond.errors import UsageError
from diamond.i18n import _
from diamond.io.outputs import write_outputs
from diamond.regional.context import build_map_context, map_filters
from diamond.regional.model import RegionalMap
from diamond.regional.serialize import map_json_bytes
from diamond.render.templates import make_environment, render_template

__all__ = ["FORMATS", "MapFile", "render_map", "write_map"]


@dataclass(frozen=True)
class MapFile:
    """One output file: a bare name and its content (text, or bytes for XLSX)."""

    name: str
    content: str | bytes


Renderer = Callable[[RegionalMap, str, Sequence[str]], str | bytes]


def _template(name: str) -> Renderer:
    def render(m: RegionalMap, lang: str, regions: Sequence[str]) -> str:
        env = make_environment(None, map_filters(lang))
        return render_template(env, name, build_map_context(m, lang, regions))

    return render


def _json(m: RegionalMap, lang: str, regions: Sequence[str]) -> bytes:
    return map_json_bytes(m)


def _xlsx(m: RegionalMap, lang: str, regions: Sequence[str]) -> bytes:
    from diamond.regional.xlsx import write_xlsx

    return write_xlsx(m, lang)


#: Format name → renderer; the file is named ``<stem>.<format>``.
FORMATS: dict[str, Renderer] = {
    "md": _template("map.md.j2"),
    "html": _template("map.html.j2"),
    "json": _json,
    "xlsx": _xlsx,
}


def render_map(m: RegionalMap, formats: Sequence[str], stem: str, lang: str = "tr",
               regions: Sequence[str] = ()) -> list[MapFile]:
    """The files of ``formats`` (in the registry's order), named after ``stem``."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(_("unknown format {format}; choose from {formats}").format(
            format=repr(unknown[0]), formats=", ".join(FORMATS)))
    return [MapFile(f"{stem}.{fmt}", FORMATS[fmt](m, lang, regions))
            for fmt in FORMATS if fmt in formats]


def write_map(files: Sequence[MapFile], folder: Path, inputs: Iterable[Path]) -> list[Path]:
    """Write ``files`` into ``folder`` atomically, never over one of ``inputs``."""
    return write_outputs(files, folder, inputs)
