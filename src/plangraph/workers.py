"""Worker processes that end with the process that forked them.

The build forks pools of workers (extraction, analysis results, the analyses beside them).
Killed in the ordinary way, the build takes them down with it; killed outright (SIGKILL, the
kernel's out-of-memory killer), it leaves them waiting for work on a queue nobody writes to,
each holding its share of the build's memory.  :func:`follow_parent` is each pool's
initializer: a daemon thread in the worker watches its parent and ends the worker once the
parent is gone (the worker is then the child of another process).
"""

from __future__ import annotations

import os
import threading
import time

CHECK_EVERY = 0.5  # seconds between two looks at the parent


def follow_parent() -> None:
    """In a freshly started worker: end it as soon as the process that started it is gone."""
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent,), name="follow-parent", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(CHECK_EVERY)
    os._exit(1)  # the build is gone: nothing of this worker's is wanted
