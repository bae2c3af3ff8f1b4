"""Stage 5: interactive HTML views of the graph (pyvis over vis-network), offline and safe.

Views, one self-contained HTML file each, with an ``index.html`` linking them:

* ``overview``: regions, plans, tasks, themes, places, agencies and targets;
* ``region-theme``: the themes each region carries, shared ones standing out;
* ``linkages``: cross-region links between tasks, with their kind and score (pg:Linkage
  nodes from the analysis, or derived from shared themes and places when there are none);
* ``places``: places coloured by type, and the tasks and regions that name them;
* ``plan-<id>``: one plan's sections, tasks, targets and places.

The graph is read from a pyoxigraph store by SPARQL (:mod:`.data`), projected into
NetworkX (:mod:`.views`), laid out in Python (:mod:`.layout`) and written through pyvis's
network model with plangraph's own template (:mod:`.render`).  Every file is UTF-8,
written atomically, and byte-identical when the same graph is drawn again.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import write_atomic
from .views import FIXED_VIEWS, Catalogue, View, build

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["FIXED_VIEWS", "INDEX", "ViewFile", "build_views", "write_views"]

INDEX = "index.html"


@dataclass(frozen=True, slots=True)
class ViewFile:
    """A view written to disk."""

    name: str
    path: Path
    nodes: int
    edges: int
    bytes: int
    seconds: float


def build_views(
    store: ox.Store,
    view: str | None = None,
    region: str | None = None,
    theme: str | None = None,
) -> list[View]:
    """The views (NetworkX graphs and their words) without writing anything."""
    from .data import load

    catalogue = Catalogue(load(store))
    names = catalogue.select(view)
    region_iri, theme_iri = catalogue.region(region), catalogue.theme(theme)
    return [build(catalogue, name, region_iri, theme_iri) for name in names]


def write_views(
    store: ox.Store,
    outdir: str | os.PathLike[str],
    view: str | None = None,
    region: str | None = None,
    theme: str | None = None,
) -> list[ViewFile]:
    """Write the views (all, or the one named) and ``index.html`` into ``outdir``."""
    from .data import load
    from .render import Palette, render_index, render_view

    folder = Path(outdir)
    data = load(store)
    catalogue = Catalogue(data)
    names = catalogue.select(view)
    region_iri, theme_iri = catalogue.region(region), catalogue.theme(theme)
    built: list[View] = []
    for name in names:
        built.append(build(catalogue, name, region_iri, theme_iri))
    kinds = {
        attrs.get("kind", "linkage")
        for v in built
        for _, _, attrs in v.graph.edges(data=True)
        if "linkage" in attrs.get("rels", [])
    }
    palette = Palette.of(data, kinds)
    titles = _titles(catalogue)
    links = [{"file": f"{n}.html", "title": titles[n][0]} for n in FIXED_VIEWS]
    written: list[ViewFile] = []
    for item in built:
        started = time.perf_counter()
        html = render_view(item, data, palette, links).encode("utf-8")
        path = write_atomic(folder / item.file_name, html)
        written.append(
            ViewFile(
                name=item.name,
                path=path,
                nodes=item.graph.number_of_nodes(),
                edges=item.graph.number_of_edges(),
                bytes=len(html),
                seconds=time.perf_counter() - started,
            )
        )
    counts = {w.name: w for w in written}
    rows = []
    for name in catalogue.names():
        done = counts.get(name)
        rows.append(
            {
                "file": f"{name}.html",
                "title": titles[name][0],
                "title_en": titles[name][1],
                "exists": (folder / f"{name}.html").is_file(),
                "nodes": "" if done is None else done.nodes,
                "edges": "" if done is None else done.edges,
            }
        )
    narrowed = built[0].narrowed if built else []
    write_atomic(folder / INDEX, render_index(rows, narrowed).encode("utf-8"))
    return written


def _titles(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    fixed = {
        "overview": ("总览", "Overview"),
        "region-theme": ("区域与主题", "Regions and themes"),
        "linkages": ("跨区域关联", "Cross-region linkages"),
        "places": ("地点", "Places"),
    }
    for name, plan in catalogue.plans.items():
        fixed[name] = (plan.zh or name, f"Plan {name.removeprefix('plan-')}")
    return fixed
