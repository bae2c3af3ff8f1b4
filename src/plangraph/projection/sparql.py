"""The SPARQL plumbing every projection shares: prefixes, one way to run a SELECT (all
graphs as one), term converters, the one rule for labels, and theme strength."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import pyoxigraph as ox

from ..graph import DCTERMS, PG, RDFS, SKOS, natural_key

PREFIXES = {"pg": PG, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS}
THEME_SCHEME_FILE = ("ontology", "themes.ttl")

Strength = Literal["main", "mentioned"]


def local_name(iri: str) -> str:
    """The last segment of an IRI (after the last ``/`` or ``#``)."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


_local_name = local_name


@functools.lru_cache(maxsize=200_000)
def iri_key(iri: str) -> tuple[str | int, ...]:
    """The sort key used for IRIs everywhere in the analyses (task/2 before task/10)."""
    return natural_key(iri)


# --------------------------------------------------------------------------- queries


def select(store: ox.Store, query: str) -> Iterator[ox.QuerySolution]:
    """The rows of a SELECT query (prefixes pg, rdfs, skos, dcterms; all graphs as one)."""
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return iter(result)


_rows = select


def _value(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _int(term: Any, default: int = 0) -> int:
    try:
        return int(term.value) if term is not None else default
    except ValueError:
        return default


def _decimal(term: Any) -> Decimal | None:
    if term is None:
        return None
    try:
        return Decimal(term.value)
    except InvalidOperation:
        return None


def _year(term: Any) -> int | None:
    if term is None:
        return None
    digits = str(term.value)[:4]
    return int(digits) if digits.isdigit() else None


_THEMES = """
SELECT DISTINCT ?theme WHERE { { ?theme a pg:Theme } UNION { ?task pg:hasTheme ?theme } }"""


@dataclass(frozen=True, slots=True)
class Labels:
    """One label per IRI and language: ``zh``, ``en`` and ``other`` (no or another tag).

    The rule, the same for the analyses and the views: an rdfs:label before a
    skos:prefLabel, then the shortest, then the first in code-point order; theme labels
    come from the bundled SKOS scheme when the graph lacks them.
    """

    zh: Mapping[str, str]
    en: Mapping[str, str]
    other: Mapping[str, str]

    def merged(self) -> dict[str, str]:
        """IRI -> the Chinese label, else the English one, else any."""
        return {**self.other, **self.en, **self.zh}


def read_labels(store: ox.Store) -> Labels:
    """The labels of every IRI in ``store`` (see :class:`Labels` for the rule)."""
    chosen: dict[tuple[str, str], tuple[int, int, str]] = {}
    for row in select(store, _LABELS_BY_PROPERTY):
        _keep_label(row["node"], row["p"], row["label"], chosen)
    themes = {str(r["theme"].value) for r in select(store, _THEMES)}
    if any((theme, "zh") not in chosen for theme in themes):
        from ..resources import resource

        scheme = resource(*THEME_SCHEME_FILE)
        if scheme.is_file():
            extra = ox.Store()
            extra.load(scheme.read_bytes(), format=ox.RdfFormat.TURTLE)
            for row in select(extra, _LABELS_BY_PROPERTY):
                node = row["node"]
                if isinstance(node, ox.NamedNode) and node.value in themes:
                    _keep_label(node, row["p"], row["label"], chosen)
    tables: dict[str, dict[str, str]] = {"zh": {}, "en": {}, "other": {}}
    for (iri, slot), (_, _, text) in sorted(chosen.items()):
        tables[slot][iri] = text
    return Labels(tables["zh"], tables["en"], tables["other"])


_LABELS_BY_PROPERTY = """
SELECT ?node ?p ?label WHERE {
  VALUES ?p { rdfs:label skos:prefLabel }
  ?node ?p ?label .
  FILTER(isIRI(?node) && isLiteral(?label))
}"""


def _keep_label(
    node: Any, prop: Any, label: Any, chosen: dict[tuple[str, str], tuple[int, int, str]]
) -> None:
    if not isinstance(node, ox.NamedNode) or not isinstance(label, ox.Literal):
        return
    language = (label.language or "").lower()
    slot = "zh" if language.startswith("zh") else "en" if language.startswith("en") else "other"
    preference = 0 if str(prop.value) == RDFS + "label" else 1
    key = (preference, len(label.value), label.value)
    if (node.value, slot) not in chosen or key < chosen[node.value, slot]:
        chosen[node.value, slot] = key


# --------------------------------------------------------------------------- theme strength

# How strongly a task addresses a theme, where the graph says so: on the theme's evidence
# node (pg:ThemeMatch, or any node about the task and of the theme) as pg:strength or
# pg:themeStrength, an IRI or a literal whose local name starts with "main" (pg:Main …) or
# not ("mentioned"); or directly as Task pg:hasMainTheme / pg:mentionsTheme Theme.
_THEME_STRENGTH = """
SELECT ?task ?theme ?strength WHERE {
  { ?m pg:about ?task ; pg:mentionOf ?theme ; pg:strength ?strength }
  UNION { ?m pg:about ?task ; pg:mentionOf ?theme ; pg:themeStrength ?strength }
  UNION { ?m pg:task ?task ; pg:theme ?theme ; pg:strength ?strength }
  UNION { ?m pg:task ?task ; pg:theme ?theme ; pg:themeStrength ?strength }
  UNION { ?task pg:hasMainTheme ?theme . BIND("main" AS ?strength) }
  UNION { ?task pg:mentionsTheme ?theme . BIND("mentioned" AS ?strength) }
  ?task a pg:Task .
}"""


def read_theme_strength(store: ox.Store) -> dict[tuple[str, str], Strength]:
    """(task, theme) -> "main" or "mentioned"; main wins when the graph says both."""
    found: dict[tuple[str, str], Strength] = {}
    for row in select(store, _THEME_STRENGTH):
        key = (str(row["task"].value), str(row["theme"].value))
        value = local_name(str(row["strength"].value)).casefold()
        strength: Strength = "main" if value.startswith("main") else "mentioned"
        if found.get(key) != "main":
            found[key] = strength
    return dict(sorted(found.items(), key=lambda kv: (natural_key(kv[0][0]), kv[0][1])))
