"""Phrasings that the plans scored blind in the last round (a national monitoring plan and a
provincial climate plan) were misread in, by cause (issue 12): counts of the sites a national
plan sets up, an actor heading a count, headings that look back, what a clause focuses on,
shares of a whole, a base year that belongs to its own clause, sizes of city, the noun of a
listed count, the states the goals close a clause with, and the task-level commitments of
the genre.  Each excerpt is printed so in a plan of the development set (named above it), and
each rule is checked on a sentence of the same kind from another plan where one exists."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from target_helpers import plan_from_text
from target_helpers import real_resolve as _real

from plangraph import model
from plangraph.extract.targets import extract_targets

FYP_TITLE = "“十四五”生态环境监测规划"


def found(body: str, title: str = FYP_TITLE) -> list[model.Target]:
    plan = dataclasses.replace(plan_from_text(body, year=2021), title=title)
    return list(extract_targets(plan, _real))


def task(sentence: str) -> list[model.Target]:
    return found("二、任务\n(一)任务。" + sentence)


def numeric(sentence: str) -> list[model.Target]:
    return [t for t in task(sentence) if t.value is not None]


def goals(paragraphs: str) -> list[model.Target]:
    return found("一、规划目标\n" + paragraphs)


def labels(ts: list[model.Target]) -> list[tuple[Decimal | None, str]]:
    return [(t.value, t.indicator.label_zh) for t in ts]


# --------------------------------------------------------------------------- counts


def test_the_sites_a_national_plan_sets_up_are_counted_targets() -> None:
    # “十四五”生态环境监测规划: 设置, 筛选, 加密设置 (the plan's period is the deadline)
    (t,) = numeric(
        "在全国地级及以上城市设置1734个国家城市空气质量监测站点,实时监测PM2.5、O3等主要污染物。"
    )
    assert (t.value, t.unit, t.comparator, t.target_year) == (
        Decimal(1734),
        "pg:Count",
        "Exactly",
        2025,
    )
    assert "城市空气质量监测站点" in t.indicator.label_zh
    (t,) = numeric("筛选国家重点关注的土壤环境风险监控点9483个,纳入省级监测网络。")
    assert t.value == Decimal(9483) and "土壤环境风险监控点" in t.indicator.label_zh
    assert labels(
        numeric("国家设置土壤环境背景点2364个、基础点20063个,每5-10年完成一轮监测。")
    ) == [
        (Decimal(2364), "土壤环境背景点"),
        (Decimal(20063), "基础点"),
    ]
    # what the count counts ends before a second predicate joined by 并
    (t,) = numeric("设置1912个监测点位并根据需要适时增补完善。")
    assert t.indicator.label_zh == "监测点位"


def test_an_actor_heading_a_count_names_nothing_measured() -> None:
    # “十四五”生态环境监测规划: who acts (国家, 中央和地方共同, 统一组织) is no indicator
    assert labels(
        numeric("国家布设1359个海水水质监测点位和552个沉积物质量监测点位,覆盖全国。")
    ) == [
        (Decimal(1359), "海水水质监测点位"),
        (Decimal(552), "沉积物质量监测点位"),
    ]
    (t,) = numeric("中央和地方共同推动三个区域核与辐射事故应急监测物资储备库建设。")
    assert t.value == Decimal(3) and "物资储备库" in t.indicator.label_zh
    # 山东省“十四五”应对气候变化规划: a numbered item's frame (（3）) is no actor
    (t,) = numeric("（3）创建80个左右国家级、省级生态工业园区。")
    assert t.indicator.label_zh == "国家级、省级生态工业园区"


def test_a_count_listed_after_another_counts_its_own_noun() -> None:
    # 江苏省“十四五”应对气候变化规划
    ts = numeric("到2025年,培育千家绿色工厂、15家绿色供应链管理示范企业。")
    assert labels(ts)[1] == (Decimal(15), "绿色供应链管理示范企业")


# --------------------------------------------------------------------------- not goals


def test_figures_under_the_plans_background_are_no_targets() -> None:
    # “十四五”生态环境监测规划: 一、规划背景 / (一)生态环境监测新进展
    body = (
        "一、规划背景\n(一)生态环境监测新进展\n"
        "监测网络更加完善。建成1946个国家地表水水质自动监测站。"
        "检查国家和地方监测站点约6.2万个、监测机构8000余家。\n"
        "二、任务\n(一)任务。设置3646个国家地表水环境质量监测断面。"
    )
    assert [t.value for t in found(body)] == [Decimal(3646)]


def test_figures_that_say_which_things_the_work_focuses_on_are_no_targets() -> None:
    # “十四五”生态环境监测规划
    assert numeric("以面积大于100平方千米、水质污染较重的海湾为重点,开展监测。") == []


# --------------------------------------------------------------------------- fields


def test_a_share_of_a_whole_is_the_share_not_the_whole() -> None:
    # 江苏省“十四五”应对气候变化规划: 占…「的」比重, the table writes it without 的
    ts = numeric(
        "到2025年,非化石能源占能源消费总量的比重提高到18%左右,"
        "煤炭(不含焦炭)占能源消费总量的比重下降至50%左右。"
    )
    assert [t.indicator.id for t in ts] == ["non-fossil-share", "coal-share"]
    # the whole alone is still its own indicator
    (t,) = numeric("到2025年,全省公共机构年能源消费总量控制在255万吨标准煤以内。")
    assert t.indicator.id == "energy-consumption"


def test_a_base_year_with_a_change_of_its_own_stays_in_its_clause() -> None:
    # 江苏省“十四五”应对气候变化规划: 2克标准煤/千瓦时 (a target since the unit is read)
    # keeps its 比2020年, which must not become the base of the levels after it
    ts = numeric(
        "到2025年,煤电装机占比下降至50%左右,煤电机组供电煤耗比2020年下降2克标准煤/千瓦时,"
        "天然气消费量占能源消费比重达到14%以上,可再生能源电力消纳责任权重达到25%左右。"
    )
    assert [(t.value, t.base_year) for t in ts] == [
        (Decimal(50), None),
        (Decimal(2), 2020),
        (Decimal(14), None),
        (Decimal(25), None),
    ]
    # a lead clause of a base still gives it to what follows
    (t,) = numeric("与2020年相比,全市单位地区生产总值能耗下降14%。")
    assert t.base_year == 2020


def test_a_size_of_city_is_a_kind_of_area_not_a_county() -> None:
    # 江苏省“十四五”应对气候变化规划: 大城市 is not 大城 (a county of Hebei) and 市
    (t,) = numeric("到2025年,大城市公共交通机动化出行分担率不低于45%。")
    assert (t.scope, t.scope_text, t.comparator) == (None, "大城市", "AtLeast")
    assert t.indicator.id == "public-transport-share"  # not 绿色出行比例, a wider measure
    assert t.indicator.label_zh == "公共交通机动化出行分担率"  # as printed
    # 巴中市“十四五”生态环境保护规划: the same measure, no kind of area
    (t,) = numeric("到2025年,公共交通出行分担率不低于50%。")
    assert (t.scope, t.scope_text, t.indicator.id) == (None, None, "public-transport-share")


# --------------------------------------------------------------------------- commitments


def test_the_goals_close_a_clause_with_a_state() -> None:
    # 江苏省“十四五”应对气候变化规划 (总体目标, 展望2035年)
    ts = goals(
        "到2025年,碳达峰具备坚实基础,应对气候变化与生态环境保护统筹融合的格局总体形成。\n"
        "——二氧化碳排放达峰行动迈上新台阶。清洁低碳安全高效的能源体系加快构建。"
        "自愿减排交易市场体系构建形成。\n"
        "展望2035年,经济社会发展与碳排放“脱钩”,碳排放提前达峰后持续下降,"
        "气候治理体系和治理能力现代化基本实现。"  # the last, a vision, as the seed reads it
    )
    quotes = {t.quote.text: (t.target_year, t.state) for t in ts if t.value is None}
    assert quotes["碳达峰具备坚实基础"] == (2025, None)
    assert quotes["清洁低碳安全高效的能源体系加快构建"] == (2025, None)
    assert quotes["自愿减排交易市场体系构建形成"] == (2025, "Established")
    assert quotes["经济社会发展与碳排放“脱钩”"] == (2035, None)
    assert quotes["碳排放提前达峰后持续下降"] == (2035, "Peaked")
    assert "气候治理体系和治理能力现代化基本实现" not in quotes
    # “十四五”生态环境监测规划 (规划目标): two verbs of state together
    ts = goals(
        "到2025年,主要目标如下。\n"
        "——“一套数”真实准确。覆盖全部监测活动的质量监督体系建立健全,"
        "监测标准体系更加协调统一。中央与地方监测事权及支出责任划分明确、落实到位。\n"
        "展望2035年,统一生态环境监测评估制度健全完善,监测管理与业务技术水平迈入国际先进行列。"
    )
    quotes = {t.quote.text: t.target_year for t in ts if t.value is None}
    assert quotes["覆盖全部监测活动的质量监督体系建立健全"] == 2025
    assert quotes["监测标准体系更加协调统一"] == 2025
    assert quotes["中央与地方监测事权及支出责任划分明确、落实到位"] == 2025
    assert quotes["统一生态环境监测评估制度健全完善"] == 2035
    assert quotes["监测管理与业务技术水平迈入国际先进行列"] == 2035


def test_outside_the_goals_those_states_are_no_commitments() -> None:
    # a task's 建立健全… is an action; the goals' phrasings do not leak into tasks
    assert task("建立健全覆盖污染源和环境质量的监测体系。") == []
    assert task("有力有序有效推进碳达峰。") == []


def test_task_commitments_of_the_genre() -> None:
    # 江苏省“十四五”应对气候变化规划
    (t,) = task("进一步发展风电,推进近海海上风电规模化发展,保持海上风电全国领先水平。")
    assert (t.indicator.label_zh, t.state) == ("海上风电", "StandardMet")
    (t,) = task("组织开展低碳认证、绿色认证,建成一批碳排放达峰先行区。")
    assert (t.indicator.label_zh, t.state) == ("碳排放达峰先行区", "Established")
    (t,) = task("采取综合措施有效推动高耗能行业尽早达峰,合理控制建筑、交通领域碳排放增长。")
    assert (t.indicator.label_zh, t.state) == ("高耗能行业达峰", "Peaked")
    (t,) = task("拓展发布渠道,进一步提高预警信息覆盖率。")
    assert (t.indicator.label_zh, t.direction) == ("预警信息覆盖率", "Increase")
    (t,) = task("到2025年,政府投资的公共建筑全面执行国家二星级以上绿色建筑标准。")
    assert (t.indicator.label_zh, t.state) == ("政府投资的公共建筑", "StandardMet")
    # 工业领域碳达峰实施方案: 建成一批 another plan's way
    (t,) = task("到2025年,建成一批绿色工厂和绿色工业园区。")
    assert t.state == "Established" and t.value is None
    # 山东省“十四五”应对气候变化规划: the standard applied in full
    (t,) = task("到2025年,城镇新建建筑全面执行绿色建筑标准。")
    assert (t.indicator.label_zh, t.state) == ("城镇新建建筑", "StandardMet")


def test_a_share_of_things_reaching_a_state_is_no_definition() -> None:
    # 国家适应气候变化战略2035: 75%以上「的」… reads as a threshold unless a state follows
    ts = found(
        "二、任务\n(一)任务。到2035年,森林覆盖率达到26%,湿地保护率提高到60%,"
        "75%以上的可治理沙化土地得到治理。"
    )
    (t,) = [t for t in ts if t.value == Decimal(75)]
    assert (t.comparator, t.target_year) == ("AtLeast", 2035)
    assert "沙化土地得到治理" in t.indicator.label_zh
    # 呼和浩特市“十四五”生态环境保护规划: a threshold that defines what is meant stays none
    assert numeric("对日处理能力20吨及以上的农村生活污水处理设施开展出水水质监测。") == []
    assert (
        numeric("大宗货物年货运量在150万吨以上的矿区、工业企业和新建物流园区重点布局专用铁路。")
        == []
    )


def test_a_red_line_held_is_a_target() -> None:
    # 国家适应气候变化战略2035
    (t,) = numeric("加强耕地保护与质量建设,坚守18亿亩耕地红线,落实最严格的耕地保护制度。")
    assert (t.value, t.unit, t.comparator) == (Decimal(18), "pg:HundredMillionMu", "Exactly")
    assert "耕地" in t.indicator.label_zh


def test_a_kind_of_area_a_threshold_defines_scopes_the_target() -> None:
    # 江苏省“十四五”应对气候变化规划
    (t,) = numeric("到2025年,城区常住人口100万以上的城市绿色出行比例达到70%以上。")
    assert (t.value, t.scope_text, t.indicator.id) == (
        Decimal(70),
        "城区常住人口100万以上的城市",
        "green-travel-share",
    )
    # not a kind of area: which firms are meant is part of what is measured
    (t,) = numeric("到2025年,年用水量1万立方米及以上的工业企业用水计量率达到100%。")
    assert t.scope_text is None


def test_more_task_commitments_under_the_plans_period() -> None:
    # 江苏省“十四五”应对气候变化规划: a ratio kept, verb first
    (t,) = task("建立顺岸式围填海岸线占用补偿机制,稳定自然岸线保有率。")
    assert (t.indicator.label_zh, t.direction) == ("自然岸线保有率", "Maintain")
    # “十四五”生态环境监测规划: full coverage, a count of what is known, a law issued
    (t,) = task("加快健全辐射监测体系,分类推进地市级基本辐射监测能力全覆盖。")
    assert t.state == "Covered"
    (t,) = task("开展调查监测试点,初步摸清新污染物环境赋存底数。")
    assert t.indicator.label_zh == "新污染物环境赋存底数"
    (t,) = task("推动出台《生态环境监测条例》,研究制定配套制度。")
    assert "生态环境监测条例" in t.indicator.label_zh
    # 江苏省“十四五”应对气候变化规划: the same verb of issuing, another plan
    (t,) = task("适时出台全省碳排放预算制度实施方案。")
    assert t.indicator.label_zh == "碳排放预算制度实施方案"
    # a study of issuing is an action, not a commitment
    assert task("研究出台相关政策。") == []


def test_a_class_of_water_sources_is_no_count() -> None:
    # “十四五”生态环境监测规划: 千吨万人 names water sources by size
    assert (
        numeric(
            "指导各地实施灌溉规模10万亩及以上农田灌区用水、千吨万人及以上农村饮用水水源地、"
            "日处理能力20吨及以上农村生活污水处理设施出水等专项监测。"
        )
        == []
    )
    # 江苏省“十四五”应对气候变化规划: a round count alone still counts
    (t, _) = numeric("到2025年,培育千家绿色工厂、15家绿色供应链管理示范企业。")
    assert (t.value, t.unit) == (Decimal(1000), "pg:Count")


def test_a_kind_of_area_that_is_part_of_an_indicators_name_is_no_scope() -> None:
    # 江苏省“十四五”应对气候变化规划: 城市建成区绿化覆盖率 is the indicator
    (t,) = numeric("到2025年,城市建成区绿化覆盖率达40%以上。")
    assert (t.scope_text, t.indicator.id) == (None, "urban-green-coverage")
    # 支持宁夏建设黄河流域…先行区实施方案: the same kind of area before another measure scopes it
    (t,) = numeric("到2025年,城市建成区居民生活垃圾回收利用率达到35%以上。")
    assert t.scope_text == "城市建成区"


def test_the_capacity_in_brackets_after_projects_is_their_target() -> None:
    # 巴中市“十四五”生态环境保护规划
    (t,) = numeric("天然气:积极推进华能巴中燃机项目一期(装机90万千瓦);推动LNG项目达产扩能。")
    assert (t.value, t.unit, t.comparator) == (Decimal(90), "pg:TenThousandKiloW", "Exactly")
    assert "燃机" in t.indicator.label_zh
    # 广东省生态文明建设“十四五”规划
    (t,) = numeric(
        "新增广州珠江LNG二期、深圳光明等天然气调峰发电项目,以及南沙横沥、顺德龙江等一批"
        "天然气分布式能源站项目(装机约100万千瓦)。"
    )
    assert (t.value, t.comparator) == (Decimal(100), "About")
    assert "天然气分布式能源站" in t.indicator.label_zh
    # other notes in brackets stay notes (a made-up contrast)
    assert numeric("推进重点区域(共涉及12个县)大气污染防治。") == []


def test_the_verb_of_reaching_is_no_part_of_the_measure() -> None:
    # 江苏省“十四五”应对气候变化规划: 累计 opens the predicate, 达 closes the measure
    (t,) = numeric("到2025年,力争全省累计备案自愿减排交易项目数量达100项。")
    assert (t.value, t.indicator.label_zh, t.aspirational) == (
        Decimal(100),
        "备案自愿减排交易项目数量",
        True,
    )


def test_a_circle_reached_in_a_time_is_reached_within_it() -> None:
    # “十四五”生态环境监测规划: 2小时 bounds the response time
    (t,) = numeric("各地分级分区加强应急监测装备配置,力争形成陆域2小时应急监测响应圈。")
    assert (t.value, t.unit, t.comparator, t.aspirational) == (
        Decimal(2),
        "qudt:HR",
        "AtMost",
        True,
    )
    # a time that is no circle keeps its own reading
    (t, _) = numeric("省市层面开展未来7-10天空气质量预报,72小时级别预报准确率达到70%以上。")
    assert (t.value, t.comparator) == (Decimal(7), "AtLeast")


def test_a_share_in_brackets_after_a_count_is_a_second_target() -> None:
    # 山西 两山七河一流域 (its blind gold, now development gold), 五、(一)
    targets = task(
        "实施流域水污染物总量控制,到2025年,汾河流域达到或优于Ⅲ类水质断面达到10个"
        "(占比47.6%),中下游断面提升至Ⅳ类水质。"
    )
    numeric = [(t.value, t.unit, t.target_year) for t in targets if t.value is not None]
    assert numeric == [(Decimal("10"), "pg:Count", 2025), (Decimal("47.6"), "qudt:PERCENT", 2025)]
    share = next(t for t in targets if t.unit == "qudt:PERCENT")
    assert share.indicator.label_zh.endswith("比例")
    assert share.quote.text.endswith("达到10个(占比47.6%)")
    # a share in brackets after a figure that is no count is left alone
    assert [t.value for t in task("到2025年,森林覆盖率达到25%(占比30%)。") if t.value] == [
        Decimal("25")
    ]
