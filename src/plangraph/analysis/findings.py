"""Key findings: a short "what differs" list generated from the other analyses.

The kinds, each finding with the quotes it rests on:

- ``target``: the same indicator with different values, years or scopes in different plans
  (from the target comparison), and figures two plans set for one matter under different
  wordings (天然气消费比重 and 天然气消费量占能源消费比重: the indicators differ, the matter is
  one), paired by the words before the figure (:func:`comparable_targets`);
- ``figures``: the figures only one plan sets: first the goals each plan sets as a whole
  (its 主要目标 and indicator table), then by matter: for each row of the crosswalk, what
  each plan's task quantifies that the other's does not (江苏 森林覆盖率 15.18%, 绿化造林
  100万亩; 山东 no figure of its own), then per plan those in tasks without a counterpart;
- ``distinctive``: the commitments one plan alone makes (its most distinctive terms that no
  other plan uses), and, among three plans or more, those it shares with one other only;
- ``commitment``: dated commitments without a figure that hold such a term (山东: 2500吨/日
  及以下的水泥熟料生产线全部整合退出, 2025); these two kinds in
  :mod:`plangraph.analysis.commitments`;
- ``unique-task``: tasks with no counterpart in any other plan (from the crosswalk);
- ``theme``: themes that only one region has a task on (its main matter), while the others
  at most mention them (from the theme strengths);
- ``outside-place``: places a plan names outside its own region (from the linkages);
- ``evaluation``: how each plan is to be evaluated, from its closing chapter (山东 中期评估
  and 总结评估 at the end of 2023 and 2025; 广东 a yearly review), when the plans differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .. import display
from .levels import framing_prose
from .project import GraphData, Span, TargetNode, TaskNode

if TYPE_CHECKING:
    from .crosswalk import Crosswalk
    from .distinctive import DistinctiveAnalysis
    from .linkage import Linkage, LinkageAnalysis
    from .targets import TargetComparison, TargetRow
    from .themes import ThemeAnalysis

FindingKind = Literal[
    "target",
    "figures",
    "distinctive",
    "commitment",
    "unique-task",
    "theme",
    "outside-place",
    "evaluation",
]
#: What each kind of finding is, in the order the first screen shows them.
FINDING_TITLES: dict[str, str] = {
    "target": "Same indicator, different values, years or scopes",
    "figures": "Figures one plan sets and the other does not, by matter",
    "distinctive": "Commitments of one plan, or of two only",
    "commitment": "Dated commitments without a figure that rest on one plan's own words",
    "unique-task": "Tasks without a counterpart in another plan",
    "theme": "Themes only one region has a task on",
    "outside-place": "Places named outside the plan's own area",
    "evaluation": "How each plan is to be evaluated",
}
OTHER_FINDINGS = "Other differences"  # a kind without a title yet
#: Findings of one kind the first screen shows; the others are counted there and listed in
#: full by ``--format json`` and below the first screen of the report.  Two or three plans
#: rarely have more; eight plans have dozens of figure findings, which would push the other
#: kinds off any screen.
FIRST_SCREEN = 10
FIGURES_PER_SIDE = 8  # figures named per plan and matter in a ``figures`` finding
SIMILAR = 0.5  # least Dice similarity of two indicators' wordings to compare their figures
FIGURES_UP_TO = 12  # plans: figures are paired and listed by matter among a handful of plans


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    text: str  # one line for people
    plans: tuple[str, ...]
    quotes: tuple[str, ...]  # the exact words it rests on
    nodes: tuple[str, ...] = ()  # IRIs of the targets, tasks or places it is about


def findings_by_kind(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """The findings grouped by kind, the kinds in the order of :data:`FINDING_TITLES` (then
    any other), each kind's findings in their own order."""
    kinds = [*FINDING_TITLES, *dict.fromkeys(f.kind for f in findings)]
    grouped = [(kind, [f for f in findings if f.kind == kind]) for kind in dict.fromkeys(kinds)]
    return [(kind, found) for kind, found in grouped if found]


def _value(row: TargetRow | TargetNode) -> str:
    sign = display.comparator(row.comparator)
    if row.value is None:
        return display.direction(row.direction)
    value = row.value
    number = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    unit = row.count_noun if row.unit and row.unit.endswith("#Count") else display.unit(row.unit)
    if unit and "/" in unit and ":" in unit:  # a unit without a sign yet: its local name
        unit = unit.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    spacer = "" if not unit or unit == "%" or "\u4e00" <= unit[0] <= "\u9fff" else " "
    figure = f"{number}{spacer}{unit or ''}"
    arrow = display.direction(row.direction)
    if row.change and arrow in ("↑", "↓"):  # a change (against a base year): ↓ 14% vs 2020
        return " ".join(p for p in (arrow, "" if sign == "=" else sign, figure) if p) + (
            f" vs {row.base_year}" if row.base_year else ""
        )
    return " ".join(p for p in (sign, figure) if p)


def _plan_name(data: GraphData, plan: str) -> str:
    node = data.plan_by_iri.get(plan)
    return (node.region_label or node.id) if node else plan


def target_findings(
    data: GraphData,
    targets: Sequence[TargetComparison],
    pairs: Sequence[tuple[TargetNode, TargetNode]] = (),
) -> list[Finding]:
    """The same indicator with different values, years or scopes; then the figures of
    ``pairs`` (:func:`comparable_targets`), one indicator each, side by side."""
    out = []
    for comparison in targets:
        rows = [r for r in comparison.rows if r.value is not None]
        if len({r.plan for r in rows}) < 2:
            out += _year_findings(data, comparison)
            continue
        shapes = {(r.value, r.unit, r.target_year, r.scope) for r in rows}
        if len(shapes) < 2:
            continue
        shown: dict[str, TargetRow] = {}  # a figure a plan repeats is shown once
        for r in rows:
            where = f" ({data.label(r.scope)})" if r.scope else ""
            year = f", {r.target_year}" if r.target_year else ""
            shown.setdefault(f"{_plan_name(data, r.plan)}{where} {_value(r)}{year}", r)
        out.append(
            Finding(
                kind="target",
                text=f"{comparison.label}: " + "; ".join(shown),
                plans=tuple(dict.fromkeys(r.plan for r in rows)),
                quotes=tuple(r.quote for r in shown.values()),
                nodes=tuple(r.target for r in shown.values()),
            )
        )
    for a, b in pairs:
        parts = [f"{_plan_name(data, t.plan)} {_figure(data, t, _named(data, t))}" for t in (a, b)]
        out.append(
            Finding(
                kind="target",
                text="; ".join(parts),
                plans=(a.plan, b.plan),
                quotes=(a.quote, b.quote),
                nodes=(a.iri, b.iri),
            )
        )
    return out


def _year_findings(data: GraphData, comparison: TargetComparison) -> list[Finding]:
    """An indicator several plans target without a figure (二氧化碳排放达峰) for different
    years, or for the same years over different areas (京津冀 区域生态质量指数(EQI)基本稳定,
    粤港澳 珠三角生态质量指数(EQI)基本稳定): the years, plan by plan; the quotes taken from each
    plan in turn, so that the first on a screen show every plan."""
    by_plan: dict[str, list[TargetRow]] = {}
    for r in comparison.rows:
        if r.value is None and r.target_year:
            mine = by_plan.setdefault(r.plan, [])
            if r.quote not in {x.quote for x in mine}:  # a commitment a plan repeats, once
                mine.append(r)
    if len(by_plan) < 2:
        return []
    years = {
        p: sorted({r.target_year for r in rows if r.target_year}) for p, rows in by_plan.items()
    }
    if len({tuple(y) for y in years.values()}) > 1:
        text = f"{comparison.label} by: "
    elif len({frozenset(r.scope for r in rows) for rows in by_plan.values()}) > 1:
        text = f"{comparison.label}, for different areas: "
    else:
        return []
    parts = [
        f"{_plan_name(data, plan)} " + ", ".join(str(y) for y in found)
        for plan, found in years.items()
    ]
    turns = max(len(rows) for rows in by_plan.values())
    rows = [mine[k] for k in range(turns) for mine in by_plan.values() if k < len(mine)]
    return [
        Finding(
            kind="target",
            text=text + "; ".join(parts),
            plans=tuple(by_plan),
            quotes=tuple(r.quote for r in rows),
            nodes=tuple(r.target for r in rows),
        )
    ]


def _figure(data: GraphData, target: TargetNode, name: str | None = None) -> str:
    """``label value, year`` as people write it (森林覆盖率 15.18%, 2025)."""
    where = f" ({data.label(target.scope)})" if target.scope else ""
    year = f", {target.target_year}" if target.target_year else ""
    return f"{name or data.label(target.indicator)}{where} {_value(target)}{year}"


_VERB = re.compile(
    r"(?:提高到|提高至|提升到|提升至|达到|下降至|下降到|降至|降低到|降低至|控制在|保持在|稳定在|"
    r"不低于|不少于|不超过|超过|下降|降低|提高|增长|减少|比|较|约|为|达|在|到)+$"
)


def _named(data: GraphData, target: TargetNode) -> str:
    """What a compared figure measures: the indicator's label, or the quote's words before
    the figure when the label is only part of them (非化石能源占能源消费总量的比重, whose
    indicator reads 能源消费总量)."""
    label = data.label(target.indicator)
    words = _VERB.sub("", _wording(target, data))
    return words if label in words and len(words) > len(label) + 2 else label


_LEAD = re.compile(r"^[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*")
_FIGURE = re.compile(r"[0-9０-９]")


def _wording(target: TargetNode, data: GraphData) -> str:
    """The words that say what a figure measures: the quote up to its first digit (the
    indicator's label when the quote opens with the figure), without a list number."""
    quote = _LEAD.sub("", target.quote)
    found = _FIGURE.search(quote)
    head = quote[: found.start()] if found else quote
    return head if len(head) >= 4 else data.label(target.indicator)


def _bigrams(text: str) -> frozenset[str]:
    text = re.sub(r"[^0-9A-Za-z\u3400-\u9fff]", "", text)
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def comparable_targets(
    data: GraphData, targets: Sequence[TargetComparison]
) -> list[tuple[TargetNode, TargetNode]]:
    """Figures of two plans for one matter under different indicators: for every pair of
    plans, the numeric targets in the same unit whose wordings (the indicator's label, or the
    quote's words before the figure) are each other's most similar, by Dice over character
    bigrams, reaching :data:`SIMILAR`.  Indicators two plans share are compared already
    (``targets``) and left out."""
    shared = {c.indicator for c in targets if c.plans >= 2}
    numeric = [t for t in data.targets if t.value is not None and t.indicator not in shared]
    by_plan: dict[str, list[TargetNode]] = {}
    for t in numeric:
        by_plan.setdefault(t.plan, []).append(t)
    words = {
        t.iri: (_bigrams(data.label(t.indicator)), _bigrams(_wording(t, data))) for t in numeric
    }

    def similarity(a: TargetNode, b: TargetNode) -> float:
        if a.unit != b.unit or a.indicator == b.indicator:
            return 0.0
        (la, wa), (lb, wb) = words[a.iri], words[b.iri]
        return max(_dice(la, lb), _dice(wa, wb))

    plans = [p.iri for p in data.plans if p.iri in by_plan]
    out = []
    for k, plan_a in enumerate(plans):
        for plan_b in plans[k + 1 :]:
            left, right = by_plan[plan_a], by_plan[plan_b]
            scores = [[similarity(a, b) for b in right] for a in left]
            for i, a in enumerate(left):
                if not right:
                    break
                j = max(range(len(right)), key=lambda m: (scores[i][m], -m))
                best = scores[i][j]
                column = max(scores[m][j] for m in range(len(left)))
                if best >= SIMILAR and best >= column:
                    out.append((a, right[j]))
    # one indicator of a plan is compared once: its first (most similar) pairing
    seen: set[tuple[str, str]] = set()
    kept = []
    for a, b in out:
        key = (a.indicator, b.indicator)
        if key not in seen:
            seen.add(key)
            kept.append((a, b))
    return kept


def _figures_text(data: GraphData, figures: Sequence[TargetNode]) -> str:
    """At most :data:`FIGURES_PER_SIDE` figures (each once), then how many more."""
    distinct = list(dict.fromkeys(_figure(data, t) for t in figures))
    shown = distinct[:FIGURES_PER_SIDE]
    more = len(distinct) - len(shown)
    return "; ".join(shown) + (f" (+{more})" if more > 0 else "")


def figure_findings(
    data: GraphData,
    targets: Sequence[TargetComparison],
    pairs: Sequence[tuple[TargetNode, TargetNode]],
    crosswalk: Crosswalk,
) -> list[Finding]:
    """The figures only one plan sets, by matter (see the module docstring)."""
    compared = {c.indicator for c in targets if c.plans >= 2}
    paired = {(t.plan, t.indicator) for pair in pairs for t in pair}  # compared already
    alone: dict[str, list[TargetNode]] = {}  # task -> its figures no other plan matches
    goals: dict[str, list[TargetNode]] = {}  # plan -> its own goals (the plan sets them)
    for t in data.targets:
        if t.value is None or t.indicator in compared or (t.plan, t.indicator) in paired:
            continue
        if t.owner in data.task_by_iri:
            alone.setdefault(t.owner, []).append(t)
        else:
            goals.setdefault(t.plan, []).append(t)
    if len(data.plans) < 2 or not (alone or goals):
        return []
    out = []
    if goals:  # the plans' own goals (their 主要目标 and indicator tables) first
        plans = [p.iri for p in data.plans if p.iri in goals]
        out.append(
            Finding(
                kind="figures",
                text=" | ".join(
                    f"{_plan_name(data, plan)} goals: {_figures_text(data, goals[plan])}"
                    for plan in plans
                ),
                plans=tuple(plans),
                quotes=tuple(t.quote for plan in plans for t in goals[plan]),
                nodes=tuple(t.iri for plan in plans for t in goals[plan]),
            )
        )
    placed: set[str] = set()
    for row in crosswalk.rows:
        sides = [(task, alone.get(task, [])) for task in row.tasks]
        if not any(figures for _, figures in sides):
            continue
        parts, quotes, nodes = [], [], []
        for task, figures in sides:
            placed.add(task)
            node = data.task_by_iri[task]
            listed = _figures_text(data, figures) or "no figure of its own"
            parts.append(f"{_plan_name(data, node.plan)} ({node.key}) {node.label}: {listed}")
            quotes += [t.quote for t in figures]
            nodes += [t.iri for t in figures]
        out.append(
            Finding(
                kind="figures",
                text=" | ".join(parts),
                plans=tuple(dict.fromkeys(data.task_by_iri[t].plan for t in row.tasks)),
                quotes=tuple(quotes),
                nodes=tuple(nodes),
            )
        )
    lone: dict[str, list[str]] = {}  # each plan's tasks with figures of their own, in order
    for node in data.tasks:
        if node.iri in alone and node.iri not in placed:
            lone.setdefault(node.plan, []).append(node.iri)
    for plan in data.plans:
        tasks = lone.get(plan.iri, [])
        if not tasks:
            continue
        parts, quotes, nodes = [], [], []
        for task in tasks:
            node, figures = data.task_by_iri[task], alone[task]
            parts.append(f"({node.key}) {node.label}: " + _figures_text(data, figures))
            quotes += [t.quote for t in figures]
            nodes += [t.iri for t in figures]
        out.append(
            Finding(
                kind="figures",
                text=f"Only {_plan_name(data, plan.iri)}: " + " | ".join(parts),
                plans=(plan.iri,),
                quotes=tuple(quotes),
                nodes=tuple(nodes),
            )
        )
    return out


# a commitment with a deadline: 到2025年, 2023年底前, 2022年前, 自2021年起
LEAD = 12  # least characters of a task's lead clause


def lead(task: TaskNode) -> str:
    """What a task commits to first: the clauses of its body's first sentence up to
    :data:`LEAD` characters (落实长三角区域一体化发展战略), else its title; exact words of the
    plan's text, like every quote."""
    body = task.text[len(task.label) :] if task.text.startswith(task.label) else task.text
    body = body.lstrip("。．.；;：:，,、 \t\n")  # the heading's run-in stop (（十六）…。)
    body = _LEAD.sub("", body)  # a section opening on its first item: 1.强化生物多样性…
    sentence = re.split(r"[。；;\n]", body, maxsplit=1)[0]
    clauses = re.split(r"(?<=[，,：:])", sentence)
    out = ""
    for clause in clauses:
        out += clause
        if len(out) >= LEAD:
            break
    out = out.rstrip("，,：:")
    return out if len(out) >= 4 else task.label


def _outermost(tasks: Sequence[TaskNode]) -> list[tuple[TaskNode, int]]:
    """The tasks no other of them holds, each with how many of them it holds (a section
    without a counterpart is named once, not again with each of its items); one sweep in
    text order, where a task's items follow it."""
    out: list[tuple[TaskNode, int]] = []
    for task in sorted(tasks, key=lambda t: (t.start, -t.end)):
        if out:
            holder, count = out[-1]
            inside = holder.start <= task.start and task.end <= holder.end
            if inside and (holder.start, holder.end) != (task.start, task.end):
                out[-1] = (holder, count + 1)
                continue
        out.append((task, 0))
    return out


def unique_task_findings(data: GraphData, crosswalk: Crosswalk) -> list[Finding]:
    out = []
    for plan in data.plans:
        listed = _outermost([data.task_by_iri[t] for t in crosswalk.unique.get(plan.iri, ())])
        if not listed:
            continue
        tasks = [task.iri for task, _ in listed]
        names = []
        for task, items in listed:  # the title, then what the task commits to first
            first = lead(task)
            held = f" (+{items} items)" if items else ""
            names.append(
                f"({task.key}) {task.label}{held}" + (f": {first}" if first != task.label else "")
            )
        out.append(
            Finding(
                kind="unique-task",
                text=f"{_plan_name(data, plan.iri)} alone has: " + "; ".join(names),
                plans=(plan.iri,),
                quotes=tuple(data.task_by_iri[t].label for t in tasks),
                nodes=tuple(tasks),
            )
        )
    return out


def theme_findings(data: GraphData, themes: ThemeAnalysis) -> list[Finding]:
    """Per region, the themes that only it has a task on, and how the others treat them."""
    if len(themes.regions) < 2:
        return []
    region_label = {p.region: p.region_label or p.id for p in data.plans}
    out = []
    for region in themes.regions:
        alone = [t for t in themes.themes if t.main_regions == (region,) and not t.broad]
        if not alone:
            continue
        # themes no other region even mentions first (noise, environmental health), then
        # those the others mention in passing; the quotes name one task of each theme first,
        # so that the first quotes on a screen cover every theme
        others = {
            t.theme: [region_label.get(r, r) for r in t.regions if r != region] for t in alone
        }
        alone.sort(key=lambda t: bool(others[t.theme]))
        parts = [
            data.label(t.theme)
            + (f" (mentioned by {'、'.join(others[t.theme])})" if others[t.theme] else "")
            for t in alone
        ]
        per_theme = [
            [x for x in t.main_tasks if data.plan_by_iri[data.task_by_iri[x].plan].region == region]
            for t in alone
        ]
        firsts = [mine[0] for mine in per_theme if mine]
        tasks = list(dict.fromkeys([*firsts, *(x for mine in per_theme for x in mine)]))
        out.append(
            Finding(
                kind="theme",
                text=f"Only {region_label.get(region, region)} has a task on: " + "; ".join(parts),
                plans=tuple(dict.fromkeys(data.task_by_iri[x].plan for x in tasks)),
                quotes=tuple(data.task_by_iri[x].label for x in tasks),
                nodes=tuple(tasks),
            )
        )
    return out


def outside_place_findings(data: GraphData, linkages: LinkageAnalysis) -> list[Finding]:
    """One line per plan: the places it names outside its own region."""
    # a place the review names (江苏's share of forest 「高于广东」) is no commitment there
    prose = {data.tasks[k].iri for k in framing_prose(data.tasks, data.spans, data.labels)}
    by_plan: dict[str, list[Linkage]] = {}
    for link in linkages.of_kind("outside-place"):
        if link.from_task not in prose:
            by_plan.setdefault(link.from_plan, []).append(link)
    out = []
    for plan in [p.iri for p in data.plans if p.iri in by_plan] + sorted(
        set(by_plan) - set(data.plan_by_iri)
    ):
        links = by_plan[plan]
        out.append(
            Finding(
                kind="outside-place",
                text=f"{_plan_name(data, plan)} names outside its region: "
                + "、".join(data.label(link.place or "") for link in links),
                plans=(plan,),
                quotes=tuple(q for link in links for q in link.evidence_text),
                nodes=tuple(link.place or "" for link in links),
            )
        )
    return out


def key_findings(
    data: GraphData,
    targets: Sequence[TargetComparison],
    distinctive: DistinctiveAnalysis,
    crosswalk: Crosswalk,
    linkages: LinkageAnalysis,
    themes: ThemeAnalysis | None = None,
) -> tuple[Finding, ...]:
    """What differs between the plans, in the order a reader asks: targets, figures one
    plan alone sets, commitments, tasks, themes, places."""
    from .commitments import commitment_findings, distinctive_findings  # they use Finding

    few = len(data.plans) <= FIGURES_UP_TO  # beyond, the target comparison table stands
    pairs = comparable_targets(data, targets) if few else []
    return (
        *target_findings(data, targets, pairs),
        *(figure_findings(data, targets, pairs, crosswalk) if few else ()),
        *distinctive_findings(data, distinctive),
        *commitment_findings(data, distinctive),
        *unique_task_findings(data, crosswalk),
        *(theme_findings(data, themes) if themes is not None else ()),
        *outside_place_findings(data, linkages),
        *evaluation_findings(data),
    )


# The closing chapter of a plan (保障措施, 组织实施, 加强规划实施保障, 战略实施) and its
# sentences on evaluating the plan itself: when, and of which kind.
_CLOSING = re.compile(r"保障|组织实施|战略实施|规划实施")
_EVALUATION = re.compile(
    r"(?:中期|终期|末期|总结|年度|定期|跟踪|适时)[^。；;，,、\n]{0,16}?(?:评估|考核|调度|检查)"
)
_PLAN_ITSELF = re.compile(r"规划|战略|方案|执行情况|实施情况|政策与行动")
_SENTENCE = re.compile(r"[^。；;！\n]+[。；;！]?")


def _evaluation(tasks: Sequence[TaskNode], closing: Sequence[tuple[int, int]]) -> str | None:
    """The first sentence of a plan's closing chapter (``tasks``: the plan's) on evaluating
    the plan (one that names a year first)."""
    found = [
        m.group(0).strip().rstrip("。；;！")
        for t in tasks
        if any(lo <= t.start and t.end <= hi for lo, hi in closing)
        for m in _SENTENCE.finditer(t.text)
        if _EVALUATION.search(m.group(0)) and _PLAN_ITSELF.search(m.group(0))
    ]
    dated = [x for x in found if re.search(r"20\d\d年", x)]
    chosen = dated or found
    return chosen[0] if chosen else None


def evaluation_findings(data: GraphData) -> list[Finding]:
    """How each plan is to be evaluated (年度调度, 中期评估, 总结评估 and their years), when two
    plans or more say so and differ in the kinds or the years."""
    last: dict[str, Span] = {}  # each plan's last chapter (outermost), when it is the closing one
    for span in sorted(
        (s for s in data.spans if s.kind == "section"), key=lambda s: (s.plan, s.start, -s.end)
    ):
        kept = last.get(span.plan)
        if kept is None or span.start >= kept.end:
            last[span.plan] = span
    closing = {
        plan: [(span.start, span.end)]
        for plan, span in last.items()
        if _CLOSING.search(data.labels.get(span.iri, ""))
    }
    tasks: dict[str, list[TaskNode]] = {}  # each closing chapter's plan's tasks, in order
    for task in data.tasks:
        if task.plan in closing:
            tasks.setdefault(task.plan, []).append(task)
    said = {
        p.iri: quote
        for p in data.plans
        if (quote := _evaluation(tasks.get(p.iri, ()), closing.get(p.iri, ()))) is not None
    }
    if not said or len(data.plans) < 2:
        return []

    def summary(quote: str) -> str:
        found = _EVALUATION.findall(quote)
        kinds = "、".join(dict.fromkeys(k if len(k) <= 4 else f"{k[:2]}…{k[-2:]}" for k in found))
        years = ", ".join(dict.fromkeys(re.findall(r"20\d\d(?=年)", quote)))
        return f"{kinds} ({years})" if years else kinds

    if len({summary(q) for q in said.values()}) == 1 and len(said) == len(data.plans):
        return []  # every plan is evaluated alike
    parts = [
        f"{_plan_name(data, p.iri)}: {summary(said[p.iri]) if p.iri in said else 'none stated'}"
        for p in data.plans
    ]
    plans = tuple(p for p in said)
    return [
        Finding(
            kind="evaluation",
            text="Evaluation of the plan: " + "; ".join(parts),
            plans=plans,
            quotes=tuple(said[p] for p in plans),
        )
    ]
