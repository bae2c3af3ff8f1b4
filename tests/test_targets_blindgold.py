"""Targets on the two plans scored blind in the last round, as regression guards.

``tests/realplans/blind-gold/{jiangsu-climate-14fyp,eco-environment-monitoring-14fyp}.json``
were written by readers who saw no plangraph code or output; their first scores (numeric
targets F1 0.739 and 0.333, commitments recall 0.614 and 0.565) were measured before anyone
looked at the misses.  The misses were then read by cause and fixed in the genre's terms
(``test_targets_unseen.py``); the figures measured after that are the floors below, rounded
down, so that the causes stay fixed.  They are development gold now, not blind figures.
Run ``pytest -s tests/test_targets_blindgold.py`` to see the figures and every difference.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from test_targets_realplans import PLANS, SCORER, _scorer

from plangraph import model
from plangraph.extract import extract
from plangraph.graph import corpus_triples
from plangraph.read import read_plans

BLIND_GOLD = Path(__file__).resolve().parent / "realplans" / "blind-gold"
#: slug -> (numeric targets F1, commitments recall), measured 0.903/0.842 and 0.683/0.804
#: (江苏 0.913 -> 0.903: 2克标准煤/千瓦时 is read now, a unit the scorer cannot compare);
#: 山西 (second round: blind 0.731/0.571, measured 0.861/0.902 after the causes of
#: ``test_targets_slogans.py``; four of its misses are units the scorer cannot compare)
FLOORS = {
    "jiangsu-climate-14fyp": (0.9, 0.8),
    "eco-environment-monitoring-14fyp": (0.65, 0.8),
    "shanxi-two-mountains-seven-rivers-14fyp": (0.85, 0.88),
}


def _figures(slug: str) -> tuple[dict[str, Any], list[str]]:
    plans = read_plans([PLANS / f"{slug}.txt"])
    corpus = model.Corpus(plans, extract(plans))
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in corpus_triples(corpus))
    gold = json.loads((BLIND_GOLD / f"{slug}.json").read_text(encoding="utf-8"))
    for item in gold["targets"] + gold["qualitative"]:
        item["plan"] = "plan"
    return _scorer().score_targets(store, gold)  # type: ignore[no-any-return]


@pytest.mark.skipif(
    not (PLANS.is_dir() and SCORER.is_file()),
    reason=f"the development set ({PLANS}) and its scorer are not here",
)
@pytest.mark.parametrize("slug", sorted(FLOORS))
def test_last_rounds_blind_plans_stay_fixed(slug: str) -> None:
    figures, notes = _figures(slug)
    print(f"\n{slug}: {json.dumps(figures, ensure_ascii=False)}\n  " + "\n  ".join(notes))
    numeric_floor, commitments_floor = FLOORS[slug]
    assert figures["f1"] >= numeric_floor, (figures, notes)
    assert figures["qualitative_recall"] >= commitments_floor, figures
