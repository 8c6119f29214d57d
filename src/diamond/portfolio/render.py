"""Render a portfolio (``portfolio.md``, ``portfolio.html``, ``portfolio.json``) and write it.

The output is a pure function of the portfolio and the templates: rendering twice gives
byte-identical files, and no clock is read.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diamond.compare.context import compare_filters
from diamond.compare.labels import load_compare_labels
from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.atomic import Staged, discard, stage, write_set
from diamond.io.outputs import OutputFile, check_outputs
from diamond.io.staging import StagedSet
from diamond.io.temps import remove_owned
from diamond.portfolio.context import build_portfolio_context
from diamond.portfolio.model import Outcome, Portfolio
from diamond.portfolio.serialize import CLUSTERS_FOLDER, portfolio_json_pieces
from diamond.render.report import RenderedFile
from diamond.render.templates import make_environment, stream_template

__all__ = ["STEM", "TEMPLATES", "Page", "ReportWriter", "Stager", "Written", "deadline_scale",
           "portfolio_pages", "render_portfolio", "write_portfolio"]

STEM = "portfolio"
#: The template each templated format is rendered from.
TEMPLATES = {"md": "portfolio.md.j2", "html": "portfolio.html.j2"}


#: Clusters a portfolio page may list within one render deadline of a user's templates
#: (``DIAMOND_TEMPLATE_SECONDS``, 5 s by default; the shipped templates have none).
#: Rendering takes about 0.3 ms a cluster, so a busy machine has ample room; without it,
#: a national programme's 8,100 rows could run past a deadline meant for one report and
#: stop the command (exit 3).
DEADLINE_CLUSTERS = 500


def deadline_scale(clusters: int) -> float:
    """How many render deadlines a portfolio page of ``clusters`` gets: one per 500."""
    return max(1.0, clusters / DEADLINE_CLUSTERS)


@dataclass(frozen=True)
class Page:
    """A portfolio page: its file name and its text in pieces, rendered as they are read.

    Read ``content`` once, and one page after another (they share the render deadline
    of a user's templates): ``ReportWriter.finish`` writes each straight into its
    temporary, so a page listing thousands of clusters is never whole in memory.
    """

    name: str
    content: Iterable[str]


def portfolio_pages(portfolio: Portfolio, *, templates_dir: Path | None = None) -> list[Page]:
    """``portfolio.md``, ``portfolio.html`` and ``portfolio.json``, in that order, unrendered.

    Labels are in the portfolio's language. ``templates_dir`` overrides the built-in
    ``portfolio.md.j2``, ``portfolio.html.j2``, partials and ``labels-compare.yaml`` by
    file name. Raises ``TemplateError`` when the labels fail to load, and as a page is
    read when its template fails to load or render.
    """
    labels = load_compare_labels(portfolio.lang, templates_dir)
    context = build_portfolio_context(portfolio, labels, rows_as_read=templates_dir is None)
    env = make_environment(templates_dir, compare_filters(portfolio.lang),
                           deadline_scale=deadline_scale(len(portfolio.clusters)))
    pages = [Page(f"{STEM}.{fmt}", stream_template(env, name, context))
             for fmt, name in TEMPLATES.items()]
    pages.append(Page(f"{STEM}.json", itertools.chain(portfolio_json_pieces(portfolio), "\n")))
    return pages


def render_portfolio(
    portfolio: Portfolio, *, templates_dir: Path | None = None
) -> list[RenderedFile]:
    """``portfolio_pages`` rendered whole: ``portfolio.md``, ``.html`` and ``.json``.

    Raises ``TemplateError`` when a template fails to load or render.
    """
    return [RenderedFile(page.name, "".join(page.content))
            for page in portfolio_pages(portfolio, templates_dir=templates_dir)]


def write_portfolio(
    portfolio: Portfolio, rendered: list[RenderedFile], folder: Path, inputs: Iterable[Path]
) -> list[Path]:
    """Write the clusters' reports into ``folder/clusters/``, then ``rendered`` into ``folder``.

    Refuses, like ``diamond.io.outputs.write_outputs``, to overwrite any of ``inputs``;
    every file is written to a temporary before any is renamed. Returns the paths
    written, the portfolio files last.
    """
    protected = list(inputs)
    reports = list(portfolio.reports)
    clusters = check_outputs(reports, folder / CLUSTERS_FOLDER, protected)
    targets = check_outputs(rendered, folder, protected)
    pairs = list(zip(clusters, [f.content for f in reports], strict=True))
    pairs += zip(targets, [f.content for f in rendered], strict=True)
    return write_set(pairs)


@dataclass(frozen=True)
class Stager:
    """Write one outcome's reports into temporaries under ``clusters`` (in any process).

    The part of a ``ReportWriter`` that worker processes use, so each report goes to
    disk where it is made instead of through a pipe to the main process. Returns the
    outcome with ``staged`` naming the temporaries and no text; on failure removes the
    ones it made. Refuses a name with a folder in it and a target that is a folder.
    """

    clusters: Path
    #: The command's process, which renames the temporaries: while it runs, another
    #: run's stale-temporary cleanup leaves them alone even after this worker exits.
    owner: int = dataclasses.field(default_factory=os.getpid)
    #: False: the temporaries are left unsynced, for the ``ReportWriter``'s one flush
    #: before its renames (``io.flush``), so no worker waits on the disk once a file.
    synced: bool = True

    def __call__(self, outcome: Outcome) -> Outcome:
        made: list[Staged] = []
        try:
            for file in outcome.files:
                if Path(file.name).name != file.name or file.name in ("", ".", ".."):
                    raise OutputError(_("refusing to write '{name}': not a plain file name")
                                      .format(name=file.name))
                target = self.clusters / file.name
                if target.is_dir():
                    raise OutputError(_("cannot write {target}: a folder of that name exists")
                                      .format(target=target))
                made.append(stage(target, file.content, owner=self.owner,
                                  synced=self.synced))
        except BaseException:
            discard(made)
            raise
        return dataclasses.replace(outcome, files=(), staged=(*outcome.staged, *made))


@dataclass(frozen=True)
class Written:
    """What ``ReportWriter.finish`` wrote, without a path for each cluster report.

    ``reports`` counts the files written into a folder named ``clusters`` (the clusters'
    reports), ``folder`` is the first one's folder (None when there is none), and
    ``others`` names every other file written (the portfolio pages), in order.
    """

    reports: int
    folder: Path | None
    others: list[Path]


class _Tally:
    """Counts the staged files ``Written`` counts, names the others, holds no path each."""

    def __init__(self) -> None:
        self.reports = 0
        self.folder: Path | None = None
        self.others: list[Path] = []
        self._in_clusters: dict[str, bool] = {}  # a staged's folder: named ``clusters``?

    def __call__(self, staged: Staged) -> None:
        if staged.given is None:
            counted = self._in_clusters.get(staged.folder)
            if counted is None:
                counted = self._in_clusters[staged.folder] = (
                    Path(staged.folder).name == CLUSTERS_FOLDER)
        else:
            counted = staged.given.parent.name == CLUSTERS_FOLDER
        if not counted:
            self.others.append(staged.shown)
            return
        if self.folder is None:
            self.folder = staged.shown.parent
        self.reports += 1

    def written(self) -> Written:
        return Written(self.reports, self.folder, self.others)


class ReportWriter:
    """Stream each cluster's reports into ``folder/clusters/`` as it is made, then the rest.

    A ``run_portfolio`` sink: each outcome's files are staged into temporaries at once
    (by the worker that made them, through ``stager``, or here) and dropped from memory;
    ``finish`` stages the portfolio files and renames the whole set, the clusters'
    reports in path order and the portfolio files last, as ``write_portfolio`` does.
    Nothing is renamed before every file is staged; leaving the ``with`` block by an
    exception removes every temporary. Never writes over one of ``inputs``
    (``OutputError``).
    """

    def __init__(self, folder: Path, inputs: Iterable[Path | str]) -> None:
        self.folder = folder
        self.clusters = folder / CLUSTERS_FOLDER
        for place in (folder, self.clusters):
            if place.exists() and not place.is_dir():
                raise OutputError(_("cannot write into {place}: it is a file, not a folder")
                                  .format(place=place))
        self.staged = StagedSet(inputs, flush_first=True)
        self.count = 0

    @property
    def stager(self) -> Stager:
        """What a worker process needs to stage its outcomes' reports itself (unsynced:
        ``finish`` flushes every temporary to disk before the first rename)."""
        return Stager(self.clusters, synced=False)

    def __call__(self, index: int, outcome: Outcome) -> Outcome:
        if outcome.files:
            outcome = self.stager(outcome)
        self.staged.adopt(outcome.staged, index)
        self.count += len(outcome.staged)
        return dataclasses.replace(outcome, staged=())

    def finish(self, rendered: Sequence[OutputFile]) -> Written:
        """Stage ``rendered`` into the folder, then rename every file; what was written
        (the cluster reports counted, not named one by one: a national portfolio writes
        tens of thousands).

        A ``Page`` is rendered straight into its temporary, a piece at a time.
        """
        targets = check_outputs(rendered, self.folder, [])
        for k, (target, file) in enumerate(zip(targets, rendered, strict=True)):
            self.staged.add(target, file.content, (1 << 62, k))
        tally = _Tally()
        self.staged.commit_each(tally)
        return tally.written()

    def discard(self) -> None:
        """Remove every temporary not yet renamed, those of a killed worker included."""
        self.staged.discard()
        remove_owned(self.clusters, os.getpid())

    def __enter__(self) -> ReportWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            self.discard()
