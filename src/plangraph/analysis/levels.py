"""Sections and their items in the task crosswalk: which tasks of a plan hold which
(:func:`nested`, :func:`depths`), and the two rules that keep a crosswalk from counting one
commitment twice or calling a broad section the same matter as one of its items' matters
(:func:`in_an_item`, :func:`one_level`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np

from .project import TaskNode

Grade = Literal["same", "partial"]

# A narrow task whose matter is one numbered item of a broad section of the other plan
# (呼和浩特's 第八节 积极应对气候变化 holds five items, one of them 加强温室气体排放控制) is a
# partial overlap of the section: when the section holds this many items or more …
BROAD_SECTION = 3
ITEM_CLOSER = 1.2  # … and the item scores this many times the section or more (set by hand)


def nested(tasks: Sequence[TaskNode]) -> tuple[frozenset[int], ...]:
    """For each task, the tasks of its plan it lies in or holds (provincial plans number
    items 1. 2. inside their sections 第X节, and both are tasks), by their text spans."""
    related: list[set[int]] = [set() for _ in tasks]
    by_plan: dict[str, list[int]] = defaultdict(list)
    for k, task in enumerate(tasks):
        by_plan[task.plan].append(k)
    for members in by_plan.values():
        open_spans: list[int] = []  # the chain of tasks that hold the current one
        for k in sorted(members, key=lambda m: (tasks[m].start, -tasks[m].end)):
            while open_spans and tasks[open_spans[-1]].end <= tasks[k].start:
                open_spans.pop()
            for holder in open_spans:
                if tasks[k].end <= tasks[holder].end:
                    related[k].add(holder)
                    related[holder].add(k)
            open_spans.append(k)
    return tuple(frozenset(r) for r in related)


def depths(tasks: Sequence[TaskNode]) -> np.ndarray:
    """How many tasks of its plan hold each task (0: a top-level task, 1: an item in one)."""
    out = np.zeros(len(tasks), dtype=np.int64)
    for k, related in enumerate(nested(tasks)):
        out[k] = sum(
            1
            for h in related
            if tasks[h].start <= tasks[k].start
            and tasks[k].end <= tasks[h].end
            and (tasks[h].start, -tasks[h].end) < (tasks[k].start, -tasks[k].end)
        )
    return out


def in_an_item(
    grades: dict[tuple[int, int], Grade],
    scores: Mapping[tuple[int, int], float],
    nesting: Sequence[frozenset[int]],
    depth: np.ndarray,
) -> None:
    """A task whose matter is one item of a broad section of the other plan (the section
    holds :data:`BROAD_SECTION` items or more, and the item scores :data:`ITEM_CLOSER` times
    the section or more) is a partial overlap of the section, not its same matter."""
    levels = depth.tolist()
    for (i, j), grade in list(grades.items()):
        if grade != "same":
            continue
        score = scores[(i, j)]
        for task, section in ((i, j), (j, i)):
            items = [k for k in nesting[section] if levels[k] == levels[section] + 1]
            if len(items) < BROAD_SECTION:
                continue
            closest = max(
                (scores.get((min(task, k), max(task, k)), 0.0) for k in items),
                default=0.0,
            )
            if closest >= ITEM_CLOSER * score:
                grades[(i, j)] = "partial"
                break


def one_level(
    grades: dict[tuple[int, int], Grade],
    scores: Mapping[tuple[int, int], float],
    nesting: Sequence[frozenset[int]],
    depth: np.ndarray | None = None,
) -> None:
    """A task is the same matter as a section or as an item in it, not both: of two
    same-matter pairs of one task with a task and one it holds or lies in, a pair of tasks of
    one level (``depth``) is kept before a pair across levels, then the higher-scoring; the
    other becomes a partial overlap (so the crosswalk never counts one commitment twice)."""
    level = depth.tolist() if depth is not None else [0] * len(nesting)
    same = sorted(  # pairs of tasks of one level first (a section with a section)
        (p for p, g in grades.items() if g == "same"),
        key=lambda p: (level[p[0]] != level[p[1]], -round(scores[p], 4), p),
    )
    kept: dict[int, list[int]] = defaultdict(list)  # task -> its kept same-matter partners
    for i, j in same:
        if any(k in nesting[j] for k in kept[i]) or any(k in nesting[i] for k in kept[j]):
            grades[(i, j)] = "partial"
            continue
        kept[i].append(j)
        kept[j].append(i)
