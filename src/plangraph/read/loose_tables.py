"""Indicator tables that lost their cell separators, joined back into TAB rows.

A 主要指标 table copied from a web page, a repost or a quiz reaches us in many shapes: run
into one line with single spaces between cells (``指标 单位 2020年 2025年 属性 森林覆盖率 % 40.1
42 预期性 …``) or none at all (``森林覆盖率(%)40.1 42预期性``), one row per line with single
spaces, or one cell per line with its unit and firmness in cells of their own.  What all keep
is the header: it names each column's role (序号, 指标, 单位, a year with its mark such as
2020年基准值 or 2025年目标值, 属性) in the table's own order.  Each row is then read from the
stream of characters by the shape each role takes: the indicator is words, the unit a unit
word, a year's cell a figure (``≥60``, ``13左右``, ``[5]``), a dash or a task (完成国家下达任务),
the firmness 约束性 or 预期性.  A row that does not read so ends the table; fewer than
:data:`MIN_ROWS` rows are no table.  The table is handed on as TAB rows, the readers'
contract for tables (``extract/targets/tables.py``), the text around it as lines of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate

#: Header cells by role, longest first within each role.
_ROLE_WORDS = {
    "serial": r"序\s*号|编\s*号",
    "category": r"指标类别|指标类型|一级指标|类\s*别|领\s*域",
    "unit": r"计量单位|单\s*位",
    "attribute": r"指标属性|指标性质|属\s*性",
    "weight": r"权\s*重(?:\s*[(（]\s*%\s*[)）])?",  # an index's weights: figures, no goal
    # who reports or answers for the figure: an agency's name, no goal
    "source": r"资料来源|数据来源|监测部门|监测单位|统计部门|责任单位|责任部门|牵头单位|牵头部门",
    # the change over the plan's period: a figure where the target year's cell is empty
    "span": r"年均\s*[/／]\s*累计|年均增[长速]率?|[“\"]?十[一二三四五六七八九]五[”\"]?\s*累计"
    r"|五年累计|累\s*计"
    # 〔累计〕, [累计]: the brackets a national table prints its five-year sums in, and the
    # footnote number a cell may carry (〔累计〕1)
    r"|[〔\[【(（]\s*(?:五年)?累\s*计\s*[〕\]】)）](?:\d(?=[ \n|]))?",
    # (last: 指标属性 is the firmness, 指标类别 the category)
    "indicator": r"(?:指标名称|二级指标|主要指标|具体指标|指标项|指\s*标)"
    r"(?:\s*[(（]\s*单位\s*[)）])?",
}
_MARK = (
    r"基准值|基期值|基础值|现状值|目标值|规划值|预期值|实际值|完成值|规划目标|基准年|目标年|基期年"
    r"|实绩|实际"  # 2010年实绩, 2020年实际: the base year's figures
    r"|基数|基准|基期|现状|目标|规划|预期|值"
)
_YEAR_CELL = (
    rf"(?:19|20)\d\d\s*年(?:底|末)?\s*(?:[(（]?\s*(?:{_MARK})\s*[)）]?)?"
    rf"|(?:{_MARK})\s*[(（]\s*(?:19|20)\d\d\s*年?\s*[)）]"
    r"|(?:规划)?(?:目标值|规划值|预期值)|现状值|基期值|基准值|基础值"  # no year: the plan's
)
_HEAD_CELL = re.compile(
    "|".join(f"(?P<{role}>{words})" for role, words in _ROLE_WORDS.items())
    + rf"|(?P<year>{_YEAR_CELL})"
)
_GAP = r"[ \n|]*"
#: Three header cells or more, with nothing but spaces, line breaks or bars between them.
_ANY_CELL = "|".join([*_ROLE_WORDS.values(), _YEAR_CELL])
#: The unit a header cell may print after its name: 年均增长(%), 2025年(万吨).
_CELL_UNIT = r"(?:\s*[(（]\s*[^()（）\s|]{1,6}\s*[)）])?"
#: The characters a header cell can start with: checked first, so that a search through a
#: long text does not try every cell's words at each of its characters.
_CELL_START = '[序编指一二主具类领计单属权资数监统责牵年“"十五累〔\\[【(（12基现目规预实完值]'
_HEADER = re.compile(
    rf"(?={_CELL_START})(?:{_ANY_CELL}){_CELL_UNIT}(?:{_GAP}(?:{_ANY_CELL}){_CELL_UNIT}){{2,}}"
)

#: A figure cell: a number with its sign, brackets, percent sign and qualifier; the number
#: stands alone (not the 2.5 of PM2.5, the 5 of 5G or a year such as 2020年).
_FIGURE = (
    r"(?:[≥≤<>=]|>=|<=|不低于|不高于|不少于|不超过|大于|小于|低于|高于)?\s*"
    r"[\[〔【(（]?\s*(?<![A-Za-z0-9.])[-+]?\d+(?:\.\d+|。\d{1,3}(?=[\s|%‰]|$))?(?![\d.A-Za-z月日])"
    r"(?!(?<=(?:19|20)\d\d)年)\s*[\]〕】)）]?"  # (11.4年 is a figure, 2020年 a year)
    r"\s*(?:[%‰]|(?:亿|万)?(?:元|吨|千瓦|亩|人|户|家|个|项|辆|公里|平方米|立方米)(?![\u4e00-\u9fff])"
    r"|(?<!(?:19|20)\d\d)(?<!(?:19|20)\d\d\s)年|岁|天|小时)?"
    r"(?:左右|及以上|及以下|以上|以下|以内)?\*?"
)  # a unit printed in the cell (40亿元): the figure's, where no column names it
#: A decimal point printed as an ideographic full stop (28。5), in a cell set apart.
_DECIMAL_STOP = re.compile(r"(?<=\d)。(?=\d)")
_DASH = r"[-—–/／]{1,2}|—{1,2}"
_TASK = r"(?:完成|达到|满足|符合|确保|按)[\u4e00-\u9fff]{1,12}?(?:任务|要求|目标|标准)(?:执行)?。?"
#: A row that heads a group of rows, in a table with no column of categories: (一)总体指标.
_HEADING_ROW = re.compile(
    r"(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^\s\d|(（、]{1,20}"
    r"(?=[ \n|]|\d{1,2}[ \n|])"
)  # (一)总体指标, 一、经济发展 (run into the next row's number: 一、经济发展1 地区生产总值…)
_SCOPED = r"(?:[\u4e00-\u9fff]{2,12}[:：]\s*)?"  # 珠三角地区:50, a figure for an area
_VALUE = re.compile(rf"(?:{_SCOPED}{_FIGURE}|{_DASH}|{_TASK})(?=[\s|]|[\u4e00-\u9fff]|$)")
_ATTRIBUTE = re.compile(r"约束性|预期性|约束|预期")
#: A goal in words where a figure would stand (保持在合理区间, 与经济增长基本同步): read
#: only right before the row's firmness, so that it never swallows the next row.
_WORDS_CELL = re.compile(r"[^\s\d|。;；]{2,24}?(?=[ \n|]+(?:约束性|预期性))")
_SERIAL = re.compile(r"\d{1,2}(?:[.、．](?!\d))?(?=[ \n|]*[\u4e00-\u9fffA-Za-z(（])")
#: Unit words, longest first: a unit run into the indicator's name is told by them.
UNIT_WORDS = (
    *("吨标准煤/万元", "立方米/万元", "吨二氧化碳/万元", "微克/立方米", "毫克/立方米"),
    *("毫克/升", "万吨标准煤", "亿千瓦时", "万千瓦时", "亿立方米", "万立方米", "平方公里"),
    *("平方千米", "平方米", "立方米", "个百分点", "百分点", "万千瓦", "千瓦时", "万公顷"),
    *("人年", "标台"),
    *("公顷", "万亩", "亿元", "万元", "万吨", "万人", "万辆", "万户", "公里", "千米", "千瓦"),
    *("分贝", "小时", "吨", "元", "亩", "米", "天", "年", "岁", "人", "个", "家", "座", "处"),
    *("项", "条", "辆", "台", "套", "所", "户", "次", "件", "张", "%", "‰"),
)
_UNIT_WORD = re.compile("|".join(re.escape(u) for u in UNIT_WORDS))
#: A cell set apart that ends the name rather than names a unit: words, then a unit sign.
_PART_OF_NAME = re.compile(r"[^\s\d|“”\"]*[\u4e00-\u9fff]“?”?[%‰]")
#: A unit cell set apart by spaces: a short word of no digits, or a dash for none.
_UNIT_CELL = re.compile(r"(?:[^\s\d|。;；,，、≥≤<>=]{1,10}|[-—–/／])(?=[ \n|])")
#: A category cell before a row's serial number: (一)生态环境质量改善 1 …
_CATEGORY = re.compile(
    r"([(（][一二三四五六七八九十]{1,3}[)）][^\s\d|]{1,20})[ \n|]+(?=\d{1,2}[ \n|.、])"
)
#: A category cell on a line of its own before the row's indicator.
_CATEGORY_LINE = re.compile(r"([^\s\d|(（][^\s\d|]{1,19})\n")
_RULE_LINE = re.compile(r"[ |]*\n[ |]*:?-{3,}:?(?:[ |]+:?-{3,}:?)*[ |]*(?=\n)")
_REACH = 120  # how far past a row that does not read the next numbered row may start
MIN_ROWS = 2
MAX_NAME = 40
_NAME_BREAK = re.compile(r"[。;；,，:：!?！？\t]")
#: A sub-row's lead, whose colon breaks no name: 其中:研究生.
_SUB_ROW = re.compile(r"^\s*其中\s*[:：]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class _Table:
    """A table found in the joined text: where it starts and ends, its TAB rows and the
    offset each row starts at."""

    start: int
    end: int
    rows: tuple[str, ...]
    starts: tuple[int, ...]


def join_loose_tables(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """``lines`` with each indicator table that lost its separators joined into TAB rows,
    the text before and after it on lines of their own; other lines as they are."""
    text = "\n".join(lines)
    if "指" not in text:
        return lines, numbers
    tables = list(_tables(text))
    if not tables:
        return lines, numbers
    line_at = _line_index(lines)
    out: list[str] = []
    out_numbers: list[int] = []
    pos = 0

    def keep(start: int, end: int) -> None:
        offset = start
        for part in text[start:end].split("\n"):
            if part.strip():  # (a TAB row keeps its empty first and last cells)
                out.append(part if "\t" in part else part.strip())
                out_numbers.append(numbers[line_at(offset)])
            offset += len(part) + 1

    for table in tables:
        keep(pos, table.start)
        for row, at in zip(table.rows, table.starts, strict=True):
            out.append(row)
            out_numbers.append(numbers[line_at(at)])
        pos = table.end
    keep(pos, len(text))
    return out, out_numbers


def indicator_header(line: str) -> bool:
    """Whether a line is the header row (cells split by TAB) of an indicator table: a
    column of indicators and a column of a year's figures."""
    if "\t" not in line:
        return False
    roles = {m.lastgroup for c in line.split("\t") if (m := _HEAD_CELL.fullmatch(c.strip()))}
    return "indicator" in roles and "year" in roles


def _line_index(lines: list[str]) -> Callable[[int], int]:
    """The index of the line an offset into the joined lines falls in."""
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    return lambda offset: bisect_right(starts, offset) - 1


def _tables(text: str) -> Iterator[_Table]:
    pos = 0
    while True:
        header = _HEADER.search(text, pos)
        if header is None:
            return
        found = _table(text, header)
        if found is None:
            pos = header.end()
            continue
        yield found
        pos = found.end


def _table(text: str, header: re.Match[str]) -> _Table | None:
    """The table under ``header``, or None when it is no indicator table (no 指标 and year
    among its roles, a TAB in it, or fewer than :data:`MIN_ROWS` rows that read)."""
    if "\t" in header.group():
        return None
    found, spanned = _spanning_marks_out(list(_HEAD_CELL.finditer(header.group())))
    roles = [m.lastgroup or "" for m in found]
    if "indicator" not in roles or "year" not in roles:
        return None
    # the table's title may name it (主要指标 指标 单位 …): the header starts at the last
    # indicator cell before the years, with the serial or category cells right before it
    heads = [i for i, role in enumerate(roles[: roles.index("year")]) if role == "indicator"]
    if not heads:
        return None
    first = heads[-1]
    while first > 0 and roles[first - 1] in ("serial", "category"):
        first -= 1
    found, roles = found[first:], roles[first:]
    if roles.count("indicator") > 1 or len(roles) < 3:
        return None
    cells = [m.group() + spanned.get(m.start(), "") for m in found]
    head_start = header.start() + found[0].start()
    rows = ["\t".join(re.sub(r"\s+", "", c) for c in cells)]
    starts = [head_start]
    pos = end = header.end()
    rule = _RULE_LINE.match(text, pos)
    if rule is not None:
        pos = end = rule.end()  # | --- | --- |: the line a markdown table draws under its header
    data = 0  # rows with cells of their own
    passed: list[tuple[int, str]] = []  # rows passed over, kept as lines after the table
    serial = ""  # the last row's number, where rows are numbered
    while True:
        heading = None if "category" in roles else _HEADING_ROW.match(text, _skip(text, pos))
        if heading is not None:
            # (二)能源领域: a heading of the rows after it, a row of its own with no figure
            # (kept only if a row follows: after the table, (一)… heads the plan's text)
            cells = [""] * len(roles)
            cells[roles.index("indicator")] = heading.group()
            rows.append("\t".join(cells))
            starts.append(heading.start())
            pos = heading.end()
            continue
        row = _row(text, pos, roles)
        groups: list[re.Match[str]] = []
        while row is None and len(groups) < 2 and (group := _group_line(text, pos)) is not None:
            # 经济发展 / 一、绿色生态: a line that heads the rows after it (a cell merged
            # across the table), kept as a row of its own if a row reads after it; a group
            # may head subgroups (生态环境质量 / 1.空气质量 / the rows)
            groups.append(group)
            row = _row(text, group.end(), roles)
            pos = group.end() if row is None else pos
        if row is not None:
            for group in groups:
                cells = [""] * len(roles)
                where = "category" if "category" in roles else "indicator"
                cells[roles.index(where)] = group.group("name")
                rows.append("\t".join(cells))
                starts.append(group.start())
        elif groups:
            pos = groups[0].start()
        if row is None and "serial" not in roles:
            # rows numbered though the header names no 序号 (1 地区生产总值 亿元 …)
            number = _UNLISTED_SERIAL.match(text, _skip(text, pos))
            serial = number.group(1) if number else ""
        if row is None and serial:
            # a row whose cells do not read (a sentence for a figure): on to the next number
            row = _next_numbered(text, pos, roles, serial)
        if row is None and (row := _next_on_line(text, pos, roles)) is not None:
            # a table run into one line: past a row whose cells do not read, to the next;
            # the row passed over kept as a line of its own (用水总量控制不超…下达指标)
            skipped = text[_skip(text, pos) : row[0]].strip(" |")
            if skipped:
                passed.append((_skip(text, pos), skipped))
        if row is None:
            break
        start, pos, row_cells = row
        pos = _unglue_next_serial(text, start, pos, row_cells, serial)
        rows.append("\t".join(row_cells))
        starts.append(start)
        data, end = data + 1, pos
        if "serial" in roles:
            serial = row_cells[roles.index("serial")]
        elif number := _UNLISTED_SERIAL.match(text, start):
            serial = number.group(1)  # (a row printed without one is a part of the last)
    kept = 1 + next(i for i in range(len(starts) - 1, -1, -1) if i == 0 or starts[i] < end)
    rows, starts = rows[:kept], starts[:kept]
    rows.extend(line for _, line in passed)
    starts.extend(at for at, _ in passed)
    if data < MIN_ROWS:
        return None
    while end < len(text) and text[end] in " |":
        end += 1  # (the bar that closes the last cell)
    return _Table(head_start, end, tuple(rows), tuple(starts))


def _spanning_marks_out(
    cells: list[re.Match[str]],
) -> tuple[list[re.Match[str]], dict[int, str]]:
    """The header's cells without a mark that spans the years after it (指标 预期值 2016年
    2017年 2018年: a two-line header run into one, 预期值 over its three years), which is no
    column of its own; and the mark each year under it takes (by where its cell starts)."""
    kept: list[re.Match[str]] = []
    spanned: dict[int, str] = {}
    mark = ""
    for i, cell in enumerate(cells):
        dated = cell.lastgroup == "year" and re.search(r"\d", cell.group()) is not None
        following = cells[i + 1 : i + 3]
        if (
            cell.lastgroup == "year"
            and not dated
            and len(following) == 2
            and all(c.lastgroup == "year" and re.search(r"\d", c.group()) for c in following)
        ):
            mark = cell.group().strip()
            continue
        mark = mark if dated else ""
        if mark:
            spanned[cell.start()] = mark
        kept.append(cell)
    return kept, spanned


#: A row's number where the header names no 序号: a number set apart before the name.
_UNLISTED_SERIAL = re.compile(r"(\d{1,2})[ |]+(?=[\u4e00-\u9fff])")
_NEXT_ROW_IN = re.compile(r"(?<![\d.A-Za-z])\d{1,2}[ |]+[\u4e00-\u9fff]")
#: An agency's name in a column of sources (省统计局, 省人社厅, 江苏调查总队).
_SOURCE_CELL = re.compile(
    r"[\u4e00-\u9fff]{1,14}?(?:局|厅|委|办|队|部|院|署|中心|部门|委员会|办公室|公司)"
    r"(?:[、和][\u4e00-\u9fff]{1,14}?(?:局|厅|委|办|队|部|院|署|中心|部门|委员会|办公室))*"
)
#: The first line of a numbered row's name that wraps: words only, then the rest of the
#: name on the next line, which opens with no number (a row of its own would).
_WRAPPED_NAME = re.compile(r"[\u4e00-\u9fff“”()（）]{2,24}[ |]*\n[ |]*(?![\d(（])[\u4e00-\u9fff]")
#: A line of its own that heads a group of rows: 经济发展, 一、绿色生态, (二)民生福祉类,
#: 第三类 安全保障, 1.空气质量 (words only: a figure or a stop makes it a row or a sentence).
_GROUP_LINE = re.compile(
    r"""[ |]*
    (?: 第[一二三四五六七八九十]{1,3}类?[、.．]?
      | [一二三四五六七八九十]{1,3}[、.．]              # not the 九 of 九年义务教育
      | [(（][一二三四五六七八九十]{1,3}[)）]
      | \d{1,2}[.。．、] )? \s*
    (?P<name> [\u4e00-\u9fff“”"]{2,16} )
    [ |]* (?=\n)""",
    re.VERBOSE,
)


def _group_line(text: str, pos: int) -> re.Match[str] | None:
    """The line at ``pos`` if it is one that heads a group of rows (:data:`_GROUP_LINE`)."""
    return _GROUP_LINE.match(text, _skip(text, pos))


def _next_numbered(
    text: str, pos: int, roles: list[str], serial: str
) -> tuple[int, int, list[str]] | None:
    """The next row that reads, numbered one or two after ``serial`` (the one after it may
    be the row that does not read) within :data:`_REACH` of ``pos``."""
    if not serial.isdigit():
        return None
    for number in (int(serial) + 1, int(serial) + 2):
        # (glued to the cell before it in a table run into one line: 省统计局2 战略性…)
        following = re.compile(rf"(?<=[ \n|\u4e00-\u9fff]){number}(?=[ \n|]|[.、](?!\d))")
        m = following.search(text, pos, min(len(text), pos + _REACH))
        row = _row(text, m.start(), roles) if m is not None else None
        if row is not None:
            return row
    return None


#: A percentage inside a name: the name runs over another row's cells.
_SHARE_IN_NAME = re.compile(r"\d\s*[%‰]")
#: The end of a row's cell of words (不超自治区年度下达指标, 完成国家下达任务): what it meets.
_WORDS_CELL_END = re.compile(
    r"下达(?:的)?(?:任务|指标|目标)|(?:任务|要求|标准)(?=[\u4e00-\u9fff]{4})"
)
#: Where the name of a row of a table run into one line may start: after a figure.
_AFTER_FIGURE = re.compile(r"(?<=[\d%‰])(?=[\u4e00-\u9fff])")


def _next_on_line(text: str, pos: int, roles: list[str]) -> tuple[int, int, list[str]] | None:
    """In a table run into one line, the next row that reads within :data:`_REACH` of ``pos``
    and on the same line, its name starting after a figure (…或年降低率5%「用水总量…」): the
    rows between, whose cells are words (不超自治区年度下达指标), give no figure to read."""
    stop = text.find("\n", pos)
    stop = min(len(text) if stop < 0 else stop, pos + _REACH)
    at = roles.index("indicator")
    for start in _AFTER_FIGURE.finditer(text, pos, stop):
        row = _row(text, start.start(), roles)
        if row is not None and not re.search(r"\d", row[2][at]):
            # (a name with a figure in it runs over a row that did not read; a name after
            # a row's cell of words that closes on what it meets starts after that cell)
            name = row[2][at]
            tail = list(_WORDS_CELL_END.finditer(name))
            if tail and len(name) - tail[-1].end() >= 4:
                row[2][at] = name[tail[-1].end() :]
                return start.start() + tail[-1].end(), row[1], row[2]
            return row
    return None


def _unglue_next_serial(text: str, start: int, end: int, cells: list[str], serial: str) -> int:
    """Where the row read from ``start`` to ``end`` ends, its last cell freed of the next
    row's number where a table run into one line glued them (17 …参保率 % ≥98 / 18 城镇… read
    as ≥9818): the row is numbered n (or follows row n, a part of it printed without a
    number), its last cell ends in n+1 after a figure of its own, and the next row's name
    follows.  ``cells`` is changed in place."""
    number = _UNLISTED_SERIAL.match(text, start)
    own = number.group(1) if number else serial
    following = str(int(own) + 1) if own.isdigit() else ""
    filled = [i for i, c in enumerate(cells) if c]
    last = cells[filled[-1]] if filled else ""
    stop = len(text[:end].rstrip(" |"))
    if (
        following
        and re.search(rf"\d{following}$", last)
        and re.match(r"[ |]+[\u4e00-\u9fff]", text[stop:])
        and text[stop - len(following) : stop] == following
    ):
        cells[filled[-1]] = last[: -len(following)]
        return stop - len(following)
    return end


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \n|":
        pos += 1
    return pos


def _row(
    text: str, pos: int, roles: list[str], *, own_line: bool = True
) -> tuple[int, int, list[str]] | None:
    """One row read from ``pos`` by the header's roles: (start, end, cells), or None.
    ``own_line``: a category may stand on a line of its own before the row."""
    start = pos = _skip(text, pos)
    cells: list[str] = []
    at = roles.index("indicator")
    if "serial" not in roles and (number := _UNLISTED_SERIAL.match(text, pos)):
        pos = number.end()  # the row's number, in a table whose header names no 序号
    for i, role in enumerate(roles[:at]):
        if role == "serial":
            m = _SERIAL.match(text, pos)
            cells.append(m.group().rstrip(".、．") if m else "")
            pos = _skip(text, m.end()) if m else pos
        elif roles[i + 1] == "serial" and (m := _CATEGORY.match(text, pos)) is not None:
            cells.append(m.group(1))  # (一)生态环境质量改善, printed on its group's first row
            pos = m.end()
        elif own_line and at == i + 1 and (m := _CATEGORY_LINE.match(text, pos)) is not None:
            # 节能降碳 / 1.单位地区生产总值…: a category on a line of its own, if the row
            # reads after it
            row = _row(text, m.end(), roles, own_line=False)
            if row is not None:
                row[2][i] = m.group(1)
                return start, row[1], row[2]
            cells.append("")
        else:
            cells.append("")  # a category: merged cells print it on one row only
    tail = roles[at + 1 :]
    limit = min(len(text), pos + MAX_NAME + 1)
    # a numbered row whose name wraps onto the next line (1 万元国内生产总值 / 用水量 立方米 …):
    # words only before the break, and no number of its own after it
    wrapped = bool(cells) and cells[0] != "" and _WRAPPED_NAME.match(text, pos) is not None
    for end in range(pos + 2, limit + 1):
        name = text[pos:end]
        if _NAME_BREAK.search(_SUB_ROW.sub("", name)) or ("\n" in name.strip() and not wrapped):
            return None
        if _SHARE_IN_NAME.search(name):
            return None  # …平均值的50%或年降低率5%用水总量: a row's cell of words, not a name
        if name.count("\n") > 1 or ("serial" not in roles and _NEXT_ROW_IN.search(name)):
            return None  # (not through the next row's number: 翻一番 省统计局2 服务业…)
        if not _CJK.search(name) or _VALUE.fullmatch(name.strip()):
            continue
        read = _tail(text, end, tail)
        if read is None:
            continue
        category, _, rest = name.strip().rpartition(" ")
        if category and "category" in roles[:at] and len(rest) >= 2:
            cells[roles.index("category")] = category
            name = rest
        if wrapped and "\n" in name:
            name = re.sub(r"[ |]*\n[ |]*", "", name)
        if re.search(r"\s{2,}|\n", name.strip()):
            return None
        return start, read[0], [*cells, name.strip(), *read[1]]
    return None


def _tail(text: str, pos: int, roles: list[str]) -> tuple[int, list[str]] | None:
    """The cells after the indicator's name, read by their roles: (end, cells), or None."""
    cells: list[str] = []
    first = True
    glued: list[str] = []  # the figures of the next columns, read from one glued run
    for k, role in enumerate(roles):
        if glued:
            cells.append(glued.pop(0))
            continue
        at = _skip(text, pos)
        if role == "unit":
            # a unit set apart by spaces is any short word; one run into the name a unit word
            m = _UNIT_CELL.match(text, at) if at > pos or not first else None
            if m is not None and _PART_OF_NAME.fullmatch(m.group()):
                return None  # 占GDP 比重%: the name's last word, then its unit run in
            m = m or _UNIT_WORD.match(text, at)
            if m is None:
                return None
        elif role == "source":
            m = _SOURCE_CELL.match(text, at)
            if m is None:
                cells.append("")
                first = False
                continue
        elif role == "attribute":
            m = _ATTRIBUTE.match(text, at)
            if m is None:
                cells.append("")
                first = False
                continue
        elif role in ("year", "weight", "span"):
            m = _VALUE.match(text, at)
            if m is None and (run := glued_figures(text, at, _figure_columns(roles, k))):
                end, glued = run  # 30%40%55%, 0.720.750.78: one cell per column
                cells.append(glued.pop(0))
                pos, first = end, False
                continue
            if m is None and "attribute" in roles and _ATTRIBUTE.match(text, at):
                cells.append("")  # an empty cell: the firmness follows
                first = False
                continue
            if m is None and "attribute" in roles[k + 1 :]:
                m = _WORDS_CELL.match(text, at)  # 与经济增长基本同步, then the firmness
            if m is None:
                return None
        else:
            return None  # no cell of such a role after the name
        cells.append(_DECIMAL_STOP.sub(".", re.sub(r"\s+", "", m.group())))
        pos = m.end()
        first = False
    figures = [c for c, role in zip(cells, roles, strict=True) if role in ("year", "span")]
    if not any(figures):
        return None  # a row gives a figure, a dash or a task in a year's column at least
    return pos, cells


#: A run of figures printed with nothing between them: percentages (30%40%55%) or numbers
#: with decimals (0.720.750.78, 30.528.5), up to the next character that is no figure's.
_GLUED_RUN = re.compile(r"(?:\d+(?:\.\d+)?%)+(?![\d.])|[\d.]+(?![\d.%])")
_PERCENT = re.compile(r"\d+(?:\.\d+)?%")
_NUMBER = re.compile(r"(?:0|[1-9]\d*)\.\d+")
MAX_SPREAD = 10  # the figures of one indicator over the years stay within a factor of ten


def glued_figures(text: str, pos: int, columns: int) -> tuple[int, list[str]] | None:
    """The figures of ``columns`` year columns printed with nothing between them, read from
    ``pos``: (end, one figure per column), or None.  A percent sign closes each figure
    (30%40%55%); else each has a decimal point and as many decimal places as the others
    (0.720.750.78 is 0.72, 0.75, 0.78), and the run splits so in one way only, with the
    figures within :data:`MAX_SPREAD` of each other.  Glued whole numbers (8085) or figures
    of unlike decimals (0.5520.57) can be split in more than one way: no cells (the row is
    not read, rather than read with an invented value)."""
    m = _GLUED_RUN.match(text, pos)
    if columns < 2 or m is None:
        return None
    run = m.group()
    if run.endswith("%"):
        figures = _PERCENT.findall(run)
        return (m.end(), figures) if len(figures) == columns else None
    splits = [split for places in (1, 2, 3) if (split := _split(run, columns, places))]
    return (m.end(), splits[0]) if len(splits) == 1 else None


def _split(run: str, columns: int, places: int) -> list[str] | None:
    """``run`` as ``columns`` numbers of ``places`` decimal places each, or None."""
    figures = re.findall(rf"\d+?\.\d{{{places}}}", run)
    if len(figures) != columns or "".join(figures) != run:
        return None
    values = [float(f) for f in figures]
    if not all(map(_NUMBER.fullmatch, figures)) or min(values) <= 0:
        return None
    return figures if max(values) <= MAX_SPREAD * min(values) else None


def _figure_columns(roles: list[str], k: int) -> int:
    """How many figure columns (years, spans, weights) follow one another from ``k``."""
    n = 0
    while k + n < len(roles) and roles[k + n] in ("year", "weight", "span"):
        n += 1
    return n
