"""Places on real plans: recall and precision against gold written by reading.

``tests/realplans/gold/<slug>/places.json`` holds the places of four of the development plans
(national, basin, provincial, municipal), read in ``../shared/real-plans/<slug>.txt`` and its
PDF.  ``scripts/measure_places.py`` runs the extractor on each text and scores it with the
rules of the official scorer; the bars are those of the issue (recall ≥ 0.92, precision ≥
0.95, micro-averaged over the plans).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANS = next(  # ../shared beside the repository, or beside a worktree's parent
    (
        p / "shared" / "real-plans"
        for p in ROOT.parents[:2]
        if (p / "shared" / "real-plans").is_dir()
    ),
    ROOT.parent / "shared" / "real-plans",
)
GOLD = ROOT / "tests" / "realplans" / "gold"
BLIND = set((ROOT / "tests" / "realplans" / "blind.txt").read_text(encoding="utf-8").split())
SLUGS = sorted(p.parent.name for p in GOLD.glob("*/places.json") if p.parent.name not in BLIND)

pytestmark = pytest.mark.skipif(
    not PLANS.is_dir(), reason=f"the real plans are not here ({PLANS} is missing)"
)


def _measure() -> ModuleType:
    path = ROOT / "scripts" / "measure_places.py"
    spec = importlib.util.spec_from_file_location("measure_places", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_gold_covers_every_level() -> None:
    assert {
        "ningxia-yellow-river-pilot-zone-2022",  # national, basin
        "national-climate-adaptation-strategy-2035",  # national
        "shandong-climate-14fyp",  # provincial
        "bazhong-eco-environment-14fyp",  # municipal
    } <= set(SLUGS)


def test_places_on_real_plans_meet_the_bar() -> None:
    measure = _measure()
    gold_places = found = extracted = right = 0
    report = []
    for slug in SLUGS:
        gold = json.loads((GOLD / slug / "places.json").read_text(encoding="utf-8"))
        text = (PLANS / f"{slug}.txt").read_text(encoding="utf-8")
        result, notes = measure.score(gold, measure.plangraph_places(text, gold["region_names"][0]))
        gold_places += result["gold"]
        found += result["found"]
        extracted += result["places"]
        right += result["right"]
        report.append(f"{slug}: {result} {notes}")
    recall, precision = found / gold_places, right / extracted
    assert recall >= 0.92 and precision >= 0.95, "\n".join(report)
