"""Stage 5: the analysis as one self-contained HTML page that opens offline.

Inline CSS, no script and no external URL; every piece of plan text is data and goes
through :func:`html.escape`.  The page links to the interactive views by relative paths
(``views/overview.html`` …, written by :mod:`plangraph.viz` next to the report), and is
byte-identical for the same graph: no timestamps, everything in the analyses' order.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .files import write_atomic

if TYPE_CHECKING:
    from .analysis import Analysis
    from .analysis.render import Names
    from .projection import GraphData

VIEWS = (
    ("crosswalk.html", "Task crosswalk", "counterpart tasks side by side, and each plan's own"),
    ("theme-matrix.html", "Themes × regions", "how many tasks of each region carry each theme"),
    ("overview.html", "Overview", "regions, plans, tasks, themes, places, agencies, targets"),
    ("region-theme.html", "Regions and themes", "the themes each region carries"),
    ("linkages.html", "Linkages", "cross-region links between tasks"),
    ("places.html", "Places", "places by type, and who names them"),
)
LIMITS = {
    "links": 25,
    "reuse": 100,
    "locations": 12,
    "communities": 30,
    "targets": 60,
    "similarity": 50,
}

_CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --band: #f5f7fa; --accent: #0b6e4f;
        --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
       font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC",
                    system-ui, sans-serif; }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem;
     border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p.lead, p.note { color: var(--muted); margin: .25rem 0 .75rem; }
nav ul { list-style: none; padding: 0; margin: .75rem 0 1rem; display: flex; flex-wrap: wrap;
         gap: .25rem 1rem; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) { background: #fbfcfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem;
       background: var(--band); border: 1px solid var(--line); white-space: nowrap; }
.tag.boiler { color: var(--warn); border-color: #e3c77a; background: #fff8e1; }
.bar { display: inline-block; height: .7rem; background: var(--accent); opacity: .75;
       vertical-align: middle; margin-left: .4rem; }
ul.locs { margin: 0; padding-left: 1.1rem; }
.quote { color: var(--muted); }
a.quote { text-decoration: none; border-bottom: 1px dotted var(--muted); }
ul.findings li { margin: .2rem 0; }
tr:target { background: #fff3c4 !important; }
footer { max-width: 72rem; margin: 2rem auto; padding: 1rem 1.25rem; color: var(--muted);
         border-top: 1px solid var(--line); font-size: .85rem; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def anchor(key: str) -> str:
    """A stable id for the row that holds a fact (a target, task, sentence or place use), so
    that a finding can link to the quote it rests on."""
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Sequence[int] = (),
    ids: Sequence[str] | None = None,
    anchors: set[str] | None = None,
) -> list[str]:
    """A table; cells are HTML already escaped by the caller.  ``ids`` (one per row, or "")
    become row ids, each used once; ``anchors`` collects those given."""
    head = "".join(
        f'<th class="num">{_e(h)}</th>' if i in numeric else f"<th>{_e(h)}</th>"
        for i, h in enumerate(header)
    )
    out = ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for k, row in enumerate(rows):
        cells = "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        key = ids[k] if ids is not None and k < len(ids) else ""
        if key and anchors is not None and key not in anchors:
            anchors.add(key)
            out.append(f'<tr id="{key}">{cells}</tr>')
        else:
            out.append(f"<tr>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _more(total: int, shown: int) -> list[str]:
    if total <= shown:
        return []
    return [
        f'<p class="note">Showing {shown} of {total}; '
        "<code>plangraph analyze --format json</code> lists them all.</p>"
    ]


def render_report(result: Analysis, *, views: str = "views") -> str:
    """The report as an HTML string (``views``: the folder of the views, relative)."""
    from .analysis.render import Names

    data = result.data
    names = Names(data)
    regions = result.themes.regions
    body: list[str] = []
    sections = [
        ("findings", "What differs"),
        ("crosswalk", "Task crosswalk"),
        ("distinctive", "Distinctive commitments"),
        ("views", "Interactive views"),
        ("themes", "Shared themes"),
        ("linkages", "Cross-region linkages"),
        ("reuse", "Text reuse"),
        ("targets", "Target comparison"),
        ("centrality", "Centrality"),
        ("communities", "Communities"),
    ]
    body += [
        "<header>",
        "<h1>plangraph analysis</h1>",
        f'<p class="lead">{len(data.plans)} plans, {len(regions)} regions, '
        f"{len(data.tasks)} tasks: "
        + _e("; ".join(f"{names.plan(p.iri)}: {p.label}" for p in data.plans[:10]))
        + ("; …" if len(data.plans) > 10 else "")
        + "</p>",
        "<nav><ul>",
        *(f'<li><a href="#{key}">{_e(title)}</a></li>' for key, title in sections),
        "</ul></nav>",
        "</header>",
        "<main>",
    ]
    anchors: set[str] = set()  # ids of the rows that hold a quote, for the findings to link
    rest = _comparisons(result, names, anchors)
    rest += _views(result, names, views)
    rest += _themes(result, names)
    rest += _linkages(result, names, anchors)
    rest += _reuse(result, names)
    rest += _targets(result, names, anchors)
    rest += _centrality(result, names)
    body += _what_differs(result, anchors)  # first, linking to the rows below
    body += rest
    body += ["</main>"]
    body += [
        "<footer>Generated by plangraph from the knowledge graph; the same results are in "
        "the graph as typed nodes under <code>id/analysis/</code> (pg:Linkage, "
        "pg:TextReuse, pg:TargetComparison, pg:Community …) for SPARQL.</footer>"
    ]
    page = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hans">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>plangraph analysis</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"


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
    from .analysis.render import STRENGTH_MARK, THEME_COLUMNS

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
    from .analysis.render import KIND_TITLE

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
    from .analysis.render import value_text

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


def write_report(result: Analysis, output: str | os.PathLike[str], *, views: str = "views") -> Path:
    """Write the report atomically as UTF-8; returns the path."""
    return write_atomic(output, render_report(result, views=views).encode("utf-8"))


# --------------------------------------------------------------------------- what differs


FINDING_TITLES = {
    "target": "Same indicator, different values, years or scopes",
    "figures": "Figures one plan sets and the other does not, by matter",
    "distinctive": "Commitments of one plan, or of two only",
    "unique-task": "Tasks without a counterpart in another plan",
    "theme": "Themes only one region has a task on",
    "outside-place": "Places named outside the plan's own area",
}
OTHER_FINDINGS = "Other differences"  # kinds this page does not know yet
QUOTES_PER_FINDING = 3


def _what_differs(result: Analysis, anchors: set[str]) -> list[str]:
    """The first screen: the findings by kind, each quote linking to the row below that
    holds it (the target, the distinctive term, the task, the place named)."""
    out = ['<section id="findings">', "<h2>What differs</h2>"]
    if not result.findings:
        out += ['<p class="note">Nothing found.</p>', "</section>"]
        return out
    kinds = [*FINDING_TITLES, *dict.fromkeys(f.kind for f in result.findings)]
    for kind in dict.fromkeys(kinds):
        title = FINDING_TITLES.get(kind, OTHER_FINDINGS)
        found = [f for f in result.findings if f.kind == kind]
        if not found:
            continue
        out += [f"<h3>{_e(title)} ({len(found)})</h3>", '<ul class="findings">']
        for f in found:
            quotes = []
            for i, words in enumerate(f.quotes[:QUOTES_PER_FINDING]):
                if not words:
                    continue
                node = f.nodes[min(i, len(f.nodes) - 1)] if f.nodes else ""
                key = anchor(f"{f.plans[0]} {node}" if kind == "outside-place" else node)
                text = f"「{_e(words)}」"
                quotes.append(
                    f'<a class="quote" href="#{key}">{text}</a>'
                    if node and key in anchors
                    else f'<span class="quote">{text}</span>'
                )
            more = len(f.quotes) - QUOTES_PER_FINDING
            if more > 0:
                quotes.append(f'<span class="quote">(+{more})</span>')
            out.append(f"<li>{_e(f.text)}" + (" — " + " ".join(quotes) if quotes else "") + "</li>")
        out.append("</ul>")
    out.append("</section>")
    return out


def _task_cell(data: GraphData, task: str, anchors: set[str]) -> str:
    """A task of the crosswalk, with an id for the findings to link to (once per page)."""
    node = data.task_by_iri[task]
    text = _e(f"({node.key}) {node.label}")
    key = anchor(task)
    if key in anchors:
        return text
    anchors.add(key)
    return f'<span id="{key}">{text}</span>'


def _comparisons(result: Analysis, names: Names, anchors: set[str]) -> list[str]:
    """The task crosswalk and the distinctive commitments, after what differs."""
    out: list[str] = []
    data, cw = result.data, result.crosswalk
    out += ['<section id="crosswalk">', f"<h2>Task crosswalk ({len(cw.rows)} rows)</h2>"]
    out.append(
        '<p class="note">Counterpart tasks, one row per matter (same-matter pairs chained '
        "across plans); — marks a plan without a counterpart.</p>"
    )
    plans = list(data.plans)[:8]
    rows = []
    for row in cw.rows[: LIMITS.get("targets", 30) * 2]:
        cells = []
        for plan in plans:
            mine = [t for t in row.tasks if data.task_by_iri[t].plan == plan.iri]
            cells.append("<br>".join(_task_cell(data, t, anchors) for t in mine) or "—")
        rows.append(cells)
    out += _table([names.plan(p.iri) for p in plans], rows)
    unique = [(p, t) for p in plans for t in cw.unique.get(p.iri, ())]
    out.append("<h3>Tasks without a counterpart</h3>")
    out += _table(
        ["Plan", "Task"],
        ((_e(names.plan(p.iri)), _e(names.task(t))) for p, t in unique),
        ids=[anchor(t) for _, t in unique],
        anchors=anchors,
    )
    out.append("</section>")

    out += ['<section id="distinctive">', "<h2>Distinctive commitments</h2>"]
    for plan in plans:
        for sharing, title in (("only", "only here"), ("one-other", "here and in one other")):
            terms = result.distinctive.of_plan(plan.iri, sharing)[:12]  # type: ignore[arg-type]
            if not terms:
                continue
            out.append(f"<h3>{_e(names.plan(plan.iri))}: {_e(title)}</h3>")
            out += _table(
                ["Term", "z", "Also in", "Quote"],
                (
                    (
                        _e(t.term),
                        _e(f"{t.score:.2f}"),
                        _e(", ".join(names.plan(p) for p in t.shared_with)),
                        f'<span class="quote">{_e(t.quotes[0].text)}</span>',
                    )
                    for t in terms
                ),
                numeric=(1,),
                ids=[anchor(t.quotes[0].sentence) for t in terms],
                anchors=anchors,
            )
    out.append("</section>")
    return out
