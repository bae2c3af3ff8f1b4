"""Phrasings of real provincial, municipal and ministry plans that used to be misread (issue
12): shares of things that reach a state, counts listed one noun each, totals, rivers named
after districts, slogans, notes under tables, project profiles, kinds of area as scopes, and
commitments without a number that 确保 or 等 govern.  Each excerpt is printed so in a plan of
the development set; the expected reading was checked against the plan."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pyoxigraph as ox
from target_helpers import plan_from_text
from target_helpers import real_resolve as _real

from plangraph import model
from plangraph.extract.targets import extract_targets
from plangraph.graph import corpus_triples

FYP_TITLE = "某市“十四五”生态环境保护规划"


def found(body: str, title: str = FYP_TITLE, year: int | None = 2021) -> list[model.Target]:
    plan = dataclasses.replace(plan_from_text(body, year=year), title=title)
    return list(extract_targets(plan, _real))


def task(sentence: str, title: str = FYP_TITLE) -> list[model.Target]:
    return found("二、任务\n(一)任务。" + sentence, title)


def numeric(sentence: str) -> list[model.Target]:
    return [t for t in task(sentence) if t.value is not None]


# --------------------------------------------------------------------------- what is measured


def test_a_share_of_things_reaching_a_state_names_the_state() -> None:
    # 广东省生态文明建设“十四五”规划
    (t,) = numeric("到2025年,持证在采矿山100%达到绿色矿山建设标准。")
    assert (t.value, t.unit) == (Decimal(100), "qudt:PERCENT")
    assert t.indicator.label_zh == "持证在采矿山达到绿色矿山建设标准的比例"
    (t,) = numeric("到2025年,粤东西北地区80%以上行政村、珠三角地区全部行政村达到美丽宜居村标准。")
    assert (t.value, t.comparator, t.scope) == (Decimal(80), "AtLeast", "yuedongxibei")
    assert t.indicator.label_zh == "行政村达到美丽宜居村标准的比例"
    # 山东省“十四五”应对气候变化规划
    (t,) = numeric("2025年底前省级、市级、县(市、区)级党政机关80%以上单位达到创建要求。")
    assert "达到创建要求" in t.indicator.label_zh


def test_the_object_of_a_verb_before_a_count_is_what_is_counted() -> None:
    # 巴中市“十四五”生态环境保护规划
    ts = numeric(
        "建成市级公立野生动物收容救护机构1个、区县野生动物收容救护点5个,"
        "提升林业有害生物检测实验室1个。"
    )
    assert [(t.value, t.indicator.label_zh) for t in ts][-1] == (
        Decimal(1),
        "林业有害生物检测实验室",
    )


def test_each_count_of_a_list_counts_the_noun_after_it() -> None:
    # 山西省“十四五”“两山七河一流域”…规划
    ts = numeric("到2025年,培育30个省级乡村康养基地、20个康养小镇、100个康养社区和100个康养村落。")
    assert [(t.value, t.indicator.label_zh) for t in ts] == [
        (Decimal(30), "省级乡村康养基地"),
        (Decimal(20), "康养小镇"),
        (Decimal(100), "康养社区"),
        (Decimal(100), "康养村落"),
    ]


def test_a_total_counts_what_follows_it() -> None:
    # 巴中: 共21个; 山东: 等16条
    (t,) = numeric(
        "实施县级以上城市集中式饮用水源及通江县、巴州区共21个“千吨万人”规模以上乡镇"
        "集中式饮用水水源地水质自动监测预警系统。"
    )
    assert t.value == Decimal(21) and t.indicator.label_zh.endswith("自动监测预警系统")
    (t,) = numeric(
        "(1)新(改)建水发国际物流铁路专用线、山东钢铁集团日照有限公司铁路专用线等16条铁路专用线。"
    )
    assert (t.value, t.count_noun, t.indicator.label_zh) == (Decimal(16), "条", "铁路专用线")


def test_a_river_names_no_quantity() -> None:
    # 巴中: the district heads the project, the river is where, 河道生态修复 what
    (t,) = numeric("恩阳区之字河实施11千米河道生态修复。")
    assert (t.value, t.scope, t.indicator.label_zh) == (Decimal(11), "enyang", "河道生态修复")


def test_an_adverb_before_the_verb_is_no_part_of_the_indicator() -> None:
    # 山西: 新建建筑能效再提升20%
    (t,) = numeric("到2025年,新建建筑能效再提升20%。")
    assert (t.indicator.label_zh, t.direction) == ("新建建筑能效", "Increase")


def test_a_coefficient_has_no_unit() -> None:
    # 广东: 农田灌溉水有效利用系数达到0.535 (the eval schema's ratio: no unit)
    (t,) = numeric("到2025年,全省农田灌溉水有效利用系数达到0.535。")
    assert (t.value, t.unit) == (Decimal("0.535"), None)


# --------------------------------------------------------------------------- where


def test_a_river_named_after_a_district_is_the_river() -> None:
    # 巴中: 恩阳河 is a river, not the district 恩阳 followed by 河; a river speaks for its
    # own clause only
    first, second = numeric(
        "恩阳河修复河道缓冲带生态保护面积252170m2,生态河堤保护及修复共计15.8千米。"
    )
    assert first.value == Decimal(252170) and first.scope not in (None, "enyang")
    assert (second.value, second.scope) == (Decimal("15.8"), None)


def test_sites_listed_with_a_river_share_the_amount() -> None:
    # 巴中: the river is one site among others (等地): no one of them is the scope
    (t,) = numeric("鹿溪河、琵琶滩大桥、起凤桥等地新建生态湿地约300亩。")
    assert (t.value, t.comparator, t.scope, t.indicator.label_zh) == (
        Decimal(300),
        "About",
        None,
        "新建生态湿地",  # 新建 says which quantity: the wetland made new
    )


def test_an_everyday_word_is_no_district() -> None:
    # 国家适应气候变化战略2035: 滨海湿地 is coastal wetland, not 天津滨海新区
    (t,) = numeric("到2035年,滨海湿地整治修复面积约5万公顷。")
    assert (t.scope, t.unit, t.comparator) == (None, "pg:TenThousandHA", "About")


def test_a_kind_of_area_is_the_scope_in_the_graph() -> None:
    # 呼和浩特: 旗县区政府所在地 is a kind of area; 城市 alone scopes nothing
    plan = dataclasses.replace(
        plan_from_text(
            "二、任务\n(一)任务。到2025年,旗县区政府所在地道路机械化清扫率达到80%以上,"
            "实现城市7-10天预报。",
            year=2021,
        ),
        title=FYP_TITLE,
    )
    targets = extract_targets(plan, _real)
    assert [(t.scope, t.scope_text) for t in targets] == [
        (None, "旗县区政府所在地"),
        (None, None),
    ]
    extraction = model.Extraction(targets=targets)
    store = ox.Store()
    quads = corpus_triples(model.Corpus((plan,), extraction))
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in quads)
    rows = list(
        store.query(
            """PREFIX pg: <https://w3id.org/plangraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label WHERE { ?t pg:scope ?a . ?a a pg:AreaCategory ; rdfs:label ?label }"""
        )
    )
    assert [r["label"].value for r in rows] == ["旗县区政府所在地"]


def test_a_count_of_divisions_after_their_names_counts_those_places() -> None:
    # 广东: 博罗惠东龙门三县 are the three counties just named
    assert numeric("到2025年,推进惠州市博罗惠东龙门三县、江门市台山市开展生态修复。") == []


# --------------------------------------------------------------------------- not a goal


def test_a_slogan_of_round_numerals_counts_nothing() -> None:
    # 巴中: 实施“百千万引才工程”,形成百名…、千名…、万名…集聚态势
    assert (
        numeric("到2025年,形成百名高层次人才领航、千名专业人才支撑、万名产业人才集聚态势。") == []
    )


def test_the_notes_under_a_table_set_nothing() -> None:
    # 广东: the notes printed under the 主要指标 table
    body = (
        "二、任务\n(一)任务。\n"
        "注:1.带[ ]指标为规划期内五个年度的累计数。\n"
        "2.带*指标数据为2020年初步数据。\n"
        "3.“十四五”时期我省地表水国考断面调整为149个。\n"
        "到2025年,森林覆盖率达到58.9%。"
    )
    assert [t.value for t in found(body)] == [Decimal("58.9")]


def test_a_paragraph_profiling_one_project_sets_nothing() -> None:
    # 山东: a 专栏 of CCUS projects, each profiled by 项目所在地为…
    body = (
        "二、任务\n(一)任务。\n"
        "鲁西化工集团股份有限公司甲醇洗装置节能减排尾气资源化利用工程。项目所在地为聊城化工产业园,"
        "以甲醇洗装置的放空尾气作为原料气,达到年回收20万吨食品级液体CO2规模。\n"
        "到2025年,新增碳捕集能力100万吨。"
    )
    assert [t.value for t in found(body) if t.value is not None] == [Decimal(100)]


def test_the_problems_a_plan_faces_look_back() -> None:
    # 山西: under （二）“十四五”面临的主要问题, figures describe the present
    body = (
        "一、发展基础\n(二)“十四五”面临的主要问题\n"
        "黄河流域3000多座历史遗留废弃矿山有待修复。\n"
        "二、任务\n(一)任务。到2025年,森林覆盖率达到25%。"
    )
    assert [t.value for t in found(body)] == [Decimal(25)]


# --------------------------------------------------------------------------- no number


def test_a_leading_commitment_governs_the_rest_of_the_sentence() -> None:
    # 呼和浩特: 确保 opens a list of states, in a plan whose period gives the deadline
    ts = task(
        "大力推进哈素海生态保护与修复,确保水量保持在合理区间,水质基本稳定,水生态得到有效恢复。"
    )
    assert any("水生态得到有效恢复" in t.quote.text for t in ts)
    assert all(t.target_year == 2025 for t in ts)


def test_states_reached_without_a_number() -> None:
    # 得到基本保障 as 得到有效保障 (呼和浩特 prints it of 土壤环境安全, which names no
    # measure and stays none, as the seed's 供水和饮水安全得到保障 does)
    (t,) = task("到2025年,受污染耕地安全利用得到基本保障。")
    assert t.state == "Secured"
    # 呼和浩特: 改造后 is a time, not the verb 改造
    (t,) = task("到2025年,力争改造后单位产品能耗达到国家能耗限额标准先进值。")
    assert (t.state, t.indicator.label_zh, t.aspirational) == (
        "StandardMet",
        "改造后单位产品能耗",
        True,
    )


def test_progress_named_at_the_end_of_a_long_list() -> None:
    # 工业领域碳达峰实施方案
    (t,) = task("到2030年,实现窑炉碳捕集利用封存技术产业化示范。")
    assert t.indicator.label_zh == "窑炉碳捕集利用封存技术"
    (t,) = task(
        "到2025年,一体化压铸成形、无模铸造、超高强钢热成形、精密冷锻、异质材料焊接、"
        "轻质高强合金轻量化、激光热处理等先进近净成形工艺技术实现产业化应用。"
    )
    assert t.indicator.label_zh == "先进近净成形工艺技术"


def test_a_fall_faster_than_another_is_a_decrease() -> None:
    # 工业领域碳达峰实施方案
    ts = task(
        "到2025年,规模以上工业单位增加值能耗较2020年下降13.5%,"
        "单位工业增加值二氧化碳排放下降幅度大于全社会下降幅度。"
    )
    (t,) = [t for t in ts if t.value is None]
    assert (t.direction, t.target_year) == ("Decrease", 2025)
    assert "二氧化碳排放" in t.indicator.label_zh


# --------------------------------------------------------------------------- 山西 (no gold)


def test_what_a_count_counts_after_its_description() -> None:
    # 山西省“十四五”“两山七河一流域”…规划: the head noun after the last 的
    (t,) = numeric(
        "到2025年,建成10个以上规模效益显著、专业特色鲜明、综合竞争力较强的特色环保产业基地。"
    )
    assert (t.value, t.comparator, t.indicator.label_zh) == (
        Decimal(10),
        "AtLeast",
        "特色环保产业基地",
    )
    (t,) = numeric("到2022年,各设区城市建成至少1个高标准的医疗废物集中处置设施。")
    assert (t.comparator, t.indicator.label_zh) == ("AtLeast", "医疗废物集中处置设施")
    (t,) = numeric("“十四五”期间,全面保护全省5600万亩永久性公益林。")
    assert (t.value, t.unit, t.indicator.label_zh) == (
        Decimal(5600),
        "pg:TenThousandMu",
        "永久性公益林",
    )


def test_a_basin_is_its_river_and_a_class_reached_is_no_verb() -> None:
    # 山西: 沁河流域 is scoped to 沁河; 达到或优于Ⅲ类 names the sections counted
    t, share = numeric("到2025年,沁河流域达到或优于Ⅲ类水质断面达到9个(占比100%)。")
    assert (t.value, t.indicator.label_zh) == (Decimal(9), "达到或优于Ⅲ类水质断面")
    assert t.scope is not None
    # the share in brackets is a target of its own, for the same basin
    assert (share.value, share.unit, share.scope) == (Decimal(100), "qudt:PERCENT", t.scope)


def test_a_count_of_places_the_clause_is_about_is_no_goal() -> None:
    # 山西: 11个设区城市 are the cities that reach the state, 9市49县 the places named
    assert numeric("到2025年,11个设区城市基本建成生活垃圾分类处理系统。") == []
    assert (
        numeric(
            "到2025年,全面推进太行山北段生态建设区和太行山中段生态恢复区等五大区域9市49县生态建设。"
        )
        == []
    )


def test_a_deadline_long_passed_is_the_past() -> None:
    # 国家适应气候变化战略2035 (2022) recalls its 2013 predecessor: 明确了2014至2020年…
    body = (
        "二、任务\n(一)任务。2013年我国首次发布《国家适应气候变化战略》,明确了2014至2020年"
        "适应气候变化的总体要求。我国适应气候变化工作取得积极成效。"
    )
    assert found(body, title="国家适应气候变化战略2035", year=2022) == []


def test_moving_into_parks_is_a_state_of_who_moves() -> None:
    # 支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案
    ts = task("到2025年,推动黄河岸线1公里范围内高污染企业全部迁入合规园区。")
    assert [(t.value, t.state, t.indicator.label_zh) for t in ts] == [
        (None, "Completed", "黄河岸线1公里范围内高污染企业")
    ]


def test_a_slogans_figure_in_brackets_after_its_quote() -> None:
    # 山西 二、(三)主要目标: the figure that says what the slogan means is the target
    (t,) = numeric("到2025年,细颗粒物浓度力争进入“3时代”(低于40微克/立方米)。")
    assert (t.value, t.comparator, t.indicator.id, t.aspirational) == (
        Decimal(40),
        "Below",
        "pm25",
        True,
    )


def test_indicators_named_as_printed() -> None:
    # 山西 五、(四) and 六、(二): a treatment rate is not the water bodies eliminated, and a
    # resource-use rate is printed so (the reader's key), not as 综合利用率
    (t,) = numeric("到2025年,纳入国家监管清单的农村黑臭水体治理率达到40%左右。")
    assert (t.indicator.id, t.comparator) == ("black-odorous-water-treatment-rate", "About")
    assert t.indicator.label_zh == "农村黑臭水体治理率"  # as printed (sixth round)
    (t,) = numeric("到2025年,畜禽粪污资源化利用率达到80%以上。")
    assert t.indicator.label_zh == "畜禽粪污资源化利用率"
    (t,) = numeric("到2025年,畜禽粪污综合利用率达到90%以上。")  # 呼和浩特, 巴中
    assert t.indicator.label_zh == "畜禽粪污综合利用率"


def test_a_short_subject_that_is_no_place_is_its_own_measure() -> None:
    # excerpt 15 (上海, 制造业三年行动): 工业投资 is four characters, yet no name of where
    found = numeric(
        "到2025年,工业增加值超过1.3万亿元,占地区生产总值比重达25%以上,工业投资年均增长5%。"
    )
    assert [(t.value, t.indicator.label_zh) for t in found][2] == (Decimal(5), "工业投资")
    # 建制镇 after a target is where, and takes the previous measure (the seed's phrasing,
    # test_targets.py)
    (first, town) = numeric("到2025年,县城污水处理率达到95%,建制镇达到70%。")
    assert town.indicator == first.indicator


def test_coal_used_per_kilowatt_hour() -> None:
    # 江苏 (provincial climate plan): 供电煤耗 in grams of standard coal per kWh
    found = numeric(
        "到2025年,煤电装机占比下降至50%左右,煤电机组供电煤耗比2020年下降2克标准煤/千瓦时。"
    )
    assert [(t.value, t.unit, t.base_year, t.direction) for t in found][1] == (
        Decimal(2),
        "pg:GramCoalEquivalentPerKiloWattHour",
        2020,
        "Decrease",
    )


def test_the_preposition_fronting_what_is_measured_is_no_part_of_it() -> None:
    # 山西 两山七河一流域 规划: 将…分别控制在 fronts the two rates with 将
    targets = numeric("到2025年，将森林草原火灾受害控制率和有害生物成灾率分别控制在0.5‰和3‰以下。")
    assert [(t.indicator.label_zh, str(t.value), t.unit) for t in targets] == [
        ("森林草原火灾受害控制率", "0.5", "qudt:PERMILLE"),
        ("有害生物成灾率", "3", "qudt:PERMILLE"),
    ]
