"""The numbered parts of a plan's body as line indexes, before any text is written.

:func:`plangraph.read.structure.parse` walks a plan's lines once and records, for each part
(二、, 第三章), the line of its heading, its lead paragraph and the lines of each task
(:class:`SectionSpec`); the rules here decide what opens a part or a task, promote a list to
tasks where a part has none of the plan's kind (:func:`promote_items`), take the closing
paragraph off the last task (:func:`split_closing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Numbering
from .layout import Layout, kind_of, marker

#: The markers of numbered items inside a task: 1. (1) ①.
_ITEM_KINDS = ("dot", "paren", "circled")
_CLOSING_CUE = re.compile(
    r"^(?:依托|各地区各部门|各地区、各部门|各有关部门|各省|区域内各|相关部门|各级|"
    r"加强组织领导|强化组织实施|有关部门)"
)


def promote_items(lines: tuple[str, ...], spec: SectionSpec, layout: Layout) -> None:
    """A section with no task of the plan's kind but a numbered list (1. 2. under 二、 where
    other sections have (一)): the list's items are its tasks."""
    for kind in layout.nested:
        opens = [k for k, i in enumerate(spec.lead) if marker(lines[i], kind) is not None]
        numbers = [marked(lines[spec.lead[k]], kind) for k in opens]
        if len(opens) >= 2 and numbers == list(range(1, len(numbers) + 1)):
            spec.task_kind = kind
            spec.numbers = numbers
            bounds = [*opens, len(spec.lead)]
            spec.tasks = [spec.lead[bounds[n] : bounds[n + 1]] for n in range(len(opens))]
            spec.lead = spec.lead[: opens[0]]
            return


def opens_task(line: str, kind: str, previous: list[int], box: list[int] | None) -> bool:
    """Whether ``line`` opens a task: any number printed (a repeated or skipped number is a
    typo and still a task), except inside a 专栏 box, whose own list runs 1, 2 … and where
    only a number continuing the tasks before the box, and not the box's list, opens one."""
    found = marker(line, kind)
    if found is None:
        return False
    if box is None:
        return True
    continues_box = found[0] == (box[-1] + 1 if box else 1)
    return not continues_box and bool(previous) and found[0] == previous[-1] + 1


def marked(line: str, kind: str) -> int:
    found = marker(line, kind)
    assert found is not None
    return found[0]


def opens(line: str, kind: str, previous: list[int]) -> bool:
    """Whether ``line`` opens a unit of ``kind`` that continues the numbering before it: a
    number lower than the last one (the (一) rows of a table, a list inside a box) does not."""
    found = marker(line, kind)
    if found is None:
        return False
    return not previous or found[0] >= previous[-1]


@dataclass(slots=True)
class SectionSpec:
    """The line indexes of one section: heading, lead paragraph, and each task's lines."""

    line: int
    number: int
    lead: list[int] = field(default_factory=list)
    tasks: list[list[int]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # the number printed on each task
    task_kind: str | None = None  # the marker of its tasks where not the plan's (1. items)


def split_closing(lines: tuple[str, ...], specs: list[SectionSpec]) -> list[int]:
    """Take the closing paragraph (unnumbered lines after the last task) off the last task.

    Where every other task is a single paragraph, every later paragraph is the closing;
    where tasks run over several paragraphs, or the last task is the only one (nothing tells
    how long a task runs), the closing starts at a paragraph that opens the way closings do
    (依托…, 各地区各部门…, 区域内各…)."""
    if not specs or not specs[-1].tasks or len(specs[-1].tasks[-1]) < 2:
        return []
    every_task = [task for spec in specs for task in spec.tasks]
    multi_paragraph = len(every_task) < 2 or any(len(task) > 1 for task in every_task[:-1])
    tail = specs[-1].tasks[-1]
    for k in range(1, len(tail)):
        if kind_of(lines[tail[k]], _ITEM_KINDS) is not None:
            # 1.…, (1)…, ①… under the last task are its items, and the task runs over
            # several paragraphs (主要目标。到2025年,…。 then 1.…, 2.…): a closing is no list
            multi_paragraph = True
            continue
        if not multi_paragraph or _CLOSING_CUE.match(lines[tail[k]]):
            closing = tail[k:]
            del tail[k:]
            return closing
    return []


def numbering_of(specs: list[SectionSpec]) -> Numbering:
    previous = 0
    for spec in specs:
        if spec.task_kind is not None:
            continue
        for number in spec.numbers:
            if number <= previous:
                return "restarting"
            previous = number
    return "continuous"
