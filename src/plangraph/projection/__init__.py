"""The one projection of the graph that the analyses and the views read: SPARQL over a
pyoxigraph Store, into small records.

The RDF stays the source of truth.  Each query selects one kind of node or edge; the rows
become small records sorted by IRI in natural order, so that every analysis and view built
on them is deterministic.  Queries run with the default graph as the union of all graphs, so
that the analysis results kept in the named graph ``id/analysis`` are seen with the rest.

* :mod:`.sparql`: prefixes, :func:`select`, term converters, the one rule for labels
  (:func:`read_labels`) and how strongly tasks address themes (:func:`read_theme_strength`);
* :mod:`.records`: what the analyses read, :class:`GraphData` (:func:`load`); the views'
  table pages (crosswalk, theme matrix) read it too;
* :mod:`.nodes`: what the graph drawings read, every node and edge of the classes they draw
  (:func:`plangraph.projection.nodes.load`).

``plangraph.analysis.project`` adds the NetworkX task–theme–place graph on the records;
``plangraph.viz`` draws the nodes.
"""

from __future__ import annotations

from .records import (
    GraphData,
    PlaceMention,
    PlaceNode,
    PlanNode,
    Span,
    StoredAlignment,
    StoredCrosswalk,
    StoredRow,
    TargetNode,
    TaskNode,
    load,
    read_crosswalk,
)
from .sparql import (
    PREFIXES,
    THEME_SCHEME_FILE,
    Labels,
    Strength,
    _local_name,
    _rows,
    iri_key,
    local_name,
    read_labels,
    read_theme_strength,
    select,
)

__all__ = [
    "PREFIXES",
    "THEME_SCHEME_FILE",
    "GraphData",
    "Labels",
    "PlaceMention",
    "PlaceNode",
    "PlanNode",
    "Span",
    "StoredAlignment",
    "StoredCrosswalk",
    "StoredRow",
    "Strength",
    "TargetNode",
    "TaskNode",
    "_local_name",
    "_rows",
    "iri_key",
    "load",
    "local_name",
    "read_crosswalk",
    "read_labels",
    "read_theme_strength",
    "select",
]
