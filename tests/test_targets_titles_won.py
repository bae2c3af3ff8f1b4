"""Commitments without numbers in county and sector work plans (issue 12, round 11): a title
won (创建/创成/争创/成功创建/建成 …示范县, …卫生县城, …区域公用品牌) and an assessment passed
(通过…验收, 复核, 考核, 技术评估).  Synthetic clauses in the genre's shapes; a task's
manner of creating (择优创建, 积极创建) and places that are no title (国家公园 in a task) stay
out."""

from __future__ import annotations

import pytest
from target_helpers import targets_of


def _commitments(body: str) -> list[tuple[str, str | None, bool]]:
    return [
        (t.indicator.label_zh, t.state, t.aspirational)
        for t in targets_of(body, year=2021)
        if t.value is None
    ]


@pytest.mark.parametrize(
    ("clause", "indicator", "state", "aspirational"),
    [
        ("成功创建国家生态文明建设示范县", "国家生态文明建设示范县", "Established", False),
        ("创成省级美丽乡村示范县", "省级美丽乡村示范县", "Established", False),
        ("争创国家全域旅游示范区", "国家全域旅游示范区", "Established", True),
        ("力争创成国家卫生县城", "国家卫生县城", "Established", True),
        ("争创省级区域公用品牌", "省级区域公用品牌", "Established", True),
        ("建成省级数字农业示范县", "省级数字农业示范县", "Established", False),
        ("通过省级生态县复核验收", "省级生态县复核验收", "Completed", False),
        ("顺利通过国家卫生县城技术评估", "国家卫生县城技术评估", "Completed", False),
        ("通过国家农产品质量安全县复核", "国家农产品质量安全县复核", "Completed", False),
    ],
)
def test_a_title_won_or_an_assessment_passed_under_a_deadline(
    clause: str, indicator: str, state: str, aspirational: bool
) -> None:
    assert _commitments(f"一、工作目标\n到2022年,{clause}。\n") == [
        (indicator, state, aspirational)
    ]


@pytest.mark.parametrize(
    "clause",
    [
        "择优创建国家生态文明建设示范区",  # a task's manner: the best are chosen, no pledge
        "通过技术改造提升产能",  # 通过 as a means, not an assessment
    ],
)
def test_a_manner_of_creating_or_a_means_is_no_commitment(clause: str) -> None:
    assert _commitments(f"一、工作目标\n到2022年,{clause}。\n") == []
