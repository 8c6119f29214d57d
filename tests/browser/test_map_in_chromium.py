"""The map's HTML in headless Chromium: its one script passes the page's CSP, hostile
names stay text, and a script with any other content is refused (negative control)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from diamond.regional import MapOptions, map_table
from diamond.regional.render import render_map

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--enable-logging=stderr", "--v=0", "--dump-dom"]
REFUSED = "violates the following Content Security Policy directive"
TIMEOUT = 60

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("Chromium is not installed; .ci/run installs Debian's chromium")
    return found


def _page(folder: Path) -> Path:
    table = folder / "hostile.csv"
    table.write_text(
        "region,region_name,sector,sector_name,year,employment\n"
        "A,\"<script>document.title='pwned'</script>\",10,"
        "\"<img src=x onerror=alert(1)>\",2020,100\n"
        "B,Beta,10,Food,2020,50\nA,x,20,Chem,2020,10\nB,Beta,20,Chem,2020,70\n",
        encoding="utf-8")
    (page,) = render_map(map_table(table, MapOptions()), ["html"], "hostile", "en")
    path = folder / page.name
    path.write_text(str(page.content), encoding="utf-8")
    return path


def _load(chromium: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([chromium, *FLAGS, path.as_uri()], capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)


def test_sort_script_runs_and_hostile_text_stays_text(chromium: str, tmp_path: Path) -> None:
    result = _load(chromium, _page(tmp_path))
    assert REFUSED not in result.stderr
    assert "pwned" not in result.stdout.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title" in result.stdout


def test_a_changed_script_is_refused(chromium: str, tmp_path: Path) -> None:
    path = _page(tmp_path)
    text = path.read_text(encoding="utf-8").replace("table.sortable th", "table.sortable td")
    path.write_text(text, encoding="utf-8")
    assert REFUSED in _load(chromium, path).stderr
