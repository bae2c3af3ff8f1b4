"""Causes of misses in the twelfth blind round's excerpts (``realplans/excerpts12``, scored
blind before anyone read them), each tested on the real text it was found in."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plangraph.api import build_corpus
from plangraph.graph.units import printed_unit
from plangraph.model import Corpus, Target

EXCERPTS = Path(__file__).resolve().parent / "realplans" / "excerpts12"


def _corpus(number: str) -> Corpus:
    return build_corpus([next(EXCERPTS.glob(f"{number}-*.txt"))])


def _by_value(corpus: Corpus) -> dict[Decimal | None, Target]:
    return {t.value: t for t in corpus.extraction.targets}


def test_visits_and_containers_are_units_written_as_printed() -> None:
    # 13: 上海 shipping centre: "集装箱年吞吐量达到4700万标准箱以上,航空旅客年吞吐量达到1.3亿人次
    # 以上,…集装箱海铁联运业务量不低于65万标准箱": 亿人次 counts trips, not people
    found = _by_value(_corpus("13"))
    assert found[Decimal("1.3")].unit == "pg:HundredMillionPersonTime"
    assert printed_unit(found[Decimal("1.3")]) == "亿人次"
    assert found[Decimal(4700)].unit == "pg:TenThousandTEU"
    assert printed_unit(found[Decimal(65)]) == "万标准箱"


def test_a_yearly_capacity_keeps_its_per_year() -> None:
    # 20: 氢能 plan: "可再生能源制氢量达到10-20万吨/年,…实现二氧化碳减排100-200万吨/年"
    found = _by_value(_corpus("20"))
    assert found[Decimal(10)].unit == "pg:TenThousandTonnePerYear"
    assert printed_unit(found[Decimal(100)]) == "万吨/年"


def test_a_time_the_plan_gives_itself_sets_the_deadline() -> None:
    # 16: 大连 night economy (大政办发〔2019〕82号): "从2019年起,力争3-5年时间,在全市打造市级示范
    # 夜商圈5个以上、…示范夜活动10个以上;打造区级示范夜商圈13个以上、…": due within five years of
    # 2019, and 力争 governs both halves of the list
    targets = [t for t in _corpus("16").extraction.targets if t.value is not None]
    assert len(targets) == 10
    assert {t.target_year for t in targets} == {2024}
    assert all(t.aspirational for t in targets)


def test_thresholds_joined_by_or_that_define_a_period_are_no_goals() -> None:
    # 15: 沁县 geological hazards: "日降雨量 50毫米以上或连续大雨3天以上、过程降丽量大于 100 毫米的
    # 时段,…为地质灾害重点防范时段" says which days are meant; the notice sets no number to reach
    assert not [t for t in _corpus("15").extraction.targets if t.value is not None]
    # 14: 天台县, the same definition beside the year's work goals (完成100个无线简易雨量报警器)
    values = {t.value for t in _corpus("14").extraction.targets}
    assert Decimal(100) in values and not values & {Decimal(3), Decimal(50), Decimal(48)}


def test_a_report_of_how_many_indicators_a_plan_sets_is_no_goal() -> None:
    # 08: 江苏 information and communications: "提出21个行业发展定量指标,其中有13个是基础设施
    # 方面的指标" counts the plan's own indicators; "提出江苏将建成超过25.5万个5G基站" counts base
    # stations, named by what is counted, not by who reports it
    found = _by_value(_corpus("08"))
    assert Decimal(21) not in found and Decimal(13) not in found
    assert found[Decimal(255000)].indicator.label_zh == "5G基站"


def test_a_street_named_after_a_city_is_no_mention_of_the_city() -> None:
    # 16: 大连's plan: "重点打造青泥洼--天津街、西安路、香炉礁…五大商圈": streets of 大连,
    # no mention of 天津 or 西安
    names = {p.name for p in _corpus("16").extraction.places}
    assert not names & {"天津", "天津市", "西安", "西安市"}
