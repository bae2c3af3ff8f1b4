"""Cells of a table that report progress: a county's or a department's table of the year's
projects (序号 | 项目名称 | 项目内容 | 当前进展情况 | 进度评价 | 主办单位) puts each goal beside
what has been done so far (建设“四好农村路”50公里。 | 完工建设50.52公里。 | 已完成).  The
progress column's figures describe the present, never a goal; its spans are left out of the
sentence reader.

A header names the column (当前进展情况, 工作进展, 完成情况, 推进情况).  A row keeps the same
cells as its header, or loses its first ones to merged cells (the serial and the project's
name, printed once for several rows); where the header puts a status column right after the
progress (进度评价: 已完成, 正常推进), the cell before a row's status is its progress, however
many cells the row has lost.  Rows are lines with TABs between cells, or with bars (a page's
text copy: ``… | … | 已完成 |``).
"""

from __future__ import annotations

import re

_PROGRESS_HEAD = re.compile(
    r"^(?:当前|目前|截至[^|\t]{0,12}?)?(?:工作|项目|实施|建设)?(?:进展|进度)(?:情况)?$"
    r"|^(?:完成|实施|推进|落实|进展)情况$"
)
_STATUS_HEAD = re.compile(r"^(?:进度|完成|进展)?(?:评价|状态|评估)$")
_STATUS = re.compile(
    r"^(?:已完成|基本完成|已完工|正常推进|序时推进|按序时推进|按计划推进|进展顺利|滞后|进度滞后"
    r"|未完成|未开工|已开工|超序时(?:推进)?|持续推进)$"
)


def progress_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (start, end) of the cells under a column of progress."""
    spans: list[tuple[int, int]] = []
    header: tuple[int, int, int | None] | None = None  # cells, progress column, status column
    pos = 0
    for line in text.split("\n"):
        cells = _cells(line)
        if cells is None:
            header = None
        else:
            words = [line[a:b].strip() for a, b in cells]
            column = next((i for i, w in enumerate(words) if _PROGRESS_HEAD.match(w)), None)
            if column is not None:
                after = column + 1
                status = after if after < len(words) and _STATUS_HEAD.match(words[after]) else None
                header = (len(words), column, status)
            elif header is not None:
                at = _progress_cell(words, *header)
                if at is not None:
                    spans.append((pos + cells[at][0], pos + cells[at][1]))
        pos += len(line) + 1
    return spans


def _progress_cell(words: list[str], width: int, column: int, status: int | None) -> int | None:
    """Which of a row's cells is its progress: the one before its status, else the header's
    column where the row has all its cells."""
    if status is not None:
        found = next((i for i, w in enumerate(words) if _STATUS.match(w)), None)
        if found is not None and found >= 1:
            return found - 1
    return column if len(words) == width and words[column] else None


def _cells(line: str) -> list[tuple[int, int]] | None:
    """The spans of a table line's cells (split by TAB, or by bars where there are two at
    least), or None for a line of prose."""
    sep = "\t" if "\t" in line else "|" if line.count("|") >= 2 else None
    if sep is None:
        return None
    spans: list[tuple[int, int]] = []
    start = 0
    for part in line.split(sep):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    return spans
