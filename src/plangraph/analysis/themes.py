"""Shared themes: which regions and tasks carry each theme, how strongly, and how alike the
regions are.

A task carries a theme only with evidence (``pg:hasTheme``: a sentence about it) and with a
strength: **main** when the theme is the task's main matter (``pg:hasMainTheme``), else
**mentioned**.  A region's strength for a theme is the strongest of its plans' tasks.

A theme that too many tasks carry cannot tell plans apart (区域协同 in regional plans, whose
every task is about cooperation): a theme carried by at least :data:`BROAD_SHARE` of all
tasks is **broad**, by measured document frequency, never by a hand list.  Broad themes are
reported apart from the shared and unique ones; every theme's specificity is its IDF over
tasks scaled to [0, 1] (:func:`specificity`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .levels import framing, framing_prose
from .project import GraphData, iri_key

Sharing = Literal["all", "several", "one"]
Strength = Literal["main", "mentioned"]

BROAD_SHARE = 1 / 3  # a theme carried by this share of all tasks is too broad to discriminate
BROAD_LEAST_TASKS = 6  # … and by at least this many tasks (a 3-task corpus proves nothing)


@dataclass(frozen=True, slots=True)
class ThemeSharing:
    """One theme and the regions, plans and tasks that carry it."""

    theme: str
    label: str
    label_en: str
    regions: tuple[str, ...]  # Region IRIs, in region order
    plans: tuple[str, ...]
    tasks: tuple[str, ...]
    sharing: Sharing  # carried by all regions, by several (two or more), or by one
    main_tasks: tuple[str, ...] = ()  # the tasks whose main matter it is
    strengths: tuple[Strength, ...] = ()  # per region in ``regions``: the strongest task's
    specificity: float = 0.0  # log(all tasks / tasks carrying it) / log(all tasks)
    broad: bool = False  # carried by too many tasks to tell plans apart (BROAD_SHARE)

    @property
    def score(self) -> float:
        return float(len(self.regions))

    @property
    def main_regions(self) -> tuple[str, ...]:
        """The regions with a task whose main matter the theme is."""
        return tuple(r for r, s in zip(self.regions, self.strengths, strict=True) if s == "main")

    def strength(self, region: str) -> Strength | None:
        """How strongly ``region`` addresses the theme; None when it does not."""
        for r, s in zip(self.regions, self.strengths, strict=True):
            if r == region:
                return s
        return None


@dataclass(frozen=True, slots=True)
class RegionSimilarity:
    """Two regions compared over the themes their tasks carry."""

    a: str
    b: str
    jaccard: float  # |shared themes| / |themes of either|
    weighted: float  # Σ min(tasks) / Σ max(tasks) over themes (weighted Jaccard)
    shared: tuple[str, ...]  # the shared themes: the evidence


@dataclass(frozen=True, slots=True)
class ThemeAnalysis:
    regions: tuple[str, ...]
    themes: tuple[ThemeSharing, ...]  # most widely shared first, then by task count, IRI
    similarity: tuple[RegionSimilarity, ...]  # each unordered pair once, most similar first

    def by_sharing(self, sharing: Sharing) -> tuple[ThemeSharing, ...]:
        """The themes shared this way that are specific enough to tell plans apart."""
        return tuple(t for t in self.themes if t.sharing == sharing and not t.broad)

    def broad(self) -> tuple[ThemeSharing, ...]:
        """The themes too broad to tell plans apart (:data:`BROAD_SHARE`)."""
        return tuple(t for t in self.themes if t.broad)

    def shared_by(self, *regions: str) -> tuple[ThemeSharing, ...]:
        """The themes carried by exactly these regions."""
        wanted = set(regions)
        return tuple(t for t in self.themes if set(t.regions) == wanted)


def specificity(carrying: int, tasks: int) -> float:
    """How few of ``tasks`` tasks carry a theme: log(tasks / carrying) / log(tasks), the IDF
    scaled to [0, 1] (0: every task carries it; 1: a single task does)."""
    if tasks < 2 or carrying < 1:
        return 0.0
    return round(math.log(tasks / carrying) / math.log(tasks), 6)


def is_broad(carrying: int, tasks: int) -> bool:
    """Whether a theme that ``carrying`` of ``tasks`` tasks carry is too broad to tell plans
    apart (:data:`BROAD_SHARE`, :data:`BROAD_LEAST_TASKS`)."""
    return carrying >= BROAD_LEAST_TASKS and carrying >= BROAD_SHARE * tasks


def analyze_themes(data: GraphData, *, max_pairs: int = 200) -> ThemeAnalysis:
    """Themes by how widely the regions share them, and region-to-region similarity.

    Only the ``max_pairs`` most similar pairs of regions are kept (all of them for the
    three seed regions).
    """
    regions = data.regions
    region_rank = {r: i for i, r in enumerate(regions)}
    task_region = {t.iri: data.plan_by_iri[t.plan].region for t in data.tasks}
    # the review and guidance prose addresses no theme; the goals mention, never as a task's
    # main matter (levels.framing)
    prose = framing_prose(data.tasks, data.spans, data.labels)
    framed = {data.tasks[k].iri for k in framing(data.tasks, data.spans, data.labels)}
    tasks_of: dict[str, list[str]] = defaultdict(list)
    for k, task in enumerate(data.tasks):
        if k in prose:
            continue
        for theme in data.task_themes.get(task.iri, ()):
            tasks_of[theme].append(task.iri)

    plan_rank = {p.iri: i for i, p in enumerate(data.plans)}
    counts: dict[str, dict[str, int]] = {r: defaultdict(int) for r in regions}
    main_of = {t: set(themes) for t, themes in data.task_main_themes.items()}
    total = len(data.tasks)
    themes: list[ThemeSharing] = []
    for theme, tasks in tasks_of.items():
        carried = sorted({task_region[t] for t in tasks}, key=region_rank.__getitem__)
        main_tasks = tuple(t for t in tasks if theme in main_of.get(t, ()) and t not in framed)
        main_regions = {task_region[t] for t in main_tasks}
        for task_iri in tasks:
            counts[task_region[task_iri]][theme] += 1
        if len(carried) == len(regions) and len(regions) > 1:
            sharing: Sharing = "all"
        elif len(carried) > 1:
            sharing = "several"
        else:
            sharing = "one"
        themes.append(
            ThemeSharing(
                theme=theme,
                label=data.label(theme),
                label_en=data.label_en(theme),
                regions=tuple(carried),
                plans=tuple(
                    sorted({data.task_by_iri[t].plan for t in tasks}, key=plan_rank.__getitem__)
                ),
                tasks=tuple(tasks),
                sharing=sharing,
                main_tasks=main_tasks,
                strengths=tuple("main" if r in main_regions else "mentioned" for r in carried),
                specificity=specificity(len(tasks), total),
                broad=is_broad(len(tasks), total),
            )
        )
    themes.sort(
        key=lambda t: (-len(t.regions), -len(t.main_regions), -len(t.tasks), iri_key(t.theme))
    )

    # broad themes say nothing about how alike two regions are
    specific = [t.theme for t in themes if not t.broad]
    similarity = _similarity(regions, counts, specific, max_pairs)
    return ThemeAnalysis(regions, tuple(themes), similarity)


def _similarity(
    regions: tuple[str, ...],
    counts: dict[str, dict[str, int]],
    themes: list[str],
    max_pairs: int,
) -> tuple[RegionSimilarity, ...]:
    column = {t: k for k, t in enumerate(themes)}
    matrix = np.zeros((len(regions), len(themes)), dtype=np.int64)
    for i, region in enumerate(regions):
        for theme, count in counts[region].items():
            if theme in column:
                matrix[i, column[theme]] = count
    present = matrix > 0
    found: list[tuple[float, float, int, int]] = []
    for i in range(len(regions) - 1):
        rest = matrix[i + 1 :]
        low = np.minimum(matrix[i], rest).sum(axis=1)
        high = np.maximum(matrix[i], rest).sum(axis=1)
        both = (present[i] & present[i + 1 :]).sum(axis=1)
        either = (present[i] | present[i + 1 :]).sum(axis=1)
        for k in range(len(rest)):
            weighted = float(low[k]) / float(high[k]) if high[k] else 0.0
            jaccard = float(both[k]) / float(either[k]) if either[k] else 0.0
            found.append((weighted, jaccard, i, i + 1 + k))
    found.sort(key=lambda f: (-f[0], -f[1], f[2], f[3]))
    out = []
    for weighted, jaccard, i, j in found[:max_pairs]:
        shared = np.flatnonzero(present[i] & present[j])
        out.append(
            RegionSimilarity(
                a=regions[i],
                b=regions[j],
                jaccard=jaccard,
                weighted=weighted,
                shared=tuple(sorted((themes[k] for k in shared), key=iri_key)),
            )
        )
    return tuple(out)
