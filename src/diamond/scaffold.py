"""Write a starter questionnaire: every indicator listed, its prompt as a comment."""

from __future__ import annotations

import json

from diamond.errors import UsageError
from diamond.frameworks import Catalogue
from diamond.i18n import N_, _
from diamond.models.text import Language
from diamond.safetext import visible

_HEADER = {
    "en": [
        "Questionnaire for a Porter Diamond / SWOT (GZFT) sector assessment.",
        "Rate each indicator from {low} (serious disadvantage) to {high} (strong advantage)",
        "for the sector's competitiveness; write null where a respondent gives no answer.",
        "Check it with:  diamond validate {name}",
    ],
    "tr": [
        "Porter Elmas Modeli / GZFT sektör değerlendirmesi anketi.",
        "Her göstergeyi sektörün rekabet gücü açısından {low} (ciddi dezavantaj) ile",
        "{high} (güçlü avantaj) arasında puanlayın; yanıt verilmeyen yerlere null yazın.",
        "Kontrol etmek için:  diamond validate {name}",
    ],
}
# The scaffold's comments are in the scaffold's language (init's --lang), not in the
# language of the terminal's messages, so they come from this table, not the catalogue.
_COMMENTS = {
    "en": {
        "example": "Example item:",
        "indicator": "optional; implies the dimension",
        "importance": "1..5, default 3",
        "text": "Most defence firms are based in the region",
    },
    "tr": {
        "example": "Örnek madde:",
        "indicator": "isteğe bağlı; boyutu da belirler",
        "importance": "1..5, varsayılan 3",
        "text": "Savunma firmalarının çoğu bölgede yerleşik",
    },
}
_FIELDS = {
    "sector": N_("sector name"),
    "region": N_("region"),
    "period": N_("period"),
    "framework_path": N_("framework path"),
}


def _scalar(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _require_text(**values: str) -> None:
    """Refuse a value holding bytes that are not UTF-8 (lone surrogates from the command line)."""
    for name, value in values.items():
        if any("\ud800" <= char <= "\udfff" for char in value):
            raise UsageError(
                _("the {field} '{value}' is not valid UTF-8 text; type it in a UTF-8 terminal "
                  "(or rename the file) and run again").format(
                    field=_(_FIELDS.get(name, name)), value=visible(value))
            )


def starter_questionnaire(
    catalogue: Catalogue,
    *,
    sector: str,
    region: str,
    period: str,
    framework_ref: str,
    lang: Language,
    file_name: str,
) -> str:
    """The text of a new questionnaire with one respondent and every indicator unanswered.

    Raises ``UsageError`` when a value is not valid UTF-8 text.
    """
    _require_text(sector=sector, region=region, period=period, framework_path=framework_ref)
    file_name = visible(file_name)
    lines = ["# " + line.format(low=1, high=5, name=file_name) for line in _HEADER[lang]]
    lines += [
        "diamond: 1",
        "sector:",
        f"  name: {_scalar(sector)}",
        f"  region: {_scalar(region)}",
        f"  period: {_scalar(period)}",
        f"  language: {lang}",
        f"framework: {_scalar(framework_ref)}",
        "scale: {min: 1, max: 5}",
        "respondents:",
        "  - id: firm-01",
        "    group: firm        # firm | university | public | ngo | other",
        "    weight: 1",
        "    answers:",
    ]
    for dimension in catalogue.framework.dimensions:
        lines.append(f"      # --- {dimension.name.get(lang)} ---")
        for indicator in dimension.indicators:
            prompt = " ".join(indicator.prompt.get(lang).split())
            lines.append(f"      # {prompt}")
            lines.append(f"      {indicator.id}: null")
    comments = _COMMENTS[lang]
    lines += [
        "swot:",
        "  strengths: []",
        "  weaknesses: []",
        "  opportunities: []",
        "  threats: []",
        f"  # {comments['example']}",
        "  # strengths:",
        f"  #   - text: {_scalar(comments['text'])}",
        f"  #     indicator: factor.main_industry   # {comments['indicator']}",
        f"  #     importance: 4                     # {comments['importance']}",
        "# weights: {dimensions: {factor: 1}, indicators: {}}",
        "# readiness: {pre.a: met}                # met | partial | unmet",
    ]
    return "\n".join(lines) + "\n"
