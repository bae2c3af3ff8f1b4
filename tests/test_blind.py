"""Blind evaluation: the extractor on two plans it was never tuned on.

``tests/blind/*.txt`` are two plans written for this test (a provincial plan and a basin
plan) and ``tests/blind/gold.json`` is their annotation, made with the conventions of
``tests/gold/README.md`` before the extractor was run on them.  The scorer is the one of
the seed (``goldscore``, ``goldreport``), given the blind gold.

The floors below are 0.1 under what was measured when the set was made (rounded down), so
this test catches regressions without claiming the project's bar on unseen text.
Run ``pytest -s tests/test_blind.py`` to see the tables.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

from goldreport import numeric_report, places_report, qualitative_report
from goldscore import STRICT_FIELDS, Gold, agency_matches, extracted_targets, score_targets, table

HERE = Path(__file__).resolve().parent
BLIND = HERE / "blind"
BLIND_GOLD = BLIND / "gold.json"
GOLD = Gold.load(BLIND_GOLD)
PLAN_FILES = sorted(BLIND.glob("*.txt"))

# What was measured when the blind set was made (numeric matched/strict P, R, F1 and the
# per-field F1; places recall and precision; share of plans whose co-issuers are exact).
MEASURED: dict[str, float] = {
    "numeric matched P": 1.0,
    "numeric matched R": 1.0,
    "numeric matched F1": 1.0,
    "numeric strict P": 42 / 45,
    "numeric strict R": 42 / 45,
    "numeric strict F1": 42 / 45,
    **{
        f"numeric field {name} F1": 1.0
        for name in (
            "value",
            "unit",
            "comparator",
            "direction",
            "target_year",
            "base_year",
            "aspirational",
            "recurrence",
            "owner",
        )
    },
    "numeric field scope F1": 42 / 45,
    "places recall": 80 / 97,
    "places precision": 87 / 92,
    "agencies exact plans": 1.0,
}


def floor_of(measured: float) -> float:
    """0.1 below the measured figure, rounded down to two decimals."""
    return max(0.0, math.floor(round((measured - 0.1) * 100, 6)) / 100)


FLOORS: dict[str, float] = {name: floor_of(value) for name, value in MEASURED.items()}


@functools.cache
def extraction() -> tuple[tuple[Any, ...], Any]:
    from plangraph.extract import extract
    from plangraph.read import read_plans

    plans = tuple(read_plans(PLAN_FILES))
    return plans, extract(plans)


def check(figures: dict[str, float]) -> list[str]:
    return [
        f"{name} {figures[name]:.3f} < floor {floor}"
        for name, floor in FLOORS.items()
        if name in figures and figures[name] < floor
    ]


def numeric_figures() -> tuple[dict[str, float], str]:
    _, ex = extraction()
    got = [r for r in extracted_targets(ex) if r["value"] is not None]
    score = score_targets(GOLD.targets(numeric=True), got)
    figures: dict[str, float] = {}
    for label, (p, r, f) in (("matched", score.matched), ("strict", score.strict)):
        figures |= {f"numeric {label} P": p, f"numeric {label} R": r, f"numeric {label} F1": f}
    for name in STRICT_FIELDS:
        figures[f"numeric field {name} F1"] = score.field(name)[2]
    return figures, numeric_report(ex, GOLD).text


def test_blind_gold_is_canonical_and_quotes_exact() -> None:
    text = BLIND_GOLD.read_text(encoding="utf-8")
    gold = json.loads(text)
    assert text == json.dumps(gold, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    for plan in gold["plans"].values():
        source = (HERE.parent / plan["source"]).read_text(encoding="utf-8")
        for t in plan["targets"]:
            assert t["quote"] in source, t["quote"]
        for p in plan["places"]:
            assert all(x in source for x in p["printed"]), p["name"]


def test_blind_structure() -> None:
    plans, _ = extraction()
    gold = GOLD.plans
    by_id = {p.id: p for p in plans}
    assert set(by_id) == set(gold), sorted(by_id)
    for pid, gp in gold.items():
        plan, st = by_id[pid], gp["structure"]
        assert (len(plan.sections), len(plan.tasks)) == (st["sections"], st["tasks"]), pid
        assert (plan.stated_sections, plan.stated_tasks) == (
            st["stated_sections"],
            st["stated_tasks"],
        )
        assert list(plan.issuers) == st["issuers_printed"], pid
        assert plan.approved_by == st["approved_by"], pid


def test_blind_numeric_targets() -> None:
    figures, text = numeric_figures()
    print("\nBLIND NUMERIC TARGETS\n" + text)
    print("\n".join(f"  {k}: {v:.3f}" for k, v in figures.items()))
    problems = check(figures)
    assert not problems, "\n".join(problems)


def test_blind_qualitative_targets_report() -> None:
    print("\nBLIND QUALITATIVE TARGETS (info)\n" + qualitative_report(extraction()[1], GOLD).text)


def test_blind_places() -> None:
    report = places_report(extraction()[1], GOLD)
    print("\nBLIND PLACES\n" + report.text)
    figures = {f"places {k}": v for k, v in report.figures.items()}
    print("\n".join(f"  {k}: {v:.3f}" for k, v in figures.items()))
    problems = check(figures)
    assert not problems, "\n".join(problems)


def test_blind_agencies() -> None:
    """Co-issuers exact per plan (printed or full name), and the approver."""
    _, ex = extraction()
    agencies = {a.id: a for a in ex.agencies}
    rows: list[list[object]] = []
    exact = 0
    gold = GOLD.plans
    for pid, gp in gold.items():
        issuers = [agencies.get(aid) for p, aid in ex.issued_by if p == pid]
        want = gp["agencies"]["issuers"]
        missing = [g["name"] for g in want if not any(a and agency_matches(g, a) for a in issuers)]
        extra = [
            a.name if a else "?"
            for a in issuers
            if not a or not any(agency_matches(g, a) for g in want)
        ]
        approver = {
            "name": gp["agencies"]["approved_by"],
            "printed": gp["agencies"]["approved_by_printed"],
        }
        approvers = [agencies.get(aid) for p, aid in ex.approved_by if p == pid]
        approved = any(a and agency_matches(approver, a) for a in approvers)
        ok = not missing and not extra
        exact += ok
        got = "、".join(a.name if a else "?" for a in issuers)
        rows.append(
            [pid, "exact" if ok else "NOT exact", got, "missing: " + ("、".join(missing) or "-")]
        )
        rows.append([pid, "approved_by " + ("ok" if approved else "MISSING"), approver["name"], ""])
        if extra:
            rows.append([pid, "extra", "、".join(extra), ""])
    print("\nBLIND AGENCIES\n" + table(["plan", "result", "got", "detail"], rows))
    figures = {"agencies exact plans": exact / len(gold)}
    print(f"  co-issuers exact on {exact}/{len(gold)} plans")
    problems = check(figures)
    assert not problems, "\n".join(problems)
