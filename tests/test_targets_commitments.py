"""Commitments without numbers (``extract/targets/commitments.py``): a subject and the state
it is to reach by a deadline, one target per clause, with ``pg:state`` from a closed set.
The clauses are phrasings of the genre found in the development set's plans."""

from __future__ import annotations

import pytest
from target_helpers import targets_of

from plangraph import model


def commitments(clause: str) -> list[model.Target]:
    return targets_of("二、任务\n(一)任务。到2025年," + clause + "。")


@pytest.mark.parametrize(
    ("clause", "indicator", "state"),
    [
        ("低碳生产和生活方式基本形成", "低碳生产和生活方式", "Established"),
        ("生态文明制度体系基本建成", "生态文明制度体系", "Established"),
        ("减污降碳协同管理机制初步建立", "减污降碳协同管理机制", "Established"),
        ("全面建成生活垃圾分类处理系统", "生活垃圾分类处理系统", "Established"),
        ("全面完成病险水库除险加固", "病险水库除险加固", "Completed"),
        # 广西水污染防治攻坚战三年作战方案 (2018), read in a real excerpt: the target a
        # higher level assigned is met, and a class of water is gone
        ("地表水考核断面水质达到国家考核目标", "地表水考核断面水质", "Completed"),
        ("地表水无劣五(V)类水体", "劣Ⅴ类水体", "Eliminated"),
        ("全省钢铁企业完成超低排放改造", "超低排放改造", "Completed"),
        ("力争规模以上入河排污口全部整治到位", "规模以上入河排污口", "Completed"),
        (
            "2500吨/日及以下的水泥熟料生产线全部整合退出",
            "2500吨/日及以下的水泥熟料生产线",
            "Eliminated",
        ),
        ("基本消除城市建成区生活污水直排口", "城市建成区生活污水直排口", "Eliminated"),
        ("农田氧化亚氮排放总量稳中有降", "农田氧化亚氮排放总量", "StableThenDecline"),
        ("煤炭消费量实现负增长", "煤炭消费量", "NegativeGrowth"),  # listed, as printed
        ("温室气体排放总量得到有效控制", "温室气体排放总量", "Curbed"),
        ("城镇新建建筑全部达到绿色建筑标准", "城镇新建建筑", "StandardMet"),
        ("污水处理厂全部优于一级A标准排放", "污水处理厂", "StandardMet"),
        ("部分工业行业碳排放实现达峰", "二氧化碳排放达峰", "Peaked"),
        ("城市黑臭水体全面消除", "黑臭水体", "Eliminated"),
    ],
)
def test_a_state_with_a_deadline_is_one_target(clause: str, indicator: str, state: str) -> None:
    (t,) = commitments(clause)
    assert (t.indicator.label_zh, t.state, t.target_year, t.value) == (indicator, state, 2025, None)
    assert t.quote.text.endswith(clause[-4:])


def test_the_states_that_were_directions_keep_them() -> None:
    (t,) = commitments("淮河水质保持Ⅲ类")
    assert (t.direction, t.state) == ("Maintain", "ClassReached")
    (t,) = commitments("基本消除重污染天气")
    assert (t.direction, t.state) == ("Eliminate", "Eliminated")
    (t,) = commitments("生态保护红线面积不减少")
    assert (t.direction, t.state) == ("Maintain", None)


@pytest.mark.parametrize(
    "clause",
    [
        "美丽中国先行区基本建成",  # a vision
        "生态环境治理体系和治理能力现代化基本实现",
        "绿色生产生活方式广泛形成",  # how much, not which state
        "应对气候变化法规政策体系更加完善",
        "用水总量增长得到控制",  # a change that stops
        "加强碳达峰、碳中和顶层设计",  # 碳达峰 names a programme
        "科学编制全省碳达峰行动方案",
        "建立健全覆盖污染源和环境质量的监测体系",
    ],
)
def test_visions_degrees_and_programmes_are_no_commitments(clause: str) -> None:
    assert commitments(clause) == []


def test_a_commitment_needs_a_deadline() -> None:
    assert targets_of("二、任务\n(一)任务。低碳生产和生活方式基本形成。") == []


def test_one_target_per_clause_not_per_phrase() -> None:
    found = commitments("生态文明制度体系基本建成,绿色低碳循环发展经济体系基本建立")
    assert [t.state for t in found] == ["Established", "Established"]


def test_a_rise_held_back_is_no_increase() -> None:
    assert commitments("严格合理控制煤炭消费量增长") == []


# ------------------------------------------------------ the genre's other phrasings (pledges)
# Clauses of the development set's plans (national strategy, provincial and municipal plans),
# read by hand: each is a commitment to a state, not a task's action.


@pytest.mark.parametrize(
    ("clause", "indicator", "state", "direction"),
    [
        # a level reached
        ("气候变化监测预警能力达到同期国际先进水平", "气候变化监测预警能力", "StandardMet", None),
        ("新建机组煤耗标准达到国际先进水平", "新建机组煤耗标准", "StandardMet", None),
        # 得到 and how
        ("重特大气候相关灾害风险得到有效防控", "重特大气候相关灾害风险", None, None),
        ("河湖生态水量得到有效保障", "河湖生态水量", "Secured", None),
        # an adverb of degree and a verb of state or change
        ("气候风险管理和防范体系基本成熟", "气候风险管理和防范体系", "Established", None),
        ("海洋生态系统防灾减灾水平有效提升", "海洋生态系统防灾减灾水平", None, "Increase"),
        ("经济社会发展与水资源承载能力基本协调", "经济社会发展与水资源承载能力", "Secured", None),
        ("气候变化相关风险的预警机制全面推广", "气候变化相关风险的预警机制", None, None),
        ("历史上严重影响生产生活秩序的易涝积水点全面消除", "易涝积水点", "Eliminated", None),
        ("监测数据质量达到国家考核要求", "监测数据质量", "StandardMet", None),
        ("长江流域湖北段总体水质保持优良", "水质", None, "Maintain"),
        ("监测能力基本满足精细化管理需求", "监测能力", "Secured", None),
        ("生态环境监测网络覆盖所有区县", "生态环境监测网络", "Covered", None),
        ("生态环境监测现代化建设取得重要突破", "生态环境监测现代化建设", None, None),
        ("绿色低碳理念深入人心", "绿色低碳理念", None, None),
        # a state no longer seen, a pace against another (a fall faster than society's is a
        # fall: the change's direction is read with its pace)
        ("新城区不再出现“城市看海”现象", "城市看海现象", None, None),
        (
            "单位工业增加值二氧化碳排放下降幅度大于全社会下降幅度",
            "单位工业增加值二氧化碳排放",
            None,
            "Decrease",
        ),
        # a completion verb first, under the deadline
        (
            "基本建成现代化高质量国家综合立体交通网",
            "现代化高质量国家综合立体交通网",
            "Established",
            None,
        ),
        (
            "形成以无缝隙全覆盖、智能数字为主要特征的天气气候预报预测完整业务体系",
            None,
            "Established",
            None,
        ),
    ],
)
def test_the_genres_other_phrasings_of_a_state(
    clause: str, indicator: str | None, state: str | None, direction: str | None
) -> None:
    (t,) = commitments(clause)
    assert (t.state, t.direction, t.target_year, t.value) == (state, direction, 2025, None)
    if indicator:
        assert indicator in t.indicator.label_zh
    assert t.quote.text == clause


@pytest.mark.parametrize(
    ("sentence", "indicator", "state"),
    [
        ("发展生态旅游,建成全国最大避暑及世界级冰雪旅游目的地。", "冰雪旅游目的地", "Established"),
        ("强化农业技术创新,率先实现气候智慧型经济转型。", "气候智慧型经济转型", "Established"),
        ("推动黄河岸线1公里范围内高污染企业全部迁入合规园区。", "合规园区", "Completed"),
        ("园区内实现污染处理设施全覆盖。", "污染处理设施", "Covered"),
        ("上海率先实现固体废物近零填埋。", "固体废物近零填埋", "Eliminated"),
    ],
)
def test_a_completion_verb_first_is_a_standing_goal(
    sentence: str, indicator: str, state: str
) -> None:
    """建成…, 实现…, 全部迁入…: no deadline needed, and the state always named (a target
    needs a value, a direction, a state or a year)."""
    (t,) = targets_of("二、任务\n(一)任务。" + sentence)
    assert (t.state, t.target_year, t.value) == (state, None, None)
    assert indicator in t.indicator.label_zh


def test_what_the_plan_makes_sure_of_under_a_deadline() -> None:
    found = commitments("巩固城市建成区黑臭水体治理成果,确保建成区长治久清")
    assert [t.quote.text for t in found] == ["确保建成区长治久清"]
    (t,) = commitments("巩固“散乱污”企业治理成效,确保动态清零")
    assert (t.quote.text, t.state) == ("确保动态清零", "Eliminated")


def test_degrees_and_visions_count_among_the_plans_goals() -> None:
    """In 主要目标 under a year every clause is a goal, 广泛形成 and 美丽… too; the same
    clauses in a task are none (test_visions_degrees_and_programmes_are_no_commitments)."""
    found = targets_of(
        "一、总体要求\n(一)主要目标。到2030年,绿色生产生活方式广泛形成,"
        "适应气候变化技术体系和标准体系更加完善,美丽中国先行区基本建成。"
    )
    assert [(t.owner.kind, t.target_year) for t in found] == [("plan", 2030)] * 3


@pytest.mark.parametrize(
    "clause",
    [
        "加快形成绿色生产和绿色生活方式",  # the pace of an action
        "全面提升灾害综合防范和适应气候变化能力",  # a task's verb first
        "拓展生态产品价值实现路径",  # 实现 inside a noun
        "明确碳达峰目标和实现路径",
        "营造推进生态产品价值实现的良好舆论氛围",
        "建成后将成为我国最大的全链条示范基地",  # a prediction
        "形成一批城市、园区减污降碳协同创新样板",  # a count without a number
        "在实现工业领域碳达峰的基础上强化碳中和能力",
        "确保规划确定的各项任务和措施得到落实",  # what was assigned
        "建成高标准农田10.75亿亩",  # the numeric target's
    ],
)
def test_actions_and_nouns_are_no_pledges(clause: str) -> None:
    assert [t for t in commitments(clause) if t.value is None] == []


def test_principles_and_problems_hold_no_goals() -> None:
    principles = targets_of(
        "一、总体要求\n(一)指导思想。到2025年,实现生态环境高水平保护和经济高质量发展双向推动。"
    )
    assert principles == []
    problems = targets_of(
        "一、规划背景\n(一)“十四五”面临的主要问题。到2025年,全省地表水水质整体初步实现"
        "中度污染向轻度污染的转变,结构性污染短期内难以根本扭转。"
    )
    assert problems == []


def test_what_was_achieved_since_is_no_goal() -> None:
    """…发布以来,…取得积极成效 (a national strategy's preface, no year of its own printed)."""
    body = "二、任务\n(一)任务。到2020年,《战略》发布以来,我国适应气候变化工作取得积极成效。"
    assert targets_of(body, year=None) == []
    assert len(targets_of(body.replace("《战略》发布以来,", ""), year=None)) == 1


@pytest.mark.parametrize(
    ("clause", "indicator", "state"),
    [
        # 四川 水利 work meeting (excerpts15): a system taking shape is established
        ("全省现代水网格局基本成型", "现代水网格局", "Established"),
        # 山东 非遗 十四五 goals (excerpts15): progress of a degree the list lacked
        ("非遗融入国家文化公园重大战略取得突出成果", "非遗融入国家文化公园重大战略", None),
        # 周口 消防 三年整治 (excerpts13): a harm cut back, verb first
        ("有效压减较大火灾", "较大火灾", None),
        # 五部门 横向生态保护补偿 opinion (excerpts15): coverage, verb first
        (
            "全面覆盖长江、黄河等重点流域干流及其重要支流",
            "长江、黄河等重点流域干流及其重要支流",
            None,
        ),
    ],
)
def test_more_states_and_progress_under_a_deadline(
    clause: str, indicator: str, state: str | None
) -> None:
    (t,) = commitments(clause)
    assert (t.indicator.label_zh, t.state, t.target_year, t.value) == (indicator, state, 2025, None)


def test_the_goal_a_plan_names_as_its_aim() -> None:
    """海南 科技创新翻身仗 (excerpts14): 以建设创新型省份为总体目标 under 总体目标; a
    vision (…现代化) is none, and neither is a task's aim."""
    (t,) = targets_of(
        "一、总体要求\n(一)总体目标。以建设创新型省份为总体目标,推动海口市进入国家创新型"
        "先进城市行列。",
        year=None,
    )
    assert (t.indicator.label_zh, t.state, t.quote.text) == (
        "创新型省份",
        "Established",
        "以建设创新型省份为总体目标",
    )
    assert (
        targets_of("一、总体要求\n(一)指导思想。以实现农村流通现代化为目标,以示范县建设为抓手。")
        == []
    )
    assert targets_of("二、任务\n(一)治理水体。以建设生态河道为目标,实施河道清淤。") == []
