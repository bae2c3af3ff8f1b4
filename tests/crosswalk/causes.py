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

Each miss and false pair is also tagged by the kinds of cause a reader names (``--kinds``,
several tags a pair; the table gives how many pairs of plans each kind hits):

- ``broad task folds several``: one of the two tasks is the reader's same matter with two or
  more tasks of the other plan (a decision that gives a task one counterpart a level can
  find one of them; ``--ceiling`` prints how many of the reader's pairs a one-to-one
  decision can find at most);
- ``matched to a sibling``: not each other's best, and a task's best is a sibling of the
  reader's counterpart (same plan and level, two places apart at most); ``matched
  elsewhere``: not each other's best, the best farther away;
- ``vocabulary differs``: text and title cosines both under :data:`VOCABULARY` (the bodies
  and the titles share few specific n-grams);
- ``scale``: one task's text :data:`BROAD` times the other's or more;
- ``position``: the tasks' relative positions in their plans :data:`APART` or more apart;
- ``main themes differ``: both have a specific main theme and they share none;
- ``subjects differ``: the two plans are of different subjects (:data:`SUBJECT`).

    python tests/crosswalk/causes.py            # every pair
    python tests/crosswalk/causes.py --counts   # the table of causes only
    python tests/crosswalk/causes.py --kinds    # the table of kinds of cause, with pairs hit
    python tests/crosswalk/causes.py --ceiling  # the most a one-to-one decision can find
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
from plangraph.analysis.levels import paragraphs  # noqa: E402

CLOSE = 0.9  # a loser within this fraction of the best is a close second
BROAD = 3.0  # one task's text this many times the other's: a broad section
VOCABULARY = 0.10  # text and title cosines both under this: the vocabulary differs
APART = 0.3  # relative positions this far apart
SIBLING = 2  # tasks of one plan and level at most this many places apart are siblings
# the subject of each plan of the pairs (a plan not listed: ecology and environment)
SUBJECT = {"jiangsu": "climate", "shandong-2022": "climate", "china-2022": "adaptation"}
INDUSTRY = "industry"  # 工业领域碳达峰实施方案 (its slug names no region)


Traced = tuple[str, str, tuple[str, ...]]  # cause, description, kinds of cause


def subject(plan: str) -> str:
    slug = plan.rsplit("/", 1)[-1]
    return SUBJECT.get(slug, INDUSTRY if "industry" in slug or "gongye" in slug else "ecology")


def trace(pair: Pair) -> tuple[list[Traced], list[Traced]]:
    """(cause, description, kinds) of every miss and every false pair."""
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
        cw.paragraph_rules(grades, scores, signals.plan_index, depth, parts, nesting)
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
    partners = Counter(index[t] for p in pair.same for t in p)
    place: dict[int, int] = {}
    for members in _groups(plans, levels).values():
        place.update((k, n) for n, k in enumerate(members))

    def best_of(x: int, y: int) -> int:
        counterparts = pool[(x, plans[y], levels[y])]
        return max(counterparts, key=lambda k: (counterparts[k], -k))

    def sibling(x: int, y: int) -> bool:
        return (
            x != y
            and (plans[x], levels[x]) == (plans[y], levels[y])
            and abs(place[x] - place[y]) <= SIBLING
        )

    def kinds(i: int, j: int, missed: bool) -> tuple[str, ...]:
        s = scored.get((min(i, j), max(i, j)))
        out = []
        if partners[i] >= 2 or partners[j] >= 2:
            out.append("broad task folds several")
        bi, bj = best_of(i, j), best_of(j, i)
        if missed and (bi != j or bj != i):
            near = (bi != j and sibling(bi, j)) or (bj != i and sibling(bj, i))
            out.append("matched to a sibling" if near else "matched elsewhere")
        if s is None or max(s.signals[0], s.signals[cw.TITLE]) < VOCABULARY:
            out.append("vocabulary differs")
        la, lb = len(tasks[i].text), len(tasks[j].text)
        if max(la, lb) >= BROAD * min(la, lb):
            out.append("scale")
        if abs(float(signals.position[i] - signals.position[j])) >= APART:
            out.append("position")
        if signals.main_matters_differ(i, j):
            out.append("main themes differ")
        if subject(tasks[i].plan) != subject(tasks[j].plan):
            out.append("subjects differ")
        return tuple(out)

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

    misses: list[Traced] = []
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
        misses.append((cause, describe(i, j), kinds(i, j, True)))
    false: list[Traced] = []
    for (i, j), grade in sorted(grades.items()):
        if grade != "same" or tasks[i].iri not in pair.scope or tasks[j].iri not in pair.scope:
            continue
        key = frozenset((tasks[i].iri, tasks[j].iri))
        if key in pair.same:
            continue
        reader = "partial" if key in pair.partial else "none"
        la, lb = len(tasks[i].text), len(tasks[j].text)
        broad = " (broad against narrow)" if max(la, lb) >= BROAD * min(la, lb) else ""
        false.append((f"reader: {reader}{broad}", describe(i, j), kinds(i, j, False)))
    return misses, false


def _groups(plans: list[int], levels: list[int]) -> dict[tuple[int, int], list[int]]:
    """The tasks of each plan and level, in order."""
    out: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, key in enumerate(zip(plans, levels, strict=True)):
        out[key].append(k)
    return out


def ceiling(pair: Pair) -> tuple[int, int]:
    """The reader's same-matter pairs, and the most of them a decision that gives a task at
    most one counterpart in each other plan can find (a maximum matching per plan pair)."""
    import networkx as nx

    plan_of = {t.iri: t.plan for t in pair.data.tasks}  # type: ignore[attr-defined]
    by_plans: dict[frozenset[str], list[tuple[str, str]]] = defaultdict(list)
    for p in pair.same:
        a, b = sorted(p)
        by_plans[frozenset((plan_of[a], plan_of[b]))].append((a, b))
    most = 0
    for edges in by_plans.values():
        graph = nx.Graph(edges)
        most += len(nx.max_weight_matching(graph, maxcardinality=True))
    return len(pair.same), most


def main(argv: list[str]) -> None:
    pairs = load_pairs()
    if "--ceiling" in argv:
        totals = [0, 0]
        for pair in pairs:
            gold, most = ceiling(pair)
            totals = [totals[0] + gold, totals[1] + most]
            bound = f"one counterpart a task: R <= {most / gold:.3f}"
            print(f"{pair.name:20} {most:3} of {gold:3} ({bound})")
        print(f"{'all':20} {totals[1]:3} of {totals[0]:3} (R <= {totals[1] / totals[0]:.3f})")
        return
    only_counts = "--counts" in argv or "--kinds" in argv
    totals_: Counter[tuple[str, str]] = Counter()
    tagged: Counter[tuple[str, str]] = Counter()
    hit: dict[tuple[str, str], set[str]] = defaultdict(set)
    for pair in pairs:
        misses, false = trace(pair)
        if not only_counts:
            print(f"== {pair.name}: {len(misses)} missed, {len(false)} false")
            for kind, rows in (("missed", misses), ("false", false)):
                for cause, text, tags in sorted(rows):
                    print(f"  {kind} [{cause}] {text} ({', '.join(tags) or 'no kind'})")
        for kind, rows in (("missed", misses), ("false", false)):
            totals_.update((kind, c) for c, _, _ in rows)
            for _, _, tags in rows:
                for tag in tags or ("no kind",):
                    tagged[(kind, tag)] += 1
                    hit[(kind, tag)].add(pair.name)
    if "--kinds" in argv:
        for (kind, tag), n in sorted(tagged.items(), key=lambda x: (x[0][0], -x[1])):
            print(f"{kind:6} {n:3} in {len(hit[(kind, tag)]):2} pairs  {tag}")
        return
    for (kind, cause), n in sorted(totals_.items()):
        print(f"{kind:6} {n:3}  {cause}")


if __name__ == "__main__":
    main(sys.argv[1:])
