"""``export_csv``: a flat, deterministic table of the answers."""

from __future__ import annotations

import csv
import io

from tests.conftest import ASSESSMENTS, EXAMPLES

from diamond.frameworks import builtin
from diamond.loader import LoadOptions, load_questionnaire, load_text, require_valid
from diamond.survey import export_csv

TEXT = """\
diamond: 1
sector: {name: Seramik, region: Kütahya, period: "2015"}
respondents:
  - id: "Ayşe, firma"
    answers: {factor.land: 4, demand.domestic: null}
  - id: "02"
    group: ngo
    weight: 0.5
    answers: {factor.main_industry: 1}
"""


def test_columns_rows_and_empty_cells(tmp_path) -> None:  # type: ignore[no-untyped-def]
    q, catalogue = require_valid(load_text(TEXT, "x.yaml", tmp_path, LoadOptions()))
    text = export_csv(q, catalogue)
    rows = list(csv.reader(io.StringIO(text)))
    indicators = list(builtin("stm-2015").indicators)
    assert rows[0] == ["id", "group", "weight", *indicators]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["id"] == "Ayşe, firma"
    assert (first["group"], first["weight"], first["factor.land"]) == ("firm", "1", "4")
    assert first["demand.domestic"] == ""
    second = dict(zip(rows[0], rows[2], strict=True))
    assert (second["id"], second["group"], second["weight"]) == ("02", "ngo", "0.5")
    assert second["factor.main_industry"] == "1"
    assert len(rows) == 3
    assert text.startswith("id,group,weight,factor.main_industry,")
    assert '"Ayşe, firma"' in text
    assert "\r" not in text and text.endswith("\n")


def test_bom_for_excel(tmp_path) -> None:  # type: ignore[no-untyped-def]
    q, catalogue = require_valid(load_text(TEXT, "x.yaml", tmp_path, LoadOptions()))
    assert export_csv(q, catalogue, bom=True) == "\ufeff" + export_csv(q, catalogue)


def test_shipped_assessments_export_deterministically() -> None:
    for path in sorted(ASSESSMENTS.glob("*.yaml")):
        q, catalogue = require_valid(load_questionnaire(str(path)))
        first = export_csv(q, catalogue)
        assert first == export_csv(q, catalogue)
        assert first.count("\n") == len(q.respondents) + 1


def test_custom_framework_order() -> None:
    path = EXAMPLES / "valid" / "custom-framework.yaml"
    q, catalogue = require_valid(load_questionnaire(str(path)))
    header = export_csv(q, catalogue).splitlines()[0].split(",")
    assert header[3:] == list(catalogue.indicators)
