"""Causes of misses in the sixteenth blind round's excerpts (``realplans/excerpts16``, scored
blind before anyone read them), each tested on the real text it was found in, and the rule
on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from excerpt_targets import excerpt_corpus
from excerpt_targets import numeric as _numeric
from excerpt_targets import text_targets as _targets

from plangraph.model import Corpus


def _corpus(number: str) -> Corpus:
    return excerpt_corpus("excerpts16", number)


def test_a_page_of_news_without_a_plans_marks_is_read_as_a_report() -> None:
    # 33: 汝州市's report on the rehabilitation of its mines (2020): no plan's title, no
    # numbered part, no goal by a deadline; refused until this round, so its ten named places
    # were lost. Read as a report, its places stand and its figures of work done
    # (“三区两线”废弃矿山恢复治理完成97.47公顷) are no goals
    corpus = _corpus("33")
    (plan,) = corpus.plans
    assert plan.report and "read as a report" in plan.caveats[0]
    places = {p.name for p in corpus.extraction.places}
    assert {"汝州市", "陵头镇", "樊窑村", "安坡寺水库"} <= places
    assert _numeric(corpus) == []


def test_a_reports_goals_stated_as_goals_stand() -> None:
    # 36: 桑植县's meeting on its township markets: "2020年我县计划新建乡镇农贸市场9处,改造扩建5
    # 处" (a plan for the year, 计划) stands in a report of a meeting
    values = sorted(t.value for t in _numeric(_corpus("36")))
    assert values == [Decimal(5), Decimal(9)]


def test_a_length_of_time_that_names_a_measure_is_no_figure() -> None:
    # 03: the national meteorology plan in the news: "24小时晴雨预报准确率将从85.9%提升到90%,
    # 24小时暴雨预警信号准确率从89%提升到92%,24小时台风路径预报误差从70公里降低到65公里,强对流
    # 天气预警提前量从38分钟提前到45分钟,全球数值天气预报可用预报时效从7.8天延长至8.5天"
    targets = {t.value: t for t in _numeric(_corpus("03"))}
    assert set(targets) == {Decimal(45), Decimal("8.5"), Decimal(65), Decimal(90), Decimal(92)}
    assert targets[Decimal(92)].indicator.label_zh == "24小时暴雨预警信号准确率"
    assert targets[Decimal(65)].comparator == "AtMost"
    # minutes are a unit; 提前到 and 延长至 reach a level
    assert targets[Decimal(45)].unit == "qudt:MIN"
    assert targets[Decimal("8.5")].unit == "qudt:DAY"
    assert all(t.target_year == 2025 for t in targets.values())


def test_a_length_of_time_alone_in_its_clause_is_the_goal(tmp_path: Path) -> None:
    text = (
        "农村供水保障方案\n到2025年,全面实现农村24小时稳定供水。"
        "城区平均通勤时间缩短至40分钟以内。\n"
    )
    got = {(t.value, t.unit, t.comparator) for t in _targets(text, tmp_path)}
    assert got == {(Decimal(24), "qudt:HR", "Exactly"), (Decimal(40), "qudt:MIN", "AtMost")}


def test_the_parts_of_a_look_back_are_no_goals() -> None:
    # 07: 福建's nature-reserve plan in the provincial daily (traditional characters): "截至
    # 去年,我省已累计建成自然保护地共357处,…。其中,国家公园1处,自然保护区110处,…湿地公园8
    # 处。" The sentence opening with 其中 gives the parts of what was built
    values = {t.value for t in _numeric(_corpus("07"))}
    assert not values & {Decimal(110), Decimal(53), Decimal(24), Decimal(154), Decimal(8)}
    assert {Decimal("5.79"), Decimal(80), Decimal("6.00"), Decimal(85)} <= values


def test_the_rate_two_groups_share_keeps_its_own_word() -> None:
    # 10: 河南's opinion on children in poor areas: "婴儿和5岁以下儿童死亡率分别下降到12‰和
    # 15‰": the infants' rate is 婴儿死亡率, not 婴儿率
    rates = {
        t.indicator.label_zh: t.value for t in _numeric(_corpus("10")) if t.unit == "qudt:PERMILLE"
    }
    assert rates == {"婴儿死亡率": Decimal(12), "5岁以下儿童死亡率": Decimal(15)}


def test_a_vision_beyond_the_period_does_not_date_the_paragraphs_after_it() -> None:
    # 14: the 十四五 national disaster-reduction plan in the news; its first paragraph ends
    # "力争到2035年,基本实现…现代化"; a later paragraph "年均因灾直接经济损失占国内生产总值的比例
    # 控制在1%以内,年均每百万人口因灾死亡率控制在1以内,年均每十万人受灾人次在1.5万以内" is the
    # plan's, due 2025, as is the time limit before it (灾害发生10小时之内受灾群众基本生活得到
    # 有效救助, read since the seventeenth round)
    targets = _numeric(_corpus("14"))
    assert {t.value for t in targets} == {Decimal(10), Decimal(1), Decimal("1.5")}
    assert {t.target_year for t in targets} == {2025}


def test_a_count_after_xinzeng_counts_the_noun_after_it() -> None:
    # 40: a district's education plan: "到2023年,确保新增6所公办幼儿园" counts kindergartens
    targets = {t.value: t for t in _numeric(_corpus("40"))}
    assert targets[Decimal(6)].indicator.label_zh == "新增公办幼儿园"
    assert targets[Decimal(6)].target_year == 2023


def test_routes_opened_are_counted(tmp_path: Path) -> None:
    text = "低空经济发展方案\n到2026年,开通至周边机场2-3条通用航空短途运输航线。\n"
    (target,) = _targets(text, tmp_path)
    assert target.indicator.label_zh == "开通至周边机场通用航空短途运输航线"
    assert (target.value, target.comparator) == (Decimal(2), "AtLeast")
