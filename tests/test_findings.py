"""Key findings: the "what differs" section that opens analyze and the report."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from plangraph.analysis import Analysis, analyze, to_markdown
from plangraph.display import comparator, unit

PLAN = "https://w3id.org/plangraph/id/plan/"


@pytest.fixture(scope="module")
def result(seed_store: ox.Store) -> Analysis:
    return analyze(seed_store)


def test_pm25_targets_differ_by_region(result: Analysis) -> None:
    pm25 = next(f for f in result.findings if f.text.startswith("细颗粒物(PM2.5)"))
    assert "京津冀 ≤ 33 µg/m³, 2027" in pm25.text
    assert "长三角 ≤ 30 µg/m³, 2027" in pm25.text
    assert "粤港澳大湾区 ≤ 20 µg/m³, 2027" in pm25.text
    assert "细颗粒物(PM2.5)年均浓度降至33微克/立方米" in pm25.quotes


def test_scope_is_named_when_a_target_covers_part_of_a_region(result: Analysis) -> None:
    # 粤港澳: 美丽乡村整县建成比例 is set for 广东 only
    village = next(f for f in result.findings if f.text.startswith("美丽乡村整县建成比例"))
    assert "粤港澳大湾区 (广东) = 50%" in village.text


def test_climate_adaptation_task_is_jjj_alone(result: Analysis) -> None:
    unique = [f for f in result.findings if f.kind == "unique-task"]
    jjj = next(f for f in unique if f.plans == (PLAN + "jjj-2025",))
    assert "提升适应气候变化能力" in jjj.text


def test_places_outside_the_region(result: Analysis) -> None:
    outside = [f for f in result.findings if f.kind == "outside-place"]
    inner_mongolia = next(f for f in outside if "内蒙古" in f.text)
    assert any("蒙电入沪" in q for q in inner_mongolia.quotes)


def test_markdown_opens_with_what_differs(result: Analysis) -> None:
    text = to_markdown(result)
    assert text.index("## What differs") < text.index("## Task crosswalk")
    assert text.index("## Task crosswalk") < text.index("## Shared themes")
    assert "MicroGM-PER-M3" not in text and "AtMost" not in text


def test_display_units_and_comparators() -> None:
    assert unit("http://qudt.org/vocab/unit/MicroGM-PER-M3") == "µg/m³"
    assert unit("PERCENT") == "%"
    assert unit("https://w3id.org/plangraph/ontology#PercentagePoint") == "个百分点"
    assert unit("TenThousandKiloW") == "万千瓦"
    assert [comparator(c) for c in ("AtMost", "Below", "AtLeast", "Above", "Exactly", "About")] == [
        "≤",
        "<",
        "≥",
        ">",
        "=",
        "≈",
    ]
