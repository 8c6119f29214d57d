"""Whole numbers as the user's language groups them: 20,000,000 in English, 20.000.000
in Turkish (where a comma is the decimal mark)."""

from __future__ import annotations

from diamond import i18n

__all__ = ["grouped"]


def grouped(value: int) -> str:
    """``value`` with thousands grouped for the current message language."""
    text = f"{value:,}"
    return text.replace(",", ".") if i18n.current() == "tr" else text
