"""Indicator tables (``extract/targets/tables.py``): one target per row of a 主要指标 table.

The rows below are copied from the real plans of the development set (山东省“十四五”应对气候
变化规划, 巴中市“十四五”生态环境保护规划, 广东省生态文明建设“十四五”规划), as the readers hand
them on: one line per row, cells separated by TAB, the empty cells at a line's ends dropped.
"""

from __future__ import annotations

from decimal import Decimal

from target_helpers import plan_from_text

from plangraph import model
from plangraph.extract.targets import extract_targets
from plangraph.extract.targets.tables import read_header, table_rows
from plangraph.graph import corpus_triples

SHANDONG = """\
二、主要目标
山东省“十四五”应对气候变化主要指标
指标\t2020年\t2025年\t指标属性
(一)总体指标
1.单位地区生产总值二氧化碳排放较2020年降低(%)\t—\t完成国家分解任务\t约束性
(二)能源领域
3.煤炭消费总量(亿吨)\t3.88\t完成国家分解任务\t约束性
4.非化石能源消费比重(%)\t7.6\t13左右\t预期性
(三)建筑领域
5.累计新增绿色建筑面积(亿平方米)\t1.38\t[5]\t预期性
(四)交通领域
6.营运车辆单位周转量二氧化碳排放较2020年下降(%)\t—\t5\t预期性
(五)农业领域
8.高标准农田累计建成面积(万亩)\t6113\t[7791]\t约束性
11.湿地保护率(%)\t≥60\t≥60\t预期性
注:①[]内为累计值。②具体目标最终以国家分解任务为准。
"""

BAZHONG = """\
二、主要目标
类别\t序号\t指标名称\t2020年基准值\t2025年目标\t指标属性
(一)生态环境质量改善\t1\t地级及以上城市空气质量优良天数比率(%)\t96.7\t完成省考核目标\t约束性
2\t地级及以上城市细颗粒物(PM2.5)浓度(μg/m3)\t28.1\t<27.0\t约束性
(二)生态保护\t11\t生态保护红线、自然保护地\t-\t未经依法审批,面积不减少\t约束性
14\t森林覆盖率(%)\t63\t>63\t约束性
25\t行政村农村生活污水有效治理比例(%)\t54\t≥75\t约束性
"""

GUANGDONG = """\
二、主要目标
类别\t评价内容\t序号\t指标\t\t2015年基期数\t2020年目标值\t2020年实际值\t指标属性
生态空间\t(一)国土空间优化\t1\t森林覆盖率(%)\t\t56.92\t58.66\t58.66\t约束性
3\t湿地保护率(%)\t\t48.12\t50\t50.27\t约束性
一级指标\t二级指标\t2020年\t2025年\t属性
生态系统质量\t14.森林覆盖率(%)\t58.66\t58.9\t约束性
17.碧道长度(公里)\t773\t≥7800\t预期性
绿色生活方式\t20.公共交通占机动化出行比例(%)\t41.6*\t珠三角地区:50\t预期性
粤东西北地区:25
"""

PLACES = {"珠三角": "prd", "珠三角地区": "prd"}


def rows_of(body: str, year: int = 2021) -> list[model.Target]:
    plan = plan_from_text(body, year=year)
    return list(extract_targets(plan, PLACES.get))


def test_header_columns() -> None:
    header = read_header(("类别", "序号", "指标名称", "2020年基准值", "2025年目标", "指标属性"))
    assert header is not None
    assert (header.indicator, header.base, header.base_year) == (2, 3, 2020)
    assert (header.target, header.target_year, header.attribute) == (4, 2025, 5)
    # the year columns alone: the latest is the target, the earlier one the base
    header = read_header(("指标", "2020年", "2025年", "指标属性"))
    assert header is not None
    assert (header.indicator, header.base, header.target) == (0, 1, 2)
    # 实际值 (achieved) is neither
    header = read_header(("指标", "2015年基期数", "2020年目标值", "2020年实际值", "属性"))
    assert header is not None
    assert (header.base_year, header.target_year, header.target) == (2015, 2020, 2)
    assert read_header(("4.非化石能源消费比重(%)", "7.6", "13左右", "预期性")) is None


def test_heading_lines_without_tabs_stay_in_the_table() -> None:
    text = plan_from_text(SHANDONG).text
    (rows,) = table_rows(text)
    assert rows[0].cells == ("指标", "2020年", "2025年", "指标属性")
    assert ("(一)总体指标",) in [r.cells for r in rows]
    assert not any("注" in r.cells[0] for r in rows)


def test_each_row_is_a_target_with_its_base_and_firmness() -> None:
    found = {t.quote.text.split("(")[0].split(".")[1]: t for t in rows_of(SHANDONG)}
    fossil = found["非化石能源消费比重"]
    assert fossil.indicator.id == "non-fossil-share"  # the listed indicator,
    assert fossil.indicator.label_zh == "非化石能源消费比重"  # labelled as printed
    assert (fossil.value, fossil.unit, fossil.comparator) == (Decimal(13), "qudt:PERCENT", "About")
    assert (fossil.target_year, fossil.base_year, fossil.base_value) == (2025, 2020, Decimal("7.6"))
    assert fossil.binding is False
    green = found["累计新增绿色建筑面积"]  # [5]: a cumulative value
    assert (green.value, green.unit, green.comparator) == (
        Decimal(5),
        "pg:HundredMillionM2",
        "Exactly",
    )
    farmland = found["高标准农田累计建成面积"]
    assert (farmland.value, farmland.unit, farmland.binding) == (
        Decimal(7791),
        "pg:TenThousandMu",
        True,
    )
    wetland = found["湿地保护率"]
    assert (wetland.value, wetland.comparator, wetland.base_value) == (
        Decimal(60),
        "AtLeast",
        Decimal(60),
    )


def test_a_change_against_the_base_year() -> None:
    (truck,) = [t for t in rows_of(SHANDONG) if "营运车辆" in t.indicator.label_zh]
    assert (truck.value, truck.direction, truck.base_year, truck.base_value) == (
        Decimal(5),
        "Decrease",
        2020,
        None,
    )
    assert truck.indicator.label_zh == "营运车辆单位周转量二氧化碳排放"


def test_rows_without_a_value_and_headings_are_no_targets() -> None:
    labels = [t.indicator.label_zh for t in rows_of(SHANDONG)]
    assert not any("煤炭消费总量" in label or "指标" in label for label in labels)
    assert len(labels) == 5


def test_rows_aligned_on_the_right_when_their_first_cells_are_dropped() -> None:
    found = rows_of(BAZHONG)
    assert [(t.indicator.id, t.value, t.comparator) for t in found] == [
        ("pm25", Decimal("27.0"), "Below"),
        ("forest-coverage", Decimal(63), "Above"),
        (found[2].indicator.id, Decimal(75), "AtLeast"),
    ]
    assert found[2].indicator.label_zh == "行政村农村生活污水有效治理比例"
    assert [t.base_value for t in found] == [Decimal("28.1"), Decimal(63), Decimal(54)]
    assert {t.binding for t in found} == {True}


def test_a_review_of_the_last_plan_gives_no_target_and_a_value_can_be_scoped() -> None:
    found = rows_of(GUANGDONG)
    assert [(t.value, t.target_year, t.scope) for t in found] == [
        (Decimal("58.9"), 2025, None),
        (Decimal(7800), 2025, None),
        (Decimal(50), 2025, "prd"),
        (Decimal(25), 2025, None),  # 粤东西北地区 is no place the resolver knows
    ]
    assert found[1].comparator == "AtLeast"
    assert found[3].indicator == found[2].indicator  # a continuation row
    # a table of the plan year or later is read; before it, it is a review
    assert rows_of(GUANGDONG, year=2016)[0].target_year == 2020


def test_table_rows_are_not_read_again_as_sentences() -> None:
    plan = plan_from_text(SHANDONG, year=2021)
    quotes = [t.quote.text for t in extract_targets(plan, PLACES.get)]
    assert all("\t" in q for q in quotes)


def test_new_fields_are_written_to_the_graph() -> None:
    plan = plan_from_text(SHANDONG, year=2021)
    targets = extract_targets(plan, PLACES.get)
    corpus = model.Corpus((plan,), model.Extraction(targets=targets))
    predicates = {t.predicate.value.rsplit("#", 1)[-1] for t in corpus_triples(corpus)}
    assert {"baseValue", "binding"} <= predicates


def test_a_text_table_aligned_with_spaces() -> None:
    body = (
        "二、主要目标\n"
        "指标                      2020年    2025年    属性\n"
        "森林覆盖率(%)             20.9      21.5      约束性\n"
        "地表水优良水体比例(%)     70        ≥75       约束性\n"
    )
    found = rows_of(body)
    assert [(t.indicator.id, t.value, t.comparator, t.base_value, t.binding) for t in found] == [
        ("forest-coverage", Decimal("21.5"), "Exactly", Decimal("20.9"), True),
        ("good-water-ratio", Decimal(75), "AtLeast", Decimal(70), True),
    ]


def test_a_sum_column_in_brackets_and_a_figure_with_a_unit_of_time() -> None:
    # 〔累计〕 heads the column of sums over the period, as a national table prints it
    header = read_header(("指标", "2015年", "2020年", "〔累计〕1", "属性"))
    assert header is not None
    assert (header.span, header.target, header.target_year) == (3, 2, 2020)
    body = (
        "到2025年,主要指标如下。\n指标\t2020年\t2025年\t〔累计〕\t属性\n"
        "细颗粒物浓度下降(%)\t-\t-\t〔18〕\t约束性\n"
        "劳动年龄人口平均受教育年限(年)\t11.4年\t12.3年以上\t-\t约束性\n"
    )
    found = {t.indicator.label_zh: t for t in rows_of(body)}
    fine = found["细颗粒物浓度"]  # 〔18〕: the cut over the period, from the base year
    assert (fine.value, fine.direction, fine.base_year) == (Decimal(18), "Decrease", 2020)
    years = found["劳动年龄人口平均受教育年限"]
    assert (years.value, years.comparator, years.base_value) == (
        Decimal("12.3"),
        "AtLeast",
        Decimal("11.4"),
    )
