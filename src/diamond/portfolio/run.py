"""Assess every questionnaire under a folder, in worker processes, in a deterministic order.

Files are found like ``diamond validate`` finds them (``diamond.validation.scan``:
``*.yaml``/``*.yml``, recursively, hidden folders skipped, sorted by path). Framework
files are skipped. Each file is loaded, scored and rendered (its Markdown and HTML
report) on its own; an invalid file is recorded with its errors and does not stop the
others. Results come back in path order whatever the number of workers. Ranking, rank
intervals and ICCs: ``diamond.portfolio.ranking``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path, PurePath

from diamond.errors import Diagnostic, UsageError
from diamond.i18n import _
from diamond.io.atomic import discard
from diamond.lazyseq import Built
from diamond.loader import LoadOptions
from diamond.models.text import Language
from diamond.pool import PORTFOLIO_PRELOAD, chunk_size, ordered_map
from diamond.portfolio.model import Column, InvalidFile, Outcome, Portfolio
from diamond.portfolio.ranking import iccs, ranking_order
from diamond.portfolio.stored import Compact, Stored
from diamond.portfolio.worker import (
    BATCH_MOST,
    DEFAULT_SENSITIVITY,
    Batch,
    Job,
    assess_batch,
    assess_file,
)
from diamond.scoring.engine import check_method
from diamond.validation import scan

__all__ = ["DEFAULT_LANGUAGE", "Batch", "Job", "assess_batch", "assess_file",
           "report_stems", "run_portfolio"]

#: The portfolio's language when ``lang`` is not given and the questionnaires differ.
DEFAULT_LANGUAGE: Language = "tr"


def _unreadable_folder(base: Path, where: str, why: str) -> InvalidFile:
    """A subfolder that could not be listed: reported like an invalid file, never skipped."""
    try:
        source = Path(where).relative_to(base).as_posix()
    except ValueError:
        source = where
    found = Diagnostic(where, 1, 1, "error", "unreadable",
                       _("this folder could not be listed ({reason}); its questionnaires were "
                         "not assessed").format(reason=why),
                       _("give the folder read permission, or move it out"))
    return InvalidFile(source, (found,), (f"{source}:1:1: {found.message}",))


def report_stems(sources: Sequence[str]) -> list[str]:
    """A unique, plain file stem for each source path (relative, with ``/``), in order.

    A file's own stem when no other file shares it; otherwise its relative path with
    ``/`` as ``-``; any remaining clash gets ``-2``, ``-3`` in path order.
    """
    def plain(path: str) -> str:
        return PurePath(path).with_suffix("").as_posix().replace("/", "-").replace("\\", "-")

    bases = [PurePath(s).stem for s in sources]
    shared = Counter(bases)  # counted once: ``bases.count`` for each grew with the square
    wanted = [b if shared[b] == 1 else plain(s) for b, s in zip(bases, sources, strict=True)]
    wanted = ["cluster" if w in ("", ".", "..") else w for w in wanted]
    seen: set[str] = set()
    stems = []
    for w in wanted:
        stem, k = w, 1
        while stem.casefold() in seen:
            k += 1
            stem = f"{w}-{k}"
        seen.add(stem.casefold())
        stems.append(stem)
    return stems


#: Called in the main process with each file's index and outcome as it arrives; returns
#: the outcome to keep (a sink that writes the reports away returns it without them).
#: A sink with a ``stager`` attribute (``diamond.portfolio.render.ReportWriter``) has the
#: workers write each file's reports into temporaries themselves (``Stager``), so only
#: the temporaries' names come back.
Sink = Callable[[int, Outcome], Outcome]


def _abandon(outcomes: list[Outcome]) -> None:
    discard([s for o in outcomes for s in o.staged])


class _Jobs(Built[Job]):
    """The folder's jobs, each made when read (a national portfolio has thousands): its
    paths (the scan's texts, shared) and report stems are all that is held."""

    def __init__(self, base: Path, paths: Sequence[str], stems: Sequence[str],
                 make: Callable[[str, str, str], Job]) -> None:
        self._base, self._paths, self._stems, self._make = base, paths, stems, make

    def __len__(self) -> int:
        return len(self._paths)

    def _item(self, k: int) -> Job:
        path = self._paths[k]
        return self._make(path, Path(path).relative_to(self._base).as_posix(), self._stems[k])


class _Batches(Built[Batch]):
    """Consecutive jobs of ``size`` each, a batch made when read: only the batches in
    flight are held (``pool.ordered_map`` keeps a window of them)."""

    def __init__(self, jobs: Sequence[Job], size: int,
                 stager: Callable[[Outcome], Outcome] | None) -> None:
        self._jobs, self._size, self._stager = jobs, size, stager

    def __len__(self) -> int:
        return -(-len(self._jobs) // self._size)

    def _item(self, k: int) -> Batch:
        first = k * self._size
        return Batch(self._jobs[first:first + self._size], self._stager)


def _execute(jobs: Sequence[Job], workers: int, on_done: Callable[[str], None] | None,
             sink: Sink | None = None) -> tuple[list[Outcome], Stored]:
    """The outcomes in path order that still hold something (an invalid or skipped file,
    reports not written away), and the clusters, moved into the store."""
    keep = sink or (lambda _k, outcome: outcome)
    stager = getattr(sink, "stager", None)
    parallel = workers > 1 and len(jobs) > 1
    batches = _Batches(jobs, chunk_size(len(jobs), workers, per_worker=8, most=BATCH_MOST)
                       if parallel else 1, stager)
    made: Iterator[list[Outcome]] = (
        ordered_map(assess_batch, batches, workers, preload=PORTFOLIO_PRELOAD, abandoned=_abandon)
        if parallel else (assess_batch(b) for b in batches))
    outcomes: list[Outcome] = []
    stored = Stored(Compact())
    index = 0
    with closing(made):  # type: ignore[type-var]
        for results in made:
            for k, outcome in enumerate(results):
                try:
                    kept = keep(index, outcome)
                    if kept.cluster is not None:  # on disk: the main process stays flat
                        stored.append(kept.cluster)
                        kept = dataclasses.replace(kept, cluster=None)
                    if kept.kind != "cluster" or kept.files or kept.staged:
                        outcomes.append(kept)
                except BaseException:
                    _abandon(results[k:])
                    raise
                if on_done is not None:
                    on_done(jobs[index].path)
                index += 1
    return outcomes, stored


def run_portfolio(
    folder: str | Path,
    options: LoadOptions | None = None,
    *,
    method: str = "mean",
    lang: Language | None = None,
    templates_dir: Path | None = None,
    jobs: int = 1,
    on_done: Callable[[str], None] | None = None,
    sink: Sink | None = None,
    sensitivity: int = DEFAULT_SENSITIVITY,
    scanned: tuple[list[str], list[tuple[str, str]]] | None = None,
) -> Portfolio:
    """Assess every questionnaire under ``folder`` and rank them.

    ``lang`` sets the language of every cluster report and of the portfolio; without it
    each report is in its questionnaire's language and the portfolio in the language
    all questionnaires share, else ``DEFAULT_LANGUAGE``. ``jobs`` > 1 uses that many
    worker processes; ``on_done(path)`` is called in this process as each file finishes
    (in completion order). ``sink(index, outcome)``, when given, gets each file's outcome
    in this process as it arrives (index in path order) and returns what to keep: a sink
    that writes each cluster's reports away (``diamond.portfolio.render.ReportWriter``)
    keeps memory flat, and ``Portfolio.reports`` then holds only what it kept. Raises
    ``UsageError`` when ``folder`` is not a folder or holds
    no ``*.yaml``/``*.yml`` file, or for an unknown method; ``TemplateError`` when a
    template fails. ``sensitivity`` is the base samples of each cluster report's Sobol
    analysis (``DEFAULT_SENSITIVITY``: none). ``scanned``: what ``validation.scan`` of
    ``folder`` found, when the caller has it already (the folder is not walked again).
    """
    base = Path(folder)
    if not base.is_dir():
        raise UsageError(_("{folder}: not a folder").format(folder=folder))
    try:
        chosen = check_method(method)
    except ValueError as error:
        raise UsageError(str(error)) from None
    paths, unreadable = scan(base) if scanned is None else scanned
    if not paths and not unreadable:
        raise UsageError(_("{folder}: no .yaml or .yml files in this folder").format(
            folder=folder))
    stems = report_stems([Path(p).relative_to(base).as_posix() for p in paths])
    where = str(folder)  # one text for every job
    given = options or LoadOptions()

    def job(path: str, source: str, stem: str) -> Job:
        return Job(path, source, stem, where, given, chosen, lang, templates_dir, sensitivity)

    outcomes, clusters = _execute(_Jobs(base, paths, stems, job), jobs, on_done, sink)
    del stems
    languages = set(clusters.languages)
    first = clusters.first_cells  # each dimension's first cell, in path order: a column
    portfolio_lang: Language = lang or (languages.pop() if len(languages) == 1
                                        else DEFAULT_LANGUAGE)
    ranked = clusters.ranked(ranking_order(clusters))
    columns = tuple(Column(cell.id, cell.number, cell.names[portfolio_lang])
                    for cell in first.values())
    return Portfolio(
        lang=portfolio_lang, method=chosen, files=len(paths), clusters=ranked,
        invalid=tuple(o.invalid for o in outcomes if o.invalid is not None)
        + tuple(_unreadable_folder(base, where, why) for where, why in unreadable),
        skipped=tuple(o.source for o in outcomes if o.kind == "framework"),
        columns=columns,
        reports=tuple(f for o in outcomes for f in o.files),
        icc=iccs(ranked, [c.id for c in columns]),
    )
