"""Round 20 (issue 12, recall first): the document's and the paragraph's decisions (the year
a text is for, what it dates before that year), each rule tested on a text of the genre's
shape and on the function that decides it."""

from __future__ import annotations

import re
from decimal import Decimal

from target_helpers import plan_from_text, real_resolve, real_targets

from plangraph.extract.targets import extract_targets
from plangraph.extract.targets.headings import REVIEW, year_ahead_sentences
from plangraph.extract.targets.years import document_year
from plangraph.model import Sentence, Target
from plangraph.read import read_text


def _undated(body: str, title: str) -> list[Target]:
    """The targets of a text whose plan carries no date (no release date, no file year)."""
    return list(extract_targets(plan_from_text(body, year=None, title=title), real_resolve))


def test_a_work_report_named_with_its_year_dates_its_review_before_it() -> None:
    # 某县2023年政府工作报告: "2022年,全县地区生产总值增长5.1%" is the year reviewed, and the
    # goals of 今年 are 2023's, not the 2022 the paragraph before named
    body = (
        "2022年,全县地区生产总值增长5.1%,一般公共预算收入完成10亿元。\n"
        "今年政府工作的主要预期目标是:地区生产总值增长6.5%,一般公共预算收入增长5%。\n"
    )
    found = {(t.value, t.target_year) for t in _undated(body, "某县2023年政府工作报告")}
    assert found == {(Decimal("6.5"), 2023), (Decimal(5), 2023)}


def test_a_news_report_of_a_work_report_is_for_the_year_of_its_expected_goals() -> None:
    # a news page of a work report, no year in its headline: the goals it relays are
    # 2024年…主要预期目标, so the figures of 2023 it reports first are the past
    body = (
        "报告指出,2023年全市地区生产总值增长5.8%,城镇新增就业12.5万人。\n"
        "报告提出,2024年全市经济社会发展主要预期目标是:地区生产总值增长6%左右,"
        "城镇新增就业12万人以上。\n"
    )
    found = {(t.value, t.target_year) for t in _undated(body, "市长作政府工作报告")}
    assert found == {(Decimal(6), 2024), (Decimal(120000), 2024)}


def test_the_year_a_document_is_for() -> None:
    assert document_year("某县2023年政府工作报告", "") == 2023
    assert document_year("某省2026年数字经济工作要点", "") == 2026
    assert document_year("x", "2024年全市经济社会发展的主要预期目标是:…") == 2024
    # goals a year met are that year's review, not the year the text is for
    assert document_year("x", "2023年主要预期目标全面完成。") is None
    # a deadline or a period in a title is no year of a document
    assert document_year("某市2030年前碳达峰实施方案", "") is None
    assert document_year("某市2030年前碳达峰实施计划", "") is None
    assert document_year("某县2030年前碳达峰工作方案", "") is None
    assert document_year("某县2021—2023年农村人居环境整治工作方案", "") is None
    assert document_year("某市国土空间总体规划(2021—2035年)", "") is None


def test_a_review_of_a_years_plan_carried_out_is_the_past() -> None:
    # 2025年国民经济和社会发展计划: under 一、2024年计划执行情况 the figures are what 2024 did;
    # under 二、2025年…主要目标 they are the year's goals
    body = (
        "一、2024年计划执行情况\n全市地区生产总值增长5.5%,固定资产投资增长6%。\n"
        "二、2025年经济社会发展主要目标\n地区生产总值增长6%左右,固定资产投资增长7%。\n"
    )
    found = {(t.value, t.target_year) for t in _undated(body, "某市2025年国民经济和社会发展计划")}
    assert found == {(Decimal(6), 2025), (Decimal(7), 2025)}
    assert REVIEW.search("一、2024年计划执行情况")
    assert REVIEW.search("(二)上年目标落实情况")


_MEETING = (
    "1月15日,全市交通工作会议召开。会议总结了去年全市交通工作,部署今年重点任务。去年全市完成"
    "交通投资120亿元,新改建农村公路800公里,开通城乡公交线路20条,各项工作成效明显,得到了"
    "省里的充分肯定,为全市经济社会发展提供了有力支撑,群众出行更加便捷。\n"
    "今年,全市交通运输系统要完成交通投资130亿元,新改建农村公路1000公里,新开通城乡公交线路"
    "25条。全年实施重点交通项目40个。会议要求,各地各部门要压实责任,狠抓落实,确保完成全年"
    "目标任务,为全市经济社会高质量发展作出更大贡献。\n"
)


def test_a_report_of_a_meeting_states_the_goals_of_the_year_ahead() -> None:
    # a page of prose without a plan's marks is a report: its figures of 去年 are the past,
    # the paragraph that opens on 今年 gives the year's goals, its next sentence included
    (plan,) = read_text("全市交通工作会议召开\n" + _MEETING, "<test>")
    assert plan.report
    values = {t.value for t in extract_targets(plan, real_resolve) if t.value is not None}
    assert values == {Decimal(130), Decimal(1000), Decimal(25), Decimal(40)}


def _one(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), text)]


def test_what_opens_on_the_year_ahead() -> None:
    text = "今年,全市要完成投资130亿元。全年新建学校5所。\n去年完成投资120亿元。\n"
    sentences = [
        Sentence(i, m.start(), m.end(), m.group())
        for i, m in enumerate(re.finditer(r"[^。\n]+。", text))
    ]
    assert year_ahead_sentences(text, sentences) == {0, 1}
    for opening in ("会议指出,明年全市将新增就业4万人。", "新的一年,全县将新建学校5所。"):
        assert year_ahead_sentences(opening, _one(opening)) == {0}
    for back in ("今年以来,全市完成投资60亿元。", "今年1—5月,全市完成投资60亿元。"):
        assert not year_ahead_sentences(back, _one(back))
    for done in ("今年,全市已完成投资60亿元。", "今年,全市新增城镇就业4.1万人。"):
        # what the year has done, in a year-end report: no intent, or done already
        assert not year_ahead_sentences(done, _one(done))


def test_a_projection_after_a_goal_leaves_the_goal() -> None:
    # 下一步,该市计划到2027年…达到1000公里,预计到2027年…达到3亿吨: the plan's goal stands, the
    # projection after it is none (as a projection alone is none)
    found = [
        (t.value, t.target_year, t.indicator.label_zh)
        for t in real_targets(
            "下一步,该市计划到2027年高速公路通车里程达到1000公里,"
            "预计到2027年全市公路货运量达到3亿吨。\n"
        )
    ]
    assert found == [(Decimal(1000), 2027, "高速公路通车里程")]
    assert not real_targets("预计到2020年全省老年人口将达1950万人,占总人口的25%。\n")


def test_the_intent_before_a_deadline_names_no_part_of_the_measure() -> None:
    # 拟到2027年农村公路总里程达到…, 目标到2027年港口吞吐量达到…: 拟/目标 and the deadline open
    # the clause, the measure is what follows
    labels = {
        t.indicator.label_zh
        for t in real_targets(
            "拟到2027年农村公路总里程达到1.5万公里,目标到2027年港口吞吐量达到2亿吨。\n"
        )
    }
    assert labels == {"农村公路总里程", "港口吞吐量"}
