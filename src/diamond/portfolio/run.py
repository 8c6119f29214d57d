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
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import cast

from diamond.documents import TextProblem, decode, read_bytes
from diamond.errors import Diagnostic, InputError, UsageError
from diamond.frameworks import Catalogue
from diamond.i18n import _
from diamond.io.atomic import discard
from diamond.loader import LoadOptions, load_text, require_valid
from diamond.models.text import LANGUAGES, Language, LocalText
from diamond.pool import chunks, ordered_map
from diamond.portfolio.model import Cell, Cluster, Column, InvalidFile, Outcome, Portfolio
from diamond.portfolio.ranking import cluster_key, iccs, rank
from diamond.portfolio.spill import Spill
from diamond.render.report import render_reports
from diamond.scoring import Assessment, assess
from diamond.scoring.bands import Band
from diamond.scoring.engine import check_method
from diamond.validation import looks_like_framework, scan

__all__ = ["DEFAULT_LANGUAGE", "Batch", "Job", "assess_batch", "assess_file", "report_stems",
           "run_portfolio"]

#: The portfolio's language when ``lang`` is not given and the questionnaires differ.
DEFAULT_LANGUAGE: Language = "tr"
#: The formats of each cluster's own report.
CLUSTER_FORMATS = ("md", "html")
#: Base samples of each cluster's Sobol sensitivity analysis. None by default: a
#: portfolio ranks clusters by their overall scores and bootstrap replicates, which the
#: Sobol analysis does not enter, and it costs about a quarter of assessing a file.
#: ``diamond portfolio --sensitivity N`` (or ``diamond assess`` of one cluster) adds it.
DEFAULT_SENSITIVITY = 0


@dataclass(frozen=True)
class Job:
    """One file to assess: its path, its path relative to the folder, its report stem."""

    path: str
    source: str
    stem: str
    folder: str
    options: LoadOptions
    method: str
    lang: Language | None
    templates_dir: Path | None
    sensitivity: int = DEFAULT_SENSITIVITY


def _both(text: LocalText) -> dict[Language, str]:
    return {lang: text.get(lang) for lang in LANGUAGES}


def _cluster(job: Job, a: Assessment, catalogue: Catalogue, files: Sequence[str]) -> Cluster:
    names = {d.id: d for d in catalogue.framework.dimensions}
    cells = tuple(Cell(d.id, d.number, _both(names[d.id].name), d.score, d.band)
                  for d in a.dimensions)
    s = a.statistics
    main = None if s is None else (s.overall if s.overall.se is not None
                                   else s.overall_analytic)
    own = {} if s is None else {
        d.id: array("d", (v for v in (x.get(d.id) for x in s.respondent_scores.values())
                          if v is not None))
        for d in a.dimensions}
    return Cluster(
        source=job.source, stem=job.stem, name=a.sector.name, region=a.sector.region,
        period=a.sector.period, language=a.sector.language, framework_id=a.framework_id,
        framework_names=_both(catalogue.framework.name), respondents=a.respondents,
        overall=a.overall, band=a.band, dimensions=cells, reports=tuple(files),
        key=cluster_key(a.sector.name, a.sector.region),
        se=None if main is None else main.se, ci_low=None if main is None else main.low,
        ci_high=None if main is None else main.high,
        draws=() if s is None else array("d", s.draws.get("overall", ())), own=own,
    )


def _invalid(job: Job, diagnostics: Sequence[Diagnostic]) -> Outcome:
    def shown(path: str) -> str:
        try:
            return Path(path).relative_to(job.folder).as_posix()
        except ValueError:
            return path

    messages = tuple(f"{shown(d.path)}:{d.line}:{d.column}: {d.message}" for d in diagnostics)
    return Outcome("invalid", job.source,
                   invalid=InvalidFile(job.source, tuple(diagnostics), messages))


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


def assess_file(job: Job) -> Outcome:
    """Load, score and render one file; never raises for the file's content.

    Raises ``TemplateError`` when the report templates fail (that stops every file).
    """
    label = job.path
    try:
        text = decode(read_bytes(job.path, job.options.limits), label)
    except InputError as error:
        message = str(error).removeprefix(f"{label}: ")
        return _invalid(job, [Diagnostic(label, 1, 1, "error", "unreadable", message)])
    except TextProblem as problem:
        return _invalid(job, [problem.diagnostic])
    if looks_like_framework(text):
        return Outcome("framework", job.source)
    loaded = load_text(text, label, Path(job.path).parent, job.options)
    if not loaded.ok:
        return _invalid(job, loaded.errors)
    questionnaire, catalogue = require_valid(loaded)
    assessment = assess(questionnaire, catalogue, job.method, lang=job.lang,
                        sensitivity_samples=job.sensitivity)
    files = render_reports(assessment, CLUSTER_FORMATS, stem=job.stem,
                           templates_dir=job.templates_dir, lang=job.lang)
    reports = [f.name for f in files if not f.name.endswith(".svg")]
    return Outcome("cluster", job.source, cluster=_cluster(job, assessment, catalogue, reports),
                   files=tuple(files))


def report_stems(sources: Sequence[str]) -> list[str]:
    """A unique, plain file stem for each source path (relative, with ``/``), in order.

    A file's own stem when no other file shares it; otherwise its relative path with
    ``/`` as ``-``; any remaining clash gets ``-2``, ``-3`` in path order.
    """
    def plain(path: str) -> str:
        return PurePath(path).with_suffix("").as_posix().replace("/", "-").replace("\\", "-")

    bases = [PurePath(s).stem for s in sources]
    wanted = [b if bases.count(b) == 1 else plain(s) for b, s in zip(bases, sources, strict=True)]
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
#: Files a worker assesses in one task: few enough that the workers finish together,
#: enough that a task's round trip is small beside its work.
BATCH_MOST = 16


@dataclass(frozen=True)
class Batch:
    """Consecutive jobs for one worker task, and where their reports go, if anywhere."""

    jobs: Sequence[Job]
    stager: Callable[[Outcome], Outcome] | None = None


def assess_batch(batch: Batch) -> list[Outcome]:
    """``assess_file`` of each job, in order; reports staged by ``batch.stager`` if given.

    When a file fails (a template error) the temporaries this batch staged are removed.
    """
    outcomes: list[Outcome] = []
    try:
        for job in batch.jobs:
            outcome = assess_file(job)
            outcomes.append(outcome if batch.stager is None else batch.stager(outcome))
    except BaseException:
        discard([s for o in outcomes for s in o.staged])
        raise
    return outcomes


class _Compact:
    """Keeps an arriving cluster small in the main process, which holds thousands.

    Its bootstrap replicates and respondents' scores go to a ``Spill`` on disk; the
    texts and name mappings every cluster repeats (dimension ids and names, framework,
    band, language), which arrive from the workers as fresh copies, are shared.
    """

    def __init__(self) -> None:
        self.spill = Spill()
        self.names: dict[tuple[tuple[str, str], ...], Mapping[Language, str]] = {}

    def _names(self, names: Mapping[Language, str]) -> Mapping[Language, str]:
        return self.names.setdefault(tuple(names.items()), names)

    def __call__(self, outcome: Outcome) -> Outcome:
        c = outcome.cluster
        if c is None:
            return outcome
        text = sys.intern
        cells = tuple(Cell(text(d.id), None if d.number is None else text(d.number),
                           self._names(d.names), d.score,
                           None if d.band is None else cast(Band, text(d.band)))
                      for d in c.dimensions)
        return dataclasses.replace(outcome, cluster=dataclasses.replace(
            c, dimensions=cells, framework_id=text(c.framework_id),
            framework_names=self._names(c.framework_names),
            band=None if c.band is None else cast(Band, text(c.band)),
            name=text(c.name), region=text(c.region), period=text(c.period),
            draws=self.spill.put(c.draws) if c.draws else (),
            own={text(dim): self.spill.put(values) for dim, values in c.own.items()}))


def _abandon(outcomes: list[Outcome]) -> None:
    discard([s for o in outcomes for s in o.staged])


def _execute(jobs: list[Job], workers: int,
             on_done: Callable[[str], None] | None, sink: Sink | None = None) -> list[Outcome]:
    done = on_done or (lambda _path: None)
    keep = sink or (lambda _k, outcome: outcome)
    stager = getattr(sink, "stager", None)
    parallel = workers > 1 and len(jobs) > 1
    batches = [Batch(b, stager) for b in (chunks(jobs, workers, per_worker=8, most=BATCH_MOST)
                                          if parallel else [[j] for j in jobs])]
    made: Iterator[list[Outcome]] = (
        ordered_map(assess_batch, batches, workers, preload=("diamond.portfolio.preload",),
                    abandoned=_abandon)
        if parallel else (assess_batch(b) for b in batches))
    outcomes: list[Outcome] = []
    compact = _Compact()
    with closing(made):  # type: ignore[type-var]
        for batch, results in zip(batches, made, strict=True):
            for k, (job, outcome) in enumerate(zip(batch.jobs, results, strict=True)):
                try:
                    outcomes.append(compact(keep(len(outcomes), outcome)))
                except BaseException:
                    _abandon(results[k:])
                    raise
                done(job.path)
    return outcomes


def _columns(clusters: Sequence[Cluster], lang: Language) -> tuple[Column, ...]:
    columns: dict[str, Column] = {}
    for c in clusters:
        for cell in c.dimensions:
            if cell.id not in columns:
                columns[cell.id] = Column(cell.id, cell.number, cell.names[lang])
    return tuple(columns.values())


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
    analysis (``DEFAULT_SENSITIVITY``: none).
    """
    base = Path(folder)
    if not base.is_dir():
        raise UsageError(_("{folder}: not a folder").format(folder=folder))
    try:
        chosen = check_method(method)
    except ValueError as error:
        raise UsageError(str(error)) from None
    paths, unreadable = scan(base)
    if not paths and not unreadable:
        raise UsageError(_("{folder}: no .yaml or .yml files in this folder").format(
            folder=folder))
    sources = [Path(p).relative_to(base).as_posix() for p in paths]
    stems = report_stems(sources)
    todo = [Job(p, s, stem, str(folder), options or LoadOptions(), chosen, lang, templates_dir,
                sensitivity)
            for p, s, stem in zip(paths, sources, stems, strict=True)]
    outcomes = _execute(todo, jobs, on_done, sink)
    clusters = [o.cluster for o in outcomes if o.cluster is not None]
    languages = {c.language for c in clusters}
    portfolio_lang: Language = lang or (languages.pop() if len(languages) == 1
                                        else DEFAULT_LANGUAGE)
    ranked = rank(clusters)
    columns = _columns(clusters, portfolio_lang)
    return Portfolio(
        lang=portfolio_lang, method=chosen, files=len(paths), clusters=ranked,
        invalid=tuple(o.invalid for o in outcomes if o.invalid is not None)
        + tuple(_unreadable_folder(base, where, why) for where, why in unreadable),
        skipped=tuple(o.source for o in outcomes if o.kind == "framework"),
        columns=columns,
        reports=tuple(f for o in outcomes for f in o.files),
        icc=iccs(ranked, [c.id for c in columns]),
    )
