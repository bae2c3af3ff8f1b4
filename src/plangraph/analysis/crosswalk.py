"""Task crosswalk: which task of one plan is the counterpart of which task of another.

For every pair of plans, tasks are aligned into counterpart pairs with one score that
combines six signals, each in [0, 1]:

- ``text``: cosine of sublinear TF-IDF over character 2- and 3-grams of the task's title
  and body; the IDF is taken over all tasks, so phrases every task repeats (建设, 美丽中国,
  到2027年) weigh little;
- ``title``: the same over the printed titles alone, with the IDF over titles (加强, 推进,
  体系 weigh little): two plans that write 提升生态系统碳汇能力 and 提升自然生态系统碳汇能力
  say what the task is about in a few characters, while their bodies of 300 and 3,000
  characters share mostly the genre's vocabulary;
- ``theme``: weighted Jaccard (Σ min / Σ max) of the tasks' themes, a theme weighing 1 when
  it is the task's main matter (``pg:hasMainTheme``) and :data:`MENTIONED_WEIGHT` when the
  task only mentions it, times its IDF over tasks (a theme few tasks carry says more than
  区域协同, which a third of them carry); unlike a cosine, a theme that is one task's main
  matter and the other's aside counts little;
- ``indicator`` and ``place``: IDF-weighted cosine of the target indicators and places they
  name;
- ``position``: 1 − the difference of the tasks' relative positions in their plans (plans of
  the genre list their tasks in much the same order: industry, energy, transport, air …).

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
0.708).  The weights and the
other thresholds come from the grid search in ``tests/crosswalk/calibrate.py`` over the seed's
京津冀–长三角 and 江苏 × 山东; other rules and signals tried, and the figures of every pair,
are in ``tests/crosswalk/README.md``.

Same-matter pairs are chained into rows across plans (greedy union–find by score, at most
:data:`FOLD` tasks of one plan per row: one row holds the air task of each region); tasks
with no counterpart of either grade in any other plan, and no linked task they hold or lie
in, are each plan's own commitments.

Scale: candidates come from an inverted index on each task's most specific n-grams, themes,
indicators and places, never from all pairs; at most :data:`CANDIDATES` tasks of other plans
are scored per task, and at most ``per_task`` alignments are kept per task (the best).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import themes, vectors
from .levels import (
    Grade,
    agree_in_paragraphs,
    depths,
    fold_in,
    framing,
    in_an_item,
    nested,
    one_level,
    paragraphs,
)
from .project import GraphData, TaskNode, iri_key

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
CANDIDATES = 64  # tasks of other plans scored per task (inverted index beyond EXACT_LIMIT)
EXACT_LIMIT = 1500  # up to this many tasks, every task of every other plan is a candidate
SIGNATURE = 24  # the most specific features of a task that look up its candidates
FOLD = 2  # at most this many tasks of one plan in a crosswalk row
SIGNAL_NAMES = ("text", "title", "theme", "indicator", "place", "position")
TITLE = SIGNAL_NAMES.index("title")


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


# --------------------------------------------------------------------------- signals


@dataclass(frozen=True)
class Signals:
    """The per-task vectors the signals are computed from."""

    tasks: tuple[TaskNode, ...]
    plan_index: np.ndarray  # plan rank of each task
    position: np.ndarray  # relative position of each task in its plan, in [0, 1]
    rows: Mapping[str, vectors.Rows]  # signal name -> rows (text, theme, indicator, place)
    themes: np.ndarray  # dense theme weights × IDF, one row per task (weighted Jaccard)
    mains: tuple[frozenset[str], ...] = ()  # each task's main themes, broad ones left out

    def main_matters_differ(self, i: int, j: int) -> bool:
        """Both tasks have a specific main theme and they share none (air and water)."""
        if not self.mains:
            return False
        a, b = self.mains[i], self.mains[j]
        return bool(a) and bool(b) and not (a & b)


def task_signals(data: GraphData) -> Signals:
    tasks = data.tasks
    rank = {p.iri: i for i, p in enumerate(data.plans)}
    per_plan: dict[str, list[int]] = defaultdict(list)
    for i, task in enumerate(tasks):
        per_plan[task.plan].append(i)
    position = np.zeros(len(tasks), dtype=np.float64)
    for members in per_plan.values():
        for j, i in enumerate(members):
            position[i] = j / (len(members) - 1) if len(members) > 1 else 0.5
    bags = [_theme_bag(data, t.iri) for t in tasks]
    rows = {
        "text": vectors.tfidf([_text(t) for t in tasks]),
        "title": vectors.tfidf([_title(t) for t in tasks]),
        "theme": vectors.weighted_sets(bags),
        "indicator": vectors.binary([data.task_indicators.get(t.iri, ()) for t in tasks]),
        "place": vectors.binary([data.task_places.get(t.iri, ()) for t in tasks]),
    }
    plan_index = np.asarray([rank.get(t.plan, len(rank)) for t in tasks], dtype=np.int64)
    carried: dict[str, int] = defaultdict(int)
    for t in tasks:
        for theme in data.task_themes.get(t.iri, ()):
            carried[theme] += 1
    broad = {x for x, n in carried.items() if themes.is_broad(n, len(tasks))}
    mains = tuple(
        frozenset(x for x in data.task_main_themes.get(t.iri, ()) if x not in broad) for t in tasks
    )
    return Signals(tasks, plan_index, position, rows, vectors.dense_weights(bags), mains)


MENTIONED_WEIGHT = 0.5  # a theme a task only mentions counts half its main matter


def _theme_bag(data: GraphData, task: str) -> dict[str, float]:
    """The task's themes: its main matter weighs 1, a theme it only mentions less."""
    main = set(data.task_main_themes.get(task, ()))
    return {x: 1.0 if x in main else MENTIONED_WEIGHT for x in data.task_themes.get(task, ())}


def _title(task: TaskNode) -> str:
    """The task's printed title, else its first clause (a task without a heading)."""
    return task.label or re.split(r"[。；;：:]", task.text, maxsplit=1)[0]


def _text(task: TaskNode) -> str:
    return task.text if task.label and task.label in task.text else f"{task.label}。{task.text}"


_BUFFERS: dict[int, tuple[vectors.Rows, np.ndarray]] = {}


def _buffer(rows: vectors.Rows) -> np.ndarray:
    kept = _BUFFERS.get(id(rows))
    if kept is None or kept[0] is not rows:
        if len(_BUFFERS) > 16:
            _BUFFERS.clear()
        kept = (rows, np.zeros(rows.shape[1], dtype=np.float64))
        _BUFFERS[id(rows)] = kept
    return kept[1]


def _cosine(rows: vectors.Rows, i: int, others: np.ndarray) -> np.ndarray:
    """Cosine of row ``i`` with each row in ``others`` (rows are L2-normalized): the query
    is scattered into a dense vector once, the others' weights are gathered against it."""
    idx, weights = rows.row(i)
    if len(idx) == 0 or len(others) == 0:
        return np.zeros(len(others), dtype=np.float64)
    lo, hi = rows.indptr[others], rows.indptr[others + 1]
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(len(others), dtype=np.float64)
    query = _buffer(rows)  # zeros of the vocabulary's size, kept between calls
    query[idx] = weights
    offsets = np.r_[0, np.cumsum(lengths)[:-1]]
    spans = np.arange(total, dtype=np.int64) - np.repeat(offsets - lo, lengths)
    products = query[rows.indices[spans]] * rows.data[spans]
    query[idx] = 0.0  # back to zeros: no new vector of the vocabulary's size per call
    out: np.ndarray = np.bincount(
        np.repeat(np.arange(len(others)), lengths), weights=products, minlength=len(others)
    )
    return out


def signal_matrix(signals: Signals, i: int, others: np.ndarray) -> np.ndarray:
    """The signals of task ``i`` against each task in ``others``: one column per name in
    :data:`SIGNAL_NAMES`."""
    columns = [
        vectors.weighted_jaccard(signals.themes, i, others)
        if name == "theme"
        else _cosine(signals.rows[name], i, others)
        for name in SIGNAL_NAMES[:-1]
    ]
    columns.append(1.0 - np.abs(signals.position[others] - signals.position[i]))
    return np.round(np.stack(columns, axis=1), vectors.SCORE_DIGITS)


def combine(matrix: np.ndarray, weights: Mapping[str, float]) -> np.ndarray:
    vector = np.asarray([weights[name] for name in SIGNAL_NAMES], dtype=np.float64)
    return np.round(matrix @ vector, vectors.SCORE_DIGITS)


# --------------------------------------------------------------------------- candidates


def _postings(
    signals: Signals,
) -> tuple[dict[tuple[str, int], list[int]], list[list[tuple[str, int]]]]:
    """An inverted index over every task's most specific features, and each task's keys."""
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    keys: list[list[tuple[str, int]]] = []
    n = len(signals.tasks)
    for name in SIGNAL_NAMES[:-1]:
        rows = signals.rows[name]
        df = rows.document_frequency()
        ceiling = max(2, n // 4)  # features in a quarter of all tasks select nothing
        for i in range(n):
            idx, weights = rows.row(i)
            usable = (df[idx] >= 2) & (df[idx] <= ceiling)
            chosen = idx[usable][np.lexsort((-weights[usable], df[idx[usable]]))[:SIGNATURE]]
            if len(keys) <= i:
                keys.append([])
            for feature in chosen.tolist():
                index[(name, feature)].append(i)
                keys[i].append((name, feature))
    return index, keys


def candidates(signals: Signals) -> tuple[list[np.ndarray], bool]:
    """For each task, the tasks of other plans to score (sorted), and whether all were."""
    n = len(signals.tasks)
    plan_index = signals.plan_index
    if n <= EXACT_LIMIT:
        everyone = np.arange(n)
        return [everyone[plan_index != plan_index[i]] for i in range(n)], True
    index, keys = _postings(signals)
    postings = {key: np.asarray(members, dtype=np.int64) for key, members in index.items()}
    out = []
    for i in range(n):
        pool = np.concatenate([postings[key] for key in keys[i]] or [np.zeros(0, np.int64)])
        pool = pool[plan_index[pool] != plan_index[i]]
        found, hits = np.unique(pool, return_counts=True)
        if len(found) > CANDIDATES:  # the most shared keys first, ties to the lower index
            found = found[np.lexsort((found, -hits))[:CANDIDATES]]
        out.append(np.sort(found))
    return out, False


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
        plan_index = signals.plan_index
        fold_in(grades, scores, plan_index, depth, parts, nesting, least=SAME_LEAST, few=FEW_TASKS)
        agree_in_paragraphs(
            grades, scores, plan_index, depth, parts, least=SAME_LEAST, few=FEW_TASKS
        )
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
