"""Keep the Turkish catalogue in step with the source (needs Babel, from the test extra).

    python -m tests.i18n.catalog          # update diamond.po from the source, compile diamond.mo
    python -m tests.i18n.catalog --check  # exit 1 if either is out of date (what the tests check)

Messages are extracted from ``src/diamond`` (``_``, ``N_`` and ``ngettext``). New ones
enter the ``.po`` with an empty translation, which the tests reject until a translator
fills it; messages no longer in the source leave it. Entries are sorted and carry no
source locations, so the file changes only when a message does.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "diamond"
PO = SOURCE / "locale" / "tr" / "LC_MESSAGES" / "diamond.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
# Fixed, so that regenerating the catalogue is byte-stable.
_STAMP = datetime(2026, 11, 25, tzinfo=UTC)
# Turkish puts a noun after a number in the singular ("3 hata"), so one form serves all.
PLURAL_FORMS = "nplurals=1; plural=0;"

Key = str | tuple[str, ...]


def extracted() -> dict[Key, str]:
    """Every message in the source: its id (a tuple for plurals) -> the first place it occurs."""
    found: dict[Key, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        key: Key = tuple(message) if isinstance(message, (tuple, list)) else message
        if key and key not in found:
            found[key] = f"{filename}:{lineno}"
    return found


def read_catalogue(path: Path = PO) -> Catalog:
    """The committed Turkish catalogue (an empty one if there is none yet)."""
    if not path.exists():
        return Catalog(locale="tr", domain="diamond")
    with path.open("rb") as handle:
        return read_po(handle, locale="tr", domain="diamond")


def _new_catalogue() -> Catalog:
    catalogue = Catalog(
        locale="tr",
        domain="diamond",
        project="diamond",
        version="",
        copyright_holder="the diamond authors",
        msgid_bugs_address="",
        creation_date=_STAMP,
        revision_date=_STAMP,
        language_team="Turkish",
        last_translator="the diamond authors",
        fuzzy=False,
    )
    # Babel takes the plural rule from its locale data, which changed for Turkish in 2.19
    # (two forms, from CLDR); set the file's own rule so that plural entries are written
    # with one msgstr whichever Babel runs.
    catalogue.mime_headers = [("Plural-Forms", PLURAL_FORMS)]
    return catalogue


def updated(old: Catalog, messages: dict[Key, str]) -> Catalog:
    """A catalogue with exactly ``messages``, keeping every translation ``old`` had."""
    new = _new_catalogue()
    for key in sorted(messages, key=lambda k: k if isinstance(k, str) else k[0]):
        msgid = key if isinstance(key, str) else key[0]
        previous = old.get(msgid)
        string: str | tuple[str, ...]
        if previous is not None and previous.string:
            string = previous.string
        else:
            string = "" if isinstance(key, str) else ("",)
        if not isinstance(key, str) and isinstance(string, tuple):
            string = string[:1]
        added = new.add(key, string=string)
        # Newer Babel flags brace placeholders; older releases do not. Leave it out so
        # that the file does not depend on the Babel that wrote it.
        added.flags.discard("python-brace-format")
    return new


# Written by hand rather than by Babel, whose header names its own version and, between
# releases, a different plural rule: the file must not change with the tool that wrote it.
HEADER = f"""\
# Turkish messages of diamond. Edit the translations; run
# `python -m tests.i18n.catalog` after changing messages in the source.
msgid ""
msgstr ""
"Project-Id-Version: diamond\\n"
"Language: tr\\n"
"Language-Team: Turkish\\n"
"Plural-Forms: {PLURAL_FORMS}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

"""


def po_bytes(catalogue: Catalog) -> bytes:
    """The ``.po`` text of a catalogue, sorted, without locations or line wrapping."""
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, no_location=True, sort_output=True,
             include_previous=False, omit_header=True)
    return HEADER.encode("utf-8") + buffer.getvalue().lstrip(b"\n")


def mo_bytes(catalogue: Catalog) -> bytes:
    """The compiled ``.mo`` of a catalogue."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def _same(path: Path, data: bytes) -> bool:
    """Whether ``path`` holds ``data``; a ``.mo`` only needs the same translations, since
    Babel releases lay the compiled file out differently."""
    if not path.exists():
        return False
    if path.suffix != ".mo":
        return path.read_bytes() == data
    import gettext

    def table(raw: bytes) -> dict[object, str]:
        entries = gettext.GNUTranslations(io.BytesIO(raw))._catalog  # type: ignore[attr-defined]
        return {k: v for k, v in entries.items() if k != ""}  # the header holds dates

    return table(path.read_bytes()) == table(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    catalogue = updated(read_catalogue(), extracted())
    text = po_bytes(catalogue)
    compiled = mo_bytes(read_po(io.BytesIO(text), locale="tr", domain="diamond"))
    stale = [p for p, data in ((PO, text), (MO, compiled)) if not _same(p, data)]
    missing = [m.id if isinstance(m.id, str) else m.id[0] for m in catalogue
               if m.id and not all(s.strip() for s in (m.string if isinstance(m.string, tuple)
                                                      else (m.string,)))]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in ((PO, text), (MO, compiled)):
        if not _same(path, data):
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    if missing:
        print(f"{len(missing)} message(s) still need a Turkish translation:", file=sys.stderr)
        for msgid in missing:
            print(f"  {msgid!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
