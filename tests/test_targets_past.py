"""Figures that describe the past or the present are no goals (issue 12, round 11).

A figure is a goal only where the text states it as one: a deadline (到2025年, a future
year), a word of intent (力争, 目标, 计划, 确保), a goals chapter, or a column of goals in a
table.  Synthetic texts of the genre's reporting shapes: a county's 工作总结 (its whole text
reports what was done, with a part that plans the next year), a table of statistics (two
past years, no column of goals, no 属性), and a table whose only year column is the
present (2020年(现状)).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from plangraph.extract.targets import extract_targets
from plangraph.extract.targets.headings import reports_the_past
from plangraph.extract.targets.tables import read_header
from plangraph.read import read_text


def _targets(text: str) -> set[tuple[str, Decimal | None, int | None]]:
    (plan,) = read_text(text, "<test>")
    return {
        (t.indicator.label_zh, t.value, t.target_year)
        for t in extract_targets(plan, lambda name: None)
    }


SUMMARY = """某县2020年工业经济工作总结
今年以来,在县委、县政府的坚强领导下,全县工业经济运行稳中有进。1-11月,全县规模以上工业增加值同比增长8.5%;完成工业投资21.3亿元,同比增长15.6%;新增规模以上工业企业8家,总数达到53家。
一、主要工作成效
(一)项目建设扎实推进。全年实施亿元以上工业项目26个,完成投资15.2亿元,其中新开工项目12个、竣工投产项目9个。成功创建省级工业园区1个,建成标准厂房12万平方米。
(二)企业培育成效明显。新增高新技术企业6家,总数达到21家;培育专精特新企业5家。
"""


def test_a_work_summary_states_no_goal() -> None:
    """Every figure of a 工作总结 is what was done: 26 projects, 12万平方米, 6 firms."""
    assert _targets(SUMMARY) == set()


def test_a_summarys_part_that_plans_ahead_states_goals() -> None:
    text = (
        "某县2020年工业经济工作总结和2021年工作打算\n"
        "一、2020年工作成效\n"
        "全年实施亿元以上工业项目26个,完成投资15.2亿元。新增高新技术企业6家,总数达到21家。\n"
        "二、2021年工作打算\n"
        "(一)主要目标。规模以上工业增加值增长8%以上,新增规模以上工业企业10家。\n"
        "(二)重点工作。实施亿元以上工业项目30个,完成工业投资20亿元。\n"
    )
    found = _targets(text)
    assert {value for _, value, _ in found} == {Decimal(8), Decimal(10), Decimal(30), Decimal(20)}
    assert {year for _, _, year in found} == {2021}


@pytest.mark.parametrize(
    "title,reports",
    [
        ("某县2020年工业经济工作总结", True),
        ("关于2020年环境保护工作情况的报告", True),
        ("某市2021年国民经济和社会发展统计公报", True),
        ("某县“十四五”规划实施进展情况", True),
        ("某县“十四五”工业经济发展规划", False),
        ("2021年某县人民政府工作报告", False),  # its second half sets the year's goals
        ("关于下达2021年主要目标任务的通知", False),
    ],
)
def test_which_titles_report_the_past(title: str, reports: bool) -> None:
    assert reports_the_past(title) is reports


def test_a_table_of_two_past_years_is_statistics_not_goals() -> None:
    """No column of goals, no 属性, and the plan's year unknown: 2019 | 2020 are figures."""
    text = (
        "某县工业经济发展规划\n表1 工业经济主要指标\n指标\t单位\t2019年\t2020年\n"
        "规模以上工业增加值\t亿元\t23.1\t25.6\n规模以上工业企业数\t家\t40\t45\n"
        "高新技术企业数\t家\t10\t12\n"
    )
    assert _targets(text) == set()


def test_a_span_of_a_plan_or_a_firmness_column_makes_the_latest_column_goals() -> None:
    text = (
        "某县工业经济发展规划\n表1 工业经济主要指标\n指标\t单位\t2020年\t2025年\n"
        "规模以上工业增加值\t亿元\t25.6\t40\n规模以上工业企业数\t家\t45\t80\n"
    )
    assert {v for _, v, _ in _targets(text)} == {Decimal(40), Decimal(80)}
    text = (
        "某县工业经济发展规划\n表1 工业经济主要指标\n指标\t单位\t2021年\t2022年\t属性\n"
        "规模以上工业增加值\t亿元\t25.6\t28\t预期性\n规模以上工业企业数\t家\t45\t50\t预期性\n"
    )
    assert {v for _, v, _ in _targets(text)} == {Decimal(28), Decimal(50)}


def test_a_column_of_the_present_is_never_the_goals() -> None:
    assert read_header(("指标", "单位", "2020年(现状)", "属性")) is None
    assert read_header(("指标", "单位", "2020年现状值", "属性")) is None
    header = read_header(("指标", "2020年(现状)", "2025年(目标)", "属性"))
    assert header is not None and header.target_year == 2025 and header.base_year == 2020


@pytest.mark.parametrize(
    ("task", "goals"),
    [
        # the opening figure states what is: the clauses after it report the present too
        (
            "园区已建成标准厂房20万平方米,入驻企业86家,实现税收3.2亿元。新建标准厂房10万平方米。",
            {10},
        ),
        ("目前全县共有规上企业45家,实现产值120亿元。", set()),
        # 已 of a kind of thing, and a status word in a clause without a figure, report nothing
        ("对已建成的污水管网进行改造,新建管网120公里。", {120}),
        ("依托现有龙头企业,建设育苗基地50亩,年出苗量250万株。", {50, 2500000}),
    ],
)
def test_a_sentence_that_opens_with_what_is_reports_the_present(task: str, goals: set[int]) -> None:
    text = "某县“十四五”工业经济发展规划\n二、重点任务\n(一)壮大园区。" + task + "\n"
    assert {int(v) for _, v, _ in _targets(text) if v is not None} == goals
