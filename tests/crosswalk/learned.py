"""A learned same-matter decision, judged leave-one-pair-out against the released rule.

For every pair of tasks the crosswalk scores (both in the reader's scope), features from the
signals of :mod:`plangraph.analysis.crosswalk_signals` and from each task's row of scores
against the other plan's tasks of the partner's level (as :func:`~plangraph.analysis.
crosswalk.decide` takes them): the six signals and the score; on each side the deviations,
the rank, whether it is the best, the margin to the best other score (in deviations), the share
of the best, how many tasks of the other plan take the task as their best; the two tasks'
levels and length ratio; whether their main themes differ; the paragraph cosines of each
task with the other's closest paragraph and whether that paragraph agrees back
(:func:`~plangraph.analysis.levels.paragraph_mutual`); optionally the released grade.  Each
feature is taken symmetrically (min and max of the two sides), so the order of a pair does not
matter.

A logistic regression (numpy, Newton's method with an L2 penalty, no randomness) is trained
on the pairs of plans other than the one held out; the probability threshold is chosen on
those pairs by an inner leave-one-pair-out (each training pair's probabilities from a model
fitted on the other training pairs), maximising pooled F1; the held-out pair is scored with
the model fitted on every training pair at that threshold.  A task may get several
counterparts where the probability says so; ``--levels`` applies the released
``in_an_item`` and ``one_level`` after the threshold; ``--add`` keeps the released decision
(:func:`released_grades`) and adds the pairs it leaves out whose probability reaches the
threshold; ``--released`` adds the released grade as a feature; ``--inter`` a few products of
features (the released rule is a conjunction: mutual best and standing out).

    python tests/crosswalk/learned.py [--add] [--released] [--inter] [--levels] [--lam 1.0]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from folds import f1, figures, prepare  # noqa: E402
from pairs import load_pairs  # noqa: E402

from plangraph.analysis import crosswalk as cw  # noqa: E402
from plangraph.analysis.crosswalk_signals import SIGNAL_NAMES  # noqa: E402

FLOOR = cw.PARTIAL  # pairs scoring less are no counterparts (a reader's same there is missed)
THRESHOLDS = np.round(np.arange(0.10, 0.976, 0.025), 3)


def released_grades(prepared: tuple[object, ...]) -> dict[tuple[int, int], str]:
    signals, scored, nesting, depth, parts = prepared
    grades = cw.decide(scored, signals.plan_index, signals=signals, depth=depth)  # type: ignore
    scores = {p: s.score for p, s in scored.items()}  # type: ignore[attr-defined]
    cw.paragraph_rules(grades, scores, signals.plan_index, depth, parts, nesting)  # type: ignore
    cw.in_an_item(grades, scores, nesting, depth)  # type: ignore[arg-type]
    cw.one_level(grades, scores, nesting, depth)  # type: ignore[arg-type]
    return grades  # type: ignore[return-value]


def features(prepared: tuple[object, ...], scope: frozenset[str], with_released: bool):
    """(keys, X, names) for every scored pair of tasks in scope."""
    signals, scored, _, depth, parts = prepared
    tasks = signals.tasks  # type: ignore[attr-defined]
    plans = signals.plan_index.tolist()  # type: ignore[attr-defined]
    levels = depth.tolist()  # type: ignore[attr-defined]
    n = len(tasks)
    # pools: (task, other plan, level) -> {other: score}
    pool: dict[tuple[int, int, int], dict[int, float]] = defaultdict(dict)
    for (i, j), s in scored.items():  # type: ignore[attr-defined]
        pool[(i, plans[j], levels[j])][j] = s.score
        pool[(j, plans[i], levels[i])][i] = s.score
    stats = {}
    for key, row in pool.items():
        v = np.fromiter(row.values(), dtype=np.float64)
        order = np.sort(v)[::-1]
        stats[key] = (float(v.mean()), float(v.std()), order, len(v))
    bestof = {key: max(row, key=lambda k: (row[k], -k)) for key, row in pool.items()}
    chosen: dict[tuple[int, int, int], int] = defaultdict(int)  # how many take it as best
    for key, other in bestof.items():
        task = key[0]
        chosen[(other, plans[task], levels[task])] += 1
    # paragraphs: cosine of each paragraph with each task
    cos = (parts.lines @ parts.tasks.T).toarray()  # type: ignore[attr-defined]
    owner = parts.owner  # type: ignore[attr-defined]
    held: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(0, dtype=np.int64))
    for k in range(n):
        held[k] = np.flatnonzero(owner == k)
    group: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k in range(n):
        group[(plans[k], levels[k])].append(k)
    lengths = np.asarray([max(len(cw._text(t)), 1) for t in tasks], dtype=np.float64)
    grades = released_grades(prepared) if with_released else {}

    def para(task: int, other: int) -> tuple[float, float]:
        """Cosine of ``task`` with the closest paragraph of ``other``, and whether that
        paragraph's closest task of ``task``'s plan and level is ``task``."""
        h = held[other]
        if not len(h):
            return 0.0, 0.0
        c = cos[h, task]
        k = int(np.argmax(c))
        sib = group[(plans[task], levels[task])]
        near = cos[h[k], sib]
        return float(c[k]), float(sib[int(np.argmax(near))] == task)

    def side(task: int, other: int, s: float) -> list[float]:
        key = (task, plans[other], levels[other])
        mean, sd, order, size = stats[key]
        z = (s - mean) / sd if sd > 0 else 0.0
        rank = 1 + int(np.sum(order > s + 1e-9))
        is_best = float(rank == 1)
        rival = order[1] if rank == 1 and size > 1 else order[0]
        margin = (s - rival) / sd if sd > 0 else 0.0
        share = s / order[0] if order[0] > 0 else 0.0
        folds = chosen.get((task, plans[other], levels[other]), 0)
        return [
            z,
            np.log(rank),
            is_best,
            margin,
            share,
            np.log1p(folds),
            float(size < cw.FEW_TASKS),
        ]

    keys, rows = [], []
    for (i, j), s in scored.items():  # type: ignore[attr-defined]
        if tasks[i].iri not in scope or tasks[j].iri not in scope or s.score < FLOOR:
            continue
        a, b = side(i, j, s.score), side(j, i, s.score)
        pij, mij = para(i, j)
        pji, mji = para(j, i)
        sym = []
        for x, y in zip(a, b, strict=True):
            sym += [min(x, y), max(x, y)]
        ratio = abs(np.log(lengths[i] / lengths[j]))
        row = [
            *s.signals,
            s.score,
            *sym,
            float(levels[i] == levels[j]),
            float(max(levels[i], levels[j])),
            ratio,
            float(np.log(min(lengths[i], lengths[j]))),
            float(signals.main_matters_differ(i, j)),  # type: ignore[attr-defined]
            float(s.signals[SIGNAL_NAMES.index("title")] >= cw.TITLES_AGREE),
            min(pij, pji),
            max(pij, pji),
            mij + mji,
        ]
        if with_released:
            row.append(float(grades.get((i, j)) == "same"))
        keys.append((i, j))
        rows.append(row)
    sides = ["z", "logrank", "best", "margin", "share", "logfolds", "few"]
    names = [*SIGNAL_NAMES, "score", *(f"{m}_{x}" for x in sides for m in ("min", "max"))]
    names += [
        "same_level",
        "level",
        "len_ratio",
        "len_min",
        "themes_differ",
        "titles_agree",
        "para_min",
        "para_max",
        "para_mutual",
    ]
    if with_released:
        names.append("released")
    return keys, np.asarray(rows, dtype=np.float64), names


def fit(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Logistic regression by Newton's method, standardised features, L2 on the weights."""
    mu, sd = X.mean(0), X.std(0)
    sd[sd == 0] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], lam)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Z @ w, -30, 30)))
        g = Z.T @ (p - y) + reg * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w, mu, sd


def predict(model: tuple[np.ndarray, np.ndarray, np.ndarray], X: np.ndarray) -> np.ndarray:
    w, mu, sd = model
    Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])
    return 1 / (1 + np.exp(-np.clip(Z @ w, -30, 30)))


def main(argv: list[str]) -> None:
    with_released = "--released" in argv
    levels_after = "--levels" in argv
    lam = float(argv[argv.index("--lam") + 1]) if "--lam" in argv else 1.0
    pairs = load_pairs()
    prepared = [prepare(p.data) for p in pairs]
    data = []
    for pair, prep in zip(pairs, prepared, strict=True):
        keys, X, names = features(prep, pair.scope, with_released)
        if "--inter" in argv:  # the released rule is a conjunction: a few products
            col = {n: k for k, n in enumerate(names)}
            extra = [
                ("best_min*z_min", X[:, col["min_best"]] * X[:, col["min_z"]]),
                ("best_min*margin_min", X[:, col["min_best"]] * X[:, col["min_margin"]]),
                ("best_max*z_max", X[:, col["max_best"]] * X[:, col["max_z"]]),
                ("best_max*para_mutual", X[:, col["max_best"]] * X[:, col["para_mutual"]]),
                ("best_min*themes_differ", X[:, col["min_best"]] * X[:, col["themes_differ"]]),
                ("best_max*share_min", X[:, col["max_best"]] * X[:, col["min_share"]]),
            ]
            X = np.hstack([X, np.stack([v for _, v in extra], axis=1)])
            names = [*names, *(n for n, _ in extra)]
        tasks = prep[0].tasks  # type: ignore[attr-defined]
        y = np.asarray(
            [frozenset((tasks[i].iri, tasks[j].iri)) in pair.same for i, j in keys], dtype=float
        )
        data.append((keys, X, y))
    gold = [len(p.same) for p in pairs]
    index = [{p: n for n, p in enumerate(keys)} for keys, _, _ in data]

    add = "--add" in argv
    released = [
        {p for p, g in released_grades(prep).items() if g == "same"} if add else set()
        for prep in prepared
    ]

    def decided(k: int, probs: np.ndarray, t: float) -> tuple[int, int, int]:
        keys, _, y = data[k]
        if add:  # the released decision, and a pair it leaves out where the model is sure
            scope_same = {p for p in released[k] if p in index[k]}
            extra = {p for p, q in zip(keys, probs, strict=True) if q >= t}
            found = scope_same | extra
            hits = sum(1 for p in found if y[index[k][p]])
            return hits, len(found), gold[k]
        if not levels_after:
            sel = probs >= t
            return int(np.sum(y[sel])), int(np.sum(sel)), gold[k]
        _, scored, nesting, depth, _ = prepared[k]
        grades = {p: "same" for p, q in zip(keys, probs, strict=True) if q >= t}
        scores = {p: s.score for p, s in scored.items()}  # type: ignore[attr-defined]
        cw.in_an_item(grades, scores, nesting, depth)  # type: ignore[arg-type]
        cw.one_level(grades, scores, nesting, depth)  # type: ignore[arg-type]
        found = {p for p, g in grades.items() if g == "same"}
        hits = sum(1 for p, yy in zip(keys, y, strict=True) if yy and p in found)
        return hits, len(found), gold[k]

    fitted: dict[frozenset[int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def train(ks: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if frozenset(ks) not in fitted:
            X = np.vstack([data[k][1] for k in ks])
            y = np.concatenate([data[k][2] for k in ks])
            fitted[frozenset(ks)] = fit(X, y, lam)
        return fitted[frozenset(ks)]

    def pooled(ts: list[tuple[int, int, int]]) -> tuple[int, int, int]:
        return (sum(t[0] for t in ts), sum(t[1] for t in ts), sum(t[2] for t in ts))

    total = (0, 0, 0)
    K = len(pairs)
    for held in range(K):
        rest = [k for k in range(K) if k != held]
        inner_probs = {}
        for inner in rest:
            model = train([k for k in rest if k != inner])
            inner_probs[inner] = predict(model, data[inner][1])
        scores = []
        for t in THRESHOLDS:
            got = pooled([decided(k, inner_probs[k], float(t)) for k in rest])
            scores.append((round(f1(got), 4), float(t)))
        top = max(v for v, _ in scores)
        plateau = [t for v, t in scores if v == top]
        t = plateau[len(plateau) // 2]
        model = train(rest)
        got = decided(held, predict(model, data[held][1]), t)
        total = pooled([total, got])
        print(
            f"held out {pairs[held].name}: threshold {t:.3f} (inner F1 {top:.3f}); {figures(got)}",
            flush=True,
        )
    print(f"pooled held out: {figures(total)} F1 {f1(total):.3f}")
    # the threshold for all the pairs: each pair's probabilities from the model fitted on
    # the others (the held-out models above), pooled F1 over all
    outer = {k: predict(train([m for m in range(K) if m != k]), data[k][1]) for k in range(K)}
    ranked = [
        (round(f1(pooled([decided(k, outer[k], float(t)) for k in range(K)])), 4), float(t))
        for t in THRESHOLDS
    ]
    top = max(v for v, _ in ranked)
    plateau = [t for v, t in ranked if v == top]
    print(f"threshold on all: {plateau[len(plateau) // 2]:.3f} (F1 {top:.3f}, {len(plateau)} best)")
    model = train(list(range(K)))
    print("weights on all (standardised):")
    for name, w in zip(["bias", *names], model[0], strict=True):
        print(f"  {name:14s} {w:+.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
