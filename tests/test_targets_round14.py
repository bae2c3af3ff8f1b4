"""Round 14 (issue 12): causes counted over every development set, each rule tested on the
real text it was found in (``realplans/excerpts10`` …) and on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from target_helpers import plan_from_text, real_targets, resolve, targets_of

from plangraph.api import build_corpus
from plangraph.extract.targets import extract_targets
from plangraph.model import Target

REALPLANS = Path(__file__).resolve().parent / "realplans"


def _numeric(folder: str, number: str) -> list[Target]:
    path = next((REALPLANS / folder).glob(f"{number}-*.txt"))
    return [t for t in build_corpus([path]).extraction.targets if t.value is not None]


def test_a_release_report_dates_goals_by_the_period_in_the_plans_quoted_title() -> None:
    # excerpts10/02, a news page: "…联合印发《加快建设交通强国五年行动计划(2023—2027年)》…"
    # then "组织开展不少于10个部省联动建设试点…部级事项网上办理率达到100%", no year of their own
    targets = _numeric("excerpts10", "02")
    assert len(targets) == 5
    assert {t.target_year for t in targets} == {2027}


def test_the_period_of_a_released_plan_in_a_sentence_of_the_same_shape() -> None:
    body = (
        "日前,省政府办公厅印发《某省农村供水保障行动方案(2024—2026年)》。\n"
        "一、工作目标\n农村自来水普及率达到95%。\n"
    )
    (target,) = [t for t in real_targets(body) if t.value is not None]
    assert target.target_year == 2026
    # a plan whose period is over by the plan's year (2025) dates nothing
    past = body.replace("2024—2026年", "2016—2020年")
    assert all(t.target_year != 2020 for t in real_targets(past))


def test_when_or_who_acts_names_nothing_measured_the_object_of_the_verb_does() -> None:
    # excerpts10/24: "…年内完成投资14亿元,增幅达40%"; excerpts11/10 (a repost in traditional
    # characters): "“十四五”期間,計劃完成投資700億元以上"
    body = (
        "一、目标\n到2025年,年内完成投资14亿元。计划完成投资700亿元以上。"
        "城市建成区绿地率达到40%。\n"
    )
    by_value = {t.value: t for t in real_targets(body) if t.value is not None}
    assert by_value[Decimal(14)].indicator.label_zh == "投资"
    assert by_value[Decimal(700)].indicator.label_zh == "投资"
    # a subject that names the measure keeps it
    assert by_value[Decimal(40)].indicator.label_zh == "城市建成区绿地率"


def test_counts_that_spell_the_code_of_a_slogan_set_no_goal() -> None:
    # excerpts10/06 (内蒙古交通“十三五”, a news report): "实现4个提升、3个一体化、2个突破、
    # 1个增效“4321”目标" names the slogan's parts; a list of counts without a code stays goals
    body = (
        "一、目标\n到2025年,实现4个提升、3个一体化、2个突破、1个增效“4321”目标。"
        "建成4个物流园区、3个货运枢纽。\n"
    )
    values = [t.value for t in real_targets(body) if t.value is not None]
    assert values == [Decimal(4), Decimal(3)]


def test_a_span_of_years_ahead_dates_goals_from_the_pages_year() -> None:
    # excerpts11/12 (陕西日报, 2005-11-29): "…传出信息:后五年全省交通固定资产总投资将不少于
    # 1200亿元,其中,高速公路建设投资不少于900亿元" (the gold: due 2010)
    body = "一、目标\n会议传出信息:后五年全省交通固定资产总投资将不少于1200亿元。\n"
    (target,) = [t for t in targets_of(body, year=2005) if t.value is not None]
    assert target.target_year == 2010
    # a plan whose title states its period keeps it
    plan = plan_from_text(body, year=2021, title="某省交通发展规划(2021—2025年)")
    (dated,) = [t for t in extract_targets(plan, resolve) if t.value is not None]
    assert dated.target_year == 2025
