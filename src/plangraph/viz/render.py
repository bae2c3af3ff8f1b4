"""Views to offline HTML: pyvis's network model and bundled vis-network, our template.

pyvis's own template cannot be used as it is: it loads Bootstrap from a CDN even with
``cdn_resources="in_line"``, writes the heading and the select-menu options into the page
unescaped, switches to an ``innerHTML`` popup as soon as a tooltip contains "href", and
its click handler reads an undeclared global (a ReferenceError on the first click on the
background).  So plangraph keeps pyvis's :class:`~pyvis.network.Network` (nodes, edges,
options) and the JavaScript and CSS that pyvis bundles (vis-network 9.1.2, tom-select),
and renders them with its own template (``viz/view.html``), which:

* loads the libraries from one local copy in ``lib/`` beside the pages (written once for
  all the views, not inlined into each) and inlines everything else; the
  Content-Security-Policy allows only those files ('self') and the page's own script, and
  no fetch at all, so the pages open offline from disk;
* embeds the data as JSON with ``<``, ``>``, ``&``, ``'`` and U+2028/9 escaped, so that
  plan text cannot close the ``<script>`` element;
* turns every tooltip into a DOM text node (never HTML), and lets the CSP allow only the
  page's own scripts, by hash, so that an injected event handler could not run anyway.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..files import write_atomic
from ..graph import natural_key
from ..projection import local_name
from .data import GraphData, short_id
from .layout import layout
from .views import CLASS_NAMES, PLACE_KIND_NAMES, RELATION_NAMES, View, clip

PHYSICS_LIMIT = 500  # above this many nodes, physics is off and the positions are final
BIG_EDGES = 2000  # above this many edges, edges are straight and hidden while dragging
FONT = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", "Hiragino Sans GB", sans-serif'
)

#: shape, base size and label size per class: labels smaller than LABEL_THRESHOLD pixels
#: on screen are not drawn, so zoomed out only the regions, plans and themes are named
SHAPES = {
    "Region": ("hexagon", 30, 26),
    "Plan": ("star", 26, 22),
    "Section": ("square", 15, 16),
    "Task": ("dot", 11, 13),
    "Target": ("triangleDown", 11, 12),
    "Indicator": ("triangle", 12, 13),
    "Theme": ("diamond", 15, 21),
    "Place": ("triangle", 11, 13),
    "AreaCategory": ("triangle", 11, 13),
    "Agency": ("square", 12, 14),
}
LABEL_THRESHOLD = 8
_CLASS_ORDER = {cls: i for i, cls in enumerate(SHAPES)}
#: colours of the nodes that belong to no region
CLASS_COLOURS = {
    "Theme": "#f2b134",
    "Place": "#8d6e63",
    "AreaCategory": "#a1887f",
    "Agency": "#546e7a",
    "Indicator": "#9575cd",
}
REGION_PALETTE = (
    "#2f6fd6",
    "#2a9d5c",
    "#e4572e",
    "#8e44ad",
    "#17a2b8",
    "#b8860b",
    "#c2185b",
    "#5d6d7e",
)
PLACE_COLOURS = {
    "River": "#1e88e5",
    "Lake": "#42a5f5",
    "Reservoir": "#64b5f6",
    "Bay": "#0277bd",
    "Sea": "#01579b",
    "Estuary": "#0097a7",
    "Coast": "#4dd0e1",
    "Island": "#26a69a",
    "Port": "#ff8f00",
    "Mountain": "#6d4c41",
    "Wetland": "#00897b",
    "Forest": "#2e7d32",
    "ProtectedArea": "#43a047",
    "Corridor": "#9ccc65",
    "Basin": "#5c6bc0",
    "Area": "#9e9e9e",
    "AdministrativeArea": "#757575",
    "Province": "#616161",
    "City": "#8d8d8d",
    "District": "#a1887f",
    "DevelopmentZone": "#f4511e",
}
SHARE_COLOURS = {"all": "#d35400", "some": "#f2b134", "one": "#d9d4c7"}
SHARE_NAMES = {
    "all": "所有区域共有 shared by all",
    "some": "部分区域共有 shared by some",
    "one": "仅一区域 one region only",
}
LINK_PALETTE = ("#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")
EDGE_COLOUR = "#b9b9b9"
DIMMED = "rgba(200,200,200,0.35)"

_UNSAFE_IN_SCRIPT = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_UNSAFE_RE = re.compile("[<>&'\u2028\u2029]")


def script_json(value: Any) -> Markup:
    """JSON that is safe inside ``<script>``: no character of it can end the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(_UNSAFE_RE.sub(lambda m: _UNSAFE_IN_SCRIPT[m.group()], text))


# --------------------------------------------------------------------------- assets


# the libraries every view loads, written once into lib/ beside the pages (never a CDN)
ASSETS = {
    "vis-network.min.js": ("vis-9.1.2", "vis-network.min.js"),
    "vis-network.css": ("vis-9.1.2", "vis-network.css"),
    "tom-select.complete.min.js": ("tom-select", "tom-select.complete.min.js"),
    "tom-select.css": ("tom-select", "tom-select.css"),
}
ASSET_FOLDER = "lib"


@functools.cache
def asset_bytes(name: str) -> bytes:
    """A library file that pyvis bundles (vis-network 9.1.2, tom-select)."""
    return files("pyvis").joinpath("templates", "lib", *ASSETS[name]).read_bytes()


def write_assets(folder: Path) -> list[Path]:
    """Write the libraries into ``folder/lib`` (unchanged files are left alone)."""
    written = []
    for name in ASSETS:
        path = folder / ASSET_FOLDER / name
        data = asset_bytes(name)
        if not path.is_file() or path.read_bytes() != data:
            write_atomic(path, data)
        written.append(path)
    return written


@functools.cache
def _environment() -> Any:
    from jinja2 import DictLoader, Environment, StrictUndefined

    from ..resources import read_text

    env = Environment(
        loader=DictLoader(
            {
                "view.html": read_text("viz", "view.html"),
                "index.html": read_text("viz", "index.html"),
            }
        ),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = script_json
    return env


def _csp(html: str) -> str:
    """A Content-Security-Policy allowing only this page's scripts (by hash), no fetches."""
    hashes = []
    for body in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return (
        "default-src 'none'; "
        f"script-src 'self' {' '.join(dict.fromkeys(hashes))}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


CSP_PLACEHOLDER = "__PLANGRAPH_CSP__"


# --------------------------------------------------------------------------- styling


@dataclass(frozen=True)
class Palette:
    """Colours that stay the same in every view of a graph, whatever is filtered out."""

    groups: Mapping[str, str]  # region (or plan) IRI -> colour
    links: Mapping[str, str]  # linkage kind -> colour

    @classmethod
    def of(cls, data: GraphData, kinds: Iterable[str]) -> Palette:
        regions = [n.iri for n in data.of_class("Region")]
        plans = [p.iri for p in data.of_class("Plan") if not data.plan_regions.get(p.iri)]
        groups = {
            iri: REGION_PALETTE[i % len(REGION_PALETTE)] for i, iri in enumerate([*regions, *plans])
        }
        links = {k: LINK_PALETTE[i % len(LINK_PALETTE)] for i, k in enumerate(sorted(kinds))}
        return cls(groups, links)


def _legend_entry(key: str, label: str, colour: str, shape: str, count: int) -> dict[str, Any]:
    return {"key": key, "label": label, "colour": colour, "shape": shape, "count": count}


def style(view: View, data: GraphData, palette: Palette) -> dict[str, Any]:
    """The vis-network nodes, edges and options of a view, and its legend."""
    g = view.graph
    positions = layout(g, view.layout)
    big = len(g) > PHYSICS_LIMIT
    nodes: list[dict[str, Any]] = []
    class_count: dict[str, int] = {}
    colour_count: dict[str, tuple[str, str, int]] = {}
    for iri, attrs in g.nodes(data=True):
        cls = attrs["cls"]
        shape, base, font = SHAPES.get(cls, ("dot", 12, 13))
        colour, colour_key, colour_label = _colour(view, data, palette, iri, attrs)
        degree = g.degree(iri)
        size = round(min(base * 3, base + 3.2 * math.sqrt(degree)), 1)
        x, y = positions[iri]
        node: dict[str, Any] = {
            "id": short_id(iri),
            "label": attrs["zh"],
            "zh": attrs["zh"],
            "en": attrs["en"],
            "title": attrs["tooltip"] + f"\n度 degree: {degree}",
            "shape": shape,
            "color": colour,
            "size": size,
            "x": x,
            "y": y,
            "cls": cls,
            "ck": colour_key,
            "q": attrs.get("search", attrs["zh"]),
        }
        font = min(font + 6, font + round(math.sqrt(degree))) + (6 if cls in view.emphasis else 0)
        node["font"] = {"size": font}
        if attrs.get("share") == "all":
            node["borderWidth"] = 4
        nodes.append(node)
        class_count[cls] = class_count.get(cls, 0) + 1
        label, n = colour_label, colour_count.get(colour_key, ("", "", 0))[2]
        colour_count[colour_key] = (label, colour, n + 1)
    edges: list[dict[str, Any]] = []
    edge_kinds: dict[str, int] = {}
    scores: list[float] = []
    for i, (a, b, attrs) in enumerate(g.edges(data=True)):
        edge: dict[str, Any] = {"id": f"e{i}", "from": short_id(a), "to": short_id(b)}
        rels = attrs.get("rels", [])
        lines = [" / ".join(RELATION_NAMES.get(r, r) for r in rels)]
        if "linkage" in rels:
            kind = attrs.get("kind", "linkage")
            score = float(attrs.get("score", 0.0))
            edge["color"] = palette.links.get(kind, LINK_PALETTE[-1])
            edge["width"] = round(1 + 5 * max(0.0, min(score, 1.0)), 2)
            edge["ek"] = kind
            edge["score"] = round(score, 4)
            scores.append(score)
            edge_kinds[kind] = edge_kinds.get(kind, 0) + 1
            lines = [f"关联 linkage: {kind}", f"分数 score: {score:g}"]
            lines += [clip(e, 240) for e in attrs.get("evidence", [])]
            lines += [f"{g.nodes[a]['zh']} — {g.nodes[b]['zh']}"]
        elif "carries" in rels:
            count = int(attrs.get("count", 1))
            edge["width"] = round(1 + 1.5 * math.sqrt(count), 2)
            edge["value"] = count
            lines.append(attrs.get("title_extra", ""))
        edge["title"] = "\n".join(line for line in lines if line)
        edges.append(edge)
    legend: dict[str, Any] = {
        "classes": [
            _legend_entry(cls, f"{CLASS_NAMES.get(cls, cls)} {cls}", "#888", _shape(cls), n)
            for cls, n in sorted(class_count.items(), key=lambda kv: _CLASS_ORDER.get(kv[0], 99))
        ],
        "colours": [
            _legend_entry(key, label, colour, "dot", n)
            for key, (label, colour, n) in colour_count.items()
        ],
        "links": [
            _legend_entry(kind, kind, palette.links.get(kind, LINK_PALETTE[-1]), "line", n)
            for kind, n in sorted(edge_kinds.items())
        ],
    }
    legend["colours"].sort(key=lambda e: (_colour_rank(e["key"]), natural_key(e["key"])))
    tasks = sum(1 for _, attrs in g.nodes(data=True) if attrs["cls"] == "Task")
    legend["score"] = least_score(scores, tasks) if scores else None
    fixed = big or view.layout != "spring"
    options = _options(big=big, fixed=fixed, edges=len(edges))
    return {"nodes": nodes, "edges": edges, "options": options, "legend": legend}


LINKS_PER_TASK = 1.0  # linkage edges shown at first per task drawn (more with the slider)


def least_score(scores: list[float], tasks: int) -> dict[str, float]:
    """The score slider of a linkage view: its range, and the least score shown at first,
    so that about :data:`LINKS_PER_TASK` links per task are drawn (the strongest)."""
    ranked = sorted(scores, reverse=True)
    budget = max(1, round(LINKS_PER_TASK * max(tasks, 1)))
    start = 0.0 if len(ranked) <= budget else ranked[budget - 1]
    return {
        "min": math.floor(ranked[-1] * 100) / 100,
        "max": math.ceil(ranked[0] * 100) / 100,
        "value": math.floor(start * 100) / 100,
    }


def _shape(cls: str) -> str:
    return SHAPES.get(cls, ("dot", 12, 13))[0]


def _colour_rank(key: str) -> int:
    return 0 if key.startswith("g:") else 1 if key.startswith("share:") else 2


def _colour(
    view: View, data: GraphData, palette: Palette, iri: str, attrs: Mapping[str, Any]
) -> tuple[str, str, str]:
    """(colour, legend key, legend label) of a node."""
    cls = attrs["cls"]
    if "share" in attrs:
        share = attrs["share"]
        return SHARE_COLOURS[share], f"share:{share}", SHARE_NAMES[share]
    if cls == "Place" and view.colour_by == "kind":
        kind = attrs.get("kind") or "Place"
        label = f"{PLACE_KIND_NAMES.get(kind, CLASS_NAMES['Place'])} {kind}"
        return PLACE_COLOURS.get(kind, CLASS_COLOURS["Place"]), f"kind:{kind}", label
    groups = attrs.get("groups", ())
    if groups:
        group = groups[0]
        node = data.nodes[group]
        label = " ".join(p for p in (node.zh or local_name(group), node.en) if p)
        return palette.groups.get(group, REGION_PALETTE[-1]), f"g:{short_id(group)}", label
    colour = CLASS_COLOURS.get(cls, "#999999")
    return colour, f"c:{cls}", f"{CLASS_NAMES.get(cls, cls)} {cls}"


def _options(*, big: bool, fixed: bool, edges: int) -> dict[str, Any]:
    """vis-network options: physics only for small spring layouts, straight edges when the
    positions are final, edges hidden while dragging when there are many."""
    physics = not fixed
    many_edges = big or edges > BIG_EDGES
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
            "stabilization": {"enabled": physics, "iterations": 250, "fit": True},
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": many_edges,
            "hideEdgesOnZoom": many_edges,
            "navigationButtons": False,
            "multiselect": False,
        },
        "nodes": {
            "font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
            "scaling": {"label": {"drawThreshold": LABEL_THRESHOLD}},
        },
        "edges": {
            "smooth": False if fixed or many_edges else {"enabled": True, "type": "continuous"},
            "color": {"color": EDGE_COLOUR, "highlight": "#333333", "hover": "#555555"},
            "width": 1,
        },
    }


# --------------------------------------------------------------------------- pages


def render_view(view: View, data: GraphData, palette: Palette, views: list[dict[str, str]]) -> str:
    """The complete HTML page of one view."""
    from pyvis.network import Network

    styled = style(view, data, palette)
    net = Network(height="100%", width="100%", cdn_resources="in_line")
    # pyvis's add_node/add_edge check membership in lists (quadratic); the lists are
    # filled directly, which is what add_node would store
    net.nodes = styled["nodes"]
    net.edges = styled["edges"]
    net.node_ids = [n["id"] for n in styled["nodes"]]
    net.node_map = {n["id"]: n for n in styled["nodes"]}
    net.options = styled["options"]
    nodes, edges, _, _, _, options = net.get_network_data()
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "physics": bool(styled["options"]["physics"]["enabled"]),
        "dimmed": DIMMED,
        "edgeColour": EDGE_COLOUR,
        "classNames": CLASS_NAMES,
    }
    html: str = (
        _environment()
        .get_template("view.html")
        .render(
            view=view,
            payload=payload,
            legend=styled["legend"],
            views=views,
            node_count=len(nodes),
            edge_count=len(edges),
            physics=payload["physics"],
            csp=CSP_PLACEHOLDER,
        )
    )
    return html.replace(CSP_PLACEHOLDER, _csp(html), 1)


def render_index(views: list[dict[str, Any]], notes: list[str]) -> str:
    html: str = (
        _environment()
        .get_template("index.html")
        .render(views=views, notes=notes, csp=CSP_PLACEHOLDER)
    )
    return html.replace(CSP_PLACEHOLDER, _csp(html), 1)
