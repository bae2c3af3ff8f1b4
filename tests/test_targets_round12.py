"""Causes of false and missed targets found in the development excerpts in the twelfth round
(``realplans/excerpts`` … ``excerpts10``), each a family of how government pages are
written, tested on the real text it was found in and on a synthetic one of the same shape.
Glued table cells are tested in ``test_read_loose_tables.py``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from target_helpers import targets_of

from plangraph.api import build_corpus
from plangraph.model import Corpus

REALPLANS = Path(__file__).resolve().parent / "realplans"


def _corpus(folder: str, number: str) -> Corpus:
    return build_corpus([next((REALPLANS / folder).glob(f"{number}-*.txt"))])


def _values(corpus: Corpus) -> set[Decimal | None]:
    return {t.value for t in corpus.extraction.targets}


def test_a_document_sharing_pages_file_name_is_the_plans_title() -> None:
    # excerpts10/21: "《铜鼓县“十四五”工业经济发展规划.docx》由会员分享,可在线阅读…": the
    # title names the 十四五 period, so "2014-2019年…规模以上工业企业达到38家, …食品加工4家"
    # and "…增至2019年的29.3亿元" are the past, no goals (16 were read as goals)
    corpus = _corpus("excerpts10", "21")
    (plan,) = corpus.plans
    assert plan.title == "铜鼓县“十四五”工业经济发展规划"
    assert not {t for t in corpus.extraction.targets if t.value is not None}


def test_the_plans_own_parts_are_counted_no_goal() -> None:
    # excerpts9/27: "包含9项重点任务、8个专栏"; excerpts10/19: "…等18项重点工作任务以及建设
    # 文化…"; excerpts10/10: "通过六大行动、十项工程": how the plan is laid out
    assert Decimal(8) not in _values(_corpus("excerpts9", "27"))
    assert Decimal(18) not in _values(_corpus("excerpts10", "19"))
    assert Decimal(10) not in _values(_corpus("excerpts10", "10"))
    found = targets_of("到2025年,规划包含9项重点任务、8个专栏和四个部分。建成充电站200座。")
    assert [t.value for t in found if t.value is not None] == [Decimal(200)]


def test_doubling_with_a_base_year_is_an_increase_of_a_hundred_percent() -> None:
    # excerpts10/19: "以2019年为基点,旅游综合收入、文旅产业项目投资额实现倍增,接待游客人次
    # 增长2倍": 倍增 is +100%, 增长2倍 +200%, both against 2019
    corpus = _corpus("excerpts10", "19")
    found = {(t.value, t.unit, t.base_year) for t in corpus.extraction.targets}
    assert (Decimal(100), "qudt:PERCENT", 2019) in found
    assert (Decimal(200), "qudt:PERCENT", 2019) in found


def test_doubling_without_a_base_or_before_its_level_and_a_programme_are_none() -> None:
    found = targets_of(
        "到2025年,全县地区生产总值实现翻番,达到178亿元。实施中等收入群体倍增计划。"
        "数字经济核心产业增加值实现翻番。全县旅游收入比2020年增长1倍。"
    )
    assert {(t.value, t.unit, t.base_year) for t in found if t.value is not None} == {
        (Decimal(178), "pg:HundredMillionYuan", None),  # the level, not the doubling
        (Decimal(100), "qudt:PERCENT", 2020),  # 增长1倍: +100%
    }


def test_a_lead_that_strives_makes_each_goal_of_its_list_aspirational() -> None:
    # 力争到2025年: then one goal per numbered line: each line is a task of its own, and
    # the lead strives for all of them until the list ends with 。
    text = (
        "某市“十四五”节约用水规划\n一、主要目标\n力争到2025年:\n1.全市森林覆盖率达到45%;\n"
        "2.城市污水处理率达到98%以上。\n3.新增绿地面积500公顷。\n"
    )
    found = {t.value: t.aspirational for t in targets_of(text) if t.value is not None}
    assert found == {Decimal(45): True, Decimal(98): True, Decimal(500): False}


def test_a_full_stop_printed_as_a_point_ends_a_sentence() -> None:
    # excerpts5/08 (a PDF's text layer): "力争消除劣Ⅴ类断面.全市31个重点 地表水功能区水质达标
    # 率达到78%.各县…": 31 counts the water zones the measure is taken over, no goal, and
    # 力争 of the sentence before does not reach 78%
    corpus = _corpus("excerpts5", "08")
    found = {t.value: t for t in corpus.extraction.targets if t.value is not None}
    assert Decimal(31) not in found and Decimal(70) not in found
    assert not found[Decimal(78)].aspirational


def test_an_index_raised_from_a_base_and_a_count_of_patents_owned() -> None:
    # excerpts9/23: "数字中国发展指数从2020年的85提高到95", "每万人口…发明专利拥有量从2020年的
    # 2.7件提高到5.2件": an index is a ratio; 拥有量 names the measure, it reports no present
    found = {t.value: t for t in _corpus("excerpts9", "23").extraction.targets}
    assert found[Decimal(95)].unit is None and found[Decimal(95)].base_value == Decimal(85)
    patents = found[Decimal("5.2")]
    assert patents.count_noun == "件" and patents.base_year == 2020


def test_a_row_number_glued_to_the_cell_before_counts_nothing() -> None:
    # excerpts9/29, a table run into one line: "…省统计局9 万人发明专利拥有量件≥ 20省知识产权局10
    # 人力资源水平…": 9 and 10 number rows; "9 万人" is no 90,000 people, nor "10 人" ten
    counted = {
        t.value for t in _corpus("excerpts9", "29").extraction.targets if t.unit == "pg:Count"
    }
    assert not counted & {Decimal(90000), Decimal(10), Decimal(4)}
    found = targets_of("到2025年,新增完成 2 个省级农村黑臭水体整治,地区生产总值达1000 亿元。")
    assert {(t.value, t.unit) for t in found} == {
        (Decimal(2), "pg:Count"),  # spaced on both sides: a figure and its measure word
        (Decimal(1000), "pg:HundredMillionYuan"),
    }


def test_a_numbered_indicator_system_with_sources_run_into_one_line() -> None:
    # excerpts9/29, 江苏 小康 indicators copied from a PDF: "…7 企业总资产利润率% ≥10 省统计局
    # 二、创新驱动8 研发经费支出占GDP 比重% ≥ 2.8省统计局…失业保险参保率% ≥9818 城镇登记…":
    # one target per row, at least its figure, none of the next row's number
    found = {
        (t.indicator.label_zh, t.value, t.comparator)
        for t in _corpus("excerpts9", "29").extraction.targets
        if t.value is not None
    }
    assert ("研发经费支出占GDP 比重", Decimal("2.8"), "AtLeast") in found
    assert ("失业保险参保率", Decimal(98), "AtLeast") in found
    assert ("农村低收入人口累计脱贫率", Decimal(100), "Exactly") in found
    assert len(found) >= 20 and all(v <= 1000 for _, v, _ in found)
