"""Causes of misses in the thirteenth blind round's excerpts (``realplans/excerpts13``, scored
blind before anyone read them), each tested on the real text it was found in, and the rule
on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plangraph.api import build_corpus
from plangraph.errors import ReadError
from plangraph.model import Corpus, Target
from plangraph.read import read_text

EXCERPTS = Path(__file__).resolve().parent / "realplans" / "excerpts13"


def _corpus(number: str) -> Corpus:
    return build_corpus([next(EXCERPTS.glob(f"{number}-*.txt"))])


def _targets(text: str, tmp_path: Path) -> list[Target]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return [t for t in build_corpus([path]).extraction.targets if t.value is not None]


def test_a_dated_page_announcing_this_years_goals_is_a_plan() -> None:
    # 10: 浙江在线, "2024-01-24 07:49:15 来源:浙江在线-浙江日报", the province's ten livelihood
    # projects of 2024 under "1 医疗卫生" … headings: "…2024年完成1000家以上", "2024年新增参保人数
    # 2000万人以上", "省内异地结算定点医院开通率达100%"; no 到2025年, no 一、 sections
    targets = [t for t in _corpus("10").extraction.targets if t.value is not None]
    assert len(targets) == 12
    assert {t.target_year for t in targets} == {2024}
    by_value = {t.value: t for t in targets}
    assert by_value[Decimal(100)].unit == "qudt:PERCENT"
    assert by_value[Decimal(20000000)].comparator == "AtLeast"


def test_a_page_dated_after_the_year_it_reports_is_no_plan() -> None:
    # a year-end review: what was done in the year, dated in the next one
    text = "2025-01-10 09:30 来源:某市日报\n全市2024年完成投资120亿元,新增就业2万人。\n"
    with pytest.raises(ReadError):
        read_text(text, "review.txt")
    # the same figures announced in January of that year are its goals
    announced = "2024-01-10 09:30 来源:某市日报\n全市2024年完成投资120亿元,新增就业2万人。\n"
    assert read_text(announced, "goals.txt")


def test_a_work_plan_opening_with_its_year_dates_its_goals() -> None:
    # 35: a county's 农业农村工作要点 (traditional characters, a mirror's pinyin noise): "2020年是
    # 全面建成小康社會目標實現(xiàn)之年,…特制定如下工作要點" then 二、預期目標 with 15 figures and
    # no year: they are due in 2020, and the farm output is counted in 萬頭, 萬羽, 萬枚
    targets = [t for t in _corpus("35").extraction.targets if t.value is not None]
    assert {t.target_year for t in targets} == {2020}
    counted = {t.value: t.count_noun for t in targets if t.unit == "pg:Count"}
    assert counted[Decimal(154700)] == "头"  # 出欄肉牛15.47萬頭
    assert counted[Decimal(16000000)] == "羽"  # 出籠烏雞1600萬羽
    assert counted[Decimal(40000000)] == "枚"  # 銷售烏雞蛋4000萬枚


def test_a_size_in_people_or_households_picks_out_a_kind_no_goal(tmp_path: Path) -> None:
    # 35: "全面推進1064個25戶以上村莊新農村建設": 25户以上 says which villages, 1064 is the goal
    text = (
        "到2025年,全面推进1064个25户以上村庄新农村建设,推动50人以上企业建立职工之家100个,"
        "30万人口以上城市建成区黑臭水体基本消除,带动1万户以上农户增收。"
    )
    values = {t.value for t in _targets(text, tmp_path)}
    assert values == {Decimal(1064), Decimal(100), Decimal(10000)}  # 农户 are what 户 counts


def test_a_table_whose_base_column_is_marked_shiji_is_read() -> None:
    # 40: 镇江 十二五 agriculture, one cell per line: "类别 / 指标 / 2010年实绩 / 2015年目标", then
    # "农业增加值(亿元) / 81.53 / 163" …: 2015 is the goal, 2010 (实绩, the actual) the base
    rows = [t for t in _corpus("40").extraction.targets if t.base_value is not None]
    assert len(rows) >= 27  # of 28 rows (the five-year planting row, 5年新增量, is not read)
    by_value = {t.value: t for t in rows}
    assert by_value[Decimal(163)].base_value == Decimal("81.53")
    assert by_value[Decimal(163)].target_year == 2015
    assert by_value[Decimal(163)].base_year == 2010
    assert by_value[Decimal(163)].unit == "pg:HundredMillionYuan"


def test_a_ratio_to_one_is_a_value(tmp_path: Path) -> None:
    # 40: "城市居民可支配收入与农民人均纯收入的比例下降至2.09:1"
    text = (
        "到2015年,城市居民可支配收入与农民人均纯收入的比例下降至2.09:1,"
        "城乡居民收入比缩小到2.3∶1以内,按1:1比例配套资金。"
    )
    found = {t.value: t for t in _targets(text, tmp_path)}
    assert set(found) == {Decimal("2.09"), Decimal("2.3")}  # 按1:1 is a rule of payment
    assert found[Decimal("2.3")].indicator.label_zh == "城乡居民收入比"
    assert found[Decimal("2.3")].comparator == "AtMost"


def test_a_change_from_a_base_over_a_comma_is_one_target(tmp_path: Path) -> None:
    # 09: 重庆 社会事业 十三五: "其中人均预期寿命从2015年的76.7岁,提高至78岁"
    (target,) = _targets("到2020年,人均预期寿命从2015年的76.7岁,提高至78岁。", tmp_path)
    assert target.indicator.label_zh == "人均预期寿命"
    assert (target.value, target.base_value, target.base_year) == (
        Decimal(78),
        Decimal("76.7"),
        2015,
    )


def test_a_kind_of_area_and_a_count_of_its_counties_name_a_group(tmp_path: Path) -> None:
    # 06: 浙江 tourism: "旅游业成为山区26县实现跨越式发展的主导产业,山区26县旅游产业增加值年均增长
    # 9%以上": 山区26县 are Zhejiang's 26 mountain counties, no count to reach
    values = {t.value for t in _corpus("06").extraction.targets}
    assert Decimal(26) not in values and Decimal(9) in values


def test_a_grade_of_tourist_sites_is_no_number(tmp_path: Path) -> None:
    # 06: "争取新增5A级旅游景区3家、国家级旅游度假区3家"
    found = _targets("到2025年,争取新增5A级旅游景区3家、国家级旅游度假区3家。", tmp_path)
    assert [(t.value, t.indicator.label_zh) for t in found] == [
        (Decimal(3), "新增5A级旅游景区"),
        (Decimal(3), "国家级旅游度假区"),
    ]
    assert all(t.aspirational for t in found)


def test_a_bare_verb_counts_what_the_clause_before_names(tmp_path: Path) -> None:
    # 10: "实施中小学校“示范食堂”建设行动,2024年完成1000家以上": 完成 names nothing; the canteens do
    (target,) = [t for t in _corpus("10").extraction.targets if t.value == Decimal(1000)]
    assert "示范食堂" in target.indicator.label_zh
    # on a sentence of the same shape
    (found,) = _targets("到2025年,实施农村公路提档升级工程,完成3000公里。", tmp_path)
    assert found.indicator.label_zh == "农村公路提档升级工程"


def test_a_table_header_cell_with_its_unit_and_rows_counted_in_ten_thousands() -> None:
    # excerpts10/01: 中医药 十二五 专栏, one cell per line, "具体指标 | 2010年 | 2015年 |
    # 年均增长(%) | 属性": the unit after 年均增长 ends no header; "中医医院出院人数(万人) |
    # 1275.7 | 2248.2" counts people in tens of thousands
    path = EXCERPTS.parent / "excerpts10"
    corpus = build_corpus([next(path.glob("01-*.txt"))])
    by_value = {t.value: t for t in corpus.extraction.targets}
    assert by_value[Decimal(3397)].base_value == Decimal(3232)  # 中医医院(所)
    discharged = by_value[Decimal(22482000)]  # 2248.2万人
    assert discharged.unit == "pg:Count" and discharged.count_noun == "人"
    assert discharged.base_value == Decimal(12757000)
    assert discharged.target_year == 2015 and discharged.base_year == 2010
