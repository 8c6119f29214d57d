"""Branding for the deliverable formats: logo, colours, organisation name and footer.

``--brand FILE`` names a small YAML file::

    organisation: Örnek Danışmanlık
    logo: logo.png          # PNG or JPEG, relative to the brand file
    colours: {primary: "#1f4e79", accent: "#c55a11"}
    footer: Örnek Danışmanlık · Kurum içi kullanım içindir

HTML, PDF, DOCX and PPTX apply it. A questionnaire's ``report.cover.logo``
takes precedence over the brand's logo.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from diamond.documents import TextProblem, decode, read_bytes
from diamond.errors import InputError, InvalidFileError
from diamond.frozen import frozen
from diamond.i18n import _
from diamond.limits import Limits
from diamond.models.text import ShortText, Strict
from diamond.report_checks import LOGO_SUFFIXES

__all__ = ["DEFAULT_ACCENT", "DEFAULT_PRIMARY", "Brand", "brand_for", "load_brand", "with_logo"]

DEFAULT_PRIMARY = "#0b3d6b"
DEFAULT_ACCENT = "#1f5fa8"
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
#: The largest logo embedded (bytes).
MAX_LOGO_BYTES = 5 << 20


@cache
def _brand_file() -> Any:
    """The ``--brand`` file's model, built when a brand file is first read (pydantic builds
    a model's validator when its class is made: about 3 ms that other runs need not pay)."""

    class Colours(Strict):
        """The brand's colours, as #rrggbb."""

        primary: Colour = Field(default=DEFAULT_PRIMARY, description="Headings and the chart.")
        accent: Colour = Field(default=DEFAULT_ACCENT, description="Highlights.")

    class BrandFile(Strict):
        """The ``--brand`` file."""

        organisation: ShortText | None = None
        logo: ShortText | None = None
        colours: Colours = Field(default_factory=Colours)
        footer: ShortText | None = None

    return BrandFile


@frozen
class Brand:
    """Branding as the renderers use it; the logo as bytes with its MIME type."""

    organisation: str | None = None
    footer: str | None = None
    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT
    logo: bytes | None = None
    logo_type: str = "image/png"
    given: bool = True  # False: the built-in look, no --brand file


    def as_context(self) -> dict[str, Any]:
        """Plain data for templates; the logo as a ``data:`` URI."""
        import base64

        uri = None
        if self.logo is not None:
            uri = f"data:{self.logo_type};base64," + base64.b64encode(self.logo).decode("ascii")
        return {"given": self.given, "organisation": self.organisation, "footer": self.footer,
                "primary": self.primary, "accent": self.accent, "logo": uri}


def _logo(path: Path) -> tuple[bytes, str]:
    if not path.name.lower().endswith(LOGO_SUFFIXES):
        raise InputError(_("the logo '{path}' is not a PNG or JPEG file").format(path=path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(_("cannot read the logo '{path}': {reason}").format(
            path=path, reason=error.strerror or error)) from None
    if len(data) > MAX_LOGO_BYTES:
        raise InputError(_("the logo '{path}' is larger than {limit} bytes").format(
            path=path, limit=MAX_LOGO_BYTES))
    kind = "image/png" if data.startswith(b"\x89PNG") else (
        "image/jpeg" if data.startswith(b"\xff\xd8") else None)
    if kind is None:
        raise InputError(_("the logo '{path}' is not a PNG or JPEG image").format(path=path))
    return data, kind


def with_logo(brand: Brand | None, path: Path) -> Brand:
    """``brand`` (or a default one) with the logo read from ``path``."""
    data, kind = _logo(path)
    return replace(brand or Brand(), logo=data, logo_type=kind)


def load_brand(path: Path) -> Brand:
    """Read and check a brand file; ``InvalidFileError`` with positions when it is wrong."""
    from diamond.documents import parse_document

    label = str(path)
    try:
        text = decode(read_bytes(label, Limits()), label)
    except TextProblem as problem:
        raise InvalidFileError(label, [problem.diagnostic]) from None
    parsed = parse_document(text, label, _brand_file(), Limits())
    if not parsed.ok or parsed.model is None:
        raise InvalidFileError(label, parsed.diagnostics)
    model = parsed.model
    brand = Brand(model.organisation, model.footer, model.colours.primary.lower(),
                  model.colours.accent.lower())
    if model.logo is not None:
        brand = with_logo(brand, path.parent / model.logo)
    return brand


def brand_for(brand_file: Path | None, logo: str | None, base_dir: Path) -> Brand | None:
    """The brand of a run: the ``--brand`` file's, with the questionnaire's cover logo first.

    ``logo`` is ``report.cover.logo`` as written, relative to ``base_dir`` (the
    questionnaire's folder); validation has already applied the path policy.
    """
    brand = load_brand(brand_file) if brand_file is not None else None
    if logo is not None:
        from diamond.report_checks import resolve_logo

        brand = with_logo(brand or Brand(given=False), resolve_logo(logo, base_dir))
    return brand


def is_colour(value: str) -> bool:
    """Whether ``value`` is a #rrggbb colour."""
    return re.fullmatch(r"#[0-9a-fA-F]{6}", value) is not None
