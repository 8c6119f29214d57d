"""``diamond form``: the survey instrument in the formats survey tools load.

``WRITERS`` is the registry: format name -> ``Writer`` (what it writes, how, and the
file suffix it suggests). Each writer takes a ``FormSpec`` and returns bytes;
the same spec always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from diamond.i18n import N_, _
from diamond.survey.forms import apps_script, limesurvey, paper, xlsform
from diamond.survey.forms.spec import FormSpec, form_spec


@dataclass(frozen=True)
class Writer:
    """One output format of ``diamond form``."""

    write: Callable[[FormSpec], bytes]
    suffix: str
    binary: bool
    summary: str  # English, marked with N_; ``description`` is it in the user's language

    @property
    def description(self) -> str:
        """What the format is, in the user's language."""
        return _(self.summary)


def _paper_pdf(spec: FormSpec) -> bytes:
    """The paper form as a print-ready PDF (the report's PDF engine, WeasyPrint)."""
    from diamond.render.pdf import html_to_pdf

    return html_to_pdf(paper.write(spec).decode("utf-8"))


WRITERS: dict[str, Writer] = {
    "xlsform": Writer(xlsform.write, ".xlsx", True, N_("XLSForm for KoboToolbox and ODK")),
    "limesurvey": Writer(limesurvey.write, ".txt", False,
                         N_("LimeSurvey survey structure (TSV)")),
    "paper": Writer(paper.write, ".html", False, N_("printable questionnaire (HTML)")),
    "paper-pdf": Writer(_paper_pdf, ".pdf", True, N_("printable questionnaire (PDF)")),
    "apps-script": Writer(apps_script.write, ".gs", False,
                          N_("Apps Script building a Google Form")),
}

__all__ = ["WRITERS", "FormSpec", "Writer", "form_spec"]
