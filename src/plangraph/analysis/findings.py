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

from .levels import framing_prose
from .project import GraphData, Span, TaskNode

if TYPE_CHECKING:
    from .crosswalk import Crosswalk
    from .distinctive import DistinctiveAnalysis
    from .linkage import Linkage, LinkageAnalysis
    from .targets import TargetComparison
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


def _plan_name(data: GraphData, plan: str) -> str:
    node = data.plan_by_iri.get(plan)
    return (node.region_label or node.id) if node else plan


#: A list number opening a quote or a task body (1. （二） 三、).
LIST_NUMBER = re.compile(r"^[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*")


LEAD = 12  # least characters of a task's lead clause


def lead(task: TaskNode) -> str:
    """What a task commits to first: the clauses of its body's first sentence up to
    :data:`LEAD` characters (落实长三角区域一体化发展战略), else its title; exact words of the
    plan's text, like every quote."""
    body = task.text[len(task.label) :] if task.text.startswith(task.label) else task.text
    body = body.lstrip("。．.；;：:，,、 \t\n")  # the heading's run-in stop (（十六）…。)
    body = LIST_NUMBER.sub("", body)  # a section opening on its first item: 1.强化生物多样性…
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
    from .figure_findings import comparable_targets, figure_findings, target_findings

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
