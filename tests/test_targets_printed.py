"""Targets as the genre prints them (issue 12, sixth round): the indicator labelled by the
name the plan prints for it, a head shared by two measured things, kinds of area named
together, a share or a capacity after a listed name, a worsening that is curbed, 在…的基础上,
an index's bare figure and the period a title prints.

Each sentence is quoted from a real text of the development sets (named above it) and each
rule is checked on a sentence of the same kind from another text where one exists."""

from __future__ import annotations

from decimal import Decimal

from target_helpers import real_targets, targets_of

from plangraph import model
from plangraph.extract.targets import one_label_each
from plangraph.extract.targets.years import period_start


def goals(paragraphs: str, year: int = 2019) -> list[model.Target]:
    return targets_of("一、主要目标\n" + paragraphs, year=year)


def numeric(ts: list[model.Target]) -> list[tuple[Decimal | None, str]]:
    return [(t.value, t.indicator.label_zh) for t in ts if t.value is not None]


def test_the_indicator_is_labelled_as_the_plan_prints_it() -> None:
    # excerpts6/02 (山东碳达峰实施方案): the table's row is 非化石能源消费占比
    (t,) = goals("到2025年,非化石能源消费比重提高至13%左右。", year=2022)
    assert t.indicator.id == "non-fossil-share"
    assert t.indicator.label_zh == "非化石能源消费比重"
    # excerpts6/12 (泸州节能减排): two printed names, two rows, each as printed
    ts = goals("到2020年,单位GDP用水量、单位工业增加值用水量比2015年降低20%。", year=2017)
    assert [label for _, label in numeric(ts)] == ["单位GDP用水量", "单位工业增加值用水量"]
    # excerpts/ (上海碳达峰): 重度及以上污染天数, not the row's 重度污染天气
    ts = goals("到2025年,人为因素导致的重度及以上污染天数减少30%。", year=2022)
    assert numeric(ts) == [(Decimal(30), "重度及以上污染天数")]


def test_a_stem_kept_for_matching_keeps_the_rows_label() -> None:
    # "劣Ⅴ类" alone names no whole measure: the row's label stays
    (t,) = goals("到2020年,劣Ⅴ类水体比例控制在5%以内。", year=2017)
    assert t.indicator.label_zh == "劣Ⅴ类水体比例"


def test_one_label_per_indicator_the_commonest() -> None:
    ts = goals(
        "到2025年,非化石能源消费比重达到20%。\n"
        "到2030年,非化石能源消费比重达到25%,非化石能源消费占比力争更高。\n"
        "到2035年,非化石能源占比达到30%。",
        year=2021,
    )
    labels = {t.indicator.label_zh for t in ts if t.indicator.id == "non-fossil-share"}
    assert labels == {"非化石能源消费比重"}
    # across plans too: the corpus-wide pass leaves one label per id
    again = one_label_each([*ts, ts[-1]])
    assert len({t.indicator.label_zh for t in again if t.indicator.id == "non-fossil-share"}) == 1


def test_a_head_shared_by_two_measured_things() -> None:
    # excerpts5/13 (肥城土壤污染防治): one value for each of the two, the shared head
    # 安全利用率 (not 利用率: 受污染耕地利用率 is no measure)
    ts = goals(
        "到2020年,受污染耕地和污染地块安全利用率达到90%左右。"
        "到2030年,受污染耕地和污染地块安全利用率达到95%左右。",
        year=2017,
    )
    assert numeric(ts) == [
        (Decimal(90), "受污染耕地安全利用率"),
        (Decimal(90), "污染地块安全利用率"),
        (Decimal(95), "受污染耕地安全利用率"),
        (Decimal(95), "污染地块安全利用率"),
    ]
    assert [t.target_year for t in ts] == [2020, 2020, 2030, 2030]
    # the same kind in 广东生态文明: two named measures, 分别
    ts = goals("到2025年,全省受污染耕地安全利用率和污染地块安全利用率分别达到92%和93%以上。")
    assert numeric(ts) == [
        (Decimal(92), "受污染耕地安全利用率"),
        (Decimal(93), "污染地块安全利用率"),
    ]


def test_kinds_of_area_named_together_share_one_level() -> None:
    # excerpts8/01 (上海能源“十三五”): one target for 中心城区及重点区域
    ts = goals("到2020年,力争中心城区及重点区域供电可靠性达到99.993%。", year=2017)
    assert [(t.value, t.scope_text, t.aspirational) for t in ts] == [
        (Decimal("99.993"), "中心城区及重点区域", True)
    ]
    # 分别 still gives each its own (宁夏黄河先行区)
    ts = goals("到2025年,地级市、县城生活污水处理率分别达到98%、95%以上。", year=2022)
    assert [(t.value, t.scope_text) for t in ts] == [(Decimal(98), "地级市"), (Decimal(95), "县城")]


def test_a_share_or_capacity_after_a_listed_name_is_its_own_measure() -> None:
    # excerpts8/06 (地下水污染防治实施方案): not 地下水水质
    (t,) = goals("到2020年,全国地下水质量极差比例控制在15%左右。")
    assert t.indicator.label_zh.endswith("地下水质量极差比例")
    assert t.comparator == "About"
    # excerpts8/08 (城镇生活垃圾分类设施“十四五”): a capacity, not the sorting coverage
    (t,) = goals("到2025年,全国生活垃圾分类收运能力达到70万吨/日左右。", year=2021)
    assert t.indicator.id != "waste-sorting-coverage"
    assert "收运能力" in t.indicator.label_zh
    # a listed name whose own pattern closes the subject is still that measure
    (t,) = goals("到2025年,地表水水质优良比例达到80%。", year=2021)
    assert t.indicator.id == "good-water-ratio"


def test_a_worsening_curbed_is_a_commitment() -> None:
    # excerpts8/06: 加剧趋势得到初步遏制, and sources 得到初步监控
    ts = goals(
        "到2020年,典型地下水污染源得到初步监控,地下水污染加剧趋势得到初步遏制。"
        "到2025年,地下水污染加剧趋势得到有效遏制。"
    )
    assert [(t.indicator.label_zh, t.state, t.target_year) for t in ts] == [
        ("典型地下水污染源", None, 2020),
        ("地下水污染加剧趋势", "Curbed", 2020),
        ("地下水污染加剧趋势", "Curbed", 2025),
    ]
    # a growth that stops is still none (用水总量增长得到控制)
    assert goals("到2020年,用水总量增长得到控制。") == []


def test_the_ground_of_the_next_goal_is_no_noun() -> None:
    # excerpts8/02 (河北农村生活污水治理工作方案): 在今年底完成…的基础上
    ts = goals(
        "提出在今年底完成1.2万个村庄生活污水治理、3.5万个村庄污水乱排乱倒得到有效管控的基础上,"
        "到2025年,全省新增1.1万个、累计2.3万个村庄生活污水得到有效治理。",
        year=2021,
    )
    first = ts[0]
    assert (first.value, first.target_year) == (Decimal(12000), 2021)
    assert first.indicator.label_zh == "村庄生活污水治理"


def test_an_index_and_a_coal_rate_as_printed() -> None:
    # excerpts8/03 (扬州工业经济“十四五”): an index's bare figure
    ts = goals("到2025年,建成省级以上企业技术中心400家,两化融合发展水平指数达65。", year=2021)
    assert (Decimal(65), "两化融合发展水平指数") in numeric(ts)
    (index,) = [t for t in ts if t.value == 65]
    assert index.unit is None and index.comparator == "Exactly"
    # excerpts8/01: 供电煤耗 in 克/千瓦时, as energy plans print it
    (t,) = goals("到2020年,力争全市火电机组平均供电煤耗下降到296克/千瓦时左右。", year=2017)
    assert (t.value, t.unit, t.comparator) == (
        Decimal(296),
        "pg:GramCoalEquivalentPerKiloWattHour",
        "About",
    )
    # a figure after 指数 that is a year is none
    assert numeric(goals("到2025年,生态环境状况指数2020年为基准保持稳定。", year=2021)) == []


def test_the_period_a_title_prints_starts_the_plan() -> None:
    assert period_start("河北省农村生活污水治理工作方案(2021-2025年)") == 2021
    assert period_start("湖北省高标准农田建设规划(2021—2030年)") == 2021
    assert period_start("“十四五”生态环境保护规划") == 2021
    assert period_start("2025年工作要点") is None


def test_places_named_together_still_one_target() -> None:
    # the rule for kinds of area follows the places' (京津冀及周边地区、汾渭平原)
    ts = real_targets("一、主要目标\n到2025年,北京、天津细颗粒物浓度下降10%。")
    assert len([t for t in ts if t.value is not None]) == 1


def test_an_indicator_table_on_its_side_flattened_with_bars() -> None:
    # excerpts8/09 (乡村振兴战略规划 主要指标, on 益阳's site): header words in the first
    # column, one indicator per column, blocks of 主要指标 / 2022年目标值 / 属性
    body = (
        "一、主要指标\n"
        "主 要 指 标 |\n"
        "粮食综合生产能力 | 农业科技进步贡献率 | 农业劳动生产率 | 农产品加工产值与农业产值比 |\n"
        "2022 年 目 标 值 |\n"
        ">6亿吨 | 61.5% | 5.5万元/人 | 2.5 |\n"
        "属 性 | 约束性 | 预期性 | 预期性 | 预期性 |"
    )
    ts = targets_of(body, year=2018)
    assert [(t.value, t.unit, t.comparator, t.target_year, t.binding) for t in ts] == [
        (Decimal(6), "pg:HundredMillionTonne", "Above", 2022, True),
        (Decimal("61.5"), "qudt:PERCENT", "Exactly", 2022, False),
        # 5.5万元/人: money per person (not 万元)
        (Decimal("5.5"), "pg:TenThousandYuanPerPerson", "Exactly", 2022, False),
        (Decimal("2.5"), None, "Exactly", 2022, False),
    ]
    assert [t.quote.text for t in ts] == [">6亿吨", "61.5%", "5.5万元/人", "2.5"]
    assert ts[0].indicator.label_zh == "粮食综合生产能力"
    # a row of values for a year before the plan's reviews the last plan
    assert targets_of(body.replace("2022 年", "2017 年"), year=2018) == []


def test_a_clause_cut_off_at_the_end_of_a_text_states_no_goal() -> None:
    # excerpts5/17 (江西水污染防治工作计划, cut at 84.90): the pairs of 分别 are lost
    cut = "一、工作目标\n2020年年底,国家考核的珠江、长江流域断面水质优良比例分别达到100%和84.90"
    assert targets_of(cut, year=2020) == []
    # the clauses before the cut one still do (excerpts/10, 宁海县: …达到97%以上,设施)
    ts = targets_of("一、主要目标\n到2025年,城市污水处理率达到97%以上,设施", year=2021)
    assert [t.value for t in ts] == [Decimal(97)]
    # and a text that ends with its sentence is whole
    assert [t.value for t in targets_of(cut + "%。", year=2020)] == [Decimal(100), Decimal("84.90")]


def test_a_count_after_the_kinds_it_totals_names_no_goal() -> None:
    # excerpts8/08 (“十四五”城镇生活垃圾分类和处理设施发展规划): 46 is how many cities
    ts = goals(
        "到2025年底,直辖市、省会城市和计划单列市等46个重点城市生活垃圾分类和处理能力进一步提升。",
        year=2021,
    )
    assert [t.value for t in ts if t.value is not None] == []
    # a count of works after the kinds it totals is still one (新建污水处理厂等10个项目)
    ts = goals("到2025年,新建污水处理厂等10个项目。", year=2021)
    assert [t.value for t in ts] == [Decimal(10)]


def _excerpt_numeric(name: str) -> list[tuple[Decimal | None, str]]:
    from pathlib import Path

    from target_helpers import real_resolve

    from plangraph.extract.targets import extract_targets
    from plangraph.read import read_plans

    (plan,) = read_plans([Path(__file__).parent / "realplans" / "excerpts8" / name])
    return [
        (t.value, t.quote.text) for t in extract_targets(plan, real_resolve) if t.value is not None
    ]


def test_a_goal_a_report_states_twice_is_one() -> None:
    # excerpts8/03 (扬州“十四五”工业经济, a news report): the lead sums up the goals the
    # quoted bullets then state: each goal once (its sub-heading 全部工业开票销售保9000亿元
    # 力争超万亿元, in the body, is still read: only a page's title gives way)
    found = _excerpt_numeric("03-yangzhou-industrial-economy-14fyp.txt")
    values = [value for value, _ in found]
    assert values.count(Decimal(7)) == 1
    assert values.count(Decimal(8)) == 1
    assert (Decimal(400), "建成省级以上企业技术中心400家") in found
    # excerpts8/06 (地下水污染防治实施方案, news): the lead's 2020 goal again in the body
    found = _excerpt_numeric("06-national-groundwater-pollution-prevention-plan-2019.txt")
    assert [value for value, _ in found] == [Decimal(15), Decimal(85)]


def test_a_page_title_gives_way_to_the_texts_figure_but_a_table_row_does_not() -> None:
    # a news page's title bar restates the goal of its text (贵州:2017年将完成造林绿化15万亩)
    page = "一、主要目标\n贵州:2017年将完成造林绿化15万亩\n到2017年,完成造林绿化15万亩。"
    assert [t.quote.text for t in targets_of(page, year=2016)] == ["完成造林绿化15万亩"]
    # further down, the same short line is no page title: its goal is kept (the text's
    # sentence after it states the same goal of the same indicator, 造林绿化, in the same
    # words within one part, and is one with it, see repeats.py)
    later = "一、主要目标\n到2025年,完成人工造林5万亩。\n" + page.split("\n", 1)[1]
    assert [t.quote.text for t in targets_of(later, year=2016)] == [
        "完成人工造林5万亩",
        "2017年将完成造林绿化15万亩",
    ]
