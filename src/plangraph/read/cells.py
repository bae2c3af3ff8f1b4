"""Tables pasted one cell per line: a web page's table copied as text, or saved by a site
that prints each cell as a paragraph, reaches us as a column of short lines (序号 / 县(市) /
单位GDP能耗降低率目标任务(%) / 1 / 延吉市 / 3.4 / 2 / 珲春市 / 3.4 …).  Such a run is told by its
serial numbers: a header whose first cell is 序号 (or 编号), then rows of as many cells, each
row opening with the next number (1, 2, 3 …).  It is joined back into one line per row with
its cells separated by TAB, the readers' contract for tables (``extract/targets/tables.py``).

A table of a national action plan is rarely that regular (健康中国行动主要指标: 领域 / 序号 /
指标 / 基期水平 / 2022年目标值 / 2030年目标值 / 指标性质).  Its empty cells are not copied, so
rows are ragged (2 / 个人定期记录身心健康状况 / 倡导性); a merged cell (the 领域 of several
rows) is printed once, between rows, as a group heading ((一) / 健康知识普及行动); and notes on
an indicator (说明:…, 计算方法:…) stand between its row and the next.  Such a table is read by
its serial numbers alone: each row runs from its number to the next one, a heading, a note
or its firmness (约束性, 预期性, 倡导性), and keeps the cells it has; the lines between rows
stay lines.  Aligning a short row on the header is the table reader's work.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..vocab import TABLE_NOTE, TASK_HEAD

_SERIAL_HEAD = re.compile(r"^(?:序\s*号|编\s*号)$")
#: The first header cell of an indicator table: 指标, 指标名称, 主要指标.
_INDICATOR_HEAD = re.compile(r"^(?:主要|具体)?指\s*标(?:名称)?$")
#: A figure cell of an indicator table: a number (with a sign or %), a dash for none, or a
#: cumulative figure in brackets ([4], 〔18〕, (9)).
_FIGURE = re.compile(
    r"""^(?: [<>≥≤＞＜]?\s*[-+]?\d+(?:\.\d+)?\s*%?
         | [-—–一/／]
         | [\[(（〔【]\s*[-+]?\d+(?:\.\d+)?\s*%?\s*[\])）〕】] )$""",
    re.VERBOSE,
)
MAX_CELL = 30  # a cell of such a table is a name or a figure, never a sentence
MAX_COLUMNS = 8
MIN_ROWS = 3
#: Header cells that may stand before 序号: a column of merged cells naming each group.
_GROUP_HEAD = re.compile(r"^(?:领域|类别|分类|类型|维度|方面|项目|一级指标)$")
#: A header column of values: the years, the goal, the base (2022年目标值, 基期水平, 现状值).
_VALUE_HEAD = re.compile(r"\d{4}\s*年|目标|基期|基准|现状|规划值|预期值")
#: A group heading between rows: (一), 一、, 二、经济发展.
_GROUP = re.compile(
    r"^(?:[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])"
)
_NOTE = re.compile(TABLE_NOTE)
#: The firmness that closes a row: its last column.
_FIRMNESS = frozenset({"约束性", "预期性", "倡导性", "指导性", "约束", "预期"})
_MAX_HEADER = 10
_MAX_NAME = 120  # an indicator's or a task's cell may be a sentence
_CONTENT_HEAD = re.compile(TASK_HEAD)
#: Lines between two rows (headings, notes) before the table is taken to have ended.
_MAX_BETWEEN = 8


def join_cell_lines(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """``lines`` with each table pasted one cell per line joined into TAB-separated rows
    (each row numbered by the source line of its first cell); other lines as they are."""
    out: list[str] = []
    out_numbers: list[int] = []
    i = 0
    while i < len(lines):
        head = _bare(lines[i])
        found = (
            _serial_table_at(lines, i)
            if _SERIAL_HEAD.match(head)
            else _indicator_table_at(lines, i)
            if _INDICATOR_HEAD.match(head)
            else None
        )
        ragged = _ragged_table_at(lines, i) if found is None and _SERIAL_HEAD.match(head) else None
        if ragged is not None:
            back = _group_heads(out, out_numbers, numbers, i)
            for n, (cells, first) in enumerate(ragged[0]):
                out.append("\t".join([*back[0], *cells] if n == 0 else cells))
                out_numbers.append(back[1] if n == 0 and back[0] else numbers[first])
            i = ragged[1]
            continue
        if found is None:
            out.append(lines[i])
            out_numbers.append(numbers[i])
            i += 1
            continue
        width, rows = found
        for r in range(rows + 1):  # the header, then the rows
            first = i + r * width
            out.append("\t".join(_bare(c) for c in lines[first : first + width]))
            out_numbers.append(numbers[first])
        i += (rows + 1) * width
    return out, out_numbers


def _table_at(
    lines: list[str],
    start: int,
    narrowest: int,
    header_ok: Callable[[str], bool],
    row_ok: Callable[[list[str], int], bool],
) -> tuple[int, int] | None:
    """The width and the number of rows of a table whose header starts at ``start``: the
    narrowest width from ``narrowest`` up whose header cells pass ``header_ok`` and whose
    following rows of as many cells pass ``row_ok`` (cells, row number from 1), at least
    :data:`MIN_ROWS` of them."""
    for width in range(narrowest, MAX_COLUMNS + 1):
        header = [_bare(c) for c in lines[start : start + width]]
        if len(header) < width or not all(_cell(c) and header_ok(c) for c in header):
            return None
        rows = 0
        while True:
            first = start + (rows + 1) * width
            row = [_bare(c) for c in lines[first : first + width]]
            if len(row) < width or not all(map(_cell, row)) or not row_ok(row, rows + 1):
                break
            rows += 1
        if rows >= MIN_ROWS:
            return width, rows
    return None


def _serial_table_at(lines: list[str], start: int) -> tuple[int, int] | None:
    """A table under 序号: each row opens with the next number (1, 2, 3 …)."""
    return _table_at(lines, start, 2, lambda cell: True, lambda row, n: row[0] == str(n))


def _indicator_table_at(lines: list[str], start: int) -> tuple[int, int] | None:
    """An indicator table under 指标 (指标 / 2020年基期值 / 2025年目标值 / 森林覆盖率(%) / 20 /
    25 …): a header of names, then rows of a name and figures."""
    return _table_at(
        lines,
        start,
        3,
        lambda cell: not _FIGURE.match(cell),
        lambda row, n: not _FIGURE.match(row[0]) and all(map(_FIGURE.match, row[1:])),
    )


def _group_heads(
    out: list[str], out_numbers: list[int], numbers: list[int], at: int
) -> tuple[list[str], int]:
    """The header cells printed just before 序号 (领域), taken back from the lines written
    if they are the lines right before line ``at``, with the first one's number."""
    back: list[str] = []
    first = 0
    while (
        out
        and len(back) < 2
        and at - len(back) > 0
        and out_numbers[-1] == numbers[at - len(back) - 1]
        and _GROUP_HEAD.match(out[-1])
    ):
        back.insert(0, out.pop())
        first = out_numbers.pop()
    return back, first


def _ragged_table_at(
    lines: list[str], start: int
) -> tuple[list[tuple[list[str], int]], int] | None:
    """A table under 序号 whose rows are ragged, with headings and notes between them: its
    lines (the cells of each, with the index of its first source line) and the index after
    it; None unless at least :data:`MIN_ROWS` rows follow a header that names a column of
    values or what each row is to do (项目内容)."""
    header: list[str] = []
    i = start
    while i < len(lines) and len(header) < _MAX_HEADER:
        cell = _bare(lines[i])
        if cell == "1" or _GROUP.match(cell) or _FIGURE.match(cell) or not _cell(cell):
            break
        header.append(cell)
        i += 1
    # a table of tasks (项目内容 | 当前进度 | 牵头单位): its cells may be sentences
    tasks = any(_CONTENT_HEAD.match(c) for c in header)
    if len(header) < 3 or not (tasks or any(_VALUE_HEAD.search(c) for c in header)):
        return None
    out: list[tuple[list[str], int]] = [(header, start)]
    expected, rows, between, end = 1, 0, 0, i
    while i < len(lines) and between <= _MAX_BETWEEN:
        cell = _bare(lines[i])
        # the next number, or 1 again after a group's heading (numbered within each group)
        if cell == str(expected) or (cell == "1" and between and rows):
            expected = int(cell) + 1
            row, first = [cell], i
            i += 1
            while i < len(lines) and len(row) < len(header):
                nxt = _bare(lines[i])
                # the indicator may be a sentence (医务人员掌握…健康指导。); the other cells
                # not, but in a table of tasks
                long = (tasks or len(row) == 1) and len(nxt) <= _MAX_NAME and "\t" not in nxt
                fits = _cell(nxt) or long
                if nxt == str(expected) or _GROUP.match(nxt) or _NOTE.match(nxt) or not fits:
                    break
                row.append(nxt)
                i += 1
                if nxt in _FIRMNESS:
                    break
            out.append((row, first))
            rows += 1
            between, end = 0, i
            continue
        if not (_NOTE.match(cell) or _GROUP.match(cell) or _cell(cell)):
            break  # prose: the table has ended
        out.append(([lines[i]], i))
        between += 1
        i += 1
    if rows < MIN_ROWS:
        return None
    keep = next(k for k in range(len(out), 0, -1) if out[k - 1][1] < end)
    return out[:keep], end


def _cell(line: str) -> bool:
    return len(line) <= MAX_CELL and "\t" not in line and not line.endswith(("。", ";", "；"))


def _bare(line: str) -> str:
    """A cell without the bar a page's text copy closes it with (指标 |)."""
    return line.rstrip("|").rstrip() if line.endswith("|") else line
