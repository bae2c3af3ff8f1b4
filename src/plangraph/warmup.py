"""The named listings answered ahead, while a large graph's kept store is being loaded.

A graph large enough to be kept as an on-disk store (``store.kept_store``) is loaded once,
by the first query on it; that load already takes a while (seconds per hundred plans).  Right
after it, every named query that needs no parameter is evaluated with its defaults and its
rows kept beside the store (``answers.py``), and the full-text index of ``search-tasks`` is
built (``search.py``), two at a time (Oxigraph evaluates outside Python's lock).  So a user's
first ``plangraph query targets`` reads its page from the kept answer like every later run,
instead of evaluating 20,000 targets (seconds to a minute on 1,000 plans).

Left out: the queries whose answer grows with the square of the corpus unscoped
(:data:`QUADRATIC`), which a user scopes to a plan.  The rows and their order are the
engine's own (the same evaluation, kept earlier); a warm-up that fails or is interrupted
leaves answers to be computed when asked, as before.  Measured on 1,000 generated plans
(6.5 M triples): 18 answers in 105 s of CPU and the search index in 60 s, paid once per graph
file on top of the load; ``PLANGRAPH_WARM=off`` skips it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import PlangraphError

if TYPE_CHECKING:
    from .sparql import Binding

__all__ = ["QUADRATIC", "WIDER", "default_jobs", "warm", "wider_jobs"]

# every pair of tasks sharing themes or places: quadratic unscoped, scoped to a plan in use
QUADRATIC = frozenset({"shared-task-pairs"})
WORKERS = 2  # queries evaluated at once
# answers with parameters given, kept too: the wider answers that scoped questions are read
# from (sparql/derived.py) and the fixed values of a parameter that lists something else
# than a match (indicator "": the indicators of two or more regions)
WIDER: tuple[tuple[str, dict[str, str]], ...] = (
    ("targets-due-by", {}),
    ("shared-themes", {}),
    ("shared-themes", {"strength": "main"}),
    ("tasks-naming-agency", {}),
    ("tasks-naming-place", {}),
    ("indicator-across-regions", {}),
)


def default_jobs(
    store: ox.Store, graph: Path | None = None
) -> list[tuple[str, Callable[[], object]]]:
    """(name, work) for each answer computed ahead: each named query without a required
    parameter, as ``plangraph query NAME`` runs it, and the search index of ``graph``."""
    from .errors import QueryError
    from .sparql import named_bindings, named_queries, run

    jobs: list[tuple[str, Callable[[], object]]] = []
    for name, named in named_queries().items():
        if name in QUADRATIC:
            continue
        try:  # as ``plangraph query NAME`` binds them (api.query)
            source, text, bindings = named.source, named.text, named_bindings(named, {})
        except QueryError:  # a parameter it requires
            continue

        def evaluate(
            text: str = text, bindings: dict[str, Binding] = bindings, source: str = source
        ) -> object:
            return run(store, text, bindings, source, limit=1)

        jobs.append((name, evaluate))
    if graph is not None:

        def index() -> object:
            from .search import open_index

            open_index(graph, store).close()
            return None

        jobs.append(("search-tasks", index))
    return jobs


def wider_jobs(store: ox.Store) -> list[tuple[str, Callable[[], object]]]:
    """(label, work) for the answers of :data:`WIDER` and the task-pair table of
    ``shared-task-pairs`` (``sparql/pairs.py``)."""
    from . import answers
    from .sparql import derived, named_bindings, named_queries, pairs, portable_text, run

    done = set()  # the texts the default jobs already answer
    for every in named_queries().values():
        try:
            done.add(portable_text(every.text, named_bindings(every, {}), every.source))
        except PlangraphError:
            continue
    jobs: list[tuple[str, Callable[[], object]]] = []
    for name, params in WIDER:
        named = named_queries().get(name)
        wider = derived.wider_query(name, params)
        if named is None or wider is None:
            continue
        text, bindings = wider
        if portable_text(text, bindings, named.source) in done:
            continue
        label = " ".join([name, "(wider)", *(f"{k}={v}" for k, v in params.items())])

        def evaluate(
            text: str = text,
            bindings: dict[str, Binding] = bindings,
            source: str = named.source,
        ) -> object:
            return run(store, text, bindings, source, limit=1)

        jobs.append((label, evaluate))
    kept, graph = answers.answers_file(store), answers.graph_of(store)
    if kept is not None and graph is not None:

        def table(kept: Path = kept, graph: str = graph) -> object:
            return pairs.build(store, kept.with_name(pairs.FILE_NAME), graph)

        jobs.append((f"{pairs.NAME} table", table))
    return jobs


def warm(
    store: ox.Store,
    graph: Path | None = None,
    *,
    workers: int = WORKERS,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[str]:
    """Compute the default answers on a kept ``store`` (registered with ``answers``) and
    the search index of ``graph``; the names done, in order.  Failures are skipped."""
    from .answers import answers_file

    jobs = default_jobs(store, graph)
    if answers_file(store) is not None:  # only a kept store keeps the wider answers
        jobs += wider_jobs(store)
    done: list[str] = []

    def attempt(job: tuple[str, Callable[[], object]]) -> str | None:
        name, work = job
        try:
            work()
        except (PlangraphError, OSError, RuntimeError, ValueError) as error:
            print(f"plangraph: {name} not answered ahead: {error}", file=sys.stderr)
            return None
        return name

    report = progress or (lambda stage, done, total: None)
    report("answer", 0, len(jobs))
    with ThreadPoolExecutor(max(1, workers)) as pool:
        for n, name in enumerate(pool.map(attempt, jobs), start=1):
            if name is not None:
                done.append(name)
            report("answer", n, len(jobs))
    return done
