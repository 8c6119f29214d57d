"""What a benchmark run works with: its corpus, repetitions and the commands it times."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from corpus import Corpus
from timing import HERE, REPO, tool

#: ``diamond`` refuses files over 64 MiB; the 100k-respondent file is larger.
BIG_FILE_BYTES = str(512 * 1024 * 1024)


@dataclass
class Context:
    """Settings shared by every section of a run."""

    corpus: Corpus
    repeat: int  # repetitions of ordinary figures
    slow: int  # repetitions of figures that take many seconds each
    reference_files: int  # how many files check-jsonschema and yamllint check
    portfolio_files: tuple[int, ...] = ()  # folder sizes of the portfolio section
    python: str = sys.executable
    diamond: str = field(default_factory=lambda: tool("diamond") or "diamond")
    schema: str = str(REPO / "schema" / "questionnaire.schema.json")

    def floor(self, *paths: str, loader: str = "c") -> list[str]:
        """The command that only reads ``paths`` with one reader (see ``floor.py``)."""
        return [self.python, str(HERE / "floor.py"), "--loader", loader, *paths]

    def has_reader(self, loader: str) -> bool:
        """Whether ``floor.py --loader LOADER`` can run here (native readers are optional)."""
        import subprocess

        check = [*self.floor(loader=loader), "--check"]
        return subprocess.run(check, check=False, capture_output=True).returncode == 0

    def reference(self) -> list[str]:
        """The files the slow reference tools check: the first ``reference_files``."""
        return [str(p) for p in self.corpus.many_files()[: self.reference_files]]
