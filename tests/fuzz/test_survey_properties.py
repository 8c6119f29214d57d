"""Property tests for survey import and export (issue #10's spreadsheet and traceback classes).

- ``export`` -> ``import`` is lossless for every respondent id, CSV (``,`` and ``;``)
  and .xlsx, however the id starts (``=``, ``+``, ``-``, ``@``, quotes, tab, CR).
- Any table of hostile cells (formulas, huge numbers, control characters, labels,
  quotes, delimiters) imports or fails with a ``DiamondError``: never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diamond.errors import DiamondError
from diamond.loader import LoadOptions, load_questionnaire, load_text, require_valid
from diamond.survey import (
    ImportOptions,
    NewQuestionnaire,
    export_csv,
    export_xlsx,
    import_responses,
)

SCALE = int(os.environ.get("DIAMOND_FUZZ_SCALE", "1"))
NEW = NewQuestionnaire("S", "R", "2025")
PIECES = ["=", "+", "-", "@", "'", "\t", "\r", '"', ";", ",", "1", "2", "SUM(1+1)", "cmd|",
          "HYPERLINK(", "ş", "İ", " ", "\n", "\u202e", "x", "\x1b", "_x000D_", "\x00"]
ids = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join).filter(
    lambda s: s == s.strip() and s.strip() != "" and "\r" not in s[-1:]
)


def _questionnaire(respondent_ids: list[str]) -> str:
    lines = ["diamond: 1", 'sector: {name: "S", region: "R", period: "2025"}', "respondents:"]
    for n, rid in enumerate(respondent_ids):
        lines += [f"  - id: {json.dumps(rid)}", f"    answers: {{factor.land: {n % 5 + 1}}}"]
    return "\n".join(lines) + "\n"


@settings(max_examples=25 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(ids, min_size=1, max_size=4, unique=True), st.sampled_from([",", ";", "xlsx"]))
def test_export_then_import_keeps_every_id(respondent_ids: list[str], how: str) -> None:
    q, catalogue = require_valid(
        load_text(_questionnaire(respondent_ids), "q.yaml", Path.cwd(), LoadOptions())
    )
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / ("a.xlsx" if how == "xlsx" else "a.csv")
        if how == "xlsx":
            export.write_bytes(export_xlsx(q, catalogue))
        else:
            export.write_text(export_csv(q, catalogue, delimiter=how), encoding="utf-8",
                              newline="")
        target = Path(folder) / "b.yaml"
        import_responses(str(export), str(target), ImportOptions(), new=NEW)
        back = require_valid(load_questionnaire(str(target)))[0]
    assert [r.id for r in back.respondents] == respondent_ids
    given = [{k: v for k, v in r.answers.items() if v is not None} for r in back.respondents]
    assert given == [r.answers for r in q.respondents]  # unanswered come back as null


cells = st.one_of(
    st.sampled_from(["", "4", "4,0", "4.5", "-2+3", "=1+1", "@SUM(1)", "'=x", "Çok iyi",
                     "Harika", "Firma", "Sanayi ve Teknoloji Bakanlığı", "N/A", "\x1b[31m",
                     "9" * 4301, "0x" + "f" * 3000, "1e999", "nan", '"', "\r", "\u0085"]),
    st.text(max_size=12),
)


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(["id", "group", "weight", "factor.land", "factor.labour_cost",
                              "Kurumunuzun türü", "start", "end", "x"]), min_size=1,
             max_size=5),
    st.lists(st.lists(cells, min_size=0, max_size=6), max_size=5),
    st.sampled_from([",", ";", "\t"]),
)
def test_hostile_tables_never_raise_a_traceback(
    header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "a.csv"
        export.write_text(out.getvalue(), encoding="utf-8", newline="")
        with contextlib.suppress(DiamondError):
            import_responses(str(export), str(Path(folder) / "b.yaml"),
                             ImportOptions(dry_run=True), new=NEW)
