"""Which language messages are in: --lang, DIAMOND_LANG, the locale, else English."""

from __future__ import annotations

import pytest

from diamond import i18n
from diamond.cli.language import explicit_language


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        (None, {}, "en"),
        ("tr", {"DIAMOND_LANG": "en"}, "tr"),
        (None, {"DIAMOND_LANG": "tr", "LANG": "en_US.UTF-8"}, "tr"),
        (None, {"LANG": "tr_TR.UTF-8"}, "tr"),
        (None, {"LC_MESSAGES": "tr_TR", "LANG": "en_GB.UTF-8"}, "tr"),
        (None, {"LC_ALL": "C", "LANG": "tr_TR.UTF-8"}, "en"),
        (None, {"LANGUAGE": "de:tr", "LANG": "en_US.UTF-8"}, "tr"),
        (None, {"LANGUAGE": "de", "LANG": "tr_TR.UTF-8"}, "tr"),
        (None, {"DIAMOND_LANG": "klingon", "LANG": "tr_TR.UTF-8"}, "tr"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        ("TR-tr", {}, "tr"),
    ],
)
def test_resolution_order(explicit: str | None, environ: dict[str, str], expected: str) -> None:
    assert i18n.resolve(explicit, environ) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate", "x.yaml"], None),
        (["assess", "--lang", "en", "x.yaml"], "en"),
        (["--lang=tr", "validate"], "tr"),
        (["validate", "--", "--lang", "tr"], None),
    ],
)
def test_lang_is_read_before_parsing(args: list[str], expected: str | None) -> None:
    assert explicit_language(args) == expected


def test_activation_switches_the_process_language() -> None:
    i18n.activate("tr")
    assert i18n.current() == "tr"
    i18n.activate("en")
    assert i18n._("diamond: error: {message}") == "diamond: error: {message}"
