"""Several same-matter counterparts per task (folds), judged leave-one-pair-out.

The crosswalk grades at most one same-matter counterpart per task and level (a mutual best
pair).  Readers of the newer pairs grade a broad task the same matter as each narrower task
of the other plan whose whole matter one of its paragraphs is (a fold).  This script adds,
to the crosswalk's decision as released, the one-sided pairs a fold rule accepts, and scores
each rule as :mod:`folds` scores the decision: its numbers chosen on eight pairs (pooled F1,
the middle of the best settings, "no fold" among the settings), the ninth scored, every fold
printed and the held-out figures pooled.

A one-sided pair: the narrow task's best counterpart among the other plan's tasks of that
level is the broad task, while the broad task's best is another task.  Features, all
scale-free: how many deviations the pair stands out on the narrow side (``z``), the pair's
score over the broad task's best score (``gap``), whether the broad task already has a
same-matter counterpart (a fold adds one to a task that has one), whether that counterpart
and the narrow task are siblings (within two places in their plan), and whether a paragraph
of the broad task is the narrow task's best paragraph of that plan while the narrow task is
that paragraph's best task (paragraph-mutual), and how close the narrow task's title is to
the lead sentence of one of the broad task's paragraphs (健全环境治理监管体系。 opens a
paragraph of 广东's 加快构建现代环境治理体系, and is 巴中's task of that title).

    python tests/crosswalk/several.py
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from plangraph.analysis import crosswalk as cw
from plangraph.analysis import crosswalk_signals, vectors

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from folds import f1, figures  # noqa: E402
from pairs import Pair, load_pairs  # noqa: E402

Row = dict[str, float]
NONE = float("inf")


def _lead(paragraph: str) -> str:
    m = re.match(r"[^。；;：:！]{2,40}[。；;：:！]", paragraph)
    return m.group(0)[:-1] if m else ""


def _dense(rows: vectors.Rows) -> np.ndarray:
    out = np.zeros(rows.shape)
    for i in range(rows.shape[0]):
        idx, w = rows.row(i)
        out[i, idx] = w
    return out


def pair_rows(pair: Pair) -> tuple[list[Row], set[frozenset[str]], int]:
    """The decision's same-matter pairs in scope, and every one-sided candidate's features."""
    signals = cw.task_signals(pair.data)  # type: ignore[arg-type]
    tasks = signals.tasks
    pools, _ = cw.candidates(signals)
    scored = cw.score_pairs(signals, pools, cw.WEIGHTS)
    nesting, depth = cw.nested(tasks), cw.depths(tasks)
    grades = cw.decide(scored, signals.plan_index, signals=signals, depth=depth)
    scores = {p: s.score for p, s in scored.items()}
    cw.in_an_item(grades, scores, nesting, depth)
    cw.one_level(grades, scores, nesting, depth)
    plans, level = signals.plan_index.tolist(), depth.tolist()
    n = len(tasks)
    peers = {
        (p, d): [k for k in range(n) if plans[k] == p and level[k] == d]
        for p, d in {(plans[k], level[k]) for k in range(n)}
    }

    def s(a: int, b: int) -> float:
        return scores.get((min(a, b), max(a, b)), 0.0)

    def ranked(x: int, other: int) -> list[int]:
        return sorted(peers[(plans[other], level[other])], key=lambda m: (-s(x, m), m))

    paragraphs = [
        (k, line) for k, t in enumerate(tasks) for line in t.text.split("\n")[1:] if len(line) >= 15
    ]
    owner = np.asarray([k for k, _ in paragraphs])
    text = _dense(vectors.tfidf([cw._text(t) for t in tasks] + [p for _, p in paragraphs]))
    by_paragraph = text[:n] @ text[n:].T
    titles = _dense(
        vectors.tfidf(
            [crosswalk_signals._title(t) for t in tasks] + [_lead(p) or "-" for _, p in paragraphs]
        )
    )
    by_lead = titles[:n] @ titles[n:].T  # a task's title against each paragraph's lead
    same = {
        frozenset((tasks[i].iri, tasks[j].iri))
        for (i, j), g in grades.items()
        if g == "same" and tasks[i].iri in pair.scope and tasks[j].iri in pair.scope
    }
    has_same = {k for (i, j), g in grades.items() if g == "same" for k in (i, j)}
    out: list[Row] = []
    for (i, j), sc in scores.items():
        if sc < cw.SAME_LEAST or grades.get((i, j)) == "same":
            continue
        if tasks[i].iri not in pair.scope or tasks[j].iri not in pair.scope:
            continue
        for narrow, broad in ((i, j), (j, i)):
            mine = ranked(narrow, broad)
            if mine[0] != broad:
                continue
            theirs = ranked(broad, narrow)
            if theirs[0] == narrow:
                continue  # mutual: the decision's
            values = np.asarray([s(narrow, m) for m in mine])
            z = (sc - values.mean()) / values.std() if values.std() > 0 else 0.0
            partner = theirs[0]
            order = peers[(plans[narrow], level[narrow])]
            held = np.where(owner == broad)[0]
            plan_paragraphs = np.where(np.isin(owner, peers[(plans[broad], level[broad])]))[0]
            mutual_paragraph = 0.0
            lead = float(by_lead[narrow, held].max()) if len(held) else 0.0
            if len(held):
                p = held[int(np.argmax(by_paragraph[narrow, held]))]
                best_task = max(order, key=lambda m: by_paragraph[m, p])
                best_paragraph = plan_paragraphs[
                    int(np.argmax(by_paragraph[narrow, plan_paragraphs]))
                ]
                mutual_paragraph = float(best_task == narrow and best_paragraph == p)
            out.append(
                {
                    "gold": float(frozenset((tasks[i].iri, tasks[j].iri)) in pair.same),
                    "key": hash(frozenset((tasks[i].iri, tasks[j].iri))),
                    "z": z,
                    "gap": sc / s(broad, partner),
                    "claimed": float(partner in has_same),
                    "sibling": float(abs(order.index(partner) - order.index(narrow)) <= 2),
                    "paragraph": mutual_paragraph,
                    "rank": float(theirs.index(narrow)),
                    "lead": lead,
                }
            )
    return out, same, len(pair.same)


Rule = Callable[..., bool]
GRID_Z = [2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 4.0, NONE]
GRID_GAP = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97]
RULES: dict[str, tuple[Rule, Sequence[tuple[float, ...]]]] = {
    "narrow side stands out, a close second on the broad side": (
        lambda r, z, g: r["z"] >= z and r["gap"] >= g,
        [(z, g) for z in GRID_Z for g in GRID_GAP],
    ),
    "+ the broad task has a same-matter counterpart": (
        lambda r, z, g: r["z"] >= z and r["gap"] >= g and r["claimed"],
        [(z, g) for z in GRID_Z for g in GRID_GAP],
    ),
    "+ that counterpart is the narrow task's sibling": (
        lambda r, z, g: r["z"] >= z and r["gap"] >= g and r["claimed"] and r["sibling"],
        [(z, g) for z in GRID_Z for g in GRID_GAP],
    ),
    "+ a paragraph of the broad task and the narrow task are each other's best": (
        lambda r, z, g: r["z"] >= z and r["gap"] >= g and r["paragraph"],
        [(z, g) for z in GRID_Z for g in GRID_GAP],
    ),
    "second on the broad side, stands out, paragraph-mutual, claimed": (
        lambda r, z, g: (
            r["z"] >= z and r["gap"] >= g and r["rank"] == 1 and r["paragraph"] and r["claimed"]
        ),
        [(z, g) for z in GRID_Z for g in GRID_GAP],
    ),
    "the narrow task's title is the lead of a paragraph of the broad task": (
        lambda r, z, t: r["z"] >= z and r["lead"] >= t,
        [(z, t) for z in GRID_Z for t in (0.5, 0.6, 0.7, 0.8, 0.9, NONE)],
    ),
}


def main() -> None:
    pairs = load_pairs()
    data = [pair_rows(p) for p in pairs]
    names = [p.name for p in pairs]
    base = [
        (len(same & p.same), len(same), gold)
        for (_, same, gold), p in zip(data, pairs, strict=True)
    ]
    released = (sum(b[0] for b in base), sum(b[1] for b in base), sum(b[2] for b in base))
    print(f"decision as released, all pairs: {figures(released)} F1 {f1(released):.3f}")
    for label, (rule, grid) in RULES.items():
        table = {}
        for k, (rows, _, _) in enumerate(data):
            for setting in grid:
                added = [r for r in rows if rule(r, *setting)]
                hits = len({r["key"] for r in added if r["gold"]})
                found = len({r["key"] for r in added})
                table[(k, setting)] = (base[k][0] + hits, base[k][1] + found, base[k][2])
        total, lines = [0, 0, 0], []
        for held in range(len(pairs)):
            rest = [k for k in range(len(pairs)) if k != held]
            ranked = [
                (round(f1(tuple(sum(table[(k, s)][n] for k in rest) for n in range(3))), 4), s)  # type: ignore[arg-type]
                for s in grid
            ]
            top = max(v for v, _ in ranked)
            plateau = [s for v, s in ranked if v == top]
            setting = plateau[len(plateau) // 2]
            h, f, g = table[(held, setting)]
            total = [total[0] + h, total[1] + f, total[2] + g]
            lines.append(f"{names[held]} {'/'.join(f'{x:g}' for x in setting)} {h}/{f}/{g}")
        t = (total[0], total[1], total[2])
        print(f"{label}: held out {figures(t)} F1 {f1(t):.3f}")
        print("   " + "; ".join(lines))


if __name__ == "__main__":
    main()
