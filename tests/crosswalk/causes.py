"""Every false and missed same-matter pair of the gold pairs (:mod:`pairs`), by cause.

For each pair of :mod:`pairs`, the crosswalk's decision is retraced step by step
(:func:`plangraph.analysis.crosswalk.decide`, then :func:`~plangraph.analysis.levels.in_an_item`
and :func:`~plangraph.analysis.levels.one_level`), and each miss is put under the first step
that drops it:

- ``below partial``: the score is under ``PARTIAL`` (the two tasks share few words);
- ``close second``: not each other's best (and no fold, :func:`plangraph.analysis.levels.
  fold_in`), but within 10 % of the best on the side that lost;
- ``not best``: not each other's best, by more;
- ``weak``: mutual best, but under ``SAME_LEAST``;
- ``stands out too little``: mutual best, but under ``STANDS_OUT_SD`` deviations on one side;
- ``main themes differ``, ``folds``, ``in an item``, ``one level``: the rules of those names.

Each false pair is listed with the reader's grade (partial, or none) and whether one task is a
broad section against a narrower one (its text three times as long or more).

    python tests/crosswalk/causes.py            # every pair
    python tests/crosswalk/causes.py --counts   # the table of causes only
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from pairs import Pair, load_pairs  # noqa: E402

from plangraph.analysis import crosswalk as cw  # noqa: E402
from plangraph.analysis.levels import agree_in_paragraphs, fold_in, paragraphs  # noqa: E402

CLOSE = 0.9  # a loser within this fraction of the best is a close second
BROAD = 3.0  # one task's text this many times the other's: a broad section


def trace(pair: Pair) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(cause, description) of every miss and every false pair."""
    data = pair.data
    signals = cw.task_signals(data)  # type: ignore[arg-type]
    pools, exact = cw.candidates(signals)
    scored = cw.score_pairs(signals, pools, cw.WEIGHTS)
    nesting, depth = cw.nested(signals.tasks), cw.depths(signals.tasks)
    grades = cw.decide(scored, signals.plan_index, signals=signals, depth=depth, exact=exact)
    decided = dict(grades)
    scores = {p: s.score for p, s in scored.items()}
    if exact:  # as the crosswalk does: the fold rule before the level rules
        parts = paragraphs(signals.tasks, [cw._text(t) for t in signals.tasks])
        fold_in(
            grades,
            scores,
            signals.plan_index,
            depth,
            parts,
            nesting,
            least=cw.SAME_LEAST,
            few=cw.FEW_TASKS,
        )
        agree_in_paragraphs(
            grades,
            scores,
            signals.plan_index,
            depth,
            parts,
            least=cw.SAME_LEAST,
            few=cw.FEW_TASKS,
        )
    after_fold = dict(grades)
    cw.in_an_item(grades, scores, nesting, depth)
    after_item = dict(grades)
    cw.one_level(grades, scores, nesting, depth)
    tasks = signals.tasks
    plans, levels = signals.plan_index.tolist(), depth.tolist()
    pool: dict[tuple[int, int, int], dict[int, float]] = defaultdict(dict)
    for (i, j), s in scored.items():
        pool[(i, plans[j], levels[j])][j] = s.score
        pool[(j, plans[i], levels[i])][i] = s.score
    index = {t.iri: k for k, t in enumerate(tasks)}

    def side(x: int, y: int, score: float) -> tuple[float, float, float]:
        """(best of x's other scores, deviations of this score, its share of the best)."""
        others = [v for k, v in pool[(x, plans[y], levels[y])].items() if k != y]
        values = np.asarray([*others, score])
        sd = float(values.std())
        z = (score - float(values.mean())) / sd if sd > 0 else 0.0
        best = max(others, default=0.0)
        return best, z, score / best if best > 0 else 9.0

    def rank(x: int, y: int, score: float) -> int:
        """The rank of y among x's counterparts in y's plan and level (1: x's best)."""
        return 1 + sum(v > score for k, v in pool[(x, plans[y], levels[y])].items() if k != y)

    def describe(i: int, j: int) -> str:
        s = scored.get((min(i, j), max(i, j)))
        score = s.score if s else 0.0
        (_, za, ra), (_, zb, rb) = side(i, j, score), side(j, i, score)
        la, lb = len(tasks[i].text), len(tasks[j].text)
        return (
            f"{tasks[i].label} ~ {tasks[j].label}: score {score:.3f}, rank "
            f"{rank(i, j, score)} / {rank(j, i, score)}, deviations {za:.1f} / "
            f"{zb:.1f}, share of the best {ra:.2f} / {rb:.2f}, length {la} / {lb}"
        )

    misses: list[tuple[str, str]] = []
    for gold in sorted(pair.same, key=sorted):
        a, b = sorted(gold)
        i, j = sorted((index[a], index[b]))
        if grades.get((i, j)) == "same":
            continue
        s = scored.get((i, j))
        score = s.score if s else 0.0
        (_, za, ra), (_, zb, rb) = side(i, j, score), side(j, i, score)
        if score < cw.PARTIAL:
            cause = "below partial"
        elif min(ra, rb) < 1.0:
            cause = "close second" if min(ra, rb) >= CLOSE else "not best"
        elif score < cw.SAME_LEAST:
            cause = "weak"
        elif min(za, zb) < cw.STANDS_OUT_SD:
            cause = "stands out too little"
        elif (
            s is not None
            and signals.main_matters_differ(i, j)
            and s.signals[cw.TITLE] < cw.TITLES_AGREE
        ):
            cause = "main themes differ"
        elif decided.get((i, j)) != "same" and after_fold.get((i, j)) != "same":
            cause = "folds"
        elif after_item.get((i, j)) != "same":
            cause = "in an item"
        else:
            cause = "one level"
        misses.append((cause, describe(i, j)))
    false: list[tuple[str, str]] = []
    for (i, j), grade in sorted(grades.items()):
        if grade != "same" or tasks[i].iri not in pair.scope or tasks[j].iri not in pair.scope:
            continue
        key = frozenset((tasks[i].iri, tasks[j].iri))
        if key in pair.same:
            continue
        reader = "partial" if key in pair.partial else "none"
        la, lb = len(tasks[i].text), len(tasks[j].text)
        broad = " (broad against narrow)" if max(la, lb) >= BROAD * min(la, lb) else ""
        false.append((f"reader: {reader}{broad}", describe(i, j)))
    return misses, false


def main(argv: list[str]) -> None:
    only_counts = "--counts" in argv
    totals: Counter[tuple[str, str]] = Counter()
    for pair in load_pairs():
        misses, false = trace(pair)
        if not only_counts:
            print(f"== {pair.name}: {len(misses)} missed, {len(false)} false")
            for kind, rows in (("missed", misses), ("false", false)):
                for cause, text in sorted(rows):
                    print(f"  {kind} [{cause}] {text}")
        totals.update(("missed", c) for c, _ in misses)
        totals.update(("false", c) for c, _ in false)
    for (kind, cause), n in sorted(totals.items()):
        print(f"{kind:6} {n:3}  {cause}")


if __name__ == "__main__":
    main(sys.argv[1:])
