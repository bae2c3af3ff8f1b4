"""Tables pasted one cell per line: a web page's table copied as text, or saved by a site
that prints each cell as a paragraph, reaches us as a column of short lines (序号 / 县(市) /
单位GDP能耗降低率目标任务(%) / 1 / 延吉市 / 3.4 / 2 / 珲春市 / 3.4 …).  Such a run is told by its
serial numbers: a header whose first cell is 序号 (or 编号), then rows of as many cells, each
row opening with the next number (1, 2, 3 …).  It is joined back into one line per row with
its cells separated by TAB, the readers' contract for tables (``extract/targets/tables.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


def _cell(line: str) -> bool:
    return len(line) <= MAX_CELL and "\t" not in line and not line.endswith(("。", ";", "；"))


def _bare(line: str) -> str:
    """A cell without the bar a page's text copy closes it with (指标 |)."""
    return line.rstrip("|").rstrip() if line.endswith("|") else line
