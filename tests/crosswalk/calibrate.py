"""Calibrate the crosswalk's weights and thresholds on two pairs.

Procedure (documented, deterministic): compute the six signals of every task pair of the
seed's 京津冀 (jjj-2025) × 长三角 (yrd-2025) and of two real provincial climate plans, 江苏 ×
山东 (``tests/realplans/blind-gold/crosswalk-jiangsu-shandong.json``; built from
``../shared/real-plans``), and search a grid — weights in steps of 0.05 summing to 1, the
same-matter threshold in steps of 0.01 — for the setting that maximises F1 of the
same-matter decision over both pairs together.  Ties go to the larger least margin between
the threshold and the nearest gold/non-gold score (a more robust cut), then to the most even
weights.  The decision is :func:`plangraph.analysis.crosswalk.decide`'s on a pair: mutual
best counterparts only; never between tasks whose specific main themes differ unless their
titles agree (``TITLES_AGREE``); never with a task that is the best counterpart of ``FOLDS``
tasks of the other plan about equally.  ``STANDS_OUT_SD`` (a mutual best pair standing that
many standard deviations out is the same matter above ``PARTIAL``) is not calibrated here: it
was set to 3.0 by hand after the held-out 广东 × 江苏 had been scored once (see
``plangraph.analysis.crosswalk``).  The partial-overlap threshold is chosen last, with the
rest fixed, to maximise F1 of the tasks without a counterpart (the "alone has" finding)
against each gold's ``unique``/``unmatched`` lists, ties to the lower threshold; F1 of "any
counterpart" (same or partial) is reported beside.  The held-out pairs (the
seed's 京津冀–粤港澳, 长三角–粤港澳; 广东 × 江苏) are never read.  Takes about a minute.

    python tests/crosswalk/calibrate.py            # prints the best settings and their F1

Since the level-wise decision (tests/crosswalk/folds.py), ``SAME_MATTER`` is only the rule of a
corpus too large to score every pair; the same-matter rule here is the one before it.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from plangraph.analysis import crosswalk, crosswalk_signals
from plangraph.analysis.project import load
from plangraph.api import build
from plangraph.store import load_store

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from score_real import GOLDS, REAL, gold_tasks, task_map  # noqa: E402

PLANS = ("jjj-2025", "yrd-2025")
PLAN = "https://w3id.org/plangraph/id/plan/"
Pair = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # signals, same, any, differ
ALONE: list[tuple[set[int], set[int]]] = []  # per pair: gold rows and columns with no counterpart


def _tensor(data: object, left: list[str], right: list[str]) -> tuple[np.ndarray, np.ndarray]:
    signals = crosswalk.task_signals(data)  # type: ignore[arg-type]
    index = {t.iri: i for i, t in enumerate(signals.tasks)}
    others = np.asarray([index[b] for b in right])
    tensor = np.stack([crosswalk.signal_matrix(signals, index[a], others) for a in left])
    differ = np.asarray(
        [[signals.main_matters_differ(index[a], index[b]) for b in right] for a in left]
    )
    return tensor, differ


def seed_pair() -> Pair:
    with tempfile.TemporaryDirectory() as out:
        build(outdir=out, analysis=False)
        data = load(load_store(Path(out) / "plangraph.ttl"))
    left = [t.iri for t in data.tasks if t.plan == PLAN + PLANS[0]]
    right = [t.iri for t in data.tasks if t.plan == PLAN + PLANS[1]]
    tensor, differ = _tensor(data, left, right)
    gold = json.loads((HERE / "gold-seed.json").read_text(encoding="utf-8"))
    pos = {a: k for k, a in enumerate(left)} | {b: k for k, b in enumerate(right)}
    same = np.zeros((len(left), len(right)), dtype=bool)
    anyc = np.zeros_like(same)
    for pair in gold["pairs"]:
        i, j = pos[PLAN + pair["a"]], pos[PLAN + pair["b"]]
        anyc[i, j] = True
        same[i, j] |= pair["grade"] == "same"
    ALONE.append(
        tuple({pos[PLAN + t] for t in gold["unique"][plan]} for plan in PLANS)  # type: ignore[arg-type]
    )
    return tensor, same, anyc, differ


def real_pair(gold_file: Path = GOLDS[0]) -> Pair:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    titles = gold_tasks(gold)
    slugs = list(dict.fromkeys(s for p in gold["pairs"] for s in (p["a"]["plan"], p["b"]["plan"])))
    with tempfile.TemporaryDirectory() as out:
        path = build([REAL / f"{s}.txt" for s in slugs], out, analysis=False).path
        data = load(load_store(path))
    maps = {s: task_map(data, titles[s]) for s in slugs}
    left = [maps[slugs[0]][n] for n in sorted(maps[slugs[0]])]
    right = [maps[slugs[1]][n] for n in sorted(maps[slugs[1]])]
    tensor, differ = _tensor(data, left, right)
    same = np.zeros((len(left), len(right)), dtype=bool)
    anyc = np.zeros_like(same)
    for pair in gold["pairs"]:
        i, j = pair["a"]["task"] - 1, pair["b"]["task"] - 1
        anyc[i, j] = True
        same[i, j] |= pair["grade"] == "same"
    (unmatched,) = gold["unmatched"].values()
    ALONE.append(tuple({n - 1 for n in unmatched[s]} for s in slugs))  # type: ignore[arg-type]
    return tensor, same, anyc, differ


def decide(
    scores: np.ndarray, threshold: float, tensor: np.ndarray, differ: np.ndarray
) -> np.ndarray:
    row = scores / np.maximum(scores.max(axis=1, keepdims=True), 1e-12)
    col = scores / np.maximum(scores.max(axis=0, keepdims=True), 1e-12)
    mutual = (row >= 1.0 - 1e-9) & (col >= 1.0 - 1e-9)
    vetoed = differ & (tensor[..., crosswalk.TITLE] < crosswalk.TITLES_AGREE)
    # a task that is the best counterpart of FOLDS tasks, none standing out, folds them
    best_row, best_col = scores.argmax(axis=0), scores.argmax(axis=1)
    folded = np.zeros_like(mutual)
    for axis, picks in ((0, best_row), (1, best_col)):
        for k in range(scores.shape[axis]):
            chosen = np.flatnonzero(picks == k)
            if len(chosen) < crosswalk.FOLDS:
                continue
            values = np.sort(scores[k, chosen] if axis == 0 else scores[chosen, k])[::-1]
            line = scores[k] if axis == 0 else scores[:, k]
            weak = line < crosswalk.STANDS_OUT * values[1]
            if axis == 0:
                folded[k] |= weak
            else:
                folded[:, k] |= weak
    return (scores >= threshold) & mutual & ~vetoed & ~folded


def f1(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = int((pred & gold).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def search(pairs: list[Pair]) -> dict[str, object]:
    steps = 20
    best: tuple[object, ...] | None = None
    thresholds = np.round(np.arange(0.10, 0.61, 0.01), 2)
    gold_count = max(sum(int(same.sum()) for _, same, _, _ in pairs), 1)
    width = len(crosswalk_signals.SIGNAL_NAMES)
    for parts in itertools.product(range(steps + 1), repeat=width - 1):
        if sum(parts) > steps:
            continue
        w = np.asarray([*parts, steps - sum(parts)], dtype=np.float64) / steps
        evenness = -float(np.var(w))
        inside_parts, outside_parts = [], []
        for tensor, same, _, differ in pairs:
            scores = np.round(tensor @ w, 9)
            eligible = decide(scores, 0.0, tensor, differ)
            inside_parts.append(scores[eligible & same])
            outside_parts.append(scores[eligible & ~same])
        inside, outside = (
            np.sort(np.concatenate(inside_parts)),
            np.sort(np.concatenate(outside_parts)),
        )
        tp = len(inside) - np.searchsorted(inside, thresholds - 1e-12, side="left")
        fp = len(outside) - np.searchsorted(outside, thresholds - 1e-12, side="left")
        p = tp / np.maximum(tp + fp, 1)
        r = tp / gold_count
        f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
        k = int(np.argmax(f))
        threshold = float(thresholds[k])
        low_in = inside[inside >= threshold - 1e-12]
        below = outside[outside < threshold]
        margin = min(
            float(low_in.min()) - threshold if low_in.size else 1.0,
            threshold - float(below.max()) if below.size else 1.0,
        )
        key = (round(float(f[k]), 6), round(margin, 6), evenness)
        if best is None or key > best[0]:
            best = (key, w, threshold, p[k], r[k], f[k])
    assert best is not None
    _, w, threshold, p, r, f = best
    partial_best = (-1.0, 0.0, 0.0, 0.0, 0.0)
    for partial in np.round(np.arange(0.10, threshold + 0.001, 0.01), 2):
        preds, golds = [], []
        hits = found = wanted = 0
        for (tensor, _, anyc, differ), (rows, columns) in zip(pairs, ALONE, strict=True):
            scores = np.round(tensor @ w, 9)
            linked = decide(scores, threshold, tensor, differ) | (scores >= partial)
            preds.append(linked.ravel())
            golds.append(anyc.ravel())
            alone_rows = set(np.flatnonzero(~linked.any(axis=1)).tolist())
            alone_columns = set(np.flatnonzero(~linked.any(axis=0)).tolist())
            hits += len(alone_rows & rows) + len(alone_columns & columns)
            found += len(alone_rows) + len(alone_columns)
            wanted += len(rows) + len(columns)
        pa, ra = hits / max(found, 1), hits / max(wanted, 1)
        alone_f1 = 2 * pa * ra / (pa + ra) if pa + ra else 0.0
        pp, rr, ff = f1(np.concatenate(preds), np.concatenate(golds))
        if alone_f1 > partial_best[0]:
            partial_best = (alone_f1, float(partial), pp, rr, ff)
    names = crosswalk_signals.SIGNAL_NAMES
    return {
        "weights": {n: round(float(x), 2) for n, x in zip(names, w, strict=True)},
        "same_matter": threshold,
        "partial": partial_best[1],
        "same_precision": round(float(p), 3),
        "same_recall": round(float(r), 3),
        "same_f1": round(float(f), 3),
        "alone_f1": round(partial_best[0], 3),
        "any_precision": round(partial_best[2], 3),
        "any_recall": round(partial_best[3], 3),
        "any_f1": round(partial_best[4], 3),
    }


def main() -> None:
    json.dump(search([seed_pair(), real_pair()]), sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
