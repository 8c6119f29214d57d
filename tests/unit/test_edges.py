"""Right answers at the edges (issue 10, section 5): values YAML 1.1 reads differently
from what the user meant. The refusals live in ``tests/examples/invalid/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from diamond.loader import LoadOptions, load_text
from diamond.yamlscalars import WrittenInt, resolve_plain

QUESTIONNAIRE = """\
diamond: 1
sector:
  name: Seramik
  region: Eskişehir
  period: {period}
respondents:
  - id: firma-01
    answers:
      factor.land: 4
"""


@pytest.mark.parametrize(
    "period", ["20:25", "0700", "0x7DF", "0b11", "+2015", "1_000", "2015", "7", "'0700'"]
)
def test_period_keeps_the_text_written(period: str, tmp_path: Path) -> None:
    """YAML 1.1 reads 20:25 as 1225 and 0700 as 448; the period keeps what was written."""
    loaded = load_text(QUESTIONNAIRE.format(period=period), "q.yaml", tmp_path, LoadOptions())
    assert loaded.ok, loaded.diagnostics
    assert loaded.questionnaire is not None
    assert loaded.questionnaire.sector.period == period.strip("'")


def test_written_int_is_still_the_number() -> None:
    """Elsewhere an octal or sexagesimal integer is still its value, as YAML 1.1 says."""
    value = resolve_plain("0700")
    assert isinstance(value, WrittenInt) and value == 448 and value.text == "0700"
    assert type(resolve_plain("448")) is int
