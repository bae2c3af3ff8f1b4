"""Commitments without numbers (``extract/targets/commitments.py``): a subject and the state
it is to reach by a deadline, one target per clause, with ``pg:state`` from a closed set.
The clauses are phrasings of the genre found in the development set's plans."""

from __future__ import annotations

import pytest
from target_helpers import targets_of

from plangraph import model


def commitments(clause: str) -> list[model.Target]:
    return targets_of("二、任务\n(一)任务。到2025年," + clause + "。")


@pytest.mark.parametrize(
    ("clause", "indicator", "state"),
    [
        ("低碳生产和生活方式基本形成", "低碳生产和生活方式", "Established"),
        ("生态文明制度体系基本建成", "生态文明制度体系", "Established"),
        ("减污降碳协同管理机制初步建立", "减污降碳协同管理机制", "Established"),
        ("全面建成生活垃圾分类处理系统", "生活垃圾分类处理系统", "Established"),
        ("全面完成病险水库除险加固", "病险水库除险加固", "Completed"),
        ("全省钢铁企业完成超低排放改造", "超低排放改造", "Completed"),
        ("力争规模以上入河排污口全部整治到位", "规模以上入河排污口", "Completed"),
        (
            "2500吨/日及以下的水泥熟料生产线全部整合退出",
            "2500吨/日及以下的水泥熟料生产线",
            "Eliminated",
        ),
        ("基本消除城市建成区生活污水直排口", "城市建成区生活污水直排口", "Eliminated"),
        ("农田氧化亚氮排放总量稳中有降", "农田氧化亚氮排放总量", "StableThenDecline"),
        ("煤炭消费量实现负增长", "煤炭消费总量", "NegativeGrowth"),  # the listed name
        ("温室气体排放总量得到有效控制", "温室气体排放总量", "Curbed"),
        ("城镇新建建筑全部达到绿色建筑标准", "城镇新建建筑", "StandardMet"),
        ("污水处理厂全部优于一级A标准排放", "污水处理厂", "StandardMet"),
        ("部分工业行业碳排放实现达峰", "二氧化碳排放达峰", "Peaked"),
        ("城市黑臭水体全面消除", "黑臭水体", "Eliminated"),
    ],
)
def test_a_state_with_a_deadline_is_one_target(clause: str, indicator: str, state: str) -> None:
    (t,) = commitments(clause)
    assert (t.indicator.label_zh, t.state, t.target_year, t.value) == (indicator, state, 2025, None)
    assert t.quote.text.endswith(clause[-4:])


def test_the_states_that_were_directions_keep_them() -> None:
    (t,) = commitments("淮河水质保持Ⅲ类")
    assert (t.direction, t.state) == ("Maintain", "ClassReached")
    (t,) = commitments("基本消除重污染天气")
    assert (t.direction, t.state) == ("Eliminate", "Eliminated")
    (t,) = commitments("生态保护红线面积不减少")
    assert (t.direction, t.state) == ("Maintain", None)


@pytest.mark.parametrize(
    "clause",
    [
        "美丽中国先行区基本建成",  # a vision
        "生态环境治理体系和治理能力现代化基本实现",
        "绿色生产生活方式广泛形成",  # how much, not which state
        "应对气候变化法规政策体系更加完善",
        "用水总量增长得到控制",  # a change that stops
        "加强碳达峰、碳中和顶层设计",  # 碳达峰 names a programme
        "科学编制全省碳达峰行动方案",
        "建立健全覆盖污染源和环境质量的监测体系",
    ],
)
def test_visions_degrees_and_programmes_are_no_commitments(clause: str) -> None:
    assert commitments(clause) == []


def test_a_commitment_needs_a_deadline() -> None:
    assert targets_of("二、任务\n(一)任务。低碳生产和生活方式基本形成。") == []


def test_one_target_per_clause_not_per_phrase() -> None:
    found = commitments("生态文明制度体系基本建成,绿色低碳循环发展经济体系基本建立")
    assert [t.state for t in found] == ["Established", "Established"]


def test_a_rise_held_back_is_no_increase() -> None:
    assert commitments("严格合理控制煤炭消费量增长") == []
