"""The IRIs of the model: namespaces, the prefixes the files bind, and the functions that mint
every instance IRI (``plan_iri``, ``task_iri`` …).  The only place that mints them."""

from __future__ import annotations

import re
from urllib.parse import quote

from ..model import Owner, UnitCode

PG = "https://w3id.org/plangraph/ontology#"
ID = "https://w3id.org/plangraph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
OWL = "http://www.w3.org/2002/07/owl#"
UNIT = "http://qudt.org/vocab/unit/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"  # W3C WGS84 geo: geo:lat, geo:long
ANALYSIS_GRAPH = ID + "analysis"

PREFIXES = {
    "pg": PG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "unit": UNIT,
    "geo": GEO,
}


# --------------------------------------------------------------------------- IRIs


_SAFE = re.compile(r"[A-Za-z0-9._~-]*")


# slugs and plan IRIs made before, by their text: a plan's facts mint its IRI again for every
# triple (measured: 165,000 plan IRIs for 100 plans); bounded
_MEMO_AT_MOST = 1 << 16
_slugs: dict[str, str] = {}
_plan_iris: dict[str, str] = {}


def _slug(text: str) -> str:
    slug = _slugs.get(text)
    if slug is None:
        if len(_slugs) >= _MEMO_AT_MOST:
            _slugs.clear()
        slug = _slugs[text] = text if _SAFE.fullmatch(text) else quote(text, safe="-._~")
    return slug


def region_iri(region_id: str) -> str:
    return f"{ID}region/{_slug(region_id)}"


def plan_iri(plan_id: str) -> str:
    iri = _plan_iris.get(plan_id)
    if iri is None:
        if len(_plan_iris) >= _MEMO_AT_MOST:
            _plan_iris.clear()
        iri = _plan_iris[plan_id] = f"{ID}plan/{_slug(plan_id)}"
    return iri


def section_iri(plan_id: str, ordinal: int) -> str:
    return f"{plan_iri(plan_id)}/section/{ordinal}"


def task_iri(plan_id: str, key: str) -> str:
    return f"{plan_iri(plan_id)}/task/{_slug(key)}"


def sentence_iri(plan_id: str, index: int) -> str:
    return f"{plan_iri(plan_id)}/sentence/{index}"


def target_iri(plan_id: str, index: int) -> str:
    return f"{plan_iri(plan_id)}/target/{index}"


def unit_iri(plan_id: str, kind: str) -> str:
    return f"{plan_iri(plan_id)}/{kind}"


def mention_iri(plan_id: str, index: int) -> str:
    return f"{plan_iri(plan_id)}/mention/{index}"


def indicator_iri(slug: str) -> str:
    return f"{ID}indicator/{_slug(slug)}"


def place_iri(slug: str) -> str:
    return f"{ID}place/{_slug(slug)}"


def area_category_iri(label: str) -> str:
    """A kind of area (重点区域, 县城, 城市建成区) or an area the gazetteer lacks, by name:
    under the places' path (an area, though no one place), in a segment of its own."""
    from plangraph.extract.targets import slugify

    return f"{ID}place/category/{_slug(slugify(label))}"


def agency_iri(slug: str) -> str:
    return f"{ID}agency/{_slug(slug)}"


def theme_iri(slug: str) -> str:
    return f"{ID}theme/{_slug(slug)}"


def owner_iri(plan_id: str, owner: Owner) -> str:
    if owner.kind == "plan":
        return plan_iri(plan_id)
    if owner.kind == "task":
        return task_iri(plan_id, owner.key)
    if owner.kind == "section":
        return section_iri(plan_id, int(owner.key))
    return unit_iri(plan_id, owner.kind)


def unit_term(code: UnitCode) -> str:
    """``qudt:PERCENT`` -> the QUDT unit IRI; ``pg:Count`` -> a plangraph term."""
    prefix, _, name = code.partition(":")
    if prefix == "qudt":
        return UNIT + name
    if prefix == "pg":
        return PG + name
    raise ValueError(f"unknown unit code {code!r}; expected qudt:NAME or pg:NAME")
