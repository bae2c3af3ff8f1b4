"""The report's sections after the first screen: links to the interactive views, shared
themes, cross-region linkages, text reuse, target comparison, centrality and communities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from .markup import LIMITS, _e, _more, _table, anchor

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..analysis.render import Names


VIEWS = (
    ("crosswalk.html", "Task crosswalk", "counterpart tasks side by side, and each plan's own"),
    ("theme-matrix.html", "Themes × regions", "how many tasks of each region carry each theme"),
    ("overview.html", "Overview", "regions, plans, tasks, themes, places, agencies, targets"),
    ("region-theme.html", "Regions and themes", "the themes each region carries"),
    ("linkages.html", "Linkages", "cross-region links between tasks"),
    ("places.html", "Places", "places by type, and who names them"),
)


def _href(views: str, name: str) -> str:
    base = quote(views.strip("/"), safe="/._-~") + "/" if views.strip("/") else ""
    return _e(base + quote(name, safe="._-~"))


def plan_view_file(plan_id: str) -> str:
    """The plan's view file, named as :func:`plangraph.viz.views.plan_view_name` names it."""
    return "plan-" + (re.sub(r"[^A-Za-z0-9._-]+", "-", plan_id).strip(".-") or "plan") + ".html"


def _views(result: Analysis, names: Names, views: str) -> list[str]:
    out = ['<section id="views">', "<h2>Interactive views</h2>"]
    out.append(
        '<p class="note">Written by <code>plangraph viz</code> into the '
        f"<code>{_e(views)}/</code> folder next to this page.</p>"
    )
    out.append("<ul>")
    for file, title, what in VIEWS:
        out.append(f'<li><a href="{_href(views, file)}">{_e(title)}</a>: {_e(what)}</li>')
    for plan in result.data.plans:
        out.append(
            f'<li><a href="{_href(views, plan_view_file(plan.id))}">'
            f"{_e(names.plan(plan.iri))}</a>: {_e(plan.label)}</li>"
        )
    out += ["</ul>", "</section>"]
    return out


def _themes(result: Analysis, names: Names) -> list[str]:
    from ..analysis.markdown import STRENGTH_MARK, THEME_COLUMNS

    themes, data = result.themes, result.data
    n = len(themes.regions)
    region_of = {t.iri: data.plan_by_iri[t.plan].region for t in data.tasks}
    columns = n <= THEME_COLUMNS
    out = [
        '<section id="themes">',
        "<h2>Shared themes</h2>",
        '<p class="note">● the main matter of a task · ○ mentioned (a sentence about it) · '
        "– not addressed; a theme in a third of all tasks is too broad to tell plans apart.</p>",
    ]
    groups = (
        ("all", f"Shared by all {n} regions"),
        ("several", "Shared by several regions"),
        ("one", "Unique to one region"),
        ("broad", "Too broad to tell plans apart"),
    )
    for sharing, title in groups:
        found = (
            themes.broad() if sharing == "broad" else themes.by_sharing(sharing)  # type: ignore[arg-type]
        )
        if sharing == "broad" and not found:
            continue
        out.append(f"<h3>{_e(title)} ({len(found)})</h3>")
        if not found:
            out.append('<p class="note">None.</p>')
            continue
        header = ["Theme"]
        header += [names.region(r) for r in themes.regions] if columns else ["Regions"]
        header += ["Tasks", "Tasks by plan"]
        rows = []
        for t in found:
            count = {r: sum(1 for x in t.tasks if region_of[x] == r) for r in t.regions}
            if columns:
                cells = [
                    _e(f"{STRENGTH_MARK[t.strength(r)]} {count[r]}")
                    if r in count
                    else STRENGTH_MARK[None]
                    for r in themes.regions
                ]
            else:
                cells = [
                    _e(
                        ", ".join(
                            f"{names.region(r)} {STRENGTH_MARK[t.strength(r)]}" for r in t.regions
                        )
                    )
                ]
            rows.append(
                (
                    _e(names.theme(t.theme)),
                    *cells,
                    str(len(t.tasks)),
                    _e("; ".join(_tasks_by_plan(t.tasks, names, result))),
                )
            )
        out += _table(header, rows, numeric=(len(header) - 2,))
    out.append("<h3>Region similarity over themes</h3>")
    shown = themes.similarity[: LIMITS["similarity"]]
    out += _table(
        ["Region", "Region", "Jaccard", "Weighted Jaccard", "Shared themes"],
        (
            (
                _e(names.region(s.a)),
                _e(names.region(s.b)),
                f"{s.jaccard:.3f}",
                f"{s.weighted:.3f}",
                _e("、".join(result.data.label(t) for t in s.shared)),
            )
            for s in shown
        ),
        numeric=(2, 3),
    )
    out += _more(len(themes.similarity), len(shown))
    out.append("</section>")
    return out


def _tasks_by_plan(tasks: Sequence[str], names: Names, result: Analysis) -> list[str]:
    by_plan: dict[str, list[str]] = {}
    for task in tasks:
        node = result.data.task_by_iri[task]
        by_plan.setdefault(node.plan, []).append(node.key)
    return [f"{names.plan(plan)} {', '.join(keys)}" for plan, keys in by_plan.items()]


def _linkages(result: Analysis, names: Names, anchors: set[str]) -> list[str]:
    from ..analysis.render import KIND_TITLE

    out = ['<section id="linkages">', "<h2>Cross-region linkages</h2>"]
    if not result.linkages.exact:
        out.append(
            '<p class="note">Large corpus: text matches were scored among candidates from an '
            "inverted index on each task's rarest n-grams.</p>"
        )
    for kind in ("text", "theme", "place", "indicator"):
        links = result.linkages.of_kind(kind)
        out.append(f"<h3>{_e(KIND_TITLE[kind])} ({len(links)})</h3>")
        if not links:
            out.append('<p class="note">None.</p>')
            continue
        shown = links[: LIMITS["links"]]
        out += _table(
            ["Score", "Task", "Best match in another plan", "Evidence"],
            (
                (
                    f"{link.score:.3f}",
                    _e(names.task(link.from_task or "")),
                    _e(names.task(link.to_task or "")),
                    _e(
                        " / ".join(link.evidence_text)
                        if kind == "text"
                        else "、".join(names.node(e) for e in link.evidence)
                    ),
                )
                for link in shown
            ),
            numeric=(0,),
        )
        out += _more(len(links), len(shown))
    outside = result.linkages.of_kind("outside-place")
    out.append(f"<h3>{_e(KIND_TITLE['outside-place'])} ({len(outside)})</h3>")
    if outside:
        out += _table(
            ["Plan", "Place", "Named in", "Quote"],
            (
                (
                    _e(names.plan(link.from_plan)),
                    _e(names.node(link.place or "")),
                    _e("; ".join(names.node(e) for e in link.evidence)),
                    f'<span class="quote">{_e(" / ".join(link.evidence_text))}</span>',
                )
                for link in outside
            ),
            ids=[anchor(f"{link.from_plan} {link.place or ''}") for link in outside],
            anchors=anchors,
        )
    else:
        out.append('<p class="note">None.</p>')
    out.append("</section>")
    return out


def _reuse(result: Analysis, names: Names) -> list[str]:
    reuse = result.reuse
    out = ['<section id="reuse">', f"<h2>Text reuse ({len(reuse.passages)} passages)</h2>"]
    out.append(
        f'<p class="note">Shared passages of {reuse.min_length} characters or more, found by '
        f"{reuse.shingle}-character shingles (winnowing window {reuse.window}) and local "
        "alignment. Boilerplate: repeated by every plan, or in the release preface, preamble "
        "and closing (the template).</p>"
    )
    shown = reuse.passages[: LIMITS["reuse"]]
    rows = []
    for passage in shown:
        tag = (
            f'<span class="tag boiler">boilerplate: {_e(passage.reason)}</span>'
            if passage.boilerplate
            else ""
        )
        locations = []
        for loc in passage.locations[: LIMITS["locations"]]:
            own = "" if loc.text == passage.text else f' <span class="quote">{_e(loc.text)}</span>'
            locations.append(
                f"<li>{_e(names.plan(loc.plan))}, {_e(names.unit_of(loc))}, "
                f"[{loc.start}:{loc.end}]{own}</li>"
            )
        hidden = len(passage.locations) - LIMITS["locations"]
        if hidden > 0:
            locations.append(f"<li>… and {hidden} more</li>")
        rows.append(
            (
                str(passage.plans),
                f"{passage.identity:.2f}",
                _e(passage.text) + (" " + tag if tag else ""),
                '<ul class="locs">' + "".join(locations) + "</ul>",
            )
        )
    out += _table(
        ["Plans", "Identity", "Shared text", "Locations (plan, unit, offsets)"], rows, (0, 1)
    )
    out += _more(len(reuse.passages), len(shown))
    out.append("</section>")
    return out


def _targets(result: Analysis, names: Names, anchors: set[str]) -> list[str]:
    from ..analysis.render import value_text

    out = ['<section id="targets">', f"<h2>Target comparison ({len(result.targets)})</h2>"]
    out.append(
        '<p class="note">Every indicator that two or more plans target; the bar compares '
        "values of the same unit.</p>"
    )
    if not result.targets:
        out.append('<p class="note">None.</p>')
    for comparison in result.targets:
        out.append(f"<h3>{_e(comparison.label)} <small>({_e(comparison.label_en)})</small></h3>")
        rows = comparison.rows[: LIMITS["targets"]]
        units = {r.unit for r in rows if r.value is not None}
        top = max((r.value for r in rows if r.value is not None), default=None)
        table_rows = []
        for r in rows:
            bar = ""
            if top and r.value is not None and len(units) == 1 and top > 0:
                width = round(float(r.value / top) * 120)
                bar = f'<span class="bar" style="width:{width}px"></span>'
            table_rows.append(
                (
                    _e(names.plan(r.plan)),
                    _e(value_text(r)) + bar,
                    _e(r.base_year or ""),
                    _e(r.target_year or ""),
                    _e(names.node(r.scope) if r.scope else ""),
                    f'<span class="quote">{_e(r.quote)}</span>',
                )
            )
        out += _table(
            ["Region", "Target", "Base year", "Target year", "Scope", "Quote"],
            table_rows,
            numeric=(2, 3),
            ids=[anchor(r.target) for r in rows],
            anchors=anchors,
        )
        out += _more(len(comparison.rows), len(rows))
    out.append("</section>")
    return out


def _centrality(result: Analysis, names: Names) -> list[str]:
    c = result.centrality
    out = ['<section id="centrality">', "<h2>Centrality</h2>"]
    out.append(
        f'<p class="note">The task–theme–place graph: {c.graph_nodes} nodes, {c.graph_edges} '
        "edges. Betweenness "
        + ("exact." if c.exact_betweenness else "estimated from sampled sources (seed 0).")
        + "</p>"
    )
    for kind, title in (("place", "places"), ("theme", "themes"), ("task", "tasks")):
        out.append(f"<h3>Most connected {title}</h3>")
        top = c.top(kind)
        if not top:
            out.append('<p class="note">None.</p>')
            continue
        out += _table(
            ["Node", "Degree", "Degree centrality", "Betweenness"],
            (
                (
                    _e(names.node(n.node)),
                    str(n.degree),
                    f"{n.degree_centrality:.3f}",
                    f"{n.betweenness:.3f}",
                )
                for n in top
            ),
            numeric=(1, 2, 3),
        )
    out.append("</section>")
    out.append('<section id="communities">')
    out.append(
        f"<h2>Communities <small>(Louvain, seed 0; modularity {c.modularity:.3f})</small></h2>"
    )
    shown = c.communities[: LIMITS["communities"]]
    if not shown:
        out.append('<p class="note">None.</p>')
    else:
        out += _table(
            ["#", "Nodes", "Tasks", "Plans", "Top themes", "Top places"],
            (
                (
                    str(com.index),
                    str(com.size),
                    str(com.tasks),
                    _e(", ".join(names.plan(p) for p in com.plans)),
                    _e("、".join(result.data.label(t) for t in com.top_themes)),
                    _e("、".join(result.data.label(p) for p in com.top_places)),
                )
                for com in shown
            ),
            numeric=(0, 1, 2),
        )
        out += _more(len(c.communities), len(shown))
    out.append("</section>")
    return out
