"""The JSON Schemas (draft 2020-12) of both file formats, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from diamond.models.framework import Framework
from diamond.models.questionnaire import Questionnaire

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("questionnaire", "framework")
BASE_ID = "https://diamond-assess.invalid/schema/"


def schema_dict(kind: str = "questionnaire") -> dict[str, Any]:
    """The JSON Schema for ``kind`` ('questionnaire' or 'framework')."""
    model = Questionnaire if kind == "questionnaire" else Framework
    generated = model.model_json_schema()
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"{BASE_ID}{kind}.schema.json",
    }
    schema.update(generated)
    schema["title"] = f"diamond {kind}"
    return schema


def schema_text(kind: str = "questionnaire") -> str:
    """The schema as the text committed under ``schema/``."""
    return json.dumps(schema_dict(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
