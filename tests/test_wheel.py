"""The wheel ships the report templates, and a report rendered from it equals the editable one."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import jinja2
import pytest

from diamond.render import compiled
from diamond.render.precompiled import module_name
from tests.golden import examples, render_example

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("report.html.j2", "report.md.j2", "labels.yaml", "_macros.html.j2", "_macros.md.j2",
           "_style.css.j2")
#: Rendered inside the unpacked wheel, with nothing of the source checkout on the path.
RENDER = """
import json, sys
from pathlib import Path
import diamond
from diamond.loader import load_questionnaire, require_valid
from diamond.render.report import TEXT_FORMATS, render_reports
from diamond.render.templates import builtin_templates
from diamond.scoring import assess
q, cat = require_valid(load_questionnaire(sys.argv[1]))
a = assess(q, cat, "mean", lang=None, date=None)
files = render_reports(a, TEXT_FORMATS, stem=Path(sys.argv[1]).stem)
from diamond.render.job import BUILTIN
loaded = BUILTIN.environment("en").get_template("report.md.j2").filename
print(json.dumps({"package": diamond.__file__, "templates": str(builtin_templates()),
                  "files": {f.name: f.content for f in files}, "loaded": loaded}))
"""
NETWORK = ("Could not find a version", "No matching distribution", "NewConnectionError",
           "Temporary failure in name resolution", "Network is unreachable")


def _build(outdir: Path) -> Path:
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")  # the build backend is here already: no download
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        if "--no-isolation" not in command and any(n in output for n in NETWORK):
            pytest.skip("building the wheel needs hatchling, which could not be downloaded")
        pytest.fail(f"python -m build --wheel failed:\n{output[-4000:]}")
    (wheel,) = outdir.glob("diamond_assess-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_ships_templates_and_renders_like_the_checkout(tmp_path: Path) -> None:
    pytest.importorskip("build", reason="the 'build' package (test extras) is not installed")
    wheel = _build(tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in SHIPPED:
            assert f"diamond/templates/{name}" in names, f"{name} is missing from {wheel.name}"
        assert "diamond/data/stm-2015.yaml" in names
        assert "diamond/locale/tr/LC_MESSAGES/diamond.mo" in names
        for name in (n for n in SHIPPED if n.endswith(".j2")):  # their precompiled modules
            assert f"diamond/render/compiled/{module_name(name)}.py" in names, name
        site = tmp_path / "site"
        archive.extractall(site)

    # -S: no site-packages .pth files, so the editable install's path to src/ is not added;
    # dependencies come from the current site-packages, the package only from the wheel.
    paths = sysconfig.get_paths()
    deps = dict.fromkeys([paths["purelib"], paths["platlib"]])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *deps])}
    env.pop("PYTHONHOME", None)
    example = examples()[0]
    run = subprocess.run(
        [sys.executable, "-S", "-c", RENDER, str(example)], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert Path(result["package"]).resolve().is_relative_to(site.resolve())
    assert Path(result["templates"]).resolve() == (site / "diamond" / "templates").resolve()
    if jinja2.__version__ == compiled.JINJA2:  # rendered from the wheel's compiled modules
        compiled_dir = (site / "diamond" / "render" / "compiled").resolve()
        assert Path(result["loaded"]).resolve().parent == compiled_dir
    expected = {f.name: f.content for f in render_example(example)}
    assert result["files"].keys() == expected.keys()
    for name, content in expected.items():
        assert result["files"][name] == content, f"{name} rendered from the wheel differs"
