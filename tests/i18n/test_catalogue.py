"""The Turkish catalogue is complete, in step with the source, and safe to format."""

from __future__ import annotations

import gettext
import io
import string

import pytest

pytest.importorskip("babel")

from babel.messages.pofile import read_po

from tests.i18n import catalog


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def committed():  # type: ignore[no-untyped-def]
    return catalog.read_catalogue()


@pytest.fixture(scope="module")
def source() -> dict[catalog.Key, str]:
    return catalog.extracted()


def test_catalogue_is_in_step_with_the_source(source, committed) -> None:  # type: ignore[no-untyped-def]
    in_source = {k if isinstance(k, str) else k[0] for k in source}
    in_po = {m.id if isinstance(m.id, str) else m.id[0] for m in committed if m.id}
    assert in_source - in_po == set(), "run: python -m tests.i18n.catalog"
    assert in_po - in_source == set(), "run: python -m tests.i18n.catalog"


def test_every_message_has_a_turkish_translation(source, committed) -> None:  # type: ignore[no-untyped-def]
    untranslated = []
    for message in committed:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(s.strip() for s in strings) or message.fuzzy:
            untranslated.append(message.id)
    assert untranslated == [], f"{len(untranslated)} message(s) lack a Turkish translation"


def test_placeholders_are_named_and_kept(committed) -> None:  # type: ignore[no-untyped-def]
    for message in committed:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        assert "" not in wanted, f"unnamed placeholder in {ids[0]!r}: use {{name}}"
        for text in strings:
            assert _fields(text) <= wanted, f"unknown placeholder in the translation of {ids[0]!r}"
            # Every placeholder of the English should reach the Turkish reader too.
            assert _fields(text) == _fields(ids[-1]) or len(ids) > 1, (
                f"the translation of {ids[0]!r} drops or adds a placeholder"
            )


def test_compiled_catalogue_matches_the_po(committed) -> None:  # type: ignore[no-untyped-def]
    with catalog.MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in committed:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0]
        else:
            assert compiled.gettext(message.id) == message.string, (
                "run: python -m tests.i18n.catalog"
            )
    rebuilt = read_po(io.BytesIO(catalog.po_bytes(catalog.updated(committed, catalog.extracted()))))
    assert len(list(rebuilt)) == len(list(committed))


def test_the_po_file_is_written_as_the_tool_writes_it() -> None:
    assert catalog.main(["--check"]) == 0, "run: python -m tests.i18n.catalog"
