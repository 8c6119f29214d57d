"""The report renderer: sections, escaping of hostile text, custom templates, the sandbox."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import ASSESSMENTS, ROOT

from diamond.errors import TemplateError, UsageError
from diamond.frameworks import builtin
from diamond.loader import load_questionnaire, require_valid
from diamond.models.questionnaire import Questionnaire
from diamond.render import filters
from diamond.render.labels import builtin_labels
from diamond.render.report import FORMATS, TEXT_FORMATS, RenderedFile, render_reports
from diamond.render.templates import builtin_templates
from diamond.scoring import Assessment, assess, to_json
from diamond.scoring.bands import LABELS as BAND_LABELS

CAT = builtin("stm-2015")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
LANGS = ("tr", "en")
PAYLOADS = (
    "<script>alert(1)</script>",
    '" onmouseover="x',
    "</style>",
    "| cell | break",
    "# heading",
    "[link](javascript:alert(1))",
    "line one\nline two",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt; &#60;i&#62;",
    "`code` *em* _u_ ~~gone~~ $x$ ![i](x.png)",
    "1. listed",
    "- bullet",
    "> quote",
    "<!-- comment -->",
    "---",
)


@functools.cache
def example(stem: str = "ankara-defence-aerospace", lang: str | None = None,
            method: str = "mean") -> Assessment:
    q, cat = require_valid(load_questionnaire(str(ASSESSMENTS / f"{stem}.yaml")))
    return assess(q, cat, method, lang=lang, date=None)  # type: ignore[arg-type]


def files(a: Assessment, formats: tuple[str, ...] = TEXT_FORMATS, **kw: Any) -> dict[str, str]:
    return {f.name: f.content for f in render_reports(a, formats, stem="r", **kw)}


def _text(kind: str, k: int, hostile: bool) -> str:
    if not hostile:
        return f"plain {kind} {k}"
    first = PAYLOADS[k % len(PAYLOADS)]
    return first + " " + " ".join(PAYLOADS)


def questionnaire(hostile: bool, lang: str = "en") -> Questionnaire:
    """Every free text (sector, SWOT, respondent ids) hostile, or plain with the same shape."""
    t = functools.partial(_text, hostile=hostile)
    swot = {
        quadrant: [
            {"text": t("item", k), "indicator": "factor.land", "importance": 5},
            {"text": t("item", k + 4), "dimension": "firm"},
            {"text": t("item", k + 8)},
        ]
        for k, quadrant in enumerate(("strengths", "weaknesses", "opportunities", "threats"))
    }
    ids = [(f"r{k} " + t("id", k))[:120] for k in range(3)]
    return Questionnaire.model_validate({
        "diamond": 1,
        "sector": {"name": t("name", 0)[:300], "region": t("region", 1)[:300],
                   "period": t("period", 2)[:300], "language": lang,
                   "description": t("description", 3)},
        "respondents": [
            {"id": ids[0], "group": "firm", "answers": {"factor.land": 2, "firm.sme_count": 2}},
            {"id": ids[1], "group": "university", "answers": {"factor.land": 1}},
            {"id": ids[2], "group": "public", "answers": {}},
        ],
        "swot": swot,
        "readiness": {"pre.a": "met"},
    })


# --------------------------------------------------------------------------- helpers


class Tags(HTMLParser):
    """Start tags with their attributes, and text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.h2: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack and self.stack[-1] == "h2":
            self.h2.append(data.strip())


def parse_html(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


def markdown_tokens(md: str) -> list[tuple[str, ...]]:
    """The Markdown's structure: block tokens, and each inline token's kinds of children."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    found: list[tuple[str, ...]] = []
    for token in parser.parse(md):
        found.append((token.type, token.tag))
        if token.type == "inline":
            kinds: list[str] = []
            for child in token.children or []:
                kind = "text" if child.type in {"text", "text_special"} else child.type
                if not (kinds and kinds[-1] == kind == "text"):
                    kinds.append(kind)
            found.append(tuple(kinds))
    return found


def table_cells(line: str) -> int:
    """Cell separators in a Markdown table row, skipping backslash-escaped characters."""
    count, escaped = 0, False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count


def tables(md: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in md.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


# --------------------------------------------------------------------------- API


def test_formats_come_in_fixed_order_once() -> None:
    a = example()
    names = [f.name for f in render_reports(a, ["json", "html", "md", "json"], stem="x")]
    assert names == ["x.md", "x-diamond.svg", "x.html", "x.json"]
    assert [f.name for f in render_reports(a, ["json"], stem="x")] == ["x.json"]
    assert all(isinstance(f, RenderedFile) for f in render_reports(a, ["md"], stem="x"))


@pytest.mark.parametrize("formats", [["rtf"], [], ["md", "odt"]])
def test_unknown_or_no_format_is_a_usage_error(formats: list[str]) -> None:
    with pytest.raises(UsageError, match="format"):
        render_reports(example(), formats, stem="x")


@pytest.mark.parametrize("stem", ["", "a/b", "..", "a\\b"])
def test_stem_must_be_a_plain_name(stem: str) -> None:
    with pytest.raises(UsageError):
        render_reports(example(), ["md"], stem=stem)


def test_unknown_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="language"):
        render_reports(example(), ["md"], stem="x", lang="de")


def test_json_is_the_scoring_json() -> None:
    out = files(example(), ("json",))
    assert out["r.json"] == to_json(example()) + "\n"


def test_markdown_links_the_svg_that_html_inlines() -> None:
    out = files(example())
    svg = out["r-diamond.svg"]
    assert svg.startswith("<svg ") and svg.endswith("</svg>\n")
    assert "![" in out["r.md"] and "](r-diamond.svg)" in out["r.md"]
    assert svg.strip() in out["r.html"]


def test_svg_link_is_percent_encoded() -> None:
    md = {f.name: f.content for f in render_reports(example(), ["md"], stem="my report (v2)")}
    assert "](my%20report%20%28v2%29-diamond.svg)" in md["my report (v2).md"]
    assert "my report (v2)-diamond.svg" in md


def test_rendering_is_deterministic() -> None:
    first = files(example("eskisehir-aviation"), FORMATS)
    example.cache_clear()
    again = files(example("eskisehir-aviation"), FORMATS)
    assert first == again
    hostile = files(questionnaire_assessment(True), FORMATS)
    assert hostile == files(questionnaire_assessment(True), FORMATS)


def questionnaire_assessment(hostile: bool, lang: str = "en") -> Assessment:
    return assess(questionnaire(hostile, lang), CAT, "mean")


def test_core_does_not_import_typer_or_rich() -> None:
    code = ("import sys, diamond.render.report as r; "
            "assert not {'typer', 'rich'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_only_render_modules_import_jinja2() -> None:
    for path in (ROOT / "src" / "diamond").rglob("*.py"):
        if "render" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(jinja2|markupsafe)\b", text, re.M), path


# --------------------------------------------------------------------------- sections


@pytest.mark.parametrize("lang", LANGS)
def test_html_has_every_section(lang: str) -> None:
    a = example(lang=lang)
    labels = builtin_labels()[lang]
    doc = parse_html(files(a, ("html",))["r.html"])
    titles = [labels["sections"][k] for k in ("summary", "chart", "swot", "cross", "tows",
                                              "recommendations", "readiness", "statistics",
                                              "robustness",
                                              "appendix")]
    dims = [f"{d.number} {d.name}" for d in a.dimensions]
    extra = builtin_labels("labels-deliverable.yaml")[lang]["sections"]
    # the example's report: block adds the methodology and the action plan
    assert doc.h2 == [titles[0], extra["methodology"], titles[1], *dims, *titles[2:-1],
                      extra["action_plan"], titles[-1]]
    text = " ".join(doc.text)
    for key in ("strongest_indicators", "weakest_indicators", "uncertain_indicators",
                "groups_title", "method_title", "weights_title", "respondents_title",
                "warnings_title"):
        assert labels["text"][key] in text
    for quadrant in labels["quadrants"].values():
        assert quadrant in text


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_every_section(lang: str) -> None:
    a = example(lang=lang)
    labels = builtin_labels()[lang]
    md = files(a, ("md",))["r.md"]
    h2 = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    titles = [labels["sections"][k] for k in ("summary", "chart", "swot", "cross", "tows",
                                              "recommendations", "readiness", "statistics",
                                              "robustness",
                                              "appendix")]
    extra = builtin_labels("labels-deliverable.yaml")[lang]["sections"]
    dims = [f"{d.number} {d.name}" for d in a.dimensions]
    assert h2 == [titles[0], extra["methodology"], titles[1], *dims, *titles[2:-1],
                  extra["action_plan"], titles[-1]]
    assert md.startswith(f"# {labels['report_title']}: {a.sector.name}\n")
    assert md.endswith("\n") and "\n\n\n" not in md


@pytest.mark.parametrize("lang", LANGS)
def test_language_of_labels_and_numbers(lang: str) -> None:
    a = example("eskisehir-aviation", lang=lang)  # an English questionnaire
    out = files(a, ("md", "html"), lang=lang)
    assert f'<html lang="{lang}">' in out["r.html"]
    score = filters.num(a.overall, 1, lang)
    assert ("," in score) == (lang == "tr")
    assert score in out["r.md"] and score in out["r.html"]
    labels = builtin_labels()[lang]
    assert labels["sections"]["summary"] in out["r.md"]


def test_summary_content() -> None:
    a = example()
    md = files(a, ("md",))["r.md"]
    summary = md.split("\n## ")[1]
    for i in (*a.summary.strongest_indicators, *a.summary.weakest_indicators,
              *a.summary.uncertain):
        # the body speaks in words: the short label, never the technical id
        assert builtin_labels("labels-deliverable.yaml")["tr"]["short"][i.id] in summary
        assert i.id not in summary
    assert a.summary.strongest_dimension is not None
    assert a.summary.strongest_dimension.name in summary


def test_indicator_tables_keep_their_columns_and_rows() -> None:
    a = example()
    md = files(a, ("md",))["r.md"]
    for block in tables(md):
        counts = {table_cells(line) for line in block}
        assert len(counts) == 1, block
    # every indicator once in the appendix's key of ids and source wording
    rows = [line for line in md.splitlines() if re.match(r"\| `[a-z_]+\.[a-z_]+` \| ", line)]
    assert len(rows) == len(a.indicators)


def test_median_method_adds_a_median_column() -> None:
    md = files(example(method="median"), ("md",))["r.md"]
    assert "| Medyan |" in md
    assert "| Medyan |" not in files(example(), ("md",))["r.md"]


def test_readiness_not_assessed_is_one_sentence() -> None:
    q = questionnaire(False)
    q = q.model_copy(update={"readiness": {}})
    a = assess(q, CAT, "mean")
    assert not a.readiness.assessed
    labels = builtin_labels()["en"]
    for name, text in files(a, ("md", "html")).items():
        if name.endswith(".svg"):
            continue
        assert labels["text"]["readiness_not_assessed"] in text, name
        assert "`pre.a`" not in text and ">pre.a<" not in text


def test_empty_swot_and_unscored_dimensions() -> None:
    q = Questionnaire.model_validate({
        "diamond": 1, "sector": {"name": "S", "region": "R", "period": "P", "language": "en"},
        "respondents": [{"id": "a", "answers": {"factor.land": 3}}],
    })
    a = assess(q, CAT, "mean")
    labels = builtin_labels()["en"]
    out = files(a, ("md", "html"))
    for text in (out["r.md"], out["r.html"]):
        assert labels["text"]["no_swot"] in text
        assert labels["text"]["no_score"] in text
    for block in tables(out["r.md"]):
        assert len({table_cells(line) for line in block}) == 1


# --------------------------------------------------------------------------- escaping


def test_html_escapes_every_hostile_text() -> None:
    hostile = files(questionnaire_assessment(True), ("html",))["r.html"]
    plain = files(questionnaire_assessment(False), ("html",))["r.html"]
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in hostile
    assert "<script" not in hostile.lower()
    assert hostile.count("</style>") == 1  # the stylesheet's own
    assert "<img" not in hostile and "<!-- comment" not in hostile
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    doc, twin = parse_html(hostile), parse_html(plain)
    # The same elements with the same attributes in the same order: text added nothing.
    assert [(t, [n for n, _ in attrs]) for t, attrs in doc.tags] == [
        (t, [n for n, _ in attrs]) for t, attrs in twin.tags
    ]
    for tag, attrs in doc.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None and value.startswith("#")
    assert "[link](javascript:alert(1))" in " ".join(doc.text)


def test_markdown_keeps_hostile_text_inert() -> None:
    hostile = files(questionnaire_assessment(True), ("md",))["r.md"]
    plain = files(questionnaire_assessment(False), ("md",))["r.md"]
    assert markdown_tokens(hostile) == markdown_tokens(plain)
    kinds = {k for token in markdown_tokens(hostile) for k in token}
    assert not kinds & {"html_block", "html_inline", "link_open", "code_block", "fence"}
    assert sum(1 for token in markdown_tokens(hostile) for k in token if k == "image") == 1
    for block in tables(hostile):
        counts = [table_cells(line) for line in block]
        assert len(set(counts)) == 1, block
    assert "<script>" not in hostile and "\\<script\\>" in hostile


@pytest.mark.parametrize(("text", "expected"), [
    ("a | b", "a \\| b"),
    ("two\nlines", "two lines"),
    ("  padded  ", "padded"),
    ("[x](javascript:y)", "\\[x\\](javascript:y)"),
    ("<b>*i*</b>", "\\<b\\>\\*i\\*\\</b\\>"),
    ("back\\slash", "back\\\\slash"),
    ("&amp; & x", "\\&amp; & x"),
    ("_u_ `c` ~s~ $m$", "\\_u\\_ \\`c\\` \\~s\\~ \\$m\\$"),
    (None, ""),
])
def test_md_cell(text: str | None, expected: str) -> None:
    assert filters.md_cell(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("# h", "\\# h"), ("- b", "\\- b"), ("+ b", "\\+ b"), ("= x", "\\= x"),
    ("12. n", "12\\. n"), ("3) n", "3\\) n"), ("7.", "7\\."), ("> q", "\\> q"),
    ("2015-05", "2015-05"), ("1.1 Faktör", "1.1 Faktör"), ("plain # text", "plain # text"),
])
def test_md_text_escapes_line_starts(text: str, expected: str) -> None:
    assert filters.md_text(text) == expected


def test_number_filters() -> None:
    assert filters.num(56.3448, 1, "tr") == "56,3"
    assert filters.num(56.3448, 2, "en") == "56.34"
    assert filters.num(None) == "–" and filters.num(float("nan")) == "–"
    assert filters.num(-0.01, 1) == "0.0"
    assert filters.pct(0.5, 0, "tr") == "%50" and filters.pct(1.0, 0, "en") == "100%"
    assert filters.signed(3) == "+3" and filters.signed(0) == "0" and filters.signed(-2) == "−2"
    assert filters.score_bar(60) == "██████░░░░" and filters.score_bar(None) == "·" * 10


def test_fill_takes_plain_names_only() -> None:
    assert filters.fill("{a} and {b}", {"a": 1, "b": "x"}) == "1 and x"
    assert filters.fill("{a.__class__} {0} {a[0]} {missing}", {"a": "s"}) == (
        "{a.__class__} {0} {a[0]} {missing}"
    )
    assert str(filters.fill("<{a}>", {"a": "<b>"}, autoescape=True)) == "&lt;&lt;b&gt;&gt;"


# --------------------------------------------------------------------------- labels


def test_labels_have_the_same_keys_in_both_languages() -> None:
    labels = builtin_labels()

    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return "text"

    assert set(labels) == set(LANGS)
    assert shape(labels["tr"]) == shape(labels["en"])


def test_band_labels_agree_with_scoring() -> None:
    labels = builtin_labels()
    for band, names in BAND_LABELS.items():
        for lang in LANGS:
            assert labels[lang]["bands"][band] == names[lang]  # type: ignore[index]


def test_builtin_templates_are_found() -> None:
    folder = builtin_templates()
    for name in ("report.md.j2", "report.html.j2", "labels.yaml"):
        assert (folder / name).is_file()


# --------------------------------------------------------------------------- custom templates


def test_override_of_one_template_falls_back_for_the_rest(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text(
        "CUSTOM {{ sector.name|md_text }} {{ overall.score|num }}\n", encoding="utf-8")
    a = example()
    custom = files(a, templates_dir=tmp_path)
    default = files(a)
    assert custom["r.md"] == f"CUSTOM {a.sector.name} {filters.num(a.overall, 1, 'tr')}\n"
    assert custom["r.html"] == default["r.html"]
    assert custom["r.json"] == default["r.json"]


def test_override_of_a_partial_and_some_labels(tmp_path: Path) -> None:
    (tmp_path / "_style.css.j2").write_text("body { color: #123456; }\n", encoding="utf-8")
    (tmp_path / "labels.yaml").write_text(
        yaml.safe_dump({"tr": {"sections": {"summary": "Özet Bölümü"}}}, allow_unicode=True),
        encoding="utf-8")
    out = files(example(), templates_dir=tmp_path)
    assert "body { color: #123456; }" in out["r.html"] and "--accent" not in out["r.html"]
    assert "<h2>Özet Bölümü</h2>" in out["r.html"] and "## Özet Bölümü\n" in out["r.md"]
    assert "## Elmas Modeli\n" in out["r.md"]  # other labels unchanged


def test_missing_templates_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not found"):
        render_reports(example(), ["md"], stem="r", templates_dir=tmp_path / "nope")


@pytest.mark.parametrize("labels", ["tr: [1, 2]\n", "tr: {sections: text}\n", "tr: {a: [\n"])
def test_bad_labels_file(tmp_path: Path, labels: str) -> None:
    (tmp_path / "labels.yaml").write_text(labels, encoding="utf-8")
    with pytest.raises(TemplateError, match=r"labels\.yaml"):
        render_reports(example(), ["md"], stem="r", templates_dir=tmp_path)


def test_undefined_variable_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "report.html.j2").write_text("<p>\n{{ sector.name }}\n{{ foo }}\n</p>\n")
    with pytest.raises(TemplateError) as caught:
        render_reports(example(), ["html"], stem="r", templates_dir=tmp_path)
    message = str(caught.value)
    assert "report.html.j2, line 3: 'foo' is undefined" in message


def test_error_in_an_included_partial_names_the_partial(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("# x\n{% include 'part.md.j2' %}\n")
    (tmp_path / "part.md.j2").write_text("ok\n{{ sector.nope }}\n")
    with pytest.raises(TemplateError, match=r"part\.md\.j2, line 2: .*nope"):
        render_reports(example(), ["md"], stem="r", templates_dir=tmp_path)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("# x\n\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"report\.md\.j2, line 3: "):
        render_reports(example(), ["md"], stem="r", templates_dir=tmp_path)


def test_runtime_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("a\n{{ 1 / 0 }}\n")
    with pytest.raises(TemplateError, match=r"report\.md\.j2, line 2: ZeroDivisionError"):
        render_reports(example(), ["md"], stem="r", templates_dir=tmp_path)


@pytest.mark.parametrize("source", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ labels.__class__.__base__.__subclasses__() }}",
    "{{ '{0.__class__}'.format(1) }}",
    "{{ labels.clear() }}",
    "{% import 'os' as os %}{{ os.environ }}",
    "{% include '/etc/passwd' %}",
    "{% include '../secret.txt' %}",
    "{% extends '/etc/hostname' %}",
])
def test_sandbox_refuses(tmp_path: Path, source: str) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (tmp_path / "secret.txt").write_text("TOP-SECRET\n")
    (templates / "report.md.j2").write_text(f"x\n{source}\n")
    with pytest.raises(TemplateError, match=r"report\.md\.j2"):
        render_reports(example(), ["md"], stem="r", templates_dir=templates)


def test_sandbox_context_holds_only_plain_data(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text(
        "{% for k, v in (sector|dictsort) %}{{ k }}={{ v.__class__ is defined }};{% endfor %}\n")
    out = files(example(), ("md",), templates_dir=tmp_path)["r.md"]
    assert out.strip() == "description=False;name=False;period=False;region=False;"
    from diamond.render.context import build_context

    context = build_context(example(), builtin_labels()["tr"], lang="tr", svg_name="x.svg")

    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(context)


@pytest.mark.parametrize("lang", LANGS)
def test_evidence_section_only_with_evidence(lang: str) -> None:
    from diamond.loader import load_questionnaire, require_valid
    from diamond.scoring import assess

    labels = builtin_labels()[lang]
    path = Path(__file__).resolve().parent.parent / "examples" / "valid" / "with-evidence.yaml"
    questionnaire, catalogue = require_valid(load_questionnaire(str(path)))
    with_evidence = assess(questionnaire, catalogue, lang=lang)
    out = files(with_evidence, ("md", "html"), lang=lang)
    assert f"## {labels['sections']['evidence']}\n" in out["r.md"]
    assert '<section id="evidence">' in out["r.html"]
    lq = with_evidence.evidence.lq if with_evidence.evidence else None
    assert lq is not None
    shown = f"{lq:.2f}".replace(".", ",") if lang == "tr" else f"{lq:.2f}"
    assert shown in out["r.md"] and shown in out["r.html"]
    for disagreement in with_evidence.evidence.disagreements if with_evidence.evidence else ():
        assert disagreement.message[lang].split(":")[0] in out["r.md"]
    plain = files(example(lang=lang), ("md", "html"), lang=lang)
    assert labels["sections"]["evidence"] not in plain["r.md"]
    assert 'id="evidence"' not in plain["r.html"]


def test_compiled_template_cache_never_serves_a_stale_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DIAMOND_NO_TEMPLATE_CACHE", raising=False)
    templates = tmp_path / "templates"
    templates.mkdir()
    override = templates / "report.md.j2"
    override.write_text("first {{ sector.name }}\n", encoding="utf-8")
    a = example()
    first = files(a, ("md",), templates_dir=templates)["r.md"]
    assert first.startswith("first ")
    assert list((tmp_path / "cache" / "diamond").rglob("*.cache")), "nothing was cached"
    override.write_text("second {{ sector.name }}\n", encoding="utf-8")
    assert files(a, ("md",), templates_dir=templates)["r.md"].startswith("second ")
    # The built-in report renders the same with or without the cache.
    cached = files(a, ("md", "html"))
    monkeypatch.setenv("DIAMOND_NO_TEMPLATE_CACHE", "1")
    assert files(a, ("md", "html")) == cached


def test_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv("DIAMOND_NO_TEMPLATE_CACHE", raising=False)
    assert files(example(), ("md",))["r.md"].startswith("# ")


def test_builtin_labels_are_read_once_and_handed_out_as_fresh_copies() -> None:
    from diamond.render.labels import load_labels

    first = load_labels("en")
    first["text"]["no_score"] = "changed"
    first["deliverable"] = {}
    again = load_labels("en")
    assert again["text"]["no_score"] != "changed" and "deliverable" not in again
    assert builtin_labels() == builtin_labels() and builtin_labels() is not builtin_labels()


def test_the_builtin_templates_environment_is_made_once_per_language(tmp_path: Path) -> None:
    from diamond.render.job import report_environment

    assert report_environment(None, "tr") is report_environment(None, "tr")
    assert report_environment(None, "tr") is not report_environment(None, "en")
    # a user's templates may change between calls: never shared
    assert report_environment(tmp_path, "tr") is not report_environment(tmp_path, "tr")


def test_the_context_made_twice_is_the_same_with_its_own_swot_items() -> None:
    """The SWOT items are made once per entry and copied wherever the context shows them
    (a dimension's section, the SWOT table, each TOWS pair): equal contexts, and no two
    places share an item's dict."""
    from diamond.render.context import build_context
    from diamond.render.job import BUILTIN

    a = example()
    labels = BUILTIN.labels("en")
    first = build_context(a, labels, lang="en", svg_name="x.svg")
    again = build_context(a, labels, lang="en", svg_name="x.svg")
    assert first == again
    shown = [*first["swot"]["items"], *(i for d in first["dimensions"] for q in d["swot"]
                                        for i in q["items"])]
    shown += [p[side] for t in first["tows"] for k in t["kinds"] for p in k["pairs"]
              for side in ("first", "second")]
    assert shown and len({id(item) for item in shown}) == len(shown)
    other = example("eskisehir-ceramics")
    assert build_context(other, labels, lang="en", svg_name="x.svg")["swot"] != first["swot"]
