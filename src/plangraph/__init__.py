"""plangraph: Chinese regional action plans as a cited, queryable RDF knowledge graph.

The public API (imported lazily, so that ``import plangraph`` and the CLI start fast)::

    import plangraph
    plans = plangraph.read_plans()              # the bundled seed plans
    graph = plangraph.build_graph()       # rdflib.Graph
    plangraph.build(outdir="out")         # writes out/plangraph.ttl
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "PushOptions",
    "analyze",
    "build",
    "build_corpus",
    "build_graph",
    "ensure_graph",
    "export",
    "list_queries",
    "load_graph",
    "load_store",
    "push",
    "query",
    "query_text",
    "read_plans",
    "search_tasks",
    "serve",
    "stats",
    "validate",
    "write_report",
    "write_views",
]


def __getattr__(name: str) -> Any:
    if name == "PushOptions":
        from .server import PushOptions

        return PushOptions
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'plangraph' has no attribute {name!r}")
