"""The views as NetworkX graphs: the builder of each view (overview, region–theme, linkages,
places, one per plan), the linkages it draws when the graph holds none, and the narrowing
to one region or theme."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..graph import natural_key
from ..projection import local_name
from .data import GraphData, Link, Node, make_link, short_id
from .views import (
    CLASS_NAMES,
    LABEL_CHARS,
    PLACE_KIND_NAMES,
    SHARED,
    TOOLTIP_CHARS,
    Catalogue,
    View,
    _plan_id,
    clip,
)

if TYPE_CHECKING:
    import networkx as nx


# --------------------------------------------------------------------------- builders


def build(
    catalogue: Catalogue, name: str, region: str | None = None, theme: str | None = None
) -> View:
    """The view ``name`` narrowed to the region and theme IRIs given (None: everything)."""
    data = catalogue.data
    builder = _Builder(data)
    if name == "overview":
        view = builder.overview()
    elif name == "region-theme":
        view = builder.region_theme()
    elif name == "linkages":
        view = builder.linkages()
    elif name == "places":
        view = builder.places()
    else:
        view = builder.plan(name, catalogue.plans[name])
    if region is not None or theme is not None:
        _narrow(view, data, region, theme)
    if region is not None:
        node = data.nodes[region]
        view.narrowed.append(f"区域 region: {node.zh or local_name(region)} {node.en}".strip())
    if theme is not None:
        node = data.nodes[theme]
        view.narrowed.append(f"主题 theme: {node.zh or local_name(theme)} {node.en}".strip())
    return view


class _Builder:
    def __init__(self, data: GraphData) -> None:
        import networkx as nx

        self.nx = nx
        self.data = data
        self.tasks = data.of_class("Task")
        self.groups = self._groups()

    # ------------------------------------------------------------------ shared helpers

    def _groups(self) -> dict[str, tuple[str, ...]]:
        """Region IRIs of every plan; a plan whose region is unknown is its own group."""
        data = self.data
        return {p.iri: data.plan_regions.get(p.iri) or (p.iri,) for p in data.of_class("Plan")}

    def group_of(self, iri: str) -> tuple[str, ...]:
        node = self.data.nodes[iri]
        if node.cls == "Region":
            return (iri,)
        return self.groups.get(node.plan, ())

    def themes_of(self, task: str) -> list[str]:
        return [t for t in self.data.out(task, "hasTheme") if self.data.nodes[t].cls == "Theme"]

    def places_of(self, unit: str) -> list[str]:
        return [p for p in self.data.out(unit, "mentions") if self.data.nodes[p].cls == "Place"]

    def graph(self, multi: bool = False) -> nx.Graph:
        return self.nx.MultiGraph() if multi else self.nx.Graph()

    def add(self, g: nx.Graph, iri: str) -> None:
        if iri not in g:
            g.add_node(iri, **self.describe(iri))

    def link(self, g: nx.Graph, a: str, b: str, rel: str, **extra: Any) -> None:
        self.add(g, a)
        self.add(g, b)
        if g.has_edge(a, b):
            rels = g.edges[a, b]["rels"]
            if rel not in rels:
                rels.append(rel)
        else:
            g.add_edge(a, b, rels=[rel], **extra)

    def lift(self, iri: str, g: nx.Graph) -> str | None:
        """The node of ``g`` that stands for ``iri``: itself, or the plan of a section."""
        if iri in g:
            return iri
        node = self.data.nodes.get(iri)
        if node is not None and node.cls in {"Section", "Task"} and node.plan in g:
            return node.plan
        return None

    def finish(self, g: nx.Graph) -> nx.Graph:
        """A copy of ``g`` with nodes and edges in natural IRI order (stable output)."""
        out = self.graph(g.is_multigraph())
        out.add_nodes_from(sorted(g.nodes(data=True), key=lambda n: natural_key(n[0])))
        edges = g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)
        ordered = sorted(
            ((*sorted((e[0], e[1]), key=natural_key), *e[2:]) for e in edges),
            key=lambda e: (natural_key(e[0]), natural_key(e[1]), str(e[2])),
        )
        for edge in ordered:
            data = edge[-1]
            data["rels"] = sorted(data.get("rels", []))
            out.add_edge(edge[0], edge[1], **data)
        return out

    # ------------------------------------------------------------------ words

    def describe(self, iri: str) -> dict[str, Any]:
        """The node attributes every view shares: class, labels, colour group, tooltip."""
        data = self.data
        node = data.nodes[iri]
        zh = node.zh or local_name(iri)
        en = node.en
        if node.cls == "Task":
            themes = [data.nodes[t].en or data.nodes[t].zh for t in self.themes_of(iri)][:2]
            en = f"Task {node.ordinal}" + (f": {', '.join(themes)}" if themes else "")
            zh = f"({node.ordinal}){zh}" if node.ordinal else zh
        elif node.cls == "Section":
            en = f"Part {node.ordinal}"
        elif node.cls == "Plan":
            regions = [data.nodes[r].en for r in data.plan_regions.get(iri, ()) if data.nodes[r].en]
            en = f"Action plan: {', '.join(regions)}" if regions else f"Plan {_plan_id(node)}"
        elif node.cls == "Target":
            indicators = data.out(iri, "indicator")
            name = data.nodes[indicators[0]].en if indicators else ""
            en = " ".join(p for p in (name or "Target", node.en) if p)
        groups = self.group_of(iri) if node.cls not in SHARED else ()
        return {
            "cls": node.cls,
            "kind": node.kind,
            "zh": clip(zh, LABEL_CHARS),
            "search": clip(f"{zh} {en}" if en and en != zh else zh, TOOLTIP_CHARS),
            "en": clip(en or zh, LABEL_CHARS + 10),
            "groups": groups,
            "tooltip": self.tooltip(node, zh, en, groups),
        }

    def tooltip(self, node: Node, zh: str, en: str, groups: Iterable[str]) -> str:
        data = self.data
        head = f"{CLASS_NAMES.get(node.cls, node.cls)} {node.cls}"
        if node.kind:
            head += f" · {PLACE_KIND_NAMES.get(node.kind, node.kind)} {node.kind}"
        names = [data.nodes[g].zh or local_name(g) for g in groups if g in data.nodes]
        if names and node.cls != "Region":
            head += f" · {'、'.join(names)}"
        lines = [head, clip(zh, TOOLTIP_CHARS)]
        if en and en != zh:
            lines.append(clip(en, TOOLTIP_CHARS))
        lines.extend(f"{k}: {clip(v, 80)}" for k, v in node.facts if k != "id")
        own_text = node.cls in {"Task", "Section"} or (node.cls == "Plan" and node.text != zh)
        if own_text and node.text:
            lines.append("原文 source: " + clip(node.text, TOOLTIP_CHARS))
        if node.quote:
            lines.append("引文 quote: " + clip(node.quote, TOOLTIP_CHARS))
        if node.sentence and node.sentence != node.quote:
            lines.append("原句 sentence: " + clip(node.sentence, TOOLTIP_CHARS))
        if node.mentions:
            lines.append(f"提及 mentions: {node.mentions}")
        if node.cls == "Region":
            members = [data.nodes[p].zh for p in data.out(node.iri, "includes") if data.nodes[p].zh]
            if members:
                lines.append("包括 includes: " + clip("、".join(members), TOOLTIP_CHARS))
        lines.append("id: " + short_id(node.iri))
        return "\n".join(lines)

    # ------------------------------------------------------------------ views

    def overview(self) -> View:
        data, g = self.data, self.graph()
        for region in data.of_class("Region"):
            self.add(g, region.iri)
        for plan in data.of_class("Plan"):
            self.add(g, plan.iri)
            for covered in data.plan_regions.get(plan.iri, ()):
                self.link(g, plan.iri, covered, "coversRegion")
        for task in self.tasks:
            if task.plan in g:
                self.link(g, task.plan, task.iri, "task")
            for theme in self.themes_of(task.iri):
                self.link(g, task.iri, theme, "hasTheme")
            for place in self.places_of(task.iri):
                self.link(g, task.iri, place, "mentions")
        for region in data.of_class("Region"):
            for place in data.out(region.iri, "includes"):
                self.link(g, region.iri, place, "includes")
        for rel in ("issuedBy", "approvedBy", "mentions", "responsible"):
            for (s, o), rels in data.edges.items():
                if rel in rels and data.nodes[o].cls == "Agency":
                    owner = self.lift(s, g)
                    if owner is not None:
                        self.link(g, owner, o, rel)
        for target in data.of_class("Target"):
            owners = [o for o in (self.lift(x, g) for x in data.into(target.iri, "hasTarget")) if o]
            owner = owners[0] if owners else (target.plan if target.plan in g else None)
            self.add(g, target.iri)
            if owner is not None:
                self.link(g, owner, target.iri, "hasTarget")
            for place in data.out(target.iri, "scope"):
                self.link(g, target.iri, place, "scope")
        return View("overview", "总览", "Overview", self.finish(g))

    def region_theme(self) -> View:
        data, g = self.data, self.graph()
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for task in self.tasks:
            for group in self.group_of(task.iri):
                for theme in self.themes_of(task.iri):
                    counts[group, theme] += 1
        for group in sorted({grp for grp, _ in counts} | set(self._all_groups()), key=natural_key):
            self.add(g, group)
            g.nodes[group]["anchor"] = True
        carriers: dict[str, list[str]] = defaultdict(list)
        for (group, theme), n in sorted(counts.items(), key=lambda kv: natural_key("".join(kv[0]))):
            self.link(g, group, theme, "carries", weight=n, count=n)
            carriers[theme].append(group)
        total = len(self._all_groups())
        for theme, groups in carriers.items():
            attrs = g.nodes[theme]
            attrs["shared"] = len(groups)
            attrs["share"] = (
                "all" if len(groups) == total > 1 else "some" if len(groups) > 1 else "one"
            )
            names = "、".join(data.nodes[x].zh or local_name(x) for x in groups)
            attrs["tooltip"] += f"\n承载区域 carried by ({len(groups)}/{total}): {names}"
        for _, _, attrs in g.edges(data=True):
            attrs["title_extra"] = f"任务数 tasks: {attrs['count']}"
        view = View("region-theme", "区域与主题", "Regions and themes", self.finish(g))
        view.layout = "anchors"
        return view

    def _all_groups(self) -> list[str]:
        found = {grp for groups in self.groups.values() for grp in groups}
        return sorted(found, key=natural_key)

    def linkages(self) -> View:
        data, g = self.data, self.graph(multi=True)
        links, source = data.linkages, "graph"
        if not links:
            links, source = analysis_linkages(data)
        ends: list[tuple[str, str, Link]] = []
        for link in links:
            a, b = (self._end(x) for x in (link.source, link.target))
            if a is not None and b is not None and a != b:
                ends.append((a, b, link))
                self.add(g, a)
                self.add(g, b)
        for task in [n for n in g.nodes if data.nodes[n].cls == "Task"]:
            for group in self.group_of(task):
                self.add(g, group)
                g.nodes[group]["anchor"] = True
                g.add_edge(task, group, rels=["region"])
        for a, b, link in ends:
            g.add_edge(
                a,
                b,
                rels=["linkage"],
                kind=link.kind,
                score=round(link.score, 4),
                evidence=list(link.evidence),
            )
        view = View("linkages", "跨区域关联", "Cross-region linkages", self.finish(g))
        view.layout = "clusters"
        view.emphasis = frozenset({"Task"})  # the tasks are what the links join: name them
        if source == "derived":
            view.notes.append("由共同主题和地点推导 derived from shared themes and places")
        elif source == "analysis":
            view.notes.append("由 plangraph.analysis 计算 computed by plangraph.analysis")
        return view

    def _end(self, iri: str) -> str | None:
        """The node that stands for one end of a linkage: a plan is drawn as its region."""
        node = self.data.nodes.get(iri)
        if node is None:
            return None
        if node.cls == "Plan":
            groups = self.group_of(iri)
            return groups[0] if groups else None
        return iri

    def places(self) -> View:
        data, g = self.data, self.graph()
        for task in self.tasks:
            for place in self.places_of(task.iri):
                self.link(g, task.iri, place, "mentions")
        for region in data.of_class("Region"):
            self.add(g, region.iri)
            for place in data.out(region.iri, "includes"):
                self.link(g, region.iri, place, "includes")
        for place in [n for n in g.nodes if data.nodes[n].cls == "Place"]:
            for outer in data.out(place, "locatedIn"):
                if outer in g:
                    self.link(g, place, outer, "locatedIn")
        view = View("places", "地点", "Places", self.finish(g), colour_by="kind")
        view.emphasis = frozenset({"Place"})
        return view

    def plan(self, name: str, plan: Node) -> View:
        data, g = self.data, self.graph()
        self.add(g, plan.iri)
        sections = [s for s in data.of_class("Section") if s.plan == plan.iri]
        for section in sections:
            self.link(g, plan.iri, section.iri, "hasSection")
        for task in self.tasks:
            if task.plan != plan.iri:
                continue
            parent = task.section if task.section in g else plan.iri
            self.link(g, parent, task.iri, "hasTask")
        for unit in list(g.nodes):
            if data.nodes[unit].cls in {"Section", "Task"}:
                for place in self.places_of(unit):
                    self.link(g, unit, place, "mentions")
        for target in data.of_class("Target"):
            if target.plan != plan.iri:
                continue
            owners = [o for o in (self.lift(x, g) for x in data.into(target.iri, "hasTarget")) if o]
            self.link(g, owners[0] if owners else plan.iri, target.iri, "hasTarget")
            for place in data.out(target.iri, "scope"):
                self.link(g, target.iri, place, "scope")
        view = View(name, plan.zh or _plan_id(plan), f"Plan {_plan_id(plan)}", self.finish(g))
        view.emphasis = frozenset({"Section"})
        return view


# --------------------------------------------------------------------------- linkages

MIN_SCORE = 0.15


def analysis_linkages(data: GraphData) -> tuple[list[Link], str]:
    """Linkages computed by :mod:`plangraph.analysis` on the store, when it is available.

    Used when the graph file holds no pg:Linkage nodes (the analysis results were not
    written into it); without the analysis package they are derived here instead.
    """
    try:
        from ..analysis.linkage import analyze_linkages
        from ..analysis.project import load
    except ImportError:
        return derive_linkages(data), "derived"
    if data.store is None:
        return derive_linkages(data), "derived"
    result = analyze_linkages(load(data.store))
    links = []
    for item in result.links:
        link = make_link(
            kind=item.kind,
            score=item.score,
            ends=item.from_task or item.from_plan,
            other=item.to_task or item.place or item.to_plan or "",
            evidence=[
                *(_name(data, e) if e in data.nodes else local_name(e) for e in item.evidence),
                *item.evidence_text,
            ],
            nodes=data.nodes,
        )
        if link is not None:
            links.append(link)
    return links, "analysis"


def derive_linkages(data: GraphData) -> list[Link]:
    """Cross-region task pairs that share themes or places, for graphs without pg:Linkage.

    For every task and every other region, the best-matching task there (Jaccard over the
    themes and places both carry), when the score reaches :data:`MIN_SCORE`.
    """
    builder = _Builder(data)
    items: dict[str, set[str]] = {}
    for task in builder.tasks:
        items[task.iri] = set(builder.themes_of(task.iri)) | set(builder.places_of(task.iri))
    holders: dict[str, list[str]] = defaultdict(list)
    for holder, held in items.items():
        for item in held:
            holders[item].append(holder)
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for task in builder.tasks:
        mine = items[task.iri]
        if not mine:
            continue
        home = set(builder.group_of(task.iri))
        overlap: dict[str, int] = defaultdict(int)
        for item in mine:
            for other in holders[item]:
                overlap[other] += 1
        for other, count in overlap.items():
            groups = set(builder.group_of(other))
            if not groups or groups & home:
                continue
            score = count / len(mine | items[other])
            for group in sorted(groups, key=natural_key):
                key = (task.iri, group)
                if key not in best or (-score, natural_key(other)) < (
                    -best[key][0],
                    natural_key(best[key][1]),
                ):
                    best[key] = (score, other)
    pairs: dict[tuple[str, str], float] = {}
    for (first, _), (score, other) in best.items():
        if score >= MIN_SCORE:
            a, b = sorted((first, other), key=natural_key)
            pairs[a, b] = score
    links = []
    for (a, b), score in sorted(
        pairs.items(), key=lambda kv: (natural_key(kv[0][0]), natural_key(kv[0][1]))
    ):
        shared = items[a] & items[b]
        themes = sorted((s for s in shared if data.nodes[s].cls == "Theme"), key=natural_key)
        places = sorted((s for s in shared if data.nodes[s].cls == "Place"), key=natural_key)
        kind = "+".join(k for k, found in (("theme", themes), ("place", places)) if found)
        evidence = []
        if themes:
            evidence.append("共同主题 themes: " + "、".join(_name(data, t) for t in themes))
        if places:
            evidence.append("共同地点 places: " + "、".join(_name(data, p) for p in places))
        links.append(Link(a, b, kind, score, tuple(evidence)))
    return links


def _name(data: GraphData, iri: str) -> str:
    node = data.nodes[iri]
    return node.zh or node.en or local_name(iri)


# --------------------------------------------------------------------------- narrowing


def _narrow(view: View, data: GraphData, region: str | None, theme: str | None) -> None:
    g = view.graph
    task_themes = {t.iri: set(data.out(t.iri, "hasTheme")) for t in data.of_class("Task")}
    section_themes: dict[str, set[str]] = defaultdict(set)
    for task in data.of_class("Task"):
        section_themes[task.section] |= task_themes[task.iri]

    def in_region(iri: str) -> bool:
        cls = g.nodes[iri]["cls"]
        if region is None or cls in SHARED:
            return True
        return region in data.regions_of(iri) or iri == region

    def on_theme(iri: str) -> bool:
        node = data.nodes[iri]
        if theme is None or node.cls in {"Region", "Plan", "Place", "Agency", "Indicator"}:
            return True
        if node.cls == "Theme":
            return iri == theme
        if node.cls == "Task":
            return theme in task_themes.get(iri, set())
        if node.cls == "Section":
            return theme in section_themes.get(iri, set())
        if node.cls == "Target":
            owners = data.into(iri, "hasTarget")
            return any(theme in task_themes.get(o, set()) for o in owners)
        return True

    keep: Callable[[str], bool]
    if view.name == "linkages" and region is not None:
        home = {n for n in g if g.nodes[n]["cls"] == "Task" and region in data.regions_of(n)}
        linked = {m for n in home for m in g.neighbors(n) if g.nodes[m]["cls"] == "Task"}
        tasks = home | linked

        def keep(iri: str) -> bool:
            cls = g.nodes[iri]["cls"]
            return (iri in tasks if cls == "Task" else True) and on_theme(iri)

    else:

        def keep(iri: str) -> bool:
            return in_region(iri) and on_theme(iri)

    before = dict(g.degree())
    narrowed = g.subgraph([n for n in g if keep(n)]).copy()
    if view.name == "linkages" and region is not None:
        drop = [
            (a, b, k)
            for a, b, k, d in narrowed.edges(keys=True, data=True)
            if d["rels"] == ["linkage"] and a not in home and b not in home
        ]
        narrowed.remove_edges_from(drop)
    orphans = [
        n
        for n in narrowed
        if narrowed.degree(n) == 0 and before[n] > 0 and g.nodes[n]["cls"] not in {"Plan"}
    ]
    narrowed.remove_nodes_from(orphans)
    view.graph = narrowed
