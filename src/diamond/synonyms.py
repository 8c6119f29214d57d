"""Words people write for a stakeholder group or a dimension, in Turkish and English.

``diamond.findings.suggest`` looks a misspelt or translated id up here before it tries
spelling: ``group: kamu`` gets "did you mean 'public'?", ``dimension: talep`` gets
"did you mean 'demand'?". A word may name ids of both kinds (``firma`` is the ``firm``
group and the ``firm`` dimension); the first one among the valid choices is offered.
The group words follow the survey import's list (``diamond.survey.labels``).
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["SYNONYMS", "canonical", "fold"]

_RAW: Final[dict[str, tuple[str, ...]]] = {
    # stakeholder groups (questionnaire 'group:')
    "firm": (
        "firma", "firmalar", "firms", "şirket", "şirketler", "company", "companies",
        "business", "enterprise", "işletme", "işletmeler", "özel sektör", "private sector",
        "private", "özel", "kobi", "sme", "sanayici", "üretici", "industry", "sanayi",
    ),
    "university": (
        "üniversite", "universite", "üni", "uni", "univ", "universities", "akademi",
        "akademisyen", "academia", "academic", "araştırma kurumu", "research institute",
    ),
    "public": (
        "kamu", "kamu kurumu", "kamu kuruluşu", "devlet", "government", "public sector",
        "public institution", "public body", "public authority", "yerel yönetim",
        "local government", "belediye", "bakanlık", "valilik", "publ",
    ),
    "ngo": (
        "stk", "sivil toplum", "sivil toplum kuruluşu", "civil society", "dernek",
        "vakıf", "association", "foundation", "meslek örgütü", "professional body", "oda",
        "chamber", "birlik", "union", "ngos", "non governmental organisation",
        "non governmental organization", "nonprofit", "non profit",
    ),
    "other": ("diğer", "diğerleri", "others", "başka"),
    # dimensions of the built-in framework and the extended one
    "factor": (
        "faktör", "faktor", "faktör koşulları", "girdi", "girdi koşulları", "factors",
        "factor conditions", "inputs", "input conditions",
    ),
    "demand": ("talep", "talep koşulları", "demand conditions", "market", "pazar"),
    "related": (
        "ilgili", "destekleyici", "ilgili destekleyici", "ilgili ve destekleyici",
        "ilgili destekleyici kuruluşlar", "ilgili ve destekleyici sektörler",
        "yan sanayi", "related industries", "supporting", "supporting industries",
        "related and supporting industries",
    ),
    "government": ("hükümet", "devlet politikası", "government policy", "policy"),
    "chance": ("şans", "tesadüf", "rastlantı", "luck", "chance events"),
}
# 'firma' (and the like) also name the 'firm' dimension, 'kamu' and 'devlet' the
# 'government' dimension of frameworks that have one.
_ALSO: Final[dict[str, tuple[str, ...]]] = {
    "firm": (
        "firma yapısı", "strateji", "rekabet", "firma stratejisi", "firm strategy",
        "strategy", "rivalry", "firm structure", "structure strategy and rivalry",
    ),
    "government": ("kamu", "devlet", "government"),
}


def fold(text: str) -> str:
    """Lower case without diacritics, dotted and dotless i as ``i``, spaces collapsed."""
    folded = text.replace("İ", "i").replace("ı", "i").casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for source in (_RAW, _ALSO):
        for target, words in source.items():
            for word in words:
                targets = table.setdefault(fold(word), [])
                if target not in targets:
                    targets.append(target)
    return {word: tuple(targets) for word, targets in table.items()}


#: Folded word -> the ids it may mean, most likely first.
SYNONYMS: Final = _table()


def canonical(word: str, choices: set[str] | frozenset[str]) -> str | None:
    """The id among ``choices`` that ``word`` is a synonym of, or None."""
    for target in SYNONYMS.get(fold(word), ()):
        if target in choices:
            return target
    return None
