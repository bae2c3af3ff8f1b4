"""Targets on the real plans of the development set, against gold written by reading.

``tests/realplans/gold/<slug>/targets.json`` holds, per plan, the numeric targets and the
commitments without numbers a careful reader finds (the schema and conventions of
``../shared/eval/README.md``), written before plangraph's output on the plan was looked at.
The figures come from the official scorer (``../shared/eval/score_plan.py``) on the graph of
the plan's targets.  Where the reader cannot yet read a plan's structure (第一章 第一节
plans), every line is a paragraph of one section: the targets stage is measured on its own.

Run ``pytest -s tests/test_targets_realplans.py`` to see the figures and every difference.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pyoxigraph as ox
import pytest

from plangraph import model
from plangraph.errors import PlangraphError
from plangraph.extract import extract
from plangraph.graph import corpus_triples
from plangraph.read import read_plans
from plangraph.read.normalize import normalize
from plangraph.read.structure import split_sentences

ROOT = Path(__file__).resolve().parents[1]
#: ``../shared`` beside the repository (a worktree of it sits one folder deeper)
SHARED = next(
    (d for d in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if d.is_dir()),
    ROOT.parent / "shared",
)
PLANS = SHARED / "real-plans"
SCORER = SHARED / "eval" / "score_plan.py"
GOLD = Path(__file__).resolve().parent / "realplans" / "gold"
BLIND = set(
    (GOLD.parent / "blind.txt").read_text(encoding="utf-8").split()
)  # reported, not tuned on
SLUGS = sorted(p.parent.name for p in GOLD.glob("*/targets.json") if p.parent.name not in BLIND)
#: The plan's own area and year, for plans read line by line (as the plan states them).
FLAT = {
    "bazhong-eco-environment-14fyp": ("巴中", 2021),
    "guangdong-eco-civilization-14fyp": ("广东", 2021),
}
#: Each plan: measured 0.79-0.88 at first, 0.90-0.97 after the second round of issue 12
#: (the misses left are mostly units the official scorer cannot compare: km², kWh, tce).
NUMERIC_F1_FLOOR = 0.88
NUMERIC_F1_POOLED = 0.94  # all targets of the plans together (measured 0.949)
QUALITATIVE_RECALL_BAR = 0.8  # over all plans together

needs_plans = pytest.mark.skipif(
    not (PLANS.is_dir() and SCORER.is_file()),
    reason=f"the development set ({PLANS}) and its scorer are not here",
)


def _gold(slug: str) -> dict[str, Any]:
    return json.loads((GOLD / slug / "targets.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@functools.cache
def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_plan", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _flat(slug: str) -> model.Plan:
    doc = normalize((PLANS / f"{slug}.txt").read_text(encoding="utf-8"), slug)
    text = "\n".join(doc.lines)
    sentences, pos = [], 0
    for line in doc.lines:
        for a, b in split_sentences(line):
            sentences.append(model.Sentence(len(sentences) + 1, pos + a, pos + b, line[a:b]))
        pos += len(line) + 1
    region, year = FLAT[slug]
    section = model.Section(2, "", 0, len(text), 1, tuple(sentences), ())
    return model.Plan(
        id=slug[:20], title=doc.lines[0], region=region, year=year, text=text, source=slug,
        line=1, numbering="continuous", preface=None, preamble=None, sections=(section,),
        closing=None, issuers=(), approved_by=None, stated_sections=None, stated_tasks=None,
        abridged=False, note=None,
    )  # fmt: skip


@functools.cache
def _score(slug: str) -> tuple[dict[str, Any], list[str]]:
    try:
        plans = read_plans([PLANS / f"{slug}.txt"])
    except PlangraphError:
        plans = (_flat(slug),)
    corpus = model.Corpus(plans, extract(plans))
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in corpus_triples(corpus))
    gold = _gold(slug)
    for item in gold["targets"] + gold["qualitative"]:
        item["plan"] = "plan"
    return _scorer().score_targets(store, gold)  # type: ignore[no-any-return]


@needs_plans
@pytest.mark.parametrize("slug", SLUGS)
def test_gold_is_quoted_from_the_plan(slug: str) -> None:
    text = (PLANS / f"{slug}.txt").read_text(encoding="utf-8")
    gold = _gold(slug)
    assert gold["targets"] and gold["qualitative"]
    for item in gold["targets"] + gold["qualitative"]:
        assert item["quote"] in text, (slug, item["quote"])
    for t in gold["targets"]:
        assert t["comparator"] in {"<=", "<", ">=", ">", "=", "~", "+", "+~"}, t
        assert (t["base_year"] is None) or t["base_year"] < (t["target_year"] or 9999), t


@needs_plans
@pytest.mark.parametrize("slug", SLUGS)
def test_numeric_targets_on_real_plans(slug: str) -> None:
    figures, notes = _score(slug)
    print(f"\n{slug}: {json.dumps(figures, ensure_ascii=False)}\n  " + "\n  ".join(notes))
    assert figures["f1"] >= NUMERIC_F1_FLOOR, (figures, notes)


@needs_plans
def test_numeric_targets_on_real_plans_pooled() -> None:
    right = extracted = gold = 0
    for slug in SLUGS:
        figures, _ = _score(slug)
        right += figures["all_fields_right"]
        extracted += figures["numeric_extracted"]
        gold += figures["gold"]
    precision, recall = right / extracted, right / gold
    assert 2 * precision * recall / (precision + recall) >= NUMERIC_F1_POOLED, (
        right,
        extracted,
        gold,
    )


@needs_plans
def test_commitments_without_numbers_on_real_plans() -> None:
    found = total = 0
    for slug in SLUGS:
        figures, _ = _score(slug)
        n = len(_gold(slug)["qualitative"])
        found += round(figures["qualitative_recall"] * n)
        total += n
    assert found / total >= QUALITATIVE_RECALL_BAR, (found, total)
