"""The named listings answered ahead, while a large graph's kept store is being loaded.

A graph large enough to be kept as an on-disk store (``store.kept_store``) is loaded once,
by the first query on it; that load already takes a while (seconds per hundred plans).  Right
after it, every named query that needs no parameter is evaluated with its defaults and its
rows kept beside the store (``answers.py``), and the full-text index of ``search-tasks`` is
built (``search.py``), two at a time (Oxigraph evaluates outside Python's lock).  So a user's
first ``plangraph query targets`` reads its page from the kept answer like every later run,
instead of evaluating 20,000 targets (seconds to a minute on 1,000 plans).  The command
that loaded the store (``plangraph query``) shows its own answer first and answers the
listings ahead after it (``store.DEFER_WARM``, ``store.answer_ahead``); the API and the
other commands answer them ahead while opening the store.

Queries whose scoped answers are read from a wider one (``sparql/derived.py``: every
year, theme, place, agency or indicator) have that wider answer computed instead of their
default, and their default rows read from it; the task-pair table that answers
``shared-task-pairs`` for one plan is written too (``sparql/pairs.py``).  The longest jobs
start first (:data:`LONGEST`).

Left out: the queries whose answer grows with the square of the corpus unscoped
(:data:`QUADRATIC`), which a user scopes to a plan.  The rows and their order are the
engine's own (the same evaluation, kept earlier); a warm-up that fails or is interrupted
leaves answers to be computed when asked, as before.  Measured on 1,000 generated plans
(6.5 M triples, one job at a time, CPU): the search index 28 s (9 s of it the SPARQL),
shared-themes 12 s, targets 10 s, the wider answers of targets-due-by 9 s,
indicator-across-regions 8 s and tasks-naming-place 7 s, target-source 6 s, the task-pair
table 3 s, the other listings 13 s together; paid once per graph file on top of the load;
``PLANGRAPH_WARM=off`` skips it.
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

__all__ = ["LONGEST", "QUADRATIC", "default_jobs", "warm", "wider_jobs"]

# every pair of tasks sharing themes or places: quadratic unscoped, scoped to a plan in use
QUADRATIC = frozenset({"shared-task-pairs"})
WORKERS = 2  # queries evaluated at once
# the longest first (CPU seconds on 1,000 generated plans), so that the two workers finish
# together instead of one building the search index alone at the end
LONGEST = (
    "search-tasks",  # 29 s
    "shared-themes",  # 12 s, and its rows for strength "main"
    "targets",  # 10 s
    "targets-due-by",  # 9 s (every year)
    "indicator-across-regions",  # 8 s (every indicator)
    "tasks-naming-place",  # 7 s (every place)
    "target-source",  # 6 s
    "shared-task-pairs table",  # 3 s
    "cross-region-places",  # 3 s
)


def default_jobs(
    store: ox.Store, graph: Path | None = None
) -> list[tuple[str, Callable[[], object]]]:
    """(name, work) for each answer computed ahead: each named query without a required
    parameter, as ``plangraph query NAME`` runs it, and the search index of ``graph``.

    On a kept store, a query whose scoped answers are read from a wider one
    (``sparql/derived.py``) has that wider answer computed instead, and its default rows
    kept as read from it; ``shared-themes`` also keeps its rows for ``strength=main``, read
    from its default rows."""
    from .answers import answers_file
    from .errors import QueryError
    from .sparql import derived, named_bindings, named_queries, portable_text, run

    kept = answers_file(store)
    jobs: list[tuple[str, Callable[[], object]]] = []
    for name, named in named_queries().items():
        if name in QUADRATIC:
            continue
        try:  # as ``plangraph query NAME`` binds them (api.query)
            source, text, bindings = named.source, named.text, named_bindings(named, {})
        except QueryError:  # a parameter it requires
            continue
        wider = derived.wider_query(name, {}) if kept is not None else None
        if wider is not None and portable_text(*wider, source) == portable_text(
            text, bindings, source
        ):
            wider = None  # the default answer is the wider one

        def evaluate(
            text: str = text,
            bindings: dict[str, Binding] = bindings,
            source: str = source,
            wider: tuple[str, dict[str, Binding]] | None = wider,
            name: str = name,
        ) -> object:
            if wider is None:
                run(store, text, bindings, source, limit=1)
            else:
                run(store, *wider, source, limit=1)
                _keep_as_read(store, text, bindings, source)
            if name == "shared-themes" and kept is not None:
                _keep_main_themes(store, kept)
            return None

        jobs.append((name, evaluate))
    if graph is not None:

        def index() -> object:
            from .search import open_index

            open_index(graph, store).close()
            return None

        jobs.append(("search-tasks", index))
    return jobs


def _keep_as_read(store: ox.Store, text: str, bindings: dict[str, Binding], source: str) -> None:
    """Keep the answer of ``text`` as it reads now (from a kept wider answer)."""
    import json

    from . import answers
    from .sparql import derived, portable_text, run

    kept = answers.answers_file(store)
    if kept is None:
        return
    result = run(store, text, bindings, source)
    rows = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in result.bindings]
    key = answers.key(store, portable_text(text, bindings, source))
    answers.keep(kept, key, result.variables, rows, derived.facets_of(source, text))


# the themes that a task of every region with a plan has as its main matter: shared-themes
# with strength "main" keeps the rows of these themes (its FILTER, on the themes alone)
_MAIN_THEMES = """
SELECT ?theme_iri WHERE {
  { SELECT (COUNT(DISTINCT ?any_region) AS ?regions) WHERE { ?a_plan pg:coversRegion ?any_region } }
  { SELECT ?theme_iri (COUNT(DISTINCT ?main_region) AS ?main_regions)
    WHERE { ?main_task pg:hasMainTheme ?theme_iri ; pg:inPlan/pg:coversRegion ?main_region }
    GROUP BY ?theme_iri }
  FILTER (?main_regions = ?regions)
}
"""


def _keep_main_themes(store: ox.Store, kept: Path) -> None:
    """Keep shared-themes' rows for strength "main", read from its default rows (kept)."""
    from . import answers
    from .graph import PREFIXES
    from .sparql import get_query, named_bindings, portable_text

    named = get_query("shared-themes")
    everything = portable_text(named.text, named_bindings(named, {}), named.source)
    params = {"strength": "main"}
    main = portable_text(named.text, named_bindings(named, params), named.source)
    solutions = store.query(_MAIN_THEMES, prefixes=PREFIXES)
    assert isinstance(solutions, ox.QuerySolutions)
    themes = sorted({s["theme_iri"].value for s in solutions if s["theme_iri"] is not None})
    found = answers.facet_page(kept, answers.key(store, everything), "theme_iri", themes, 0, None)
    if found is None:
        return
    variables, rows, _ = found
    answers.keep(kept, answers.key(store, main), variables, rows, ("theme_iri",))


def wider_jobs(store: ox.Store) -> list[tuple[str, Callable[[], object]]]:
    """(label, work) for what scoped questions are answered from besides the kept answers:
    the task-pair table of ``shared-task-pairs`` (``sparql/pairs.py``)."""
    from . import answers
    from .sparql import pairs

    jobs: list[tuple[str, Callable[[], object]]] = []
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
    rank = {name: n for n, name in enumerate(LONGEST)}
    jobs.sort(key=lambda job: rank.get(job[0], len(rank)))  # stable: the rest in name order
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
