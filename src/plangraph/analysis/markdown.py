"""The analysis as Markdown for people (deterministic): the theme tables, linkages, text
reuse, target comparisons, centrality, the crosswalk, distinctive commitments and the
findings, each cut to a readable length (``--format json`` has every row)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .findings import FINDING_TITLES, FIRST_SCREEN, OTHER_FINDINGS, findings_by_kind
from .linkage import TASK_KINDS
from .render import KIND_TITLE, Names, value_text

if TYPE_CHECKING:
    from . import Analysis
    from .linkage import Linkage


# --------------------------------------------------------------------------- Markdown


def _cell(text: object) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    lines.append("")
    return lines


def _more(total: int, shown: int) -> list[str]:
    return [f"… and {total - shown} more (see `--format json`).", ""] if total > shown else []


STRENGTH_MARK = {"main": "●", "mentioned": "○", None: "–"}
THEME_COLUMNS = 6  # up to this many regions get a column each in the theme tables


def _themes_md(result: Analysis, names: Names) -> list[str]:
    """The theme tables: per region, whether a task has the theme as its main matter (●),
    only mentions it (○) or no task addresses it (–), with the number of its tasks."""
    data, regions = result.data, result.themes.regions
    region_of = {t.iri: data.plan_by_iri[t.plan].region for t in data.tasks}
    columns = len(regions) <= THEME_COLUMNS
    lines = [
        "## Shared themes",
        "",
        "● the main matter of a task · ○ mentioned (a sentence about it) · – not addressed.",
        "",
    ]
    groups = (
        ("all", f"Shared by all {len(regions)} regions"),
        ("several", "Shared by several regions"),
        ("one", "Unique to one region"),
        ("broad", "Too broad to tell plans apart"),
    )
    total = max(len(data.tasks), 1)
    for sharing, title in groups:
        found = (
            result.themes.broad() if sharing == "broad" else result.themes.by_sharing(sharing)  # type: ignore[arg-type]
        )
        if sharing == "broad" and not found:
            continue
        lines += [f"### {title} ({len(found)})", ""]
        if not found:
            lines += ["None.", ""]
            continue
        if columns:
            header = ["Theme", *(names.region(r) for r in regions), "Tasks"]
        else:
            header = ["Theme", "Regions (● main, ○ mentioned)", "Tasks"]
        rows = []
        for t in found:
            per_region = {r: sum(1 for x in t.tasks if region_of[x] == r) for r in t.regions}
            tasks = f"{len(t.tasks)} ({len(t.tasks) / total:.0%})" if t.broad else len(t.tasks)
            if columns:
                cells = [
                    f"{STRENGTH_MARK[t.strength(r)]} {per_region[r]}"
                    if r in per_region
                    else STRENGTH_MARK[None]
                    for r in regions
                ]
            else:
                cells = [
                    ", ".join(
                        f"{names.region(r)} {STRENGTH_MARK[t.strength(r)]}" for r in t.regions
                    )
                ]
            rows.append((names.theme(t.theme), *cells, tasks))
        lines += _table(header, rows)
    return lines


def to_markdown(result: Analysis, *, limit: int = 10) -> str:
    """The analysis as Markdown; long lists stop after ``limit`` rows (JSON has them all)."""
    data = result.data
    names = Names(data)
    regions = result.themes.regions
    lines = [
        "# plangraph analysis",
        "",
        f"{len(data.plans)} plans, {len(regions)} regions, {len(data.tasks)} tasks.",
        "",
    ]

    lines += _findings_md(result)
    lines += _crosswalk_md(result, names)
    lines += _distinctive_md(result, names)

    lines += _themes_md(result, names)

    lines += ["### Region similarity over themes", ""]
    lines += _table(
        ["Region", "Region", "Jaccard", "Weighted Jaccard", "Shared themes"],
        (
            (
                names.region(s.a),
                names.region(s.b),
                f"{s.jaccard:.3f}",
                f"{s.weighted:.3f}",
                len(s.shared),
            )
            for s in result.themes.similarity[:limit]
        ),
    )
    lines += _more(len(result.themes.similarity), limit)

    lines += ["## Cross-region linkages", ""]
    for kind in TASK_KINDS:
        links = result.linkages.of_kind(kind)
        lines += [f"### {KIND_TITLE[kind]} ({len(links)})", ""]
        if not links:
            lines += ["None.", ""]
            continue
        lines += _table(
            ["Score", "Task", "Best match in another plan", "Evidence"],
            (
                (
                    f"{link.score:.3f}",
                    names.task(link.from_task or ""),
                    names.task(link.to_task or ""),
                    _evidence(link, names),
                )
                for link in links[:limit]
            ),
        )
        lines += _more(len(links), limit)
    outside = result.linkages.of_kind("outside-place")
    lines += [f"### {KIND_TITLE['outside-place']} ({len(outside)})", ""]
    if outside:
        lines += _table(
            ["Plan", "Place", "Named in", "Quote"],
            (
                (
                    names.plan(link.from_plan),
                    names.node(link.place or ""),
                    ", ".join(names.node(e) for e in link.evidence),
                    " / ".join(link.evidence_text),
                )
                for link in outside
            ),
        )
    else:
        lines += ["None.", ""]

    passages = result.reuse.passages
    lines += [f"## Text reuse ({len(passages)} passages)", ""]
    lines += [
        f"Shingles of {result.reuse.shingle} characters, winnowing window "
        f"{result.reuse.window}, passages of {result.reuse.min_length} characters or more.",
        "",
    ]
    if passages:
        shown = passages[: max(limit, 3 * limit)]
        lines += _table(
            ["Plans", "Boilerplate", "Shared text", "Locations"],
            (
                (
                    p.plans,
                    p.reason or "",
                    p.text,
                    "; ".join(
                        f"{names.plan(loc.plan)} {names.unit_of(loc)} [{loc.start}:{loc.end}]"
                        for loc in p.locations[:limit]
                    )
                    + (f"; … {len(p.locations) - limit} more" if len(p.locations) > limit else ""),
                )
                for p in shown
            ),
        )
        lines += _more(len(passages), len(shown))

    lines += [f"## Target comparison ({len(result.targets)} indicators)", ""]
    for comparison in result.targets:
        lines += [f"### {comparison.label} ({comparison.label_en})", ""]
        rows = comparison.rows[: 3 * limit]
        lines += _table(
            ["Region", "Value", "Base year", "Target year", "Scope", "Quote"],
            (
                (
                    names.plan(r.plan),
                    value_text(r),
                    r.base_year or "",
                    r.target_year or "",
                    names.node(r.scope) if r.scope else "",
                    r.quote,
                )
                for r in rows
            ),
        )
        lines += _more(len(comparison.rows), len(rows))

    c = result.centrality
    lines += [
        "## Centrality",
        "",
        f"Task–theme–place graph: {c.graph_nodes} nodes, {c.graph_edges} edges; betweenness "
        + ("exact." if c.exact_betweenness else "estimated from sampled sources (seed 0)."),
        "",
    ]
    for node_kind in ("place", "theme", "task"):
        top = c.top(node_kind)
        lines += [f"### Most connected {node_kind}s", ""]
        if not top:
            lines += ["None.", ""]
            continue
        lines += _table(
            ["Node", "Degree", "Degree centrality", "Betweenness"],
            (
                (
                    names.node(n.node),
                    n.degree,
                    f"{n.degree_centrality:.3f}",
                    f"{n.betweenness:.3f}",
                )
                for n in top
            ),
        )
    lines += [
        f"## Communities (Louvain, seed 0; modularity {c.modularity:.3f})",
        "",
    ]
    if c.communities:
        lines += _table(
            ["#", "Nodes", "Tasks", "Plans", "Top themes", "Top places"],
            (
                (
                    com.index,
                    com.size,
                    com.tasks,
                    ", ".join(names.plan(p) for p in com.plans),
                    ", ".join(data.label(t) for t in com.top_themes),
                    ", ".join(data.label(p) for p in com.top_places),
                )
                for com in c.communities[: 2 * limit]
            ),
        )
        lines += _more(len(c.communities), 2 * limit)
    else:
        lines += ["None.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _evidence(link: Linkage, names: Names) -> str:
    if link.kind == "text":
        return " / ".join(link.evidence_text)
    return ", ".join(names.node(e) for e in link.evidence)


GRADE_TITLE = {"same": "same matter", "partial": "partial overlap"}


def _findings_md(result: Analysis) -> list[str]:
    """The findings by kind, each kind under its title with its count, the first
    :data:`FIRST_SCREEN` of a kind listed and the others counted."""
    lines = ["## What differs", ""]
    if not result.findings:
        return [*lines, "Nothing found.", ""]
    for kind, found in findings_by_kind(result.findings):
        lines += [f"### {FINDING_TITLES.get(kind, OTHER_FINDINGS)} ({len(found)})", ""]
        for f in found[:FIRST_SCREEN]:
            quotes = " / ".join(f"「{q}」" for q in f.quotes[:3] if q)
            lines.append(f"- {_cell(f.text)}" + (f" — {quotes}" if quotes else ""))
        if len(found) > FIRST_SCREEN:
            more = len(found) - FIRST_SCREEN
            lines.append(f"- … {more} more (`plangraph analyze --format json` lists all)")
        lines.append("")
    return lines


def _crosswalk_md(result: Analysis, names: Names, limit: int = 40) -> list[str]:
    data, cw = result.data, result.crosswalk
    lines = [
        "## Task crosswalk",
        "",
        "Counterpart tasks across plans, one calibrated score (text, themes, indicators, "
        "places, position); rows chain the same-matter pairs.",
        "",
    ]
    plans = list(data.plans)
    if len(plans) < 2:
        return [*lines, "One plan: nothing to align.", ""]
    if len(plans) <= 6:
        header = [names.plan(p.iri) for p in plans]
        body = []
        for row in cw.rows[:limit]:
            cells = []
            for plan in plans:
                mine = [t for t in row.tasks if data.task_by_iri[t].plan == plan.iri]
                cells.append(
                    "; ".join(
                        f"({data.task_by_iri[t].key}) {data.task_by_iri[t].label}" for t in mine
                    )
                    or "—"
                )
            body.append(cells)
        lines += [f"### Aligned rows ({len(cw.rows)})", ""]
        lines += _table(header, body) if body else ["None.", ""]
        lines += _more(len(cw.rows), min(len(cw.rows), limit))
    lines += [f"### Counterpart pairs ({len(cw.alignments)})", ""]
    lines += _table(
        ["Grade", "Score", "Task", "Counterpart", "Shared"],
        (
            (
                GRADE_TITLE[x.grade],
                f"{x.score:.3f}",
                names.task(x.a),
                names.task(x.b),
                " / ".join(x.shared_terms),
            )
            for x in cw.alignments[:limit]
        ),
    )
    lines += _more(len(cw.alignments), min(len(cw.alignments), limit))
    lines += ["### Tasks without a counterpart", ""]
    found = [(p, t) for p in plans for t in cw.unique.get(p.iri, ())]
    lines += (
        _table(["Plan", "Task"], ((names.plan(p.iri), names.task(t)) for p, t in found))
        if found
        else ["None.", ""]
    )
    return lines


def _distinctive_md(result: Analysis, names: Names, limit: int = 12) -> list[str]:
    lines = [
        "## Distinctive commitments",
        "",
        "Terms one plan uses that the others do not (log-odds ratio with an informative "
        "Dirichlet prior, z-score).",
        "",
    ]
    any_found = False
    for plan in result.data.plans:
        for sharing, title in (("only", "only here"), ("one-other", "here and in one other")):
            terms = result.distinctive.of_plan(plan.iri, sharing)[:limit]  # type: ignore[arg-type]
            if not terms:
                continue
            any_found = True
            lines += [f"### {names.plan(plan.iri)}: {title}", ""]
            lines += _table(
                ["Term", "z", "Uses", "Also in", "Quote"],
                (
                    (
                        t.term,
                        f"{t.score:.2f}",
                        t.count,
                        ", ".join(names.plan(p) for p in t.shared_with),
                        t.quotes[0].text,
                    )
                    for t in terms
                ),
            )
    return lines if any_found else [*lines, "None.", ""]
