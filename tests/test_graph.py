"""The RDF graph: the public contract, determinism, prefixes and round trips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic

from plangraph.graph import PG, task_iri
from plangraph.model import Corpus
from plangraph.read import read_text

PREFIX = "PREFIX pg: <https://w3id.org/plangraph/ontology#>\n"
PREFIX += "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def rows(graph: rdflib.Graph, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(v) for v in row) for row in graph.query(PREFIX + query))  # type: ignore[union-attr]


def test_plans_cover_their_regions(seed_graph: rdflib.Graph) -> None:
    found = rows(
        seed_graph,
        """SELECT ?plan ?region WHERE { ?p a pg:Plan ; rdfs:label ?plan ; pg:coversRegion ?r .
           ?r a pg:Region ; rdfs:label ?region FILTER(lang(?region) = "zh") }""",
    )
    assert found == [
        ("京津冀美丽中国先行区建设行动方案", "京津冀"),
        ("粤港澳大湾区美丽中国先行区建设行动方案", "粤港澳大湾区"),
        ("长三角美丽中国先行区建设行动方案", "长三角"),
    ]


def test_tasks_sections_and_ordinals(seed_graph: rdflib.Graph) -> None:
    counts = rows(
        seed_graph,
        """SELECT ?region (COUNT(DISTINCT ?s) AS ?sections) (COUNT(?t) AS ?tasks) WHERE {
             ?p pg:coversRegion/rdfs:label ?region ; pg:hasSection ?s . ?s pg:hasTask ?t .
             FILTER(lang(?region) = "zh") } GROUP BY ?region""",
    )
    assert counts == [("京津冀", "6", "22"), ("粤港澳大湾区", "7", "22"), ("长三角", "5", "22")]
    title = seed_graph.value(rdflib.URIRef(task_iri("jjj-2025", "15")), rdflib.RDFS.label)
    assert title == rdflib.Literal("“一核两翼”打造美丽新高地", lang="zh")
    ordinal = seed_graph.value(
        rdflib.URIRef(task_iri("yrd-2025", "21")), rdflib.URIRef(PG + "ordinal")
    )
    assert ordinal is not None and ordinal.toPython() == 21


def test_sentence_offsets_slice_the_plan_text(seed_graph: rdflib.Graph) -> None:
    result = seed_graph.query(
        PREFIX
        + """SELECT ?text ?start ?end ?plantext WHERE { ?s a pg:Sentence ; pg:text ?text ;
             pg:start ?start ; pg:end ?end ; pg:inPlan ?p . ?p pg:text ?plantext }"""
    )
    checked = 0
    for text, start, end, plan_text in result:  # type: ignore[misc]
        assert str(plan_text)[start.toPython() : end.toPython()] == str(text)
        checked += 1
    assert checked > 300


def test_co_issuing_agencies_and_approval(seed_graph: rdflib.Graph) -> None:
    found = rows(
        seed_graph,
        """SELECT DISTINCT ?name WHERE { ?p pg:issuedBy ?a . ?a rdfs:label ?name
           FILTER(lang(?name) = "zh") }""",
    )
    assert [n for (n,) in found] == sorted(
        [
            "生态环境部",
            "国家发展和改革委员会",
            "工业和信息化部",
            "财政部",
            "自然资源部",
            "住房和城乡建设部",
            "中国人民银行",
        ]
    )
    per_plan = rows(
        seed_graph, "SELECT ?p (COUNT(?a) AS ?n) WHERE { ?p pg:issuedBy ?a } GROUP BY ?p"
    )
    assert [n for _, n in per_plan] == ["7", "7", "7"]
    approved = rows(
        seed_graph,
        """SELECT DISTINCT ?name WHERE { ?p pg:approvedBy/rdfs:label ?name
           FILTER(lang(?name) = "zh") }""",
    )
    assert approved == [("国务院",)]


def test_turtle_is_deterministic_across_hash_seeds(tmp_path: Path, seed_turtle: bytes) -> None:
    script = "import sys; from plangraph.api import build; build(None, sys.argv[1])"
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env)
        outputs.append((out / "plangraph.ttl").read_bytes())
    assert outputs[0] == outputs[1] == seed_turtle


def test_only_used_prefixes_are_bound(seed_turtle: bytes) -> None:
    head = [line for line in seed_turtle.decode().splitlines() if line.startswith("@prefix")]
    names = {line.split()[1] for line in head}
    assert "pg:" in names and "rdfs:" in names
    assert not names & {"brick:", "schema:", "sosa:", "owl:", "foaf:"}
    body = seed_turtle.decode()
    for name in names:
        assert body.count(name) > 1, f"{name} is bound but unused"


def test_turtle_round_trips_through_two_parsers(seed_turtle: bytes) -> None:
    first = rdflib.Graph()
    first.parse(data=seed_turtle.decode(), format="turtle")
    store = ox.Store()
    store.load(seed_turtle, format=ox.RdfFormat.TURTLE)
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    second = rdflib.Graph()
    second.parse(data=nt.decode(), format="nt")  # type: ignore[union-attr]
    assert len(first) == len(store) > 1000
    assert isomorphic(first, second)
    assert not any(isinstance(t, rdflib.BNode) for triple in first for t in triple)


def test_task_iris_are_unique_where_numbering_restarts() -> None:
    from plangraph.graph import corpus_triples

    text = """某地区生态环境保护行动方案
一、重点任务
(一)强化大气治理。开展超低排放改造。
二、保障措施
(一)加强组织领导。压实责任。
"""
    plans = read_text(text, "restart.txt")
    triples = corpus_triples(Corpus(plans))
    tasks = {t.subject.value for t in triples if t.object == ox.NamedNode(PG + "Task")}
    assert len(tasks) == 2
    assert all(iri.rsplit("/", 1)[-1] in {"1-1", "2-1"} for iri in tasks)
