"""Target extraction on held-out plans of the genre (``tests/genre/targets-*.txt``).

The seed corpus is what the extractor was first written against; these three plans (a
provincial air-quality action plan, a river-basin plan whose task numbering restarts in
every section, and a provincial eco-environment plan with multi-paragraph goals) were
written afterwards, with their gold (``tests/genre/gold-targets.json``) annotated before the
extractor was run on them.  They follow how real Chinese plans phrase commitments: per-year
value lists, 翻一番, 两成, 百分之N, 三分之一, 不低于/不超过/低于/约, 均 and 分别,
YYYY年底前, 到“十四五”末, 2024—2027年 periods, and goals that continue over paragraphs.

The scorer is the one of the seed gold (``goldscore``: same pairing, same strict fields).  Run
``pytest -s tests/test_targets_genre.py`` to see the tables.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from goldscore import (
    fmt,
    score_targets,
    table,
    target_details,
    target_record,
    target_table,
)

HERE = Path(__file__).resolve().parent
GENRE = HERE / "genre"
GOLD = GENRE / "gold-targets.json"
NUMERIC_F1_BAR = 0.9


@functools.cache
def _gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _gold_targets(*, numeric: bool) -> list[dict[str, Any]]:
    out = []
    for pid, plan in _gold()["plans"].items():
        for t in plan["targets"]:
            if t["numeric"] is numeric:
                out.append({**t, "plan": pid, "scope_names": [t["scope"]] if t["scope"] else []})
    return out


@functools.cache
def _extraction() -> Any:
    from plangraph.extract import extract
    from plangraph.read import read_plans

    files = [GENRE / p["file"] for p in _gold()["plans"].values()]
    return read_plans(files), extract(read_plans(files))


def _extracted() -> list[dict[str, Any]]:
    _, extraction = _extraction()
    places = {p.id: p for p in extraction.places}
    return [target_record(t, places) for t in extraction.targets]


def _per_plan(gold: list[dict[str, Any]], got: list[dict[str, Any]]) -> str:
    rows = []
    for pid in _gold()["plans"]:
        s = score_targets(
            [g for g in gold if g["plan"] == pid], [e for e in got if e["plan"] == pid]
        )
        rows.append([pid, s.n_gold, s.n_extracted, *map(fmt, s.matched), *map(fmt, s.strict)])
    heads = ["plan", "gold", "got", "P", "R", "F1", "P strict", "R strict", "F1 strict"]
    return table(heads, rows)


# ------------------------------------------------------------------------------ the gold


def test_genre_gold_is_canonical_and_quoted_from_the_files() -> None:
    text = GOLD.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    for pid, plan in data["plans"].items():
        raw = (GENRE / plan["file"]).read_text(encoding="utf-8")
        for t in plan["targets"] + plan["non_targets"]:
            assert t["quote"] in raw, (pid, t["quote"])
        for t in plan["targets"]:
            assert t["owner"] == "plan" or t["owner"].startswith("task:"), t
            assert (t["value"] is None) is (not t["numeric"]), t


def test_genre_plans_are_read_as_annotated() -> None:
    plans, _ = _extraction()
    assert {p.id for p in plans} == set(_gold()["plans"])
    for plan in plans:
        keys = {f"task:{t.key}" for t in plan.tasks} | {"plan"}
        for t in _gold()["plans"][plan.id]["targets"]:
            assert t["owner"] in keys, (plan.id, t["owner"])


# ------------------------------------------------------------------------------ scores


def test_genre_numeric_targets(record_property: Callable[[str, object], None]) -> None:
    gold = _gold_targets(numeric=True)
    got = [e for e in _extracted() if e["value"] is not None]
    score = score_targets(gold, got)
    text = (
        target_table("genre numeric targets", score)
        + "\n\n"
        + _per_plan(gold, got)
        + "\n"
        + target_details(score)
    )
    print("\n" + text)
    record_property("genre_numeric_targets", text)
    assert score.f1_strict >= NUMERIC_F1_BAR, (
        f"genre numeric F1 (all fields right) {score.f1_strict:.3f} < {NUMERIC_F1_BAR}\n" + text
    )


def test_genre_qualitative_targets_report(record_property: Callable[[str, object], None]) -> None:
    """Certain qualitative targets: reported, no bar."""
    gold = _gold_targets(numeric=False)
    got = [e for e in _extracted() if e["value"] is None]
    score = score_targets(gold, got, counted=lambda g: bool(g["certain"]))
    text = target_table("genre qualitative targets (certain)", score) + "\n" + target_details(score)
    print("\n" + text)
    record_property("genre_qualitative_targets", text)


def test_genre_non_targets_stay_out() -> None:
    """No numeric target is quoted from a clause that the gold lists as a non-target."""
    got = _extracted()
    problems = []
    for pid, plan in _gold()["plans"].items():
        for nt in plan["non_targets"]:
            for e in got:
                if e["plan"] == pid and e["value"] is not None and e["quote"] in nt["quote"]:
                    problems.append(f"{pid}: {e['quote']} [{e['value']}] ({nt['reason']})")
    assert not problems, "\n".join(problems)
