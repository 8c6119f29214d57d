"""The example corpus: every file in ``tests/examples/valid`` validates, every file in
``tests/examples/invalid`` produces exactly the diagnostics its ``.expected`` file lists.

An ``.expected`` file holds one diagnostic a line, in the order the tool prints them::

    LINE:COLUMN: SEVERITY: CODE: MESSAGE-SUBSTRING
    PATH|LINE:COLUMN: SEVERITY: CODE: MESSAGE-SUBSTRING

``PATH|`` names another file (a framework the questionnaire uses), relative to the
``invalid/`` folder. Lines starting with ``#`` are comments, except for two directives:

- ``# ignore-warnings``: warnings the file does not list are allowed;
- ``# xfail: REASON``: the file states what the tool *should* say, which it does not
  yet; the case is expected to fail (strictly: it must start passing once fixed).

Every listed line must match one produced diagnostic exactly on path, line, column,
severity and code, with the message containing the substring; the file must produce
no error that is not listed (nor any warning, unless warnings are ignored).

Files in ``invalid/frameworks/`` are helpers that the questionnaires name; they are not
cases themselves. In ``valid/`` they are cases: ``diamond validate`` checks them as
frameworks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from diamond.errors import Diagnostic
from diamond.loader import LoadOptions
from diamond.validation import validate_one

EXAMPLES = Path(__file__).resolve().parent / "examples"
VALID = EXAMPLES / "valid"
INVALID = EXAMPLES / "invalid"

_LINE = re.compile(
    r"^(?:(?P<path>[^|]+)\|)?(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>error|warning): (?P<code>[a-z0-9-]+): (?P<message>.+)$"
)


@dataclass(frozen=True)
class Expected:
    """One line of an ``.expected`` file."""

    path: Path  # resolved
    line: int
    column: int
    severity: str
    code: str
    message: str
    text: str  # the line as written, for failure messages

    def matches(self, d: Diagnostic) -> bool:
        return (
            Path(d.path).resolve() == self.path
            and (d.line, d.column, d.severity, d.code)
            == (self.line, self.column, self.severity, self.code)
            and self.message in d.message
        )


@dataclass(frozen=True)
class Spec:
    """A parsed ``.expected`` file."""

    lines: list[Expected]
    ignore_warnings: bool
    xfail: str | None


def parse_expected(file: Path, questionnaire: Path) -> Spec:
    lines: list[Expected] = []
    ignore_warnings = False
    xfail = None
    for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.strip()
        if not text:
            continue
        if text.startswith("#"):
            directive = text[1:].strip()
            if directive == "ignore-warnings":
                ignore_warnings = True
            elif directive.startswith("xfail:"):
                xfail = directive.removeprefix("xfail:").strip()
            continue
        match = _LINE.match(text)
        if match is None:
            form = "[PATH|]LINE:COLUMN: SEVERITY: CODE: MESSAGE"
            raise ValueError(f"{file}:{number}: not '{form}': {raw!r}")
        other = match["path"]
        path = (file.parent / other).resolve() if other else questionnaire.resolve()
        lines.append(
            Expected(
                path,
                int(match["line"]),
                int(match["column"]),
                match["severity"],
                match["code"],
                match["message"],
                text,
            )
        )
    return Spec(lines, ignore_warnings, xfail)


def _show(diagnostics: list[Diagnostic]) -> str:
    return (
        "\n".join(
            f"  {d.path}|{d.line}:{d.column}: {d.severity}: {d.code}: {d.message}"
            for d in diagnostics
        )
        or "  (none)"
    )


def _valid_files() -> list[Path]:
    return sorted(VALID.glob("*.yaml")) + sorted((VALID / "frameworks").glob("*.yaml"))


def _invalid_cases() -> list[object]:
    params = []
    for file in sorted(INVALID.glob("*.yaml")):
        expected = file.with_suffix(".expected")
        spec = parse_expected(expected, file) if expected.exists() else None
        marks = [pytest.mark.xfail(strict=True, reason=spec.xfail)] if spec and spec.xfail else []
        params.append(pytest.param(file, id=file.name, marks=marks))
    return params


def _validate(file: Path, monkeypatch: pytest.MonkeyPatch) -> list[Diagnostic]:
    # The framework path policy allows the questionnaire's folder and the cwd: run from the
    # questionnaire's folder so that the outcome does not depend on where pytest started.
    monkeypatch.chdir(file.parent)
    report = validate_one(str(file), LoadOptions())
    assert report.kind != "unreadable", _show(report.diagnostics)
    for d in report.diagnostics:
        assert d.line >= 1 and d.column >= 1, d
    return report.diagnostics


@pytest.mark.parametrize("file", _valid_files(), ids=lambda p: p.relative_to(VALID).as_posix())
def test_valid_example(file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics = _validate(file, monkeypatch)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert not errors, f"{file.name} should be valid, but:\n{_show(errors)}"
    for d in diagnostics:
        assert Path(d.path).resolve() == file, f"a finding about another file:\n{_show([d])}"


@pytest.mark.parametrize("file", _invalid_cases())
def test_invalid_example(file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected_file = file.with_suffix(".expected")
    assert expected_file.exists(), f"{file.name} has no {expected_file.name} beside it"
    spec = parse_expected(expected_file, file)
    assert spec.lines, f"{expected_file.name} lists no diagnostic"
    diagnostics = _validate(file, monkeypatch)

    unmatched = [e.text for e in spec.lines if not any(e.matches(d) for d in diagnostics)]
    assert not unmatched, (
        f"{file.name}: expected but not produced:\n  "
        + "\n  ".join(unmatched)
        + f"\nproduced:\n{_show(diagnostics)}"
    )

    listed = [d for d in diagnostics if any(e.matches(d) for e in spec.lines)]
    unexpected = [
        d
        for d in diagnostics
        if d not in listed and (d.severity == "error" or not spec.ignore_warnings)
    ]
    assert not unexpected, f"{file.name}: produced but not listed:\n{_show(unexpected)}"

    # The tool's order, file by file: the expected lines of one path appear in that order.
    for path in {e.path for e in spec.lines}:
        produced = [d for d in diagnostics if Path(d.path).resolve() == path]
        wanted = [e for e in spec.lines if e.path == path]
        positions = [next(i for i, d in enumerate(produced) if e.matches(d)) for e in wanted]
        assert positions == sorted(positions), (
            f"{file.name}: expected lines for {path.name} are not in the order the tool prints:\n"
            + _show(produced)
        )


def test_corpus_is_complete() -> None:
    cases = sorted(INVALID.glob("*.yaml"))
    assert len(cases) >= 30
    orphans = [e.name for e in INVALID.glob("*.expected") if not e.with_suffix(".yaml").exists()]
    assert not orphans, f".expected files without a questionnaire: {orphans}"
    missing = [c.name for c in cases if not c.with_suffix(".expected").exists()]
    assert not missing, f"cases without an .expected file: {missing}"
    assert 6 <= len(list(VALID.glob("*.yaml"))) <= 15
    assert (VALID / "frameworks" / "porter-extended.yaml").is_file()


def test_every_helper_framework_is_used() -> None:
    helpers = {p.name for p in (INVALID / "frameworks").glob("*.yaml")}
    named = {
        m.group(1)
        for case in INVALID.glob("*.yaml")
        for m in re.finditer(
            r"^framework: frameworks/(\S+)$",
            case.read_text(encoding="utf-8", errors="replace"),
            re.M,
        )
    }
    assert helpers <= named, f"helper frameworks no case uses: {sorted(helpers - named)}"


def test_porter_extended_adds_government_and_chance(monkeypatch: pytest.MonkeyPatch) -> None:
    from diamond.loader import load_questionnaire

    monkeypatch.chdir(VALID)
    loaded = load_questionnaire("custom-framework.yaml")
    assert loaded.ok, _show(loaded.diagnostics)
    assert loaded.catalogue is not None
    assert list(loaded.catalogue.dimensions) == [
        "factor",
        "firm",
        "demand",
        "related",
        "government",
        "chance",
    ]
