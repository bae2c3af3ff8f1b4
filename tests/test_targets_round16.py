"""Round 16 (issue 12): causes of missed targets counted over every development set, each
rule tested on the real text it was found in (``realplans/excerpts…``) and on a sentence of
the same shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from target_helpers import real_targets

from plangraph.api import build_corpus
from plangraph.model import Target

REALPLANS = Path(__file__).resolve().parent / "realplans"


def _numeric(folder: str, number: str) -> list[Target]:
    path = next((REALPLANS / folder).glob(f"{number}-*.txt"))
    return [t for t in build_corpus([path]).extraction.targets if t.value is not None]


def test_a_bare_magnitude_counts_what_the_subject_counts() -> None:
    # excerpts12/08: "5G用户数超过6000万…全省数据中心机架数将达到70万"; excerpts9/23:
    # "网民规模从2020年的9.89亿提高到12亿"
    by_label = {t.indicator.label_zh: t for t in _numeric("excerpts12", "08")}
    users = by_label["5G用户数"]
    assert (users.value, users.unit, users.comparator) == (Decimal(6000), "pg:TenThousand", "Above")
    assert by_label["数据中心机架数"].value == Decimal(70)
    net = {t.indicator.label_zh: t for t in _numeric("excerpts9", "23")}["网民规模"]
    assert (net.value, net.unit) == (Decimal(12), "pg:HundredMillion")


def test_a_bare_magnitude_of_people_is_a_count_of_people() -> None:
    # excerpts7/07: "农村贫困人口减少60万以上"; excerpts13/01: "…免费健康体检人数达1000万以上"
    body = "一、目标\n到2025年,农村贫困人口减少60万以上,免费健康体检人数达1000万以上。\n"
    by_value = {t.value: t for t in real_targets(body) if t.value is not None}
    poor = by_value[Decimal(600000)]
    assert (poor.unit, poor.count_noun, poor.comparator) == ("pg:Count", "人", "AtLeast")
    assert by_value[Decimal(10000000)].indicator.label_zh == "免费健康体检人数"


def test_a_population_or_a_size_with_a_bare_magnitude_sets_no_goal() -> None:
    # excerpts13/08 (a briefing): "“十四五”期间,我国老年人口将突破3亿" is a forecast; the real
    # plans' "常住人口2万以上的镇区" defines the towns meant
    body = (
        "一、目标\n到2025年,我国老年人口将突破3亿。常住人口2万以上的镇区基本实现污水全收集。"
        "城镇人口约6.9亿。\n"
    )
    assert [t for t in real_targets(body) if t.value is not None] == []
