"""Issue 15's "done when": ``LANG=tr_TR.UTF-8 diamond validate`` on the invalid corpus
prints Turkish messages with the same codes and positions as in English.

The whole of ``tests/examples/invalid`` is validated twice through the CLI, once in
English and once under a Turkish locale, in the JSON format (which carries every
field); the two runs must agree on every diagnostic's path, line, column, severity and
code, and differ in the words.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

INVALID = Path(__file__).resolve().parents[1] / "examples" / "invalid"

#: Letters only Turkish uses, and words every Turkish message of these codes holds one of.
_TURKISH_LETTERS = re.compile("[çğıİöşüÇĞÖŞÜ]")
_TURKISH_WORDS = re.compile(
    r"\b(olmalı|bilinmeyen|eksik|verilen|hatası|dosya|değer|sınır|yok|anahtar|"
    r"göstergesi|boyutu|kimliği|katılımcı|çerçeve|metni|sayısı)",
)

Key = tuple[str, int, int, str, str]


def _run(runner: CliRunner, app: Any, env: dict[str, str | None]) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["validate", ".", "--format", "json"], env=env)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    return [d for f in report["files"] for d in f["diagnostics"]]


def _key(d: dict[str, Any]) -> Key:
    return (d["path"], d["line"], d["column"], d["severity"], d["code"])


@pytest.fixture(scope="module")
def both() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from diamond.cli.app import app

    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(INVALID)
        english = _run(runner, app, {"DIAMOND_LANG": "en"})
        turkish = _run(
            runner,
            app,
            {"DIAMOND_LANG": None, "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None,
             "LANG": "tr_TR.UTF-8"},
        )
    from diamond import i18n

    i18n.activate("en")
    return english, turkish


def test_the_corpus_is_large(both: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    english, _turkish = both
    assert len(english) >= 80
    assert len({d["code"] for d in english}) >= 30


def test_same_codes_and_positions_in_both_languages(
    both: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    english, turkish = both
    assert Counter(map(_key, turkish)) == Counter(map(_key, english))
    # ... in the same order, so that the two outputs line up one for one
    assert [_key(d) for d in turkish] == [_key(d) for d in english]


def test_every_message_is_turkish(
    both: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    english, turkish = both
    leaks = []
    for en, tr in zip(english, turkish, strict=True):
        text = tr["message"] + " " + (tr["hint"] or "")
        if tr["message"] == en["message"] or not (
            _TURKISH_LETTERS.search(text) or _TURKISH_WORDS.search(text)
        ):
            leaks.append(f"{tr['path']}:{tr['line']}: [{tr['code']}] {tr['message']}")
        if en["hint"] is not None:
            assert tr["hint"] is not None, tr
            if en["hint"] == tr["hint"]:
                leaks.append(f"{tr['path']}:{tr['line']}: [{tr['code']}] hint {tr['hint']}")
    assert not leaks, "English left in the Turkish run:\n" + "\n".join(leaks)


def test_no_english_sentence_leaks_into_turkish(
    both: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    _english, turkish = both
    phrases = ("must be", "unknown ", "missing required", "did you mean", "got the",
               "YAML syntax error", "is used twice", "not found", "the file ", "write ")
    leaks = [
        f"{d['code']}: {d['message']} / {d['hint']}"
        for d in turkish
        if any(p in f"{d['message']} {d['hint'] or ''}" for p in phrases)
    ]
    assert not leaks, "\n".join(leaks)
    assert any("YAML söz dizimi hatası" in d["message"] for d in turkish)


def test_the_summary_line_is_turkish(app: Any, runner: CliRunner,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    english = runner.invoke(app, ["validate", "empty.yaml"], env={"DIAMOND_LANG": "en"})
    turkish = runner.invoke(app, ["validate", "empty.yaml"], env={"DIAMOND_LANG": "tr"})
    assert english.stdout.splitlines()[-1] == (
        "1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)"
    )
    assert turkish.stdout.splitlines()[-1] == (
        "1 dosya denetlendi: 0 geçerli, 1 geçersiz (1 hata, 0 uyarı)"
    )
    assert english.exit_code == turkish.exit_code == 1
