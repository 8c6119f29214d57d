"""Reading files into questionnaires: bytes and text, limits, suggestions, the framework
path policy and the built-in catalogue."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from diamond.documents import TextProblem, decode, read_bytes
from diamond.errors import FrameworkError, InputError, InvalidFileError
from diamond.findings import describe, suggest
from diamond.frameworks import builtin, is_path, resolve_framework
from diamond.limits import Limits
from diamond.loader import LoadOptions, load_questionnaire, load_text, require_valid

QUESTIONNAIRE = """\
diamond: 1
sector:
  name: Seramik
  region: Eskişehir
  period: "2015"
framework: {framework}
respondents:
  - id: firma-01
    answers:
      factor.land: 4
"""

FRAMEWORK = """\
framework: 1
id: kucuk
name: {tr: Küçük çerçeve}
dimensions:
  - id: factor
    name: {tr: Faktör Koşulları}
    indicators:
      - id: factor.land
        text: {tr: Arazinin varlığı}
        prompt: {tr: Arazinin varlığı ne kadar elverişli?}
"""

STM_INDICATORS = [
    "factor.main_industry", "factor.proximity_to_primes", "factor.land", "factor.labour_cost",
    "factor.skilled_workforce", "factor.university_proximity", "factor.investment_payback",
    "factor.supplier_capital", "factor.physical_infrastructure", "factor.imported_inputs",
    "factor.energy_cost",
    "firm.taxes_incentives", "firm.offset_directive", "firm.sme_count",
    "firm.price_competition_response", "firm.innovative_firms", "firm.inter_firm_cooperation",
    "firm.ip_indicators",
    "demand.location", "demand.domestic", "demand.strategic_targets", "demand.foreign_trend",
    "demand.serial_production", "demand.certification", "demand.export_barriers",
    "demand.single_customer", "demand.special_rules_cost",
    "related.university_cooperation", "related.cluster_organisations",
    "related.government_bodies", "related.anchor_firms",
]  # fmt: skip


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- bytes and text ----------------------------------------------------------------------


def test_decode_drops_a_bom() -> None:
    assert decode(codecs.BOM_UTF8 + "a: ş\n".encode(), "p") == "a: ş\n"


@pytest.mark.parametrize(
    ("raw", "position", "byte"),
    [
        (b"a: 1\nb: \xff\n", (2, 4), "0xff"),
        ("ğüş".encode() + b"\xfe", (1, 4), "0xfe"),  # columns count characters, not bytes
        (codecs.BOM_UTF8 + b"a\xff", (1, 2), "0xff"),  # the BOM is not a column
        (b"a: 1\nname: Eski" + "şehir".encode("cp1254"), (2, 11), "0xfe"),
    ],
)
def test_decode_reports_the_first_bad_byte(
    raw: bytes, position: tuple[int, int], byte: str
) -> None:
    with pytest.raises(TextProblem) as caught:
        decode(raw, "p.yaml")
    found = caught.value.diagnostic
    assert (found.path, found.line, found.column, found.code) == ("p.yaml", *position, "encoding")
    assert byte in found.message
    assert found.hint is not None and "UTF-8" in found.hint


def test_decode_refuses_a_nul_character() -> None:
    with pytest.raises(TextProblem) as caught:
        decode(b"a: 1\nb: x\x00y\n", "p.yaml")
    found = caught.value.diagnostic
    assert (found.line, found.column, found.code) == (2, 5, "encoding")
    assert "NUL" in found.message


def test_read_bytes_size_limit(tmp_path: Path) -> None:
    file = write(tmp_path / "q.yaml", "a: 1234\n")  # 8 bytes
    assert read_bytes(str(file), Limits(max_bytes=8)) == b"a: 1234\n"
    with pytest.raises(TextProblem) as caught:
        read_bytes(str(file), Limits(max_bytes=7))
    found = caught.value.diagnostic
    assert (found.path, found.line, found.column, found.code) == (str(file), 1, 1, "limit-exceeded")
    assert "7 bytes" in found.message
    assert found.hint is not None and "DIAMOND_MAX_BYTES" in found.hint


def test_read_bytes_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_bytes(str(tmp_path / "yok.yaml"), Limits())
    with pytest.raises(InputError, match="is a folder"):
        read_bytes(str(tmp_path), Limits())


# --- loading questionnaires --------------------------------------------------------------


def test_load_a_valid_questionnaire(tmp_path: Path) -> None:
    file = write(tmp_path / "q.yaml", QUESTIONNAIRE.format(framework="stm-2015"))
    loaded = load_questionnaire(str(file))
    assert loaded.ok
    assert loaded.path == str(file)
    assert loaded.errors == []
    assert [w.code for w in loaded.warnings] == ["unanswered-indicators"]
    questionnaire, catalogue = require_valid(loaded)
    assert questionnaire.sector.name == "Seramik"
    assert questionnaire.sector.period == "2015"
    assert questionnaire.respondents[0].answers == {"factor.land": 4}
    assert questionnaire.scale.points == 5
    assert catalogue.framework.id == "stm-2015"


def test_load_a_questionnaire_with_a_bom(tmp_path: Path) -> None:
    file = tmp_path / "q.yaml"
    file.write_bytes(codecs.BOM_UTF8 + b"diamond: 2\n")
    loaded = load_questionnaire(str(file))
    version = [d for d in loaded.errors if d.code == "format-version"]
    assert [(d.line, d.column) for d in version] == [(1, 10)]


def test_load_reports_every_finding_in_one_pass(tmp_path: Path) -> None:
    text = (
        QUESTIONNAIRE.format(framework="stm-2015").replace(
            "factor.land: 4", "factor.land: 9\n      land: 3\n      firm.sme_count: 2.5"
        )
        + "extra: 1\n"
    )
    file = write(tmp_path / "q.yaml", text)
    loaded = load_questionnaire(str(file))
    assert not loaded.ok
    assert loaded.questionnaire is None
    assert [(d.line, d.column, d.code) for d in loaded.errors] == [
        (10, 20, "answer-range"),
        (11, 7, "unknown-indicator"),
        (12, 23, "answer-type"),
        (13, 1, "unknown-key"),
    ]
    assert loaded.errors[1].hint == "did you mean 'factor.land'?"
    with pytest.raises(InvalidFileError) as caught:
        require_valid(loaded)
    assert caught.value.path == str(file)
    assert str(caught.value) == f"{file}: 4 error(s)"


def test_load_enforces_the_size_limit(tmp_path: Path) -> None:
    file = write(tmp_path / "q.yaml", QUESTIONNAIRE.format(framework="stm-2015"))
    loaded = load_questionnaire(str(file), LoadOptions(limits=Limits(max_bytes=50)))
    assert not loaded.ok
    assert [(d.line, d.column, d.code) for d in loaded.diagnostics] == [(1, 1, "limit-exceeded")]


def test_load_enforces_depth_and_node_limits(tmp_path: Path) -> None:
    file = write(tmp_path / "q.yaml", QUESTIONNAIRE.format(framework="stm-2015"))
    deep = load_questionnaire(str(file), LoadOptions(limits=Limits(max_depth=3)))
    assert [(d.line, d.column, d.code) for d in deep.diagnostics] == [(10, 7, "limit-exceeded")]
    many = load_questionnaire(str(file), LoadOptions(limits=Limits(max_nodes=10)))
    assert [d.code for d in many.diagnostics] == ["limit-exceeded"]


def test_load_reports_non_utf8_with_its_position(tmp_path: Path) -> None:
    file = tmp_path / "q.yaml"
    file.write_bytes(b"diamond: 1\nsector:\n  name: \xc7ini\n")
    loaded = load_questionnaire(str(file))
    assert [(d.line, d.column, d.code) for d in loaded.diagnostics] == [(3, 9, "encoding")]


def test_load_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_questionnaire(str(tmp_path / "yok.yaml"))


def test_load_text_uses_the_label_in_diagnostics(tmp_path: Path) -> None:
    loaded = load_text("diamond: 1\n", "<stdin>", tmp_path, LoadOptions())
    assert {d.path for d in loaded.diagnostics} == {"<stdin>"}
    assert [d.code for d in loaded.errors] == ["missing-key", "missing-key"]


def test_load_options_defaults() -> None:
    options = LoadOptions()
    assert options.limits == Limits()
    assert options.allow_outside_paths is False


# --- limits from the environment ---------------------------------------------------------


def test_limits_defaults() -> None:
    limits = Limits()
    assert limits.max_bytes == 64 * 1024 * 1024
    assert (limits.max_depth, limits.max_nodes) == (64, 20_000_000)


def test_limits_from_env_reads_whole_numbers() -> None:
    limits = Limits.from_env(
        {"DIAMOND_MAX_BYTES": "1000", "DIAMOND_MAX_DEPTH": " 12 ", "DIAMOND_MAX_NODES": "500"}
    )
    assert limits == Limits(max_bytes=1000, max_depth=12, max_nodes=500)


@pytest.mark.parametrize("raw", ["", "abc", "0", "-5", "1e3", "1.5", "10 MB", "0x10"])
def test_limits_from_env_ignores_what_is_not_a_positive_whole_number(raw: str) -> None:
    assert Limits.from_env({"DIAMOND_MAX_NODES": raw, "DIAMOND_MAX_DEPTH": raw}) == Limits()


def test_limits_from_env_survives_unicode_digits() -> None:
    assert Limits.from_env({"DIAMOND_MAX_NODES": "²"}) == Limits()


def test_limits_from_env_defaults_to_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIAMOND_MAX_DEPTH", "7")
    monkeypatch.delenv("DIAMOND_MAX_BYTES", raising=False)
    monkeypatch.delenv("DIAMOND_MAX_NODES", raising=False)
    assert Limits.from_env() == Limits(max_depth=7)


def test_limits_name_their_variables() -> None:
    assert [Limits.env_var(n) for n in ("max_bytes", "max_depth", "max_nodes")] == [
        "DIAMOND_MAX_BYTES",
        "DIAMOND_MAX_DEPTH",
        "DIAMOND_MAX_NODES",
    ]


# --- did-you-mean ------------------------------------------------------------------------


def test_suggest_a_close_spelling() -> None:
    assert suggest("factor.lnad", STM_INDICATORS) == "did you mean 'factor.land'?"
    sector = ["name", "region", "period", "language"]
    assert suggest("langauge", sector) == "did you mean 'language'?"
    top = ["diamond", "sector", "respondents"]
    assert suggest("respondent", top) == "did you mean 'respondents'?"


def test_suggest_adds_a_missing_dimension_prefix() -> None:
    assert suggest("land", STM_INDICATORS) == "did you mean 'factor.land'?"
    assert suggest("domestic", STM_INDICATORS) == "did you mean 'demand.domestic'?"


def test_suggest_ignores_case() -> None:
    assert suggest("FACTOR.LAND", STM_INDICATORS) == "did you mean 'factor.land'?"


def test_suggest_nothing_when_nothing_is_close() -> None:
    assert suggest("zzzz", STM_INDICATORS) is None
    assert suggest("x", ["a.x", "b.x"]) is None  # an ambiguous tail is no suggestion
    assert suggest("a", []) is None
    assert suggest(5, STM_INDICATORS) is None
    assert suggest(None, STM_INDICATORS) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "null (empty)"),
        (True, "true/false (true)"),
        (4, "the whole number 4"),
        (3.5, "the decimal number 3.5"),
        ("dört", "the text 'dört'"),
        ("x" * 50, "the text '" + "x" * 37 + "...'"),
        ([1], "a list"),
        ({"a": 1}, "a mapping"),
    ],
)
def test_describe(value: object, text: str) -> None:
    assert describe(value) == text


# --- the framework path policy -----------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``q/`` holds questionnaires and ``q/fw/inside.yaml``; ``elsewhere/outside.yaml`` is
    outside it; the cwd is ``q/``."""
    write(tmp_path / "q" / "fw" / "inside.yaml", FRAMEWORK)
    write(tmp_path / "elsewhere" / "outside.yaml", FRAMEWORK)
    monkeypatch.chdir(tmp_path / "q")
    return tmp_path


def test_is_path() -> None:
    assert not is_path("stm-2015")
    assert is_path("fw.yaml")
    assert is_path("fw.yml")
    assert is_path("fw/custom")
    assert is_path("fw\\custom")


def test_framework_inside_the_questionnaire_folder_is_allowed(tree: Path) -> None:
    catalogue = resolve_framework("fw/inside.yaml", tree / "q", Limits())
    assert catalogue.framework.id == "kucuk"
    assert list(catalogue.indicators) == ["factor.land"]
    assert catalogue.label == str((tree / "q" / "fw" / "inside.yaml").resolve())


@pytest.mark.parametrize(
    "reference", ["../elsewhere/outside.yaml", "fw/../../elsewhere/outside.yaml"]
)
def test_framework_outside_is_refused(tree: Path, reference: str) -> None:
    with pytest.raises(FrameworkError, match="leads outside") as caught:
        resolve_framework(reference, tree / "q", Limits())
    assert "--allow-outside-paths" in str(caught.value)


def test_framework_outside_is_allowed_when_asked(tree: Path) -> None:
    catalogue = resolve_framework(
        "../elsewhere/outside.yaml", tree / "q", Limits(), allow_outside=True
    )
    assert catalogue.framework.id == "kucuk"


def test_framework_in_the_cwd_is_allowed_even_outside_the_questionnaire_folder(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    catalogue = resolve_framework("../../elsewhere/outside.yaml", tree / "q" / "fw", Limits())
    assert catalogue.framework.id == "kucuk"


def test_absolute_and_escaping_paths_to_system_files_are_refused(tree: Path) -> None:
    for reference in ("/etc/passwd", "../../../../../../../../../../../../etc/passwd"):
        with pytest.raises(FrameworkError, match="leads outside"):
            resolve_framework(reference, tree / "q", Limits())


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlink_leading_outside_is_refused(tree: Path) -> None:
    link = tree / "q" / "link.yaml"
    try:
        link.symlink_to(tree / "elsewhere" / "outside.yaml")
    except OSError:
        pytest.skip("cannot create symbolic links here")
    with pytest.raises(FrameworkError, match="leads outside"):
        resolve_framework("link.yaml", tree / "q", Limits())


def test_missing_framework_file(tree: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        resolve_framework("fw/yok.yaml", tree / "q", Limits())


def test_invalid_framework_file_points_into_itself(tree: Path) -> None:
    text = FRAMEWORK.replace("name: {tr: Faktör", "isim: {tr: Faktör")
    broken = write(tree / "q" / "fw" / "broken.yaml", text)
    with pytest.raises(InvalidFileError) as caught:
        resolve_framework("fw/broken.yaml", tree / "q", Limits())
    found = caught.value.diagnostics
    assert {d.path for d in found} == {str(broken.resolve())}
    assert [(d.line, d.column, d.code) for d in found] == [
        (5, 5, "missing-key"),
        (6, 5, "unknown-key"),
    ]


def test_unknown_builtin_id_suggests_the_known_one() -> None:
    with pytest.raises(FrameworkError, match="did you mean 'stm-2015'"):
        resolve_framework("stm-2016", Path.cwd(), Limits())


def test_questionnaire_framework_policy_end_to_end(tree: Path) -> None:
    q = tree / "q"
    inside = write(q / "inside.yaml", QUESTIONNAIRE.format(framework="fw/inside.yaml"))
    outside = write(q / "outside.yaml", QUESTIONNAIRE.format(framework="../elsewhere/outside.yaml"))
    assert load_questionnaire(str(inside)).ok
    refused = load_questionnaire(str(outside))
    assert [(d.line, d.column, d.code) for d in refused.errors] == [(6, 12, "framework-unknown")]
    allowed = load_questionnaire(str(outside), LoadOptions(allow_outside_paths=True))
    assert allowed.ok
    assert allowed.catalogue is not None and allowed.catalogue.framework.id == "kucuk"


# --- the built-in catalogue --------------------------------------------------------------


@pytest.fixture(scope="module")
def stm():  # type: ignore[no-untyped-def]
    return builtin("stm-2015")


def test_builtin_dimensions(stm) -> None:  # type: ignore[no-untyped-def]
    assert list(stm.dimensions) == ["factor", "firm", "demand", "related"]
    assert [len(d.indicators) for d in stm.framework.dimensions] == [11, 7, 9, 4]


def test_builtin_indicators_in_order(stm) -> None:  # type: ignore[no-untyped-def]
    assert list(stm.indicators) == STM_INDICATORS
    assert len(stm.indicators) == 31
    for indicator_id in stm.indicators:
        assert stm.dimension_of(indicator_id) == indicator_id.split(".")[0]


def test_builtin_preconditions_and_success_factors(stm) -> None:  # type: ignore[no-untyped-def]
    assert [p.id for p in stm.framework.preconditions] == [f"pre.{c}" for c in "abcdefghijklmnop"]
    assert [s.id for s in stm.framework.success_factors] == [f"sf.{c}" for c in "abcdefghijklmn"]
    assert len(stm.readiness_ids) == 30
    assert stm.readiness_ids["pre.a"] == "precondition"
    assert stm.readiness_ids["sf.n"] == "success_factor"


def test_builtin_serves_name_existing_ids(stm) -> None:  # type: ignore[no-untyped-def]
    known = set(stm.dimensions) | set(stm.indicators)
    items = [*stm.framework.preconditions, *stm.framework.success_factors, *stm.framework.actions]
    assert stm.framework.actions
    for item in items:
        for target in item.serves:
            assert target in known, f"{item.id} serves unknown '{target}'"
    for action in stm.framework.actions:
        assert action.serves, f"{action.id} serves nothing"
        assert action.kind in ("goal", "focus")


def test_builtin_indicators_have_both_languages(stm) -> None:  # type: ignore[no-untyped-def]
    for indicator in stm.indicators.values():
        for text in (indicator.text, indicator.prompt):
            assert text.tr and text.tr.strip(), indicator.id
            assert text.en and text.en.strip(), indicator.id
        assert indicator.prompt.tr.endswith("?"), indicator.id
        assert indicator.prompt.en.endswith("?"), indicator.id


def test_builtin_is_cached(stm) -> None:  # type: ignore[no-untyped-def]
    assert builtin("stm-2015") is stm
