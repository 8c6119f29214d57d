"""Tests for the stdlib-only Porter's Diamond SVG chart."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from diamond.render.chart import Axis, Series, diamond_svg

NS = "{http://www.w3.org/2000/svg}"
STANDARD = [
    Axis("factor", "Factor conditions"),
    Axis("demand", "Demand conditions"),
    Axis("related", "Related and supporting industries"),
    Axis("firm", "Firm strategy, structure and rivalry"),
]


def _render(axes: list[Axis], series: list[Series], **kw: str) -> tuple[str, ET.Element]:
    kw.setdefault("title", "Diamond")
    kw.setdefault("description", "Scores by dimension")
    svg = diamond_svg(axes, series, **kw)  # type: ignore[arg-type]
    return svg, ET.fromstring(svg)


def _labels(root: ET.Element) -> dict[str, ET.Element]:
    return {t.get("data-axis", ""): t for t in root.iter(f"{NS}text") if t.get("data-axis")}


def _label_text(el: ET.Element) -> str:
    return " ".join(span.text or "" for span in el.iter(f"{NS}tspan"))


def _xy(el: ET.Element) -> tuple[float, float]:
    return float(el.get("x", "nan")), float(el.get("y", "nan"))


def _points(attr: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (p.split(",") for p in attr.split())]


def _area(root: ET.Element) -> ET.Element:
    (poly,) = [p for p in root.iter(f"{NS}polygon") if (p.get("class") or "").endswith("-area")]
    return poly


def _lines(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{NS}path") if (p.get("class") or "").endswith("-line")]


def _tips(root: ET.Element) -> list[tuple[float, float]]:
    return [
        (float(ln.get("x2", "nan")), float(ln.get("y2", "nan")))
        for ln in root.iter(f"{NS}line")
        if ln.get("x1") == "0.0" and ln.get("y1") == "0.0"
    ]


def test_parses_with_accessible_title_and_desc() -> None:
    svg, root = _render(STANDARD, [], title="Sector X", description="Porter's Diamond of X")
    assert root.tag == f"{NS}svg"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert root.get("role") == "img"
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text == "Sector X"
    assert desc is not None and desc.text == "Porter's Diamond of X"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.get("id") == "diamond-chart-title" and desc.get("id") == "diamond-chart-desc"
    assert root.get("viewBox") and root.get("width") and root.get("height")
    assert "sans-serif" in (root.get("font-family") or "")


def test_id_prefix_keeps_ids_distinct_and_unique() -> None:
    _, a = _render(STANDARD, [], id_prefix="chart-a")
    _, b = _render(STANDARD, [], id_prefix='chart b"<x>')
    ids_a = [e.get("id") for e in a.iter() if e.get("id")]
    ids_b = [e.get("id") for e in b.iter() if e.get("id")]
    assert len(ids_a) == len(set(ids_a)) and len(ids_b) == len(set(ids_b))
    assert not set(ids_a) & set(ids_b)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", i or "") for i in ids_b)


@pytest.mark.parametrize("order", [STANDARD, list(reversed(STANDARD))])
def test_standard_axes_in_porters_layout(order: list[Axis]) -> None:
    _, root = _render(order, [])
    labels = {k: _xy(v) for k, v in _labels(root).items()}
    fx, fy = labels["firm"]
    dx, dy = labels["demand"]
    rx, ry = labels["related"]
    ax, ay = labels["factor"]
    assert abs(fx) < 1 and fy < -100  # top
    assert dx > 100 and abs(dy) < 40  # right
    assert abs(rx) < 1 and ry > 100  # bottom
    assert ax < -100 and abs(ay) < 40  # left
    assert _labels(root)["firm"].get("text-anchor") == "middle"
    assert _labels(root)["demand"].get("text-anchor") == "start"
    assert _labels(root)["factor"].get("text-anchor") == "end"


def test_hundred_on_tip_and_zero_at_centre() -> None:
    values = {"firm": 100.0, "demand": 0.0, "related": 50.0, "factor": 100.0}
    _, root = _render(STANDARD, [Series("All", values, "overall")])
    pts = _points(_area(root).get("points", ""))
    assert len(pts) == 4
    firm, demand, related, factor = pts  # clockwise from the top
    tips = _tips(root)
    assert firm in tips and factor in tips
    top = min(tips, key=lambda p: p[1])
    assert firm == top and firm[0] == 0.0 and firm[1] < 0
    assert demand == (0.0, 0.0)
    assert related[0] == 0.0 and related[1] == pytest.approx(-top[1] / 2, abs=0.1)
    label = _label_text(_labels(root)["factor"])
    assert "100.0" in label and "Factor conditions" in label
    assert "— 50.0" in _label_text(_labels(root)["related"])


def test_values_outside_range_are_clamped() -> None:
    values = {"firm": 150.0, "demand": -5.0, "related": 50.0, "factor": 100.0}
    _, root = _render(STANDARD, [Series("All", values, "overall")])
    firm, demand, _, _ = _points(_area(root).get("points", ""))
    assert firm in _tips(root) and demand == (0.0, 0.0)
    assert "150.0" in _label_text(_labels(root)["firm"])


def test_text_is_escaped_and_round_trips() -> None:
    evil = "<script>alert(1)</script>"
    quoted = 'Say "hi" & <b>bye</b>'
    axes = [Axis("firm", evil), Axis("demand", quoted), Axis("x\"'<>&", "Other & co")]
    series = [Series(evil, {"firm": 50.0}, "overall"), Series(quoted, {"demand": 20.0})]
    svg, root = _render(
        axes, series, title=evil, description=quoted, legend_title=quoted, id_prefix='"><script>'
    )
    assert "<script" not in svg and "<b>" not in svg
    assert not [e for e in root.iter() if e.tag.lower().endswith(("script", "foreignobject"))]
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    assert not [a for e in root.iter() for a in e.attrib if a.lower().endswith("href")]
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text == evil
    assert desc is not None and desc.text == quoted
    labels = _labels(root)
    assert _label_text(labels["firm"]).startswith(evil)
    assert _label_text(labels["demand"]).startswith(quoted)
    assert "x\"'<>&" in labels
    legend = [t.text for t in root.iter(f"{NS}text") if (t.get("class") or "").endswith("legend")]
    assert legend == [evil, quoted]
    assert quoted in "".join(root.itertext())


def test_missing_value_breaks_the_shape_and_says_na() -> None:
    values: dict[str, float | None] = {
        "firm": 60.0,
        "demand": None,
        "related": 40.0,
        "factor": 80.0,
    }
    series = [Series("All", values, "overall"), Series("Empty", {}), Series("G", values)]
    _, root = _render(STANDARD, series)
    assert _label_text(_labels(root)["demand"]).endswith("n/a")
    assert len(_points(_area(root).get("points", ""))) == 3
    lines = _lines(root)
    assert len(lines) == 2  # the all-None group draws no outline
    for path in lines:
        d = path.get("d", "")
        assert "Z" not in d
        # Broken around "demand": related -> factor -> firm, with no edge to the right tip.
        coords = re.findall(r"(-?[\d.]+) (-?[\d.]+)", d)
        assert len(coords) == 3
        assert all(float(x) <= 0.0 for x, _ in coords)


def test_complete_series_outline_is_closed() -> None:
    values = {"firm": 60.0, "demand": 50.0, "related": 40.0, "factor": 80.0}
    _, root = _render(STANDARD, [Series("All", values, "overall")])
    (path,) = _lines(root)
    assert path.get("d", "").endswith("Z")
    assert path.get("stroke-dasharray") is None


def test_na_only_when_no_series_has_a_value() -> None:
    _, root = _render(STANDARD, [Series("G", {"firm": 10.0, "demand": 20.0})])
    labels = _labels(root)
    assert _label_text(labels["related"]).endswith("n/a")
    assert "—" not in _label_text(labels["firm"])  # group scores are not put in labels


@pytest.mark.parametrize("n", [3, 5, 6, 8])
def test_custom_axes_evenly_clockwise_from_top(n: int) -> None:
    axes = [Axis(f"d{i}", f"Dimension number {i} with a fairly long name") for i in range(n)]
    values = {a.id: 10.0 * (i + 1) for i, a in enumerate(axes)}
    _, root = _render(axes, [Series("All", values, "overall"), Series("G", values)])
    labels = _labels(root)
    assert list(labels) == [a.id for a in axes]
    x0, y0 = _xy(labels["d0"])
    x1, _ = _xy(labels["d1"])
    assert abs(x0) < 1 and y0 < 0 and x1 > 0
    assert len(_points(_area(root).get("points", ""))) == n
    tips = _tips(root)
    assert len(tips) == n
    radii = {round(math.hypot(x, y)) for x, y in tips}
    assert len(radii) == 1
    grid = [p for p in root.iter(f"{NS}polygon") if p.get("fill") == "none"]
    assert len(grid) == 5 and all(len(_points(g.get("points", ""))) == n for g in grid)
    vx, vy, vw, vh = (float(v) for v in root.get("viewBox", "").split())
    for label in labels.values():
        spans = list(label.iter(f"{NS}tspan"))
        assert 1 <= len(spans) <= 3
        for span in spans:
            x, y = _xy(span)
            assert vx < x < vx + vw and vy < y < vy + vh


def test_standard_ids_plus_extra_use_even_layout() -> None:
    axes = [*STANDARD, Axis("government", "Government")]
    _, root = _render(axes, [])
    x, y = _xy(_labels(root)["factor"])
    assert abs(x) < 1 and y < 0  # first given axis is at the top


@pytest.mark.parametrize("n", [0, 1, 2])
def test_fewer_than_three_axes_still_draw(n: int) -> None:
    axes = STANDARD[:n]
    values = {a.id: 50.0 for a in axes}
    svg, root = _render(axes, [Series("All", values, "overall"), Series("G", values)])
    assert len(_labels(root)) == n
    assert root.find(f"{NS}title") is not None
    assert "nan" not in svg.lower()


def test_deterministic_output() -> None:
    series = [
        Series("All", {"firm": 33.333, "demand": 66.667}, "overall"),
        Series("G", {"factor": 12.5, "related": None}),
    ]
    first = diamond_svg(STANDARD, series, title="t", description="d", legend_title="L")
    second = diamond_svg(STANDARD, series, title="t", description="d", legend_title="L")
    assert first == second


def test_groups_have_distinct_dashes_colours_and_legend() -> None:
    values = {a.id: 50.0 for a in STANDARD}
    series = [Series("All", values, "overall"), Series("A", values), Series("B", values)]
    _, root = _render(STANDARD, series, legend_title="Groups")
    lines = _lines(root)
    assert len(lines) == 3
    overall, a, b = lines
    assert overall.get("stroke-dasharray") is None
    dashes = {a.get("stroke-dasharray"), b.get("stroke-dasharray")}
    assert None not in dashes and len(dashes) == 2
    assert len({ln.get("stroke") for ln in lines}) == 3
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    assert "Groups" in texts and {"All", "A", "B"} <= set(texts)
    legend_dashes = {
        ln.get("stroke-dasharray") for ln in root.iter(f"{NS}line") if ln.get("stroke-dasharray")
    }
    assert legend_dashes == dashes


def test_no_negative_zero() -> None:
    axes = [Axis(f"d{i}", f"D{i}") for i in range(6)]
    values = {a.id: 0.0 for a in axes}
    svg, _ = _render(axes, [Series("All", values, "overall"), Series("G", values)])
    assert not re.search(r"(?<![0-9])-0\.0(?![0-9])", svg)
    svg, _ = _render(STANDARD, [Series("All", {a.id: 0.0 for a in STANDARD}, "overall")])
    assert not re.search(r"(?<![0-9])-0\.0(?![0-9])", svg)


def test_intervals_draw_one_whisker_per_axis_with_an_interval() -> None:
    from diamond.render.chart import Axis, Series, diamond_svg

    axes = [Axis("firm", "Firm"), Axis("demand", "Demand"), Axis("related", "Related"),
            Axis("factor", "Factor")]
    svg = diamond_svg(axes, [Series("all", {"firm": 50, "demand": 60, "related": 40,
                                            "factor": 70}, "overall")],
                      title="t", description="d", intervals={"firm": (45.0, 55.0),
                                                             "factor": (60.0, 80.0)})
    assert svg.count('class="diamond-chart-ci"') == 2
    assert 'data-axis="firm"' in svg and svg == diamond_svg(
        axes, [Series("all", {"firm": 50, "demand": 60, "related": 40, "factor": 70},
                      "overall")], title="t", description="d",
        intervals={"firm": (45.0, 55.0), "factor": (60.0, 80.0)})
