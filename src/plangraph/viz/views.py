"""The views a graph offers and what a view is: their names, the words they show (class,
place-kind and relation names in Chinese and English, label lengths), :class:`View`, and the
:class:`Catalogue` that resolves --view, --region and --theme.

:mod:`.builders` makes each view's NetworkX graph from the
:class:`~plangraph.viz.data.GraphData` read from the store: per node the class, the Chinese
and English labels and the tooltip text (type, labels, source sentence), and per edge its
relation.  How things look (colours, shapes, sizes, positions) is decided later, in ``render``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import PlangraphError
from ..projection import local_name
from .data import GraphData, Node, short_id

if TYPE_CHECKING:
    import networkx as nx

FIXED_VIEWS = ("overview", "region-theme", "linkages", "places")  # drawn with vis-network
PAGES = ("crosswalk", "theme-matrix")  # plain tables that read at a glance (.pages)
PLAN_PREFIX = "plan-"
SHARED = {"Theme", "Place", "Agency", "Indicator"}
REGIONAL = {"Plan", "Section", "Task", "Target"}

CLASS_NAMES = {
    "Region": "区域",
    "Plan": "方案",
    "Section": "部分",
    "Task": "任务",
    "Target": "目标",
    "Indicator": "指标",
    "Theme": "主题",
    "Agency": "机构",
    "Place": "地点",
    "AreaCategory": "区域类别",
    "Linkage": "关联",
}
PLACE_KIND_NAMES = {
    "River": "河流",
    "Lake": "湖泊",
    "Reservoir": "水库",
    "Bay": "海湾",
    "Sea": "海域",
    "Estuary": "河口",
    "Coast": "海岸",
    "Island": "岛屿",
    "Port": "港口",
    "Mountain": "山脉",
    "Wetland": "湿地",
    "Forest": "森林",
    "ProtectedArea": "保护地",
    "Corridor": "廊道",
    "Basin": "流域",
    "Area": "地区",
    "AdministrativeArea": "行政区",
    "Province": "省级行政区",
    "City": "城市",
    "District": "区县",
    "DevelopmentZone": "新区",
}
RELATION_NAMES = {
    "coversRegion": "覆盖区域 covers region",
    "hasSection": "包含部分 has section",
    "hasTask": "包含任务 has task",
    "task": "包含任务 has task",
    "hasTarget": "目标 has target",
    "hasTheme": "主题 has theme",
    "mentions": "提及 mentions",
    "responsible": "负责 responsible",
    "issuedBy": "印发 issued by",
    "approvedBy": "同意 approved by",
    "includes": "包括 includes",
    "locatedIn": "位于 located in",
    "scope": "范围 scope",
    "indicator": "指标 indicator",
    "carries": "承载主题 carries theme",
    "region": "所属区域 in region",
}
LABEL_CHARS = 18  # longer labels are cut with … (the tooltip has the whole text)
TOOLTIP_CHARS = 280


@dataclass
class View:
    """One view: its file name, titles and the NetworkX graph to draw."""

    name: str
    title: str
    title_en: str
    graph: nx.Graph
    colour_by: str = "region"  # "region": regional nodes by region; "kind": places by type
    notes: list[str] = field(default_factory=list)  # where the data came from
    narrowed: list[str] = field(default_factory=list)  # the --region / --theme applied
    layout: str = "spring"  # or "anchors": nodes between the anchor nodes they link to
    emphasis: frozenset[str] = frozenset()  # classes whose labels are drawn larger

    @property
    def file_name(self) -> str:
        return f"{self.name}.html"


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plan_view_name(plan_id: str) -> str:
    """``plan-<id>`` with every character that is unsafe in a file name replaced by ``-``."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", plan_id)[:80].strip(".-")
    return PLAN_PREFIX + (safe or "plan")


# --------------------------------------------------------------------------- catalogue


class Catalogue:
    """The views a graph offers, and how --region and --theme values resolve."""

    def __init__(self, data: GraphData) -> None:
        self.data = data
        self.plans: dict[str, Node] = {}
        used: set[str] = set()
        for plan in data.of_class("Plan"):
            name = plan_view_name(_plan_id(plan))
            base, n = name, 2
            while name in used:
                name, n = f"{base}-{n}", n + 1
            used.add(name)
            self.plans[name] = plan

    def names(self) -> list[str]:
        return [*PAGES, *FIXED_VIEWS, *self.plans]

    def select(self, view: str | None) -> list[str]:
        if view is None:
            return self.names()
        if view in PAGES or view in FIXED_VIEWS or view in self.plans:
            return [view]
        if view == "plans":
            return list(self.plans)
        by_id = {_plan_id(p): name for name, p in self.plans.items()}
        if view in by_id:
            return [by_id[view]]
        raise PlangraphError(
            f"unknown view {view!r}; expected one of "
            + ", ".join([*FIXED_VIEWS, *PAGES, *self.plans, "plans"])
        )

    def region(self, value: str | None) -> str | None:
        if value is None:
            return None
        return _resolve(self.data, value, "Region", "region")

    def theme(self, value: str | None) -> str | None:
        if value is None:
            return None
        return _resolve(self.data, value, "Theme", "theme")


def _plan_id(plan: Node) -> str:
    return dict(plan.facts).get("id") or local_name(plan.iri)


def _resolve(data: GraphData, value: str, cls: str, what: str) -> str:
    wanted = value.strip().casefold()
    candidates = data.of_class(cls)
    for node in candidates:
        names = {local_name(node.iri), short_id(node.iri), node.iri, node.zh, node.en}
        if wanted in {n.casefold() for n in names if n}:
            return node.iri
    known = ", ".join(
        f"{local_name(n.iri)} ({n.zh})" if n.zh else local_name(n.iri) for n in candidates
    )
    raise PlangraphError(
        f"no {what} {value!r} in the graph; expected one of: {known or '(the graph has none)'}"
    )
