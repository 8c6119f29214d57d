"""The work of one worker task: assess a batch of files, each on its own.

Each file is loaded, scored and rendered (its Markdown and HTML report); an invalid file
is recorded with its errors and does not stop the others. ``assess_batch`` runs in a
worker process (``diamond.pool``) or, with one job, in the command's own process.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from diamond.documents import TextProblem, decode, read_bytes
from diamond.errors import Diagnostic, InputError
from diamond.frameworks import Catalogue
from diamond.io.atomic import discard
from diamond.loader import LoadOptions, require_valid
from diamond.models.text import LANGUAGES, Language, LocalText
from diamond.portfolio.model import Cell, Cluster, InvalidFile, Outcome
from diamond.portfolio.ranking import cluster_key
from diamond.render.report import render_reports
from diamond.scoring import Assessment, assess
from diamond.validation import load_read, read_once

__all__ = ["BATCH_MOST", "CLUSTER_FORMATS", "DEFAULT_SENSITIVITY", "Batch", "Job",
           "assess_batch", "assess_file"]

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


def _scored(scores: Mapping[str, Mapping[str, float | None]], key: str) -> list[float]:
    """Each respondent's own score for ``key``, in order, those without one left out."""
    from diamond.scoring.rows import OwnScores  # numpy: loaded by scoring already

    if isinstance(scores, OwnScores):
        return scores.scored(key)
    return [v for v in (x.get(key) for x in scores.values()) if v is not None]


def _cluster(job: Job, a: Assessment, catalogue: Catalogue, files: Sequence[str]) -> Cluster:
    names = {d.id: d for d in catalogue.framework.dimensions}
    cells = tuple(Cell(d.id, d.number, _both(names[d.id].name), d.score, d.band)
                  for d in a.dimensions)
    s = a.statistics
    main = None if s is None else (s.overall if s.overall.se is not None
                                   else s.overall_analytic)
    own = {} if s is None else {d.id: array("d", _scored(s.respondent_scores, d.id))
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
    data, framework = read_once(text, job.options.limits)  # once, as validate reads it
    if framework:
        return Outcome("framework", job.source)
    loaded = load_read(text, data, label, Path(job.path).parent, job.options)
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
