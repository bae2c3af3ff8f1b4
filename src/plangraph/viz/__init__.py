"""Stage 5: HTML views of the graph, offline and safe.

Views, one self-contained HTML file each, with an ``index.html`` linking them.  First the
two that read at a glance, plain tables (:mod:`.pages`):

* ``crosswalk``: plans as columns, counterpart tasks side by side, the tasks without a
  counterpart apart (:mod:`.crosswalk`);
* ``theme-matrix``: themes × regions, how many tasks of each region carry each theme,
  main matter or only mentioned where the graph says so (:mod:`.matrix`);

then the interactive graph drawings (pyvis over vis-network):

* ``overview``: regions, plans, tasks, themes, places, agencies and targets;
* ``region-theme``: the themes each region carries, shared ones standing out;
* ``linkages``: cross-region links between tasks, with their kind and score (pg:Linkage
  nodes from the analysis, or derived from shared themes and places when there are none),
  filtered by kind and by a least score (the crosswalk is the readable answer; this one is
  for exploring);
* ``places``: places coloured by type, and the tasks and regions that name them;
* ``plan-<id>``: one plan's sections, tasks, targets and places (on corpora of more than
  :data:`PER_PLAN_LIMIT` plans only when asked: ``per_plan=True`` or ``view="plans"``;
  the corpus-wide views above already aggregate them).

The libraries (vis-network, tom-select) are written once into ``lib/`` beside the pages.

The graph is read from a pyoxigraph store through :mod:`plangraph.projection` (the
projection the analyses read too; :mod:`.data` adds the drawn nodes and edges), projected into
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
from .builders import build
from .pages import PAGE_TITLES
from .views import FIXED_VIEWS, PAGES, Catalogue, View

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["FIXED_VIEWS", "INDEX", "PAGES", "ViewFile", "build_views", "write_views"]

INDEX = "index.html"
PER_PLAN_LIMIT = 20  # more plans than this: no page per plan unless asked


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
    """The drawn views (NetworkX graphs and their words) without writing anything; the
    table pages (:data:`PAGES`) are not graphs and are left out."""
    from .data import load

    catalogue = Catalogue(load(store))
    names = [n for n in catalogue.select(view) if n not in PAGES]
    region_iri, theme_iri = catalogue.region(region), catalogue.theme(theme)
    return [build(catalogue, name, region_iri, theme_iri) for name in names]


def write_views(
    store: ox.Store,
    outdir: str | os.PathLike[str],
    view: str | None = None,
    region: str | None = None,
    theme: str | None = None,
    per_plan: bool | None = None,
) -> list[ViewFile]:
    """Write the views (all, or the one named), their libraries in ``lib/`` and
    ``index.html`` into ``outdir``.

    ``per_plan`` (default: only up to :data:`PER_PLAN_LIMIT` plans) says whether the
    ``plan-<id>`` pages are drawn when no ``view`` is named.
    """
    from .data import load
    from .render import Palette, render_index, render_view, write_assets

    folder = Path(outdir)
    data = load(store)
    catalogue = Catalogue(data)
    names = catalogue.select(view)
    if per_plan is None:
        per_plan = len(catalogue.plans) <= PER_PLAN_LIMIT
    if view is None and not per_plan:
        names = [name for name in names if name not in catalogue.plans]
    write_assets(folder)
    region_iri, theme_iri = catalogue.region(region), catalogue.theme(theme)
    built: list[View] = []
    for name in names:
        if name not in PAGES:
            built.append(build(catalogue, name, region_iri, theme_iri))
    kinds = {
        attrs.get("kind", "linkage")
        for v in built
        for _, _, attrs in v.graph.edges(data=True)
        if "linkage" in attrs.get("rels", [])
    }
    palette = Palette.of(data, kinds)
    titles = _titles(catalogue)
    links = [{"file": f"{n}.html", "title": titles[n][0]} for n in (*PAGES, *FIXED_VIEWS)]
    written: list[ViewFile] = []
    pages = [name for name in names if name in PAGES]
    if pages:
        written += _write_pages(store, folder, pages, region_iri, theme_iri, catalogue)
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
                "what": PAGE_TITLES[name][2] if name in PAGES else "",
                "page": name in PAGES,
                "exists": (folder / f"{name}.html").is_file(),
                "nodes": "" if done is None else done.nodes,
                "edges": "" if done is None else done.edges,
            }
        )
    narrowed = _narrowed(catalogue, region_iri, theme_iri)
    write_atomic(folder / INDEX, render_index(rows, narrowed).encode("utf-8"))
    return written


def _narrowed(catalogue: Catalogue, region: str | None, theme: str | None) -> list[str]:
    """The --region and --theme applied, in words (as the drawn views say them)."""
    from ..projection import local_name

    out = []
    for iri, what in ((region, "区域 region"), (theme, "主题 theme")):
        if iri is not None:
            node = catalogue.data.nodes[iri]
            out.append(f"{what}: {node.zh or local_name(iri)} {node.en}".strip())
    return out


def _write_pages(
    store: ox.Store,
    folder: Path,
    pages: list[str],
    region: str | None,
    theme: str | None,
    catalogue: Catalogue,
) -> list[ViewFile]:
    """The table pages, from the projection the analyses read (``nodes``: their rows)."""
    from ..projection import load
    from . import crosswalk, matrix
    from .pages import render

    data = load(store)
    narrowed = tuple(_narrowed(catalogue, region, theme))
    out = []
    for name in pages:
        started = time.perf_counter()
        if name == "crosswalk":
            context = crosswalk.crosswalk_context(
                data, crosswalk.compute(data, store), region, theme
            )
            rows = len(context["rows"]) + 1  # and the row of tasks without a counterpart
            template = crosswalk.FILE
        else:
            context = matrix.matrix_context(data, region, theme)
            rows = context["themes"]
            template = matrix.FILE
        body = render(template, narrowed=list(narrowed), **context).encode("utf-8")
        path = write_atomic(folder / f"{name}.html", body)
        out.append(ViewFile(name, path, rows, 0, len(body), time.perf_counter() - started))
    return out


def _titles(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    fixed = {name: (zh, en) for name, (zh, en, _) in PAGE_TITLES.items()}
    fixed |= {
        "overview": ("总览", "Overview"),
        "region-theme": ("区域与主题", "Regions and themes"),
        "linkages": ("跨区域关联", "Cross-region linkages"),
        "places": ("地点", "Places"),
    }
    for name, plan in catalogue.plans.items():
        fixed[name] = (plan.zh or name, f"Plan {name.removeprefix('plan-')}")
    return fixed
