"""``diamond.portfolio``: finding, assessing, ranking and rendering a folder of questionnaires."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import ASSESSMENTS, EXAMPLES
from tests.unit.test_compare import questionnaire_text
from tests.unit.test_compare_render import inline_tokens

from diamond.errors import OutputError, TemplateError, UsageError
from diamond.portfolio import (
    CLUSTERS_FOLDER,
    Outcome,
    ReportWriter,
    render_portfolio,
    report_stems,
    run_portfolio,
    write_portfolio,
)
from diamond.portfolio.render import portfolio_pages

HOSTILE = '<img src=x onerror="alert(1)"> & *Küme* | [x](y)'
BROKEN = """diamond: 1
sector: {name: Bozuk, region: X, period: "2020"}
respondents:
  - id: a
    answers:
      factor.lnd: 4
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    _write(root, "b-high.yaml", questionnaire_text({"factor.land": [5, 5, 4]}, name="Beta"))
    _write(root, "a-low.yaml", questionnaire_text({"factor.land": [1, 2, 2]}, name="Alfa"))
    _write(root, "sub/tie.yaml", questionnaire_text({"factor.land": [5, 5, 4]}, name="Aardvark"))
    _write(root, "sub/broken.yaml", BROKEN)
    shutil.copy(EXAMPLES / "valid" / "frameworks" / "porter-extended.yaml",
                root / "sub" / "porter-extended.yaml")
    _write(root, ".hidden/ignored.yaml", BROKEN)
    return root


def test_stems_are_unique_and_plain() -> None:
    assert report_stems(["a.yaml", "b.yml"]) == ["a", "b"]
    assert report_stems(["x/a.yaml", "y/a.yaml", "x-a.yaml"]) == ["x-a", "y-a", "x-a-2"]
    assert report_stems(["A.yaml", "a.yml"]) == ["A", "a-2"]


def test_invalid_file_is_listed_and_the_rest_assessed(folder: Path) -> None:
    seen: list[str] = []
    p = run_portfolio(folder, on_done=seen.append)
    assert p.files == 5 and len(seen) == 5
    assert [c.source for c in p.clusters] == ["sub/tie.yaml", "b-high.yaml", "a-low.yaml"]
    assert [c.rank for c in p.clusters] == [1, 2, 3]
    assert not p.ok
    (bad,) = p.invalid
    assert bad.source == "sub/broken.yaml"
    assert bad.messages[0].startswith("sub/broken.yaml:6:7: unknown indicator 'factor.lnd'")
    assert bad.diagnostics[0].path == str(folder / "sub" / "broken.yaml")
    assert p.skipped == ("sub/porter-extended.yaml",)
    assert [f.name for f in p.reports][:3] == ["a-low.md", "a-low-diamond.svg", "a-low.html"]


def test_ties_are_ranked_by_name(folder: Path) -> None:
    p = run_portfolio(folder)
    tie = [c for c in p.clusters if c.overall == p.clusters[0].overall]
    assert [c.name for c in tie] == ["Aardvark", "Beta"]


def test_parallel_run_gives_the_same_result(folder: Path) -> None:
    one = run_portfolio(folder, jobs=1)
    two = run_portfolio(folder, jobs=2)
    assert one == two
    assert render_portfolio(one) == render_portfolio(two)


def test_languages(folder: Path) -> None:
    assert run_portfolio(folder).lang == "en"  # every questionnaire is in English
    assert run_portfolio(folder, lang="tr").lang == "tr"
    p = run_portfolio(ASSESSMENTS)  # English and Turkish mixed: Turkish
    assert p.lang == "tr"
    assert p.columns[0].name == "Faktör (Girdi) Koşulları"


def test_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a folder"):
        run_portfolio(tmp_path / "missing")
    with pytest.raises(UsageError, match=r"no \.yaml"):
        run_portfolio(tmp_path)
    _write(tmp_path, "x.yaml", BROKEN)
    with pytest.raises(UsageError, match="unknown scoring method"):
        run_portfolio(tmp_path, method="mode")


def test_heat_map_escapes_names_and_never_uses_colour_alone(tmp_path: Path) -> None:
    _write(tmp_path, "h.yaml", questionnaire_text({"factor.land": [5, 5, 4]}, name=HOSTILE,
                                                  region="<b>R</b>"))
    files = {f.name: f.content for f in render_portfolio(run_portfolio(tmp_path))}
    html = files["portfolio.html"]
    assert "<img" not in html and "&lt;img src=x" in html and "<b>R</b>" not in html
    cell = html[html.index('<td class="cell heat-leading">'):]
    assert cell.startswith('<td class="cell heat-leading"><span class="score">91.7</span>'
                           '<span class="label">leading</span></td>')
    md = files["portfolio.md"]
    assert not re.search(r"(?<!\\)<", md) and r"\<img" in md and r"\|" in md
    assert r"\[x\]" in md
    assert "91.7 leading" in md
    tokens = inline_tokens(md)
    assert not [t for t in tokens if t.type in ("html_inline", "html_block", "image")]
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert links == ["clusters/h.md", "clusters/h.html"]
    assert len([t for t in tokens if t.type == "tr_open"]) == 4  # two tables, head + one row


def test_other_frameworks_leave_cells_empty(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    shutil.copytree(EXAMPLES / "valid" / "frameworks", root / "frameworks")
    shutil.copy(EXAMPLES / "valid" / "custom-framework.yaml", root / "custom.yaml")
    _write(root, "plain.yaml", questionnaire_text({"factor.land": [3, 4]}))
    monkeypatch.chdir(root)
    p = run_portfolio(Path("."), lang="en")
    assert [c.id for c in p.columns][-2:] == ["government", "chance"]
    data = json.loads(render_portfolio(p)[2].content)
    plain = next(c for c in data["clusters"] if c["source"] == "plain.yaml")
    assert "government" not in plain["dimensions"]
    html = render_portfolio(p)[1].content
    assert "not in framework" in html


def test_write_puts_reports_under_clusters(folder: Path, tmp_path: Path) -> None:
    p = run_portfolio(folder)
    out = tmp_path / "out"
    written = write_portfolio(p, render_portfolio(p), out, [folder / "a-low.yaml"])
    assert [w.name for w in written][-3:] == ["portfolio.md", "portfolio.html", "portfolio.json"]
    md = (out / "portfolio.md").read_text(encoding="utf-8")
    for c in p.clusters:
        for name in c.reports:
            assert (out / CLUSTERS_FOLDER / name).is_file()
            assert f"({CLUSTERS_FOLDER}/{name})" in md
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert data["counts"] == {"files": 5, "clusters": 3, "invalid": 1, "skipped": 1}
    assert data["invalid"][0]["errors"][0]["line"] == 6
    assert str(tmp_path) not in (out / "portfolio.json").read_text(encoding="utf-8")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_streamed_reports_are_the_files_write_portfolio_writes(
    folder: Path, tmp_path: Path
) -> None:
    inputs = sorted(folder.rglob("*.yaml"))
    whole = run_portfolio(folder)
    write_portfolio(whole, render_portfolio(whole), tmp_path / "whole", inputs)
    with ReportWriter(tmp_path / "streamed", inputs) as writer:
        streamed = run_portfolio(folder, jobs=2, sink=writer)
        assert streamed.reports == ()  # the text went to disk, not into memory
        assert len(writer.staged) == len(whole.reports)
        assert not (tmp_path / "streamed" / CLUSTERS_FOLDER / "a-low.md").exists()  # not yet
        written = writer.finish(portfolio_pages(streamed))
    # the cluster reports counted, not listed; the pages named, in order
    assert written.reports == len(whole.reports)
    assert written.folder == tmp_path / "streamed" / CLUSTERS_FOLDER
    assert written.others == [tmp_path / "streamed" / name
                              for name in ("portfolio.md", "portfolio.html", "portfolio.json")]
    assert _tree(tmp_path / "streamed") == _tree(tmp_path / "whole")


def test_streaming_never_writes_over_an_input_and_leaves_nothing(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    victim = _write(out / CLUSTERS_FOLDER, "b-high.html", "mine\n")
    with pytest.raises(OutputError, match="input file"), ReportWriter(out, [victim]) as writer:
        run_portfolio(folder, sink=writer)
    assert victim.read_text(encoding="utf-8") == "mine\n"
    assert _tree(out) == {f"{CLUSTERS_FOLDER}/b-high.html": b"mine\n"}  # no temporaries


def test_a_failed_run_removes_every_staged_temporary(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"

    def fail(index: int, outcome: Outcome) -> Outcome:
        kept = writer(index, outcome)
        if len(writer.staged) >= 3:
            raise RuntimeError("disk full")
        return kept

    with pytest.raises(RuntimeError), ReportWriter(out, []) as writer:
        run_portfolio(folder, sink=fail)
    assert _tree(out) == {}


@pytest.mark.parametrize("user_templates", [False, True])
def test_pages_streamed_to_disk_are_the_rendered_bytes(
    folder: Path, tmp_path: Path, user_templates: bool
) -> None:
    templates = tmp_path / "templates" if user_templates else None
    if templates is not None:  # the sandbox, over the built-in templates
        templates.mkdir()
    p = run_portfolio(folder)
    whole = render_portfolio(p, templates_dir=templates)
    with ReportWriter(tmp_path / "out", []) as writer:
        writer.finish(portfolio_pages(p, templates_dir=templates))
    for file in whole:
        assert (tmp_path / "out" / file.name).read_bytes() == str(file.content).encode("utf-8")


@pytest.mark.parametrize(("limit", "message"), [
    ("MAX_OUTPUT", "larger than 2,000 characters"),
    ("DIAMOND_TEMPLATE_SECONDS", "rendering took longer than"),
])
def test_user_template_bounds_hold_for_streamed_pages(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, message: str
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    if limit == "MAX_OUTPUT":
        monkeypatch.setattr("diamond.render.sandbox.MAX_OUTPUT", 2_000)
    else:
        monkeypatch.setenv(limit, "1e-9")
    p = run_portfolio(folder)
    out = tmp_path / "out"
    with pytest.raises(TemplateError, match=message), ReportWriter(out, []) as writer:
        writer.finish(portfolio_pages(p, templates_dir=templates))
    assert _tree(out) == {}  # nothing renamed, no temporary left


def test_rows_made_as_read_are_the_rows_and_render_the_same_pages(folder: Path) -> None:
    from diamond.compare.context import compare_filters
    from diamond.compare.labels import load_compare_labels
    from diamond.portfolio.context import build_portfolio_context
    from diamond.render.templates import make_environment, stream_template

    p = run_portfolio(folder, lang="tr")
    labels = load_compare_labels(p.lang, None)
    listed = build_portfolio_context(p, labels)["clusters"]
    rows = build_portfolio_context(p, labels, rows_as_read=True)["clusters"]
    assert not isinstance(rows, list) and isinstance(listed, list) and len(listed) == 3
    assert list(rows) == listed and list(rows) == listed  # walked twice, as the pages do
    assert len(rows) == len(listed) and bool(rows)
    assert [rows[k] for k in range(-3, 3)] == [listed[k] for k in range(-3, 3)]
    assert rows[1:] == listed[1:] and rows[::-1] == listed[::-1]
    env = make_environment(None, compare_filters(p.lang))
    whole = build_portfolio_context(p, labels)
    got = {f.name: f.content for f in render_portfolio(p)}  # the shipped pages: rows as read
    for fmt, name in (("md", "portfolio.md.j2"), ("html", "portfolio.html.j2")):
        text = "".join(stream_template(env, name, whole))
        assert got[f"portfolio.{fmt}"] == text
        assert "Alfa" in text and "Beta" in text
