"""Indicator tables that lost their cell separators (``read/loose_tables.py``), in each shape
web pages store them, and the targets read from them: synthetic texts, one per shape, all
of the same three-row table so that every shape must give the same targets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plangraph.api import build_corpus
from plangraph.errors import ReadError
from plangraph.read.loose_tables import glued_figures, indicator_header, join_loose_tables

TITLE = "某市“十四五”生态环境保护规划\n到2025年,主要指标如下。\n"
HEADER = ("指标", "单位", "2020年", "2025年", "属性")
ROWS = (
    ("地表水达到或好于Ⅲ类水体比例", "%", "80", "85", "约束性"),
    ("城市细颗粒物(PM2.5)浓度", "微克/立方米", "35", "33", "约束性"),
    ("森林覆盖率", "%", "40.1", "42", "预期性"),
)
#: (indicator as matched, value, unit, base value, binding) the table gives, whatever its shape
EXPECTED = {
    ("地表水达到或好于Ⅲ类水体比例", Decimal(85), "qudt:PERCENT", Decimal(80), True),
    ("细颗粒物浓度", Decimal(33), "qudt:MicroGM-PER-M3", Decimal(35), True),
    ("森林覆盖率", Decimal(42), "qudt:PERCENT", Decimal("40.1"), False),
}

SHAPES = {
    # one row per line, single spaces between cells
    "spaced rows": "\n".join(" ".join(r) for r in (HEADER, *ROWS)),
    # one cell per line, the unit and the firmness in cells of their own
    "one cell per line": "\n".join(c for r in (HEADER, *ROWS) for c in r),
    # the whole table run into one line, single spaces
    "one line": " ".join(c for r in (HEADER, *ROWS) for c in r),
    # nothing between the header's cells, nor between a name, its unit and its first figure
    "no separators": "".join(HEADER) + "".join(f"{n}{u}{b} {t}{a}" for n, u, b, t, a in ROWS),
    # cells closed by bars, as a page's text copy prints them
    "bars": "\n".join(" | ".join(r) + " |" for r in (HEADER, *ROWS)),
    # columns in another order, with serial numbers
    "reordered": "\n".join(
        " ".join(r)
        for r in (
            ("序号", "指标", "属性", "单位", "2020年", "2025年"),
            *((str(i), n, a, u, b, t) for i, (n, u, b, t, a) in enumerate(ROWS, 1)),
        )
    ),
}


def _found(tmp_path: Path, text: str) -> set[tuple[object, ...]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    return {
        (t.indicator.label_zh, t.value, t.unit, t.base_value, t.binding)  # type: ignore[attr-defined]
        for t in build_corpus([path]).extraction.targets
        if getattr(t, "value", None) is not None
    }


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_of_a_table_gives_its_rows_targets(tmp_path: Path, shape: str) -> None:
    assert _found(tmp_path, TITLE + SHAPES[shape] + "\n") == EXPECTED


def test_the_rows_are_joined_into_tab_rows_and_the_text_around_kept() -> None:
    line = "表1 主要指标 " + SHAPES["one line"] + " 注:[ ]内为五年累计数。"
    lines, numbers = join_loose_tables(["某规划", line], [1, 2])
    assert lines == [
        "某规划",
        "表1 主要指标",  # the table's title names it: the header starts at 指标
        "\t".join(HEADER),
        *("\t".join(r) for r in ROWS),
        "注:[ ]内为五年累计数。",
    ]
    assert numbers == [1, 2, 2, 2, 2, 2, 2]
    assert indicator_header(lines[2]) and not indicator_header(lines[3])


def test_figures_dashes_and_tasks_keep_a_row_aligned() -> None:
    text = (
        "序号 指标 2020年 2025年 属性 1 单位GDP能源消耗降低(%) — [13.5] 约束性 "
        "2 PM2.5浓度下降(%) — [10] 约束性 3 城镇调查失业率(%) 5.2 <5.5 预期性 "
        "4 受污染耕地安全利用率(%) 90 完成国家下达任务 约束性"
    )
    lines, _ = join_loose_tables([text], [1])
    assert lines[1:] == [
        "1\t单位GDP能源消耗降低(%)\t—\t[13.5]\t约束性",
        "2\tPM2.5浓度下降(%)\t—\t[10]\t约束性",  # the 2.5 of PM2.5 is no figure
        "3\t城镇调查失业率(%)\t5.2\t<5.5\t预期性",
        "4\t受污染耕地安全利用率(%)\t90\t完成国家下达任务\t约束性",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # prose naming indicators and years: no header of three cells
        "到2025年主要指标全面完成,2020年森林覆盖率为40%。",
        # a header, but a single row under it: no table
        "指标 单位 2020年 2025年 森林覆盖率 % 40 42 全市要加强生态保护。",
        # a header without a year: no indicator table
        "序号 指标 单位 属性 1 森林覆盖率 % 约束性 2 湿地保护率 % 预期性",
    ],
)
def test_text_that_is_no_table_is_left_as_it_is(text: str) -> None:
    assert join_loose_tables([text], [1]) == ([text], [1])


def test_several_years_of_goals_in_one_row_each_give_a_target(tmp_path: Path) -> None:
    table = "指标\t单位\t2020年\t2025年\t2030年\t属性\n森林覆盖率\t%\t40.1\t42\t45\t约束性\n"
    found = _found(tmp_path, TITLE + table)
    assert found == {
        ("森林覆盖率", Decimal(42), "qudt:PERCENT", Decimal("40.1"), True),
        ("森林覆盖率", Decimal(45), "qudt:PERCENT", Decimal("40.1"), True),
    }


def test_a_quiz_page_quoting_a_plans_table_is_read_as_a_plan(tmp_path: Path) -> None:
    text = (
        "网友提问:“十四五”规划纲要主要指标有哪些?\n答:见下表。"
        + SHAPES["one line"]
        + "\n点赞 12 回复\n"
    )
    assert _found(tmp_path, text) == EXPECTED


def test_a_notice_of_policy_with_goals_per_year_is_read_as_a_plan(tmp_path: Path) -> None:
    text = (
        "省政府办公厅印发《关于加快推进新能源汽车推广应用的通知》\n"
        "通知提出,2023年、2024年、2025年全省新能源汽车保有量分别达到10万辆、15万辆、20万辆。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    targets = build_corpus([path]).extraction.targets
    got = {(t.target_year, t.value) for t in targets}  # type: ignore[attr-defined]
    assert got == {(2023, Decimal(100000)), (2024, Decimal(150000)), (2025, Decimal(200000))}


def test_a_header_spaced_out_with_marked_years_and_percent_signs_in_cells(
    tmp_path: Path,
) -> None:
    text = (
        "某市“十四五”生态环境保护规划\n"
        "指 标 单 位 2020 年 基期值 2025 年 目标值 属 性\n"
        "1.森林覆盖率 % 40.1 42 约束性\n"
        "2.空气质量优良天数比率 % 85% ≥88% 约束性\n"
        "3.受污染耕地安全利用率 % 90 完成省下达任务 约束性\n"
    )
    found = {(name, value, base) for name, value, _, base, _ in _found(tmp_path, text)}
    assert found == {
        ("森林覆盖率", Decimal(42), Decimal("40.1")),
        ("空气质量优良天数比率", Decimal(88), Decimal(85)),
    }


def test_an_index_table_with_categories_weights_and_a_goal_column(tmp_path: Path) -> None:
    # a 小康 index as a repost runs it into one line: the category printed on the first row
    # of its group only, a column of weights (no goal), the goals of the plan's last year
    text = (
        "某市全面建成小康社会行动计划(2018—2020年)\n主要指标如下。"
        "类别 指标名称 单位 权重(%) 2020年目标值 经济发展 人均地区生产总值 元 4 ≥57000 "
        "城镇化率 % 3 60 人民生活 城镇登记失业率 % 2 <4.5\n"
    )
    assert {(n, v) for n, v, *_ in _found(tmp_path, text)} == {
        ("人均地区生产总值", Decimal(57000)),
        ("城镇化率", Decimal(60)),
        ("城镇登记失业率", Decimal("4.5")),
    }


def test_a_goal_column_without_a_year_is_due_by_the_plans_deadline(tmp_path: Path) -> None:
    text = (
        "某市全面建成小康社会行动计划(2018—2020年)\n主要指标如下。\n"
        "指标 单位 现状值 目标值 属性 森林覆盖率 % 40.1 42 约束性 "
        "城镇登记失业率 % 3.5 <4.5 预期性\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    got = {
        (t.indicator.label_zh, t.value, t.target_year, t.base_value, t.base_year)  # type: ignore[attr-defined]
        for t in build_corpus([path]).extraction.targets
    }
    assert got == {
        ("森林覆盖率", Decimal(42), 2020, Decimal("40.1"), None),
        ("城镇登记失业率", Decimal("4.5"), 2020, Decimal("3.5"), None),
    }


def test_a_schedule_of_goals_per_year_makes_a_news_item_a_plan(tmp_path: Path) -> None:
    text = (
        "全省新能源汽车推广提速\n"
        "记者获悉,2023年、2024年、2025年全省新能源汽车保有量分别达到10万辆、15万辆、20万辆。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    got = {(t.target_year, t.value) for t in build_corpus([path]).extraction.targets}  # type: ignore[attr-defined]
    assert got == {(2023, Decimal(100000)), (2024, Decimal(150000)), (2025, Decimal(200000))}


def test_a_report_of_past_years_growth_is_still_no_plan(tmp_path: Path) -> None:
    text = (
        "全省经济运行情况通报\n"
        "2021年、2022年全省地区生产总值分别增长8.1%、3.5%,规模以上工业增加值分别增长9%、4%。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    with pytest.raises(ReadError, match="no recognisable plan"):
        build_corpus([path])


#: The indicator tables of three development plans, as their text prints them (TAB rows):
#: (plan, first line, last line).  Each, reshaped as pages lose a table's separators, must
#: give the targets its TAB rows give: categories before serial numbers, heading rows
#: ((一)总体指标), a sentence for a figure (未经依法审批,面积不减少…), an empty cell,
#: 按国家核定目标执行。, cumulative [5] and scoped 珠三角地区:50 figures.
REAL_TABLES = (
    ("bazhong-eco-environment-14fyp", 113, 138),
    ("shandong-climate-14fyp", 88, 106),
    ("guangdong-eco-civilization-14fyp", 135, 156),
)


def _reshaped(rows: list[list[str]], shape: str) -> str:
    if shape == "spaced rows":
        return "\n".join(" ".join(c for c in r if c) for r in rows)
    if shape == "one line":
        return " ".join(c for r in rows for c in r if c)
    return "\n".join(c for r in rows for c in r if c)  # one cell per line


@pytest.mark.parametrize("plan,first,last", REAL_TABLES)
@pytest.mark.parametrize("shape", ["spaced rows", "one line", "one cell per line"])
def test_a_real_plans_table_reads_the_same_in_every_shape(
    tmp_path: Path, plan: str, first: int, last: int, shape: str
) -> None:
    from shared_paths import REAL_PLANS

    source = REAL_PLANS / f"{plan}.txt"
    if not source.exists():
        pytest.skip(f"{source} missing")
    lines = source.read_text("utf-8").split("\n")[first - 1 : last]
    rows = [[c.strip() for c in line.split("\t")] for line in lines]
    title = "某省“十四五”规划\n主要指标\n"
    as_printed = _found(tmp_path, title + "\n".join("\t".join(r) for r in rows) + "\n")
    assert len(as_printed) >= 8
    assert _found(tmp_path, title + _reshaped(rows, shape) + "\n") == as_printed


# Figures printed with nothing between them: a table copied from a page whose cells had no
# spaces, so that only a percent sign or the decimal places part one year's figure from the
# next.
WATER_TITLE = "某市“十四五”节约用水规划\n到2025年,主要指标如下。\n"


def test_figures_glued_by_percent_signs_are_one_per_year(tmp_path: Path) -> None:
    text = (
        "指标单位2020年2025年2030年属性"
        "再生水利用率%30%40%55%约束性城市公共供水管网漏损率%10%9%8%约束性"
    )
    assert _found(tmp_path, WATER_TITLE + text + "\n") == {
        ("再生水利用率", Decimal(40), "qudt:PERCENT", Decimal(30), True),
        ("再生水利用率", Decimal(55), "qudt:PERCENT", Decimal(30), True),
        ("城市公共供水管网漏损率", Decimal(9), "qudt:PERCENT", Decimal(10), True),
        ("城市公共供水管网漏损率", Decimal(8), "qudt:PERCENT", Decimal(10), True),
    }


def test_figures_glued_with_the_same_decimal_places_are_split_by_them(tmp_path: Path) -> None:
    text = (
        "指标 单位 2020年 2025年 2030年 属性\n"
        "农田灌溉水有效利用系数 — 0.720.750.78 约束性\n"
        "万元国内生产总值用水量 立方米 30.528.526.0 约束性\n"
    )
    assert _found(tmp_path, WATER_TITLE + text) == {
        ("农田灌溉水有效利用系数", Decimal("0.75"), None, Decimal("0.72"), True),
        ("农田灌溉水有效利用系数", Decimal("0.78"), None, Decimal("0.72"), True),
        ("万元国内生产总值用水量", Decimal("28.5"), "qudt:M3", Decimal("30.5"), True),
        ("万元国内生产总值用水量", Decimal("26.0"), "qudt:M3", Decimal("30.5"), True),
    }


def test_a_table_run_into_one_line_with_no_separator_at_all(tmp_path: Path) -> None:
    text = (
        "指标名称单位2020年2025年属性万元GDP用水量立方米30.528.5约束性"
        "万元工业增加值用水量立方米18.616.2约束性"
    )
    assert _found(tmp_path, WATER_TITLE + text + "\n") == {
        ("万元GDP用水量", Decimal("28.5"), "qudt:M3", Decimal("30.5"), True),
        ("万元工业增加值用水量", Decimal("16.2"), "qudt:M3", Decimal("18.6"), True),
    }


@pytest.mark.parametrize(
    "run,columns,figures",
    [
        ("30%40%55%", 3, ["30%", "40%", "55%"]),
        ("0.720.750.78", 3, ["0.72", "0.75", "0.78"]),
        ("30.528.5", 2, ["30.5", "28.5"]),
        ("90.191.593.0", 3, ["90.1", "91.5", "93.0"]),
        ("30%40%", 3, None),  # a figure short: not this row
        ("8085", 2, None),  # whole numbers: 80 and 85, or 8 and 085?
        ("0.5520.57", 2, None),  # unlike decimals: 0.552 and 0.57, or 0.55 and 20.57?
        ("1.525.5", 2, None),  # 1.5 and 25.5 are further apart than one indicator's years
    ],
)
def test_a_glued_run_splits_only_one_way_or_not_at_all(
    run: str, columns: int, figures: list[str] | None
) -> None:
    found = glued_figures(run + " 约束性", 0, columns)
    assert (found[1] if found else None) == figures


def test_a_glued_row_that_splits_more_than_one_way_is_not_read(tmp_path: Path) -> None:
    text = (
        "指标名称单位2020年2025年属性万元GDP用水量立方米30.528.5约束性"
        "农田灌溉水有效利用系数—0.5520.57预期性万元工业增加值用水量立方米18.616.2约束性"
    )
    found = _found(tmp_path, WATER_TITLE + text + "\n")
    assert {f[0] for f in found} == {"万元GDP用水量", "万元工业增加值用水量"}


def test_a_decimal_point_printed_as_a_full_stop_in_a_cell_of_its_own(tmp_path: Path) -> None:
    header = ("指标", "单位", "2020年", "2025年", "属性")
    rows = (
        ("万元GDP用水量", "立方米", "30。5", "28。5", "约束性"),
        ("万元工业增加值用水量", "立方米", "18．6", "16．2", "约束性"),  # full-width point
        ("再生水利用率", "%", "30", "40", "预期性"),
    )
    text = "\n".join(c for r in (header, *rows) for c in r)
    assert _found(tmp_path, WATER_TITLE + text + "\n") == {
        ("万元GDP用水量", Decimal("28.5"), "qudt:M3", Decimal("30.5"), True),
        ("万元工业增加值用水量", Decimal("16.2"), "qudt:M3", Decimal("18.6"), True),
        ("再生水利用率", Decimal(40), "qudt:PERCENT", Decimal(30), False),
    }


def test_a_numbered_rows_name_wrapped_onto_the_next_line_is_joined(tmp_path: Path) -> None:
    # a PDF's text layer breaks a long name inside its cell: the rest of the name opens the
    # next line, before the row's unit and figures, with no number of its own
    text = (
        "序号 指标 单位 2020年 2025年 属性\n"
        "1 万元国内生产总值\n用水量 立方米 30.5 28.5 约束性\n"
        "2 万元工业增加值用水量 立方米 18.6 16.2 约束性\n"
        "3 城市公共供水管网\n漏损率 % 10 9 约束性\n"
    )
    assert _found(tmp_path, WATER_TITLE + text) == {
        ("万元国内生产总值用水量", Decimal("28.5"), "qudt:M3", Decimal("30.5"), True),
        ("万元工业增加值用水量", Decimal("16.2"), "qudt:M3", Decimal("18.6"), True),
        ("城市公共供水管网漏损率", Decimal(9), "qudt:PERCENT", Decimal(10), True),
    }


def test_a_line_of_words_over_numbered_rows_still_heads_a_group(tmp_path: Path) -> None:
    text = (
        "序号 指标 单位 2020年 2025年 属性\n经济发展\n"
        "1 万元工业增加值用水量 立方米 18.6 16.2 约束性\n绿色生态\n"
        "2 城市公共供水管网漏损率 % 10 9 约束性\n"
    )
    assert {f[0] for f in _found(tmp_path, WATER_TITLE + text)} == {
        "万元工业增加值用水量",
        "城市公共供水管网漏损率",
    }


def test_a_table_of_numbered_rows_with_a_column_of_sources_run_into_one_line() -> None:
    # an indicator system copied from a PDF: no 序号 in the header, yet each row opens with
    # its number, glued to the agency that closes the row before (省统计局2 …); a heading
    # row (二、创新驱动) runs into the next number; a part of a row printed without a number
    # (城乡基本医疗保险参保率) follows its row; the next number glued to the last figure
    # (≥9818) is the next row's; a row whose figure is words (翻一番) is passed over
    line = (
        "指标名称计量单位2020 年目标值资料来源一、经济发展1 地区生产总值亿元翻一番 省统计局"
        "2 服务业增加值占GDP 比重% ≥ 53省统计局3 常住人口城镇化率% ≥ 72省统计局"
        "二、创新驱动4 万人发明专利拥有量件≥ 20省知识产权局5 基本养老保险参保率% ≥98省人社厅"
        "城乡基本医疗保险参保率% ≥98失业保险参保率% ≥986 人均住房面积达标率% =60 江苏调查总队"
    )
    lines, _ = join_loose_tables([line], [1])
    assert lines == [
        "指标名称\t计量单位\t2020年目标值\t资料来源",
        "一、经济发展\t\t\t",
        "服务业增加值占GDP 比重\t%\t≥53\t省统计局",
        "常住人口城镇化率\t%\t≥72\t省统计局",
        "二、创新驱动\t\t\t",
        "万人发明专利拥有量\t件\t≥20\t省知识产权局",
        "基本养老保险参保率\t%\t≥98\t省人社厅",
        "城乡基本医疗保险参保率\t%\t≥98\t",
        "失业保险参保率\t%\t≥98\t",
        "人均住房面积达标率\t%\t=60\t江苏调查总队",
    ]


def test_a_national_table_with_a_bracketed_sum_column_and_nested_groups() -> None:
    # a national 五年规划 table pasted one cell per line, each cell closed by a bar: the sum
    # over the period in brackets with a footnote number (〔累计〕1), a group (生态环境质量)
    # over a numbered subgroup (1.空气质量), and an empty cell left as a bar of its own
    cells = (
        *("指标", "2015年", "2020年", "〔累计〕1", "属性"),
        *("生态环境质量", "1。空气质量"),
        *("空气质量优良天数比率(%)", "76。7", ">80", "-", "约束性"),
        *("细颗粒物浓度下降(%)", "-", "-", "〔18〕", "约束性"),
        "2。水环境质量",
        *("重要江河湖泊水功能区水质达标率(%)", "70。8", ">80", "", "预期性"),
    )
    lines, _ = join_loose_tables([f"{c} |".strip() for c in cells], list(range(len(cells))))
    assert lines == [
        "指标\t2015年\t2020年\t〔累计〕1\t属性",
        "生态环境质量\t\t\t\t",
        "空气质量\t\t\t\t",
        "空气质量优良天数比率(%)\t76.7\t>80\t-\t约束性",
        "细颗粒物浓度下降(%)\t-\t-\t〔18〕\t约束性",
        "水环境质量\t\t\t\t",
        "重要江河湖泊水功能区水质达标率(%)\t70.8\t>80\t\t预期性",
    ]


def test_a_figure_printed_with_a_unit_of_time_is_a_cell_and_a_year_is_not() -> None:
    # 11.4年 and 12.3年以上 are figures of years (a duration), 77岁 one of age; 2025年 in a
    # row is a year, never a figure
    cells = (
        *("指标", "2020年", "2025年", "属性"),
        *("劳动年龄人口平均受教育年限(年)", "11.4年", "12.3年以上", "约束性"),
        *("人均预期寿命(岁)", "77岁", "78岁", "预期性"),
    )
    lines, _ = join_loose_tables(list(cells), list(range(len(cells))))
    assert lines == [
        "指标\t2020年\t2025年\t属性",
        "劳动年龄人口平均受教育年限(年)\t11.4年\t12.3年以上\t约束性",
        "人均预期寿命(岁)\t77岁\t78岁\t预期性",
    ]


def test_a_mark_over_the_years_marks_each_and_rows_of_words_are_passed_over(
    tmp_path: Path,
) -> None:
    # excerpts11/07 (a county's water-saving table run into one line): 预期值 spans the three
    # years (every year a goal, none the base); rows whose cells are words (低于全区平均值的
    # 50%或年降低率5%, 不超自治区年度下达指标) give no figure, and the rows after them still read
    text = (
        "1、节水达标建设目标分解表指标预期值2016年2017年2018年综合指标万元GDP用水量低于全区平均值"
        "的50%或年降低率5%用水总量控制不超自治区年度下达指标再生水回用率30%40%55%"
        "工业节水万元工业增加值用水量低于全区平均值的50%或年降低率5%工业用水重复利用率55%65%75%"
        "节水型企业覆盖率7.9%15.8%23.8%\n"
    )
    lines, _ = join_loose_tables(text.splitlines(), [1])
    assert lines[1:] == [
        "指标\t2016年预期值\t2017年预期值\t2018年预期值",
        "再生水回用率\t30%\t40%\t55%",
        "工业用水重复利用率\t55%\t65%\t75%",
        "节水型企业覆盖率\t7.9%\t15.8%\t23.8%",
        # the rows passed over, as lines of their own after the table
        "综合指标万元GDP用水量低于全区平均值的50%或年降低率5%用水总量控制不超自治区年度下达指标",
        "工业节水万元工业增加值用水量低于全区平均值的50%或年降低率5%",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("某县节水型社会建设方案\n" + text, "utf-8")
    targets = [t for t in build_corpus([path]).extraction.targets if t.value is not None]
    reuse = {t.target_year: t.value for t in targets if t.indicator.label_zh == "再生水回用率"}
    assert reuse == {2016: Decimal(30), 2017: Decimal(40), 2018: Decimal(55)}
    assert all(t.base_year is None for t in targets)
