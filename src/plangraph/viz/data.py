"""What the graph drawings read: :mod:`plangraph.projection.nodes`, the part of the one
projection (shared with the analyses) that holds every node and edge the drawings show."""

from __future__ import annotations

from ..projection.nodes import GraphData, Link, Node, load, make_link, measure, short_id

__all__ = ["GraphData", "Link", "Node", "load", "make_link", "measure", "short_id"]
