"""SHACL validation of a graph against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .resources import read_text

if TYPE_CHECKING:
    import rdflib

SH = "http://www.w3.org/ns/shacl#"
_SHORT = {
    "https://w3id.org/plangraph/ontology#": "pg:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
}


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    shape: str

    def __str__(self) -> str:
        path = f" {_compact(self.path)}" if self.path else ""
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


def with_themes(data: rdflib.Graph) -> rdflib.Graph:
    """A copy of the data with the theme scheme added, so that theme IRIs resolve.

    pySHACL mixes only OWL and RDFS axioms of ``ont_graph`` into the data, not the SKOS
    concepts of ``ontology/themes.ttl`` that ``pg:hasTheme`` and theme mentions point at.
    """
    import rdflib

    graph = rdflib.Graph(bind_namespaces="none")
    graph += data
    graph.parse(data=read_text("ontology", "themes.ttl"), format="turtle")
    return graph


def validate_graph(data: rdflib.Graph) -> Report:
    """Validate with the bundled shapes, with the ontology's class hierarchy (RDFS) in view."""
    import rdflib
    from pyshacl import validate

    conforms, results, _ = validate(
        with_themes(data),
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
                path=_path(results, results.value(result, rdflib.URIRef(SH + "resultPath"))),
                message=_one_line(value("resultMessage")),
                severity=value("resultSeverity").rsplit("#", 1)[-1],
                shape=value("sourceShape"),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), tuple(violations))


def _path(results: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    """A result path as text: the property IRI, or ``^IRI`` for an inverse path."""
    import rdflib

    if node is None:
        return ""
    if isinstance(node, rdflib.BNode):
        inverse = results.value(node, rdflib.URIRef(SH + "inversePath"))
        return f"^{inverse}" if inverse is not None else "(complex path)"
    return str(node)


def _one_line(text: str) -> str:
    """Messages quote plan text, which may hold line breaks; keep one violation per line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _compact(path: str) -> str:
    inverse, iri = ("^", path[1:]) if path.startswith("^") else ("", path)
    for namespace, prefix in _SHORT.items():
        if iri.startswith(namespace):
            return inverse + prefix + iri[len(namespace) :]
    return path
