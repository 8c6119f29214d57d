"""Text normalisation for matching survey headers and answers to the framework.

Survey tools export question texts and answer labels as people typed them: in any
case, with numbering, punctuation, Turkish letters or their ASCII stand-ins. Both
sides of every comparison go through ``normalise`` so that ``"3. Yetişmiş İnsan
Gücünün Varlığı?"`` and ``"yetismis insan gucunun varligi"`` compare equal.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans("", "", "'’‘`´ʼ")


def normalise(text: str) -> str:
    """Lower case, no diacritics, dotted and dotless i folded to ``i``, punctuation as spaces.

    Apostrophes vanish (``sector's`` -> ``sectors``); every other character that is
    neither a letter nor a digit separates words; runs of spaces collapse.
    """
    folded = text.replace("İ", "i").replace("ı", "i").translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", folded.casefold())
    chars = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        chars.append(char if char.isalnum() else " ")
    return " ".join("".join(chars).split())


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether normalised ``text`` holds normalised ``phrase`` as whole words."""
    return bool(phrase) and f" {phrase} " in f" {text} "
