"""Commitments in the phrasings the 山西 plan (provincial, scored blind in the second round)
showed missing, each a cause general to the genre (``extract/targets/commitments.py``,
``pledges.py``, ``clauses.py``, ``sentences.py``): goals a quoted slogan lists in brackets,
water classes reached, bans under a year, rules in force from a day of the calendar,
standards applied in full, what the plan sets out to be under its background chapter, and
the stock phrases of 节能减排 plans (得到合理控制, 控制在合理区间, 保持稳定增长).  Every
sentence is printed so in a plan of ``../shared/real-plans`` or of ``realplans/excerpts``; the
rule is checked on the other plans' sentences of the same kind (which must give nothing)."""

from __future__ import annotations

import dataclasses

from target_helpers import plan_from_text, resolve, targets_of

from plangraph import model
from plangraph.extract.targets import extract_targets

FYP_TITLE = "山西省“十四五”测试规划"  # a plan whose period gives the deadline (2025)


def goals(body: str) -> list[model.Target]:
    return targets_of(
        "一、总体要求\n(一)主要目标\n" + body + "\n二、任务\n(一)任务。加强保护。", year=2021
    )


def in_task(sentence: str, *, title: str = FYP_TITLE, year: int = 2021) -> list[model.Target]:
    plan = plan_from_text("二、任务\n(一)任务。" + sentence, year=year, title=title)
    return list(extract_targets(plan, resolve))


def test_a_slogans_goals_in_brackets_are_read_one_by_one() -> None:
    # 山西 二、(三)主要目标: the bracket after each slogan lists its goals
    found = goals(
        "2025年愿景:\n——生态环境持续改善。做到“五个全面”(环境空气质量全面改善、地表水国控断面"
        "劣V类水体和城市黑臭水体全面消除、宜林荒山全面绿化、主要污染物排放全面完成国家下达的考核"
        "任务、生态环境风险得到全面管控)、“两个基本”(力争重污染天气基本消除、历史遗留露天矿山"
        "生态修复基本完成)。"
    )
    assert [(t.quote.text, t.target_year) for t in found] == [
        ("生态环境持续改善", 2025),
        ("环境空气质量全面改善", 2025),
        ("地表水国控断面劣V类水体和城市黑臭水体全面消除", 2025),
        ("地表水国控断面劣V类水体和城市黑臭水体全面消除", 2025),  # two waters, one each
        ("宜林荒山全面绿化", 2025),
        ("主要污染物排放全面完成国家下达的考核任务", 2025),
        ("生态环境风险得到全面管控", 2025),
        ("力争重污染天气基本消除", 2025),
        ("历史遗留露天矿山生态修复基本完成", 2025),
    ]
    # what was assigned is not what is measured: the emissions are
    assert found[5].indicator.label_zh == "主要污染物排放总量"


def test_a_slogans_list_of_things_is_no_goal() -> None:
    # 呼和浩特, 山西: a slogan that lists things, not states, names no goal
    assert (
        in_task("全面实施“三线一单”(生态保护红线、环境质量底线、资源利用上线、生态环境准入清单)。")
        == []
    )
    assert in_task("开展“一企一库”(化学品生产企业、尾矿库)环境风险调查评估。") == []


def test_a_water_class_reached_in_the_genres_verbs() -> None:
    # 山西 五、(三)汾河 and (八)“五湖”: 提升至, 稳定在, 达到 with 地表水 before the class
    (t,) = in_task("到2025年,中下游断面提升至Ⅳ类水质。")
    assert (t.state, t.direction, t.target_year) == ("ClassReached", None, 2025)
    (t,) = in_task("到2025年,湖泊水质稳定在地表水Ⅲ类。")
    assert (t.state, t.direction, t.indicator.id) == (
        "ClassReached",
        "Maintain",
        "water-quality-class",
    )
    (t,) = in_task("到2025年,盐湖周边四滩水质达到地表水Ⅴ类。")
    assert (t.state, t.quote.text) == ("ClassReached", "盐湖周边四滩水质达到地表水Ⅴ类")


def test_a_ban_is_a_goal_under_a_year_of_its_own() -> None:
    # 山西 六、(四)治理白色污染
    (t,) = in_task(
        "到2021年年底,全省设区市建成区的商场、超市、药店、书店等场所以及餐饮打包外卖服务和各类"
        "展会活动,禁止使用不可降解塑料袋。"
    )
    assert (t.quote.text, t.state, t.target_year) == ("禁止使用不可降解塑料袋", "Eliminated", 2021)
    (t,) = in_task("到2022年年底,所有宾馆、酒店等场所不再主动提供一次性塑料用品。")
    assert (t.indicator.label_zh, t.state, t.target_year) == ("一次性塑料用品", "Eliminated", 2022)
    # 呼和浩特 (a 十四五 plan): a ban under the plan's period only is a rule of conduct
    assert in_task("禁止使用劣质燃料或掺烧垃圾、工业固体废物等。") == []


def test_a_ban_in_full_is_a_standing_goal() -> None:
    # 山西 四、(三) and 广东: 全面禁止/全面停止 reach the state whatever the deadline
    (t,) = in_task("建立天然林休养生息制度,全面禁止天然林商业性采伐。", title="测试行动方案")
    assert (t.indicator.label_zh, t.state) == ("天然林商业性采伐", "Eliminated")
    (t,) = in_task("全面停止天然林商业性采伐。", title="测试行动方案")
    assert t.state == "Eliminated"


def test_a_rule_in_force_from_a_day_of_the_calendar() -> None:
    # 山西 三、(二): the rule after a day (…7月1日起) is a goal as printed
    found = in_task(
        "2021年7月1日起,全面实施重型车国6a排放标准;2022年12月1日起,全面实施非道路移动柴油机械"
        "第四阶段排放标准。"
    )
    assert [(t.indicator.label_zh, t.state, t.target_year) for t in found] == [
        ("重型车国6a排放标准", "StandardMet", 2021),
        ("非道路移动柴油机械第四阶段排放标准", "StandardMet", 2022),
    ]
    (t,) = in_task("2023年7月1日,实施轻型车和重型车国6b排放标准。")
    assert (t.indicator.label_zh, t.target_year) == ("轻型车和重型车国6b排放标准", 2023)
    # who the rule binds, before the rule, is none; a day in the past is none (宁夏, 2022)
    (t,) = in_task(
        "2021年7月1日起,县级及以上城市建成区、景区景点餐饮堂食服务,禁止使用不可降解一次性塑料餐具。"
    )
    assert t.indicator.label_zh == "不可降解一次性塑料餐具"
    assert (
        in_task("2020年6月,习近平总书记视察宁夏时指出,宁夏要有大局观念和责任担当。", year=2022)
        == []
    )


def test_all_of_a_kind_by_a_standard_or_a_means() -> None:
    # 山西 六、(三) and 三、(二): 全部按照…标准, 全部采用… in a plan whose period is the deadline
    (t,) = in_task("大力发展绿色建筑,城镇新建建筑全部按照绿色建筑标准进行设计。")
    assert (t.indicator.label_zh, t.state, t.target_year) == ("城镇新建建筑", "StandardMet", 2025)
    (t,) = in_task("进出厂区大宗物料全部采用铁路或管道、管状带式输送机等清洁方式运输。")
    assert (t.indicator.label_zh, t.state) == ("进出厂区大宗物料", "Completed")
    (t,) = in_task("全面淘汰国三及以下排放标准营运柴油货车,基本淘汰国四及以下重型营运柴油货车。")[
        1:
    ]
    assert (t.indicator.label_zh, t.state) == ("国四及以下重型营运柴油货车", "Eliminated")


def test_a_share_and_a_trend_verb_first() -> None:
    # 山西 三、(二), 五、(八): 进一步降低…所占比重 (a share is a noun phrase), 遏制…趋势
    (t,) = in_task("进一步降低煤炭在一次能源消费中所占比重。")
    assert (t.indicator.label_zh, t.direction) == ("煤炭在一次能源消费中所占比重", "Decrease")
    (t, *_) = in_task("到2025年,遏制盐湖生态退化趋势,保持盐湖东侧七彩盐田景观。")
    assert t.indicator.label_zh == "盐湖生态退化趋势"


def test_the_positioning_under_a_background_chapter_looks_ahead() -> None:
    # 山西 一、规划背景 (三)准确把握战略定位; its (一)发展基础 stays a review
    plan = plan_from_text(
        "一、规划背景\n(一)发展基础\n全省生态环境质量持续改善,现代环境治理体系基本形成。\n"
        "(二)准确把握战略定位\n打造资源型经济省份生态保护样板。绿色、低碳、循环的产业发展格局"
        "基本形成。\n二、任务\n(一)任务。加强保护。",
        year=2021,
        title=FYP_TITLE,
    )
    found = extract_targets(plan, resolve)
    assert [(t.quote.text, t.state, t.owner.key) for t in found] == [
        ("绿色、低碳、循环的产业发展格局基本形成", "Established", "1-2"),
    ]


def test_the_stock_phrases_of_energy_saving_plans() -> None:
    # excerpts 02 (黔江区, district), 04 (上海, city) and 14 (新乡, city)
    (t,) = goals("到2025年,能源消费总量得到合理控制。")
    assert t.indicator.label_zh == "能源消费总量"
    (t,) = goals("到2025年,城乡建设领域碳排放控制在合理区间。")
    assert (t.indicator.label_zh, t.direction) == ("城乡建设领域碳排放", "Maintain")
    (t,) = goals("到2025年,工业增加值保持稳定增长。")
    assert (t.indicator.label_zh, t.direction) == ("工业增加值", "Increase")


def test_no_year_no_vague_goal() -> None:
    # the same phrases in a task without a deadline (no period in the title) are none
    plan = plan_from_text("二、任务\n(一)任务。能源消费总量得到合理控制。", year=2021)
    assert extract_targets(dataclasses.replace(plan), resolve) == ()


def test_built_in_a_state_held_and_all_of_a_kind_stopped() -> None:
    # 山西 三、(四): 建立较为完善的… under a year is the state the thing is built in; the
    # same in 巴中 and 广东 (a 十四五 plan's period), while 建立健全… stays an action
    (t,) = in_task("到2022年,建立较为完善的危险废物收集、利用、处置体系。")
    assert (t.indicator.label_zh, t.state, t.target_year) == (
        "危险废物收集、利用、处置体系",
        "Established",
        2022,
    )
    (t,) = in_task("建立较为完善的生态环境分区管控体系和数据共享机制。")
    assert t.indicator.label_zh == "生态环境分区管控体系和数据共享机制"
    (t,) = in_task("建立完善的陆地-海滩(岸)垃圾清运长效机制。")
    assert t.state == "Established"
    assert in_task("建立健全覆盖污染源和环境质量的监测体系。") == []
    # 山西 四、(四): a bottom line held
    (t,) = in_task("严格火源管控,坚决守住不发生重特大森林草原火灾和人员伤亡的底线。")
    assert t.state == "Secured"
    # 江苏: what stops is who is before 全部
    (t,) = in_task("不符合要求的“两高”项目全部依法依规停止运行或彻底整改。")
    assert (t.indicator.label_zh, t.state) == ("不符合要求的两高项目", "Eliminated")
    # 山西 五、(三): 逐渐 is a degree like 逐步
    (t,) = in_task("到2025年,土著鱼类种群逐渐恢复。")
    assert t.indicator.label_zh == "土著鱼类种群"


def test_a_completion_first_in_a_task_of_a_period() -> None:
    # 山西 四、(一), 广东, 江苏: 完成… under the plan's period is a completion reached
    (t,) = in_task("完成偏关—龙门段黄河第一重山脊线内造林绿化,打造沿黄生态长廊。")
    assert (t.indicator.label_zh, t.state, t.target_year) == (
        "偏关—龙门段黄河第一重山脊线内造林绿化",
        "Established",
        2025,
    )
    (t,) = in_task("完成自然保护地整合优化。")
    assert t.indicator.label_zh == "自然保护地整合优化"
    # 巴中, 广东, 生态环境监测规划: not yet done, 完成 inside a noun, a routine, open steps
    assert (
        in_task(
            "对存在不可接受风险、未完成风险管控或修复措施的建设用地地块严格执行用地准入管理要求。"
        )
        == []
    )
    assert in_task("能耗双控目标完成形势严峻的地区实施高耗能项目缓批限批。") == []
    assert in_task("每1-3年完成一轮监测。") == []
    assert in_task("完成样品采集、分析化验等。") == []
