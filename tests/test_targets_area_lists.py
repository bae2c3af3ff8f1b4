"""Goals given area by area (issue 12, round 11): a lead that names the measure, then each
county with its figure (``extract/targets/area_lists.py``).  Synthetic sentences in the
genre's shapes, with real county names (宜春's 靖安县, 奉新县, 万载县) so that the project's
own resolver reads them: every figure gets the lead's measure and its county as scope; the
lead is no target of its own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from target_helpers import real_targets

COUNTIES = ("jingan", "fengxin", "wanzai")


@pytest.mark.parametrize(
    ("goals", "indicator", "values"),
    [
        (
            "各县(市、区)森林覆盖率目标分别为:靖安县84%、奉新县70%、万载县68%",
            "森林覆盖率",
            ("84", "70", "68"),
        ),
        (
            "各地PM2.5浓度目标:靖安县25微克/立方米,奉新县28微克/立方米,万载县30微克/立方米",
            "PM2.5浓度",
            ("25", "28", "30"),
        ),
        (
            "各县(市、区)单位GDP能耗下降目标为:靖安县14%,奉新县15%,万载县15.5%",
            "单位GDP能耗",
            ("14", "15", "15.5"),
        ),
        (
            "空气质量优良天数比率:靖安县达到95%,奉新县达到92%,万载县达到90%",
            "空气质量优良天数比率",
            ("95", "92", "90"),
        ),
        (
            "全市完成造林10万亩。其中,靖安县2万亩,奉新县1.5万亩,万载县0.8万亩",
            "造林",
            ("2", "1.5", "0.8"),
        ),
    ],
)
def test_each_countys_figure_measures_what_the_lead_names(
    goals: str, indicator: str, values: tuple[str, ...]
) -> None:
    found = [
        (t.indicator.label_zh, t.value, t.scope, t.target_year)
        for t in real_targets(f"一、工作目标\n到2026年,{goals}。\n")
        if t.scope is not None
    ]
    assert found == [
        (indicator, Decimal(v), county, 2026) for v, county in zip(values, COUNTIES, strict=True)
    ]


def test_the_lead_is_no_commitment_of_its_own() -> None:
    """各县(市、区)单位GDP能耗下降目标为: announces the figures, commits to nothing."""
    found = real_targets(
        "一、工作目标\n到2026年,各县(市、区)单位GDP能耗下降目标为:靖安县14%,奉新县15%。\n"
    )
    assert all(t.value is not None for t in found)


def test_a_colon_after_words_that_name_no_measure_is_no_lead() -> None:
    """主要任务: names no measure: the clause after it keeps its own subject."""
    found = real_targets("一、工作目标\n到2026年,主要任务:新建污水管网120公里。\n")
    assert [(t.indicator.label_zh, t.value) for t in found] == [("新建污水管网", Decimal(120))]
