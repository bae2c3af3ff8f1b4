"""Indicator tables in the shapes county and national pages print them (issue 12, round 11):
every shape of one synthetic table must give the same targets.

The shapes are a grid, not strings of one text: the header's columns in several orders and
words (指标 | 2020年(现状) | 2025年(目标) | 属性, 指标名称 | 单位 | 2020年现状值 …, 序号 first,
类别 first, 属性 before the years, 基期值(2020年)); the rows one cell per line, one row per
line with single spaces, in TAB rows, or the name on one line and its figures on the next;
with or without a title line (表1 …主要指标) and a 注: footnote; and with or without lines
that head a group of rows (经济发展, 一、绿色发展, (一)…, 经济发展类), which used to end the
table at its first group.  A national 主要指标 table has a column of the change over the
period (年均/累计) that holds the goal where the 2025 cell is a dash.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from plangraph.extract.targets import extract_targets
from plangraph.extract.targets.unit_words import unit_of
from plangraph.read import read_text

#: name, unit, 2020 value, 2025 goal, firmness
ROWS = (
    ("规模以上工业增加值", "亿元", "25.6", "40", "预期性"),
    ("规模以上工业企业数", "家", "45", "80", "预期性"),
    ("单位工业增加值能耗下降", "%", "—", "15", "约束性"),
    ("工业固体废物综合利用率", "%", "85", "95", "约束性"),
    ("高新技术企业数", "家", "12", "30", "预期性"),
)
HEADERS = {
    "plain": ("指标", "2020年(现状)", "2025年(目标)", "属性"),
    "unit column": ("指标名称", "单位", "2020年现状值", "2025年目标值", "属性"),
    "serial": ("序号", "指标", "单位", "2020年", "2025年", "属性"),
    "serial, no unit": ("序号", "指标", "2020年", "2025年", "属性"),
    "firmness first": ("指标", "属性", "2020年", "2025年"),
    "marks before years": ("指标", "单位", "基期值(2020年)", "目标值(2025年)", "指标属性"),
    "category": ("类别", "指标", "单位", "2020年", "2025年", "属性"),
    "year ends": ("指标", "单位", "2020年末", "2025年末", "属性"),
}
GROUPS = {
    "none": None,
    "bare": ("经济发展", "绿色发展"),
    "numbered": ("一、经济发展", "二、绿色发展"),
    "bracketed": ("(一)经济发展", "(二)绿色发展"),
    "kind": ("经济发展类", "绿色生态类"),
}
LAYOUTS = ("one cell per line", "spaced rows", "tab rows", "figures on the next line")
BEFORE = (
    "某县“十四五”工业经济发展规划\n一、发展目标\n"
    "到2025年,全县工业经济实现高质量发展,主要指标如下。\n"
)
AFTER = "二、重点任务\n(一)推进工业转型升级。加快发展先进制造业。\n"


def _cells(header: tuple[str, ...], row: tuple[str, ...], serial: int) -> list[str]:
    name, unit, base, goal, firmness = row
    by_head = {"序号": str(serial), "类别": "工业" if serial == 1 else "", "单位": unit}
    out = []
    for head in header:
        if head in by_head:
            out.append(by_head[head])
        elif "属性" in head:
            out.append(firmness)
        elif "2020" in head:
            out.append(base)
        elif "2025" in head:
            out.append(goal)
        else:  # the indicator, its unit in brackets where no column holds it
            out.append(name if "单位" in header else f"{name}({unit})")
    return out


def _lines(layout: str, row: list[str]) -> list[str]:
    cells = [c for c in row if c]
    if layout == "one cell per line":
        return cells
    if layout == "spaced rows":
        return [" ".join(cells)]
    if layout == "tab rows":
        return ["\t".join(row)]
    # the name (and what precedes it) on one line, the figures after it on the next
    at = next(i for i, c in enumerate(cells) if any("\u4e00" <= ch <= "\u9fff" for ch in c))
    return [" ".join(cells[: at + 1]), " ".join(cells[at + 1 :])] if at + 1 < len(cells) else cells


def _table(header_name: str, layout: str, group: str, title: bool, note: bool) -> str:
    header = HEADERS[header_name]
    lines = ["表1 某县“十四五”工业经济发展主要指标"] if title else []
    lines += (
        _lines(layout, list(header)) if layout != "figures on the next line" else [" ".join(header)]
    )
    heads = GROUPS[group]
    for i, row in enumerate(ROWS, 1):
        if heads is not None and i in (1, 4):
            lines.append(heads[0] if i == 1 else heads[1])
        lines += _lines(layout, _cells(header, row, i))
    if note:
        lines.append("注:[ ]内为五年累计数;带*的为2019年数据。")
    return BEFORE + "\n".join(lines) + "\n" + AFTER


def _goals(text: str) -> set[tuple[str, Decimal, int | None]]:
    (plan,) = read_text(text, "<test>")
    return {
        (t.indicator.label_zh, t.value, t.target_year)
        for t in extract_targets(plan, lambda name: None)
        if t.value is not None
    }


EXPECTED = {
    ("规模以上工业增加值", Decimal(40), 2025),
    ("规模以上工业企业数", Decimal(80), 2025),
    ("单位工业增加值能耗", Decimal(15), 2025),
    ("工业固体废物综合利用率", Decimal(95), 2025),
    ("高新技术企业数", Decimal(30), 2025),
}


@pytest.mark.parametrize(
    "header,layout,group",
    list(itertools.product(sorted(HEADERS), LAYOUTS, sorted(GROUPS))),
)
def test_every_shape_of_a_county_table_gives_each_rows_goal(
    header: str, layout: str, group: str
) -> None:
    assert _goals(_table(header, layout, group, title=True, note=True)) == EXPECTED


@pytest.mark.parametrize("title,note", [(False, False), (True, False), (False, True)])
def test_a_title_line_and_a_footnote_change_nothing(title: bool, note: bool) -> None:
    for layout in LAYOUTS:
        assert _goals(_table("plain", layout, "bare", title, note)) == EXPECTED


def test_a_group_line_after_the_table_is_no_row() -> None:
    """二、重点任务 after the last row heads no row: a sentence follows it, not a row."""
    (plan,) = read_text(_table("plain", "spaced rows", "bare", True, False), "<test>")
    assert "二、重点任务" in plan.text.split("\n")
    assert not any("\t二、重点任务" in line for line in plan.text.split("\n"))


NATIONAL = (
    ("类别", "指标", "2020年", "2025年", "年均/累计", "属性"),
    ("经济发展", "1.地区生产总值增长(%)", "3.6", "—", "6左右", "预期性"),
    ("", "2.常住人口城镇化率(%)", "60.6", "—", "65", "预期性"),
    ("创新驱动", "3.每万人口高价值发明专利拥有量(件)", "6.3", "12", "—", "预期性"),
    ("", "4.研发经费投入增长(%)", "—", "—", ">7", "预期性"),
    ("民生福祉", "5.城镇调查失业率(%)", "5.2", "—", "<5.5", "预期性"),
    ("绿色生态", "6.单位地区生产总值能源消耗降低(%)", "—", "—", "〔13.5〕", "约束性"),
    ("", "7.森林覆盖率(%)", "23.2*", "—", "24.1", "约束性"),
    ("安全保障", "8.粮食综合生产能力(万吨)", "—", ">650", "—", "约束性"),
    ("", "9.居民人均可支配收入增长(%)", "2.1", "—", "与经济增长基本同步", "预期性"),
)
#: indicator, value, comparator, direction, base year, base value, a change
NATIONAL_GOALS = {
    ("地区生产总值", Decimal(6), "About", "Increase", None, None, True),
    ("常住人口城镇化率", Decimal(65), "Exactly", None, 2020, Decimal("60.6"), False),
    ("每万人口高价值发明专利拥有量", Decimal(12), "Exactly", None, 2020, Decimal("6.3"), False),
    ("研发经费投入", Decimal(7), "Above", "Increase", None, None, True),
    ("城镇调查失业率", Decimal("5.5"), "Below", None, 2020, Decimal("5.2"), False),
    ("单位地区生产总值能耗", Decimal("13.5"), "Exactly", "Decrease", 2020, None, True),
    ("森林覆盖率", Decimal("24.1"), "Exactly", None, 2020, Decimal("23.2"), False),
    ("粮食综合生产能力", Decimal(650), "Above", None, None, None, False),
}


@pytest.mark.parametrize("layout", ["tab rows", "spaced rows", "one cell per line"])
def test_a_national_table_reads_its_goal_from_the_column_of_the_period(layout: str) -> None:
    """年均/累计: the goal where the 2025 cell is a dash; 〔13.5〕 is the change over the
    period against 2020, 6左右 a yearly rate of an indicator named as a growth (no base),
    65 a level; a cell of words (与经济增长基本同步) gives no figure."""
    rows = [
        "\t".join(r)
        if layout == "tab rows"
        else " ".join(c for c in r if c)
        if layout == "spaced rows"
        else "\n".join(c for c in r if c)
        for r in NATIONAL
    ]
    text = (
        "某省“十四五”经济社会发展规划纲要\n第二章 主要目标\n表1 “十四五”时期经济社会发展主要指标\n"
        + "\n".join(rows)
        + "\n注:①〔〕内为5年累计数。②带*的为2019年数据。\n第三章 重点任务\n"
    )
    (plan,) = read_text(text, "<test>")
    found = {
        (
            t.indicator.label_zh,
            t.value,
            t.comparator,
            t.direction,
            t.base_year,
            t.base_value,
            t.change,
        )
        for t in extract_targets(plan, lambda name: None)
        if t.value is not None
    }
    assert found == NATIONAL_GOALS


def test_a_row_under_a_merged_category_cell_aligns_on_its_name() -> None:
    """An HTML row under a rowspan category lacks its first cells; its name, not its last
    cell (cut short: 约), says where it stands (达州 林业 十四五, excerpts3)."""
    text = (
        "某市“十四五”林业发展规划\n“十四五”林业发展主要目标指标表\n"
        "类别\t序号\t指标名称\t2020年\t2025年\t属性\n"
        "生态建设\t1\t森林覆盖率(%)\t45.31\t46.3\t约束性\n"
        "2\t森林蓄积量(万立方米)\t4606.24\t5000\t约\n"
    )
    (plan,) = read_text(text, "<test>")
    found = {
        (t.indicator.label_zh, t.value, t.base_value)
        for t in extract_targets(plan, lambda name: None)
    }
    assert found == {
        ("森林覆盖率", Decimal("46.3"), Decimal("45.31")),
        ("森林蓄积量", Decimal(5000), Decimal("4606.24")),
    }


@pytest.mark.parametrize("printed", ["件", "张", "床", "辆次"])
def test_a_printed_unit_of_counted_things(printed: str) -> None:
    assert unit_of(printed) == ("pg:Count", printed)


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("人次", "pg:PersonTime"),
        ("万人次", "pg:TenThousandPersonTime"),
        ("亿人次", "pg:HundredMillionPersonTime"),
        ("万标准箱", "pg:TenThousandTEU"),
        ("万吨/年", "pg:TenThousandTonnePerYear"),
    ],
)
def test_visits_containers_and_yearly_tonnage_are_units_of_their_own(
    printed: str, code: str
) -> None:
    # 诊疗人次数（亿人次）, 集装箱吞吐量（万标准箱）, 处置能力（万吨/年）: readers write these units
    # as printed; a person-time is not a person, a yearly capacity not a tonnage
    assert unit_of(printed) == (code, None)


def _one_cell_per_line(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    return "\n".join([*header, *(c for r in rows for c in r)])


_NAMED = [(f"{n}({u})", b, g, a) for n, u, b, g, a in ROWS]
#: More header words and cell shapes pages print: the header's cells split over lines, the
#: unit in the value cells only, a markdown table's rule under its header, 指标名称(单位),
#: 基准年(2020年)/目标年(2025年), 2020年基数/2025年规划目标 with 主要指标 and 指标性质.
MORE_SHAPES = {
    "header cells split": _one_cell_per_line(
        ("指标", "2020年", "(现状)", "2025年", "(目标)", "属性"), _NAMED
    ),
    "units in the value cells": _one_cell_per_line(
        ("指标", "2020年(现状)", "2025年(目标)", "属性"),
        [(n, b + u if b != "—" else b, g + u, a) for n, u, b, g, a in ROWS],
    ),
    "markdown": "\n".join(
        "| " + " | ".join(r) + " |"
        for r in [("指标", "2020年(现状)", "2025年(目标)", "属性"), ("---",) * 4, *_NAMED]
    ),
    "unit named with the indicator": _one_cell_per_line(
        ("指标名称(单位)", "2020年", "2025年", "指标属性"), _NAMED
    ),
    "base and target years named": _one_cell_per_line(
        ("指标", "基准年(2020年)", "目标年(2025年)", "属性"), _NAMED
    ),
    "基数 and 规划目标": _one_cell_per_line(
        ("主要指标", "单位", "2020年基数", "2025年规划目标", "指标性质"),
        [(n, u, b, g, a) for n, u, b, g, a in ROWS],
    ),
}


@pytest.mark.parametrize("shape", sorted(MORE_SHAPES))
def test_more_header_words_and_cell_shapes(shape: str) -> None:
    assert _goals(BEFORE + MORE_SHAPES[shape] + "\n" + AFTER) == EXPECTED
