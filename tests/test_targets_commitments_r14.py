"""Commitments without numbers in shapes the fourteenth round found missing on the development
excerpts: a project's milestone (开工, 完工, 投入营业, 达产达效), no accident of a kind, a rank
reached, every unit covered (每个社区都有…, 所有建制村通…路), a survey or a mastery completed
(查明, 基本掌握), a gap narrowed, a thing made into another (将…改造成为…), and among the goals
the system a plan builds (打造…格局, 搭建…网络).  Each clause is one read in a development
excerpt (its folder named beside it)."""

from __future__ import annotations

import pytest
from target_helpers import plan_from_text, resolve, targets_of

from plangraph.extract.targets import extract_targets

TASK = "二、任务\n(一)任务。"
GOALS = "一、总体要求\n(一)主要目标。"


def commitments(clause: str, heading: str = TASK, year: str = "到2025年,") -> list[str]:
    found = targets_of(heading + year + clause + "。")
    return [t.quote.text for t in found if t.value is None]


@pytest.mark.parametrize(
    "clause",
    [
        "推动天欣纸业环保包装等项目达产达效",  # excerpts4, 沁县 2025 task list
        "开工新港线西延线",  # excerpts4, 武汉 2023 task breakdown
        "延津林场园中园旅游度假村项目开工",  # excerpts10, 新乡 tourism 2006
        "凯震大酒店项目年内投入营业",  # excerpts10, 庆元 tourism 2018
        "“生态古民居”项目1号地块主体工程完工",
        "有关县(市)、区无重大旅游安全事故发生",  # excerpts10, 新乡
        "增幅位列全市前三",  # excerpts10, 庆元
        "所有具备条件的建制村将通沥青(水泥)路",  # excerpts10, 内蒙古 transport
        "每个社区都有便捷的体育健身设施",  # excerpts11, health and sports services
        "基本掌握核心技术和制造工艺",  # excerpts12, national hydrogen plan
        "查明农用地土壤污染面积、分布及其对农产品质量的影响",  # excerpts5, 肥城 soil
        "努力缩小与全国平均水平的差距",  # excerpts11, 黑龙江 carbon peak
    ],
)
def test_a_shape_of_the_genre_under_a_year_is_one_commitment(clause: str) -> None:
    (quote,) = commitments(clause)
    assert quote.endswith(clause[-4:])


def test_a_work_started_is_completed() -> None:
    (t,) = [t for t in targets_of(TASK + "到2025年,开工新港线西延线。") if t.value is None]
    assert (t.indicator.label_zh, t.state) == ("新港线西延线", "Completed")


@pytest.mark.parametrize(
    "clause",
    [
        "搭建衔接产地销地、覆盖城市乡村、连通国内国际的冷链物流网络",  # excerpts12, 安徽
        "城市公共体育场、群众户外健身场地和公众健身活动中心普及",  # excerpts11
    ],
)
def test_what_the_goals_build_is_a_commitment_there_only(clause: str) -> None:
    """Among the goals, 搭建…网络 is the network to have and …普及 the state; in a task the
    same words are the work (构建…体系) or its object (推进节水器具普及)."""
    assert len(commitments(clause, GOALS)) == 1
    assert commitments(clause) == []


@pytest.mark.parametrize(
    "clause",
    [
        "全面推进节水器具普及",  # 广东 eco-civilization: the work, not a state
        "掌握生态环境状况",  # 巴中: a task's knowing, no survey completed
        "构建以水环境质量改善为核心的目标责任考核体系",  # a task's system (excerpts)
        "推进环境污染第三方治理的规模化运营",  # 巴中: 运营 alone is no milestone
        "根据使用强度和实际需求进一步完善提升",  # a manner, no subject
        "推动工业固体废物规范管理",  # 巴中: 动工 inside 推动工业 starts no work
        "依法公开工作信息",  # 开工 inside 公开工作
    ],
)
def test_tasks_work_is_no_commitment(clause: str) -> None:
    assert commitments(clause) == []


def test_how_much_in_a_task_stays_none_even_under_a_year() -> None:
    """The seed's reading (test_targets): 更加完善, 不断优化 in a task say how much, not which
    state, even under 到2025年; the readers of excerpts12 (北京 heating: 供热结构不断优化) and of
    the national adaptation strategy marked such clauses, a disagreement left as it is."""
    assert commitments("供热结构不断优化") == []
    assert len(commitments("供热结构不断优化", GOALS)) == 1


def test_a_thing_made_into_another_in_the_principles() -> None:
    """excerpts5, 四川 circular parks: 指导思想 ends with what the park is made into."""
    clause = "将园区改造成为经济快速发展、资源高效利用、生态良性循环的循环经济示范园区"
    found = extract_targets(
        plan_from_text(
            "一、总体要求\n(一)指导思想\n坚持新发展理念,推动园区布局集约化," + clause + "。",
            title="某省园区循环化改造实施方案(2021—2025年)",
        ),
        resolve,
    )
    assert [t.quote.text for t in found if t.value is None] == [clause]


def test_the_principles_close_with_the_system_they_build() -> None:
    """excerpts12, 大连 digital government: 总体要求 ends with the 新格局 it builds."""
    clause = "打造政务业务“一网协同”、政务服务“一网通办”的数字政府新格局"
    found = extract_targets(
        plan_from_text(
            "一、总体要求\n(一)指导思想\n聚焦数字政府建设,坚持全市统一系统," + clause + "。",
            title="某市数字政府建设行动方案(2021—2025年)",
        ),
        resolve,
    )
    assert [t.quote.text for t in found if t.value is None] == [clause]


def test_a_standard_met_bare_and_a_title_of_a_scenic_area() -> None:
    """excerpts9, 江阴 six waters: …水质达标; excerpts10, 庆元: 成功创建…国家4A级…旅游景区."""
    (quote,) = commitments("饮用水水源、供水厂出水和用户水龙头水质达标")
    assert quote.endswith("水质达标")
    assert len(commitments("成功创建巾子峰国家4A级、莲湖村国家3A级旅游景区")) == 1
    assert commitments("开展水功能区达标评估") == []  # 达标 inside the name of a task's work


@pytest.mark.parametrize(
    "clause",
    [
        "目标水环境质量总体保持稳定",  # excerpts2, 贵州 key basins: the goal, labelled
        # excerpts3, 临汾 water pollution: every unit of a kind held to a standard
        "所有工业企业排放废水(煤矿矿井水除外)达到相应地表水功能区质量标准",
    ],
)
def test_a_goal_labelled_or_held_for_all_commits_under_the_period(clause: str) -> None:
    """Under the plan's period alone (no year of its own), as 确保… does."""
    plan = plan_from_text(TASK + clause + "。", title="某市水污染防治行动计划(2018—2020年)")
    assert len([t for t in extract_targets(plan, resolve) if t.value is None]) == 1
