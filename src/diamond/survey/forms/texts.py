"""Every sentence ``diamond form`` prints, in Turkish and English (data, not logic)."""

from __future__ import annotations

from diamond.models.text import Language

TEXTS: dict[str, dict[Language, str]] = {
    "title": {
        "tr": "{sector} – Rekabet Gücü Değerlendirme Anketi (Porter Elması)",
        "en": "{sector} – Competitiveness Assessment Survey (Porter Diamond)",
    },
    "title_none": {
        "tr": "Sektör Rekabet Gücü Değerlendirme Anketi (Porter Elması)",
        "en": "Sector Competitiveness Assessment Survey (Porter Diamond)",
    },
    "intro": {
        "tr": "Bu anket, {subject} rekabet gücünü Porter "
        "Elması modeline göre değerlendirmek amacıyla hazırlanmıştır. Lütfen her koşulun "
        "sektörün rekabet gücü açısından ne kadar elverişli olduğunu {low} ile {high} "
        "arasında puanlayınız. Görüşünüz olmayan soruları boş bırakabilirsiniz. "
        "Yanıtlarınız yalnızca toplu olarak raporlanacaktır.",
        "en": "This survey assesses the competitiveness of {subject} with Porter's Diamond "
        "model. Please rate how favourable each condition is for the "
        "sector's competitiveness, from {low} to {high}. You may leave a question blank if "
        "you have no view. Answers are reported only in aggregate.",
    },
    "subject": {"tr": "{where}{sector} sektörünün", "en": "the {sector} sector{where}"},
    "subject_none": {"tr": "sektörün", "en": "the sector"},
    "where": {"tr": "{region} bölgesindeki ", "en": " in {region}"},
    "respondent": {"tr": "Katılımcı bilgileri", "en": "About you"},
    "group": {
        "tr": "Temsil ettiğiniz kurumun türü",
        "en": "Type of organisation you represent",
    },
    "id": {"tr": "Katılımcı kodu", "en": "Respondent code"},
    "id_hint": {
        "tr": "Anket ekibinin size ilettiği kodu yazınız.",
        "en": "Enter the code the survey team gave you.",
    },
    "swot": {"tr": "GZFT (SWOT) değerlendirmesi", "en": "SWOT assessment"},
    "swot_hint": {
        "tr": "Her maddeyi ayrı bir satıra yazınız.",
        "en": "Write each point on its own line.",
    },
    "strengths": {"tr": "Sektörün güçlü yönleri", "en": "Strengths of the sector"},
    "weaknesses": {"tr": "Sektörün zayıf yönleri", "en": "Weaknesses of the sector"},
    "opportunities": {"tr": "Sektör için fırsatlar", "en": "Opportunities for the sector"},
    "threats": {"tr": "Sektör için tehditler", "en": "Threats to the sector"},
    "tick_one": {
        "tr": "Her satırda yalnızca bir kutuyu işaretleyiniz; görüşünüz yoksa satırı boş "
        "bırakınız.",
        "en": "Tick one box per row; leave the row blank if you have no view.",
    },
    "organisation": {"tr": "Kurum adı", "en": "Organisation"},
    "date": {"tr": "Tarih", "en": "Date"},
    "tick_group": {"tr": "(birini işaretleyiniz)", "en": "(tick one)"},
    "condition": {"tr": "Koşul", "en": "Condition"},
    "code": {"tr": "Gösterge kodu", "en": "Indicator code"},
    "thanks": {
        "tr": "Katılımınız için teşekkür ederiz.",
        "en": "Thank you for taking part.",
    },
}

#: Labels of the points of a 1..5 scale (the built-in framework's scale meaning).
FIVE_POINTS: dict[Language, tuple[str, ...]] = {
    "tr": ("Ciddi dezavantaj", "Dezavantaj", "Nötr", "Avantaj", "Güçlü avantaj"),
    "en": ("Serious disadvantage", "Disadvantage", "Neutral", "Advantage", "Strong advantage"),
}


def text(key: str, lang: Language, **values: object) -> str:
    """One sentence in ``lang``, with ``{placeholders}`` filled."""
    return TEXTS[key][lang].format(**values)
