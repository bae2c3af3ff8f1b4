"""Worker processes that end with the process that forked them.

The build forks pools of workers (extraction, analysis results, the analyses beside them).
Killed in the ordinary way, the build takes them down with it; killed outright (SIGKILL, the
kernel's out-of-memory killer), it leaves them waiting for work on a queue nobody writes to,
each holding its share of the build's memory.  :func:`follow_parent` is each pool's
initializer: a daemon thread in the worker watches its parent and ends the worker once the
parent is gone (the worker is then the child of another process).  :func:`pool_map` is the
map over such a pool that every parallel stage of the build uses.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHECK_EVERY = 0.5  # seconds between two looks at the parent


def follow_parent() -> None:
    """In a freshly started worker: end it as soon as the process that started it is gone."""
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent,), name="follow-parent", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(CHECK_EVERY)
    os._exit(1)  # the build is gone: nothing of this worker's is wanted


def forks() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def pool_map(function: Callable[[T], R], jobs: Iterable[T], workers: int) -> Iterator[R]:
    """``map(function, jobs)`` on ``workers`` processes, results in order, at most two jobs
    per worker handed out ahead (the jobs are made as they are needed)."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    # fork where there is one (Linux): no re-import of the caller's __main__, and the build
    # has not started any Oxigraph thread; spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # what the parent holds is moved out of the collector's sight before the fork, so that
    # its passes in the workers neither walk it nor copy its pages (copy-on-write)
    thaw = gc.get_freeze_count() == 0  # unless the caller froze them already
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=follow_parent
        ) as pool:
            pending: deque[Future[R]] = deque()
            for job in jobs:
                pending.append(pool.submit(function, job))
                if len(pending) > 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        if thaw:
            gc.unfreeze()
