"""Commitments without numbers in phrasings the thirteenth round found missing on the
development excerpts: a growth of a kept pace, a level against an average, a new level, a
course entered, a network formed, a vision held, a state verb first (全面普及), a problem
turned round at the root, and the state the principles close with (基本形成…格局).
Each clause is one read in a real excerpt (its folder named beside it)."""

from __future__ import annotations

import pytest
from target_helpers import plan_from_text, resolve, targets_of

from plangraph.extract.targets import extract_targets


def commitments(clause: str, heading: str = "二、任务\n(一)任务。") -> list[str]:
    found = targets_of(heading + "到2025年," + clause + "。")
    return [t.quote.text for t in found if t.value is None]


@pytest.mark.parametrize(
    "clause",
    [
        "货物出口总额保持适度增长",  # excerpts10, 丽水 2020 plan
        "棉花、糖料保持合理自给水平",  # excerpts10, national crop farming 14th FYP
        "“无废”理念得到广泛认同",  # excerpts10, 徐州 zero-waste city
        "居民主要健康指标优于全市平均水平",  # excerpts11, 榆阳
        "民生福祉达到新水平",  # excerpts11, national public services 14th FYP
        "全市林业步入高质量发展轨道",  # excerpts11, 眉山 forestry
        "关中、陕南、陕北高速公路基本成网",  # excerpts11, 陕西 expressways
        "通江达海的高速公路大通道提前建成",  # excerpts11, the same
        "信息化发展水平大幅跃升",  # excerpts9, national informatization
        "居民收入增长与经济增长同步",  # excerpts7, 湖南 government work report
        "从根本上扭转水利建设明显滞后的局面",  # excerpts9, 甘肃 6363 water plan
        "全面普及学前三年教育",  # excerpts9, 杭州 preschool education
        "国内旅游和入境旅游人次稳步增长",  # excerpts9, 陕西 culture and tourism
        "生物多样性下降势头得到基本控制",  # excerpts11, national eco-environment 13th FYP
        "文化产业增加值增速均高于GDP增速",  # excerpts10, 丽水 2020 plan
    ],
)
def test_a_phrasing_of_the_genre_under_a_deadline_is_one_commitment(clause: str) -> None:
    assert commitments(clause) == [clause]


@pytest.mark.parametrize(
    "clause",
    [
        "产业布局更趋合理",  # excerpts9, 陕西 culture and tourism 14th FYP
        "产业规模持续壮大",
        "世界级、国家级优质旅游产品供给更加丰富",  # excerpts11, 云南
        "水生态系统功能良好",  # excerpts7, 贵州 water
        "人水关系和谐",  # excerpts, national water-saving society
        "生产和生活方式绿色、低碳水平上升",  # excerpts11, national eco-environment
    ],
)
def test_how_much_and_a_state_alone_count_among_the_goals(clause: str) -> None:
    """更趋合理, 更加丰富, 功能良好: a commitment in the plan's goals (主要目标), where every
    clause is one; in a task the same words describe, and make none."""
    assert commitments(clause, "一、总体要求\n(一)主要目标。") == [clause]
    if clause.startswith(("产业布局", "世界级")):
        assert commitments(clause) == []


def test_the_principles_close_with_the_state_the_work_reaches() -> None:
    """excerpts10, 宁波奉化 zero-waste city: 指导思想 ends with the 格局 it forms."""
    title = "某区“无废城市”建设实施方案(2022—2025年)"  # the period gives the deadline
    found = extract_targets(
        plan_from_text(
            "一、总体要求\n(一)指导思想\n以新发展理念为引领,大力推进固体废物减量化、资源化、"
            "无害化,基本形成政府主导、企业主体、全民参与的“无废”共治格局,着力提升治理能力。",
            title=title,
        ),
        resolve,
    )
    quote = "基本形成政府主导、企业主体、全民参与的“无废”共治格局"
    assert [t.quote.text for t in found] == [quote]


@pytest.mark.parametrize(
    "clause",
    [
        "家庭小型化、少子化趋势更加明显",  # excerpts11, 江苏 ageing: a trend described
        "带动普通农户进入现代农业发展轨道",  # an action and its aim
    ],
)
def test_trends_and_actions_are_no_commitments(clause: str) -> None:
    assert commitments(clause) == []


def test_a_standard_met_names_what_is_met_when_the_subject_is_before() -> None:
    """excerpts6, 昌黎 clear water: 2020年,全县河流水质进一步改善,全部达到水环境质量
    功能区标准 (who meets it is the clause before's subject)."""
    found = targets_of("二、任务\n(一)任务。到2025年,河流水质全部达到水环境质量功能区标准。")
    found += targets_of("二、任务\n(一)任务。到2025年,水质改善,全部达到水环境质量功能区标准。")
    assert [(t.indicator.label_zh, t.state) for t in found if t.value is None][-1] == (
        "水环境质量功能区标准",
        "StandardMet",
    )


def test_a_change_that_stops_is_still_none() -> None:
    """用水总量增长得到控制 (the seed's reading): a growth held, no state, unlike a loss curbed."""
    assert commitments("用水总量增长得到控制") == []


def test_the_goals_before_their_year_are_goals() -> None:
    """excerpts10, a county's three-year plan for income after poverty: 工作目标 lists goals,
    then the year of the last (…底线,…机制,到2025年,实现…全覆盖)."""
    found = targets_of(
        "二、任务\n(二)工作目标。严格落实各项帮扶政策,坚决守住不发生规模性返贫的底线,"
        "全面建立起龙头企业绑定农民专业合作社的利益联结机制,到2025年,实现产业帮扶全覆盖。",
        year=None,
    )
    quotes = [t.quote.text for t in found if t.value is None]
    assert quotes[:2] == [
        "坚决守住不发生规模性返贫的底线",
        "全面建立起龙头企业绑定农民专业合作社的利益联结机制",
    ]


def test_a_release_reported_is_no_goal() -> None:
    """A news report's 市政府出台《…工作方案》 tells of the plan, it commits to nothing."""
    found = targets_of("一、总体要求\n(一)工作目标。近日,市政府出台《某市土壤污染防治工作方案》。")
    assert [t for t in found if t.value is None] == []
