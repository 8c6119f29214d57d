"""Data-driven import cases: each ``tests/examples/surveys/cases/NAME.csv`` (or ``.xlsx``)
is imported into a new questionnaire; ``NAME.expected`` lists every diagnostic, one a
line, as ``LINE:COLUMN: SEVERITY: CODE: MESSAGE-SUBSTRING`` (``#`` lines are comments).
A file whose expected list holds no error must import; one with errors must not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from diamond.errors import Diagnostic, InvalidFileError
from diamond.survey import ImportOptions, NewQuestionnaire, import_responses

CASES = EXAMPLES / "surveys" / "cases"
_LINE = re.compile(r"^(\d+):(\d+): (error|warning): ([a-z-]+): (.*)$")


def _expected(path: Path) -> list[tuple[int, int, str, str, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.match(line)
        assert match, f"{path.name}: cannot read {line!r}"
        row, column, severity, code, text = match.groups()
        found.append((int(row), int(column), severity, code, text))
    return found


@pytest.mark.parametrize(
    "case", sorted(p for p in CASES.iterdir() if p.suffix in (".csv", ".xlsx")), ids=str
)
def test_case(case: Path, tmp_path: Path) -> None:
    expected = _expected(case.with_suffix(".expected"))
    target = tmp_path / "sector.yaml"
    new = NewQuestionnaire("Sektör", "Ankara", "2025-05")
    got: list[Diagnostic]
    try:
        got = import_responses(str(case), str(target), ImportOptions(), new=new).warnings
        assert target.exists()
    except InvalidFileError as error:
        got = error.diagnostics
        assert not target.exists()
    assert any(e[2] == "error" for e in expected) == any(d.severity == "error" for d in got)
    unmatched = list(got)
    for row, column, severity, code, text in expected:
        hits = [
            d
            for d in unmatched
            if (d.line, d.column, d.severity, d.code) == (row, column, severity, code)
            and text in d.message
        ]
        assert hits, f"{case.name}: no {row}:{column} {severity} {code} {text!r} in {got}"
        unmatched.remove(hits[0])
    assert not unmatched, f"{case.name}: unexpected {unmatched}"


@pytest.mark.parametrize(
    ("case", "kind", "placeholder", "value"),
    [
        ("turkish-scale-labels.csv", "labels", "POINT", "5"),
        ("groups-contain-a-word.csv", "groups", "GROUP", "public"),
    ],
)
def test_the_suggested_map_block_pastes_and_must_be_completed(
    tmp_path: Path, case: str, kind: str, placeholder: str, value: str
) -> None:
    new = NewQuestionnaire("Sektör", "Ankara", "2025-05")
    target = tmp_path / "sector.yaml"
    with pytest.raises(InvalidFileError) as caught:
        import_responses(str(CASES / case), str(target), ImportOptions(), new=new)
    hint = caught.value.diagnostics[0].hint or ""
    block = hint[hint.index(f"{kind}: {{"):]
    unedited = tmp_path / "unedited.yaml"
    unedited.write_text(block + "\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as refused:
        import_responses(str(CASES / case), str(target), ImportOptions(map_path=str(unedited)),
                         new=new)
    assert refused.value.path == str(unedited)  # the placeholder is refused, not applied
    edited = tmp_path / "map.yaml"
    edited.write_text(block.replace(placeholder, value) + "\n", encoding="utf-8")
    import_responses(str(CASES / case), str(target), ImportOptions(map_path=str(edited)),
                     new=new)
    assert target.exists()
