"""How a plan's body is laid out: the numbering markers, which of them are sections and which
are tasks, tables of contents, 专栏 boxes and the matter after the plan (附件, 抄送, 印发).

Two layouts cover the genre:

- ``一、`` sections with ``(一)`` tasks (action plans, implementation plans, notices);
- ``第一章`` chapters with ``第一节`` tasks (规划 and 纲要 outlines).

A :class:`Section` is the top-level division (一、 or 第X章) and a task the numbered unit below
it ((一) or 第X节): the units a careful reader lists as the plan's commitments.  Where a plan
has no unit of that kind the next kind present is the task (一、 sections with 1. items).
Numbered units printed inside a task (一、 or (一) inside a 节, 1. (1) ① inside a (一), and
paragraphs opening 一是…, 二是…) are nested tasks, two levels deep at most; 一是…二是… inside a
paragraph stays text.  A marker counts only where its numbering runs on
(1 opens a list, then 2, 3 …): the (一) rows of an indicator table or the 1. items of a 专栏
box do not break the sequence of the tasks around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..vocab import COUNT_NUMERALS, ONE_TO_TEN, cn_number

_NUMBER = rf"[{COUNT_NUMERALS}]{{1,4}}"
_SECTION = re.compile(rf"^({_NUMBER})、(.*)$")
_TASK = re.compile(rf"^\(({_NUMBER})\)(.*)$")
_CHAPTER = re.compile(rf"^第({_NUMBER}|\d{{1,2}})章(?![程节])\s*(.*)$")
_ARTICLE = re.compile(rf"^第({_NUMBER}|\d{{1,2}})节\s*(.*)$")
_ITEM_DOT = re.compile(r"^(\d{1,2})[.、](?![\d%])\s*(.*)$")
_ITEM_PAREN = re.compile(r"^\((\d{1,2})\)\s*(.*)$")
_ITEM_CIRCLED = re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# 一是…, 二是… opening paragraphs of their own
_ITEM_SHI = re.compile(rf"^([{ONE_TO_TEN}]{{1,3}})是(?=[\u4e00-\u9fff“])(.*)$")

MARKERS: dict[str, re.Pattern[str]] = {
    "chapter": _CHAPTER,
    "article": _ARTICLE,
    "section": _SECTION,
    "task": _TASK,
    "dot": _ITEM_DOT,
    "paren": _ITEM_PAREN,
    "circled": _ITEM_CIRCLED,
    "shi": _ITEM_SHI,
}

_BOX = re.compile(rf"^专栏\s*(?:[\d{COUNT_NUMERALS}]+)?")
_TOC_HEAD = re.compile(r"^目\s*录$")
#: A table of contents' entry: up to 60 characters, then dotted leaders to the page number
#: at the end of the line.  Anchored, its runs possessive: searched for anywhere, a long run
#: of dots or dashes that does not end the line was tried from each of its characters
#: (20,000 dots and a letter: minutes).
_TOC_ENTRY = re.compile(r"^(?P<entry>.{0,60}?)(?:\.{4,}+|…{2,}+|·{4,}+|_{4,}+|-{6,}+)\s*+\d{0,4}+$")
_PAGED_HEADING = re.compile(r"^[^。;]{2,60}?[^\d.%年月日\s)]\s*\d{1,3}$")
_PREFACE_HEAD = re.compile(r"^(?:前\s*言|序\s*言|引\s*言)$")
_ANNEX = re.compile(rf"^附\s*件\s*[\d{COUNT_NUMERALS}]*\s*[:]?\s*[^。]{{0,60}}$")
_COPY_TO = re.compile(r"^抄\s*送\s*[:]")
_PRINTED = re.compile(r"^[^。,]{0,40}\d{4}年\d{1,2}月\d{1,2}日\s*印发$")


@dataclass(frozen=True, slots=True)
class Layout:
    """Which marker kinds are sections, tasks and nested tasks in one plan."""

    section: str  # "section" (一、) or "chapter" (第一章)
    task: str | None  # "task" ((一)), "article" (第一节), or the next kind present
    nested: tuple[str, ...]  # kinds that may number units inside a task


def marker(line: str, kind: str) -> tuple[int, int] | None:
    """(number, offset of the text after the marker) where ``line`` opens with a marker."""
    if "\t" in line:  # a table row, never a heading
        return None
    match = MARKERS[kind].match(line)
    if not match:
        return None
    raw = match.group(1)
    if kind == "circled":
        return _CIRCLED.index(raw) + 1, match.start(2)
    try:
        return cn_number(raw), match.start(2)
    except ValueError:
        return None


def kind_of(line: str, kinds: Sequence[str]) -> tuple[str, int, int] | None:
    for kind in kinds:
        found = marker(line, kind)
        if found is not None:
            return kind, found[0], found[1]
    return None


def choose_layout(lines: Sequence[str]) -> Layout:
    """The layout of a plan's body lines (tables of contents already left out)."""
    present = {k for line in lines for k in MARKERS if marker(line, k) is not None}
    below: tuple[str, ...]
    if "chapter" in present:
        below = ("article", "section", "task", "dot", "paren", "circled", "shi")
        section = "chapter"
    else:
        below = ("task", "dot", "paren", "circled", "shi")
        section = "section"
    task = next((k for k in below if k in present), None)
    nested = tuple(
        k for k in below if k != task and (task is None or below.index(k) > below.index(task))
    )
    return Layout(section, task, nested)


def toc_lines(lines: Sequence[str]) -> set[int]:
    """Lines of a table of contents: entries with dotted leaders (……12), and every line from a
    目录 heading up to where its first entry is printed again as a heading of the body."""
    found = {i for i, line in enumerate(lines) if _is_toc_entry(line)}
    # a run of three or more headings each followed by a page number, with no 目录 above it
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if _PAGED_HEADING.match(line) and any(marker(line, k) for k in MARKERS):
            run.append(i)
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    for head, line in enumerate(lines):
        if not _TOC_HEAD.match(line):
            continue
        found.add(head)
        first = next((j for j in range(head + 1, min(head + 5, len(lines)))), None)
        if first is None:
            continue
        key = _toc_key(lines[first])
        end = None
        for j in range(first + 1, min(first + 400, len(lines))):
            if _toc_key(lines[j]) == key and not re.search(r"\d$", lines[j]):
                end = j
                break
        if end is None:  # entries end with page numbers
            end = first
            while end < len(lines) and (re.search(r"\d$", lines[end]) or end in found):
                end += 1
        found.update(range(head, end))
    return found


def _is_toc_entry(line: str) -> bool:
    """An entry with dotted leaders (第一章 基本形势……10), not a sentence ending in ……."""
    entry = _TOC_ENTRY.match(line)
    return entry is not None and "。" not in entry["entry"]


def _toc_key(line: str) -> str:
    return re.sub(r"[\s.…·_]+|\d+$", "", re.sub(r"(?:\.{4,}|…{2,}|·{4,}).*$", "", line))


def in_table(lines: Sequence[str], order: Sequence[int], k: int) -> bool:
    """Whether ``lines[order[k]]`` stands between two table rows (TAB-separated cells): the
    (一)总体指标 row of an indicator table is a category, not a task."""
    before = lines[order[k - 1]] if k > 0 else ""
    after = lines[order[k + 1]] if k + 1 < len(order) else ""
    return "\t" in before and "\t" in after


def is_preface_heading(line: str) -> bool:
    return bool(_PREFACE_HEAD.match(line))


def annex_start(line: str) -> bool:
    """A line that ends the plan proper: 附件 (an annex or its title), 抄送, …印发."""
    return bool(_ANNEX.match(line) or _COPY_TO.match(line) or _PRINTED.match(line))


def is_box(line: str) -> bool:
    return bool(_BOX.match(line)) and len(line) <= 80


@dataclass(slots=True)
class Unit:
    """A nested numbered unit inside a task: its kind, number and lines (positions in the
    task's list of lines), the offset of its text in its first line, and its own units."""

    kind: str
    number: int
    first: int
    content: int
    last: int
    children: list[Unit] = field(default_factory=list)


def nested_units(lines: Sequence[str], kinds: Sequence[str]) -> list[Unit]:
    """The numbered units inside one task (``lines`` are the task's lines after its heading;
    positions are 1-based into the whole task, whose heading is position 0).

    A list opens at number 1 and runs on 2, 3 …; a second kind opening at 1 inside an item
    nests under it; lines of a 专栏 box are text unless they continue a list opened before it."""
    roots: list[Unit] = []
    stack: list[Unit] = []
    in_box = False
    order = range(len(lines))
    for position, line in enumerate(lines, start=1):
        if in_table(lines, order, position - 1):
            continue
        if is_box(line):
            in_box = True
            continue
        found = kind_of(line, kinds)
        if found is None:
            continue
        kind, number, content = found
        level = next((k for k, u in enumerate(stack) if u.kind == kind), None)
        if level is not None and number == stack[level].number + 1:
            del stack[level:]
            in_box = False
        elif level is None and number == 1 and len(stack) < 2 and not in_box:
            pass
        else:
            continue
        unit = Unit(kind, number, position, content, position)
        (stack[-1].children if stack else roots).append(unit)
        stack.append(unit)
    _close(roots, len(lines))
    return roots


def _close(units: list[Unit], last: int) -> None:
    """Each unit runs to the line before the next unit at its level (or its parent's end)."""
    for k, unit in enumerate(units):
        unit.last = units[k + 1].first - 1 if k + 1 < len(units) else last
        _close(unit.children, unit.last)


# --------------------------------------------------------------------------- titles


def title_and_body(texts: list[str]) -> tuple[str, str]:
    """A task's title: its first line up to the first 。, or the whole first line where that
    holds no 。 (a heading on its own line: ``(一)指导思想`` with the text below it)."""
    first = texts[0]
    stop = first.find("。")
    head = _LEAD_HEADING.match(first)
    if head and (stop == -1 or stop > _LONG_TITLE):
        # a heading set off by a space from the text that follows it on the same line
        title, body = head.group(1), "\n".join([first[head.end() :], *texts[1:]])
    elif stop == -1:
        title, body = first, "\n".join(texts[1:])
    else:
        full = "\n".join(texts)
        title, body = full[:stop], full[stop + 1 :].lstrip("\n")
    return strip_stop(title.strip()), body.strip()


_LONG_TITLE = 40  # a title longer than this is a paragraph, not a heading
_LEAD_HEADING = re.compile(r"^([\u4e00-\u9fff“”、]{2,24})\s+(?=[\u4e00-\u9fff“])")


def section_title(heading: str) -> str:
    """A section's title: its heading, up to a 。 where text runs on after it."""
    stop = heading.find("。")
    return strip_stop(heading[:stop] if 0 < stop < len(heading) - 1 else heading)


def strip_stop(text: str) -> str:
    return re.sub(r"[。;.:]+$", "", text)
