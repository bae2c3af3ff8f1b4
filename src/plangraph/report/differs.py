"""The report's first screen, what differs between the plans (the findings, each quote linking
to the row that holds it), and the task crosswalk and distinctive commitments it links to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.findings import FINDING_TITLES, FIRST_SCREEN, OTHER_FINDINGS, findings_by_kind
from .markup import LIMITS, _e, _table, anchor

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..analysis.findings import Finding
    from ..analysis.render import Names
    from ..projection import GraphData


# --------------------------------------------------------------------------- what differs


QUOTES_PER_FINDING = 3


def _what_differs(result: Analysis, anchors: set[str]) -> list[str]:
    """The first screen: the findings by kind, each quote linking to the row below that
    holds it (the target, the distinctive term, the task, the place named)."""
    out = ['<section id="findings">', "<h2>What differs</h2>"]
    if not result.findings:
        out += ['<p class="note">Nothing found.</p>', "</section>"]
        return out
    for kind, found in findings_by_kind(result.findings):
        title = FINDING_TITLES.get(kind, OTHER_FINDINGS)
        out += [f"<h3>{_e(title)} ({len(found)})</h3>", '<ul class="findings">']
        out += [_finding_item(f, anchors) for f in found[:FIRST_SCREEN]]
        out.append("</ul>")
        if len(found) > FIRST_SCREEN:  # below the first screen, one click away
            out += [
                f"<details><summary>{len(found) - FIRST_SCREEN} more of this kind</summary>",
                '<ul class="findings">',
                *(_finding_item(f, anchors) for f in found[FIRST_SCREEN:]),
                "</ul></details>",
            ]
    out.append("</section>")
    return out


def _finding_item(f: Finding, anchors: set[str]) -> str:
    """One finding as a list item, each of its first quotes linking to the row that holds it
    (the target, the distinctive term, the task, the place named)."""
    quotes = []
    for i, words in enumerate(f.quotes[:QUOTES_PER_FINDING]):
        if not words:
            continue
        node = f.nodes[min(i, len(f.nodes) - 1)] if f.nodes else ""
        key = anchor(f"{f.plans[0]} {node}" if f.kind == "outside-place" else node)
        text = f"「{_e(words)}」"
        quotes.append(
            f'<a class="quote" href="#{key}">{text}</a>'
            if node and key in anchors
            else f'<span class="quote">{text}</span>'
        )
    more = len(f.quotes) - QUOTES_PER_FINDING
    if more > 0:
        quotes.append(f'<span class="quote">(+{more})</span>')
    return f"<li>{_e(f.text)}" + (" — " + " ".join(quotes) if quotes else "") + "</li>"


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
