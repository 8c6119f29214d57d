"""Spreadsheet formula injection: export neutralises, import restores, losslessly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diamond.survey.cells import escape, unescape


@pytest.mark.parametrize(
    ("cell", "escaped"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=already quoted", "''=already quoted"),
        ("-2", "-2"),  # a plain number is not a formula
        ("+3.5", "+3.5"),
        ("firm-01", "firm-01"),
        ("'plain", "'plain"),
        ("", ""),
    ],
)
def test_escape(cell: str, escaped: str) -> None:
    assert escape(cell) == escaped
    assert unescape(escaped) == cell


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r0123456789.eaA "), max_size=8))
def test_unescape_inverts_escape_on_every_string(cell: str) -> None:
    assert unescape(escape(cell)) == cell
    out = escape(cell)
    if out.startswith(("=", "+", "-", "@", "\t", "\r")):  # only a plain number may
        float(out)
