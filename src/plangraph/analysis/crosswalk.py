"""Task crosswalk: which task of one plan is the counterpart of which task of another.

For every pair of plans, tasks are aligned into counterpart pairs with one score that
combines six signals, each in [0, 1] (:mod:`plangraph.analysis.crosswalk_signals`:
``text``, ``title``, ``theme``, ``indicator``, ``place`` and ``position``).

``score = Σ weight × signal`` with the weights in :data:`WEIGHTS`.  The decision:

- **same matter** when each task is the other's best counterpart among the other plan's
  tasks of its level (a section among sections, an item among items: :func:`depths`); the
  pair's score reaches :data:`SAME_LEAST` and stands :data:`STANDS_OUT_SD` standard
  deviations above each task's mean score against those tasks (a broad 节 is every narrow
  task's best counterpart by a little, a true counterpart by far; in a corpus too large to
  score every pair, or against fewer than :data:`FEW_TASKS` tasks, the score reaches
  :data:`SAME_MATTER` instead); neither task folds :data:`FOLDS` or more tasks of the other
  plan about equally (a broad section that is the best counterpart of five narrower tasks,
  none standing out by :data:`STANDS_OUT`, is a partial overlap of each); the two tasks'
  main matters meet: when both have a specific main theme (one not too broad to tell plans
  apart, :func:`plangraph.analysis.themes.is_broad`), they share one, unless their titles
  agree (:data:`TITLES_AGREE`; theme tags are rules, titles are the authors' words); and
  neither task is one item of a broad section of the other (:func:`in_an_item`);
- a task is the same matter as a section of another plan or as an item in that section, not
  both (:func:`one_level`: a pair of one level is kept before a pair across levels, then
  the higher-scoring; the other becomes a partial overlap);
- **partial overlap** when the score reaches :data:`PARTIAL`;
- otherwise no counterpart.

- a broad task is also the same matter as a narrower task it folds, one of its paragraphs
  being that task's whole matter (:func:`~plangraph.analysis.levels.fold_in`; corpora whose
  every pair is scored);
- a mutual best pair standing far out on one side is the same matter when the two tasks'
  paragraphs agree both ways (:func:`~plangraph.analysis.levels.agree_in_paragraphs`);
- tasks of the review and guidance chapters (现状与形势, 指导思想 …) are scored but never
  paired (:func:`~plangraph.analysis.levels.framing`).

``STANDS_OUT_SD`` and ``FOLDS`` were chosen together leave-one-pair-out (``tests/crosswalk/
folds.py``), then the fold rule's two numbers with them on eleven pairs: held out, pooled,
P 0.739, R 0.688, F1 0.712 (without the fold rule 0.773, 0.577, 0.661); on thirteen pairs,
with a fold's run of neighbours (round 9), P 0.746, R 0.688, F1 0.716 (before 0.749, 0.671,
0.708); on eighteen (round 15), P 0.766, R 0.654, F1 0.705.  The weights and the other
thresholds come from the grid search in ``tests/crosswalk/calibrate.py`` over the seed's
京津冀–长三角 and 江苏 × 山东; other rules and signals tried, and the figures of every pair,
are in ``tests/crosswalk/README.md``.

Same-matter pairs are chained into rows across plans (greedy union–find by score, at most
:data:`FOLD` tasks of one plan per row: one row holds the air task of each region); tasks
with no counterpart of either grade in any other plan, and no linked task they hold or lie
in, are each plan's own commitments.

Scale: beyond :data:`~plangraph.analysis.crosswalk_signals.EXACT_LIMIT` tasks, candidates come
from an inverted index (:func:`~plangraph.analysis.crosswalk_signals.candidates`), and at most
``per_task`` alignments are kept per task (the best).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import vectors
from .crosswalk_signals import (
    TITLE,
    Signals,
    _text,
    candidates,
    combine,
    signal_matrix,
    task_signals,
)
from .levels import (
    Grade,
    Paragraphs,
    agree_in_paragraphs,
    depths,
    fold_in,
    framing,
    in_an_item,
    nested,
    one_level,
    paragraphs,
)
from .project import GraphData, iri_key

# Calibrated on the seed's 京津冀–长三角 and 江苏 × 山东 (tests/crosswalk/calibrate.py: grid of
# 0.05 weight steps, maximising F1 of the same-matter decision over both).
WEIGHTS = {
    "text": 0.65,  # character 2–3-gram TF-IDF cosine, title + body
    "title": 0.15,  # character 2–3-gram TF-IDF cosine of the titles alone (IDF over titles)
    "theme": 0.10,  # IDF-weighted Jaccard of main (1) and mentioned (0.5) themes
    "indicator": 0.0,  # IDF-weighted target-indicator cosine
    "place": 0.0,  # IDF-weighted place cosine (regions mostly name different places)
    "position": 0.10,  # 1 - |relative position difference|
}
# Least score of a partial overlap: calibrated for the tasks each plan has alone (no
# counterpart of either grade), which the first screen lists (F1 0.80 over 京津冀–长三角 and
# 江苏 × 山东: the one task the reader finds alone, 加强区域和国际合作, and no other).
PARTIAL = 0.15
# Least score of a same-matter pair in a corpus too large to score every pair of tasks
# (beyond EXACT_LIMIT tasks), where a deviation cannot be taken: calibrated on 京津冀–长三角
# and 江苏 × 山东 when it was the rule for every corpus (tests/crosswalk/calibrate.py).
SAME_MATTER = 0.21
# The same matter: each task is the other's best counterpart among the other plan's tasks of
# its level, and the pair's score stands this many standard deviations above each task's
# mean score against those tasks.  A match that merely wins is not enough: a broad provincial
# 节 is every narrow task's best counterpart by a little, a true counterpart by far.
# Chosen with FOLDS leave-one-pair-out (tests/crosswalk/folds.py: every fold of eleven, 2.35).
STANDS_OUT_SD = 2.35
# The best of n scores stands at most √(n − 1) deviations above their mean: against a plan
# with fewer tasks than this at a level, a pair needs a score of SAME_MATTER instead.
FEW_TASKS = 8
# Least score of a same-matter pair that stands out: the five pairs' figures are the same for
# any floor from PARTIAL to 0.17 (recall falls from 0.18: tests/crosswalk/README.md); the
# middle of that range keeps a pair that stands out among weak scores only (0.157) partial.
SAME_LEAST = 0.16
# A broad task that folds many narrower tasks of another plan (a provincial 第X节 深化重点领域
# 绿色低碳发展 covering energy, industry, buildings, transport …) is their best counterpart
# many times over; it is a partial overlap of each, the same matter as none.
# FOLDS: chosen with STANDS_OUT_SD (every fold of nine: 6 or 7 equally; 5 before, on seven)
FOLDS = 6  # a task that is the best counterpart of this many tasks of one plan folds them
STANDS_OUT = 1.25  # … unless its best pair scores this much above the second (a true match)
# Themes are tagged by rules and a task's main theme can miss its matter (a carbon-sink task
# tagged wetlands in one plan, marine in the other); when the printed titles agree this much,
# differing main themes do not veto the same matter.
TITLES_AGREE = 0.5  # title cosine
FOLD = 2  # at most this many tasks of one plan in a crosswalk row


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two counterpart tasks of different plans (``a`` in the plan listed first)."""

    a: str
    b: str
    plan_a: str
    plan_b: str
    grade: Grade
    score: float
    signals: tuple[float, ...]  # in SIGNAL_NAMES order
    shared_terms: tuple[str, ...] = ()  # longest common phrases of the two texts
    shared_themes: tuple[str, ...] = ()
    shared_indicators: tuple[str, ...] = ()
    shared_places: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[object, ...]:
        return (-round(self.score, 4), iri_key(self.a), iri_key(self.b))


@dataclass(frozen=True, slots=True)
class CrosswalkRow:
    """Tasks that are the same matter across plans, by plan order then task order."""

    tasks: tuple[str, ...]
    plans: tuple[str, ...]


@dataclass(frozen=True)
class Crosswalk:
    alignments: tuple[Alignment, ...]  # by plan pair, then score descending
    rows: tuple[CrosswalkRow, ...]  # by the position of their first task
    unique: Mapping[str, tuple[str, ...]]  # plan -> tasks with no counterpart anywhere
    exact: bool  # False when candidates came from the inverted index
    weights: Mapping[str, float] = field(default_factory=lambda: dict(WEIGHTS))

    def between(self, plan_a: str, plan_b: str) -> tuple[Alignment, ...]:
        pair = {plan_a, plan_b}
        return tuple(x for x in self.alignments if {x.plan_a, x.plan_b} == pair)

    def same_matter(self) -> tuple[Alignment, ...]:
        return tuple(x for x in self.alignments if x.grade == "same")


# --------------------------------------------------------------------------- decision


@dataclass(frozen=True, slots=True)
class Scored:
    i: int
    j: int
    score: float
    signals: tuple[float, ...]


def score_pairs(
    signals: Signals, pools: Sequence[np.ndarray], weights: Mapping[str, float]
) -> dict[tuple[int, int], Scored]:
    """Every candidate pair (i < j, found from either side) with its combined score."""
    later: list[set[int]] = [set() for _ in pools]
    for i, pool in enumerate(pools):
        for j in pool.tolist():
            if j > i:
                later[i].add(j)
            elif j < i:
                later[j].add(i)
    out: dict[tuple[int, int], Scored] = {}
    for i, others in enumerate(later):
        if not others:
            continue
        todo = np.asarray(sorted(others), dtype=np.int64)
        matrix = signal_matrix(signals, i, todo)
        scores = combine(matrix, weights)
        for k, j in enumerate(todo.tolist()):
            out[(i, j)] = Scored(i, j, float(scores[k]), tuple(matrix[k].tolist()))
    return out


def decide(
    scored: Mapping[tuple[int, int], Scored],
    plan_index: np.ndarray,
    *,
    partial: float = PARTIAL,
    signals: Signals | None = None,
    depth: np.ndarray | None = None,
    stands_out_sd: float = STANDS_OUT_SD,
    exact: bool = True,
) -> dict[tuple[int, int], Grade]:
    """The grade of every pair that has one (see the module docstring).

    Each task is compared with the tasks of the other plan at its partner's level (a section
    with sections, an item with items): with ``depth`` (:func:`depths`), the best counterpart,
    the mean and the deviation of a task's scores are taken among the tasks of the other plan
    at the partner's depth.  With ``signals``, two tasks whose specific main themes differ are
    never the same matter unless their titles agree (:data:`TITLES_AGREE`).  When not
    ``exact`` (the candidates of a large corpus came from the inverted index, so a task's
    scores against another plan are a few of the highest), a deviation says nothing and a
    mutual best pair needs a score of :data:`SAME_MATTER` instead; so does a pair whose
    partner's plan has fewer than :data:`FEW_TASKS` tasks at that level."""
    plans = plan_index.tolist()
    levels = depth.tolist() if depth is not None else [0] * len(plans)
    # per pair: the pool of i's scores it counts in (i against j's plan at j's level) and j's
    keys = {
        p: ((p[0], plans[p[1]], levels[p[1]]), (p[1], plans[p[0]], levels[p[0]])) for p in scored
    }
    spread: dict[tuple[int, int, int], list[float]] = defaultdict(list)
    for p, s in scored.items():
        spread[keys[p][0]].append(s.score)
        spread[keys[p][1]].append(s.score)
    best = {key: max(v) for key, v in spread.items()}
    moments = {
        key: (float(np.mean(v)), float(np.std(v)))
        for key, v in spread.items()
        if len(v) >= FEW_TASKS
    }
    # (task, other plan, level) -> the scores of the tasks whose best counterpart it is
    chosen: dict[tuple[int, int, int], list[float]] = defaultdict(list)
    for p, s in scored.items():
        key_i, key_j = keys[p]
        if s.score > 0 and s.score >= best[key_j] - 1e-9:
            chosen[key_i].append(s.score)
        if s.score > 0 and s.score >= best[key_i] - 1e-9:
            chosen[key_j].append(s.score)
    for scores in chosen.values():
        scores.sort(reverse=True)

    def stands_out(key: tuple[int, int, int], score: float) -> bool:
        """The score lies ``stands_out_sd`` deviations above the task's mean."""
        mean, sd = moments[key]
        return sd > 0 and (score - mean) / sd >= stands_out_sd

    def folded(key: tuple[int, int, int], score: float) -> bool:
        """The task folds many tasks of the other plan about equally (see :data:`FOLDS`)."""
        scores = chosen.get(key, [])
        return len(scores) >= FOLDS and score < STANDS_OUT * scores[1]

    grades: dict[tuple[int, int], Grade] = {}
    for (i, j), s in scored.items():
        if s.score < partial:
            continue
        key_i, key_j = keys[(i, j)]
        mutual = s.score >= best[key_i] - 1e-9 and s.score >= best[key_j] - 1e-9
        if not mutual or s.score < SAME_LEAST:
            grades[(i, j)] = "partial"
            continue
        differ = (
            signals is not None
            and signals.main_matters_differ(i, j)
            and s.signals[TITLE] < TITLES_AGREE
        )
        if exact and key_i in moments and key_j in moments:
            distinct = stands_out(key_i, s.score) and stands_out(key_j, s.score)
        else:  # candidates from the index, or too few tasks at a level to take a deviation
            distinct = s.score >= SAME_MATTER
        folds = folded(key_i, s.score) or folded(key_j, s.score)
        grades[(i, j)] = "same" if distinct and not differ and not folds else "partial"
    return grades


# --------------------------------------------------------------------------- driver


def paragraph_rules(
    grades: dict[tuple[int, int], Grade],
    scores: Mapping[tuple[int, int], float],
    plan_index: np.ndarray,
    depth: np.ndarray,
    parts: Paragraphs,
    nesting: Sequence[frozenset[int]],
) -> None:
    """The rules read on the tasks' paragraphs, in ``grades`` in place: the fold rule, then
    the paragraph rule (``levels.py``), at the released thresholds."""
    fold_in(grades, scores, plan_index, depth, parts, nesting, least=SAME_LEAST, few=FEW_TASKS)
    agree_in_paragraphs(grades, scores, plan_index, depth, parts, least=SAME_LEAST, few=FEW_TASKS)


def analyze_crosswalk(
    data: GraphData,
    *,
    per_task: int = 8,
    weights: Mapping[str, float] = WEIGHTS,
) -> Crosswalk:
    """Align the tasks of every pair of plans; see the module docstring."""
    signals = task_signals(data)
    tasks = signals.tasks
    pools, exact = candidates(signals)
    scored = score_pairs(signals, pools, weights)
    nesting = nested(tasks)
    depth = depths(tasks)
    grades = decide(scored, signals.plan_index, signals=signals, depth=depth, exact=exact)
    scores = {p: s.score for p, s in scored.items()}
    if exact:  # a deviation needs every score of a task against the other plan
        parts = paragraphs(tasks, [_text(t) for t in tasks])
        paragraph_rules(grades, scores, signals.plan_index, depth, parts, nesting)
    in_an_item(grades, scores, nesting, depth)
    one_level(grades, scores, nesting, depth)
    # the review and guidance chapters frame a plan: scored (their scores are part of every
    # task's spread), never paired nor listed as a plan's own commitments
    framed = framing(tasks, data.spans, data.labels)
    grades = {p: g for p, g in grades.items() if p[0] not in framed and p[1] not in framed}

    # keep at most per_task alignments per task: same matter first, then by score
    ranked = sorted(
        grades,
        key=lambda p: (grades[p] != "same", -round(scored[p].score, 4), p),
    )
    count: dict[int, int] = defaultdict(int)
    kept = []
    for i, j in ranked:
        if count[i] >= per_task or count[j] >= per_task:
            continue
        count[i] += 1
        count[j] += 1
        kept.append((i, j))

    text_rows = signals.rows["text"]
    alignments = []
    for i, j in kept:
        a, b = tasks[i], tasks[j]
        shared = vectors.shared_features(text_rows, i, j, limit=30)
        seeds = sorted((text_rows.features[f] for f, _ in shared), key=len, reverse=True)
        alignments.append(
            Alignment(
                a=a.iri,
                b=b.iri,
                plan_a=a.plan,
                plan_b=b.plan,
                grade=grades[(i, j)],
                score=round(scored[(i, j)].score, 4),  # as the graph keeps it (xsd:decimal)
                signals=scored[(i, j)].signals,
                shared_terms=tuple(vectors.common_phrases(_text(a), _text(b), seeds[:15])),
                shared_themes=_shared(data.task_themes, a.iri, b.iri),
                shared_indicators=_shared(data.task_indicators, a.iri, b.iri),
                shared_places=_shared(data.task_places, a.iri, b.iri),
            )
        )
    rank = {p.iri: k for k, p in enumerate(data.plans)}
    alignments.sort(key=lambda x: (rank[x.plan_a], rank[x.plan_b], *x.key))

    order = {t.iri: k for k, t in enumerate(tasks)}
    rows = build_rows(
        [x for x in alignments if x.grade == "same"],
        {t.iri: t.plan for t in tasks},
        order,
    )
    rows.sort(key=lambda r: (signals.position[order[r.tasks[0]]], order[r.tasks[0]]))

    # a task is no commitment of its plan alone when a task it holds or lies in is linked
    linked = {x.a for x in alignments} | {x.b for x in alignments}
    index = {t.iri: k for k, t in enumerate(tasks)}
    linked |= {tasks[k].iri for t in list(linked) for k in nesting[index[t]]}
    unique = {
        p.iri: tuple(
            t.iri
            for k, t in enumerate(tasks)
            if t.plan == p.iri and t.iri not in linked and k not in framed
        )
        for p in data.plans
    }
    return Crosswalk(tuple(alignments), tuple(rows), unique, exact, dict(weights))


def build_rows(
    same: Sequence[Alignment], plan_of: Mapping[str, str], order: Mapping[str, int]
) -> list[CrosswalkRow]:
    """Chain same-matter pairs into rows, greedily by score (NetworkX union–find).

    Two rows merge through a pair only while the merged row holds at most
    :data:`FOLD` tasks of any one plan (a plan may fold two tasks of another into one), so
    that chains through a large corpus never snowball into one giant row.
    """
    from networkx.utils import UnionFind

    rows = UnionFind()
    members: dict[str, list[str]] = {}
    for x in sorted(same, key=lambda x: x.key):
        ra, rb = rows[x.a], rows[x.b]
        if ra == rb:
            continue
        left, right = members.get(ra, [x.a]), members.get(rb, [x.b])
        per_plan: dict[str, int] = defaultdict(int)
        for task in (*left, *right):
            per_plan[plan_of[task]] += 1
        if max(per_plan.values()) > FOLD:
            continue
        rows.union(ra, rb)
        root = rows[x.a]
        members.pop(ra, None)
        members.pop(rb, None)
        members[root] = [*left, *right]
    out = []
    for tasks in members.values():
        ordered = tuple(sorted(tasks, key=order.__getitem__))
        out.append(CrosswalkRow(ordered, tuple(dict.fromkeys(plan_of[t] for t in ordered))))
    return out


def _shared(sets: Mapping[str, tuple[str, ...]], a: str, b: str) -> tuple[str, ...]:
    other = set(sets.get(b, ()))
    return tuple(x for x in sets.get(a, ()) if x in other)
