"""Centrality and communities in the task–theme–place graph (NetworkX)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .louvain import louvain_communities
from .project import GraphData, iri_key, task_graph

KINDS = ("place", "theme", "task")


@dataclass(frozen=True, slots=True)
class NodeCentrality:
    node: str
    kind: str  # "task", "theme" or "place"
    label: str
    degree: int
    degree_centrality: float
    betweenness: float

    @property
    def score(self) -> float:
        return self.degree_centrality


@dataclass(frozen=True, slots=True)
class Community:
    index: int  # 1-based, largest community first
    members: tuple[str, ...]
    tasks: int
    plans: tuple[str, ...]  # the plans its tasks come from, in plan order
    top_themes: tuple[str, ...]  # by links inside the community, then IRI
    top_places: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True, slots=True)
class CentralityAnalysis:
    nodes: tuple[NodeCentrality, ...]  # the top ``top`` of each kind, by kind
    communities: tuple[Community, ...]
    graph_nodes: int
    graph_edges: int
    modularity: float
    exact_betweenness: bool  # False when betweenness was estimated from sampled sources

    def top(self, kind: str) -> tuple[NodeCentrality, ...]:
        return tuple(n for n in self.nodes if n.kind == kind)


def analyze_centrality(
    data: GraphData,
    *,
    top: int = 10,
    describe: int = 5,
    between: Callable[[], dict[str, float]] | None = None,
    graph: Any = None,
) -> CentralityAnalysis:
    """Degree and betweenness of every node, and Louvain communities (seed 0).

    ``between``, called once the communities are found, gives the betweenness of every
    node (:func:`betweenness`, computed elsewhere meanwhile); without it it is computed here.
    ``graph`` is the :func:`~.project.task_graph` of ``data`` if it is made already.
    """
    import networkx as nx

    if graph is None:
        graph = task_graph(data)
    n = graph.number_of_nodes()
    if n == 0:
        return CentralityAnalysis((), (), 0, 0, 0.0, True)
    degree = nx.degree_centrality(graph)
    exact = n <= EXACT_LIMIT
    # NetworkX's communities, found on integer nodes (.louvain): measured 4.6 -> 2.2 s of CPU on
    # the 1,000-plan corpus's task graph
    found = louvain_communities(graph, weight="weight", seed=0)
    betweenness = _betweenness(graph) if between is None else between()
    nodes: list[NodeCentrality] = []
    for kind in KINDS:
        ranked = sorted(
            (node for node, attributes in graph.nodes(data=True) if attributes["kind"] == kind),
            key=lambda node: (-round(degree[node], 9), -round(betweenness[node], 9), iri_key(node)),
        )
        nodes.extend(
            NodeCentrality(
                node=node,
                kind=kind,
                label=graph.nodes[node]["label"],
                degree=int(graph.degree(node)),
                degree_centrality=float(degree[node]),
                betweenness=float(betweenness[node]),
            )
            for node in ranked[:top]
        )
    modularity = float(nx.community.modularity(graph, found, weight="weight"))
    plan_rank = {p.iri: i for i, p in enumerate(data.plans)}
    communities = _describe(graph, found, describe, plan_rank)
    return CentralityAnalysis(
        nodes=tuple(nodes),
        communities=communities,
        graph_nodes=n,
        graph_edges=graph.number_of_edges(),
        modularity=modularity,
        exact_betweenness=exact,
    )


# betweenness is exact up to this many nodes and estimated from SAMPLES source nodes (seed
# 0) beyond (a quarter of them, at least 8, beyond 20 × EXACT_LIMIT nodes), so that 220,000
# tasks stay tractable
EXACT_LIMIT = 1000
SAMPLES = 32


def betweenness(data: GraphData, graph: Any = None) -> dict[str, float]:
    """The betweenness of every node of the task–theme–place graph (the build computes it in
    a process of its own while this one finds the communities); ``graph`` is that graph if
    it is made already."""
    return _betweenness(task_graph(data) if graph is None else graph)


def _betweenness(graph: Any) -> dict[str, float]:
    import networkx as nx

    n = graph.number_of_nodes()
    if n <= EXACT_LIMIT:
        return dict(nx.betweenness_centrality(graph))
    # fewer sources on very large graphs: each costs a pass over every edge
    sources = SAMPLES if n <= 20 * EXACT_LIMIT else max(8, SAMPLES // 4)
    return dict(nx.betweenness_centrality(graph, k=min(sources, n), seed=0))


def _describe(
    graph: Any, found: list[set[str]], describe: int, plan_rank: dict[str, int]
) -> tuple[Community, ...]:
    groups = [sorted(group, key=iri_key) for group in found]
    groups.sort(key=lambda g: (-len(g), iri_key(g[0])))
    out = []
    for index, members in enumerate(groups, start=1):
        inside = set(members)
        plans = sorted(
            {graph.nodes[m]["plan"] for m in members if graph.nodes[m]["kind"] == "task"},
            key=plan_rank.__getitem__,
        )
        links: Counter[str] = Counter()
        for node in members:
            if graph.nodes[node]["kind"] != "task":
                links[node] = sum(1 for other in graph.neighbors(node) if other in inside)

        def best(kind: str, links: Counter[str] = links) -> tuple[str, ...]:
            ranked = sorted(
                (m for m in links if graph.nodes[m]["kind"] == kind),
                key=lambda m: (-links[m], iri_key(m)),
            )
            return tuple(ranked[:describe])

        out.append(
            Community(
                index=index,
                members=tuple(members),
                tasks=sum(1 for m in members if graph.nodes[m]["kind"] == "task"),
                plans=tuple(plans),
                top_themes=best("theme"),
                top_places=best("place"),
            )
        )
    return tuple(out)
