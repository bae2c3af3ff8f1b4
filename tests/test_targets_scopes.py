"""Scopes, years and thresholds (``extract/targets/scopes.py``, ``years.py``, ``numeric.py``):
where a target applies, from when it is due, and the numbers that only say which things are
meant.  The sentences are phrasings of the genre (national and provincial action plans)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from target_helpers import plan_from_text, targets_of
from target_helpers import real_resolve as _real

from plangraph import model
from plangraph.extract.targets import extract_targets
from plangraph.extract.targets.scopes import head_categories


def real(sentence: str, year: int = 2021) -> list[model.Target]:
    plan = plan_from_text("二、任务\n(一)任务。" + sentence, year=year)
    return list(extract_targets(plan, _real))


def test_each_area_of_a_list_keeps_its_own_value() -> None:
    found = real("京津冀及周边地区、长三角地区、汾渭平原细颗粒物浓度分别下降10%、10%和5%左右。")
    assert [(t.value, t.scope, t.scope_text) for t in found] == [
        (Decimal(10), "jingjinjijizhoubiandiqu", None),
        (Decimal(10), "changsanjiao", None),  # the gazetteer knows 长三角地区 now
        (Decimal(5), "fenweipingyuan", None),
    ]
    assert {t.indicator.id for t in found} == {"pm25"}


def test_kinds_of_area_are_recorded_not_dropped() -> None:
    found = real("到2025年,地级市、县城生活污水处理率分别达到98%、95%以上。")
    assert [(t.value, t.scope, t.scope_text) for t in found] == [
        (Decimal(98), None, "地级市"),
        (Decimal(95), None, "县城"),
    ]
    found = real("到2025年,重点区域PM2.5浓度下降10%,其他地区下降5%。")
    assert [(t.value, t.scope_text, t.indicator.id) for t in found] == [
        (Decimal(10), "重点区域", "pm25"),
        (Decimal(5), "其他地区", "pm25"),
    ]
    (port,) = real("到2025年,沿海主要港口大宗货物清洁运输比例达到70%以上。")
    assert (port.scope, port.scope_text) == (None, "沿海主要港口")


def test_a_lone_city_word_begins_an_indicator() -> None:
    (t,) = real("到2025年,城市生活污水集中收集率达到70%以上。")
    assert (t.scope, t.scope_text) == (None, None)


def test_an_area_with_the_previous_measure_is_no_indicator() -> None:
    found = real("到2025年,再生水利用率达到25%以上,其他地区达到20%。")
    assert [(t.indicator.label_zh, t.scope_text) for t in found] == [
        ("再生水利用率", None),
        ("再生水利用率", "其他地区"),
    ]


def test_an_area_heading_a_later_item_of_the_clause_scopes_that_item() -> None:
    found = real(
        "到2025年,珠三角地区公共交通占机动化出行比例总体达到50%左右、"
        "粤东西北地区公共交通占机动化出行比例总体达到25%左右。"
    )
    # the later area is a place the gazetteer holds: its scope, not a category
    assert [(t.value, t.scope, t.scope_text) for t in found] == [
        (Decimal(50), "zhujiangsanjiaozhou", None),
        (Decimal(25), "yuedongxibei", None),
    ]


def test_a_start_year_is_when_the_target_is_due_from() -> None:
    (t,) = real("自2022年起,每年新增城市绿地面积不少于500公顷。")
    assert (t.target_year, t.start_year, t.recurrence, t.value) == (2022, 2022, "annual", 500)
    (t,) = real("2023年起,重点区域新建项目清洁运输比例达到80%。")
    assert (t.target_year, t.start_year, t.scope_text) == (2023, 2023, "重点区域")
    (t,) = real("到2025年,清洁运输比例达到80%。")
    assert (t.target_year, t.start_year) == (2025, None)


def test_periods_and_ranges() -> None:
    (t,) = real("“十四五”期间,累计完成造林3—6万亩。")
    assert (t.target_year, t.value, t.comparator, t.unit) == (
        2025,
        Decimal(3),
        "AtLeast",
        "pg:TenThousandMu",
    )
    (t,) = real("2021—2025年,新建绿道1000多公里。")
    assert (t.target_year, t.value, t.comparator) == (2025, Decimal(1000), "Above")


def test_thresholds_inside_a_definition_are_no_targets() -> None:
    (t,) = real("到2025年,供热半径30公里范围内的燃煤锅炉全部关停。")
    assert (t.value, t.state) == (None, "Eliminated")
    (t,) = real("到2025年,年旅客吞吐量500万人次以上的机场实现岸电全覆盖。")
    assert (t.value, t.state) == (None, "Covered")
    (t,) = real("到2025年,建成10个以上的美丽海湾。")
    assert (t.value, t.comparator, t.count_noun) == (Decimal(10), "AtLeast", "个")


def test_figures_of_the_past_and_present_are_no_targets() -> None:
    assert real("2020年PM2.5浓度为30微克/立方米。") == []
    assert real("目前约四分之三的行政村未完成生活污水治理。") == []
    assert targets_of("二、任务\n(一)任务。减少电商快件二次包装。") == []


def test_a_review_heading_makes_its_figures_achievements() -> None:
    body = (
        "一、发展基础\n“十三五”时期取得的成效\n全省森林覆盖率达到20.9%。\n"
        "二、主要任务\n(一)任务。到2025年,全省森林覆盖率达到21%。"
    )
    plan = plan_from_text(body, year=2021)
    assert [t.value for t in extract_targets(plan, _real)] == [Decimal(21)]


@pytest.mark.parametrize("heading", ["基础和形势", "基础与形势", "机遇和挑战", "进展和成效"])
def test_a_review_heading_joined_by_he_or_yu_looks_back(heading: str) -> None:
    # 长江经济带生态环境保护规划, 一、基础和形势: 人口和生产总值均超过全国的40% describes it
    body = (
        f"一、{heading}\n长江经济带面积约205万平方公里,人口和生产总值均超过全国的40%。\n"
        "二、主要任务\n(一)任务。到2025年,全省森林覆盖率达到21%。"
    )
    plan = plan_from_text(body, year=2021)
    assert [t.value for t in extract_targets(plan, _real)] == [Decimal(21)]


def test_the_counted_thing_is_the_indicator_never_the_verb() -> None:
    found = real(
        "专栏。(1)以黄河流域为重点,实施150个左右水生态保护修复项目。(3)创建80个左右国家级、省级生态工业园区。"
    )
    assert [t.indicator.label_zh for t in found] == [
        "水生态保护修复项目",
        "国家级、省级生态工业园区",
    ]
    (t,) = real("在淄博、济宁、德州等市完成22个水资源优化调度工程。")
    assert t.indicator.label_zh == "水资源优化调度工程"
    found = real("新建大型公用充电站12座、充电桩3600个。")
    assert [(t.indicator.label_zh, t.value) for t in found] == [
        ("新建大型公用充电站", Decimal(12)),  # 新建 says which quantity
        ("充电桩", Decimal(3600)),
    ]


def test_each_of_a_list_with_jun_and_a_size_naming_a_noun() -> None:
    found = real("坚持“厕污共治”,农村卫生厕所普及率和示范村无害化厕所普及率均达90%以上。")
    assert [(t.indicator.label_zh, t.value, t.comparator) for t in found] == [
        ("农村卫生厕所普及率", Decimal(90), "AtLeast"),
        ("示范村无害化厕所普及率", Decimal(90), "AtLeast"),
    ]
    (t,) = real("到2025年,公园500米服务半径覆盖城区居民区面积比例达80%以上。")
    assert (t.value, t.indicator.label_zh) == (
        Decimal(80),
        "公园500米服务半径覆盖城区居民区面积比例",
    )


def test_lengths_and_areas_of_works_and_land_in_hundred_million_mu() -> None:
    (t,) = real("到2025年岸线整治修复长度约400公里。")
    assert (t.indicator.label_zh, t.value, t.comparator) == ("岸线整治修复长度", 400, "About")
    (t,) = real("到2025年建成高标准农田10.75亿亩。")
    assert (t.value, t.unit, t.state) == (Decimal("10.75"), "pg:HundredMillionMu", None)


def test_a_provinces_prefecture_cities_and_other_counties_are_kinds_of_area() -> None:
    # 山西 五、(一)(二)(四): 设区城市 are not the whole province, nor are 其他县(市)
    (t,) = real("到2025年,各设区城市再生水利用率达到25%以上。")
    assert (t.value, t.scope, t.scope_text, t.indicator.label_zh) == (
        Decimal(25),
        None,
        "设区城市",
        "再生水利用率",
    )
    found = real("设区城市污水处理厂日常运行负荷率不高于80%,其他县(市)不高于85%。")
    assert [(t.value, t.comparator, t.scope_text) for t in found] == [
        (Decimal(80), "AtMost", "设区城市"),
        (Decimal(85), "AtMost", "其他县(市)"),
    ]
    (t,) = real("到2022年,各设区城市建成至少1个高标准的医疗废物集中处置设施。")
    assert (t.value, t.scope_text, t.indicator.label_zh) == (
        Decimal(1),
        "设区城市",
        "医疗废物集中处置设施",
    )
    # a count of them is the places a clause is about, not a goal (山西 六、(四))
    assert [t.value for t in real("到2025年,11个设区城市基本建成生活垃圾分类处理系统。")] == [None]


def test_a_group_of_waters_named_in_quotes_is_a_scope() -> None:
    # 山西 四、(二) and 五: “七河” are the province's seven rivers, no one place
    (t,) = real("到2025年,“七河”流域森林覆盖率达到25%以上。")
    assert (t.value, t.scope, t.scope_text, t.indicator.id) == (
        Decimal(25),
        None,
        "“七河”流域",
        "forest-coverage",
    )
    (t,) = real("到2025年,“七河”干流非汛期生态水量不小于多年平均水量的10%。")
    assert (t.value, t.scope_text) == (Decimal(10), "“七河”干流")
    # 广东 主要目标: a slogan of the plan's layout before 区域发展格局 is no scope
    assert head_categories("“七河”流域森林覆盖率", 0) == (["“七河”流域"], 6)
    assert head_categories("“一核一带一区”区域发展格局加快形成", 0) == ([], 0)


def test_a_threshold_in_a_unit_the_table_lacks_still_defines() -> None:
    # 山西 三、(二): the cities above a dust fall of 9 t/(month·km²) are which cities, no goal
    assert (
        real(
            "城市降尘量最高值高于9吨/月·平方公里的市、县(市、区)开展专项整治。",
        )
        == []
    )


def test_the_numbers_of_a_bodys_sessions_are_no_counts() -> None:
    from plangraph.extract.targets.numbers import _session

    # 九届十一次、十二次全会 and 十四届人大三次会议 number sessions; 召开三次会议 counts meetings
    assert targets_of("二、任务\n(一)任务。按照省委九届十一次、十二次全会部署推进。") == []
    assert targets_of("二、任务\n(一)任务。落实省十四届人大三次会议审议通过的计划。") == []
    text = "每年召开三次会议"
    assert not _session(text, text.index("三"), text.index("会"))


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # an urban-rural kind of area before a verb begins the measure's name, no actor
        ("到2025年,全市城镇新增就业人数2.2万人以上。", "城镇新增就业人数"),
        ("到2025年,进出口总额增长5%左右、城镇新增就业47万人左右。", "城镇新增就业"),
        # 重点 before a noun names a kind of thing (key groups), not a manner of working
        ("到2025年,重点人群签约覆盖率达85%以上。", "重点人群签约覆盖率"),
        ("到2025年,重点水源工程覆盖率达90.8%。", "重点水源工程覆盖率"),
        ("到2025年,重点推进污水管网建设100公里。", "污水管网建设"),
    ],
)
def test_the_words_that_begin_a_measures_name_stay_in_it(sentence: str, label: str) -> None:
    found = targets_of("二、任务\n(一)任务。" + sentence)
    assert found[-1].indicator.label_zh == label


def test_events_held_are_counted_in_their_measure_word() -> None:
    (t,) = targets_of("二、任务\n(一)任务。到2025年,全年开展乡村旅游活动40场以上。")
    assert (t.value, t.count_noun, t.comparator) == (40, "场", "AtLeast")
    (t,) = targets_of("二、任务\n(一)任务。到2025年,开展10场地质灾害防治知识科普宣传活动。")
    assert (t.value, t.count_noun) == (10, "场")


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # the built-up part of a city or county heads the measure: the target holds there
        ("到2025年,城区生活垃圾回收利用率达到40%以上。", ["城区"]),
        ("到2025年,市区公办幼儿园在园幼儿占比达到60%,县(市)达到50%。", ["市区", "县(市)"]),
        ("到2025年,主城区新建口袋公园20个。", ["主城区"]),
        # the part's own size measures nothing in it
        ("到2025年,城区常住人口达到50万人。", [None]),
    ],
)
def test_the_urban_part_of_a_city_scopes_its_targets(
    sentence: str, kinds: list[str | None]
) -> None:
    found = targets_of("二、任务\n(一)任务。" + sentence)
    assert [t.scope_text for t in found] == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # each unit of a level a task is handed down to: the goal holds in each of them
        ("到2025年,各县市区至少建成1个城市书房。", ["县市区"]),
        ("到2025年,每个乡镇建成1所标准化卫生院。", ["乡镇"]),
        ("到2025年,其余各镇(街道)打造3个示范村。", ["镇(街道)"]),
        ("到2025年,各区、县(市)至少建成1个养老服务中心。", ["区、县(市)"]),
    ],
)
def test_each_unit_of_a_level_scopes_its_targets(sentence: str, kinds: list[str]) -> None:
    found = targets_of("二、任务\n(一)任务。" + sentence)
    assert [t.scope_text for t in found] == kinds


def test_each_unit_needs_a_verb_after_it() -> None:
    # 各市场主体, 各区县政府: the level begins a longer noun, which names no unit
    assert head_categories("各市场主体新增研发投入10亿元", 0) == ([], 0)
    assert head_categories("各区县政府要完成3项任务", 0) == ([], 0)
    # a list's number before the kind: (10)城区新建便民市场5处
    assert head_categories("(10)城区新建便民市场5处", 0) == (["城区"], 6)


def test_a_measure_for_towns_and_another_for_the_countryside() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2025年,城镇家长培训覆盖率达到90%以上,农村家长培训覆盖率达到80%以上。"
    )
    assert [(t.value, t.scope_text) for t in found] == [(90, "城镇"), (80, "农村")]
    # one part alone begins the indicator's name (农村自来水普及率), and two measures of
    # their own are no split of one measure
    found = targets_of(
        "二、任务\n(一)任务。到2025年,农村自来水普及率达到90%,城镇污水处理率达到95%。"
    )
    assert [t.scope_text for t in found] == [None, None]


def test_a_place_after_a_mirrors_junk_heads_its_clause() -> None:
    # a forum mirror's anti-copy junk before the line: the place after it is the scope
    found = targets_of(
        "二、任务\n(一)任务。到2025年,广州市优良天数300天;1 \\- r7 r$ B9 o0 t 深圳市优良天数310天。"
    )
    assert [(t.value, t.scope) for t in found] == [(300, "guangzhou"), (310, "shenzhen")]
    # a measure's Latin name is no junk
    assert head_categories("PM 2.5 浓度", 0) == ([], 0)


def test_a_number_of_divisions_before_a_measure_scopes_it() -> None:
    # the measure is taken over the divisions counted: 山区26县旅游产业增加值, 10市平均优良天数
    assert head_categories("山区26县旅游产业增加值年均增长9%以上", 0) == (["山区26县"], 5)
    assert head_categories("10市平均优良天数287.3天", 0) == (["10市"], 3)
    # a count that is the goal itself, or a count of things built, is no scope
    assert head_categories("30个县达到国家全域旅游示范区标准", 0) == ([], 0)
    assert head_categories("3个区新建公园5个", 0) == ([], 0)
    # 市考 (assessed by the city) begins the noun counted: 70个市考以上断面水质优良率
    assert head_categories("70个市考以上断面水质优良率提升到65.7%", 0) == ([], 0)
