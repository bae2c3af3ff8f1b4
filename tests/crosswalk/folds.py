"""Leave-one-pair-out check of the same-matter decision on the pairs of plans with a reader's gold.

The pairs (:mod:`pairs`): the seed's three plans as one pair (京津冀, 长三角, 粤港澳:
``gold-seed.json`` and ``gold-heldout-blind.json``), 江苏 × 山东, 广东 × 江苏
(``real-guangdong-jiangsu.json``), 宁夏 × 山西, 巴中 × 呼和浩特, 广东 × 巴中 and 宁夏 ×
呼和浩特 (``../realplans/blind-gold/crosswalk-*.json``).  Each is built once (``--no-analysis``,
kept by :mod:`pairs`); then, for each pair held out, the one calibrated number of the decision,
``STANDS_OUT_SD`` (how many standard deviations a mutual best pair must stand above each
task's mean score against the other plan's tasks of its level), is chosen on the six others
(F1 of the same-matter pairs pooled over them; of the best settings, the middle one) and the
held-out pair is scored with it.  Only the tasks each gold counts are scored (top-level
tasks; pairs with an item of a section, or with 指导思想, are left out as in
``score_real.py``).  Every fold is printed, then all seven at the value in
:mod:`plangraph.analysis.crosswalk`.  Takes seconds once the pairs are built.

    python tests/crosswalk/folds.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from plangraph.analysis import crosswalk as cw

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from pairs import Pair, load_pairs  # noqa: E402

GRID = np.round(np.arange(1.5, 4.51, 0.05), 2)

Gold = tuple[frozenset[frozenset[str]], frozenset[str]]  # same-matter pairs, tasks in scope


def counts(prepared: tuple[object, ...], sd: float, gold: Gold) -> tuple[int, int, int]:
    """Hits, found and gold same-matter pairs within the gold's tasks."""
    signals, scored, nesting, depth = prepared
    grades = cw.decide(scored, signals.plan_index, signals=signals, depth=depth, stands_out_sd=sd)  # type: ignore[attr-defined]
    scores = {p: s.score for p, s in scored.items()}  # type: ignore[attr-defined]
    cw.in_an_item(grades, scores, nesting, depth)  # type: ignore[arg-type]
    cw.one_level(grades, scores, nesting, depth)  # type: ignore[arg-type]
    tasks = signals.tasks  # type: ignore[attr-defined]
    same, scope = gold
    found = {
        frozenset((tasks[i].iri, tasks[j].iri))
        for (i, j), g in grades.items()
        if g == "same" and tasks[i].iri in scope and tasks[j].iri in scope
    }
    return len(found & same), len(found), len(same)


def prepare(data: object) -> tuple[object, ...]:
    signals = cw.task_signals(data)  # type: ignore[arg-type]
    pools, _ = cw.candidates(signals)
    scored = cw.score_pairs(signals, pools, cw.WEIGHTS)
    return signals, scored, cw.nested(signals.tasks), cw.depths(signals.tasks)


def figures(t: tuple[int, int, int]) -> str:
    h, f, g = t
    return f"P {h / max(f, 1):.3f} ({h}/{f}) R {h / max(g, 1):.3f} ({h}/{g})"


def f1(t: tuple[int, int, int]) -> float:
    h, f, g = t
    p, r = h / max(f, 1), h / max(g, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    pairs: list[Pair] = load_pairs()
    loaded = [(p.data, (p.same, p.scope)) for p in pairs]
    names = [p.name for p in pairs]
    prepared = [prepare(data) for data, _ in loaded]
    table = {
        (k, sd): counts(prepared[k], float(sd), loaded[k][1])
        for k in range(len(pairs))
        for sd in GRID
    }
    held_total = [0, 0, 0]
    for held in range(len(pairs)):
        rest = [k for k in range(len(pairs)) if k != held]

        def pooled(sd: float, ks: list[int]) -> tuple[int, int, int]:
            parts = [table[(k, sd)] for k in ks]
            return tuple(int(sum(x[n] for x in parts)) for n in range(3))  # type: ignore[return-value]

        scores = [(round(f1(pooled(sd, rest)), 4), float(sd)) for sd in GRID]
        top = max(s for s, _ in scores)
        plateau = [sd for s, sd in scores if s == top]
        sd = plateau[len(plateau) // 2]
        held_total = [a + b for a, b in zip(held_total, table[(held, sd)], strict=True)]
        print(
            f"held out {names[held]}: chosen on the others {sd:.2f} (F1 {top:.3f}, best from "
            f"{plateau[0]:.2f} to {plateau[-1]:.2f}); held out {figures(table[(held, sd)])}"
        )
    pooled_held = (held_total[0], held_total[1], held_total[2])
    print(f"pooled held out: {figures(pooled_held)} F1 {f1(pooled_held):.3f}")
    at = float(np.round(cw.STANDS_OUT_SD, 2))
    for k, name in enumerate(names):
        print(f"at {at:.2f}: {name} {figures(table[(k, at)])}")
    total = tuple(int(sum(table[(k, at)][n] for k in range(len(pairs)))) for n in range(3))
    print(f"at {at:.2f}: pooled {figures(total)}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
