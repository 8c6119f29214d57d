"""A corpus of XSS payloads in every text field, rendered and opened in headless Chromium.

Each payload, if it ever ran, would set ``document.title`` to ``pwned``. The report is
opened twice: as written (its Content-Security-Policy forbids scripts) and with the CSP
meta tag removed, which shows that escaping alone keeps every payload inert. In both,
the title must be the report's own and each payload must be visible as text.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from diamond.frameworks import builtin
from diamond.models.questionnaire import Questionnaire
from diamond.render.report import render_reports
from diamond.scoring import assess

FLAG = "document.title='pwned'"
PAYLOADS = [
    f"<script>{FLAG}</script>",
    f'<img src=x onerror="{FLAG}">',
    f"<svg onload=\"{FLAG}\"><circle r='1'/></svg>",
    f"<svg><script>{FLAG}</script></svg>",
    f'<a href="javascript:{FLAG}">click</a>',
    f'"><script>{FLAG}</script>',
    f"'><img src=x onerror={FLAG}>",
    f"</style><script>{FLAG}</script>",
    f"</title><script>{FLAG}</script>",
    f'<iframe srcdoc="<script>parent.{FLAG}</script>"></iframe>',
    f'<body onload="{FLAG}">',
    f'<details open ontoggle="{FLAG}">',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{FLAG}">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{FLAG}">',
    "{{ 7*7 }} {% raw %}",
]
TIMEOUT = 60
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _hostile(k: int) -> str:
    return f"T{k} " + " ".join(PAYLOADS[k % len(PAYLOADS) :] + PAYLOADS[: k % len(PAYLOADS)])


def questionnaire() -> Questionnaire:
    """Every free-text field of the format holds the whole corpus."""
    ids = list(builtin("stm-2015").indicators)
    swot = {
        quadrant: [
            {"text": _hostile(q * 3 + n), "indicator": ids[(q * 3 + n) % len(ids)]}
            for n in range(3)
        ]
        for q, quadrant in enumerate(("strengths", "weaknesses", "opportunities", "threats"))
    }
    return Questionnaire.model_validate(
        {
            "diamond": 1,
            "sector": {
                "name": _hostile(100)[:300],
                "region": _hostile(101)[:300],
                "period": _hostile(102)[:300],
                "description": _hostile(103),
                "language": "en",
            },
            "respondents": [
                {
                    "id": f"<b>r{n}</b><script>{FLAG}</script>"[:120],
                    "group": group,
                    "answers": {i: (n + k) % 5 + 1 for k, i in enumerate(ids)},
                }
                for n, group in enumerate(("firm", "university", "public"))
            ],
            "swot": swot,
        }
    )


class _Dom(HTMLParser):
    """Elements and attributes of a page, to find anything a payload could have created."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(k, v or "") for k, v in attrs]
        # Only the document's own <title>, not the chart's SVG <title>s.
        self._in_title = tag == "title" and self.tags.count("title") == 1

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("Chromium is not installed; .ci/run installs Debian's chromium")
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    a = assess(questionnaire(), builtin("stm-2015"))
    (report,) = render_reports(a, ["html"], stem="xss")
    folder = tmp_path_factory.mktemp("xss")
    with_csp = folder / "with-csp.html"
    with_csp.write_text(report.content, encoding="utf-8")
    without = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", report.content)
    assert without != report.content, "the report has no CSP meta tag"
    no_csp = folder / "no-csp.html"
    no_csp.write_text(without, encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", report.content, re.S)
    assert title is not None
    return with_csp, no_csp, html.unescape(title.group(1))


@pytest.mark.parametrize("variant", ["with-csp", "no-csp"])
def test_no_payload_runs_and_every_payload_shows_as_text(
    chromium: str, page: tuple[Path, Path, str], tmp_path: Path, variant: str
) -> None:
    with_csp, no_csp, title = page
    path = with_csp if variant == "with-csp" else no_csp
    done = subprocess.run(
        [
            chromium,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    dom = _Dom()
    dom.feed(done.stdout)
    assert dom.title == title != "pwned"  # a payload that ran would set the title to 'pwned'
    for tag in ("script", "img", "iframe", "math", "details", "body"):
        count = dom.tags.count(tag)
        assert count == (1 if tag == "body" else 0), f"<{tag}> x{count} in the page"
    # charset, viewport, generator and (in the with-csp page) the policy: none from a payload
    assert dom.tags.count("meta") == (4 if variant == "with-csp" else 3)
    assert not [k for k, _ in dom.attributes if k.startswith("on")]
    assert not [v for _, v in dom.attributes if "javascript:" in v.lower()]
    text = html.unescape(re.sub(r"<[^>]+>", " ", done.stdout))
    for payload in PAYLOADS:
        assert payload in " ".join(text.split()) or html.escape(payload, quote=False) in done.stdout
