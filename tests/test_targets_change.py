"""A target's value is either the size of a change (下降3%) or the level to reach (降至40%).

``pg:value`` 3 with ``pg:comparator pg:AtLeast`` and ``pg:direction pg:Decrease`` reads the
same for 下降3%以上 and 降至3%以上, which commit to very different things; ``pg:isChange``
tells them apart, and labels and tables print a change with its arrow (↓ ≥ 3%).  The
sentences are copied from the real plans of the development set (工业领域碳达峰实施方案,
江苏省“十四五”应对气候变化规划, 山东省“十四五”应对气候变化规划) and the seed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from target_helpers import targets_of

from plangraph import model
from plangraph.graph.facts import target_label

BODY = """\
一、总体要求
(一)主要目标。
到2025年,规模以上工业单位增加值能耗较2020年下降13.5%。
二、重点任务
(一)重点行业达峰行动。
到2025年,水泥熟料单位产品综合能耗水平下降3%以上。
到2025年,新建炼化一体化项目成品油产量占原油加工量比例降至40%以下。
到2025年,铝水直接合金化比例提高到90%以上。
(二)推动绿色低碳交通。
到2025年,全省内河集装箱运量比2020年翻一番。
北京可再生能源消费占比较2020年提高10个百分点左右。
到2025年,煤电装机占比下降至50%左右。
"""


def _by_quote(targets: list[model.Target], words: str) -> model.Target:
    (target,) = [t for t in targets if words in t.quote.text]
    return target


@pytest.fixture(scope="module")
def targets() -> list[model.Target]:
    return targets_of(BODY)


@pytest.mark.parametrize(
    ("words", "change", "direction", "comparator", "value"),
    [
        ("水泥熟料", True, "Decrease", "AtLeast", "3"),
        ("较2020年下降13.5%", True, "Decrease", "Exactly", "13.5"),
        ("翻一番", True, "Increase", None, "100"),
        ("提高10个百分点", True, "Increase", "About", "10"),
        ("降至40%以下", False, "Decrease", "AtMost", "40"),
        ("提高到90%以上", False, "Increase", "AtLeast", "90"),
        ("下降至50%左右", False, "Decrease", "About", "50"),
    ],
)
def test_a_change_is_told_from_a_level(
    targets: list[model.Target],
    words: str,
    change: bool,
    direction: str,
    comparator: str | None,
    value: str,
) -> None:
    target = _by_quote(targets, words)
    assert target.change is change
    assert target.direction == direction
    assert target.value == Decimal(value)
    if comparator is not None:
        assert target.comparator == comparator


def test_labels_print_a_change_with_its_arrow_and_base(targets: list[model.Target]) -> None:
    labels = {t.quote.text: target_label(t) for t in targets}
    assert labels["水泥熟料单位产品综合能耗水平下降3%以上"] == (
        "水泥熟料单位产品综合能耗水平 ↓ ≥ 3% (2025)"
    )
    cut = _by_quote(targets, "较2020年下降13.5%")
    assert target_label(cut) == "规模以上工业单位增加值能耗 ↓ 13.5% vs 2020 (2025)"
    level = _by_quote(targets, "降至40%以下")
    assert target_label(level).endswith("≤ 40% (2025)")
    assert "↓" not in target_label(level)


def test_a_table_row_named_as_a_change_is_a_change() -> None:
    # 山东省“十四五”应对气候变化规划, 主要指标 table
    body = (
        "二、主要目标\n"
        "山东省“十四五”应对气候变化主要指标\n"
        "指标\t2020年\t2025年\t指标属性\n"
        "(四)交通领域\n"
        "6.营运车辆单位周转量二氧化碳排放较2020年下降(%)\t—\t5\t预期性\n"
        "(五)农业领域\n"
        "11.湿地保护率(%)\t≥60\t≥60\t预期性\n"
    )
    found = targets_of(body)
    cut = _by_quote(found, "营运车辆")
    kept = _by_quote(found, "湿地保护率")
    assert (cut.change, cut.direction, cut.value) == (True, "Decrease", Decimal(5))
    assert kept.change is False


def test_the_seed_graph_says_which_values_are_changes(seed_graph) -> None:  # type: ignore[no-untyped-def]
    rows = seed_graph.query(
        """PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?quote ?change WHERE { ?t a pg:Target ; pg:quote ?quote ; pg:isChange ?change }"""
    )
    rows = list(rows)
    change = {str(r.quote): r.change.toPython() for r in rows}
    assert change["优良水体比例比2024年提升3.2个百分点"] is True
    assert change["北京可再生能源消费占比较2020年提高10个百分点左右"] is True
    assert change["细颗粒物(PM2.5)年均浓度降至33微克/立方米"] is False
    assert change["美丽乡村整县建成比例达到41%"] is False
    # every target with a value says which it is; commitments without a number say nothing
    with_value = seed_graph.query(
        """PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT (COUNT(?t) AS ?n) WHERE { ?t a pg:Target ; pg:value ?v }"""
    )
    assert len(rows) == next(iter(with_value)).n.toPython() > 30
