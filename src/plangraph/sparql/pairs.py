"""``shared-task-pairs`` for one plan, answered from a small table kept beside the store.

Evaluated in SPARQL, one plan's pairs are a join of its ~20 tasks with every task of another
region that shares a theme or place (a frequent theme is held by 8,000 of 21,000 tasks on
1,000 plans): about 200,000 rows, each looked up on disk, 21 s of CPU.  The same answer is
a count over posting lists: for each task of the plan, each theme it has and place it names
lists the tasks that share it.  So the first scoped question on a kept store writes a table
of the tasks (plan, number, title, regions) and each theme's and place's tasks
(``pairs.sqlite`` beside the store, a few seconds, or ahead in ``warmup.py``), and every
plan's pairs are then counted in Python in tens of milliseconds, with the page's rows
written as the query writes them.  The rows and their order are those of
``queries/shared-task-pairs.rq`` (tests/test_pairs.py compares both on the seed for every
plan); unscoped (``plan`` empty) the query is evaluated as before.

The table is only used when the graph has the shape the count relies on (every task with
one number, one label and one plan identifier, integer numbers); otherwise the query is
evaluated.
"""

from __future__ import annotations

import json
import marshal
import os
import sqlite3
import time
from array import array
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import answers
from ..graph import PREFIXES
from ..results import QueryResult, _json_term
from .named import named_queries
from .params import Binding

__all__ = ["FILE_NAME", "NAME", "build", "page"]

NAME = "shared-task-pairs"
FILE_NAME = "pairs.sqlite"
SCHEMA = 2
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
VARIABLES = [
    "plan_a",
    "task_a",
    "title_a",
    "plan_b",
    "task_b",
    "title_b",
    "themes",
    "places",
    "shared",
]

# the tasks of plans that cover a region: what each side of a pair is
_TASKS = """
SELECT ?t ?plan_id ?task ?title ?r WHERE {
  ?t a pg:Task ; pg:inPlan ?p .
  ?p pg:coversRegion ?r .
  OPTIONAL { ?p pg:identifier ?plan_id }
  OPTIONAL { ?t pg:ordinal ?task }
  OPTIONAL { ?t rdfs:label ?title }
}
"""
# (the left task's side) what a task addresses: its themes, the places it names
_THEMES = "SELECT ?t ?x WHERE { ?t pg:hasTheme ?x }"
_MENTIONS = "SELECT ?t ?x WHERE { ?t pg:mentions ?x ; a pg:Task }"
_PLACES = "SELECT ?x WHERE { ?x a pg:Place }"
_EVERY_TASK = "SELECT ?t WHERE { ?t a pg:Task }"
_NAMES = """
SELECT ?x ?name WHERE {
  { SELECT DISTINCT ?x WHERE { { ?t pg:hasTheme ?x } UNION { ?t pg:mentions ?x . ?x a pg:Place } } }
  OPTIONAL { ?x skos:prefLabel|rdfs:label ?name FILTER (LANG(?name) = "zh") }
}
"""


def _select(store: ox.Store, text: str) -> list[Any]:
    solutions = store.query(text, prefixes=PREFIXES)
    assert isinstance(solutions, ox.QuerySolutions)
    return list(solutions)


def build(store: ox.Store, path: Path, graph: str) -> bool:
    """Write the table of ``store`` (holding the graph whose SHA-256 is ``graph``) to
    ``path``; False when the graph lacks the shape the count relies on (nothing written)."""
    tasks: dict[str, int] = {}
    iris: list[str] = []
    plans: list[str] = []
    numbers: list[int] = []
    regions: list[list[str]] = []
    terms: list[str] = []
    seen: dict[str, tuple[Any, Any, Any]] = {}
    for row in _select(store, _TASKS):
        t, plan, number, title, region = (row[k] for k in ("t", "plan_id", "task", "title", "r"))
        if plan is None or number is None or title is None or not isinstance(plan, ox.Literal):
            return False
        if plan.language or plan.datatype.value != _XSD_STRING:
            return False  # the query compares identifiers as terms: plain strings only
        if not isinstance(number, ox.Literal) or number.datatype.value != _XSD_INTEGER:
            return False
        if t.value in seen:
            if seen[t.value] != (plan, number, title):
                return False  # two numbers, labels or plans: rows the count does not give
            regions[tasks[t.value]].append(region.value)
            continue
        seen[t.value] = (plan, number, title)
        tasks[t.value] = len(iris)
        iris.append(t.value)
        plans.append(plan.value)
        numbers.append(int(number.value))
        regions.append([region.value])
        terms.append(
            json.dumps(
                [_json_term(plan), _json_term(number), _json_term(title)], ensure_ascii=False
            )
        )
    region_ids: dict[str, int] = {}
    region_sets = [
        tuple(sorted({region_ids.setdefault(r, len(region_ids)) for r in found}))
        for found in regions
    ]
    # the order of (plan, number): a dense rank, ties told apart by the task's IRI
    order = sorted({(plans[i], numbers[i]) for i in range(len(iris))})
    rank_of = {key: n for n, key in enumerate(order)}
    ranks = [rank_of[(plans[i], numbers[i])] for i in range(len(iris))]

    places = {row["x"].value for row in _select(store, _PLACES)}
    every_task = {row["t"].value for row in _select(store, _EVERY_TASK)}
    features: dict[str, int] = {}
    right: dict[str, set[int]] = {}  # feature IRI -> the right tasks that share it
    own: dict[int, set[tuple[int, int]]] = {}  # left task -> (feature, 0 theme / 1 place)
    for row in _select(store, _THEMES):
        subject, x = row["t"].value, row["x"]
        number = tasks.get(subject)
        if number is None:
            if subject not in every_task:
                return False  # a theme on something else than a task: not counted here
            continue  # a task of a plan without a region: never on either side
        if not isinstance(x, ox.NamedNode):
            return False
        own.setdefault(number, set()).add((features.setdefault(x.value, len(features)), 0))
        right.setdefault(x.value, set()).add(number)
    for row in _select(store, _MENTIONS):
        number = tasks.get(row["t"].value)
        x = row["x"]
        if number is None or not isinstance(x, ox.NamedNode):
            continue
        if x.value in places:
            own.setdefault(number, set()).add((features.setdefault(x.value, len(features)), 1))
        right.setdefault(x.value, set()).add(number)
    postings = {features[iri]: right.get(iri, set()) for iri in features}
    names: dict[int, set[str]] = {}
    for row in _select(store, _NAMES):
        x = row["x"]
        if x is None or x.value not in features:
            continue
        found = names.setdefault(features[x.value], set())
        if row["name"] is not None:
            found.add(row["name"].value)
    for feature_iri, feature in features.items():
        if not names.get(feature):
            names[feature] = {feature_iri.partition("/theme/")[2]}

    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(building)
        try:
            with connection:
                connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)")
                connection.execute(
                    "CREATE TABLE task (id INTEGER PRIMARY KEY, plan TEXT NOT NULL, "
                    "own BLOB NOT NULL, terms TEXT NOT NULL)"
                )
                connection.execute("CREATE INDEX task_plan ON task (plan)")
                connection.execute(
                    "CREATE TABLE feature (id INTEGER PRIMARY KEY, names TEXT NOT NULL, "
                    "tasks BLOB NOT NULL)"
                )
                connection.executemany(
                    "INSERT INTO task VALUES (?, ?, ?, ?)",
                    (
                        (
                            i,
                            plans[i],
                            marshal.dumps(sorted(own.get(i, ()))),
                            terms[i],
                        )
                        for i in range(len(iris))
                    ),
                )
                connection.executemany(
                    "INSERT INTO feature VALUES (?, ?, ?)",
                    (
                        (
                            f,
                            json.dumps(sorted(names[f]), ensure_ascii=False),
                            array("i", sorted(postings.get(f, ()))).tobytes(),
                        )
                        for f in range(len(features))
                    ),
                )
                by_iri = sorted(range(len(iris)), key=iris.__getitem__)
                iri_ranks = [0] * len(iris)
                for n, i in enumerate(by_iri):
                    iri_ranks[i] = n
                everything = marshal.dumps((iri_ranks, ranks, region_sets))
                connection.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    (("schema", str(SCHEMA)), ("graph", graph), ("tasks", everything)),
                )
        finally:
            connection.close()
        building.replace(path)
    finally:
        building.unlink(missing_ok=True)
    return True


def page(
    store: ox.Store,
    kept: Path,
    text: str,
    bindings: Mapping[str, Binding],
    source: str,
    limit: int | None,
    offset: int,
) -> QueryResult | None:
    """One plan's task pairs from the table (built first when missing); None when the
    question is not one plan's pairs of the named query or the table cannot be had."""
    named = named_queries().get(NAME)
    if named is None or source != named.source or text != named.text:
        return None
    plan, least = bindings.get("plan"), bindings.get("min_shared")
    if not isinstance(plan, ox.Literal) or not plan.value or plan.language:
        return None
    if plan.datatype.value != _XSD_STRING:
        return None
    if not isinstance(least, ox.Literal) or least.datatype.value != _XSD_INTEGER:
        return None
    started = time.perf_counter()
    path = kept.with_name(FILE_NAME)
    graph = answers.graph_of(store)
    if graph is None:
        return None
    try:
        connection = _open(path, graph)
        if connection is None:
            with answers.WRITING_LOCK:
                connection = _open(path, graph)
                if connection is None:
                    if not build(store, path, graph):
                        return None
                    connection = _open(path, graph)
        if connection is None:
            return None
        try:
            found = _pairs(connection, plan.value, int(least.value))
            total = len(found)
            end = None if limit is None else offset + limit
            rows = _rows(connection, found[offset:end])
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError, EOFError, TypeError):
        return None
    return QueryResult.page(
        list(VARIABLES),
        [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows],
        total,
        offset,
        limit,
        time.perf_counter() - started,
    )


def _open(path: Path, graph: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta WHERE key != 'tasks'"))
        if meta.get("schema") == str(SCHEMA) and meta.get("graph") == graph:
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


# one pair: (-(themes + places), rank of the left task, of the right, rank of their IRIs,
# the left and right task numbers in the table, themes, places, the left task's features)
Pair = tuple[int, int, int, int, int, int, int, int, int, tuple[int, ...]]


def _pairs(connection: sqlite3.Connection, plan: str, least: int) -> list[Pair]:
    """Every pair of the plan's tasks with tasks of other regions sharing at least ``least``
    themes and places, in the query's order."""
    (everything,) = connection.execute("SELECT value FROM meta WHERE key = 'tasks'").fetchone()
    iri_ranks, ranks, regions = marshal.loads(everything)
    left = [
        (i, marshal.loads(own))
        for i, own in connection.execute(
            "SELECT id, own FROM task WHERE plan = ? ORDER BY id", (plan,)
        )
    ]
    wanted = sorted({feature for _, own in left for feature, _ in own})
    tasks_of: dict[int, array[int]] = {}
    for feature, blob in connection.execute(
        f"SELECT id, tasks FROM feature WHERE id IN ({','.join('?' * len(wanted))})", wanted
    ):
        found = array("i")
        found.frombytes(blob)
        tasks_of[feature] = found
    pairs: list[Pair] = []
    for a, own in left:
        shared: Counter[int] = Counter()  # themes and places
        places: Counter[int] = Counter()
        for feature, kind in own:
            shared.update(tasks_of.get(feature, ()))
            if kind:
                places.update(tasks_of.get(feature, ()))
        region_a = regions[a]
        lone_a = region_a[0] if len(region_a) == 1 else None
        features = tuple(feature for feature, _ in own)
        rank_a, iri_a = ranks[a], iri_ranks[a]
        for b in [b for b, count in shared.items() if count >= least]:
            count = shared[b]
            region_b = regions[b]
            if lone_a is not None and len(region_b) == 1 and region_b[0] == lone_a:
                continue  # the same region on both sides
            in_places = places.get(b, 0)
            pairs.append(
                (
                    -count,
                    rank_a,
                    ranks[b],
                    iri_a,
                    iri_ranks[b],
                    a,
                    b,
                    count - in_places,
                    in_places,
                    features,
                )
            )
    pairs.sort()  # (IRI ranks are unique: the first five fields decide)
    return pairs


def _rows(connection: sqlite3.Connection, pairs: list[Pair]) -> list[dict[str, Any]]:
    """The page's rows as SPARQL JSON bindings."""
    needed_tasks = sorted({n for pair in pairs for n in (pair[5], pair[6])})
    needed_features = sorted({f for pair in pairs for f in pair[9]})
    members = {
        feature: set(array("i", blob))
        for feature, blob in connection.execute(
            f"SELECT id, tasks FROM feature WHERE id IN ({','.join('?' * len(needed_features))})",
            needed_features,
        )
    }
    terms = dict(
        connection.execute(
            f"SELECT id, terms FROM task WHERE id IN ({','.join('?' * len(needed_tasks))})",
            needed_tasks,
        )
    )
    names = dict(
        connection.execute(
            f"SELECT id, names FROM feature WHERE id IN ({','.join('?' * len(needed_features))})",
            needed_features,
        )
    )
    rows = []
    for pair in pairs:
        plan_a, task_a, title_a = json.loads(terms[pair[5]])
        plan_b, task_b, title_b = json.loads(terms[pair[6]])
        shared = sorted(
            {name for f in pair[9] if pair[6] in members[f] for name in json.loads(names[f])}
        )
        rows.append(
            {
                "plan_a": plan_a,
                "task_a": task_a,
                "title_a": title_a,
                "plan_b": plan_b,
                "task_b": task_b,
                "title_b": title_b,
                "themes": {"type": "literal", "value": str(pair[7]), "datatype": _XSD_INTEGER},
                "places": {"type": "literal", "value": str(pair[8]), "datatype": _XSD_INTEGER},
                "shared": {"type": "literal", "value": "; ".join(shared)},
            }
        )
    return rows
