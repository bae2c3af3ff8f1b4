"""Round 16 (issue 12): causes of missed targets counted over every development set, each
rule tested on the real text it was found in (``realplans/excerpts…``) and on a sentence of
the same shape."""

from __future__ import annotations

from decimal import Decimal

from excerpt_targets import excerpt_corpus, numeric
from target_helpers import real_targets

from plangraph.model import Target


def _numeric(folder: str, number: str) -> list[Target]:
    return numeric(excerpt_corpus(folder, number))


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


def test_a_count_after_a_verb_counts_the_noun_after_it_not_who_acts() -> None:
    # excerpts10/06: "内蒙古还将着力构建3个全国性综合交通枢纽城市、7个区域性综合交通枢纽城市";
    # excerpts10/24: "新增24个、提升10个A级景区村庄"; excerpts9/07: "新增完成 1967 个以上
    # 自然村生活污水治理提升工程" (after a clause whose object is 治理任务)
    labels = {t.value: t.indicator.label_zh for t in _numeric("excerpts10", "06")}
    assert labels[Decimal(3)] == "全国性综合交通枢纽城市"
    assert labels[Decimal(7)] == "区域性综合交通枢纽城市"
    body = (
        "一、目标\n到2025年,新增24个、提升10个A级景区村庄。"
        "完成省民生实事农村生活污水治理任务,新增完成 1967 个以上自然村生活污水治理提升工程。\n"
    )
    by_value = {t.value: t.indicator.label_zh for t in real_targets(body) if t.value is not None}
    assert by_value[Decimal(24)] == by_value[Decimal(10)] == "A级景区村庄"
    # (新增 with nothing before it stays in front of what it counts: test_targets_blind16.py)
    assert by_value[Decimal(1967)] in (
        "自然村生活污水治理提升工程",
        "新增自然村生活污水治理提升工程",
    )


def test_a_count_whose_subject_names_something_keeps_it() -> None:
    # excerpts11/17: "46项市级绩效任务全部完成" is no goal of its own kind here; a subject
    # naming the thing before its verb is not replaced by what follows the count
    body = "一、目标\n到2025年,污水处理能力新增50万吨/日,美丽乡村示范村建成12个。\n"
    labels = {t.indicator.label_zh for t in real_targets(body) if t.value is not None}
    assert "美丽乡村示范村" in labels
