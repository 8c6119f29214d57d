"""Where a form comes from: a questionnaire (its framework, scale, sector and language),
or a framework alone."""

from __future__ import annotations

from pathlib import Path

from diamond.errors import UsageError
from diamond.frameworks import resolve_framework
from diamond.i18n import _
from diamond.loader import LoadOptions, load_questionnaire, require_valid
from diamond.models.text import Language
from diamond.names import DEFAULT_FRAMEWORK
from diamond.survey.forms.spec import FormSpec, form_spec


def spec_for(
    questionnaire: str | None,
    *,
    framework: str | None,
    lang: Language | None,
    respondent_id: bool,
    swot: bool,
    load: LoadOptions,
) -> FormSpec:
    """The form for a questionnaire file (``-``: standard input) or for a framework.

    A questionnaire gives the framework, the scale, the sector and region and the
    language (``lang`` overrides it); it must be valid. Without one, ``framework``
    (default the built-in) and ``lang`` (default Turkish) are used.
    """
    if questionnaire is not None:
        if framework is not None:
            raise UsageError(_("--framework applies without a questionnaire; the file names one"))
        q, catalogue = require_valid(load_questionnaire(questionnaire, load))
        return form_spec(
            catalogue,
            lang=lang or q.sector.language,
            scale=q.scale,
            sector=q.sector.name,
            region=q.sector.region,
            respondent_id=respondent_id,
            swot=swot,
        )
    catalogue = resolve_framework(framework or DEFAULT_FRAMEWORK, Path.cwd(), load.limits,
                                  allow_outside=True)
    return form_spec(catalogue, lang=lang or "tr", respondent_id=respondent_id, swot=swot)
