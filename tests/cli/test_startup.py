"""Start-up stays light: heavy modules load only inside the commands that need them."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

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


def test_settled_imports_freezes_what_they_build_and_restores_the_collector() -> None:
    code = (
        "import gc\nfrom diamond.cli.common import settled_imports\n"
        "before = gc.get_freeze_count()\n"
        "with settled_imports():\n"
        "    inside = gc.isenabled()\n"
        "    import fractions\n"
        "print(inside, gc.isenabled(), gc.get_freeze_count() > before, gc.get_count()[0])\n"
        "gc.disable()\n"
        "with settled_imports():\n"
        "    pass\n"
        "print(gc.isenabled())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    first, second = out.stdout.splitlines()
    assert first.split()[:3] == ["False", "True", "True"]  # off inside, on after, frozen
    assert int(first.split()[3]) < 50  # the young generation starts empty again
    assert second == "False"  # a collector switched off by the caller stays off


def test_assess_imports_jinja_only_for_text_reports(tmp_path: Path) -> None:
    one = ROOT / "tests" / "examples" / "valid" / "minimal.yaml"
    code = ("import sys\nfrom diamond.cli import main\n"
            f"sys.argv = ['diamond', 'assess', {str(one)!r}, '-f', 'json', '-o', "
            f"{str(tmp_path)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('jinja2' in sys.modules, 'numpy' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"})
    assert out.stderr.split()[-2:] == ["False", "True"]
