"""Round 19 (issue 12, recall first): causes of whole targets missed, or read twice, counted
over the development sets; each rule tested on the real text it was found in
(``realplans/excerpts…``) and on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal

from excerpt_targets import excerpt_corpus, numeric
from target_helpers import plan_from_text, real_resolve, real_targets

from plangraph.extract.targets import extract_targets
from plangraph.extract.targets.years import horizon, reported_period_start
from plangraph.model import Target


def _numeric(folder: str, number: str) -> list[Target]:
    return numeric(excerpt_corpus(folder, number))


def _values(body: str) -> set[Decimal]:
    return {t.value for t in real_targets(body) if t.value is not None}


def test_a_range_printed_in_full_is_one_target_at_its_lower_bound() -> None:
    # 地区生产总值增长7.5%—8%: one goal, at least 7.5% (as 3—5个 is), not 7.5% and a second 8%
    (target,) = [t for t in real_targets("一、目标\n到2025年,地区生产总值增长7.5%—8%。\n")]
    assert (target.value, target.unit, target.comparator) == (
        Decimal("7.5"),
        "qudt:PERCENT",
        "AtLeast",
    )
    assert target.indicator.label_zh == "地区生产总值"
    # 至/到 between two full figures may be a change, and stays as it was read
    assert Decimal(50) in _values("一、目标\n到2025年,覆盖率由40%到50%。\n")


def test_the_title_of_a_table_of_goals_dates_an_excerpt_without_its_plan_title() -> None:
    # excerpts18/19: 宝应县's goals as dash items (——…每千常住人口执业(助理)医师达3.9人…), the
    # plan's title lost; its period is printed only above the table (宝应县“十四五”卫生健康主要
    # 发展指标)
    by_value = {t.value: t for t in _numeric("excerpts18", "19")}
    assert by_value[Decimal("3.9")].indicator.label_zh == "每千常住人口执业(助理)医师"
    assert by_value[Decimal("3.9")].target_year == 2025
    assert by_value[Decimal(100)].indicator.label_zh == "城乡社区托育服务提供覆盖率"
    assert horizon("x", "一、目标\n宝应县“十四五”卫生健康主要发展指标\n") == 2025
    # a table that reviews the last plan dates nothing
    assert horizon("x", "一、回顾\n“十三五”主要指标完成情况\n") is None
    # nor one of a period over before the plan's year
    assert horizon("x", "一、\n“十三五”主要指标\n", 2022) is None


def test_a_report_dates_its_past_from_the_period_of_the_plan_it_reports() -> None:
    # excerpts18/04: a report of 《“十四五”国家信息化规划》: "从2015年到2020年,固定宽带家庭
    # 普及率由52.6%提升到96%" is what was done, not a goal due in 2020
    values = {t.value for t in _numeric("excerpts18", "04")}
    assert not {Decimal(96), Decimal(108), Decimal(98)} & values
    assert {Decimal(56), Decimal(12)} <= values
    assert reported_period_start("近日印发《“十四五”国家信息化规划》,…") == 2021
    assert reported_period_start("国务院编制了《…第十五个五年规划纲要(草案)》") == 2026
    # a deadline that ends a span begun before the plan is the past; 到2025年 is still a goal
    body = "一、目标\n从2015年到2020年,覆盖率由52%提升到96%。到2025年,覆盖率达到99%。\n"
    plan = plan_from_text(body, year=2021)
    assert {t.value for t in extract_targets(plan, real_resolve) if t.value} == {Decimal(99)}


def test_projections_the_plan_makes_its_own() -> None:
    # excerpts18/17: 拉萨's tourism plan: a pace, then the level it projects (预计2025年达到4200
    # 万人次), and the projections listed after it, whose measure a level restored names
    # (入境旅游人数逐步恢复到2019年水平,预计2025年达到24.71万人次)
    by_value = {t.value: t for t in _numeric("excerpts18", "17")}
    assert by_value[Decimal("24.71")].indicator.label_zh == "入境旅游人数"
    assert by_value[Decimal("1.53")].indicator.label_zh == "旅游外汇收入"
    assert by_value[Decimal("648.18")].indicator.label_zh == "旅游总收入"
    # excerpts18/06: the means to it (通过…建设及…调配,预计到2020年,…达标率83%以上)
    assert Decimal(83) in {t.value for t in _numeric("excerpts18", "06")}
    # a projection of the world's state is none
    body = "一、形势\n预计到2030年全省老年人口将达1950万人。\n"
    assert _values(body) == set()


def test_a_sub_heading_that_restates_a_goal_gives_it_once() -> None:
    # excerpts18/17: "到2025年 旅游人数超过4200万人次" between the paragraphs, then "国内旅游人数
    # …预计2025年达到4200万人次" in one
    assert [t.value for t in _numeric("excerpts18", "17")].count(Decimal(4200)) == 1
    # excerpts18/21: a table's cell on a line of its own is no sub-heading (交付既有多层住宅加装
    # 电梯200台以上, 200场公益性文艺演出 in another row)
    values = [t.value for t in _numeric("excerpts18", "21")]
    assert values.count(Decimal(200)) == 2


def test_a_report_lead_and_body_relaying_the_plan_give_its_goals_once() -> None:
    # excerpts18/07: 《湖北省养老服务体系建设“十四五”规划》明确了到2025年… in the lead, 《规划》
    # 明确了到2025年… in the body: the same words, once
    values = [t.value for t in _numeric("excerpts18", "07")]
    assert values.count(Decimal(60)) == 2  # 护理型床位占比60%, 养老服务机构覆盖率60%
    assert values.count(Decimal(100)) == 1


def test_a_news_lead_that_sums_up_the_body_undated_gives_way_to_it() -> None:
    # excerpts18/23: "贵阳网·甲秀新闻讯 新增公共停车位1664个、改造棚户区4490户、背街小巷22条……",
    # then "今年,…新增公共停车位1664个,…改造棚户区4490户、背街小巷22条"
    found = [t for t in _numeric("excerpts18", "23") if t.value in (1664, 4490, 22)]
    assert len(found) == 3
    assert {t.target_year for t in found} == {2023}


def test_a_list_closed_by_deng_before_its_count_is_counted() -> None:
    # excerpts18/22: 苍南's progress table: "建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪
    # 浦亭等8家卫生院" (eight names, but 等 makes the count the works', not the list's)
    found = _numeric("excerpts18", "22")
    labels = {(t.value, t.indicator.label_zh) for t in found}
    assert {
        (Decimal(8), "卫生院"),
        (Decimal(3), "中心敬老院"),
        (Decimal(2), "中心敬老院"),
    } <= labels
    # a complete list without 等 still counts only itself
    body = "一、目标\n到2025年,打造电子信息、生命健康、汽车、高端装备4个万亿级产业集群。\n"
    assert Decimal(4) not in _values(body)


def test_a_share_of_things_over_a_threshold_is_the_goal_not_the_threshold() -> None:
    # excerpts17/24: "力争实现20%的村集体年收入超30万元"
    body = "一、目标\n到2025年,力争实现20%的村集体年收入超30万元。\n"
    (target,) = real_targets(body)
    assert target.value == 20 and target.aspirational
    assert target.indicator.label_zh == "村集体年收入超30万元的比例"
    body = "一、目标\n到2025年,80%以上的村集体经济年收入达到10万元以上。\n"
    assert _values(body) == {Decimal(80)}
    body = "一、目标\n到2025年,全县30%的行政村建成美丽乡村示范村。\n"
    assert _values(body) == {Decimal(30)}


def test_what_a_count_counts_after_a_preposition_or_a_verb_of_works() -> None:
    # excerpts17/19: "对全县17所乡(镇)中心幼儿园全面提档升级"; excerpts18/21: "帮助260名长期
    # 失业青年实现就业"; excerpts18/07: "新(改、扩)建500个街道(乡镇)综合性社区养老服务设施"
    labels = {
        t.value: t.indicator.label_zh
        for body in (
            "一、目标\n2025年,对全县17所乡(镇)中心幼儿园全面提档升级。\n",
            "一、目标\n2025年,帮助260名长期失业青年实现就业。\n",
            "一、目标\n2025年,新(改、扩)建500个街道(乡镇)综合性社区养老服务设施。\n",
            "一、目标\n2025年,提档升级7个小区健身场地设施。\n",
        )
        for t in real_targets(body)
    }
    assert "幼儿园" in labels[Decimal(17)]
    assert "失业青年" in labels[Decimal(260)]
    assert labels[Decimal(500)].startswith("街道(乡镇)综合性社区养老服务设施")
    assert labels[Decimal(7)] == "小区健身场地设施"
