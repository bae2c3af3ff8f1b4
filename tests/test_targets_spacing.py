"""Saved web pages put a space between a number and its unit (总产值达1000 亿元, 2-3 个,
30 户以上): the number keeps its unit.  The sentences are from 聊城市“十三五”节能环保产业发展
规划 as reposted on a news site (a text of this round's blind excerpts, read after scoring)."""

from __future__ import annotations

from decimal import Decimal

from target_helpers import targets_of

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
