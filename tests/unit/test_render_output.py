"""The shipped templates' outputs in one call each, and the report filters' memos.

``diamond.render.output`` compiles every ``{{ … }}`` of a trusted template to one
call (``html_output``/``text_output``) instead of Jinja's ``escape(finalize(x))`` and
``str(finalize(x))``, and skips re-scanning a macro's own result; the filters in
``diamond.render.filters`` remember what recurs. All of it must give the very text
Jinja's own code and the unmemoised functions give, hostile text included.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from diamond import memo
from diamond.render import chart, fast_filters, filters
from diamond.render.filters import fill, filters_for, md_text, num, report_safe
from diamond.render.output import OutputCodeGenerator, RecordingMacro
from diamond.render.templates import environment_options
from diamond.render.trusted import TrustedEnvironment
from diamond.safetext import report_text

HOSTILE = ["plain", "", "İş & Güç <b>\"q\"</b> 'a'", "bell\x07", "esc\x1b[31m", "c1\x9b",
           "line\nbreak\ttab", "sur\udcfd", "  # heading", "1. item", "a|b*c_d`e`[x](y)",
           "&amp; &#33;", "{name} {other}", "\u202eevil", "x" * 600, "del\x7f"]
VALUES: list[Any] = [*HOSTILE, None, 0, 1, -0.0, 0.04, -0.04, 56.25, 1e300, float("nan"),
                     float("inf"), True, 3, Markup("<i>m</i>"), Markup("m\x1b"),
                     # long ones, read by their bytes (a chart's SVG ends with a newline)
                     "y" * 300 + "\x1b", Markup("<svg>" + "z" * 300 + "\u011f</svg>\n"),
                     Markup("<svg>" + "z" * 300 + "\x9b\x7f</svg>\n"), "w\n" * 200]


def _plain(**options: Any) -> jinja2.Environment:
    return jinja2.Environment(**{**environment_options(), **options})


def _trusted() -> TrustedEnvironment:
    return TrustedEnvironment(**environment_options())


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_one_call_outputs_are_jinjas_finalize_and_escape(value: Any) -> None:
    env = _trusted()
    for _ in range(2):  # the second time from the memo
        assert str(env.html_output(value)) == str(escape(report_safe(value)))
        assert str(env.text_output(value)) == str(report_safe(value))


SOURCE = """{% macro cell(x) %}<td>{{ x }}</td>{{ x|length }}
{% endmacro %}{% macro row(xs) %}{% for x in xs %}{{ cell(x) }}{% endfor %}
{% endmacro %}{% set kept = row(values) %}{{ row(values) }}{{ kept }}{{ cell(values[0]) }}
{{ values|join(", ") }} {{ "%s"|format(values[1]) }} {{ cell(values[2]) ~ values[3] }}"""


@pytest.mark.parametrize("name", ["page.html.j2", "page.md.j2"])
def test_trusted_templates_render_what_jinja_renders(name: str) -> None:
    trusted = _trusted()
    plain = _plain()
    values = HOSTILE * 2
    random.Random(7).shuffle(values)
    context = {"values": values}
    got = trusted.from_string(SOURCE).render(context)
    assert got == plain.from_string(SOURCE).render(context)
    by_name = jinja2.DictLoader({name: SOURCE})
    trusted.loader = plain.loader = by_name
    assert trusted.get_template(name).render(context) == plain.get_template(name).render(
        context)
    assert "\\x1b" in got and "\x1b" not in got


def _code(env: jinja2.Environment, source: str) -> str:
    return str(env.compile(source, "t.html.j2", "t.html.j2", raw=True))


def test_the_generated_code_makes_one_call_per_output() -> None:
    code = _code(_trusted(), "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(y) }} {{ y }}")
    assert "environment.html_output(" in code and "environment.finalize(" not in code
    assert code.rstrip().endswith("Macro = environment.recording_macro")
    assert isinstance(_trusted().from_string("{% macro m() %}{% endmacro %}{{ m }}").module.m,
                      RecordingMacro)


@pytest.mark.parametrize("source", [
    "{% macro m() %}a\x1bb{% endmacro %}{{ m() }}",
    "{% macro m() %}{% filter upper %}{{ 'x' }}{% endfilter %}{% endmacro %}{{ m() }}",
    "{% macro m() %}{% call caller_of() %}z{% endcall %}{% endmacro %}",
])
def test_macros_whose_output_is_not_all_finalized_stay_jinjas(source: str) -> None:
    assert "Macro = environment.recording_macro" not in _code(_trusted(), source)
    assert not isinstance(_trusted().from_string(source).module.m, RecordingMacro)


CALLS = """{% macro two(a, b) %}<{{ a }}|{{ b }}>{% endmacro %}{% macro opt(a, b='d') %}[{{ a }}{{ b
}}]{% endmacro %}{% macro many() %}{{ varargs|length }}{{ kwargs|length }}{% endmacro %}
{{ two(values[0], values[1]) }}{{ two(two(values[2], values[3]), values[4]) }}{{ opt(values[5]) }}
{{ opt(values[6], b=values[7]) }}{{ many(1, 2, k=3) }}{{ two(*values[8:10]) }}{{ two(values[11]) }}
{% for x in values %}{{ two(x, loop.index) }}{{ opt(x) }}{% endfor %}{{ values|join|length }}
{{ two(values[12], opt(values[13])) ~ values[14] }}{{ two }}{{ two(values[15], none) }}"""


@pytest.mark.parametrize("name", ["page.html.j2", "page.md.j2"])
def test_macros_called_directly_from_outputs_render_what_jinja_renders(name: str) -> None:
    """An output's macro call goes straight to the macro's function only with exactly its
    arguments by position; defaults, keywords, ``*args``, ``varargs``/``kwargs``, too few
    arguments (an undefined one) and a macro's result used in an expression are Jinja's."""
    values = [*HOSTILE, *HOSTILE]
    random.Random(11).shuffle(values)
    loader = jinja2.DictLoader({name: CALLS})
    trusted, plain = TrustedEnvironment(loader=loader, **environment_options()), _plain(
        loader=loader)
    assert "_macro._func(" in _code(trusted, CALLS)
    got = trusted.get_template(name).render(values=values)
    assert got == plain.get_template(name).render(values=values)
    assert "\\x1b" in got


def test_a_macro_of_the_other_kind_called_directly_renders_what_jinja_renders() -> None:
    """An HTML template's macro output from a Markdown template and the other way round."""
    loader = jinja2.DictLoader({
        "m.html.j2": "{% macro h(x) %}<b>{{ x }}</b>{% endmacro %}",
        "m.md.j2": "{% macro t(x) %}**{{ x }}**{% endmacro %}",
        "page.md.j2": "{% import 'm.html.j2' as m %}{{ m.h(v) }}",
        "page.html.j2": "{% import 'm.md.j2' as m %}{{ m.t(v) }}",
    })
    trusted, plain = TrustedEnvironment(loader=loader, **environment_options()), _plain(
        loader=loader)
    for name in ("page.md.j2", "page.html.j2"):
        for value in HOSTILE:
            assert (trusted.get_template(name).render(v=value)
                    == plain.get_template(name).render(v=value))


def test_a_macro_whose_text_is_not_finalized_renders_as_jinja_renders_it() -> None:
    source = "{% macro m(x) %}[\x1b{{ x }}]{% endmacro %}{{ m(y) }}{{ m(y)|upper }}"
    for name in ("t.html.j2", "t.md.j2"):
        loader = jinja2.DictLoader({name: source})
        got = TrustedEnvironment(loader=loader, **environment_options()).get_template(name)
        want = _plain(loader=loader).get_template(name)
        assert got.render(y="\x07") == want.render(y="\x07")


def test_the_generator_is_the_trusted_environments_only() -> None:
    assert TrustedEnvironment.code_generator_class is OutputCodeGenerator
    assert "environment.html_output(" not in _code(_plain(), "{{ y }}")


CALLS = """{% macro two(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}\
{% macro opt(a, b="d") %}({{ a }}:{{ b }}){% endmacro %}\
{% macro rest(a) %}<{{ a }}{{ varargs|join(",") }}{{ kwargs|dictsort|join(";") }}>{% endmacro %}\
{% macro framed(a) %}{{ a }}{% endmacro %}\
{% for x in values %}{{ two(x, loop.index) }}{{ opt(x) }}{{ opt(x, b=x) }}{{ opt(b=1, a=x) }}\
{{ rest(x, 1, 2, k=x) }}{{ rest(x) }}{% endfor %}{% set kept = two(values[0], values[1]) %}\
{{ kept }}{{ kept|upper }}{{ two(values[2], values[3]) ~ "&" }}"""
LOOKUPS = """{{ d.name }} {{ d.items is callable }} {{ d.get("name") }} {{ d.inner.deep.name }}\
{{ d.inner.missing is defined }} {{ o.real }} {{ o.name is defined }} {{ s.upper() }}\
{% for k in d.inner.deep %}{{ k }}{% endfor %}{% macro m(x) %}{{ x.name }}{% endmacro %}\
{{ m(d) }}{{ m(d.inner.deep) }}{{ (d.inner if d.flag else d).name }}{{ d["name"] }}"""

FILTERS = """{{ rows|map(attribute="name")|join("; ") }} {{ values|map("upper")|join(", ") }}\
{{ values|join }} {{ rows|selectattr("n", "equalto", 2)|map(attribute="name")|first }}\
{{ rows|rejectattr("n", "odd")|list }} {{ values|select("string")|list|length }}\
{{ values|reject("none")|first }} {{ rows|sum(attribute="n") }} {{ values|unique|list }}\
{% for g in rows|groupby("n") %}{{ g.grouper }}={{ g.list|join(",", attribute="name") }}\
{{ loop.nothing is defined }}{% endfor %}{{ values|slice(2)|list }}{{ values|first }}\
{{ rows|map(attribute="nope", default="d")|join }}\
{{ rows|map(attribute="name.0", default="-")|join }}\
{{ [rows, rows]|map(attribute="1")|map(attribute="name")|join }} {{ [s, o]|map("string")|list }}\
{{ values|map("md_text")|join("/") }} {{ values|map("replace", "a", "b")|join }}\
{{ [3, 1.5, -2, 7]|min }} {{ [3, 1.5, -2, 7]|max }} {{ [[o, 0]|max, 100]|min }} {{ [2, 2.0]|max }}\
{{ ["b", "A", "c"]|min }} {{ ["b", "A", "c"]|max(case_sensitive=true) }} {{ [true, 0]|max }}\
{{ rows|max(attribute="n") }} {{ (1, 5)|min }} {{ []|map(attribute="x")|list }}\
{{ rows|selectattr("n", "equalto", 1)|list }} {{ rows|selectattr("n", "equalto", 9)|list }}\
{{ rows|selectattr("n", "equalto", 1.0)|map(attribute="name")|join }}\
{{ []|selectattr("n", "equalto", 1)|list }} {{ rows|selectattr("n")|list|length }}\
{{ [d, d.inner]|selectattr("name", "equalto", "D<&>")|list }}\
{{ rows|selectattr("n", "eq", 2)|list|length }} {{ rows|selectattr("n", "equalto", 2)|first }}\
{{ [d]|selectattr("inner.deep.z", "equalto", 1)|list|length }}\
{{ rows|selectattr("n", "equalto", o)|list }}"""


def test_the_trusted_environment_calls_the_plain_filters() -> None:
    """The async-aware wrappers of map, join, select… are replaced by the plain filters
    they wrap, called with the same first argument (``list`` and ``slice``, whose
    wrapper adds an argument, stay wrapped)."""
    env = _trusted()
    for name in ("select", "first", "sum", "groupby"):
        assert env.filters[name] is jinja2.Environment().filters[name].__wrapped__
    assert env.filters["map"] is fast_filters.map_filter
    assert env.filters["join"] is fast_filters.join_filter
    assert env.filters["selectattr"] is fast_filters.selectattr_filter
    assert env.filters["list"] is jinja2.Environment().filters["list"]
    assert env.filters["slice"] is jinja2.Environment().filters["slice"]


@pytest.mark.parametrize("autoescape", [True, False])
def test_the_join_filter_joins_what_jinja_joins(autoescape: bool) -> None:
    """``join_filter`` against Jinja's ``sync_do_join``: plain strings, markup, numbers,
    None, an iterator, a markup or number delimiter, an attribute; the caller's list is
    left as it was."""
    from jinja2.filters import sync_do_join
    from jinja2.nodes import EvalContext

    eval_ctx = EvalContext(jinja2.Environment(autoescape=autoescape))
    rows = [{"name": "a<b"}, {"name": Markup("<i>c</i>")}]
    cases: list[tuple[Any, ...]] = [
        (["a<b", "c&d"], ", "), (["a", Markup("<b>x</b>")], " & "), ([1, 2.5, None], "<"),
        ([], "-"), (("x", "y"), ""), (["a", "b"], Markup("<br>")), (["a", "b"], 3),
        ([Markup("<i>"), 4], "/"), (rows, "|", "name"), (["only"], ", "),
    ]
    for case in cases:
        items, d, *attribute = case
        before = list(items) if isinstance(items, list) else items
        want = sync_do_join(eval_ctx, list(items), d, *attribute)
        got = fast_filters.join_filter(eval_ctx, items, d, *attribute)
        assert (type(got), got) == (type(want), want)
        assert items == before
        got = fast_filters.join_filter(eval_ctx, iter(items), d, *attribute)
        assert (type(got), got) == (type(want), want)


@pytest.mark.parametrize("name", ["t.html.j2", "t.md.j2"])
@pytest.mark.parametrize("source", [CALLS, LOOKUPS, FILTERS],
                         ids=["calls", "lookups", "filters"])
def test_macro_calls_and_lookups_render_what_jinja_renders(name: str, source: str) -> None:
    values = HOSTILE[:6]
    context = {"values": values, "o": 3, "s": "x<y",
               "rows": [{"name": text, "n": k % 3} for k, text in enumerate(HOSTILE[:7])],
               "d": {"name": "D<&>", "flag": True, "items": "not the method",
                     "inner": {"name": "in\x1b", "deep": {"name": "deep", "z": 1}}}}
    loader = jinja2.DictLoader({name: source})
    trusted = TrustedEnvironment(loader=loader, **environment_options())
    plain = _plain(loader=loader)
    trusted.filters["md_text"] = plain.filters["md_text"] = md_text
    got = trusted.get_template(name).render(context)
    assert got == plain.get_template(name).render(context)
    assert got.strip()


def test_a_missing_key_is_undefined_as_jinja_makes_it() -> None:
    source = "{{ d.nothing }}"
    with pytest.raises(jinja2.UndefinedError) as plain_error:
        _plain().from_string(source).render(d={"name": 1})
    with pytest.raises(jinja2.UndefinedError) as trusted_error:
        _trusted().from_string(source).render(d={"name": 1})
    assert str(trusted_error.value) == str(plain_error.value)


def test_the_generated_code_looks_dict_keys_up_in_place() -> None:
    code = _code(_trusted(), "{{ a.b.c }} {{ a.items }}")
    assert "['c'] if type(" in code and "['b'] if type(" in code
    assert "environment.getattr(l_0_a, 'items')" in code or "'items')" in code
    assert "['items']" not in code  # a dict method's name stays a getattr


# The filters' memos: the same text as the functions without them, also once emptied.


def _reference_md_text(value: Any) -> str:
    text = re.sub(r"\s+", " ", "" if value is None else str(value)).strip()
    text = re.sub(r"([\\`*_\[\]<>|~$])", r"\\\1", text)
    text = re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", text)
    match = re.match(r"^([#+=-]|\d{1,9}(?=[.)](?: |$)))", text)
    if match is not None:
        end = match.end()
        text = text[:end] + "\\" + text[end:] if match.group(1)[0].isdigit() else "\\" + text
    return text


def _reference_fill(template: Any, values: Mapping[str, Any], autoescape: bool) -> str:
    def one(convert: Callable[[Any], str], found: Mapping[str, Any]) -> Callable[
            [re.Match[str]], str]:
        return lambda m: convert(found[m.group(1)]) if m.group(1) in found else m.group(0)

    pattern = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
    if autoescape:
        safe = {k: escape(v) for k, v in values.items()}
        return Markup(pattern.sub(one(str, safe), str(escape(template))))
    return pattern.sub(one(str, values), str(template))


def _reference_num(value: Any, digits: int = 1, lang: str = "en") -> str:
    if value is None or isinstance(value, bool):
        return "–"
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        return "–"
    text = f"{number:.{max(0, min(int(digits), 6))}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace(".", ",") if lang == "tr" else text


def test_memoised_filters_give_what_the_plain_functions_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memo, "MOST", 5)  # emptied again and again
    rng = random.Random(11)
    labels = ["{n} of {total}", "<b>{name}</b> & {missing}", "no placeholder", "{a}{a}{b}",
              Markup("<i>{x}</i>"), "{ bad }", "{_x1}"]
    for _ in range(400):
        value = rng.choice(VALUES)
        assert md_text(value) == _reference_md_text(value)
        number = rng.choice([0, 1, 2.5, -0.04, 56.25, 3, 1 / 3, None, True, float("nan")])
        digits = rng.choice([0, 1, 2, 7])
        lang = rng.choice(["tr", "en"])
        assert num(number, digits, lang) == _reference_num(number, digits, lang)
        label = rng.choice(labels)
        values = {k: rng.choice(VALUES) for k in rng.sample(["n", "total", "name", "a", "x"],
                                                             3)}
        for autoescape in (False, True):
            got = fill(label, values, autoescape)
            want = _reference_fill(label, values, autoescape)
            assert got == want and type(got) is type(want)


def test_report_safe_escapes_what_report_text_escapes() -> None:
    for value in HOSTILE:
        assert report_safe(value) == report_text(value)
        assert report_safe(Markup(value)) == Markup(report_text(value))
        assert type(report_safe(Markup(value))) is Markup
    assert report_safe(3) == 3


def test_wrapped_labels_are_the_same_from_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart, "_WRAPPED_MOST", 3)
    texts = ["Firma stratejisi, yapısı ve rekabet", "a b c d e f g h i j k l m n o p",
             "tek", "", "non\u00a0breaking space here and there"]
    for _ in range(3):
        for text in texts:
            for width, lines in ((24, 3), (36, 2), (18, 3)):
                got = chart.wrap_label(text, width, lines)
                assert got == chart._wrap(text, width, lines)
                got.append("changed")  # the caller's own list
                assert chart.wrap_label(text, width, lines) == chart._wrap(text, width, lines)


def test_filters_for_both_languages_use_the_memo_consistently() -> None:
    for lang in ("tr", "en", "tr"):
        f = filters_for(lang)
        assert f["num"](56.25) == _reference_num(56.25, 1, lang)
        assert f["pct"](0.8) == ("%80" if lang == "tr" else "80%")


def test_the_language_filters_give_what_the_functions_give() -> None:
    """``num``, ``pct`` and ``fill`` as the templates call them (their memos and in-place
    common cases) give what ``num``, ``pct`` and ``fill`` give, first time and from the
    memos, for ints, floats (negative zero, NaN, infinities), bools, None and strings."""
    from jinja2.nodes import EvalContext

    from diamond.render.filters import pct

    numbers = [0, 1, -1, 2.5, -0.0, -0.04, 0.004, 56.25, 1 / 3, 1e20, True, False, None,
               float("nan"), float("inf"), float("-inf"), "12", 7, 7.0]
    for lang in ("tr", "en"):
        f = filters_for(lang)
        for _ in range(2):
            for value in numbers:
                for digits in (0, 1, 2, 6, 7, -1, True):
                    assert f["num"](value, digits) == num(value, digits, lang)
                    assert f["num"](value, digits, "x") == num(value, digits, lang, "x")
                    assert f["pct"](value, digits) == pct(value, digits, lang)
                    assert f["pct"](value, digits, "x") == pct(value, digits, lang, "x")
            for autoescape in (False, True):
                eval_ctx = EvalContext(jinja2.Environment(autoescape=autoescape))
                for label in ("{n} / {total} <b>", "plain", "{x}{n}", Markup("<i>{n}</i>")):
                    got = f["fill"](eval_ctx, label, n=3, total="a&b")
                    want = fill(label, {"n": 3, "total": "a&b"}, autoescape)
                    assert (type(got), got) == (type(want), want)


def test_coordinates_are_the_same_from_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart, "_coords", {})
    for x in [0.0, -0.0, -0.04, 0.05, 1, 3, 2.25, 1e20, -12.35, float("nan"), float("inf"),
              0.0, -0.04, 1, 1.0, True]:
        for _ in range(2):
            want = f"{x:.1f}"
            assert chart.coord(x) == ("0.0" if want == "-0.0" else want)
    assert all(k == k for k in chart._coords)  # NaN is never kept


def test_long_texts_are_not_kept_in_the_memos() -> None:
    long = "uzun metin " * 100
    assert md_text(long) == _reference_md_text(long)
    assert fill(long + "{n}", {"n": 1}) == long + "1"
    assert long not in filters._md_cache
    assert long + "{n}" not in filters._fill_cache
    env = _trusted()
    assert env.html_output(long) == str(escape(long))
    assert long not in env.html_memo


def test_blank_lines_are_squeezed_as_the_regular_expression_did() -> None:
    from diamond.render.report import squeeze_blank_lines

    rng = random.Random(3)
    pieces = ["a", "\n", "b\n", "\n\n", "ş", "\n\n\n\n", " "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        assert squeeze_blank_lines(text) == re.sub(r"\n{3,}", "\n\n", text)


def test_chart_grids_and_likert_legends_made_once_are_the_same_as_made_anew() -> None:
    """The Diamond chart's grid and the Likert chart's legend are made once per axes'
    angles and size, scale and words, its markers and the Likert rows' labels and notes
    remembered: a chart from those memos is the chart made anew."""
    from diamond.render import bar_charts

    axes_sets = [[chart.Axis(i, i.title()) for i in ids] for ids in (
        ("firm", "demand", "related", "factor"), ("a", "b", "c"), ("a", "b", "c", "d", "e"),
        ("a", "b"), ("x",), ("factor", "firm", "demand", "related"))]
    rows = [bar_charts.LikertRow("İş <&> güç", (1, 0, 3, 2, 5), 12),
            bar_charts.LikertRow("two", (0, 4, 0, 1, 0), 6),
            bar_charts.LikertRow("a label long enough to be wrapped onto two lines",
                                 (0, 4, 0, 1, 0), 6),
            bar_charts.LikertRow("two", (1, 1, 1, 1, 1), 5),
            bar_charts.LikertRow("none", (0, 0, 0, 0, 0), 5)]

    def charts() -> list[str]:
        made = []
        for axes in axes_sets:
            series = [chart.Series("all", {a.id: 40.0 + k for k, a in enumerate(axes)},
                                   "overall")]
            series += [chart.Series(f"g{g}", {a.id: 10.0 * g + k for k, a in enumerate(axes)})
                       for g in range(1, 7)]
            for size in (480, 300):
                made.append(chart.diamond_svg(axes, series, title="t", description="d",
                                              size=size, legend_title="L"))
        for scale_min, low, high in ((1, "low", "high"), (0, "düşük", "yüksek"),
                                     (1, "düşük", "yüksek")):
            made.append(bar_charts.likert_svg(
                rows, scale_min, title="t", description="d", unanswered="u", percent="{v}%",
                legend_low=low, legend_high=high, id_prefix="p"))
        return made

    first = charts()
    assert charts() == first  # from the memos
    chart._grid.cache_clear()
    bar_charts._likert_legend.cache_clear()
    for memo_ in (chart._markers, chart._coords, bar_charts._row_labels, bar_charts._row_notes,
                  bar_charts._row_bars):
        memo_.clear()
    assert list(reversed(charts())) == list(reversed(first))  # made anew, other order
    assert len(set(first)) == len(first)


_EDGES = ("\x00\x07\x08\t\n\x0b\x0c\r\x1b\x1f \x7e\x7f\x80\x85\x9f\xa0\xc2\xff"
          "\u0100\u011f\u0131\u2028\u202e\ud7ff\ud800\udbff\udc00\udfff\ue000\ufffd\uffff"
          "\U00010000\U0010ffff")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_EDGES) | st.characters(), max_size=40),
       st.integers(min_value=0, max_value=400))
def test_long_texts_are_checked_for_controls_as_the_regular_expression_does(
        chars: list[str], padding: int) -> None:
    """The byte-level check of long texts finds exactly what ``_UNSAFE_IN_REPORT`` finds
    (C0 and C1 controls but newline and tab, DEL, lone surrogates), and ``report_safe``
    of a long text is still ``report_text`` of it."""
    for text in ("".join(chars), "x" * padding + "".join(chars),
                 "ç\n" * padding + "".join(chars) + "\xa0" * padding):
        want = filters._UNSAFE_IN_REPORT.search(text) is None
        assert filters._nothing_unsafe(text) is want
        assert report_safe(text) == (text if want else report_text(text))
        assert str(report_safe(Markup(text))) == (text if want else report_text(text))


def test_loops_over_an_empty_list_render_what_jinja_renders() -> None:
    """A loop that uses ``loop`` runs over ``environment.loop_context``: nothing for an
    empty list (its ``else`` taken), Jinja's ``LoopContext`` for anything else."""
    source = ("{% for x in xs %}{{ loop.index }}{{ x }}{% if loop.last %}.{% endif %}"
              "{% else %}none{% endfor %}{% for x in xs recursive %}{{ loop.depth }}"
              "{% endfor %}|{% for x in xs if x %}{{ loop.length }}{% endfor %}")
    assert "environment.loop_context(" in _code(_trusted(), source)
    makers: list[Callable[[], Any]] = [list, lambda: [0, 1, 2], tuple, lambda: (3,),
                                       lambda: "ab", lambda: {"k": 1}, lambda: iter([4, 5]),
                                       lambda: range(0)]
    for make in makers:
        got = _trusted().from_string(source).render(xs=make())
        assert got == _plain().from_string(source).render(xs=make()), got
    assert _trusted().from_string(source).render(xs=[]) == "none|"


def test_loops_without_calls_or_assignments_make_no_loop_vars() -> None:
    """``_loop_vars`` is made only for a loop a call or a ``set`` in it may read."""
    plain_loop = "{% for x in xs %}{{ x }}{% for y in xs %}{{ y|upper }}{% endfor %}{% endfor %}"
    assert "_loop_vars" not in _code(_trusted(), plain_loop)
    source = ("{% macro m(a, b=0) %}<{{ a }}{{ b }}>{% endmacro %}"
              "{% for x in xs %}{% set y = x ~ '!' %}{{ y }}{% for z in xs %}{{ m(z) }}"
              "{{ m(z, 1) }}{% endfor %}{{ y }}{% endfor %}"
              "{% for x in xs %}{{ x }}{% else %}{{ m(xs) }}{% endfor %}" + plain_loop)
    assert "_loop_vars = {}" in _code(_trusted(), source)
    for xs in ([], ["a", "<b>", "\x1b"]):
        assert (_trusted().from_string(source).render(xs=xs)
                == _plain().from_string(source).render(xs=xs))


def test_outputs_loop_properties_and_imported_names_are_read_in_place() -> None:
    """The generated code tests an output's common case in place (a remembered escaped
    string in HTML, a printable string in Markdown), reads ``loop.index`` from the
    ``LoopContext`` and an imported template's names from its ``__dict__``, and renders
    what Jinja renders, missing names and hostile text included."""
    code = _code(_trusted(), "{% for x in y %}{{ loop.index }}{{ x.name }}{% endfor %}")
    assert "environment.html_memo.get(_out)" in code and "_looked.index if type(" in code
    assert "environment.module_class" in code
    md = str(_trusted().compile("{{ y }}", "t.md.j2", "t.md.j2", raw=True))
    assert "_out.isprintable() else str(_out) if type(_out) is int else" in md
    pages = {"m.j2": "{% macro cell(x) %}<{{ x }}>{% endmacro %}{% set kept = 'k&' %}",
             "page.j2": '{% import "m.j2" as m %}{% for v in values %}{{ m.cell(v) }}'
                        "{{ loop.index }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}"
                        "{{ loop.length }}{{ loop.previtem is defined }}{{ loop.cycle(1, 2) }}"
                        "{{ loop.nothing is defined }}{% endfor %}{{ m.kept }}"
                        "{{ m.nothing is defined }}{{ m.cell is defined }}{{ v }}{{ n }}"}
    for name in ("page.html.j2", "page.md.j2"):
        loader = jinja2.DictLoader({**pages, name: pages["page.j2"]})
        trusted = TrustedEnvironment(loader=loader, **environment_options())
        plain = _plain(loader=loader)
        for _ in range(2):  # the second time from the memo
            context = {"values": HOSTILE, "v": "a<b\x1b", "n": 7}
            got = trusted.get_template(name).render(context)
            assert got == plain.get_template(name).render(context)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**6, 10**6),
                 st.sampled_from([-0.0, -0.04, -0.004, 0.05, 1e300, -1e-300, True, None])),
       st.integers(min_value=-2, max_value=8), st.sampled_from(["tr", "en"]))
def test_num_and_its_filter_write_what_the_plain_function_writes(
        value: Any, digits: int, lang: str) -> None:
    for _ in range(2):  # the second time from the memo
        assert num(value, digits, lang) == _reference_num(value, digits, lang)
        assert filters_for(lang)["num"](value, digits) == _reference_num(value, digits, lang)
    with pytest.raises(OverflowError):  # as float() of it raises, memo or not
        num(10**400, 1, lang)


def test_escaped_chart_texts_are_the_same_from_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "MOST", 3)  # emptied again and again
    for _ in range(3):
        for text in [*HOSTILE, "x" * 500, "a\ufffeb\x0c<&>"]:
            want = chart._escape(chart._INVALID_XML.sub("", text))
            assert chart.xtext(text) == want and chart.xtext(text) == want
