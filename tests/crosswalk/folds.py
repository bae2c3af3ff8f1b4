"""Leave-one-pair-out check of the same-matter decision on the pairs of plans with a reader's gold.

The pairs (:mod:`pairs`): the seed's three plans as one pair (京津冀, 长三角, 粤港澳:
``gold-seed.json`` and ``gold-heldout-blind.json``), 江苏 × 山东, 广东 × 江苏
(``real-guangdong-jiangsu.json``), 宁夏 × 山西, 巴中 × 呼和浩特, 广东 × 巴中, 宁夏 × 呼和浩特,
广东 × 呼和浩特, 江苏 × 国家适应战略, 山东 × 国家适应战略, 巴中 × 山西, 广东 × 山东,
呼和浩特 × 山西, 宁夏 × 巴中, 广东 × 宁夏, 广东 × 山西, 山东 × 工业领域碳达峰, 江苏 × 工业,
广东 × 工业 and 广东 × 国家适应战略 (``../realplans/blind-gold/crosswalk-*.json``; twenty
folds).  Each is built once
(``--no-analysis``, kept by :mod:`pairs`); then, for each pair
held out, the decision's numbers are chosen on the others: ``STANDS_OUT_SD`` (how many
standard deviations a mutual best pair must stand above each task's mean score against the
other plan's tasks of its level), ``FOLDS`` (how many tasks of the other plan a broad task
must be the best counterpart of to be held to fold them), the fold rule's two
(:func:`plangraph.analysis.levels.fold_in`) and the paragraph rule's one
(:func:`plangraph.analysis.levels.agree_in_paragraphs`), by F1 of the same-matter pairs
pooled over the others (of the best settings, the middle one); the held-out pair is scored
with them.  Only the tasks each gold counts are scored (top-level tasks; pairs with an item
of a section, or with 指导思想, are left out as in ``score_real.py``).  Every fold is
printed, then every pair at the values in :mod:`plangraph.analysis.crosswalk` and
:mod:`plangraph.analysis.levels`.  Takes about eight minutes once the pairs are built.

    python tests/crosswalk/folds.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from plangraph.analysis import crosswalk as cw
from plangraph.analysis.levels import (
    AGREE_SD,
    FOLD_SD,
    FOLD_SHARE,
    agree_in_paragraphs,
    fold_in,
    paragraphs,
)

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from pairs import Pair, load_pairs  # noqa: E402

GRID = np.round(np.arange(1.5, 4.51, 0.05), 2)
FOLDS_GRID = (3, 4, 5, 6, 7, 8, 99)  # 99: no task is ever held to fold others
NEVER = 99.0
NARROW = (2.25, 2.3, 2.35, 2.4, 2.45, 2.5)  # deviations tried with the fold rule
# the fold rule (levels.fold_in): deviations on the narrow side, share of the broad side's best
FOLD_GRID = (
    *((z, g) for z in (2.0, 2.25, 2.5, 2.75, 3.0, 3.5) for g in (0.7, 0.8, 0.85, 0.9, 0.95)),
    (NEVER, 1.0),
)
AGREE_GRID = (3.0, 3.5, 4.0, NEVER)  # levels.agree_in_paragraphs: deviations on the far side

Gold = tuple[frozenset[frozenset[str]], frozenset[str]]  # same-matter pairs, tasks in scope


def counts(
    prepared: tuple[object, ...],
    sd: float,
    gold: Gold,
    folds: int | None = None,
    fold: tuple[float, float] | None = None,
    agree: float | None = None,
) -> tuple[int, int, int]:
    """Hits, found and gold same-matter pairs within the gold's tasks (``fold``: the fold
    rule's deviations and share, :func:`plangraph.analysis.levels.fold_in`; None: as released)."""
    signals, scored, nesting, depth, parts = prepared
    kept = cw.FOLDS
    cw.FOLDS = kept if folds is None else folds
    try:
        grades = cw.decide(
            scored,
            signals.plan_index,  # type: ignore[attr-defined]
            signals=signals,  # type: ignore[arg-type]
            depth=depth,  # type: ignore[arg-type]
            stands_out_sd=sd,
        )
    finally:
        cw.FOLDS = kept
    scores = {p: s.score for p, s in scored.items()}  # type: ignore[attr-defined]
    fold_sd, share = fold if fold is not None else (FOLD_SD, FOLD_SHARE)
    if fold_sd < NEVER:
        fold_in(
            grades,
            scores,
            signals.plan_index,  # type: ignore[attr-defined]
            depth,  # type: ignore[arg-type]
            parts,  # type: ignore[arg-type]
            nesting,  # type: ignore[arg-type]
            least=cw.SAME_LEAST,
            few=cw.FEW_TASKS,
            fold_sd=fold_sd,
            share=share,
        )
    agree_sd = AGREE_SD if agree is None else agree
    if agree_sd < NEVER:  # as the crosswalk does, after the fold rule
        agree_in_paragraphs(
            grades,
            scores,
            signals.plan_index,  # type: ignore[attr-defined]
            depth,  # type: ignore[arg-type]
            parts,  # type: ignore[arg-type]
            least=cw.SAME_LEAST,
            few=cw.FEW_TASKS,
            agree_sd=agree_sd,
        )
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
    parts = paragraphs(signals.tasks, [cw._text(t) for t in signals.tasks])
    return signals, scored, cw.nested(signals.tasks), cw.depths(signals.tasks), parts


def figures(t: tuple[int, int, int]) -> str:
    h, f, g = t
    return f"P {h / max(f, 1):.3f} ({h}/{f}) R {h / max(g, 1):.3f} ({h}/{g})"


def f1(t: tuple[int, int, int]) -> float:
    h, f, g = t
    p, r = h / max(f, 1), h / max(g, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


# deviations, FOLDS, the fold rule's two, the paragraph rule's (levels.agree_in_paragraphs)
Setting = tuple[float, int, tuple[float, float], float]


def main(argv: list[str]) -> None:
    """``--main``: the decision without the fold rule (its two numbers chosen per fold, as
    in round 5); default: with it, all four numbers chosen per fold on a narrower grid;
    ``--floor P``: each fold's numbers those with the most hits on the other pairs among the
    settings whose precision there reaches P (wider deviations), so that the held-out figures
    say what recall a precision floor leaves."""
    pairs: list[Pair] = load_pairs()
    loaded = [(p.data, (p.same, p.scope)) for p in pairs]
    names = [p.name for p in pairs]
    prepared = [prepare(data) for data, _ in loaded]
    floor = float(argv[argv.index("--floor") + 1]) if "--floor" in argv else None
    if "--main" in argv:
        settings: list[Setting] = [
            (float(sd), folds, (NEVER, 1.0), NEVER) for sd in GRID for folds in FOLDS_GRID
        ]
    elif floor is not None:  # wider deviations: the precision a floor asks for
        settings = [
            (sd, folds, fold, agree)
            for sd in (2.35, 2.5, 2.75, 3.0, 3.25, 3.5, 4.0)
            for folds in (6, 99)
            for fold in ((2.25, 0.7), (2.5, 0.85), (3.0, 0.85), (3.5, 0.95), (NEVER, 1.0))
            for agree in (3.5, 4.0, NEVER)
        ]
    else:
        settings = [
            (float(sd), folds, fold, agree)
            for sd in NARROW
            for folds in (6, 7, 99)
            for fold in FOLD_GRID
            for agree in AGREE_GRID
        ]
    table = {
        (k, setting): counts(
            prepared[k], setting[0], loaded[k][1], setting[1], setting[2], setting[3]
        )
        for k in range(len(pairs))
        for setting in settings
    }

    def pooled(setting: Setting, ks: list[int]) -> tuple[int, int, int]:
        parts = [table[(k, setting)] for k in ks]
        return (sum(x[0] for x in parts), sum(x[1] for x in parts), sum(x[2] for x in parts))

    def name(s: Setting) -> str:
        fold = "no fold rule" if s[2][0] >= NEVER else f"fold rule {s[2][0]:.2f}/{s[2][1]:.2f}"
        agree = "no paragraph rule" if s[3] >= NEVER else f"paragraph rule {s[3]:.2f}"
        return f"{s[0]:.2f} deviations, folds {s[1]}, {fold}, {agree}"

    held_total = (0, 0, 0)
    for held in range(len(pairs)):
        rest = [k for k in range(len(pairs)) if k != held]
        if floor is not None:  # the most hits among the settings precise enough on the rest
            enough = [s for s in settings if pooled(s, rest)[0] >= floor * pooled(s, rest)[1]]
            scores = [
                (pooled(s, rest)[0] - pooled(s, rest)[1] / 1e4, s) for s in enough or settings
            ]
        else:
            scores = [(round(f1(pooled(s, rest)), 4), s) for s in settings]
        top = max(v for v, _ in scores)
        plateau = [s for v, s in scores if v == top]
        chosen = plateau[len(plateau) // 2]
        got = table[(held, chosen)]
        held_total = (held_total[0] + got[0], held_total[1] + got[1], held_total[2] + got[2])
        print(
            f"held out {names[held]}: chosen on the others {name(chosen)} "
            f"({'hits' if floor is not None else 'F1'} {top:.3f}, {len(plateau)} best settings); "
            f"held out {figures(got)}"
        )
    print(f"pooled held out: {figures(held_total)} F1 {f1(held_total):.3f}")
    fold = (FOLD_SD, FOLD_SHARE) if "--main" not in argv else (NEVER, 1.0)
    agree = AGREE_SD if "--main" not in argv else NEVER
    at: Setting = (float(np.round(cw.STANDS_OUT_SD, 2)), cw.FOLDS, fold, agree)
    if at in settings:
        for k, pair in enumerate(names):
            print(f"as released ({name(at)}): {pair} {figures(table[(k, at)])}")
        total = pooled(at, list(range(len(pairs))))
        print(f"as released: pooled {figures(total)} F1 {f1(total):.3f}")
    ranked = sorted((round(f1(pooled(s, list(range(len(pairs))))), 4), s) for s in settings)
    print("all pooled, best: " + "; ".join(f"{name(s)}: {v:.4f}" for v, s in ranked[:-6:-1]))


if __name__ == "__main__":
    main(sys.argv[1:])
