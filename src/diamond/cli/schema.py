"""``diamond schema``: print the JSON Schema of questionnaires (or frameworks)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from diamond.cli.common import MessageLangOption, handled
from diamond.cli.console import write
from diamond.i18n import N_


class SchemaKind(StrEnum):
    """Which file format's schema to print."""

    questionnaire = "questionnaire"
    framework = "framework"


@handled
def schema(
    kind: Annotated[
        SchemaKind, typer.Option("--kind", help=N_("Which file format."))
    ] = SchemaKind.questionnaire,
    lang: MessageLangOption = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the questionnaire format, for editors and CI."""
    from diamond.schema import schema_text

    write(schema_text(kind.value))
