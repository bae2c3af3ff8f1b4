"""SHACL validation of a graph against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .resources import read_text

if TYPE_CHECKING:
    import rdflib

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    shape: str

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]


def shapes_graph() -> rdflib.Graph:
    import rdflib

    graph = rdflib.Graph(bind_namespaces="none")
    graph.parse(data=read_text("ontology", "shapes.ttl"), format="turtle")
    return graph


def ontology_graph() -> rdflib.Graph:
    import rdflib

    graph = rdflib.Graph(bind_namespaces="none")
    for name in ("plangraph.ttl", "units.ttl"):
        graph.parse(data=read_text("ontology", name), format="turtle")
    return graph


def validate_graph(data: rdflib.Graph) -> Report:
    """Validate with the bundled shapes, with the ontology's class hierarchy (RDFS) in view."""
    import rdflib
    from pyshacl import validate

    conforms, results, _ = validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    assert isinstance(results, rdflib.Graph)
    violations = []
    for result in results.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "ValidationResult")):

        def value(p: str, node: rdflib.term.Node = result) -> str:
            found = results.value(node, rdflib.URIRef(SH + p))
            return "" if found is None else str(found)

        violations.append(
            Violation(
                focus=value("focusNode"),
                path=value("resultPath"),
                message=value("resultMessage"),
                severity=value("resultSeverity").rsplit("#", 1)[-1],
                shape=value("sourceShape"),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), tuple(violations))
