"""Scoped named queries on a kept store answered without evaluating them: read from a wider
kept answer (``sparql/derived.py``: shared-themes for one theme, targets-due-by a year) or
counted from the task-pair table (``sparql/pairs.py``: shared-task-pairs for one plan).
Every value compared with Oxigraph evaluating the query itself on the seed, row for row, in
order, with the same totals, pages included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph import answers, warmup
from plangraph import store as st
from plangraph.sparql import derived, get_query, named_bindings, pairs, portable_text, run

PLANS = ("gba-2025", "jjj-2025", "yrd-2025")


@pytest.fixture
def kept(graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ox.Store:
    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)  # keep even the seed's graph
    monkeypatch.setattr(answers, "MIN_SECONDS", 0.0)  # keep even the quick answers
    return st.open_store(graph)  # loaded now: warmed up


def _both(
    name: str, params: dict[str, str], kept: ox.Store, seed_store: ox.Store, **paging: int
) -> tuple[object, object]:
    named = get_query(name)
    bindings = named_bindings(named, params)
    expected = run(seed_store, named.text, bindings, named.source, **paging)  # type: ignore[arg-type]
    found = run(kept, named.text, bindings, named.source, **paging)  # type: ignore[arg-type]
    return expected, found


def _kept_file(kept: ox.Store) -> Path:
    path = answers.answers_file(kept)
    assert path is not None
    return path


def test_the_seed_has_what_the_comparisons_need(seed_store: ox.Store) -> None:
    ids = {
        s["id"].value
        for s in seed_store.query(
            "PREFIX pg: <https://w3id.org/plangraph/ontology#> "
            "SELECT ?id { ?p a pg:Plan ; pg:identifier ?id }"
        )  # type: ignore[union-attr]
    }
    assert ids == set(PLANS)


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("least", ["1", "2", "3", "6"])
def test_one_plans_task_pairs_are_the_querys(
    plan: str, least: str, kept: ox.Store, seed_store: ox.Store
) -> None:
    params = {"plan": plan, "min_shared": least}
    expected, found = _both("shared-task-pairs", params, kept, seed_store)
    assert bool(found.rows) == (least != "6"), (plan, least)  # type: ignore[attr-defined]
    assert found.bindings == expected.bindings  # type: ignore[attr-defined]
    assert found.variables == expected.variables  # type: ignore[attr-defined]
    # pages: the same rows and the same total
    expected, found = _both("shared-task-pairs", params, kept, seed_store, limit=7, offset=3)
    assert found.bindings == expected.bindings  # type: ignore[attr-defined]
    assert found.total == expected.total  # type: ignore[attr-defined]
    assert (kept_table := _kept_file(kept).with_name(pairs.FILE_NAME)).is_file(), kept_table


def test_the_pairs_come_from_the_table(kept: ox.Store) -> None:
    named = get_query("shared-task-pairs")
    bindings = named_bindings(named, {"plan": "yrd-2025"})
    found = pairs.page(kept, _kept_file(kept), named.text, bindings, named.source, 5, 0)
    assert found is not None and found.total and len(found.rows) == 5
    # a plan the graph does not hold has no pairs; unscoped, the query is evaluated
    none = named_bindings(named, {"plan": "xx-2025"})
    assert pairs.page(kept, _kept_file(kept), named.text, none, named.source, 5, 0).total == 0  # type: ignore[union-attr]
    unscoped = named_bindings(named, {})
    assert pairs.page(kept, _kept_file(kept), named.text, unscoped, named.source, 5, 0) is None
    # another text (a user's copy of the file) is evaluated too
    assert (
        pairs.page(kept, _kept_file(kept), named.text + " ", bindings, named.source, 5, 0) is None
    )


def _labels(seed_store: ox.Store) -> list[str]:
    """Every label and identifier of a theme that every region addresses, and one that
    no region shares."""
    query = """
    PREFIX pg: <https://w3id.org/plangraph/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?l { { ?t a pg:Theme ; skos:prefLabel|skos:altLabel ?l } UNION
                        { ?t a pg:Theme BIND (STRAFTER(STR(?t), "/theme/") AS ?l) } }"""
    return sorted({s["l"].value for s in seed_store.query(query)})  # type: ignore[union-attr]


def test_one_themes_rows_are_the_querys(kept: ox.Store, seed_store: ox.Store) -> None:
    labels = _labels(seed_store)
    assert "生物多样性" in labels and len(labels) > 30
    nonempty = 0
    for label in [*labels, "no such theme"]:
        for strength in ("", "main"):
            params = {"theme": label, "strength": strength}
            expected, found = _both("shared-themes", params, kept, seed_store, limit=4, offset=1)
            assert found.bindings == expected.bindings, params  # type: ignore[attr-defined]
            assert found.total == expected.total, params  # type: ignore[attr-defined]
            nonempty += bool(expected.total)  # type: ignore[attr-defined]
    assert nonempty > 10
    # read from the wider answer, not evaluated
    named = get_query("shared-themes")
    bindings = named_bindings(named, {"theme": "生物多样性"})
    found = derived.page(kept, _kept_file(kept), named.text, bindings, named.source, None, 0)
    assert found is not None and found.rows
    assert {row["theme_label"] for row in found.rows} == {"生物多样性"}


@pytest.mark.parametrize("year", ["2020", "2024", "2025", "2026", "2027", "2028", "2030", "2035"])
def test_targets_due_by_a_year_are_the_querys(
    year: str, kept: ox.Store, seed_store: ox.Store
) -> None:
    expected, found = _both("targets-due-by", {"year": year}, kept, seed_store)
    assert found.bindings == expected.bindings  # type: ignore[attr-defined]
    expected, found = _both("targets-due-by", {"year": year}, kept, seed_store, limit=3, offset=2)
    assert found.bindings == expected.bindings  # type: ignore[attr-defined]
    assert found.total == expected.total  # type: ignore[attr-defined]


def test_the_default_year_is_read_from_the_wider_answer(kept: ox.Store) -> None:
    named = get_query("targets-due-by")
    bindings = named_bindings(named, {})
    found = derived.page(kept, _kept_file(kept), named.text, bindings, named.source, 2, 0)
    assert found is not None and found.total and len(found.rows) == 2
    assert all(int(str(row["target_year"])) <= 2027 for row in found.rows)


def test_without_the_wider_answer_the_query_is_evaluated(
    graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_store: ox.Store
) -> None:
    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)
    monkeypatch.setattr(st, "WARM", False)
    cold = st.open_store(graph)
    named = get_query("shared-themes")
    bindings = named_bindings(named, {"theme": "生物多样性"})
    assert derived.page(cold, _kept_file(cold), named.text, bindings, named.source, 2, 0) is None
    expected, found = _both("shared-themes", {"theme": "生物多样性"}, cold, seed_store)
    assert found.bindings == expected.bindings  # type: ignore[attr-defined]


def test_the_wider_answers_are_kept_ahead_with_their_facets(kept: ox.Store) -> None:
    path = _kept_file(kept)
    with sqlite3.connect(path) as connection:
        names = {name for (name,) in connection.execute("SELECT DISTINCT name FROM facet")}
    connection.close()
    assert names == {"theme_iri", "target_year", "agency_iri", "place_iri", "ind"}
    jobs = [name for name, _ in warmup.wider_jobs(kept)]
    assert jobs == ["shared-task-pairs table"]
    # the default answers of the derived queries were read from the wider ones, and
    # shared-themes' rows for strength "main" from its default rows
    named = get_query("shared-themes")
    main = named_bindings(named, {"strength": "main"})
    key = answers.key(kept, portable_text(named.text, main, named.source))
    assert answers.page(path, key, 0, None) is not None


def _values(seed_store: ox.Store, text: str) -> list[str]:
    prefixes = (
        "PREFIX pg: <https://w3id.org/plangraph/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    )
    return sorted({s["v"].value for s in seed_store.query(prefixes + text)})  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "param", "text"),
    [
        (
            "tasks-naming-agency",
            "agency",
            "SELECT ?v { ?a a pg:Agency ; rdfs:label|skos:altLabel ?v }",
        ),
        (
            "tasks-naming-place",
            "place",
            "SELECT ?v { ?t a pg:Task ; pg:mentions ?a . ?a a pg:Place ; "
            "rdfs:label|skos:altLabel ?v }",
        ),
        (
            "indicator-across-regions",
            "indicator",
            "SELECT ?v { ?a a pg:Indicator ; rdfs:label ?v }",
        ),
    ],
)
def test_each_named_thing_gives_the_querys_rows(
    name: str, param: str, text: str, kept: ox.Store, seed_store: ox.Store
) -> None:
    """Every agency, place (each of its names) and indicator of the seed, and the values
    that are not names but match (parts of an indicator's label, "" for the indicators of
    two regions): read from the wider answer, the same as evaluated."""
    values = _values(seed_store, text)
    extra = ["", "PM", "pm2.5", "比例", "no such thing"] if name.startswith("indicator") else []
    assert len(values) > 5
    nonempty = 0
    for value in [*values, *extra, "no such thing"]:
        expected, found = _both(name, {param: value}, kept, seed_store, limit=5, offset=1)
        assert found.bindings == expected.bindings, value  # type: ignore[attr-defined]
        assert found.total == expected.total, value  # type: ignore[attr-defined]
        assert found.variables == expected.variables  # type: ignore[attr-defined]
        nonempty += bool(expected.total)  # type: ignore[attr-defined]
    assert nonempty >= 5
    named = get_query(name)
    bindings = named_bindings(named, {param: values[0]})
    found = derived.page(kept, _kept_file(kept), named.text, bindings, named.source, None, 0)
    assert found is not None, "read from the wider answer"


def test_a_table_of_another_graph_is_not_read(kept: ox.Store, tmp_path: Path) -> None:
    named = get_query("shared-task-pairs")
    bindings = named_bindings(named, {"plan": "yrd-2025"})
    path = _kept_file(kept).with_name(pairs.FILE_NAME)
    assert pairs.page(kept, _kept_file(kept), named.text, bindings, named.source, 1, 0)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = 'other' WHERE key = 'graph'")
    connection.close()
    # rebuilt for this graph, the same rows
    again = pairs.page(kept, _kept_file(kept), named.text, bindings, named.source, 1, 0)
    assert again is not None and again.total
    with sqlite3.connect(path) as connection:
        (graph,) = connection.execute("SELECT value FROM meta WHERE key = 'graph'").fetchone()
    connection.close()
    assert graph == answers.graph_of(kept)
    assert again.variables == pairs.VARIABLES


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"plan": "jjj-2025"},
        {"plan": "gba-2025", "grade": "SameMatter"},
        {"grade": "PartialOverlap"},
    ],
)
def test_the_crosswalk_gives_the_same_rows_in_the_same_order_on_rdflib(
    params: dict[str, str], seed_graph_file: Path, seed_store: ox.Store
) -> None:
    """task-crosswalk.rq looks the tasks up from the alignments (rewritten for Oxigraph:
    2 s on 1,000 plans without a single alignment, now 3 ms)."""
    import rdflib

    from plangraph import api

    graph = rdflib.Graph()
    graph.parse(seed_graph_file, format="turtle")
    ours = api.query("task-crosswalk", seed_store, **params)
    assert len(ours) > 0
    theirs = graph.query(api.query_text("task-crosswalk", **params))

    def plain(term: object) -> str | None:
        return None if term is None else str(term)

    expected = [tuple(plain(row.get(v)) for v in ours.variables) for row in ours.rows]
    found = [tuple(plain(row[v]) for v in ours.variables) for row in theirs]  # type: ignore[index]
    assert found == expected
