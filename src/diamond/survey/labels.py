"""The words survey answers come in: stakeholder-group labels and 5-point scale label sets.

This module is data, documented in ``docs/import-export.md``. A group cell or an
answer cell is compared with these lists **exactly**, after ``normalise`` (case,
Turkish letters, punctuation and spacing do not matter); a label that contains a
listed word is *not* taken for it (``Sanayi ve Teknoloji Bakanlığı`` is not a firm).
Anything else is reported once, with a ready-to-paste map-file block.
"""

from __future__ import annotations

from diamond.models.questionnaire import Group
from diamond.survey.text import normalise

#: Stakeholder-group labels, Turkish and English, as forms offer them as choices.
GROUP_LABELS: dict[Group, tuple[str, ...]] = {
    "firm": (
        "firm", "firms", "firma", "firmalar", "şirket", "company", "companies", "business",
        "enterprise", "private sector", "private company", "özel sektör", "özel sektör firması",
        "kobi", "sme", "işletme", "sanayici", "üretici firma",
    ),
    "university": (
        "university", "universities", "üniversite", "academia", "academic", "akademi",
        "akademisyen", "univ", "research institute", "araştırma kurumu",
        "university research centre",
        "üniversite araştırma merkezi",
    ),
    "public": (
        "public", "public sector", "kamu", "kamu kurumu", "kamu kuruluşu", "government",
        "devlet", "publ", "public institution", "public body", "public authority", "yerel yönetim",
        "local government",
    ),
    "ngo": (
        "ngo", "ngos", "stk", "sivil toplum", "sivil toplum kuruluşu", "civil society",
        "civil society organisation", "civil society organization", "dernek", "association",
        "non governmental organisation", "non governmental organization", "meslek örgütü",
        "professional body", "oda", "chamber", "birlik", "union",
    ),
    "other": ("other", "others", "diğer", "diğerleri"),
}

#: 5-point scale label sets; each label -> its point on a 1..5 scale.
SCALE_SETS: dict[str, dict[int, tuple[str, ...]]] = {
    # the built-in framework's scale_meaning (and KoboToolbox choice names written with _)
    "favourability": {
        1: ("serious disadvantage", "ciddi dezavantaj"),
        2: ("disadvantage", "dezavantaj"),
        3: ("neutral", "nötr"),
        4: ("advantage", "avantaj"),
        5: ("strong advantage", "güçlü avantaj"),
    },
    "quality": {
        1: ("very poor", "very bad", "çok kötü"),
        2: ("poor", "bad", "kötü"),
        3: ("fair", "average", "orta"),
        4: ("good", "iyi"),
        5: ("very good", "excellent", "çok iyi"),
    },
    "agreement": {
        1: ("strongly disagree", "kesinlikle katılmıyorum"),
        2: ("disagree", "katılmıyorum"),
        3: (
            "neither agree nor disagree", "neutral", "kararsızım",
            "ne katılıyorum ne katılmıyorum",
        ),
        4: ("agree", "katılıyorum"),
        5: ("strongly agree", "kesinlikle katılıyorum"),
    },
    "level": {
        1: ("very low", "çok düşük"),
        2: ("low", "düşük"),
        3: ("medium", "moderate", "orta"),
        4: ("high", "yüksek"),
        5: ("very high", "çok yüksek"),
    },
    "satisfaction": {
        1: ("very dissatisfied", "hiç memnun değilim"),
        2: ("dissatisfied", "memnun değilim"),
        3: ("neither satisfied nor dissatisfied", "kararsızım"),
        4: ("satisfied", "memnunum"),
        5: ("very satisfied", "çok memnunum"),
    },
}

#: Cells that mean "no answer".
NO_ANSWER_LABELS: tuple[str, ...] = (
    "n/a", "na", "n.a.", "-", "null", "none", "no answer", "not applicable", "don't know",
    "dont know", "do not know", "i don't know", "unsure", "no opinion", "bilmiyorum",
    "fikrim yok", "yanıt yok", "cevap yok", "uygulanamaz", "bilgim yok", "fikir yok",
)

#: The labels ``diamond form`` prints for each group, in the questionnaire's language.
GROUP_CHOICES: dict[Group, dict[str, str]] = {
    "firm": {"tr": "Firma", "en": "Firm"},
    "university": {"tr": "Üniversite", "en": "University"},
    "public": {"tr": "Kamu kurumu", "en": "Public institution"},
    "ngo": {"tr": "Sivil toplum kuruluşu / meslek örgütü", "en": "NGO / professional body"},
    "other": {"tr": "Diğer", "en": "Other"},
}


def group_table() -> dict[str, Group]:
    """Normalised group label -> group."""
    return {normalise(w): g for g, words in GROUP_LABELS.items() for w in words} | {
        normalise(text): g for g, texts in GROUP_CHOICES.items() for text in texts.values()
    }


def scale_table() -> dict[str, int]:
    """Normalised 5-point label -> point, over every set (the sets never disagree)."""
    table: dict[str, int] = {}
    for points in SCALE_SETS.values():
        for point, words in points.items():
            for word in words:
                table.setdefault(normalise(word), point)
    return table
