"""Bilingual text shared by both file formats."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from diamond.i18n import _

Language = Literal["tr", "en"]
LANGUAGES: tuple[Language, ...] = ("tr", "en")

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


def exact_version(value: Any) -> Any:
    """A format version is the whole number written: ``true`` and ``1.0`` are not ``1``."""
    if type(value) is not int:
        raise PydanticCustomError("literal_error", "Input should be 1")
    return value


class Strict(BaseModel):
    """Base for every model read from a user's file: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LocalText(Strict):
    """A text in Turkish and/or English; at least one is required."""

    tr: LongText | None = Field(default=None, description="Turkish text.")
    en: LongText | None = Field(default=None, description="English text.")

    @model_validator(mode="after")
    def _at_least_one(self) -> LocalText:
        if self.tr is None and self.en is None:
            raise ValueError(_("give the text in at least one language: 'tr' or 'en'"))
        return self

    def get(self, lang: Language) -> str:
        """The text in ``lang``, falling back to the other language."""
        other = self.en if lang == "tr" else self.tr
        value = self.tr if lang == "tr" else self.en
        result = value if value is not None else other
        assert result is not None  # guaranteed by the validator
        return result
