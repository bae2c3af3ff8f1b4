"""docs/ontology/index.html is pyLODE's documentation of the current ontology/plangraph.ttl."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "ontology" / "index.html"
PG = "https://w3id.org/plangraph/ontology#"


def _script() -> object:
    spec = importlib.util.spec_from_file_location(
        "ontology_docs", ROOT / "scripts" / "ontology_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "pylode").is_file() and shutil.which("pylode") is None,
    reason="pyLODE is not installed (it is in the test extras: pip install -e '.[test]')",
)
def test_the_committed_docs_are_current(tmp_path: Path) -> None:
    fresh = _script().render()  # type: ignore[attr-defined]
    assert fresh == DOCS.read_text(encoding="utf-8"), (
        "docs/ontology/index.html is stale: run 'make docs' (python scripts/ontology_docs.py)"
    )


def test_the_docs_describe_every_class_and_property() -> None:
    graph = rdflib.Graph().parse(ROOT / "ontology" / "plangraph.ttl")
    html = DOCS.read_text(encoding="utf-8")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    terms = {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(PG)}
    assert len(terms) > 50
    for term in terms:
        label = graph.value(term, RDFS.label)
        assert f'href="{term}"' in html or (label is not None and str(label) in html), term
