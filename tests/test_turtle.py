"""The runs' Turtle written in Python equals Oxigraph's serialization, term for term."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.graph import PREFIXES, Item, canonical_items
from plangraph.turtle import _write, make_run, oxigraph_run

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
