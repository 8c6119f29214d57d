"""HTML string → PDF bytes, with WeasyPrint: the one PDF path of diamond.

WeasyPrint rather than headless Chromium because it implements CSS paged
media: page-margin boxes (running header, "Page 3 of 20"), ``target-counter``
(a table of contents with page numbers), ``string-set`` and running elements,
repeated table headers; Chromium prints none of the TOC page numbers and
needs a browser process. WeasyPrint embeds subsets of the fonts it uses
(DejaVu Sans carries every Turkish letter) and writes no ``file:///`` footer.

WeasyPrint is a Python package (installed with diamond) that needs the Pango
library from the system (Debian: ``apt-get install libpango-1.0-0
libpangoft2-1.0-0``); without either, ``DependencyError`` says what to install.

Determinism: the document's dates come from ``date`` (the assessment's
date) or are left out, and the PDF identifier is a hash of the HTML, so the
same HTML gives the same bytes with the same WeasyPrint, Pango and fonts;
another version of those may lay the text out differently.
"""

from __future__ import annotations

import hashlib
import logging
import re

from diamond.errors import DependencyError
from diamond.i18n import N_, _

__all__ = ["PDF_HELP", "html_to_pdf"]

PDF_HELP = N_(
    "PDF reports need WeasyPrint and the Pango library: 'pip install weasyprint' "
    "(installed with diamond) and, on Debian or Ubuntu, "
    "'sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'"
)


def _weasyprint() -> object:
    try:
        import weasyprint
    except ImportError as error:  # the package, or the Pango library it loads
        raise DependencyError(_("cannot write PDF: {reason}. {help}").format(
            reason=error, help=_(PDF_HELP))) from None
    except OSError as error:  # pragma: no cover - Pango missing on this machine
        raise DependencyError(_("cannot write PDF: {reason}. {help}").format(
            reason=error, help=_(PDF_HELP))) from None
    return weasyprint


def _pdf_date(date: str | None) -> str | None:
    """``2015``, ``2015-05`` or ``2015-05-01`` as an ISO date WeasyPrint accepts."""
    if date is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        return None
    return date


def html_to_pdf(html: str, *, date: str | None = None) -> bytes:
    """The PDF of a self-contained HTML page (no external resources are fetched).

    ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) becomes the PDF's creation and
    modification date; without it the PDF carries no date. Other callers (the
    paper survey form) pass their own HTML; print styles are the HTML's own.
    """
    weasyprint = _weasyprint()
    when = _pdf_date(date)
    if when is not None and "dcterms.created" not in html:
        meta = (f'<meta name="dcterms.created" content="{when}">'
                f'<meta name="dcterms.modified" content="{when}">')
        html = html.replace("<head>", "<head>" + meta, 1)

    def no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        if url.startswith("data:"):
            return weasyprint.default_url_fetcher(url)  # type: ignore[attr-defined,no-any-return]
        raise ValueError(f"external resource refused: {url}")

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    # WeasyPrint logs every screen-only CSS rule it ignores; the user needs none of that.
    loggers = [logging.getLogger(name) for name in ("weasyprint", "fontTools")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(string=html, url_fetcher=no_fetch)  # type: ignore[attr-defined]
        data: bytes = document.write_pdf(pdf_identifier=identifier, uncompressed_pdf=False)
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
    return data
