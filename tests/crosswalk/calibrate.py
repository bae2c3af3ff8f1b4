"""Calibrate the crosswalk's weights and thresholds on the seed's calibration pair.

Procedure (documented, deterministic): build the seed graph, compute the five signals of
every task pair of 京津冀 (jjj-2025) × 长三角 (yrd-2025), and search a grid — weights in
steps of 0.05 summing to 1, the same-matter threshold in steps of 0.01, the relative share in
steps of 0.05 — for the setting that maximises F1 of the same-matter decision against
``tests/crosswalk/gold-seed.json``.  Ties go to the larger least margin between the
threshold and the nearest gold/non-gold score (a more robust cut), then to the most even
weights, then to the larger relative share (fewer one-to-many claims for the same evidence;
before, the loop order chose the smallest).  Pairs whose specific main themes differ are never
the same matter, as in :func:`plangraph.analysis.crosswalk.decide`.  The partial-overlap
threshold is then chosen, with the rest fixed, to maximise F1 of "any counterpart" (same or
partial).  The other two seed pairs are never read.  Takes about a minute.

    python tests/crosswalk/calibrate.py            # prints the best settings and their F1
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from plangraph.analysis import crosswalk
from plangraph.analysis.project import load
from plangraph.api import build
from plangraph.store import load_store

HERE = Path(__file__).parent
PLANS = ("jjj-2025", "yrd-2025")
PLAN = "https://w3id.org/plangraph/id/plan/"


def signals_for_pair() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    with tempfile.TemporaryDirectory() as out:
        build(outdir=out, analysis=False)
        data = load(load_store(Path(out) / "plangraph.ttl"))
    signals = crosswalk.task_signals(data)
    index = {t.iri: i for i, t in enumerate(signals.tasks)}
    left = [t.iri for t in signals.tasks if t.plan == PLAN + PLANS[0]]
    right = [t.iri for t in signals.tasks if t.plan == PLAN + PLANS[1]]
    others = np.asarray([index[b] for b in right])
    tensor = np.stack([crosswalk.signal_matrix(signals, index[a], others) for a in left])
    # pairs whose specific main themes differ are never the same matter
    differ = np.asarray(
        [[signals.main_matters_differ(index[a], index[b]) for b in right] for a in left]
    )
    gold = json.loads((HERE / "gold-seed.json").read_text(encoding="utf-8"))
    pos = {a: k for k, a in enumerate(left)} | {b: k for k, b in enumerate(right)}
    same = np.zeros((len(left), len(right)), dtype=bool)
    anyc = np.zeros_like(same)
    for pair in gold["pairs"]:
        i, j = pos[PLAN + pair["a"]], pos[PLAN + pair["b"]]
        anyc[i, j] = True
        same[i, j] |= pair["grade"] == "same"
    return tensor, same, anyc, differ


def decide(scores: np.ndarray, threshold: float, relative: float, differ: np.ndarray) -> np.ndarray:
    row = scores / np.maximum(scores.max(axis=1, keepdims=True), 1e-12)
    col = scores / np.maximum(scores.max(axis=0, keepdims=True), 1e-12)
    top = np.maximum(row, col) >= 1.0 - 1e-9
    return (scores >= threshold) & top & (np.minimum(row, col) >= relative) & ~differ


def f1(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = int((pred & gold).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def search(
    tensor: np.ndarray, same: np.ndarray, anyc: np.ndarray, differ: np.ndarray
) -> dict[str, object]:
    steps = 20
    best: tuple[object, ...] | None = None
    thresholds = np.round(np.arange(0.20, 0.71, 0.01), 2)
    relatives = np.round(np.arange(0.50, 1.01, 0.05), 2)
    gold_count = max(int(same.sum()), 1)
    for parts in itertools.product(range(steps + 1), repeat=4):
        if sum(parts) > steps:
            continue
        w = np.asarray([*parts, steps - sum(parts)], dtype=np.float64) / steps
        scores = np.round(tensor @ w, 9)
        evenness = -float(np.var(w))
        for relative in relatives:
            eligible = decide(scores, 0.0, float(relative), differ)
            inside = np.sort(scores[eligible & same])
            outside = np.sort(scores[eligible & ~same])
            # for every threshold at once: pairs at or above it, inside and outside the gold
            tp = len(inside) - np.searchsorted(inside, thresholds - 1e-12, side="left")
            fp = len(outside) - np.searchsorted(outside, thresholds - 1e-12, side="left")
            p = tp / np.maximum(tp + fp, 1)
            r = tp / gold_count
            f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
            low_in = float(inside.min()) if inside.size else None
            for k, threshold in enumerate(thresholds):
                below = outside[outside < threshold]
                margin = min(
                    low_in - threshold if low_in is not None else 1.0,
                    float(threshold - below.max()) if below.size else 1.0,
                )
                key = (round(float(f[k]), 6), round(margin, 6), evenness, float(relative))
                if best is None or key > best[0]:
                    best = (key, w, float(threshold), float(relative), p[k], r[k], f[k])
    assert best is not None
    _, w, threshold, relative, p, r, f = best
    scores = np.round(tensor @ w, 9)
    same_pred = decide(scores, threshold, relative, differ)
    partial_best = (-1.0, 0.0, 0.0, 0.0)
    for partial in np.round(np.arange(0.10, threshold + 0.001, 0.01), 2):
        pred = same_pred | (scores >= partial)
        pp, rr, ff = f1(pred, anyc)
        if ff > partial_best[0]:
            partial_best = (ff, float(partial), pp, rr)
    names = crosswalk.SIGNAL_NAMES
    return {
        "weights": {n: round(float(x), 2) for n, x in zip(names, w, strict=True)},
        "same_matter": threshold,
        "relative": relative,
        "partial": partial_best[1],
        "same_precision": round(float(p), 3),
        "same_recall": round(float(r), 3),
        "same_f1": round(float(f), 3),
        "any_precision": round(partial_best[2], 3),
        "any_recall": round(partial_best[3], 3),
        "any_f1": round(partial_best[0], 3),
    }


def main() -> None:
    json.dump(search(*signals_for_pair()), sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
