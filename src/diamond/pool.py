"""Worker processes for ``validate -j`` and ``portfolio``: one pool, a safe start method.

``fork`` copies a process whatever its threads hold (locks, a half-written buffer), which
is why Python 3.12 warns when a process with threads forks, and why a forked worker can
hang. So workers start by ``forkserver`` on POSIX: a small, single-threaded server
process is started once (by ``fork`` + ``exec`` of a fresh interpreter), imports the
modules in ``preload`` and the main module once, and forks each worker from itself.
Elsewhere (Windows) workers are spawned. Either way a worker starts as a fresh process,
so ``_initialise`` gives it what a forked one would have inherited: the parent's
message language, environment (``DIAMOND_*`` limits, the template cache's variables,
the BLAS thread count) and garbage-collector threshold.

``ordered_map`` runs a function over tasks in the workers and yields the results in the
tasks' order, each as soon as it and every task before it is done. Only a window of
tasks is in flight at once (submitted, running or done but not yet yielded): the main
process holds a bounded number of futures and results whatever the number of tasks.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, TypeVar

from diamond import i18n
from diamond.errors import WorkerError
from diamond.i18n import _

__all__ = ["AHEAD", "PORTFOLIO_PRELOAD", "chunk_size", "chunks", "ordered_map", "start_method",
           "start_server"]

T = TypeVar("T")
R = TypeVar("R")

#: What a portfolio's forkserver imports once for all its workers (here, not in
#: ``diamond.portfolio``: the command starts the server before it imports that package).
PORTFOLIO_PRELOAD = ("diamond.portfolio.preload",)

#: Tasks in flight a worker (``ordered_map``'s window is ``AHEAD * workers``): enough that
#: every worker has the next task queued while the results before it are consumed.
AHEAD = 4


def start_method() -> str:
    """``forkserver`` where the platform has it (POSIX), else ``spawn``."""
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def start_server(preload: Sequence[str] = ()) -> None:
    """Start the forkserver now, where workers start by it: it imports ``preload`` (what
    ``ordered_map`` would have it import) while this process goes on with its own work,
    instead of while the first workers wait for it. ``ordered_map`` then reuses it."""
    if start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    _context(preload)
    forkserver.ensure_running()


def _context(preload: Sequence[str]) -> Any:
    """The workers' multiprocessing context, a forkserver's set to import ``preload``."""
    import multiprocessing

    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["__main__", *preload])
    return context


def _initialise(language: str, environ: Mapping[str, str], threshold: tuple[int, ...]) -> None:
    """Run first in every worker: the parent's language, environment and gc threshold."""
    if os.environ != environ:
        os.environ.clear()
        os.environ.update(environ)
    i18n.activate(language)
    gc.set_threshold(*threshold)
    gc.freeze()  # the preloaded modules live as long as the worker: out of the gc's sight


def chunk_size(count: int, workers: int, *, per_worker: int = 4,
               most: int | None = None) -> int:
    """The items of each of ``chunks``' slices (the last may have fewer)."""
    size = max(1, count // max(1, workers * per_worker))
    return size if most is None else min(size, most)


def chunks(items: Sequence[T], workers: int, *, per_worker: int = 4,
           most: int | None = None) -> list[Sequence[T]]:
    """``items`` cut into consecutive slices: about ``per_worker`` per worker, at most
    ``most`` items each; fewer round trips than one task per item, and slices small
    enough that every worker stays busy to the end."""
    size = chunk_size(len(items), workers, per_worker=per_worker, most=most)
    return [items[i:i + size] for i in range(0, len(items), size)]


def ordered_map(function: Callable[[T], R], tasks: Sequence[T], workers: int, *,
                preload: Sequence[str] = (),
                abandoned: Callable[[R], None] | None = None,
                window: int | None = None) -> Iterator[R]:
    """``function(task)`` for each task in ``workers`` worker processes, in task order.

    ``function`` and the tasks must pickle (a module-level function, plain data). As
    with any start method but ``fork``, the main module is imported again (once, by the
    forkserver): a script that calls this must guard its entry point with
    ``if __name__ == "__main__":``.
    ``preload`` names the modules the forkserver imports once for every worker (only
    the first pool of a process starts the server; later pools reuse it, with what it
    loaded). At most ``window`` tasks (default ``AHEAD`` a worker) are in flight: the
    next is submitted as the oldest is yielded. An exception raised by ``function`` is
    raised here; leaving the loop early (an exception, ``close()``) submits no more
    tasks, cancels those not yet started, waits for the running ones, and hands each
    result that was made but not yielded to ``abandoned`` (to remove what it left on
    disk, say).
    """
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _context(preload)
    initargs = (i18n.current(), dict(os.environ), gc.get_threshold())
    size = max(1, min(workers, len(tasks)))
    most = max(1, AHEAD * size if window is None else window)
    with ProcessPoolExecutor(max_workers=size, mp_context=context,
                             initializer=_initialise, initargs=initargs) as pool:
        waiting = iter(tasks)
        futures: deque[Future[R]] = deque()  # oldest first: dropped once yielded
        try:
            while True:
                try:
                    for task in islice(waiting, most - len(futures)):
                        futures.append(pool.submit(function, task))
                    if not futures:
                        break
                    result = futures.popleft().result()
                except BrokenProcessPool:
                    raise WorkerError(_(
                        "a worker process stopped without a result (it was killed, perhaps "
                        "for lack of memory); nothing was written. Run the command again, "
                        "with fewer jobs (-j 1 works in this process alone)")) from None
                yield result
        finally:
            if futures:
                pool.shutdown(wait=True, cancel_futures=True)
                for future in futures:
                    if (abandoned is not None and not future.cancelled()
                            and future.exception() is None):
                        abandoned(future.result())
