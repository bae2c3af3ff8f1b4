"""The signals of the task crosswalk (:mod:`plangraph.analysis.crosswalk`), each in [0, 1],
and the candidate pairs they are computed for:

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

Scale: candidates come from an inverted index on each task's most specific n-grams, themes,
indicators and places, never from all pairs; at most :data:`CANDIDATES` tasks of other plans
are scored per task, and at most ``per_task`` alignments are kept per task (the best).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from . import themes, vectors
from .project import GraphData, TaskNode

CANDIDATES = 64  # tasks of other plans scored per task (inverted index beyond EXACT_LIMIT)
EXACT_LIMIT = 1500  # up to this many tasks, every task of every other plan is a candidate
SIGNATURE = 24  # the most specific features of a task that look up its candidates
SIGNAL_NAMES = ("text", "title", "theme", "indicator", "place", "position")
TITLE = SIGNAL_NAMES.index("title")


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
