"""Hostile graphs and queries: refused with one line before Oxigraph spends memory, stack or
network on them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph.errors import GraphError, QueryError
from plangraph.sparql import run
from plangraph.store import load_store

RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/"'


def _laughs(levels: int) -> str:
    entities = '<!ENTITY a0 "laugh">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, levels + 1)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [{entities}]>\n<rdf:RDF {RDF}>'
        f'<rdf:Description rdf:about="http://ex/s"><ex:p>&a{levels};</ex:p>'
        "</rdf:Description></rdf:RDF>\n"
    )


def test_billion_laughs_in_an_rdf_xml_graph_is_refused_before_loading(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text(_laughs(8), encoding="utf-8")  # 5 x 10^8 characters
    with pytest.raises(GraphError) as info:
        load_store(path)
    assert str(info.value) == (
        f"{path}: the RDF/XML's entities expand to over 10,000,000 characters (nested "
        "entities, a 'billion laughs'?); expected an RDF/XML graph"
    )


def test_rdf_xml_with_small_entities_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "small.xml"
    path.write_text(_laughs(3), encoding="utf-8")  # 5,000 characters: fine
    store = load_store(path)
    assert len(store) == 1


def _store(tmp_path: Path) -> ox.Store:
    path = tmp_path / "g.ttl"
    path.write_text("<http://ex/s> <http://ex/p> <http://ex/o> .\n", encoding="utf-8")
    return load_store(path)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
        "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "true" + ")" * 5000 + ") }",
        "SELECT * WHERE { ?s ?p " + "[ <http://ex/p> " * 300 + "1" + " ]" * 300 + " }",
    ],
)
def test_deep_nesting_is_refused_before_oxigraph_parses_it(tmp_path: Path, text: str) -> None:
    with pytest.raises(QueryError) as info:
        run(_store(tmp_path), text, source="deep.rq")
    assert str(info.value) == (
        "deep.rq: the query nests groups or expressions over 200 levels deep; "
        "expected a flatter query"
    )


def test_a_query_nested_a_little_still_runs(tmp_path: Path) -> None:
    text = "SELECT * WHERE " + "{" * 50 + " ?s ?p ?o " + "}" * 50
    assert run(_store(tmp_path), text).rows == [
        {"s": "http://ex/s", "p": "http://ex/p", "o": "http://ex/o"}
    ]


def test_service_is_refused_and_no_request_is_made(tmp_path: Path) -> None:
    text = "SELECT * { SERVICE <http://127.0.0.1:9/ssrf> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match=r"^q: SERVICE \(a federated query to another endpoint"):
        run(_store(tmp_path), text, source="q")
    # the word in a string, an IRI or a comment is no call
    quiet = 'SELECT * { ?s ?p ?o # SERVICE\n FILTER(?o != "SERVICE" && ?p != <http://ex/SERVICE>) }'
    assert len(run(_store(tmp_path), quiet).rows) == 1
