"""The projection the analyses read (:mod:`plangraph.projection`, shared with the views),
and the NetworkX task–theme–place graph built on it (:func:`task_graph`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..graph import natural_key
from ..projection import (
    PREFIXES,
    THEME_SCHEME_FILE,
    GraphData,
    PlaceMention,
    PlaceNode,
    PlanNode,
    Span,
    TargetNode,
    TaskNode,
    _local_name,
    _rows,
    iri_key,
    load,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "PREFIXES",
    "THEME_SCHEME_FILE",
    "GraphData",
    "PlaceMention",
    "PlaceNode",
    "PlanNode",
    "Span",
    "TargetNode",
    "TaskNode",
    "_local_name",
    "_rows",
    "iri_key",
    "load",
    "task_graph",
]


def task_graph(data: GraphData) -> nx.Graph:
    """The task–theme–place graph: tasks linked to the themes they carry and places they name.

    Nodes are IRIs with attributes ``kind`` (task, theme, place), ``label`` and ``plan``
    (tasks); nodes and edges are added in sorted order so that Louvain with a fixed seed
    gives the same communities on every run.
    """
    import networkx as nx

    graph = nx.Graph()
    edges: list[tuple[str, str]] = []
    for task in data.tasks:
        edges.extend((task.iri, theme) for theme in data.task_themes.get(task.iri, ()))
        edges.extend((task.iri, place) for place in data.task_places.get(task.iri, ()))
    linked = {n for edge in edges for n in edge}
    kinds: dict[str, str] = {}
    for task in data.tasks:
        if task.iri in linked:
            kinds[task.iri] = "task"
    for task_iri, themes in data.task_themes.items():
        if task_iri in kinds:
            kinds.update((theme, "theme") for theme in themes)
    for task_iri, places in data.task_places.items():
        if task_iri in kinds:
            kinds.update((place, "place") for place in places)
    plan_of = {t.iri: t.plan for t in data.tasks}
    key = {node: natural_key(node) for node in kinds}  # once per node, not once per edge
    for node in sorted(kinds, key=key.__getitem__):
        attributes: dict[str, str] = {"kind": kinds[node], "label": data.label(node)}
        if node in plan_of:
            attributes["plan"] = plan_of[node]
        graph.add_node(node, **attributes)
    for a, b in sorted(edges, key=lambda e: (key[e[0]], key[e[1]])):
        graph.add_edge(a, b, weight=1.0)
    return graph
