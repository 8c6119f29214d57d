"""Synthetic regional employment tables for the ``diamond map`` benchmark (deterministic).

Two shapes, as item 6 of issue #14 asks:

* ``tr-nace4``: 81 provinces × 600 NACE 4-digit sectors × 15 years (729,000 rows);
* ``eu-nace2``: 1,200 NUTS-3 regions × 88 NACE 2-digit sectors × 15 years (1,584,000 rows).

Run ``python benchmarks/map_data.py`` to write both into ``benchmarks/corpus/map/``
(git ignores the folder); a file that exists with the expected size is not rewritten.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "corpus" / "map"
SHAPES = {"tr-nace4": (81, 600, 15, 4), "eu-nace2": (1200, 88, 15, 2)}
HEADER = "region,region_name,sector,sector_name,year,employment,establishments,wages\n"


def sector_codes(count: int, digits: int) -> list[str]:
    """``count`` distinct NACE codes of ``digits`` digits (``10.11`` or ``10``)."""
    codes = []
    for n in range(count):
        if digits == 2:
            codes.append(f"{n + 10:02d}")
        else:
            codes.append(f"{10 + n // 9:02d}.{n % 9 + 1}{n % 7 + 1}")
    return codes


def write(path: Path, regions: int, sectors: int, years: int, digits: int, seed: int = 14) -> Path:
    """Write one synthetic table: region × sector × year rows, employment log-uniform."""
    rng = random.Random(seed)
    codes = sector_codes(sectors, digits)
    base = [[int(10 ** rng.uniform(0, 4)) for _ in codes] for _ in range(regions)]
    trend = [[rng.uniform(-0.03, 0.05) for _ in codes] for _ in range(regions)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for r in range(regions):
            region = f"R{r:04d}"
            lines = []
            for year in range(years):
                for s, code in enumerate(codes):
                    e = int(base[r][s] * (1 + trend[r][s]) ** year)
                    lines.append(f"{region},Region {r},{code},Sector {code},{2010 + year},{e},"
                                 f"{max(1, e // 9)},{e * 31000}\n")
            out.write("".join(lines))
    return path


def ensure(name: str) -> Path:
    """The synthetic table ``name`` (``tr-nace4`` or ``eu-nace2``), generated if missing."""
    regions, sectors, years, digits = SHAPES[name]
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}.csv"
    if not path.exists():
        write(path, regions, sectors, years, digits)
    return path


if __name__ == "__main__":
    for shape in sys.argv[1:] or list(SHAPES):
        print(ensure(shape))
