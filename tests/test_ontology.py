"""The ontology (plangraph.ttl, units.ttl) and the shapes: they parse, they are documented,
and they declare every term that the graph built from the seed plans uses."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SKOS

from plangraph.model import Corpus
from plangraph.resources import read_text

PG = rdflib.Namespace("https://w3id.org/plangraph/ontology#")
ONTOLOGY = URIRef("https://w3id.org/plangraph/ontology")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
VANN = rdflib.Namespace("http://purl.org/vocab/vann/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
QUDT = rdflib.Namespace("http://qudt.org/schema/qudt/")
UNIT = "http://qudt.org/vocab/unit/"

FILES = ("plangraph.ttl", "units.ttl", "shapes.ttl", "themes.ttl")
# rdf:Property: pg:unit, whose value is a unit IRI or the unit as printed (graph/units.py)
TERM_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    RDF.Property,
    OWL.NamedIndividual,
)

# Vocabularies the graph may use without declaring their terms.
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"  # W3C WGS84: geo:lat, geo:long of divisions
STANDARD = (
    *(str(RDF), str(RDFS), str(OWL), str(XSD), str(SKOS), str(DCTERMS), str(PROV), str(ORG)),
    GEO,
)


def parse(*names: str) -> rdflib.Graph:
    graph = rdflib.Graph(bind_namespaces="none")
    for name in names:
        graph.parse(data=read_text("ontology", name), format="turtle")
    return graph


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return parse("plangraph.ttl", "units.ttl")


@pytest.fixture(scope="module")
def vocabulary() -> rdflib.Graph:
    """Everything that may declare a term the graph uses: ontology, units, theme scheme."""
    return parse("plangraph.ttl", "units.ttl", "themes.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return parse("shapes.ttl")


ANALYSIS_MARK = "# ==== analysis (stage 4)".replace("====", "=" * 75)


@pytest.fixture(scope="module")
def core() -> rdflib.Graph:
    """The ontology without its analysis section (the terms of the graph that is built and
    validated; analysis results are written to a named graph of their own)."""
    text = read_text("ontology", "plangraph.ttl")
    assert ANALYSIS_MARK in text
    graph = rdflib.Graph(bind_namespaces="none")
    graph.parse(data=text.split(ANALYSIS_MARK, 1)[0], format="turtle")
    graph.parse(data=read_text("ontology", "units.ttl"), format="turtle")
    return graph


def pg_terms(graph: rdflib.Graph) -> Iterator[tuple[URIRef, URIRef]]:
    """(term, kind) for every pg: class, property and named individual declared."""
    for kind in TERM_TYPES:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and term.startswith(PG):
                yield term, kind


def local(term: rdflib.term.Node) -> str:
    return str(term).rsplit("#", 1)[-1]


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("name", FILES)
def test_parses_with_rdflib_and_pyoxigraph_alike(name: str) -> None:
    text = read_text("ontology", name)
    with_rdflib = rdflib.Graph(bind_namespaces="none").parse(data=text, format="turtle")
    with_oxigraph = list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) > 0
    as_nt = ox.serialize(with_oxigraph, format=ox.RdfFormat.N_TRIPLES)
    assert as_nt is not None
    from_oxigraph = rdflib.Graph(bind_namespaces="none").parse(data=as_nt.decode(), format="nt")
    assert isomorphic(with_rdflib, from_oxigraph)


def test_every_prefix_is_used() -> None:
    for name in ("plangraph.ttl", "units.ttl", "shapes.ttl"):
        text = read_text("ontology", name)
        declared = re.findall(r"^@prefix (\w*):", text, flags=re.MULTILINE)
        body = re.sub(r"^@prefix.*$", "", text, flags=re.MULTILINE)
        body = re.sub(r"#[^\n\"<>]*$", "", body, flags=re.MULTILINE)  # comments
        for prefix in declared:
            assert re.search(rf"(?<![\w-]){prefix}:", body), f"{name}: prefix {prefix}: unused"


# --------------------------------------------------------------------------- metadata


def test_ontology_metadata(ontology: rdflib.Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    titles = {t.language for t in ontology.objects(ONTOLOGY, DCTERMS.title)}
    assert titles == {"zh", "en"}
    descriptions = list(ontology.objects(ONTOLOGY, DCTERMS.description))
    assert any(isinstance(d, Literal) and d.language == "en" for d in descriptions)
    assert (ONTOLOGY, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in (
        ontology
    )
    assert ontology.value(ONTOLOGY, DCTERMS.creator) is not None
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef(
        "https://w3id.org/plangraph/ontology/0.1.0"
    )
    assert str(ontology.value(ONTOLOGY, OWL.versionInfo)) == "0.1.0"
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespacePrefix)) == "pg"
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespaceUri)) == str(PG)


# --------------------------------------------------------------------------- documentation


def test_every_term_has_labels_in_chinese_and_english_and_a_comment(
    ontology: rdflib.Graph,
) -> None:
    terms = dict(pg_terms(ontology))
    assert len(terms) > 100
    problems = []
    for term in terms:
        labels = {label.language for label in ontology.objects(term, RDFS.label)}
        comments = {c.language for c in ontology.objects(term, RDFS.comment)}
        if not {"zh", "en"} <= labels:
            problems.append(f"{local(term)}: rdfs:label languages {sorted(map(str, labels))}")
        if "en" not in comments:
            problems.append(f"{local(term)}: no rdfs:comment@en")
        if (term, RDFS.isDefinedBy, ONTOLOGY) not in ontology:
            problems.append(f"{local(term)}: no rdfs:isDefinedBy the ontology")
        for label in ontology.objects(term, RDFS.label):
            if not str(label).strip():
                problems.append(f"{local(term)}: empty label")
    assert not problems


def test_every_property_has_a_domain_and_a_range(ontology: rdflib.Graph) -> None:
    for term, kind in pg_terms(ontology):
        if kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
            assert ontology.value(term, RDFS.domain) is not None, local(term)
            assert ontology.value(term, RDFS.range) is not None, local(term)


def test_datatype_properties_range_over_datatypes(ontology: rdflib.Graph) -> None:
    def is_datatype(node: rdflib.term.Node | None) -> bool:
        return node == RDF.langString or str(node).startswith(str(XSD))

    for term in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert is_datatype(ontology.value(term, RDFS.range)), local(term)
    for term in ontology.subjects(RDF.type, OWL.ObjectProperty):
        assert not is_datatype(ontology.value(term, RDFS.range)), local(term)


# --------------------------------------------------------------------------- the contract


def words(text: str) -> list[str]:
    return text.split()


CONTRACT_CLASSES = words("""
    Region Plan Section Task Sentence Target Indicator Agency Place Theme Preface Preamble
    Closing Mention ThemeMatch Comparator Direction Recurrence
    River Lake Reservoir Bay Sea Estuary Coast Island Port Mountain Wetland Forest ProtectedArea
    Corridor Basin Area AdministrativeArea Province City District DevelopmentZone
""")
CONTRACT_OBJECT_PROPERTIES = words("""
    coversRegion includes hasSection hasTask hasSentence hasPreface hasPreamble hasClosing inPlan
    issuedBy approvedBy indicator unitCode comparator direction scope recurrence source hasTarget
    locatedIn mentions responsible hasTheme mentionOf
""")
CONTRACT_DATATYPE_PROPERTIES = words("""
    ordinal text start end statedSectionCount statedTaskCount abridged editorialNote numbering
    value countNoun targetYear baseYear aspirational quote
""")


def test_the_public_vocabulary_is_declared(ontology: rdflib.Graph) -> None:
    for name in CONTRACT_CLASSES:
        assert (PG[name], RDF.type, OWL.Class) in ontology, name
    for name in CONTRACT_OBJECT_PROPERTIES:
        assert (PG[name], RDF.type, OWL.ObjectProperty) in ontology, name
    for name in CONTRACT_DATATYPE_PROPERTIES:
        assert (PG[name], RDF.type, OWL.DatatypeProperty) in ontology, name
    # a unit IRI, or the unit as printed (graph/units.py): neither kind of OWL property
    assert (PG.unit, RDF.type, RDF.Property) in ontology
    assert (PG.unit, RDF.type, OWL.FunctionalProperty) in ontology


def test_place_hierarchy(ontology: rdflib.Graph) -> None:
    for name in ("Province", "City", "District"):
        assert (PG[name], RDFS.subClassOf, PG.AdministrativeArea) in ontology
    for name in CONTRACT_CLASSES[CONTRACT_CLASSES.index("River") :]:
        assert PG.Place in set(ontology.transitive_objects(PG[name], RDFS.subClassOf)), name


@pytest.mark.parametrize(
    ("cls", "members"),
    [
        ("Comparator", {"AtMost", "Below", "AtLeast", "Above", "Exactly", "About"}),
        ("Direction", {"Increase", "Decrease", "Maintain", "Eliminate"}),
        ("Recurrence", {"Annual"}),
    ],
)
def test_controlled_values_are_named_individuals(
    ontology: rdflib.Graph, cls: str, members: set[str]
) -> None:
    found = {local(s) for s in ontology.subjects(RDF.type, PG[cls])}
    assert found == members
    for name in members:
        assert (PG[name], RDF.type, OWL.NamedIndividual) in ontology


def test_standard_vocabularies_are_reused(ontology: rdflib.Graph) -> None:
    expected = [
        (PG.Theme, RDFS.subClassOf, SKOS.Concept),
        (PG.Agency, RDFS.subClassOf, ORG.Organization),
        (PG.Plan, RDFS.subClassOf, PROV.Entity),
        (PG.Plan, RDFS.subClassOf, DCTERMS.BibliographicResource),
        (PG.source, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (PG.hasTheme, RDFS.subPropertyOf, DCTERMS.subject),
        (PG.issuedBy, RDFS.subPropertyOf, DCTERMS.publisher),
        (PG.quote, RDFS.seeAlso, OA.exact),
        (PG.start, RDFS.seeAlso, OA.start),
        (PG.end, RDFS.seeAlso, OA.end),
        (PG.unitCode, RDFS.range, QUDT.Unit),
        (PG.unit, RDFS.seeAlso, QUDT.unit),
    ]
    for triple in expected:
        assert triple in ontology, triple


# --------------------------------------------------------------------------- units


def unit_codes_of_the_extractor() -> set[str]:
    """Every ``pg:`` unit code written in the target extractor's source."""
    from plangraph.extract.targets import unit_words as targets

    return set(re.findall(r"\"pg:([A-Za-z0-9]+)\"", inspect.getsource(targets)))


def test_units_are_exactly_those_the_extractor_writes(ontology: rdflib.Graph) -> None:
    declared = {local(u) for u in ontology.subjects(RDF.type, QUDT.Unit)}
    assert {"PercentagePoint", "Count"} <= declared
    assert declared == unit_codes_of_the_extractor()
    units = parse("units.ttl")
    assert set(units.subjects(RDF.type, QUDT.Unit)) == {PG[name] for name in declared}
    for unit in units.subjects(RDF.type, QUDT.Unit):
        assert (unit, RDF.type, OWL.NamedIndividual) in units


def test_unit_multipliers(ontology: rdflib.Graph) -> None:
    def multiplier(name: str) -> float:
        return float(ontology.value(PG[name], QUDT.conversionMultiplier).toPython())

    assert multiplier("TenThousandTonne") == 1e7
    assert multiplier("HundredMillionKiloWattHour") == 3.6e14
    assert multiplier("TenThousandMu") == pytest.approx(1e4 * 2000 / 3)
    assert multiplier("TonneCoalEquivalent") == pytest.approx(29.3076e9)
    assert ontology.value(PG.PercentagePoint, QUDT.conversionMultiplier) is None


# --------------------------------------------------------------------------- the graph's terms


@pytest.fixture(scope="module")
def seed_triples(corpus: Corpus) -> list[ox.Triple]:
    from plangraph.graph import corpus_triples

    return corpus_triples(corpus)


def test_every_term_of_the_seed_graph_is_declared(
    seed_triples: list[ox.Triple], vocabulary: rdflib.Graph
) -> None:
    declared = {str(term): kind for term, kind in pg_terms(vocabulary)}
    object_properties = {t for t, k in declared.items() if k == OWL.ObjectProperty}
    datatype_properties = {t for t, k in declared.items() if k == OWL.DatatypeProperty}
    either = {t for t, k in declared.items() if k == RDF.Property}  # an IRI or a literal
    object_properties |= either
    datatype_properties |= either
    classes = {t for t, k in declared.items() if k == OWL.Class}
    individuals = {str(s) for s in vocabulary.subjects(RDF.type, OWL.NamedIndividual)}
    problems: set[str] = set()
    used = 0
    for triple in seed_triples:
        p, o = triple.predicate.value, triple.object
        if p.startswith(PG):
            used += 1
            if isinstance(o, ox.Literal) and p not in datatype_properties:
                problems.add(f"{p} is not a declared owl:DatatypeProperty")
            if isinstance(o, ox.NamedNode) and p not in object_properties:
                problems.add(f"{p} is not a declared owl:ObjectProperty")
        elif not p.startswith(STANDARD):
            problems.add(f"{p} is from no known vocabulary")
        if isinstance(o, ox.NamedNode) and o.value.startswith(PG):
            if p == str(RDF.type):
                if o.value not in classes:
                    problems.add(f"class {o.value} is not declared")
            elif o.value not in individuals:
                problems.add(f"{o.value} (object of {p}) is not a declared individual")
        elif p == str(RDF.type) and not o.value.startswith(STANDARD):
            problems.add(f"class {o.value} is from no known vocabulary")
    assert used > 5000
    assert not sorted(problems)


def test_literals_of_the_seed_graph_match_the_declared_ranges(
    seed_triples: list[ox.Triple], ontology: rdflib.Graph
) -> None:
    ranges = {
        str(p): str(ontology.value(p, RDFS.range))
        for p in ontology.subjects(RDF.type, OWL.DatatypeProperty)
    }
    problems = set()
    for triple in seed_triples:
        expected = ranges.get(triple.predicate.value)
        if expected is None:
            continue
        literal = triple.object
        assert isinstance(literal, ox.Literal)
        if literal.datatype.value != expected:
            problems.add(f"{triple.predicate.value}: {literal.datatype.value} is not {expected}")
        if expected == str(RDF.langString) and literal.language != "zh":
            problems.add(f"{triple.predicate.value}: @{literal.language}, expected @zh")
    assert not sorted(problems)


def test_every_kind_of_node_appears_in_the_seed_graph(seed_triples: list[ox.Triple]) -> None:
    types = {t.object.value for t in seed_triples if t.predicate.value == str(RDF.type)}
    expected = words("""
        Region Plan Section Task Sentence Target Indicator Agency Place Mention
        Preface Preamble Closing ThemeMatch Province City River
    """)
    assert [name for name in expected if str(PG[name]) not in types] == []


# --------------------------------------------------------------------------- the shapes


def test_shapes_refer_only_to_declared_terms(shapes: rdflib.Graph, ontology: rdflib.Graph) -> None:
    declared = {str(term) for term, _ in pg_terms(ontology)}
    used = {
        str(node)
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and node.startswith(PG)
    }
    for query in shapes.objects(None, SH.select):
        used |= {str(PG[name]) for name in re.findall(r"\bpg:(\w+)", str(query))}
    assert used
    assert not sorted(used - declared)


def test_every_class_is_targeted_by_a_shape(shapes: rdflib.Graph, core: rdflib.Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))

    def covered(cls: rdflib.term.Node) -> bool:
        if cls in targeted or any(
            sup in targeted for sup in core.transitive_objects(cls, RDFS.subClassOf)
        ):
            return True
        subclasses = list(core.subjects(RDFS.subClassOf, cls))
        return bool(subclasses) and all(covered(sub) for sub in subclasses)

    classes = [term for term, kind in pg_terms(core) if kind == OWL.Class]
    assert len(classes) > 35
    assert [local(c) for c in classes if not covered(c)] == []


def test_every_constraint_has_a_message(shapes: rdflib.Graph) -> None:
    constraints = set(shapes.subjects(SH.path, None)) | set(shapes.objects(None, SH.sparql))
    constraints |= {s for s in shapes.subjects(SH["or"], None) if (s, SH.path, None) not in shapes}
    # nested shapes inside sh:or / sh:qualifiedValueShape lists carry no message of their own
    nested = set()
    for container in shapes.objects(None, SH["or"]):
        nested |= set(rdflib.collection.Collection(shapes, container))
    nested |= set(shapes.objects(None, SH.qualifiedValueShape))
    missing = [c for c in constraints - nested if shapes.value(c, SH.message) is None]
    assert len(constraints - nested) > 60
    assert missing == []
