"""The Louvain communities on integer nodes equal NetworkX's, order of the list included."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from plangraph.analysis.louvain import louvain_communities


def _graph(trial: int) -> nx.Graph:
    rng = random.Random(trial)
    graph = nx.gnp_random_graph(rng.randint(2, 120), rng.random() * 0.15, seed=trial)
    for u, v in graph.edges():
        graph[u][v]["weight"] = rng.choice([1.0, 2.0, 0.5, rng.random()])
    if trial % 3 == 0 and graph.number_of_nodes() > 3:
        graph.add_edge(1, 1, weight=1.5)  # self-loops
        graph.add_edge(2, 2, weight=1.0)
    if trial % 2 == 0:  # names, as the task graph has (IRIs)
        graph = nx.relabel_nodes(graph, {u: f"https://x/{(u * 7919) % 1000}-{u}" for u in graph})
    return graph


@pytest.mark.parametrize("trial", range(40))
def test_the_same_communities_as_networkx(trial: int) -> None:
    graph = _graph(trial)
    for seed in (0, 1):
        expected = nx.community.louvain_communities(graph, weight="weight", seed=seed)
        assert louvain_communities(graph, weight="weight", seed=seed) == expected


def test_a_graph_without_edges_is_its_nodes() -> None:
    graph = nx.Graph()
    graph.add_nodes_from("abc")
    assert louvain_communities(graph) == [{"a"}, {"b"}, {"c"}]


def test_a_directed_graph_is_refused() -> None:
    with pytest.raises(ValueError, match="undirected"):
        louvain_communities(nx.DiGraph([(1, 2)]))
