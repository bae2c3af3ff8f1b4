"""Causes found in the fifth round's blind excerpts (``tests/realplans/excerpts5``, read after
they were scored) and in the merge of that round, each checked on the real sentence.

Saved web pages put a space between a number and its unit (总产值达1000 亿元, 2-3 个,
30 户以上): the number keeps its unit, and a count of the list just named stays no goal across
the space (揭阳共 14 个).  One value for districts named together without 分别 is one target.
A measure of two things (受污染耕地和污染地块安全利用率) keeps both in its indicator.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from target_helpers import targets_of

from plangraph import model
from plangraph.extract import extract
from plangraph.read import read_plans

EXCERPTS = Path(__file__).parent / "realplans"

BODY = """\
一、总体要求
(一)主要目标。
到2020年,全市节能环保产业总产值达1000 亿元,年均增长15%以上。\
省级及以上节能环保产业示范园区基地2-3 个,节能环保产业服务中介机构达到30 户以上。
"""


def test_a_space_before_the_unit_keeps_the_unit() -> None:
    found = {(t.value, t.unit, t.count_noun, t.comparator) for t in targets_of(BODY, year=2016)}
    assert (Decimal(1000), "pg:HundredMillionYuan", None, "Exactly") in found
    assert (Decimal(2), "pg:Count", "个", "AtLeast") in found
    assert (Decimal(30), "pg:Count", "户", "AtLeast") in found


def test_a_space_before_a_year_word_makes_no_target() -> None:
    # "2020 年" is a year, as "2020年" is
    assert not [
        t
        for t in targets_of("一、总体要求\n(一)主要目标。\n2020 年全市完成工作。\n", 2016)
        if t.value
    ]


def _numeric_of(path: Path) -> list[model.Target]:
    plans = read_plans([path])
    return [t for t in extract(plans).targets if t.value is not None]


def test_a_count_of_the_list_just_named_stays_no_goal_across_a_space() -> None:
    # 广东省近岸海域污染防治实施方案 (excerpts6/13): "…潮州、揭阳共 14 个市" counts the
    # cities listed, read as 广东省's plan
    found = _numeric_of(
        EXCERPTS / "excerpts6" / "13-guangdong-coastal-waters-pollution-2018-2020.txt"
    )
    assert not [t for t in found if t.value == 14]


def test_one_value_for_districts_named_together_is_one_target() -> None:
    # 成都市社区嵌入式服务设施建设工作方案 (excerpts4/04), read as 成都市's plan: its
    # districts resolve, and without 分别 the one value is one target scoped by the first
    found = _numeric_of(
        EXCERPTS / "excerpts4" / "04-chengdu-community-embedded-service-facilities-2024.txt"
    )
    (target,) = [t for t in found if t.value == 50]
    assert target.scope_text is not None and target.scope_text.endswith("成华区")


def test_a_measure_of_two_things_keeps_both_in_its_indicator() -> None:
    # 肥城市土壤污染防治工作方案 (excerpts5/13): 受污染耕地和污染地块安全利用率 is the rate of
    # each of the two (as its gold reads it: two targets per value), never 污染地块's alone
    # nor the table's 重点建设用地安全利用率 (sixth round: was one target of both)
    found = _numeric_of(EXCERPTS / "excerpts5" / "13-feicheng-soil-pollution-work-plan-2017.txt")
    labels = sorted((t.value, t.indicator.label_zh) for t in found if t.value in (90, 95))
    assert [label for _, label in labels] == ["受污染耕地安全利用率", "污染地块安全利用率"] * 2
