"""The HTML report in headless Chromium: hostile SWOT text stays text, nothing runs, no errors."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from diamond.frameworks import builtin
from diamond.models.questionnaire import Questionnaire
from diamond.render.labels import builtin_labels
from diamond.render.report import render_reports
from diamond.scoring import assess

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
EXAMPLE = ROOT / "assessments" / "ankara-defence-aerospace.yaml"
SCRIPT = "<script>document.title='pwned'</script>"
IMAGE = "<img src=x onerror=\"document.title='pwned'\">"
TIMEOUT = 60
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--enable-logging=stderr", "--v=0",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("Chromium is not installed; .ci/run installs Debian's chromium")
    return found


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example's HTML report with script and image payloads in its SWOT text."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["swot"]["strengths"].insert(0, {"text": f"Script {SCRIPT} end", "importance": 5,
                                         "indicator": "demand.domestic"})
    data["swot"]["threats"].append({"text": f"Image {IMAGE} end", "dimension": "demand"})
    data["sector"]["description"] += f" {SCRIPT} {IMAGE}"
    questionnaire = Questionnaire.model_validate(data)
    assessment = assess(questionnaire, builtin("stm-2015"), "mean")
    (page,) = render_reports(assessment, ["html"], stem="hostile")
    folder = tmp_path_factory.mktemp("report")
    path = folder / page.name
    path.write_text(page.content, encoding="utf-8")
    labels = builtin_labels()[assessment.lang]
    title = f"{labels['report_title']} — {assessment.sector.name}, {assessment.sector.region}"
    return path, title


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def _console_errors(stderr: str) -> list[str]:
    """Console messages and CSP violations in Chromium's log.

    The report has no scripts, so any console message at all is a problem. Chromium logs
    them at INFO level whatever their severity (``INFO:CONSOLE:1] "Uncaught ..."``), CSP
    violations included, so every ``CONSOLE`` line counts.
    """
    markers = ("CONSOLE", "Uncaught", "Content Security Policy", "Refused to")
    return [line for line in stderr.splitlines() if any(m in line for m in markers)]


def test_console_errors_are_recognised() -> None:
    log = (
        "[1:1:1121/113527.307950:WARNING:media/gpu/vaapi/vaapi_wrapper.cc:1655] no devices\n"
        "[1:1:1121/113526.578672:INFO:CONSOLE:1] \"Executing inline script violates the "
        "following Content Security Policy directive 'default-src 'none''.\", source: x (1)\n"
        "[1:1:1121/113527.788810:INFO:CONSOLE:1] \"Uncaught ReferenceError: f is not "
        "defined\", source: file:///r.html (1)\n"
    )
    assert len(_console_errors(log)) == 2


def test_dom_keeps_title_and_shows_payloads_as_text(
    chromium: str, report: tuple[Path, str], tmp_path: Path
) -> None:
    path, title = report
    done = _run(chromium, tmp_path / "profile", "--dump-dom", path.as_uri())
    assert done.returncode == 0, done.stderr[-3000:]
    dom = done.stdout
    found = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert found is not None, dom[:2000]
    assert html.unescape(found.group(1)) == title
    assert "pwned" not in html.unescape(found.group(1))
    assert html.escape(SCRIPT, quote=False) in dom
    assert html.escape(IMAGE, quote=False) in dom
    assert "<script" not in dom and "<img" not in dom
    assert re.search(r'<svg [^>]*id="diamond-chart"', dom)
    assert _console_errors(done.stderr) == []


def test_screenshot(chromium: str, report: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = report
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report-chromium.png"
    shot.unlink(missing_ok=True)
    done = _run(chromium, tmp_path / "profile", "--hide-scrollbars", f"--screenshot={shot}",
                "--window-size=1200,2000", path.as_uri())
    assert done.returncode == 0, done.stderr[-3000:]
    assert shot.is_file(), done.stderr[-3000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 50_000, "the screenshot is nearly empty"
    assert _console_errors(done.stderr) == []
