"""The report's tables as plain rows, from the template context: what Excel and Word show.

A cell is text, a number (int or float, never a formatted string) or None;
each renderer formats numbers its own way. Titles and headers come from the
labels, so the tables are in the report language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Cell", "Table", "report_tables"]

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One table: a short sheet name, a title, the header row and the rows."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def _indicators(ctx: dict[str, Any]) -> Table:
    C = ctx["labels"]["columns"]
    rows: list[list[Cell]] = []
    for d in ctx["dimensions"]:
        for i in d["indicators"]:
            rows.append([d["name"], i["label"], i["score"], i["band"]["label"], i["mean"],
                         i["median"], i["n"], i["sd"], i["rwg"], i["weight"],
                         "; ".join(r["label"] for r in i["reasons"]) or None, i["id"], i["text"]])
    return Table("indicators", ctx["labels"]["deliverable"]["sheets"]["indicators"],
                 [C["dimension"], C["indicator"], C["score"], C["band"], C["mean"], C["median"],
                  C["n"], C["sd"], C["rwg"], C["weight"], C["flag"], C["id"],
                  ctx["labels"]["deliverable"]["columns"]["source_text"]], rows)


def _dimensions(ctx: dict[str, Any]) -> Table:
    C = ctx["labels"]["columns"]
    rows: list[list[Cell]] = [[d["title"], d["score"], d["band"]["label"], d["answered"],
                               d["total"], d["coverage"], d["weight"]] for d in ctx["dimensions"]]
    rows.append([C["overall"], ctx["overall"]["score"], ctx["overall"]["band"]["label"],
                 None, None, None, None])
    return Table("dimensions", ctx["labels"]["deliverable"]["sheets"]["dimensions"],
                 [C["dimension"], C["score"], C["band"], C["n"], C["total"], C["coverage"],
                  C["weight"]], rows)


def _groups(ctx: dict[str, Any]) -> Table:
    C = ctx["labels"]["columns"]
    rows: list[list[Cell]] = [[g["label"], g["respondents"], g["overall"], *g["dimensions"]]
                              for g in ctx["groups"]]
    return Table("groups", ctx["labels"]["deliverable"]["sheets"]["groups"],
                 [C["group"], C["respondents"], C["overall"],
                  *[d["name"] for d in ctx["dimensions"]]], rows)


def _swot(ctx: dict[str, Any]) -> Table:
    C = ctx["labels"]["columns"]
    rows: list[list[Cell]] = [[i["quadrant_label"], i["text"], i["dimension_name"],
                               i["indicator_label"], i["importance"]]
                              for i in ctx["swot"]["items"]]
    return Table("swot", ctx["labels"]["deliverable"]["sheets"]["swot"],
                 [C["quadrant"], C["item"], C["dimension"], C["indicator"], C["importance"]],
                 rows)


def _cross(ctx: dict[str, Any]) -> Table:
    C = ctx["labels"]["columns"]
    cross = ctx["swot"]["cross"]
    rows: list[list[Cell]] = [[r["label"], *[c["count"] for c in r["cells"]], r["total"]["count"]]
                              for r in cross["rows"]]
    rows.append([C["net"], *cross["net"], cross["net_total"]])
    return Table("cross", ctx["labels"]["deliverable"]["sheets"]["cross"],
                 [C["quadrant"], *[c["name"] for c in cross["columns"]], C["total"]], rows)


def _actions(ctx: dict[str, Any]) -> Table:
    D = ctx["labels"]["deliverable"]["columns"]
    rows: list[list[Cell]] = [
        [x["number"], x["action"], x["owner"], x["start"], x["end"], x["kpi"],
         x["priority_label"], x["budget"], "; ".join(i["name"] for i in x["indicators"]) or None]
        for x in ctx["report"]["actions"]]
    return Table("actions", ctx["labels"]["deliverable"]["sheets"]["actions"],
                 [D["number"], D["action"], D["owner"], D["start"], D["end"], D["kpi"],
                  D["priority"], D["budget"], D["indicators"]], rows)


def report_tables(ctx: dict[str, Any]) -> list[Table]:
    """Every table of the report, in report order; empty ones left out."""
    tables = [_dimensions(ctx), _indicators(ctx), _groups(ctx), _swot(ctx), _cross(ctx),
              _actions(ctx)]
    return [t for t in tables if t.rows]
