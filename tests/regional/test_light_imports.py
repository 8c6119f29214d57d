"""The engine and openpyxl load only inside ``diamond map``: start-up and validate stay fast."""

from __future__ import annotations

import subprocess
import sys


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_cli_and_the_regional_package_import_no_engine() -> None:
    loaded = _loaded_after("import diamond.cli.app\nimport diamond.regional\n"
                           "from diamond.validation import validate_paths")
    for heavy in ("polars", "openpyxl", "duckdb", "pandas"):
        assert heavy not in loaded, f"importing the CLI loads {heavy}"
