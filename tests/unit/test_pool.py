"""``diamond.pool``: the worker pool of ``validate -j`` and ``portfolio``.

Workers start from a forkserver (never by forking the test process, which has threads),
get the parent's language and environment, and give results back in task order.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import warnings
from collections.abc import Iterator

import pytest

from diamond import i18n
from diamond.i18n import _
from diamond.pool import chunks, ordered_map, start_method, start_server


@pytest.fixture
def turkish() -> Iterator[None]:
    before = i18n.current()
    i18n.activate("tr")
    yield
    i18n.activate(before)


def test_the_start_method_never_forks_this_process() -> None:
    expected = "spawn" if sys.platform == "win32" else "forkserver"
    assert start_method() == expected


def test_results_come_back_in_task_order() -> None:
    tasks = [3000, 1, 2000, 2, 1000, 3, 0, 500]  # unequal work, finishing out of order
    assert list(ordered_map(math.factorial, tasks, 2)) == [math.factorial(n) for n in tasks]


@pytest.mark.skipif(sys.platform == "win32", reason="no forkserver")
def test_a_server_started_early_is_the_one_the_pool_uses() -> None:
    from multiprocessing import forkserver

    start_server(("math",))
    started = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    assert started is not None
    tasks = [5, 1, 4]
    assert list(ordered_map(math.factorial, tasks, 2)) == [math.factorial(n) for n in tasks]
    assert forkserver._forkserver._forkserver_pid == started  # type: ignore[attr-defined]


def test_workers_get_the_language_and_environment(
    turkish: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # set after any earlier test started the forkserver: a forked worker would inherit
    # it, so a worker from the server must be given it
    monkeypatch.setenv("DIAMOND_POOL_PROBE", "seen")
    message = "no .yaml or .yml files in this folder"
    assert _(message) != message  # there is a Turkish translation
    assert list(ordered_map(_, [message, message], 2)) == [_(message)] * 2
    assert list(ordered_map(os.getenv, ["DIAMOND_POOL_PROBE"] * 2, 2)) == ["seen"] * 2


def test_only_a_window_of_tasks_is_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    """The results and their order do not depend on the window; the main process never
    holds more than ``window`` futures (submitted as the oldest is yielded)."""
    from concurrent.futures import ProcessPoolExecutor

    submitted: list[int] = []
    real = ProcessPoolExecutor.submit

    def counting(self: ProcessPoolExecutor, fn: object, /, *args: object) -> object:
        submitted.append(1)
        return real(self, fn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counting)
    tasks = [3000, 1, 2000, 2, 1000, 3, 0, 500, 7, 4]
    expected = [math.factorial(n) for n in tasks]
    for window in (1, 2, 3, None):
        submitted.clear()
        made = ordered_map(math.factorial, tasks, 2, window=window)
        assert next(made) == expected[0]
        assert len(submitted) == (8 if window is None else window)  # AHEAD a worker
        assert [expected[0], *made] == expected
        assert len(submitted) == len(tasks)


def test_leaving_early_with_a_window_hands_over_what_was_made() -> None:
    left: list[int] = []
    made = ordered_map(abs, list(range(-20, 0)), 2, abandoned=left.append, window=3)
    assert [next(made), next(made)] == [20, 19]
    made.close()
    assert len(set(left)) == len(left) and set(left) <= {18, 17, 16}


def test_a_failing_task_raises_here() -> None:
    with pytest.raises(ValueError):
        list(ordered_map(math.sqrt, [4.0, -1.0, 9.0], 2))


def test_leaving_early_hands_over_what_was_made() -> None:
    left: list[int] = []
    made = ordered_map(abs, list(range(-20, 0)), 2, abandoned=left.append)
    assert next(made) == 20
    made.close()
    assert len(set(left)) == len(left) and set(left) <= set(range(1, 20))


def test_no_fork_warning_with_threads_running() -> None:
    # Python 3.12 warns (DeprecationWarning) when a process with threads forks
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert list(ordered_map(abs, [-1, -2, -3], 2)) == [1, 2, 3]
    finally:
        stop.set()
        thread.join()


def test_chunks_cover_every_item_in_order() -> None:
    items = list(range(103))
    for workers, most in [(1, None), (2, None), (2, 16), (4, 5), (200, None)]:
        cut = chunks(items, workers, most=most)
        assert [x for c in cut for x in c] == items
        assert all(c for c in cut)
        if most is not None:
            assert max(len(c) for c in cut) <= most


def test_a_worker_that_dies_is_a_clear_error() -> None:
    """A worker killed mid-task (the OOM killer, say) ends the map with WorkerError, which
    the CLI reports with exit code 8, never a BrokenProcessPool traceback."""
    from diamond.cli.exit_codes import WORKER, code_for
    from diamond.errors import WorkerError

    with pytest.raises(WorkerError, match="worker process stopped") as raised:
        list(ordered_map(os._exit, [3, 3, 3], 2))
    assert code_for(raised.value) == WORKER == 8


def test_the_command_removes_what_a_killed_worker_staged_for_it(tmp_path: object) -> None:
    """Temporaries named for this process that no list knows of (a worker died before
    reporting them) are removed with the rest; another process's are left alone."""
    from pathlib import Path

    from diamond.io.temps import temp_name
    from diamond.portfolio.render import ReportWriter

    folder = Path(str(tmp_path)) / "out"
    with pytest.raises(RuntimeError), ReportWriter(folder, []) as writer:
        writer.clusters.mkdir(parents=True)
        ours = writer.clusters / temp_name("a.md", os.getpid())
        theirs = writer.clusters / temp_name("b.md", os.getpid() + 1)
        kept = writer.clusters / "notes.md"
        for path in (ours, theirs, kept):
            path.write_text("x", encoding="utf-8")
        raise RuntimeError("stop")
    assert sorted(p.name for p in writer.clusters.iterdir()) == sorted([theirs.name, "notes.md"])
