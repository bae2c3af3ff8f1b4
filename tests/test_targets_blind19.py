"""Causes of misses in the nineteenth blind round's excerpts (``realplans/excerpts19``, scored
blind before anyone read them), each tested on the real text it was found in."""

from __future__ import annotations

from decimal import Decimal

from excerpt_targets import excerpt_corpus
from excerpt_targets import numeric as _numeric

from plangraph.model import Corpus


def _corpus(number: str) -> Corpus:
    return excerpt_corpus("excerpts19", number)


def test_a_review_sentence_then_the_next_periods_goals() -> None:
    # 07: “十二五”期间,自治区水利事业蓬勃发展,取得了显著成绩。 then ——… items of what was done,
    # then 水利厅制定了“十三五”主要目标。 and ——… items of goals, due 2020
    targets = _numeric(_corpus("07"))
    values = {t.value for t in targets}
    assert not values & {Decimal("664.58"), Decimal(417), Decimal(2118), Decimal(3450)}
    assert {Decimal(1500), Decimal(20), Decimal("211.57"), Decimal("0.55")} <= values
    assert all(t.target_year == 2020 for t in targets)


def test_a_work_reports_goals_under_its_goals_line() -> None:
    # 22: a news report of 镇安县's 2015 government work report; a line 主要目标 heads the
    # paragraph of the year's goals (生产总值增长11.5%左右, …万元GDP能耗下降3.5%)
    targets = {t.indicator.label_zh: t for t in _numeric(_corpus("22"))}
    assert targets["生产总值"].value == Decimal("11.5")
    assert targets["生产总值"].comparator == "About"
    assert targets["万元GDP能耗"].value == Decimal("3.5")
    assert targets["人口自增率"].unit == "qudt:PERMILLE"
    assert len(targets) >= 12
    assert all(t.target_year == 2015 for t in targets.values())


def test_a_years_livelihood_projects_table_is_read_and_its_total_is_no_goal() -> None:
    # 19: 依法票决确定2025年象山县民生实事项目,共15项,分别是: then a table of rows
    # (序号 | 项目名称 |): the page is a plan, each project a goal of 2025, 15 only their number
    targets = _numeric(_corpus("19"))
    labels = {t.indicator.label_zh: t.value for t in targets}
    assert labels["新改建农村互助颐养小院"] == Decimal(6)
    assert labels["新建托位"] == Decimal(60)
    assert "共" not in labels
    assert all(t.target_year == 2025 for t in targets)


def test_a_news_lead_that_announces_the_years_goals() -> None:
    # 15: 今年深圳将怎么做,有哪些新目标 — the report's paragraphs after it are the year's goals
    targets = {t.indicator.label_zh: t for t in _numeric(_corpus("15"))}
    assert targets["新增社康机构"].value == Decimal(30)
    assert targets["老旧小区改造"].comparator == "AtLeast"
    assert targets["新增停车位"].value == Decimal(100000)
    # 17: 2024年苏州的哪些发展目标和百姓关心的事有关?
    suzhou = {t.indicator.label_zh: t for t in _numeric(_corpus("17"))}
    assert suzhou["农村生活污水治理率"].value == Decimal(98)
    assert suzhou["农村生活污水治理率"].target_year == 2024


def test_a_notice_that_hands_over_its_work_points_is_a_plan() -> None:
    # 12: 《数智贵州建设2026年工作要点》已经省领导同意,现印发给你们 — numbered items (1. 2.)
    # with goals, no 一、 headings: a plan, not a report
    targets = {t.indicator.label_zh: t for t in _numeric(_corpus("12"))}
    assert targets["从事数据标注人员"].value == Decimal(20000)
    assert targets["宣讲活动"].comparator == "AtLeast"
    assert len(targets) == 6
    assert all(t.target_year == 2026 for t in targets.values())


def test_a_kind_of_energy_narrows_the_measure() -> None:
    # 01: 可再生能源消费总量达到10亿吨标准煤左右 is not 能源消费总量
    labels = {t.indicator.label_zh for t in _numeric(_corpus("01"))}
    assert "可再生能源消费总量" in labels
    assert "能源消费总量" not in labels


def test_a_date_is_no_part_of_a_place_name() -> None:
    # 21: 2025年霞山区政府工作的总体要求是: — the district 霞山区, not 年霞山区
    names = {p.name for p in _corpus("21").extraction.places}
    assert "霞山区" in names
    assert not any(name.startswith("年") for name in names)
