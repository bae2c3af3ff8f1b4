"""Distinctive commitments: the words and phrases one plan uses that the others do not.

Found by contrast, not from a hand list: every plan's task sentences are segmented with
jieba (its bundled dictionary, no download) into nouns and noun phrases (two adjacent
nouns joined: 柴油 + 货车 -> 柴油货车); for every term and plan, the log-odds ratio
of the plan against all other plans with an informative Dirichlet prior (Monroe, Colaresi
and Quinn 2008, "Fightin' Words", section 3.5), whose prior is the pooled frequency of the
term in every plan (``PRIOR_WEIGHT`` pseudo-counts in all), and its z-score
(``δ / √σ²``).  A term is distinctive for a plan when its z-score reaches ``Z_MIN`` and at
most one other plan uses it: "only here" or "here and in one other".

Kept: nouns (``n``, ``nz``, ``an``, ``ng``) of two characters or more, and phrases of two such
words (verbal nouns ``vn`` too: 排污权交易); left out: names of places, people
and organisations (they tell where a plan is, not what it commits to; the place analyses
cover them), numbers, and the generic words of the genre in :data:`GENERIC`.  Each term
keeps its quotes: the sentences it occurs in, with the term's offsets into the plan's text.

Character n-grams were compared on the seed: they give fragments (岸电设, 烟花爆) that need
the same noun filter to read, so jieba's segmentation is used.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..graph import natural_key
from .levels import framing_prose
from .project import GraphData, iri_key

if TYPE_CHECKING:
    import pyoxigraph as ox

    from ..model import Plan

Sharing = Literal["only", "one-other"]

PRIOR_WEIGHT = 500.0  # pseudo-counts of the informative prior, spread as the pooled frequencies
Z_MIN = 0.9  # least z-score of a distinctive term (a term used once, by one plan, reaches ~1)
PER_PLAN = 20  # distinctive terms kept per plan and sharing
# A single word this frequent in jieba's general-language dictionary (counts out of ~60
# million words: 市场 26927, 事件 7578, 工厂 3460) is too common to name a commitment alone;
# it still counts inside phrases.  Rarer words and phrases are specific: 烟花爆竹 3, 氢能 14.
GENERAL_FREQUENCY = 3000
NOUN_FLAGS = ("n", "nz", "an", "ng")  # nouns; vn (管控, 治理) only inside phrases
PHRASE_FLAGS = ("n", "nz", "an", "ng", "vn")
# Generic words of the genre: they head many phrases but are no commitment on their own.
GENERIC = frozenset(
    """
    工作 体系 机制 能力 水平 建设 区域 领域 方面 重点 项目 工程 示范 样板 作用 模式 问题 体制 制度
    政策 措施 方案 行动 任务 目标 要求 标准 质量 环境 生态 生态环境 发展 地区 全国 国家 地方 城市
    行业 产业 企业 部门 单位 试点 基地 平台 网络 系统 格局 成效 成果 一批 基础 设施 能力建设 全过程
    一体化 协同 协作 合作 共享 管理 治理 保护 监管 应用 力争 全面 有序 充分发挥 常态化 统一 升级
    培育 全球 国际 综合 典型 计划 场景 经济 单元 服务 核心 指数 链条 先行区 先行 高地 新高地 样板区
    示范区 特色 品质 高质量 高水平 力度 路径 常态 领先 方式 手段 途径 环节
    """.split()  # noqa: SIM905 (one list of words, read as a paragraph)
)
SENTENCE_KINDS = ("task",)  # sentences inside tasks: commitments, not the release or closing


@dataclass(frozen=True, slots=True)
class Quote:
    sentence: str  # the pg:Sentence IRI
    text: str  # the sentence, exactly
    start: int  # the term's offsets into the plan's text
    end: int


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    term: str
    plan: str
    score: float  # z-score of the log-odds ratio, higher = more distinctive
    count: int  # occurrences in the plan
    shared_with: tuple[str, ...]  # other plans that use it (none: only here)
    quotes: tuple[Quote, ...]

    @property
    def probability(self) -> float:
        """Φ(z), the standard normal distribution at the z-score: in [0, 1] for the graph."""
        return 0.5 * (1.0 + math.erf(self.score / math.sqrt(2.0)))

    @property
    def sharing(self) -> Sharing:
        return "only" if not self.shared_with else "one-other"


@dataclass(frozen=True)
class DistinctiveAnalysis:
    terms: tuple[DistinctiveTerm, ...]  # by plan order, sharing, score descending, term

    def of_plan(self, plan: str, sharing: Sharing | None = None) -> tuple[DistinctiveTerm, ...]:
        return tuple(
            t for t in self.terms if t.plan == plan and (sharing is None or t.sharing == sharing)
        )


@dataclass(frozen=True, slots=True)
class SentenceNode:
    iri: str
    plan: str
    text: str
    start: int


_SENTENCES = """
SELECT ?s ?plan ?text ?start WHERE {
  ?s a pg:Sentence ; pg:inPlan ?plan ; pg:text ?text ; pg:start ?start .
}"""


def sentences(store: ox.Store, data: GraphData) -> tuple[SentenceNode, ...]:
    """The plans' sentences that lie inside a task, in plan and text order, from the graph."""
    from .project import _rows

    return _in_tasks(
        (
            SentenceNode(
                str(row["s"].value),
                str(row["plan"].value),
                str(row["text"].value),
                int(row["start"].value),
            )
            for row in _rows(store, _SENTENCES)
        ),
        data,
    )


def plan_sentences(plans: Iterable[Plan], data: GraphData) -> tuple[SentenceNode, ...]:
    """The same sentences read from the plans themselves (the build, which has no store)."""
    from ..graph import plan_iri, sentence_iri

    return _in_tasks(
        (
            SentenceNode(sentence_iri(plan.id, s.index), plan_iri(plan.id), s.text, s.start)
            for plan in plans
            for s in plan.sentences
        ),
        data,
    )


def _in_tasks(found: Iterable[SentenceNode], data: GraphData) -> tuple[SentenceNode, ...]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in data.spans:
        if span.kind in SENTENCE_KINDS:
            spans[span.plan].append((span.start, span.end))
    # the review and guidance chapters' prose (成效, 形势, 指导思想) commits to nothing
    prose: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k in framing_prose(data.tasks, data.spans, data.labels):
        prose[data.tasks[k].plan].append((data.tasks[k].start, data.tasks[k].end))
    kept = [
        node
        for node in found
        if any(lo <= node.start < hi for lo, hi in spans.get(node.plan, ()))
        and not any(lo <= node.start < hi for lo, hi in prose.get(node.plan, ()))
    ]
    rank = {p.iri: i for i, p in enumerate(data.plans)}
    kept.sort(key=lambda s: (rank.get(s.plan, len(rank)), s.start, iri_key(s.iri)))
    return tuple(kept)


@functools.cache
def _jieba() -> object:
    """jieba's part-of-speech tagger, quiet, its dictionary cache kept with plangraph's own
    (``$PLANGRAPH_CACHE``, else ``~/.cache/plangraph``; jieba's default is the temp folder)."""
    import jieba
    import jieba.posseg

    from ..store import cache_folder

    jieba.setLogLevel(logging.WARNING)
    folder = cache_folder()
    if folder is not None and jieba.dt.tmp_dir is None and not jieba.dt.initialized:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(folder)
        except OSError:
            pass  # an unwritable cache folder: jieba falls back to the temp folder
    return jieba.posseg


def specificity(term: str) -> tuple[int, int]:
    """Sort key, most specific first: a word of jieba's dictionary (a general-language
    corpus) before a phrase it lacks, then the rarer in general language."""
    import jieba

    _jieba()
    frequency = int(jieba.dt.FREQ.get(term, 0))
    return (0, frequency) if frequency else (1, 0)


def terms_of(text: str) -> list[str]:
    """Nouns of two characters or more and phrases of two adjacent nouns, outside the notes
    that say who is responsible (国家发展改革委、市场监管总局等按职责分工负责): agencies
    tell who acts, not what a plan commits to."""
    return list(_terms_of(_RESPONSIBLE.sub("", text)))


#: A bracketed note of the agencies responsible for a task: (省发展改革委牵头, 各市配合).
_RESPONSIBLE = re.compile(r"[（(][^（）()]{0,300}?(?:负责|牵头|配合|参与|落实)[^（）()]{0,40}[)）]")


@functools.lru_cache(maxsize=100_000)
def _terms_of(text: str) -> tuple[str, ...]:  # plans repeat sentences: segment each once
    posseg = _jieba()
    tokens = [(w, f) for w, f in posseg.cut(text)]  # type: ignore[attr-defined]
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        for size in (2,):
            for k in range(len(run) - size + 1):
                phrase = "".join(run[k : k + size])
                if len(phrase) >= 3 and not all(w in GENERIC for w in run[k : k + size]):
                    out.append(phrase)
        run.clear()

    for word, flag in tokens:
        plain = len(word) >= 2 and not any(ch.isdigit() for ch in word)
        if plain and flag in NOUN_FLAGS and word not in GENERIC and not _common(word):
            out.append(word)
        if plain and flag in PHRASE_FLAGS:
            run.append(word)  # phrases join whole words only: no 区建设 from 先行区 + 建设
        else:
            flush()
    flush()
    return tuple(out)


def _common(word: str) -> bool:
    import jieba

    _jieba()
    return int(jieba.dt.FREQ.get(word, 0)) >= GENERAL_FREQUENCY


def log_odds(
    counts: Mapping[str, Counter[str]], prior_weight: float = PRIOR_WEIGHT
) -> dict[str, dict[str, float]]:
    """z-scores of the log-odds ratio of each plan against the others, per term.

    ``counts``: plan -> term -> count.  Informative Dirichlet prior: α_w = prior_weight ×
    the pooled share of w (Monroe, Colaresi and Quinn 2008, eq. 16 and 22).
    """
    pooled: Counter[str] = Counter()
    for bag in counts.values():
        pooled.update(bag)
    total = sum(pooled.values())
    if not total:
        return {}
    alpha = {w: prior_weight * c / total for w, c in pooled.items()}
    alpha0 = prior_weight
    out: dict[str, dict[str, float]] = {}
    for plan, bag in counts.items():
        n_i = sum(bag.values())
        n_r = total - n_i
        scores = {}
        for w in bag:
            y_i = bag[w]
            y_r = pooled[w] - y_i
            a = alpha[w]
            delta = math.log((y_i + a) / (n_i + alpha0 - y_i - a)) - math.log(
                (y_r + a) / (n_r + alpha0 - y_r - a)
            )
            variance = 1.0 / (y_i + a) + 1.0 / (y_r + a)
            scores[w] = delta / math.sqrt(variance)
        out[plan] = scores
    return out


def analyze_distinctive(
    data: GraphData,
    units: Sequence[SentenceNode],
    *,
    per_plan: int = PER_PLAN,
    z_min: float = Z_MIN,
) -> DistinctiveAnalysis:
    plans = [p.iri for p in data.plans]
    if len(plans) < 2:
        return DistinctiveAnalysis(())
    counts: dict[str, Counter[str]] = {p: Counter() for p in plans}
    for sentence in units:
        if sentence.plan in counts:
            counts[sentence.plan].update(terms_of(sentence.text))
    users: dict[str, set[str]] = defaultdict(set)
    for plan, bag in counts.items():
        for term in bag:
            users[term].add(plan)
    scores = log_odds(counts)
    place_names = {data.label(iri) for iri in data.places}  # where, not what
    place_names |= {p.region_label for p in data.plans} | {m.quote for m in data.place_mentions}
    rank = {p: i for i, p in enumerate(plans)}
    found: list[DistinctiveTerm] = []
    for plan in plans:
        for sharing in ("only", "one-other"):
            candidates = [
                (w, z)
                for w, z in scores.get(plan, {}).items()
                if z >= z_min
                and w not in place_names
                and len(users[w]) == (1 if sharing == "only" else 2)
            ]
            # z-score first; among equal scores (every term a plan alone uses once has the
            # same), the more specific term first (see specificity), then the longer
            candidates.sort(
                key=lambda wz: (-round(wz[1], 9), specificity(wz[0]), -len(wz[0]), wz[0])
            )
            # a word inside a phrase the plan uses as often says less: keep the phrase
            words = [w for w, _ in candidates]
            kept = [
                (w, z)
                for w, z in candidates
                if not any(w != k and w in k and counts[plan][w] == counts[plan][k] for k in words)
            ][:per_plan]
            for w, z in kept:
                quotes = tuple(_quotes(w, plan, units))
                if not quotes:
                    continue
                others = tuple(sorted(users[w] - {plan}, key=rank.__getitem__))
                found.append(DistinctiveTerm(w, plan, z, counts[plan][w], others, quotes))
    return DistinctiveAnalysis(tuple(found))


def _quotes(term: str, plan: str, units: Iterable[SentenceNode]) -> Iterable[Quote]:
    for sentence in units:
        if sentence.plan != plan:
            continue
        at = sentence.text.find(term)
        if at >= 0:
            yield Quote(
                sentence.iri, sentence.text, sentence.start + at, sentence.start + at + len(term)
            )


def sort_key(term: DistinctiveTerm) -> tuple[object, ...]:
    return (iri_key(term.plan), term.sharing, -round(term.score, 4), natural_key(term.term))
