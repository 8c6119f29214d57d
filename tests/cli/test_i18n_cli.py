"""The command line in both languages: help, usage errors, summaries, init, completion.

Each test runs in English and in Turkish and checks that the Turkish really is Turkish
(the catalogue's words, not the English ones) while the exit codes, ids and file
names are the same.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from diamond import i18n
from diamond.cli.commands import CODES, EXAMPLES, HELP, MEANINGS, ROOT
from diamond.cli.helpformat import choices
from tests.conftest import ROOT as REPO

LANGS = ("en", "tr")
EXAMPLE = REPO / "assessments" / "ankara-defence-aerospace.yaml"
# Words that only the Turkish output carries, and only the English one.
TURKISH = {"usage": "Kullanım:", "options": "Seçenekler:", "codes": "Çıkış kodları:",
           "error": "Hata:"}
ENGLISH = {"usage": "Usage:", "options": "Options:", "codes": "Exit codes:", "error": "Error:"}


def _words(lang: str) -> dict[str, str]:
    return TURKISH if lang == "tr" else ENGLISH


def _in(lang: str, message: str) -> str:
    """``message`` as the catalogue translates it into ``lang``."""
    i18n.activate(lang)
    try:
        return i18n._(message)
    finally:
        i18n.activate("en")


def _commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(_app())
    return dict(group.commands)


def _app() -> Any:
    from diamond.cli.app import app

    return app


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(HELP))
def test_help_in_the_users_language(runner, app, name: str, lang: str) -> None:
    args = ["--help"] if name == ROOT else [name, "--help"]
    result = runner.invoke(app, args, env={"DIAMOND_LANG": lang, "COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    words = _words(lang)
    for key in ("usage", "options", "codes"):
        assert out.count(words[key]) == 1, (key, out)
    # the command's own help, translated
    assert _flat(_in(lang, HELP[name]).split("\n\n")[0])[:40] in _flat(out)
    if lang == "tr":
        for english in ENGLISH.values():
            assert english not in out
        assert re.search("[çğıöşüİ]", out)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(HELP))
def test_help_states_exactly_the_commands_exit_codes(runner, app, name: str, lang: str) -> None:
    args = ["--help"] if name == ROOT else [name, "--help"]
    out = runner.invoke(app, args, env={"DIAMOND_LANG": lang, "COLUMNS": "200"}).stdout
    section = out.split(_words(lang)["codes"], 1)[1]
    listed = [int(code) for code in re.findall(r"^  (\d)  ", section, re.M)]
    assert listed == list(CODES[name])
    for code in listed:
        assert _in(lang, MEANINGS[code]) in _flat(section)
    assert "Exit codes: 0" not in out  # not stated a second time in the text


def test_validate_and_schema_cannot_return_3_or_4_and_root_lists_all() -> None:
    for name in ("validate", "schema"):
        assert not {3, 4} & set(CODES[name])
    assert CODES[ROOT] == tuple(sorted(MEANINGS)) == (0, 1, 2, 3, 4, 5, 6, 7, 8)
    assert set(HELP) == set(CODES) == {ROOT, *_commands()}


@pytest.mark.parametrize("name", sorted(n for n in HELP if n != ROOT))
def test_every_value_has_a_real_metavar(runner, app, name: str) -> None:
    command = _commands()[name]
    for param in command.params:
        if param.param_type_name == "option" and getattr(param, "is_flag", False):
            continue
        assert choices(param) or re.fullmatch(r"[A-Z|]+", param.metavar or ""), param.name
    out = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"}).stdout
    for bad in ("{", "<list", "<int", "<str>", "<path>", "INTEGER"):
        assert bad not in out, (bad, out)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["validate", "assess", "import", "compare", "portfolio", "init",
                                  "form"])
def test_main_commands_show_translated_examples(runner, app, name: str, lang: str) -> None:
    out = runner.invoke(app, [name, "-h"], env={"DIAMOND_LANG": lang, "COLUMNS": "200"}).stdout
    assert EXAMPLES[name]
    for command_line, what in EXAMPLES[name]:
        assert command_line in out
        assert _in(lang, what) in out
        if lang == "tr":
            assert _in(lang, what) != what


@pytest.mark.parametrize("lang", LANGS)
def test_root_lang_option_chooses_the_help_language(runner, app, lang: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "validate", "--help"])
    assert result.exit_code == 0
    assert _words(lang)["usage"] in result.stdout
    result = runner.invoke(app, ["--lang", lang, "--help"])
    assert _words(lang)["options"] in result.stdout


def test_a_commands_own_lang_chooses_the_help_language(runner, app) -> None:
    result = runner.invoke(app, ["assess", "--lang", "tr", "--help"])
    assert result.exit_code == 0
    assert "Kullanım: diamond assess" in result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("args", "english", "code"),
    [
        (["validate", "x.yaml", "--nope"], "No such option: --nope", 2),
        (["assess"], "Missing argument 'FILE'.", 2),
        (["validate", "x.yaml", "-f", "yaml"], "Invalid value for '--format' / '-f':", 2),
        (["validate", "x.yaml", "-j", "many"], "Invalid value for '--jobs' / '-j':", 2),
        (["bogus"], "No such command 'bogus'.", 2),
        (["schema", "extra"], "Got an unexpected extra argument (extra)", 2),
    ],
)
def test_usage_errors_in_the_users_language(runner, app, args, english, code, lang) -> None:
    result = runner.invoke(app, args, env={"DIAMOND_LANG": lang})
    assert result.exit_code == code
    err = result.stderr
    assert err.count(_words(lang)["usage"]) == 1
    assert _words(lang)["error"] in err
    if lang == "en":
        assert english in err
        assert "for help." in err
    else:
        assert english not in err
        assert "Yardım için" in err
        assert re.search("[çğıöşüİ]", err)


def test_unknown_choice_keeps_the_values_untranslated(runner, app) -> None:
    result = runner.invoke(app, ["validate", "x", "-f", "yaml"], env={"DIAMOND_LANG": "tr"})
    assert "'yaml'" in result.stderr and "'github'" in result.stderr
    assert "geçerli değil" in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_assess_summary_in_the_users_language(runner, app, tmp_path: Path, lang: str) -> None:
    result = runner.invoke(
        app, ["assess", str(EXAMPLE), "-o", str(tmp_path), "-f", "json", "-f", "md",
              "--bootstrap", "0", "--sensitivity", "0"],
        env={"DIAMOND_LANG": lang, "COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    header = ("boyut", "puan", "düzey", "kapsam") if lang == "tr" else (
        "dimension", "score", "band", "coverage")
    for word in header:
        assert re.search(rf"┃ {word}\s", out), (word, out)
    bands = {"tr": ("orta", "güçlü"), "en": ("moderate", "strong")}[lang]
    assert any(band in out for band in bands)
    wrote = "yazıldı: " if lang == "tr" else "wrote "
    assert out.count(wrote) == 3  # md, svg and json
    assert "factor" in out  # ids stay as they are


@pytest.mark.parametrize("lang", LANGS)
def test_compare_summary_in_the_users_language(runner, app, tmp_path: Path, lang: str) -> None:
    files = [str(REPO / "assessments" / n)
             for n in ("eskisehir-aviation-2019.yaml", "eskisehir-aviation.yaml")]
    result = runner.invoke(app, ["compare", *files, "-o", str(tmp_path), "-f", "md",
                                 "--bootstrap", "50"],
                           env={"DIAMOND_LANG": lang, "COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    if lang == "tr":
        assert "karşılaştırma (" in result.stdout and "üç alan kuralı" in result.stdout
        assert "improved significantly" not in result.stdout
    else:
        assert "comparison (" in result.stdout and "three-areas rule" in result.stdout


@pytest.mark.parametrize("messages", LANGS)
@pytest.mark.parametrize("scaffold", LANGS)
def test_init_scaffold_comments_follow_its_own_language(
    runner, app, tmp_path: Path, messages: str, scaffold: str
) -> None:
    target = tmp_path / "q.yaml"
    result = runner.invoke(
        app, ["--lang", messages, "init", str(target), "--sector", "S", "--region", "R",
              "--period", "2025", "--lang", scaffold],
        env={"DIAMOND_LANG": messages})
    assert result.exit_code == 0, result.output
    # a command's own --lang is the last one given, so it also picks the messages
    assert ("puanlanacak 31 gösterge" if scaffold == "tr" else "31 indicators to rate") in (
        result.stdout)
    text = target.read_text(encoding="utf-8")
    if scaffold == "tr":
        assert "# Örnek madde:" in text and "isteğe bağlı; boyutu da belirler" in text
        assert "Example item" not in text and "optional" not in text
    else:
        assert "# Example item:" in text and "optional; implies the dimension" in text
    ok = runner.invoke(app, ["validate", str(target)])
    assert ok.exit_code == 0


def test_init_refusal_in_turkish_with_the_same_exit_code(runner, app, tmp_path: Path) -> None:
    target = tmp_path / "q.yaml"
    target.write_text("x", encoding="utf-8")
    args = ["init", str(target), "--sector", "S", "--region", "R", "--period", "2025"]
    english = runner.invoke(app, args)
    turkish = runner.invoke(app, args, env={"DIAMOND_LANG": "tr"})
    assert english.exit_code == turkish.exit_code == 2
    assert "already exists; pass --force" in english.stderr
    assert "zaten var; üzerine yazmak için --force verin" in turkish.stderr


def test_indicators_defaults_to_turkish_like_init_and_reports(runner, app) -> None:
    result = runner.invoke(app, ["indicators"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "gösterge" in result.stdout and "Faktör (Girdi) Koşulları" in result.stdout


def test_indicators_lists_chosen_ids(runner, app) -> None:
    result = runner.invoke(app, ["indicators", "factor.land", "related", "--format", "json"])
    rows = [r["id"] for r in __import__("json").loads(result.stdout)]
    assert rows[0] == "factor.land"
    assert rows[1:] == ["related.university_cooperation", "related.cluster_organisations",
                        "related.government_bodies", "related.anchor_firms"]
    bad = runner.invoke(app, ["indicators", "factor.lnd"])
    assert bad.exit_code == 2
    assert "factor.lnd" in bad.stderr and "factor.land" in bad.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_missing_framework_path_speaks_of_the_current_folder(runner, app, lang: str) -> None:
    result = runner.invoke(app, ["indicators", "--framework", "frameworks/none.yaml"],
                           env={"DIAMOND_LANG": lang})
    assert result.exit_code == 2
    assert "questionnaire" not in result.stderr and "anket" not in result.stderr
    expected = "çalışma klasörüne görelidir" if lang == "tr" else "relative to the current folder"
    assert expected in result.stderr


def _complete(runner: Any, app: Any, line: str) -> list[str]:
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    result = runner.invoke(app, [], prog_name="diamond", env={
        "_DIAMOND_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)})
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_completion_of_indicator_ids(runner, app) -> None:
    found = _complete(runner, app, "diamond indicators factor.l")
    assert found == ["factor.land", "factor.labour_cost"]
    assert "related" in _complete(runner, app, "diamond indicators rel")


def test_completion_follows_the_framework_option(runner, app, tmp_path: Path) -> None:
    source = (REPO / "src" / "diamond" / "data" / "stm-2015.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "custom.yaml"
    custom.write_text(source.replace("anchor_firms", "anchor_companies"), encoding="utf-8")
    line = f"diamond indicators --framework {custom} related.anc"
    assert _complete(runner, app, line) == ["related.anchor_companies"]


def test_completion_of_framework_ids_and_formats(runner, app) -> None:
    assert _complete(runner, app, "diamond init q.yaml --framework st") == ["stm-2015"]
    assert _complete(runner, app, "diamond assess q.yaml -f p") == ["pptx", "pdf"]
    assert _complete(runner, app, "diamond validate --format ") == ["text", "json", "github"]
    assert "--install-completion" in _complete(runner, app, "diamond --")
