"""Node positions computed in Python, so that the browser has no layout work to do.

Small graphs get NetworkX's spring layout (Fruchterman-Reingold, fixed seed).  Large ones
(where the dense spring layout would need gigabytes and the sparse one SciPy) get a
hub-and-satellite layout: the spring layout of the best-connected :data:`HUBS` nodes, with
every other node placed on a sunflower spiral around the neighbour that reached it first.
Positions are rounded to whole pixels, so the output is the same on every machine.
"""

from __future__ import annotations

import math
from collections import deque
from typing import TYPE_CHECKING

from ..graph import natural_key

if TYPE_CHECKING:
    import networkx as nx

SEED = 20250101
SPRING_LIMIT = 450  # below this many nodes, the whole graph gets the spring layout
HUBS = 300
SPACING = 70.0  # pixels per node (the square root of the area each node gets)
_GOLDEN = math.pi * (3 - math.sqrt(5))

Positions = dict[str, tuple[int, int]]


def layout(graph: nx.Graph, strategy: str = "spring") -> Positions:
    """Whole-pixel positions for every node of ``graph``, the same on every run.

    ``strategy`` "anchors" puts the nodes marked ``anchor`` on a circle and every other
    node between the anchors it is linked to (see :func:`_anchors`); "clusters" does the
    same but gathers the nodes linked to one anchor around it.
    """
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    if strategy in {"anchors", "clusters"}:
        return _rounded(_anchors(graph, clusters=strategy == "clusters"))
    if len(nodes) == 1:
        return {nodes[0]: (0, 0)}
    scale = SPACING * math.sqrt(len(nodes)) / 2
    if len(nodes) <= SPRING_LIMIT:
        return _rounded(_spring(graph, scale))
    return _rounded(_hubs(graph, scale))


def _spring(graph: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((a, b) for a, b in graph.edges() if a != b)
    try:
        found = nx.spring_layout(simple, seed=SEED, scale=scale, method="force", iterations=80)
    except ImportError:  # NumPy missing: the spiral layout needs only the standard library
        return _spiral(list(simple.nodes), (0.0, 0.0), scale / math.sqrt(len(simple)))
    return {n: (float(x), float(y)) for n, (x, y) in found.items()}


def _hubs(graph: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    degree = dict(graph.degree())
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], natural_key(n)))
    hubs = ranked[:HUBS]
    # the hubs in the graph's order: a subgraph view of a few nodes lists them in the order
    # of a set, which changes with the interpreter's string hashing, and so would the layout
    import networkx as nx

    chosen = set(hubs)
    core = nx.Graph()
    core.add_nodes_from(n for n in graph.nodes if n in chosen)
    core.add_edges_from((a, b) for a, b in graph.edges(list(core)) if b in chosen)
    positions = _spring(core, scale)
    placed = dict(positions)
    children: dict[str, list[str]] = {}
    queue = deque(sorted(hubs, key=lambda n: (-degree[n], natural_key(n))))
    while queue:
        parent = queue.popleft()
        for child in sorted(graph.neighbors(parent), key=natural_key):
            if child not in placed:
                placed[child] = placed[parent]
                children.setdefault(parent, []).append(child)
                queue.append(child)
    step = SPACING / 3
    # place satellites level by level: a hub's first, then theirs around each of them
    order = deque(hubs)
    while order:
        parent = order.popleft()
        kids = children.get(parent, [])
        if not kids:
            continue
        ring = _spiral(kids, positions[parent], step, offset=SPACING / 2)
        positions.update(ring)
        order.extend(kids)
    rest = [n for n in graph.nodes if n not in positions]
    if rest:  # components without a hub: a spiral of their own below the rest
        lowest = max(y for _, y in positions.values()) if positions else 0.0
        centre = (0.0, lowest + SPACING * (2 + math.sqrt(len(rest)) / 2))
        positions.update(_spiral(sorted(rest, key=natural_key), centre, step * 1.5))
    return positions


def _anchors(graph: nx.Graph, clusters: bool = False) -> dict[str, tuple[float, float]]:
    """Anchors (regions) on a circle; each other node at the weighted centre of the anchors
    it links to, pushed outwards the fewer anchors it has, so that what all regions share
    sits in the middle, what two share between them, and what one has alone outside it.
    Nodes with the same anchors share a sunflower spiral around that point."""
    anchors = [n for n, d in graph.nodes(data=True) if d.get("anchor")]
    k = len(anchors)
    others = [n for n in graph.nodes if n not in set(anchors)]
    groups: dict[tuple[str, ...], list[str]] = {}
    for node in others:
        linked = tuple(a for a in anchors if graph.has_edge(node, a))
        groups.setdefault(linked, []).append(node)
    step = SPACING * 0.9
    largest = max((len(m) for m in groups.values()), default=1)
    radius = SPACING * (4 if clusters else 3) + step * math.sqrt(largest) * 1.6
    place: dict[str, tuple[float, float]] = {}
    for i, anchor in enumerate(anchors):
        angle = -math.pi / 2 + 2 * math.pi * i / max(k, 1)
        place[anchor] = (radius * math.cos(angle), radius * math.sin(angle)) if k > 1 else (0, 0)
    positions = dict(place)
    for linked, members in sorted(groups.items(), key=lambda kv: not kv[0]):
        if not linked:  # linked to no anchor: beside the placed nodes it is linked to
            _beside(graph, members, positions, step, radius)
            continue
        cx = sum(place[a][0] for a in linked) / len(linked)
        cy = sum(place[a][1] for a in linked) / len(linked)
        if len(linked) == 1 and clusters:
            positions.update(_spiral(members, (cx, cy), step, offset=SPACING))
            continue
        if len(linked) < k:
            push = 1.45 if len(linked) == 1 else 1.25
            cx, cy = cx * push, cy * push
        positions.update(_spiral(members, (cx, cy), step))
    return positions


def _beside(
    graph: nx.Graph,
    members: list[str],
    positions: dict[str, tuple[float, float]],
    step: float,
    radius: float,
) -> None:
    """Each node a little outside the centre of its placed neighbours (else at the bottom)."""
    spots: dict[tuple[float, float], list[str]] = {}
    for node in members:
        near = [positions[n] for n in graph.neighbors(node) if n in positions]
        if near:
            x = sum(p[0] for p in near) / len(near)
            y = sum(p[1] for p in near) / len(near)
            length = math.hypot(x, y) or 1.0
            spot = (x + x / length * SPACING * 1.5, y + y / length * SPACING * 1.5)
        else:
            spot = (0.0, radius * 1.6)
        spots.setdefault(spot, []).append(node)
    for spot, nodes in spots.items():
        positions.update(_spiral(nodes, spot, step / 2, offset=step / 2 if len(nodes) > 1 else 0))


def _spiral(
    nodes: list[str], centre: tuple[float, float], step: float, offset: float = 0.0
) -> dict[str, tuple[float, float]]:
    """Vogel's sunflower: node i at radius offset + step·√i, angle i·golden angle."""
    cx, cy = centre
    found = {}
    for i, node in enumerate(nodes):
        radius = offset + step * math.sqrt(i + 0.5)
        angle = i * _GOLDEN
        found[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return found


def _rounded(positions: dict[str, tuple[float, float]]) -> Positions:
    return {n: (round(x), round(y)) for n, (x, y) in positions.items()}
