"""Start-up stays light: heavy modules load only inside the commands that need them."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.conftest import ROOT


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_importing_the_cli_loads_no_heavy_module() -> None:
    loaded = _loaded_after("import diamond.cli; import diamond.cli.app")
    # typer releases before 0.19 import rich themselves; that cost is typer's, not ours.
    typers_own = _loaded_after("import typer")
    for heavy in (
        "jinja2", "rich", "pydantic", "yaml", "diamond.render", "diamond.loader", "numpy"
    ):
        if heavy in typers_own:
            continue
        assert heavy not in loaded, f"'import diamond.cli.app' imports {heavy}"


def test_validate_needs_no_renderer() -> None:
    loaded = _loaded_after(
        "from diamond.validation import validate_paths\n"
        "from diamond.reporters import REPORTERS"
    )
    assert "jinja2" not in loaded and "rich" not in loaded
    assert "numpy" not in loaded  # the statistics load only when scoring


def test_the_core_never_imports_typer_or_rich() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "diamond").rglob("*.py")):
        if "cli" in path.relative_to(ROOT / "src" / "diamond").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            cli_only = [n for n in names if n.split(".")[0] in {"typer", "rich"}]
            offenders += [f"{path.name}: {n}" for n in cli_only]
    assert not offenders, offenders


def test_office_and_pdf_libraries_load_only_for_their_formats() -> None:
    loaded = _loaded_after(
        "import diamond.render.report, diamond.loader, diamond.validation, diamond.scoring"
    )
    for heavy in ("docx", "openpyxl", "pptx", "weasyprint", "PIL", "xlsxwriter"):
        assert heavy not in loaded, f"the renderer registry imports {heavy}"


def test_the_command_runs_numpy_on_one_blas_thread_unless_told_otherwise() -> None:
    code = ("import os\nos.environ['MKL_NUM_THREADS'] = '3'\n"
            "from diamond.cli import _one_blas_thread\n_one_blas_thread()\n"
            "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['MKL_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.split() == ["1", "3"]  # the user's own setting is kept
