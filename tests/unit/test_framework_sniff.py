"""``validate`` tells frameworks from questionnaires from the fast read as it did from the text.

``diamond.validation.validate_one`` reads a file with the fast path first and asks
``looks_like_framework`` (which reads the text's top-level events) only when the data
could be a framework's (``may_be_framework``). That must never miss a framework: on
every file the fast path takes, whenever ``looks_like_framework`` says yes,
``may_be_framework`` says yes too. The portfolio's workers (``assess_file``) tell them
apart the same way, reading each file once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diamond.limits import Limits
from diamond.loader import LoadOptions
from diamond.validation import looks_like_framework, may_be_framework, validate_one
from diamond.yamlfast import DECLINED, read_plain

ROOT = Path(__file__).resolve().parents[2]


def never_misses(text: str) -> bool:
    """Whether the fast path took ``text``; asserts the sniff is conservative."""
    data = read_plain(text, Limits())
    if data is DECLINED:
        return False
    if looks_like_framework(text):
        assert may_be_framework(data), text
    return True


def test_every_yaml_file_of_the_repository() -> None:
    taken = frameworks = 0
    for folder in ("assessments", "tests", "src", "schema"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".yaml", ".yml") or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            taken += never_misses(text)
            frameworks += looks_like_framework(text)
    assert taken > 50 and frameworks > 0


_KEYS = ["diamond", "sector", "respondents", "dimensions", "preconditions",
         "success_factors", "framework", "'framework'", "id", "name", "x"]  # fmt: skip
_VALUES = ["1", "007", "+1", "1_000", "0x1", "'12'", '"1"', "١٢", "1.5", "yes", "~", "",
           "stm-2015", "[1]", "{a: 1}", "|\n  12\n", "'a'"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_KEYS), st.sampled_from(_VALUES)), max_size=6))
def test_generated_top_levels(pairs: list[tuple[str, str]]) -> None:
    never_misses("".join(f"{key}: {value}\n" for key, value in pairs))


def test_a_framework_file_is_still_told_apart(tmp_path: Path) -> None:
    framework = next(p for p in sorted((ROOT / "src").rglob("*.yaml"))
                     if looks_like_framework(p.read_text(encoding="utf-8")))  # fmt: skip
    copy = tmp_path / "f.yaml"
    copy.write_bytes(framework.read_bytes())
    assert validate_one(str(copy), LoadOptions()).kind == "framework"
    copy.write_text("framework: 1\n", encoding="utf-8")
    assert validate_one(str(copy), LoadOptions()).kind == "framework"
    copy.write_text("framework: 'stm-2015'\ndiamond: 1\n", encoding="utf-8")
    assert validate_one(str(copy), LoadOptions()).kind == "questionnaire"


def _job(path: Path) -> object:
    from diamond.portfolio.worker import Job

    return Job(str(path), path.name, path.stem, str(path.parent), LoadOptions(), "mean", None,
               None)


def test_the_portfolio_tells_them_apart_as_validate_does(tmp_path: Path) -> None:
    from tests.unit.test_compare import questionnaire_text

    from diamond.portfolio.worker import assess_file

    framework = next(p for p in sorted((ROOT / "src").rglob("*.yaml"))
                     if looks_like_framework(p.read_text(encoding="utf-8")))  # fmt: skip
    plain = questionnaire_text({"factor.land": [5, 4, 4]})
    files = {
        "framework.yaml": framework.read_text(encoding="utf-8"),
        "number.yaml": "framework: 1\n",
        "plain.yaml": plain,
        "declined.yaml": plain.replace("diamond: 1", "diamond: !!int 1", 1),  # a tag
        "broken.yaml": "diamond: [1\n",
    }
    kinds = {}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        kinds[name] = assess_file(_job(tmp_path / name)).kind  # type: ignore[arg-type]
        assert (kinds[name] == "framework") == (
            validate_one(str(tmp_path / name), LoadOptions()).kind == "framework"), name
    assert kinds == {"framework.yaml": "framework", "number.yaml": "framework",
                     "plain.yaml": "cluster", "declined.yaml": "cluster",
                     "broken.yaml": "invalid"}
    assert read_plain(files["declined.yaml"], Limits()) is DECLINED


def test_a_questionnaire_the_fast_path_takes_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.test_compare import questionnaire_text

    from diamond import validation
    from diamond.portfolio import worker

    def sniffed(_text: str) -> bool:
        raise AssertionError("the text was read a second time")

    # the worker reads through validation.read_once, which sniffs there
    monkeypatch.setattr(validation, "looks_like_framework", sniffed)
    path = tmp_path / "q.yaml"
    path.write_text(questionnaire_text({"factor.land": [5, 4, 4]}), encoding="utf-8")
    assert worker.assess_file(_job(path)).kind == "cluster"  # type: ignore[arg-type]
