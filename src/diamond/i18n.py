"""Messages in the user's language: gettext catalogues, chosen once per command.

Every sentence a user reads is written in English in the source and wrapped in
``_()`` (or ``ngettext`` for counts, ``N_`` to mark a text translated later, such as
option help). The Turkish catalogue lives in ``diamond/locale/tr/LC_MESSAGES/`` as a
``.po`` file (edited by translators, kept in step with the source by
``python -m tests.i18n.catalog``) and its compiled ``.mo``, which the standard
library's ``gettext`` reads; Babel is needed only to maintain the catalogue.

Placeholders are named (``{path}``, ``{count}``) and filled after translation with
``str.format``, so a translation may reorder them. Machine-readable outputs keep
their English ``code`` values; only ``message`` and ``hint`` are translated.

The language is chosen by ``--lang``, else ``DIAMOND_LANG``, else the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), else
English. ``activate`` sets it for the whole process (worker processes are given it
when they start).
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "activate",
    "current",
    "ngettext",
    "resolve",
]

DOMAIN: Final = "diamond"
LANGUAGES: Final = ("en", "tr")
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
_LOCALE_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_current = "en"
_loaded: dict[str, _gettext.NullTranslations] = {}


def normalise(value: str | None) -> str | None:
    """``tr``, ``tr_TR.UTF-8``, ``TR-tr`` -> ``tr``; an unsupported or empty value -> None."""
    if not value:
        return None
    base = value.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    base = base.lower()
    return base if base in LANGUAGES else None


def resolve(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The message language: ``explicit`` (``--lang``), ``DIAMOND_LANG``, the locale, else en.

    Like gettext, the first locale variable that is set decides; ``LANGUAGE`` may list
    several languages (``de:tr``), of which the first supported one is taken. ``C`` and
    ``POSIX`` mean English.
    """
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get("DIAMOND_LANG")):
        code = normalise(candidate)
        if code:
            return code
    for name in _LOCALE_VARIABLES:
        value = env.get(name)
        if not value:
            continue
        for part in value.split(":"):
            code = normalise(part)
            if code:
                return code
        if name != "LANGUAGE":
            return "en"
    return "en"


def activate(language: str) -> None:
    """Translate every later message into ``language`` (``en`` or ``tr``) in this process."""
    global _translations, _current
    code = normalise(language) or "en"
    if code not in _loaded:
        _loaded[code] = (
            _gettext.NullTranslations()
            if code == "en"
            else _gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
        )
    _translations = _loaded[code]
    _current = code


def current() -> str:
    """The language messages are being translated into (``en`` or ``tr``)."""
    return _current


def _(message: str) -> str:
    """``message`` (English, with ``{named}`` placeholders) in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (option help, tables)."""
    return message
