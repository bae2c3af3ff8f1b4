"""Round 17 (issue 12): causes of missed targets counted over the development sets, each
rule tested on the real text it was found in (``realplans/excerpts…``) and on a sentence of
the same shape."""

from __future__ import annotations

from decimal import Decimal

from excerpt_targets import excerpt_corpus, numeric
from target_helpers import real_targets

from plangraph.model import Target


def _numeric(folder: str, number: str) -> list[Target]:
    return numeric(excerpt_corpus(folder, number))


def test_the_last_item_of_a_list_closed_by_deng_is_a_goal() -> None:
    # excerpts15/02: "…道路交通万车死亡率控制在1.35以内、煤矿百万吨死亡率控制在0.1以内等6项安全
    # 生产控制指标": 以内 then 等 closes the list, it describes no noun
    by_label = {t.indicator.label_zh: t for t in _numeric("excerpts15", "02")}
    mine = by_label["煤矿百万吨死亡率"]
    assert (mine.value, mine.unit, mine.comparator) == (Decimal("0.1"), None, "AtMost")
    body = "一、目标\n到2025年,万车死亡率控制在1.35以内、百万吨死亡率控制在0.1以内等指标。\n"
    assert {t.value for t in real_targets(body) if t.value is not None} == {
        Decimal("1.35"),
        Decimal("0.1"),
    }


def test_a_limit_of_time_before_what_is_done_in_it_is_a_goal() -> None:
    # excerpts15/10: "确保自然灾害发生12小时之内受灾人员基本生活得到有效救助"
    twelve = next(t for t in _numeric("excerpts15", "10") if t.unit == "qudt:HR")
    assert (twelve.value, twelve.comparator) == (Decimal(12), "AtMost")
    assert twelve.indicator.label_zh == "受灾人员基本生活得到有效救助"
    body = "一、目标\n到2025年,群众报警后救援人员30分钟内到达现场。\n"
    (minutes,) = [t for t in real_targets(body) if t.value is not None]
    assert (minutes.value, minutes.unit, minutes.comparator) == (
        Decimal(30),
        "qudt:MIN",
        "AtMost",
    )


def test_a_report_that_opens_with_the_plan_as_its_source_quotes_its_goals() -> None:
    # excerpts15/11 (a newspaper's report of a release): "根据规划,经过5—10年努力,我省主要
    # 农作物良种生产能力提高20%以上,主要农作物良种覆盖率达98%以上,种子产业年销售收入达到
    # 100亿元以上": goals of the plan, due at its end, without a year of their own
    by_label = {t.indicator.label_zh: t for t in _numeric("excerpts15", "11")}
    cover = by_label["主要农作物良种覆盖率"]
    assert (cover.value, cover.comparator, cover.target_year) == (Decimal(98), "AtLeast", 2020)
    assert by_label["种子产业年销售收入"].value == Decimal(100)
