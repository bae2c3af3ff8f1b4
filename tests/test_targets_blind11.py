"""Causes of misses in the eleventh blind round's excerpts (``realplans/excerpts11``, scored
blind before anyone read them), each tested on the real text it was found in.  Pinyin
printed after characters is tested in ``test_read_script.py``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from target_helpers import targets_of

from plangraph.api import build_corpus
from plangraph.model import Corpus

EXCERPTS = Path(__file__).resolve().parent / "realplans" / "excerpts11"


def _corpus(number: str) -> Corpus:
    return build_corpus([next(EXCERPTS.glob(f"{number}-*.txt"))])


def _values(corpus: Corpus) -> set[Decimal | None]:
    return {t.value for t in corpus.extraction.targets}


def test_a_news_pages_dateline_dates_the_figures_of_the_last_plan_as_past() -> None:
    # 10: 延安 transport, a news page dated "2021-11-29 17:14:22 來源:…": "“十三五”以来…公路总
    # 里程达到21036公里,其中高速公路943公里" is what was done, "到“十四五”末…1300公里以上" the goal
    corpus = _corpus("10")
    (plan,) = corpus.plans
    assert plan.year == 2021
    values = _values(corpus)
    assert not values & {Decimal(21036), Decimal(943), Decimal(3058), Decimal(680)}
    goal = next(t for t in corpus.extraction.targets if t.value == Decimal(1300))
    assert goal.target_year == 2025 and goal.comparator == "AtLeast"


def test_a_projection_is_no_goal() -> None:
    # 16: 江苏 ageing plan on a forum: "预计到2020年全省老年人口将达1950万人,占到总人口的
    # 25%" is a forecast; "参保率将达到98%" in the same report is a goal
    corpus = _corpus("16")
    values = _values(corpus)
    assert Decimal(19500000) not in values and Decimal(25) not in values
    assert Decimal(98) in values


def test_a_rate_per_thousand_people_counts_no_thousand() -> None:
    # 28: "医疗卫生机构每千人口病床数(含住院护理)达到6张", "每千名老年人拥有养老床位数达到30张":
    # 千 is the rate's denominator; 张 counts the beds; 拥有 names the rate, no present state
    corpus = _corpus("28")
    assert Decimal(1000) not in _values(corpus)
    found = {(t.indicator.label_zh, t.value): t for t in corpus.extraction.targets}
    beds = found[("医疗卫生机构每千人口病床数(含住院护理)", Decimal(6))]
    assert beds.unit == "pg:Count" and beds.count_noun == "张" and beds.target_year == 2020
    assert found[("每千名老年人拥有养老床位数", Decimal(30))].target_year == 2015


def test_ages_and_lengths_of_time_in_years_are_measures() -> None:
    # 23: the national 十四五 public services goals: "人均预期寿命78.3岁", "劳动年龄人口平均受
    # 教育年限达11.3年"; "每千人口拥有3岁以下婴幼儿托位数4.5个": an age that defines a group
    corpus = _corpus("23")
    found = {t.indicator.label_zh: t for t in corpus.extraction.targets}
    assert found["人均预期寿命"].value == Decimal("78.3")
    assert found["人均预期寿命"].unit == "qudt:YR"
    assert found["劳动年龄人口平均受教育年限"].value == Decimal("11.3")
    assert found["每千人口拥有3岁以下婴幼儿托位数"].value == Decimal("4.5")
    assert Decimal(3) not in _values(corpus)


def test_a_report_of_this_years_goals_is_read_as_a_plan() -> None:
    # 09: "今年全国将建设400个左右秸秆综合利用重点县…全国秸秆综合利用率保持在86%以上";
    # "近年来,四川…综合利用率为92.8%…年总产值达31.83亿元" looks back
    corpus = _corpus("09")
    found = {t.indicator.label_zh: t for t in corpus.extraction.targets}
    assert found["秸秆综合利用率"].value == Decimal(86)
    assert found["秸秆综合利用率"].comparator == "AtLeast"
    assert not _values(corpus) & {Decimal("92.8"), Decimal("31.83"), Decimal(800)}
    # 13: a district's TV news, "确保今年城区空气环境质量优良天数达到300天左右"
    days = next(t for t in _corpus("13").extraction.targets if t.indicator.label_zh == "优良天数")
    assert days.value == Decimal(300) and days.comparator == "About"


def test_a_reported_notice_is_the_title_not_the_documents_it_cites() -> None:
    # 21: "石狮人民政府办公室下达《2017年促进就业工作目标责任制任务通知》…认真贯彻落实《泉州市
    # 人民政府关于…的实施意见》《泉州市大学生创业引领计划实施意见》", traditional, pinyin too
    corpus = _corpus("21")
    (plan,) = corpus.plans
    assert plan.title == "2017年促进就业工作目标责任制任务通知"
    found = {t.indicator.label_zh: t for t in corpus.extraction.targets}
    assert found["新增就业人数"].value == Decimal(13500)
    assert found["城镇登记失业率"].comparator == "AtMost"


def test_a_rate_per_hundred_thousand_is_a_unit() -> None:
    # 15: 榆阳区 健康榆阳行动: "婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到4.0‰、4.5‰、
    # 10/10万": 10 maternal deaths per 100,000, written 1/10万 in the graph
    from plangraph.graph.units import printed_unit

    corpus = _corpus("15")
    found = {t.indicator.label_zh: t for t in corpus.extraction.targets}
    maternal = found["孕产妇死亡率"]
    assert maternal.value == Decimal(10) and maternal.unit == "pg:PerHundredThousand"
    assert maternal.comparator == "AtMost" and printed_unit(maternal) == "1/10万"
    assert found["婴儿死亡率"].value == Decimal("4.0")
    assert found["婴儿死亡率"].unit == "qudt:PERMILLE"


def test_a_unit_is_written_as_printed_after_its_figure() -> None:
    # excerpts10/08: "人均预期寿命在2020年的基础上继续提高1岁左右": the unit is the 岁 after the
    # figure, not the 年 of 2020年 (年 and 岁 both spell years)
    from plangraph.graph.units import printed_unit

    path = next((EXCERPTS.parent / "excerpts10").glob("08-*.txt"))
    targets = build_corpus([path]).extraction.targets
    rise = next(t for t in targets if t.value == Decimal(1) and t.unit == "qudt:YR")
    assert rise.base_year == 2020 and printed_unit(rise) == "岁"


def test_a_rates_denominator_in_digits_counts_nothing_either() -> None:
    # the digit form of 28's 每千人口: 每10万人口全科医生数达到3名 is 3 doctors, no 100,000
    page = "一、主要目标\n到2025年,每10万人口全科医生数达到3名,每万人口拥有床位数达到60张。"
    found = [(t.indicator.label_zh, t.value) for t in targets_of(page, year=2021)]
    assert found == [("每10万人口全科医生数", Decimal(3)), ("每万人口拥有床位数", Decimal(60))]
