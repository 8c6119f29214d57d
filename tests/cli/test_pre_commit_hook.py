"""The ``diamond-validate`` pre-commit hook, run by pre-commit itself against this repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ASSESSMENTS, ROOT


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "diamond-validate")
    assert hook["entry"] == "diamond validate"
    assert hook["language"] == "python"
    assert "yaml" in hook["types"]


@pytest.mark.slow
def test_hook_passes_good_files_and_fails_bad_ones(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or (Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "repo"
    (repo / "assessments").mkdir(parents=True)
    shutil.copy(ASSESSMENTS / "eskisehir-ceramics.yaml", repo / "assessments" / "good.yaml")
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=600)

    run("git", "init", "-q")
    run("git", "add", ".")
    good = run(str(pre_commit), "try-repo", str(ROOT), "diamond-validate", "--all-files")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "diamond validate" in good.stdout and "Passed" in good.stdout

    (repo / "assessments" / "bad.yaml").write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\nrespondents:\n"
        "  - id: x\n    answers: {factor.lnd: 3}\n",
        encoding="utf-8",
    )
    run("git", "add", ".")
    bad = run(str(pre_commit), "try-repo", str(ROOT), "diamond-validate", "--all-files")
    assert bad.returncode == 1
    assert "assessments/bad.yaml:5:15: error: unknown indicator 'factor.lnd'" in bad.stdout
