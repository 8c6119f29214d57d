"""Editing the respondents list as text: every byte outside it stays as it was."""

from __future__ import annotations

import codecs
import difflib
import shutil
from pathlib import Path

import pytest
import yaml
from tests.conftest import EXAMPLES

from diamond.errors import InvalidFileError
from diamond.loader import load_questionnaire, require_valid
from diamond.survey import Imported, ImportOptions, import_responses
from diamond.survey.splice import SpliceError, scalar, splice

SURVEYS = EXAMPLES / "surveys"
ORDER = ["factor.land", "factor.skilled_workforce"]


def imported(rid: str, **answers: int | None) -> Imported:
    return Imported(rid, "firm", None, {k.replace("__", "."): v for k, v in answers.items()}, 2)


def respondents_region(text: str) -> tuple[int, int]:
    """Line numbers (0-based) of 'respondents:' and of the next top-level line after it."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("respondents:"))
    end = next(
        n
        for n in range(start + 1, len(lines))
        if lines[n][:1].strip() and not lines[n].startswith("#")
    )
    return start, end


def only_inserted_inside_respondents(before: str, after: str) -> list[str]:
    """The inserted lines; fails if anything was deleted or changed, or inserted elsewhere."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    start, end = respondents_region(before)
    inserted: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        assert tag == "insert", f"{tag} of {old[i1:i2]!r}"
        assert start < i1 <= end, f"inserted at line {i1 + 1}, outside the respondents list"
        inserted += new[j1:j2]
    return inserted


def test_comments_and_key_order_survive_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "commented.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    before = target.read_text(encoding="utf-8")
    import_responses(str(SURVEYS / "odk-central.csv"), str(target), ImportOptions())
    after = target.read_text(encoding="utf-8")
    inserted = only_inserted_inside_respondents(before, after)
    assert inserted[0] == "    # imported from odk-central.csv\n"
    assert inserted[1] == '    -   id: "uuid:0b1c3f6e-6f1a-4c1e-9d43-0a3d6f1b2c11"\n'
    assert inserted[2] == "        group: firm\n"
    assert "            factor.labour_cost: 5\n" in inserted  # the file's own indentation
    # what the whole file still says, apart from the new respondents
    q = require_valid(load_questionnaire(str(target)))[0]
    assert [r.id for r in q.respondents][:2] == ["firm-01", "uni-01"]
    assert len(q.respondents) == 5


def test_bom_and_crlf_are_kept(tmp_path: Path) -> None:
    text = (SURVEYS / "commented.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    target = tmp_path / "crlf.yaml"
    target.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    import_responses(str(SURVEYS / "kobo.csv"), str(target), ImportOptions())
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    assert "\n" not in body.replace("\r\n", "")
    inserted = only_inserted_inside_respondents(text, body)
    assert all(line.endswith("\r\n") for line in inserted)


def test_replace_touches_only_that_respondent(tmp_path: Path) -> None:
    target = tmp_path / "commented.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    before = target.read_text(encoding="utf-8")
    csv = tmp_path / "x.csv"
    csv.write_text("id,group,factor.land\nfirm-01,public,5\n", encoding="utf-8")
    import_responses(str(csv), str(target), ImportOptions(replace=True))
    after = target.read_text(encoding="utf-8")
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    changes = [
        op
        for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    block = [n for n, line in enumerate(old) if "firm-01" in line or "factor.land: null" in line]
    for tag, i1, i2, _, _ in changes:
        assert tag in ("replace", "delete", "insert")
        assert block[0] <= i1 and i2 <= block[-1] + 1, (tag, old[i1:i2])
    # the comment above the replaced respondent stays
    assert "    # first respondent: a firm (four-space sequence indent, on purpose)\n" in new


def test_flow_style_list(tmp_path: Path) -> None:
    target = tmp_path / "flow.yaml"
    shutil.copy(EXAMPLES / "valid" / "flow-style.yaml", target)
    before = target.read_text(encoding="utf-8")
    csv = tmp_path / "x.csv"
    csv.write_text("id,group,weight,factor.land\nn1,ngo,2,4\n", encoding="utf-8")
    import_responses(str(csv), str(target), ImportOptions())
    after = target.read_text(encoding="utf-8")
    added = ', {"id": "n1", "group": "ngo", "weight": 2, "answers": {"factor.land": 4}}'
    at = after.index(added)
    assert after[:at] + after[at + len(added) :] == before
    q = require_valid(load_questionnaire(str(target)))[0]
    assert [r.id for r in q.respondents] == ["firma-01", "02", "n1"]


def test_indentless_sequence_and_no_final_newline() -> None:
    text = "diamond: 1\nrespondents:\n- id: a\n  answers:\n    factor.land: 1  # last"
    out = splice(text, append=[imported("b", factor__land=2)], replace={}, order=ORDER)
    assert out == (
        "diamond: 1\nrespondents:\n- id: a\n  answers:\n    factor.land: 1  # last\n"
        "- id: b\n  group: firm\n  answers:\n    factor.land: 2\n"
    )


def test_block_scalar_at_the_end_of_an_item() -> None:
    text = "respondents:\n  - id: a\n    note: |\n      line\n\n# after\nswot: {}\n"
    out = splice(text, append=[imported("b")], replace={}, order=ORDER, comment="new")
    assert yaml.safe_load(out)["respondents"][0]["note"] == "line\n"
    # the blank line belongs to the block scalar as PyYAML reads it; new items follow it
    added = "  # new\n  - id: b\n    group: firm\n    answers: {}\n"
    assert out == text.replace("\n# after", "\n" + added + "# after")


def test_aliases_are_refused() -> None:
    text = "x: &r\n  - id: a\nrespondents: *r\n"
    with pytest.raises(SpliceError):
        splice(text, append=[imported("b")], replace={}, order=ORDER)


def test_alias_in_the_list_fails_without_writing(tmp_path: Path) -> None:
    target = tmp_path / "alias.yaml"
    target.write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\n"
        "respondents: &all\n  - &one {id: a, answers: {factor.land: 3}}\n",
        encoding="utf-8",
    )
    before = target.read_bytes()
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land\nb,4\n", encoding="utf-8")
    import_responses(str(csv), str(target), ImportOptions())  # anchors are fine when unused
    assert target.read_bytes() != before
    q = require_valid(load_questionnaire(str(target)))[0]
    assert [r.id for r in q.respondents] == ["a", "b"]


def test_replacing_an_anchored_respondent_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "anchor.yaml"
    target.write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\n"
        "respondents:\n  - &one\n    id: a\n    answers: &ans {factor.land: 3}\n"
        "  - id: b\n    answers: *ans\n",
        encoding="utf-8",
    )
    before = target.read_bytes()
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land\na,4\n", encoding="utf-8")
    with pytest.raises(InvalidFileError):
        import_responses(str(csv), str(target), ImportOptions(replace=True))
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("firm-01", "firm-01"),
        ("412733", '"412733"'),
        ("yes", '"yes"'),
        ("null", '"null"'),
        ("uuid:1", '"uuid:1"'),
        ("Ayşe K.", '"Ayşe K."'),
        ("2025-05-01", '"2025-05-01"'),
    ],
)
def test_scalars_read_back_as_text(text: str, shown: str) -> None:
    assert scalar(text) == shown
    assert yaml.safe_load(f"k: {shown}")["k"] == text
