"""The analyses' faster paths give what the plain ones give (issue 14: the default build
scales): fingerprints of every plan at once, the candidate pairs of text reuse, the features
two rows share, and the text linkages and text reuse found in forked processes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from plangraph.analysis import analyze_data, reuse, vectors
from plangraph.analysis.corpus import from_corpus
from plangraph.analysis.project import GraphData
from plangraph.model import Corpus, Plan

ROOT = Path(__file__).resolve().parent.parent

# texts of every length around a shingle (8) and a window (3): none, fewer shingles than a
# window, exactly one window, more; a repeat; a text of one character repeated
EDGES = (
    "",
    "太短",
    "一二三四五六七八",
    "一二三四五六七八九",
    "一二三四五六七八九十",
    "一二三四五六七八九十甲乙丙",
    "加快推进重点区域自然资源确权登记。健全生态产品价值实现机制。",
    "加快推进重点区域自然资源确权登记。健全生态产品价值实现机制。",
    "水" * 40,
)


def _fingerprints_one_by_one(texts: list[str]) -> tuple[list[int], list[int], list[int]]:
    hashes: list[int] = []
    docs: list[int] = []
    positions: list[int] = []
    for doc, text in enumerate(texts):
        found, at = reuse.fingerprints(text, 8, 3)
        hashes.extend(found.tolist())
        docs.extend([doc] * len(at))
        positions.extend(at)
    return hashes, docs, positions


@pytest.mark.parametrize("order", ["plans first", "edges first"])
def test_fingerprints_of_all_plans_at_once_equal_those_of_each(
    plans: tuple[Plan, ...], order: str
) -> None:
    texts = [p.text for p in plans]
    texts = [*texts, *EDGES] if order == "plans first" else [*EDGES, *texts]
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    offsets = np.r_[0, np.cumsum(lengths)[:-1]]
    hashes, docs, positions = reuse._all_fingerprints(codes, lengths, offsets, 8, 3)
    expected = _fingerprints_one_by_one(texts)
    assert len(expected[0]) > 1000
    assert (hashes.tolist(), docs.tolist(), positions.tolist()) == expected


def _seed_pairs_plainly(
    texts: list[str], clique: int, max_repeats: int
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Candidate pairs as the first version made them: a dictionary of hits, one by one."""
    hashes, docs, positions = _fingerprints_one_by_one(texts)
    by_hash: dict[int, dict[int, list[int]]] = {}
    for h, d, p in sorted(zip(hashes, docs, positions, strict=True)):
        by_hash.setdefault(h, {}).setdefault(d, []).append(p)
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for by_doc in by_hash.values():
        members = [d for d, found in by_doc.items() if len(found) <= max_repeats]
        if len(members) < 2:
            continue
        if len(members) <= clique:
            partners = [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]]
        else:
            partners = [(members[0], y) for y in members[1:]]
        for x, y in partners:
            hits = seeds.setdefault((x, y), [])
            hits.extend((px, py) for px in by_doc[x] for py in by_doc[y])
    return seeds


@pytest.mark.parametrize(("clique", "max_repeats"), [(8, 1), (2, 1), (8, 3)])
def test_seed_pairs_give_the_matches_every_hit_gives(
    plans: tuple[Plan, ...], clique: int, max_repeats: int
) -> None:
    """Dropping collisions and hits a match on their diagonal covers changes no match."""
    texts = [p.text for p in plans] + [plans[0].text[:3000], plans[1].text[500:4000]]
    fast = reuse._seed_pairs(texts, 8, 3, clique, max_repeats)
    plain = _seed_pairs_plainly(texts, clique, max_repeats)
    assert [(a, b) for a, b, _, _ in fast] == sorted(plain)
    hits = sum(len(found) for found in plain.values())
    assert sum(len(starts) for _, _, starts, _ in fast) < hits / 2  # most were redundant
    for a, b, starts_a, starts_b in fast:
        ordered = sorted(plain[a, b], key=lambda h: (h[1] - h[0], h[0]))
        every = reuse._exact_matches(
            texts[a], texts[b], [h[0] for h in ordered], [h[1] for h in ordered], 8
        )
        assert reuse._exact_matches(texts[a], texts[b], starts_a, starts_b, 8) == every


def test_shared_features_many_equal_those_of_each_pair(plans: tuple[Plan, ...]) -> None:
    texts = [line for p in plans for line in p.text.splitlines() if len(line) > 20]
    rows = vectors.tfidf(texts)
    pairs = [(i, j) for i in range(len(texts)) for j in range(len(texts)) if i != j]
    assert len(pairs) > 5000  # more than one block of 4,096
    expected = [vectors.shared_features(rows, a, b, limit=30) for a, b in pairs]
    assert any(expected)
    assert vectors.shared_features_many(rows, pairs, limit=30) == expected
    # unsorted keys take the general path: the same lists
    keys = np.array([5, 1, 9], dtype=np.int64)
    assert [x.tolist() for x in vectors._intersect(keys, np.array([9, 5], dtype=np.int64))] == [
        [5, 9],
        [0, 2],
        [1, 0],
    ]


def _generated_data(count: int, folder: Path) -> GraphData:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    module.generate(count, folder, seed=3)
    from plangraph.extract import extract
    from plangraph.read import read_plans

    plans = read_plans([folder])
    return from_corpus(Corpus(plans, extract(plans)))


def test_analyses_beside_equal_those_made_here(tmp_path: Path) -> None:
    data = _generated_data(12, tmp_path)
    here = analyze_data(data, workers=1, compare=False)
    beside = analyze_data(data, workers=2, compare=False)
    assert here.linkages.of_kind("text") and here.reuse.passages
    assert beside.linkages == here.linkages
    assert beside.reuse == here.reuse
    assert beside.centrality == here.centrality
    assert beside.findings == here.findings
