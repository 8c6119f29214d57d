"""Rendering a comparison: files, escaping, labels, the line chart, template errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT
from tests.unit.test_compare import AFTER, BEFORE, assessed

from diamond.compare import compare, render_comparison
from diamond.compare.context import delta
from diamond.compare.labels import builtin_compare_labels, load_compare_labels
from diamond.errors import TemplateError, UsageError
from diamond.render.line_chart import Line, line_svg

HOSTILE = '<script>alert("x")</script> *bold* | [link](http://e.example) & co'


def _keys(data: Any, path: str = "") -> set[str]:
    if isinstance(data, dict):
        return {k for key, value in data.items() for k in _keys(value, f"{path}.{key}")} | {path}
    if isinstance(data, list):
        return {k for n, item in enumerate(data) for k in _keys(item, f"{path}[{n}]")}
    return {path}


def test_labels_have_the_same_keys_in_both_languages() -> None:
    labels = builtin_compare_labels()
    assert set(labels) == {"tr", "en"}
    assert _keys(labels["tr"]) == _keys(labels["en"])


def test_user_labels_are_merged(tmp_path: Path) -> None:
    (tmp_path / "labels-compare.yaml").write_text("en:\n  title: My comparison\n",
                                                  encoding="utf-8")
    labels = load_compare_labels("en", tmp_path)
    assert labels["title"] == "My comparison"
    assert labels["sections"]["summary"] == "Summary"
    (tmp_path / "labels-compare.yaml").write_text("en:\n  title: [1, 2]\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="non-text"):
        load_compare_labels("en", tmp_path)


def test_delta_formatting() -> None:
    assert delta(4.06) == "+4.1"
    assert delta(-3.24) == "−3.2"
    assert delta(-0.01) == "0.0"
    assert delta(2.5, lang="tr") == "+2,5"
    assert delta(None) == "–"


# ------------------------------------------------------------------ line chart


def test_line_chart_is_accessible_escaped_and_deterministic() -> None:
    lines = [Line("Faktör <koşulları> & \"girdi\"", [40.0, 55.5]), Line("Firma", [None, 70.0])]
    svg = line_svg(["2015", "2019 <b>"], lines, title="Başlık & <x>", description="Açıklama")
    assert svg == line_svg(["2015", "2019 <b>"], lines, title="Başlık & <x>",
                           description="Açıklama")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "line-chart-title line-chart-desc"
    assert root.find(f"{ns}title").text == "Başlık & <x>"  # type: ignore[union-attr]
    assert root.find(f"{ns}desc").text == "Açıklama"  # type: ignore[union-attr]
    assert "<script" not in svg and "<b>" not in svg and "&lt;koşulları&gt;" in svg
    paths = root.findall(f".//{ns}path")
    assert len(paths) == 1  # "Firma" has one point: a marker but no line
    markers = [t.text for t in root.iter(f"{ns}title")][1:]
    assert markers == ['Faktör <koşulları> & "girdi", 2015: 40.0',
                       'Faktör <koşulları> & "girdi", 2019 <b>: 55.5', "Firma, 2019 <b>: 70.0"]


def test_line_chart_breaks_at_missing_values() -> None:
    svg = line_svg(["a", "b", "c", "d"], [Line("x", [10.0, None, 30.0, 40.0])],
                   title="t", description="d")
    (d,) = re.findall(r' d="([^"]+)"', svg)
    assert d.count("M") == 1 and d.count("L") == 1  # only c–d is joined


def test_line_chart_distinguishes_lines_without_colour() -> None:
    svg = line_svg(["a", "b"], [Line(str(k), [k * 10.0, k * 12.0]) for k in range(4)],
                   title="t", description="d")
    dashes = re.findall(r'class="line-chart-line"[^>]*?(stroke-dasharray="[^"]+")?/>', svg)
    assert len(set(dashes)) == 4


# ------------------------------------------------------------------ rendered files


def _comparison(**kwargs: object) -> Any:
    return compare([assessed(BEFORE, **kwargs), assessed(AFTER, period="2019", **kwargs)],
                   ["a.yaml", "b.yaml"])


def test_files_and_names() -> None:
    c = _comparison()
    files = render_comparison(c, ["json", "html", "md"])
    assert [f.name for f in files] == ["comparison.md", "comparison-lines.svg",
                                       "comparison-diamond.svg", "comparison.html",
                                       "comparison.json"]
    named = render_comparison(c, ["md"], stem="aviation")
    assert [f.name for f in named] == ["aviation.md", "aviation-lines.svg",
                                       "aviation-diamond.svg"]
    assert "](aviation-lines.svg)" in named[0].content
    assert json.loads(files[-1].content)["kind"] == "comparison"
    with pytest.raises(UsageError):
        render_comparison(c, ["pdf"])
    with pytest.raises(UsageError):
        render_comparison(c, ["md"], stem="../x")


def test_rendering_is_deterministic() -> None:
    first = render_comparison(_comparison(), ["md", "html", "json"])
    second = render_comparison(_comparison(), ["md", "html", "json"])
    assert [(f.name, f.content) for f in first] == [(f.name, f.content) for f in second]


def test_hostile_names_are_escaped() -> None:
    c = compare([assessed(BEFORE, name=HOSTILE, region="R"), assessed(AFTER, name="B")],
                ["<a>.yaml", "b.yaml"])
    files = {f.name: f.content for f in render_comparison(c, ["md", "html"])}
    html = files["comparison.html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = files["comparison.md"]
    assert "<script>" not in md and r"\<script\>" in md
    assert r"\[link\]" in md and r"\|" in md
    for svg in ("comparison-lines.svg", "comparison-diamond.svg"):
        ET.fromstring(files[svg])  # well-formed despite the name
        assert "<script" not in files[svg]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_both_languages_render(lang: str) -> None:
    c = _comparison(lang=lang)
    files = {f.name: f.content for f in render_comparison(c, ["md", "html"])}
    labels = builtin_compare_labels()[lang]
    for section in labels["sections"].values():
        assert section in files["comparison.html"]
    assert labels["text"]["rule_title"] in files["comparison.md"]
    number = "54,2" if lang == "tr" else "54.2"
    assert number in files["comparison.md"]


def test_a_broken_user_template_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "compare.md.j2").write_text("# ok\n{{ nothing.here }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"compare\.md\.j2, line 2"):
        render_comparison(_comparison(), ["md"], templates_dir=tmp_path)


def test_core_packages_do_not_import_typer_or_rich() -> None:
    code = ("import sys, diamond.compare, diamond.portfolio, diamond.render.line_chart; "
            "assert not {'typer', 'rich'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_new_modules_stay_small() -> None:
    folders = [ROOT / "src" / "diamond" / "compare", ROOT / "src" / "diamond" / "portfolio"]
    files = [p for f in folders for p in f.glob("*.py")]
    files += [ROOT / "src" / "diamond" / "render" / "line_chart.py",
              ROOT / "src" / "diamond" / "cli" / "compare.py",
              ROOT / "src" / "diamond" / "cli" / "portfolio.py"]
    for path in files:
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines < 300, f"{path.name} has {lines} lines"


def inline_tokens(md: str) -> list[Any]:
    """Every block and inline token of ``md`` parsed as CommonMark with GitHub tables."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table"])
    tokens = parser.parse(md)
    return [*tokens, *(child for t in tokens for child in (t.children or []))]


def test_markdown_stays_inert_with_hostile_names() -> None:
    c = compare([assessed(BEFORE, name=HOSTILE, region="<i>R</i>"), assessed(AFTER, name="B")],
                ["x.yaml", "y.yaml"])
    md = render_comparison(c, ["md"])[0].content
    tokens = inline_tokens(md)
    assert not [t for t in tokens if t.type in ("html_inline", "html_block", "link_open")]
    images = [t.attrGet("src") for t in tokens if t.type == "image"]
    assert images == ["comparison-lines.svg", "comparison-diamond.svg"]
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 3 + 6 + (11 + 7 + 9 + 4) + 4  # inputs, dimensions, indicators + heads
