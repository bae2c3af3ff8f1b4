"""The runs' Turtle written in Python equals Oxigraph's serialization, term for term."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.graph import PREFIXES, Item, canonical_items, natural_key
from plangraph.turtle import (
    Run,
    Spool,
    _write,
    make_run,
    merge_around,
    merge_runs,
    merge_split,
    oxigraph_run,
)

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

PG = PREFIXES["pg"]
XSD = PREFIXES["xsd"]
RDF = PREFIXES["rdf"]
ID = "https://w3id.org/plangraph/id/"

# local names Oxigraph writes as they are, escapes (\-a, a\., a\~b) or writes whole
LOCALS = ["a", "A1", "1a", "a-b", "a.b", "a_b", "_a", "-a", "a.", "a~b", "a%20b", "中文", "a/b", ""]
LOCAL = st.sampled_from(LOCALS) | st.text(min_size=0, max_size=6)
PLAIN = st.sampled_from(["a", "A1", "1a", "a-b", "a.b", "a_b", "_a", "", "task/2", "中文"])
NAMESPACE = st.sampled_from([*PREFIXES.values(), ID, "http://example.org/"])


def valid_iri(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


IRI = st.builds(lambda ns, local: ns + local, NAMESPACE, LOCAL).filter(valid_iri)
# mostly IRIs the Python writer writes itself (one unsure term hands a run to Oxigraph)
USUAL_IRI = st.builds(lambda ns, local: ns + local, NAMESPACE, PLAIN).filter(valid_iri)
DATATYPE = st.sampled_from(
    [
        XSD + "string",
        XSD + "integer",
        XSD + "decimal",
        XSD + "boolean",
        XSD + "gYear",
        XSD + "date",
        XSD + "double",
        "http://example.org/type",
    ]
)
# literal texts: the forms bare numbers take, and any text with quotes and control characters
SPECIAL = st.sampled_from(list('\x00\x08\t\n\x0b\x0c\r\x1f\x7f"\\\u2028 a1.中“'))
TEXT = st.sampled_from(["1", "+1", "01", "1.0", ".5", "1.", "true", "1e3", "false", ""]) | st.text(
    alphabet=SPECIAL | st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
)
LITERAL = st.one_of(
    st.tuples(TEXT, DATATYPE, st.just("")),
    st.tuples(TEXT, st.just(RDF + "langString"), st.sampled_from(["zh", "en", "zh-hans"])),
)
USUAL_LITERAL = st.one_of(
    st.tuples(TEXT, st.sampled_from([XSD + "string", XSD + "decimal", XSD + "gYear"]), st.just("")),
    st.tuples(TEXT, st.just(RDF + "langString"), st.sampled_from(["zh", "en"])),
)


def items(
    iri: st.SearchStrategy[str], literal: st.SearchStrategy[tuple[str, str, str]] = LITERAL
) -> st.SearchStrategy[Item]:
    obj = st.one_of(st.tuples(iri), literal)
    predicate = st.sampled_from([RDF + "type", PG + "text", PG + "score"]) | iri
    subject = st.sampled_from([ID + "plan/a", ID + "plan/a/task/2", PG + "Plan"]) | iri
    return st.tuples(subject, predicate, obj)


@settings(max_examples=400, deadline=None)
@given(st.lists(items(USUAL_IRI, USUAL_LITERAL), max_size=12))
def test_the_python_writer_equals_oxigraph(found: list[Item]) -> None:
    ordered = canonical_items(found)
    assert make_run(ordered) == oxigraph_run(ordered)


@settings(max_examples=200, deadline=None)
@given(st.lists(items(IRI), max_size=6))
def test_unusual_names_equal_oxigraph_too(found: list[Item]) -> None:
    ordered = canonical_items(found)
    assert make_run(ordered) == oxigraph_run(ordered)


@pytest.mark.parametrize(
    ("obj", "turtle"),
    [
        (
            ('文本\n第二行\t“引号”"和\\', RDF + "langString", "zh"),
            '"文本\\n第二行\\t“引号”\\"和\\\\"@zh',
        ),
        (("0.4050", XSD + "decimal", ""), "0.4050"),
        (("1", XSD + "decimal", ""), '"1"^^xsd:decimal'),
        (("2025", XSD + "gYear", ""), '"2025"^^xsd:gYear'),
        ((PG + "a.",), None),  # Oxigraph escapes the final dot: left to Oxigraph
    ],
)
def test_terms(obj: tuple[str, ...], turtle: str | None) -> None:
    item = (ID + "plan/a", PG + "p", obj)
    written = _write([item])  # type: ignore[list-item]
    if turtle is None:
        assert written is None
        assert make_run([item]) == oxigraph_run([item])  # type: ignore[list-item]
        return
    assert written is not None
    assert written[2].decode() == f"<{ID}plan/a> pg:p {turtle} .\n"
    assert make_run([item]) == oxigraph_run([item])  # type: ignore[list-item]


def _runs_of(subjects: list[str]) -> Run:
    items: list[Item] = [(s, RDF_TYPE, (PG + "Task",)) for s in subjects]
    items += [(s, PG + "label", (f"标签 {s[-6:]}", XSD_STRING, "")) for s in subjects]
    return make_run(canonical_items(items))


def _merged_whole(tmp_path: Path, runs: list[Run], later: list[Run], shared: Run) -> bytes:
    spool = Spool(tmp_path)
    for run in [*runs, *later]:
        spool.add(run)
    out = io.BytesIO()
    merge_runs(spool, shared, out)
    spool.close()
    return out.getvalue()


def test_merging_around_the_analysis_equals_one_merge(tmp_path: Path) -> None:
    """The runs merged before the analysis's are added (split at its range), then the
    analysis's between: the bytes of one merge of all."""
    base = "https://w3id.org/plangraph/id/"
    runs = [
        _runs_of([f"{base}plan/p{n}", f"{base}plan/p{n}/task/{k}"])
        for n in (1, 3, 2)
        for k in (2, 10)
    ]
    shared = _runs_of([f"{base}agency/a", f"{base}place/x", f"{base}theme/t"])
    later = [
        _runs_of([f"{base}analysis/linkage/{n}", f"{base}analysis/linkage/{n}/x"]) for n in (5, 1)
    ]
    spool = Spool(tmp_path)
    for run in runs:
        spool.add(run)
    split = merge_split(
        spool, shared, natural_key(base + "analysis/"), tmp_path / "a", tmp_path / "b"
    )
    for run in later:
        spool.add(run)
    out = io.BytesIO()
    assert merge_around(spool, split, out)
    spool.close()
    assert out.getvalue() == _merged_whole(tmp_path, runs, later, shared)
    assert b"analysis/linkage/1>" in out.getvalue()


def test_merging_around_refuses_a_subject_outside_the_gap(tmp_path: Path) -> None:
    base = "https://w3id.org/plangraph/id/"
    spool = Spool(tmp_path)
    spool.add(_runs_of([f"{base}plan/p1", f"{base}plan/p2"]))
    shared = _runs_of([f"{base}agency/a"])
    split = merge_split(
        spool, shared, natural_key(base + "analysis/"), tmp_path / "a", tmp_path / "b"
    )
    spool.add(_runs_of([f"{base}plan/p1/analysis"]))  # not in the analysis's range
    out = io.BytesIO()
    assert not merge_around(spool, split, out)
    assert out.getvalue() == b""
    spool.close()
