"""Indicator tables: the 主要指标 table of a 十四五 plan, one target per row.

The readers hand a table on as one line per row with its cells separated by TAB.  A header
row names the columns: the indicator (``指标``, ``指标名称``, ``二级指标``), the unit
(``单位``), the years (``2020年``, ``2020年基准值``, ``2025年目标值``) and the firmness
(``属性``: 约束性 binding, 预期性 expected).  Of the year columns, the one marked 目标 (else the
latest) holds the target and the one marked 基准/基期/现状 (else the earliest) the base value;
a column of 实际值 (what was achieved) holds neither.  A table whose target year is before the
plan's year reviews the last plan (“十三五”主要指标完成情况) and gives no target.

Each data row gives its indicator (numbering and the unit in brackets stripped: ``1.森林覆盖率
（%）``), a target value (``13左右`` About, ``[5]`` a cumulative value, ``≥60`` AtLeast, ``>63``
Above, ``<27.0`` Below, ``珠三角地区:50`` scoped to a place), the base value and year, and
``pg:binding``.  An indicator named as a change (``较2020年降低（%）``, ``氮氧化物减少``) is a
change against the base year.  A row without a value (a category heading such as
``（一）环境质量``, ``—``, ``完成国家分解任务``) gives no target; a row whose indicator cell is
empty continues the indicator of the row before (``粤东西北地区:25``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from plangraph import model
from plangraph.vocab import ONE_TO_TEN, TABLE_NOTE, TASK_HEAD, YEAR

from .clauses import Draft
from .indicators import IndicatorTable, clean_subject, derived_indicator
from .scopes import Resolver
from .unit_words import UNITLESS, count_scale, scale_count, unit_of

#: Words of a header cell, by the column they name.
INDICATOR_HEADS = ("指标名称", "二级指标", "指标", "主要指标", "指标项")
UNIT_HEADS = ("单位", "计量单位")
ATTRIBUTE_HEADS = ("属性", "指标属性", "指标性质", "类型")
TARGET_MARKS = ("目标", "规划值", "预期值")
BASE_MARKS = ("基准", "基期", "现状", "基础值", "基数")
ACHIEVED_MARKS = ("实际", "完成值", "完成情况")
#: A column of the change over the plan's period (年均/累计, 年均增长, “十四五”累计): a goal where
#: the target year's cell is empty, a cumulative change in brackets (〔13.5〕), an annual rate
#: for an indicator named as a change, else the level to reach.
SPAN_HEAD = re.compile(
    r"^[〔\[【(（]?(?:[“\"]?十[一二三四五六七八九]五[”\"]?|五年)?(?:年均|累计)"
)  # 〔累计〕: in brackets
BINDING = {"约束性": True, "约束": True, "预期性": False, "预期": False}
#: Words that make an indicator a change against the base year (较2020年降低).
CHANGE_WORDS = re.compile(
    rf"(?:较{YEAR}年)?(?P<dir>降低|下降|减少|削减|压减|提高|提升|增长|增加)(?:率|幅度)?$"
)
DECREASE = ("降低", "下降", "减少", "削减", "压减")

#: A unit cell that prints no unit: the figure is a ratio or an index.
_NO_UNIT = re.compile(r"\s*(?:[-—–/／]{1,2}|无)\s*")
_SHORT_ROW = 30  # a line of a table without a TAB is a heading or a lone cell
_NOTE = re.compile(TABLE_NOTE)  # 说明:…, 计算方法:… between the rows
_YEAR = re.compile(rf"({YEAR})\s*年")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*")
_HEADING = re.compile(rf"^\s*(?:[(（][{ONE_TO_TEN}]{{1,3}}[)）]|[{ONE_TO_TEN}]{{1,3}}、)")
_UNIT_IN_NAME = re.compile(r"[(（]([^()（）]{1,12})[)）]\s*$")
_VALUE = re.compile(
    r"""^\s*
    (?: (?P<place> [^\d:：≥≤<>\[\]]{2,12}? ) \s* [:：] \s* )?     # 珠三角地区: a scoped value
    (?P<cmp> ≥|≤|>=|<=|>|<|=|不低于|不高于|不少于|不超过|大于|小于|低于|高于 )? \s*
    (?P<open> [\[〔【] )? \s*                                    # [5]: cumulative
    (?P<num> \d+(?:\.\d+)? ) \s* (?P<pct> % )? \s* [\]〕】]?
    (?P<unit> (?:亿|万)?(?:元|吨|千瓦|亩|人|户|家|个|项|辆|公里|平方米|立方米)
      | (?<!(?:19|20)\d\d)(?<!(?:19|20)\d\d\s)年 | 岁|天|小时 )?  # 40亿元, 11.4年 (not 2025年)
    \s* (?P<qual> 左右|以上|以下|以内|及以上|及以下 )? \s* \*? \s* $
    """,
    re.VERBOSE,
)
_CMP: dict[str, model.Comparator] = {
    "=": "Exactly",
    "≥": "AtLeast",
    ">=": "AtLeast",
    "不低于": "AtLeast",
    "不少于": "AtLeast",
    "≤": "AtMost",
    "<=": "AtMost",
    "不高于": "AtMost",
    "不超过": "AtMost",
    ">": "Above",
    "大于": "Above",
    "高于": "Above",
    "<": "Below",
    "小于": "Below",
    "低于": "Below",
    "左右": "About",
    "以上": "AtLeast",
    "及以上": "AtLeast",
    "以下": "AtMost",
    "及以下": "AtMost",
    "以内": "AtMost",
}


#: What a row without an indicator of its own carries over from the row before it.
_Carried = tuple[
    model.Indicator, tuple[model.UnitCode, str | None] | None, Decimal | None, int | None
]


@dataclass(frozen=True, slots=True)
class Header:
    """Which cell holds what: indices into a row aligned with the header."""

    width: int
    indicator: int
    target: int
    target_year: int
    base: int | None = None
    base_year: int | None = None
    unit: int | None = None
    attribute: int | None = None
    #: further columns of goals, (column, year): 2025年 | 2030年 in one row
    later: tuple[tuple[int, int], ...] = ()
    #: the column of the change over the period (年均/累计), read where the target's is empty
    span: int | None = None
    #: the header says its figures are goals: a column marked 目标/规划值, or a 属性 column
    stated: bool = False
    #: every year's column is marked as goals (2016年预期值 | 2017年预期值): none is the base,
    #: and each is a goal whatever the plan's year
    all_goals: bool = False

    def states_goals(self, plan_year: int | None, due: int | None) -> bool:
        """Whether the target column holds goals, not the latest of some statistics: the
        header says so, or the column's year is after the plan's, or, the plan's year
        unknown, it is the plan's deadline or a plan's span (3 years or more) after the
        base column's (指标 | 2019年 | 2020年 is a table of figures, not of goals)."""
        if plan_year is not None:
            return self.target_year >= plan_year
        return (
            self.stated
            or self.target_year == due
            or (self.base_year is not None and self.target_year - self.base_year >= 3)
        )

    def goals(self, plan_year: int | None) -> list[Header]:
        """One header per column of goals: the target column, then each later one that is
        a goal too (a year after the plan's own, when the plan's year is known)."""
        later = [
            dataclasses.replace(self, target=column, target_year=year, later=())
            for column, year in self.later
            if (plan_year is not None and year > plan_year)
            or (self.all_goals and (plan_year is None or year >= plan_year))
        ]
        return [self, *later]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: where it is in the plan's text and its cells."""

    start: int
    end: int
    cells: tuple[str, ...]


def row_draft(
    row: Row,
    indicator: model.Indicator,
    value: Decimal,
    unit: tuple[model.UnitCode, str | None],
    *,
    comparator: model.Comparator = "Exactly",
    direction: model.Direction | None = None,
    target_year: int | None = None,
    base_year: int | None = None,
    scope: str | None = None,
    base_value: Decimal | None = None,
    binding: bool | None = None,
    change: bool = False,
) -> Draft:
    """The target one row of a table gives: quoted by the whole row, its unit and what it
    counts from the unit cell, the rest as the table's reader found it."""
    return Draft(
        sentence=0,
        start=row.start,
        end=row.end,
        order=0,
        indicator=indicator,
        value=value,
        unit=None if unit[0] == UNITLESS else unit[0],  # a ratio (0.57): a pure number
        count_noun=unit[1],
        comparator=comparator,
        direction=direction,
        target_year=target_year,
        base_year=base_year,
        scope=scope,
        base_value=base_value,
        binding=binding,
        change=change,
    )


def table_rows(text: str) -> list[list[Row]]:
    """Runs of table lines (cells split by TAB, or by runs of spaces in a text table): the
    tables of a plan's text.  A short line without a TAB between two such lines is a row
    too (``(一)总体指标``: readers drop a row's empty cells at its ends, and with them its
    TABs)."""
    tables: list[list[Row]] = []
    pos = 0
    current: list[Row] = []
    pending: list[Row] = []  # short lines that continue the table if a TAB line follows
    for line in text.split("\n"):
        end = pos + len(line)
        cells = _cells(line)
        if cells is not None:
            current.extend(pending)
            pending = []
            current.append(Row(pos, end, cells))
        elif current and len(line) <= _SHORT_ROW and not line.endswith("。") and len(pending) < 3:
            pending.append(Row(pos, end, (line.strip(),)))
        elif current and _NOTE.match(line):
            pass  # 说明:…, 计算方法:… on the row above: the table goes on after it
        elif current:
            current.extend(r for r in pending if _VALUE.match(r.cells[0]))
            tables.append(current)
            current, pending = [], []
        pos = end + 1
    if current:
        # a lone value after the last row: the end of a row split over lines
        current.extend(r for r in pending if _VALUE.match(r.cells[0]))
        tables.append(current)
    return tables


#: Cells of a text table aligned with spaces: two or more spaces between them.
_SPACED = re.compile(r"\S(?: {2,}|\u3000+)\S")


def _cells(line: str) -> tuple[str, ...] | None:
    """The cells of a table line: TAB-separated (the readers' contract) or, in a text
    table, aligned with runs of two or more spaces (three cells at least)."""
    if "\t" in line:
        return tuple(c.strip() for c in line.split("\t"))
    if len(_SPACED.findall(line)) >= 2:
        return tuple(c for c in re.split(r"(?: {2,}|\u3000+)", line.strip()) if c)
    return None


def read_header(cells: tuple[str, ...], due: int | None = None) -> Header | None:
    """The columns a header row names, or None when the row is no header of targets.
    ``due``: the plan's deadline, the year of a column of goals that names none (目标值)."""
    years: list[tuple[int, int, str]] = []  # (column, year, cell)
    indicator = unit = attribute = span = None
    for i, cell in enumerate(cells):
        m = _YEAR.search(cell)
        if SPAN_HEAD.match(cell.strip()):
            span = i
        elif m:
            years.append((i, int(m.group(1)), cell))
        elif due is not None and _YEARLESS_GOAL.fullmatch(cell.strip()):
            years.append((i, due, cell))  # 目标值: due by the plan's deadline
        elif due is not None and _YEARLESS_BASE.fullmatch(cell.strip()):
            years.append((i, _UNKNOWN_YEAR, cell))  # 现状值: the present, its year not named
        elif any(w in cell for w in ATTRIBUTE_HEADS) and "名称" not in cell:
            attribute = i
        elif cell in UNIT_HEADS:
            unit = i
        elif any(w in cell for w in INDICATOR_HEADS):
            indicator = i  # the last one: 二级指标 after 一级指标
    if indicator is None and years and years[0][0] > 0:
        indicator = years[0][0] - 1
    candidates = [y for y in years if not any(w in y[2] for w in ACHIEVED_MARKS)]
    if indicator is None or not candidates:
        return None
    marked = [y for y in candidates if any(w in y[2] for w in TARGET_MARKS)]
    # a column marked as the present or the base (2020年(现状), 基期值) is never the goal's
    unmarked = [y for y in candidates if not any(w in y[2] for w in BASE_MARKS)]
    if not marked and not unmarked:
        return None
    target = marked[-1] if marked else max(unmarked, key=lambda y: (y[1], y[0]))
    bases = [y for y in candidates if y is not target and any(w in y[2] for w in BASE_MARKS)]
    all_goals = len(marked) == len(candidates) > 1
    if not bases and not all_goals:
        bases = [y for y in candidates if y[1] < target[1]]
    base = bases[0] if bases else None
    # several years of goals in one row (2020年 | 2025年 | 2030年): the years after the base
    # (only those marked as goals, where the header marks any) are goals too
    later = tuple(
        (y[0], y[1])
        for y in (marked or candidates)
        if y is not target
        and y is not base
        and y[1] != target[1]
        and (base is None or y[1] > base[1])
    )
    return Header(
        width=len(cells),
        indicator=indicator,
        target=target[0],
        target_year=target[1],
        base=base[0] if base else None,
        base_year=base[1] if base and base[1] != _UNKNOWN_YEAR else None,
        unit=unit,
        attribute=attribute,
        later=later,
        span=span,
        stated=bool(marked) or attribute is not None,
        all_goals=all_goals,
    )


#: A column of goals or of the present value whose header names no year.
_YEARLESS_GOAL = re.compile(r"(?:规划)?(?:目标值|规划值|预期值)")
_YEARLESS_BASE = re.compile(r"现状值|基期值|基准值|基础值|现值")
_UNKNOWN_YEAR = 0
#: A base value's cell: a figure, perhaps bracketed or signed (``[5]``, ``≥60``, ``85%``).
_BASE_CELL = re.compile(r"[\[≥≤<>]?\s*[\d.]+\s*%?\s*[\]*]?")


def _aligned(cells: tuple[str, ...], header: Header) -> tuple[str, ...]:
    """A row's cells in the header's columns.  Readers drop the empty cells at either end
    of a line, so a short row is aligned on its right: on the firmness column when it ends
    in 约束性/预期性, else on the column before it."""
    if len(cells) >= header.width:
        return cells[: header.width]
    # merged cells (a category or serial spanning rows) leave the row without its first
    # cells: the indicator's name, the first cell of words, stands in the indicator's column
    name = next((i for i, c in enumerate(cells) if _is_name(c)), None)
    if name is not None and name <= header.indicator:
        first = header.indicator - name
        firm = header.attribute
        figures = cells[name + 1 : -1]
        if (
            firm is not None
            and cells[-1] in BINDING
            and header.later
            and len(figures) == 1 + len(header.later)
            and header.indicator + len(figures) < firm
        ):
            # as many figures as columns of goals (two years at least), the base's cell
            # dropped: the figures stand right before the row's own firmness (8 | 中医医院设置
            # 治未病科室比例(%) | 90 | 100 | 预期性 under 基期水平 | 2022年目标值 | 2030年目标值 |
            # 指标性质).  A lone figure under a base and one goal stays the base: its goal
            # may be the one not set (16 | 单位国内生产总值能耗降低(%) | 12.1 | 约束性)
            row = [""] * first + list(cells[: name + 1])
            row += [""] * (firm - len(figures) - len(row)) + [*figures, cells[-1]]
            return tuple(row) + ("",) * (header.width - len(row))
        if first + len(cells) <= header.width:
            return ("",) * first + cells + ("",) * (header.width - first - len(cells))
    last = header.width - 1
    if header.attribute is not None and cells[-1] not in BINDING:
        last = header.attribute - 1 if header.attribute > 0 else last
    first = last - len(cells) + 1
    if first < 0:
        return cells + ("",) * (header.width - len(cells))
    return ("",) * first + cells + ("",) * (header.width - last - 1)


def _is_name(cell: str) -> bool:
    """Whether a cell names an indicator: words, not a figure, a firmness or a serial."""
    return (
        re.search(r"[\u4e00-\u9fff]{2}", cell) is not None
        and _VALUE.match(cell) is None
        and cell.strip() not in BINDING
    )


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _printed_unit(name: str, unit_cell: str) -> str:
    """The unit printed in the indicator's brackets (``森林覆盖率（%）``) or its own column."""
    m = _UNIT_IN_NAME.search(name)
    return (m.group(1) if m else unit_cell).strip()


def _unit(name: str, unit_cell: str) -> tuple[model.UnitCode, str | None] | None:
    """The unit code of :func:`_printed_unit`, and the counted noun."""
    printed = _printed_unit(name, unit_cell)
    return unit_of(printed) if printed else None


def table_targets(
    text: str,
    plan_year: int | None,
    resolve: Resolver,
    table: IndicatorTable,
    due: int | None = None,
) -> tuple[list[Draft], list[tuple[int, int]]]:
    """Targets of the indicator tables in ``text`` (quotes are offsets into it), and the
    spans of every table line (the sentence reader leaves those alone).  ``due``: the
    plan's deadline, for a column of goals whose header names no year (目标值)."""
    drafts: list[Draft] = []
    spans: list[tuple[int, int]] = []
    for rows in table_rows(text):
        if _of_tasks(rows, due):
            continue  # its rows are sentences: the sentence reader reads them
        spans.extend((r.start, r.end) for r in rows)
        header: Header | None = None
        previous: _Carried | None = None
        for row in rows:
            found = read_header(row.cells, due)
            if found is not None and not any(_VALUE.match(c) for c in row.cells):
                header, previous = found, None
                continue
            if header is None or not header.states_goals(plan_year, due):
                continue  # no header yet, a review of the last plan's targets, or statistics
            carried = previous
            # aligned once on the whole header: which columns its figures fill depends on
            # how many columns of goals there are
            aligned = dataclasses.replace(row, cells=_aligned(row.cells, header))
            for goal in header.goals(plan_year):
                draft, previous = _row_target(aligned, goal, carried, resolve, table)
                if draft is not None:
                    drafts.append(draft)
    return drafts, spans


_TASK_HEAD = re.compile(TASK_HEAD)


def _of_tasks(rows: list[Row], due: int | None) -> bool:
    """Whether a table lists tasks, a sentence in a cell of each row (序号 | 项目内容 | 当前进度
    | 牵头单位), rather than indicators and their values: no header of targets, a header
    that names a column of what is to be done."""
    heads = [row for row in rows if any(_TASK_HEAD.match(c) for c in row.cells)]
    return bool(heads) and not any(read_header(row.cells, due) for row in rows)


def _row_target(
    row: Row,
    header: Header,
    previous: _Carried | None,
    resolve: Resolver,
    table: IndicatorTable,
) -> tuple[Draft | None, _Carried | None]:
    cells = _aligned(row.cells, header)
    name = cells[header.indicator]
    # a sub-indicator in the next column (饮用水达标程度 | 城市集中式饮用水源地水质达标率（%）)
    if header.indicator + 1 < header.width and header.indicator + 1 not in (
        header.target,
        header.base,
        header.unit,
        header.attribute,
    ):
        sub = cells[header.indicator + 1]
        if sub and _UNIT_IN_NAME.search(sub):
            name = sub
    value_cell = cells[header.target]
    m = _VALUE.match(value_cell)
    spanned = m is None and header.span is not None and header.span < len(cells)
    if spanned:
        m = _VALUE.match(cells[header.span or 0])
    unit_cell = ""
    scale: Decimal | None = None  # a count in tens of thousands: （万人）
    if not name.strip():
        if previous is None or m is None:
            return None, previous
        indicator, unit, base_value, base_year = previous
        change = None
    else:
        if _HEADING.match(name) and not any(c for i, c in enumerate(cells) if i > header.indicator):
            return None, None  # a category heading: （一）环境质量
        unit_cell = cells[header.unit] if header.unit is not None else ""
        unit = _unit(name, unit_cell)
        scale = count_scale(_printed_unit(name, unit_cell))
        label = _UNIT_IN_NAME.sub("", _NUMBERING.sub("", name)).strip()
        change = CHANGE_WORDS.search(label)
        if change is not None and change.start() > 1:
            label = label[: change.start()]
        indicator = table.match(label) or derived_indicator(clean_subject(label))
        base_value = None
        base_year = header.base_year
        if header.base is not None:
            b = re.search(r"\d+(?:\.\d+)?", cells[header.base].strip("[]*"))
            if b is not None and re.fullmatch(
                r"[\[≥≤<>]?\s*[\d.]+\s*(?:%|年|岁|天|小时)?\s*[\]*]?", cells[header.base]
            ):
                base_value = _number(b.group())
                if base_value is not None:
                    base_value = scale_count(base_value, scale)
        if base_value is None and change is None:
            base_year = None
        previous = (indicator, unit, base_value, base_year)
    if m is not None and unit is None and (m.group("unit") or m.group("pct")):
        unit = unit_of(m.group("unit") or "%")  # 40亿元, 95%: the unit printed in the cell
    elif m is not None and unit is None and _NO_UNIT.fullmatch(unit_cell):
        unit = UNITLESS, None  # a dash in the unit column: a ratio (灌溉水有效利用系数 | — | 0.57)
    if m is None or unit is None:
        return None, previous
    value = _number(m.group("num"))
    if value is None:
        return None, previous
    value = scale_count(value, scale)
    comparator: model.Comparator = "Exactly"
    if m.group("qual"):
        comparator = _CMP[m.group("qual")]
    elif m.group("cmp"):
        comparator = _CMP[m.group("cmp")]
    direction: model.Direction | None = None
    if change is not None:
        direction = "Decrease" if change.group("dir") in DECREASE else "Increase"
    cumulative = spanned and m.group("open") is not None  # 〔13.5〕: the change over the period
    if cumulative:
        base_year = header.base_year
    elif spanned and change is not None:
        base_value = base_year = None  # 年均 6左右: a rate each year; the base column is a rate too
    scope = None
    if m.group("place"):
        place = m.group("place").strip()
        scope = resolve(place) or resolve(re.sub(r"地区$", "", place))
    binding = None
    if header.attribute is not None:
        binding = BINDING.get(cells[header.attribute])
    draft = row_draft(
        row,
        indicator,
        value,
        unit,
        comparator=comparator,
        direction=direction,
        target_year=header.target_year,
        base_year=base_year,
        scope=scope,
        base_value=base_value,
        binding=binding,
        change=change is not None or cumulative,
    )
    return draft, previous
