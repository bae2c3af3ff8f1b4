"""The readers' fold convention tried as a rule on paragraphs, leave-one-pair-out (round 11).

The readers since the third round grade a broad task the same matter as a narrower task of the
other plan "when one of its bold-lead paragraphs is that task's whole matter".  This script
tries that reading on top of the decision as released (:func:`plangraph.analysis.crosswalk.
decide` at its numbers, then the fold, paragraph and level rules), on the pairs of
:mod:`pairs`:

- ``--table``: the candidates, by the reader's grade and by pair: a narrow task (the shorter)
  whose closest paragraph among the other plan's paragraphs (tasks of its level) lies in a
  broad task, that paragraph's closest task of the narrow task's plan being the narrow task,
  standing ``--deviations`` above the narrow task's mean cosine with those paragraphs, and
  the pair scoring ``PARTIAL`` or more;
- default: the fold rule (:func:`plangraph.analysis.levels.fold_in`) with its paragraph check
  varied (``mutual``: as released; ``best``: the narrow task's closest paragraph of the other
  plan lies in the broad task; ``best+mutual``: both; ``either``; ``none``), its run of
  neighbours required or not, paragraphs with a bold lead only (no 专栏 item) or any, and a
  mutual best pair that the decision leaves partial let into the fold path when the narrow
  side stands out and the broad side stands ``floor`` deviations out; every setting and the
  released rule chosen per fold by F1 on the other pairs, the held-out pair scored.

    python tests/crosswalk/paragraph_folds.py
    python tests/crosswalk/paragraph_folds.py --table
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from folds import f1, figures, prepare  # noqa: E402
from pairs import Pair, load_pairs  # noqa: E402

from plangraph.analysis import crosswalk as cw  # noqa: E402
from plangraph.analysis.levels import (  # noqa: E402
    PARAGRAPH,
    SIBLINGS,
    agree_in_paragraphs,
    fold_in,
    paragraph_mutual,
)

# a paragraph that opens with a bold lead sentence (持续优化大气环境质量。…), not a 专栏 item
LEAD = re.compile(r"^[^。；;：:，,]{2,30}[。；;：:]")
BOX = re.compile(r"^(?:\d+[.．、]|专栏|（[一二三四五六七八九十\d]+）)")

# (fold deviations, share, run, paragraph check, bold leads only, mutual best let in, floor)
Setting = tuple[float, float, bool, str, bool, bool, float]


class Context:
    """One pair prepared: the decision's inputs and every task–paragraph cosine."""

    def __init__(self, pair: Pair) -> None:
        self.pair = pair
        self.prepared = prepare(pair.data)
        signals, _, _, _, parts = self.prepared
        tasks = signals.tasks  # type: ignore[attr-defined]
        lines = [line for t in tasks for line in t.text.split("\n")[1:] if len(line) >= PARAGRAPH]
        self.lead = np.asarray([bool(LEAD.match(x)) and not BOX.match(x) for x in lines], bool)
        self.cosine = (parts.tasks @ parts.lines.T).toarray()  # type: ignore[attr-defined]


def vary(ctx: Context, grades: dict, scores: dict, setting: Setting) -> None:
    """The fold rule of :func:`plangraph.analysis.levels.fold_in` with its checks varied."""
    fold_sd, share, run, check, leads_only, let_mutual, floor = setting
    signals, _, _, depth, parts = ctx.prepared
    plans, levels = signals.plan_index.tolist(), depth.tolist()  # type: ignore[attr-defined]
    peers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k in range(len(plans)):
        peers[(plans[k], levels[k])].append(k)
    against: dict[tuple[int, int, int], dict[int, float]] = defaultdict(dict)
    for (i, j), s in scores.items():
        against[(i, plans[j], levels[j])][j] = s
        against[(j, plans[i], levels[i])][i] = s
    best = {key: max(v.values()) for key, v in against.items()}

    def deviations(values: dict[int, float], score: float) -> float:
        v = np.fromiter(values.values(), dtype=np.float64)
        return (score - float(v.mean())) / float(v.std()) if v.std() > 0 else 0.0

    def stands_out(narrow: int, broad: int) -> bool:
        key = (narrow, plans[broad], levels[broad])
        s = against[key].get(broad, 0.0)
        return (
            len(against[key]) >= cw.FEW_TASKS
            and best[key] <= s + 1e-9
            and s >= cw.SAME_LEAST
            and deviations(against[key], s) >= fold_sd
        )

    def in_a_run(narrow: int, broad: int, partner: int, siblings: list[int]) -> bool:
        theirs = against[(broad, plans[narrow], levels[narrow])]
        place = {k: n for n, k in enumerate(siblings)}
        seq = sorted(
            place[k]
            for k, s in theirs.items()
            if k in place
            and (k == partner or (s >= share * theirs[partner] and stands_out(k, broad)))
        )
        a = z = seq.index(place[partner])
        while a > 0 and seq[a] - seq[a - 1] <= SIBLINGS:
            a -= 1
        while z < len(seq) - 1 and seq[z + 1] - seq[z] <= SIBLINGS:
            z += 1
        return seq[a] <= place[narrow] <= seq[z]

    def closest_in(narrow: int, broad: int) -> bool:
        """The narrow task's closest paragraph of the other plan's tasks of the broad task's
        level lies in the broad task."""
        held = np.flatnonzero(np.isin(parts.owner, peers[(plans[broad], levels[broad])]))
        if leads_only:
            held = held[ctx.lead[held]]
        return bool(len(held)) and parts.owner[held[np.argmax(ctx.cosine[narrow, held])]] == broad

    def paragraphs_say(narrow: int, broad: int) -> bool:
        siblings = peers[(plans[narrow], levels[narrow])]
        if check == "mutual":
            return paragraph_mutual(parts, siblings, narrow, broad)
        if check == "best":
            return closest_in(narrow, broad)
        if check == "best+mutual":
            return closest_in(narrow, broad) and paragraph_mutual(parts, siblings, narrow, broad)
        if check == "either":
            return closest_in(narrow, broad) or paragraph_mutual(parts, siblings, narrow, broad)
        return True

    def folds(narrow: int, broad: int, score: float) -> bool:
        if not stands_out(narrow, broad):
            return False
        theirs = against[(broad, plans[narrow], levels[narrow])]
        partner = min(theirs, key=lambda k: (-theirs[k], k))
        if partner == narrow:  # a mutual best pair the decision left partial
            broad_side = deviations(theirs, score)
            return let_mutual and broad_side >= floor and paragraphs_say(narrow, broad)
        if score < share * theirs[partner]:
            return False
        siblings = peers[(plans[narrow], levels[narrow])]
        if run and (partner not in siblings or not in_a_run(narrow, broad, partner, siblings)):
            return False
        return paragraphs_say(narrow, broad)

    for (i, j), s in sorted(scores.items()):
        if s < cw.SAME_LEAST or grades.get((i, j)) == "same":
            continue
        if folds(i, j, s) or folds(j, i, s):
            grades[(i, j)] = "same"


def decided(ctx: Context, setting: Setting | None) -> dict[tuple[int, int], str]:
    """The grades with the released fold rule (None) or a variant of it."""
    signals, scored, nesting, depth, parts = ctx.prepared
    plan_index = signals.plan_index  # type: ignore[attr-defined]
    grades = cw.decide(scored, plan_index, signals=signals, depth=depth)  # type: ignore[arg-type]
    scores = {p: s.score for p, s in scored.items()}  # type: ignore[attr-defined]
    least, few = cw.SAME_LEAST, cw.FEW_TASKS
    if setting is None:
        fold_in(grades, scores, plan_index, depth, parts, nesting, least=least, few=few)  # type: ignore[arg-type]
    else:
        vary(ctx, grades, scores, setting)
    agree_in_paragraphs(grades, scores, plan_index, depth, parts, least=least, few=few)  # type: ignore[arg-type]
    cw.in_an_item(grades, scores, nesting, depth)  # type: ignore[arg-type]
    cw.one_level(grades, scores, nesting, depth)  # type: ignore[arg-type]
    return grades  # type: ignore[return-value]


def counts(ctx: Context, setting: Setting | None) -> tuple[int, int, int]:
    """Hits, found and gold same-matter pairs within the gold's tasks."""
    tasks, scope = ctx.prepared[0].tasks, ctx.pair.scope  # type: ignore[attr-defined]
    found = {
        frozenset((tasks[i].iri, tasks[j].iri))
        for (i, j), g in decided(ctx, setting).items()
        if g == "same" and tasks[i].iri in scope and tasks[j].iri in scope
    }
    return len(found & ctx.pair.same), len(found), len(ctx.pair.same)


def table(contexts: list[Context], least_deviations: float) -> None:
    """The candidates of the paragraph reading that the decision as released leaves partial or
    unpaired, by the reader's grade, per pair."""
    grades_by_pair: Counter[tuple[str, str]] = Counter()
    for ctx in contexts:
        signals, scored, _, depth, parts = ctx.prepared
        plans, levels = signals.plan_index.tolist(), depth.tolist()  # type: ignore[attr-defined]
        tasks, pair = signals.tasks, ctx.pair  # type: ignore[attr-defined]
        scope = [k for k, t in enumerate(tasks) if t.iri in pair.scope]
        grades = decided(ctx, None)
        seen = {p for p, g in grades.items() if g == "same"}  # the decision's own
        for narrow in scope:
            for broad in scope:
                if plans[narrow] == plans[broad] or levels[narrow] != levels[broad]:
                    continue
                if len(tasks[narrow].text) >= len(tasks[broad].text):
                    continue
                key = (min(narrow, broad), max(narrow, broad))
                if scored.get(key) is None or scored[key].score < cw.PARTIAL:  # type: ignore[attr-defined]
                    continue
                theirs = [
                    k for k in scope if (plans[k], levels[k]) == (plans[broad], levels[broad])
                ]
                others = np.flatnonzero(np.isin(parts.owner, theirs))
                values = ctx.cosine[narrow, others]
                if not len(values):
                    continue
                p = others[int(np.argmax(values))]
                if parts.owner[p] != broad or values.std() == 0:
                    continue
                siblings = [
                    k for k in scope if (plans[k], levels[k]) == (plans[narrow], levels[narrow])
                ]
                if siblings[int(np.argmax(ctx.cosine[siblings, p]))] != narrow:
                    continue
                if (values.max() - values.mean()) / values.std() < least_deviations or key in seen:
                    continue
                seen.add(key)
                iris = frozenset((tasks[narrow].iri, tasks[broad].iri))
                grade = (
                    "same" if iris in pair.same else "partial" if iris in pair.partial else "none"
                )
                grades_by_pair[(pair.name, grade)] += 1
    names = list(dict.fromkeys(c.pair.name for c in contexts))
    for name in names:
        row = [grades_by_pair[(name, g)] for g in ("same", "partial", "none")]
        print(f"{name}: same {row[0]}, partial {row[1]}, none {row[2]}")
    total = [sum(grades_by_pair[(n, g)] for n in names) for g in ("same", "partial", "none")]
    print(f"all: same {total[0]}, partial {total[1]}, none {total[2]}")


def main(argv: list[str]) -> None:
    contexts = [Context(p) for p in load_pairs()]
    if "--table" in argv:
        at = argv.index("--deviations") + 1 if "--deviations" in argv else 0
        table(contexts, float(argv[at]) if at else 5.0)
        return
    settings: list[Setting | None] = [None]
    settings += [
        (sd, share, run, check, leads, False, 0.0)
        for sd in (2.0, 2.25, 2.5, 3.0)
        for share in (0.5, 0.6, 0.7, 0.85)
        for run in (True, False)
        for check in ("mutual", "best", "best+mutual", "either", "none")
        for leads in (False, True)
        if not (leads and check == "mutual")
    ]
    settings += [
        (sd, 0.7, True, "mutual", False, True, floor)
        for sd in (2.25, 2.5, 2.75, 3.0)
        for floor in (0.0, 1.5, 1.75, 2.0)
    ]
    got = {(k, s): counts(c, s) for k, c in enumerate(contexts) for s in settings}
    every = list(range(len(contexts)))

    def pooled(s: Setting | None, ks: list[int]) -> tuple[int, int, int]:
        t = [got[(k, s)] for k in ks]
        return sum(x[0] for x in t), sum(x[1] for x in t), sum(x[2] for x in t)

    held_total = (0, 0, 0)
    for held in every:
        rest = [k for k in every if k != held]
        ranked = [(round(f1(pooled(s, rest)), 4), n) for n, s in enumerate(settings)]
        top = max(v for v, _ in ranked)
        plateau = [settings[n] for v, n in ranked if v == top]
        chosen = plateau[len(plateau) // 2]
        h = got[(held, chosen)]
        held_total = (held_total[0] + h[0], held_total[1] + h[1], held_total[2] + h[2])
        label = "the released fold rule" if chosen is None else str(chosen)
        released = figures(got[(held, None)])
        print(f"held out {contexts[held].pair.name}: {label}; {figures(h)}; released {released}")
    print(f"pooled held out: {figures(held_total)} F1 {f1(held_total):.3f}")
    best = sorted(settings, key=lambda s: -f1(pooled(s, every)))[:5]
    for s in best:
        t = pooled(s, every)
        print(f"all pooled: {'released' if s is None else s}: {figures(t)} F1 {f1(t):.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
