"""Sparse vectors with numpy: character n-gram TF-IDF and best matches between groups.

Chinese has no spaces, so a text is cut only at punctuation and whitespace into runs of
letters, digits and Han characters, and every run gives its character 2- and 3-grams.
Vectors are rows of a small CSR matrix (:class:`Rows`); :func:`best_per_group` finds, for
every row, the most similar row in each other group (plan), exactly with dense blocks when
the matrix is small and through an inverted index on each row's rarest features otherwise,
so that 22,000 tasks never mean 22,000² comparisons.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_RUN = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

SCORE_DIGITS = 9  # scores are rounded before comparing, so that ties break the same way


def ngrams(text: str, sizes: Sequence[int] = (2, 3)) -> list[str]:
    """Character n-grams of every run of word characters; punctuation is never inside one."""
    grams: list[str] = []
    for run in _RUN.findall(text):
        for size in sizes:
            grams.extend(run[i : i + size] for i in range(len(run) - size + 1))
    return grams


@dataclass(frozen=True)
class Rows:
    """A CSR matrix: row ``i`` holds ``indices[indptr[i]:indptr[i+1]]`` and their weights."""

    features: tuple[str, ...]
    indptr: IntArray
    indices: IntArray
    data: FloatArray

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.indptr) - 1, len(self.features)

    def row(self, i: int) -> tuple[IntArray, FloatArray]:
        lo, hi = int(self.indptr[i]), int(self.indptr[i + 1])
        return self.indices[lo:hi], self.data[lo:hi]

    def document_frequency(self) -> IntArray:
        return np.bincount(self.indices, minlength=len(self.features)).astype(np.int64)


def _csr(bags: Sequence[dict[str, float]], vocabulary: dict[str, int], weight: FloatArray) -> Rows:
    indptr = np.zeros(len(bags) + 1, dtype=np.int64)
    indices: list[int] = []
    data: list[float] = []
    for i, bag in enumerate(bags):
        ids = sorted((vocabulary[f], v) for f, v in bag.items())
        indices.extend(k for k, _ in ids)
        data.extend(v for _, v in ids)
        indptr[i + 1] = len(indices)
    index_array = np.asarray(indices, dtype=np.int64)
    values = np.asarray(data, dtype=np.float64) * weight[index_array]
    # L2-normalize each row
    row_of = np.repeat(np.arange(len(bags)), np.diff(indptr))
    norms = np.sqrt(np.bincount(row_of, weights=values**2, minlength=len(bags)))
    if len(values):
        values = values / norms[row_of]
    features = tuple(sorted(vocabulary, key=vocabulary.__getitem__))
    return Rows(features, indptr, index_array, values)


def _idf(document_frequency: FloatArray, documents: int) -> FloatArray:
    return np.log((1.0 + documents) / (1.0 + document_frequency)) + 1.0


def tfidf(texts: Sequence[str], sizes: Sequence[int] = (2, 3)) -> Rows:
    """Sublinear TF × smoothed IDF over character n-grams, each row L2-normalized."""
    if texts and set(sizes) <= {2, 3} and sizes:
        return _tfidf_arrays(texts, tuple(sorted(set(sizes))))
    bags: list[dict[str, float]] = []
    for text in texts:
        counts: dict[str, int] = {}
        for gram in ngrams(text, sizes):
            counts[gram] = counts.get(gram, 0) + 1
        bags.append({g: 1.0 + math.log(c) for g, c in counts.items()})
    return weighted_sets(bags)


def _word_characters(codes: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """The characters :data:`_RUN` matches: ASCII letters and digits, and Han."""
    return (
        ((codes >= 0x30) & (codes <= 0x39))
        | ((codes >= 0x41) & (codes <= 0x5A))
        | ((codes >= 0x61) & (codes <= 0x7A))
        | ((codes >= 0x3400) & (codes <= 0x4DBF))
        | ((codes >= 0x4E00) & (codes <= 0x9FFF))
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
    )


def _tfidf_arrays(texts: Sequence[str], sizes: tuple[int, ...]) -> Rows:
    """:func:`tfidf` with the n-grams counted in numpy (the same rows, bit for bit)."""
    joined = "\n".join(texts) + "\n"  # a line break is never inside a run
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    del joined  # here and below: what is done with goes at once (a lower peak of memory)
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    word = _word_characters(codes)
    keys_list, docs_list = [], []
    for size in sizes:
        count = len(codes) - size + 1
        valid = word[:count].copy()
        key = codes[:count].copy()
        for k in range(1, size):
            valid &= word[k : k + count]
            key = (key << 21) | codes[k : k + count]
        keys_list.append(key[valid])
        docs_list.append(doc_of[:count][valid])
        del valid, key
    del codes, doc_of, word
    keys, docs = np.concatenate(keys_list), np.concatenate(docs_list)
    del keys_list, docs_list
    unique_keys, gram = np.unique(keys, return_inverse=True)
    del keys
    # features in string order, as the vocabulary of :func:`weighted_sets`
    strings = [_decode(int(k)) for k in unique_keys]
    rank = np.empty(len(strings), dtype=np.int64)
    rank[np.array(sorted(range(len(strings)), key=strings.__getitem__), dtype=np.int64)] = (
        np.arange(len(strings), dtype=np.int64)
    )
    feature = rank[gram.ravel()]
    del gram
    width = len(strings)
    composite = docs * width + feature
    del docs, feature
    pair, counts = np.unique(composite, return_counts=True)  # by doc, feature
    del composite
    row, column = pair // width, pair % width
    del pair
    df = np.bincount(column, minlength=width).astype(np.float64)
    weight = _idf(df, len(texts))
    values = (1.0 + np.log(counts.astype(np.float64))) * weight[column]
    norms = np.sqrt(np.bincount(row, weights=values**2, minlength=len(texts)))
    if len(values):
        values = values / norms[row]
    indptr = np.r_[0, np.cumsum(np.bincount(row, minlength=len(texts)))].astype(np.int64)
    ordered = [""] * width
    for index, position in zip(rank.tolist(), range(width), strict=True):
        ordered[index] = strings[position]
    return Rows(tuple(ordered), indptr, column.astype(np.int64), values)


def _decode(key: int) -> str:
    chars = []
    while key:
        chars.append(chr(key & 0x1FFFFF))
        key >>= 21
    return "".join(reversed(chars))


def weighted_sets(bags: Sequence[dict[str, float]]) -> Rows:
    """Rows from feature -> term weight maps, weighted by IDF and L2-normalized."""
    vocabulary: dict[str, int] = {}
    for feature in sorted({f for bag in bags for f in bag}):
        vocabulary[feature] = len(vocabulary)
    df = np.zeros(len(vocabulary), dtype=np.float64)
    for bag in bags:
        for feature in bag:
            df[vocabulary[feature]] += 1
    return _csr(bags, vocabulary, _idf(df, len(bags)))


def dense_weights(bags: Sequence[dict[str, float]]) -> FloatArray:
    """A dense matrix of term weight × IDF (one row per bag, features in string order), for
    a small vocabulary such as themes; see :func:`weighted_jaccard`."""
    vocabulary = {f: k for k, f in enumerate(sorted({f for bag in bags for f in bag}))}
    matrix = np.zeros((len(bags), len(vocabulary)), dtype=np.float64)
    for i, bag in enumerate(bags):
        for feature, weight in bag.items():
            matrix[i, vocabulary[feature]] = weight
    df = (matrix > 0).sum(axis=0).astype(np.float64)
    weighted: FloatArray = matrix * _idf(df, len(bags))
    return weighted


def weighted_jaccard(matrix: FloatArray, i: int, others: IntArray) -> FloatArray:
    """Σ min / Σ max of row ``i`` against each row in ``others`` (0 when both are empty):
    unlike a cosine, a feature one row weighs little and the other much counts little."""
    row, rest = matrix[i], matrix[others]
    high = np.maximum(row, rest).sum(axis=1)
    low = np.minimum(row, rest).sum(axis=1)
    out: FloatArray = np.divide(low, high, out=np.zeros_like(low), where=high > 0)
    return out


def binary(sets: Sequence[Iterable[str]]) -> Rows:
    """IDF-weighted, L2-normalized rows for sets of features (themes, places, indicators)."""
    return weighted_sets([dict.fromkeys(items, 1.0) for items in sets])


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class Match:
    row: int
    other: int
    score: float


def best_per_group(
    rows: Rows,
    group: Sequence[int],
    *,
    per_row: int,
    dense_limit: int = 8_000_000,
    dense_rows: int = 5_000,
    signature: int = 12,
    candidates: int = 48,
) -> tuple[list[Match], bool]:
    """For every row, its best match in each of the ``per_row`` best other groups.

    ``group`` gives each row's group (its plan); rows must be sorted by group.  Returns the
    matches (score > 0) and whether they are exact.  Up to ``dense_rows`` rows (and
    ``dense_limit`` cells) every pair is scored.  Beyond, candidates come from an inverted
    index: each row's ``signature`` rarest features, each giving at most ``candidates``
    rows of its posting list (the first, in row order), and only the ``candidates`` rows
    that share the most signature features are scored exactly — so the work per row is
    bounded and the whole grows linearly with the corpus.  Ties go to the lower row index.
    """
    n, _ = rows.shape
    groups = np.asarray(group, dtype=np.int64)
    if n == 0:
        return [], True
    if np.any(np.diff(groups) < 0):
        raise ValueError("rows must be sorted by group")
    df = rows.document_frequency()
    shared = np.flatnonzero(df >= 2)
    if len(shared) == 0:
        return [], True
    if n <= dense_rows and n * len(shared) <= dense_limit:
        return _dense(rows, groups, shared, per_row), True
    return _candidates(rows, groups, df, per_row, signature, candidates), False


def _dense(rows: Rows, groups: IntArray, shared: IntArray, per_row: int) -> list[Match]:
    n, width = rows.shape
    column = np.full(width, -1, dtype=np.int64)
    column[shared] = np.arange(len(shared))
    matrix = np.zeros((n, len(shared)), dtype=np.float64)
    row_of = np.repeat(np.arange(n), np.diff(rows.indptr))
    keep = column[rows.indices] >= 0
    matrix[row_of[keep], column[rows.indices[keep]]] = rows.data[keep]
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    ends = np.r_[starts[1:], n]
    group_index = np.repeat(np.arange(len(starts)), ends - starts)
    out: list[Match] = []
    block = max(1, 4_000_000 // max(n, 1))
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        scores = np.round(matrix[lo:hi] @ matrix.T, SCORE_DIGITS)
        scores[group_index[lo:hi, None] == group_index[None, :]] = 0.0  # never the own plan
        best = np.maximum.reduceat(scores, starts, axis=1)
        # the best groups of each row: score descending, then group index (a stable sort)
        ranked = np.argsort(-best, axis=1, kind="stable")[:, :per_row]
        for r, g in zip(*np.nonzero(np.take_along_axis(best, ranked, axis=1) > 0), strict=True):
            group = int(ranked[r, g])
            j = int(starts[group] + np.argmax(scores[r, starts[group] : ends[group]]))
            out.append(Match(lo + int(r), j, float(best[r, group])))
    return out


def _first_of_runs(*keys: IntArray) -> npt.NDArray[np.bool_]:
    """True where a sorted sequence of key tuples starts a new run."""
    start = np.zeros(len(keys[0]), dtype=bool)
    if len(start):
        start[0] = True
        for key in keys:
            start[1:] |= key[1:] != key[:-1]
    return start


def _rank_in_runs(run_start: npt.NDArray[np.bool_]) -> IntArray:
    """0, 1, 2 … within each run (runs begin where ``run_start`` is True)."""
    index = np.arange(len(run_start), dtype=np.int64)
    first = np.maximum.accumulate(np.where(run_start, index, 0))
    ranks: IntArray = index - first
    return ranks


def _candidates(
    rows: Rows,
    groups: IntArray,
    df: IntArray,
    per_row: int,
    signature: int,
    limit: int,
    pairs_per_block: int = 400_000,
) -> list[Match]:
    import scipy.sparse as sp

    n, width = rows.shape
    row_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(rows.indptr))
    by_feature = np.argsort(rows.indices, kind="stable")
    posting_rows = row_of[by_feature]  # by feature, then row
    del by_feature  # here and below: what is done with goes at once (a lower peak)
    posting_start = np.r_[0, np.cumsum(np.bincount(rows.indices, minlength=width))]
    # each row's signature: its rarest shared features (then the heaviest, then by index)
    usable = df[rows.indices] >= 2
    sig_row, sig_feature, sig_weight = row_of[usable], rows.indices[usable], rows.data[usable]
    del row_of, usable
    order = np.lexsort((sig_feature, -sig_weight, df[sig_feature], sig_row))
    del sig_weight
    sig_row, sig_feature = sig_row[order], sig_feature[order]
    del order
    keep = _rank_in_runs(_first_of_runs(sig_row)) < signature
    sig_row, sig_feature = sig_row[keep], sig_feature[keep]
    del keep
    matrix = sp.csr_matrix((rows.data, rows.indices, rows.indptr), shape=(n, width))
    per_row_pairs = max(1, signature * limit)
    block = max(1, pairs_per_block // per_row_pairs)
    bounds = np.searchsorted(sig_row, np.arange(0, n + block, block))
    out: list[Match] = []
    for b in range(len(bounds) - 1):
        lo, hi = int(bounds[b]), int(bounds[b + 1])
        if lo == hi:
            continue
        starts = posting_start[sig_feature[lo:hi]]
        stops = np.minimum(starts + limit, posting_start[sig_feature[lo:hi] + 1])
        left = np.repeat(sig_row[lo:hi], stops - starts)
        right = posting_rows[ranges(starts, stops)]
        other = groups[left] != groups[right]
        left, right = left[other], right[other]
        if len(left) == 0:
            continue
        pair, hits = np.unique(left * n + right, return_counts=True)
        left, right = pair // n, pair % n
        # the rows sharing the most signature features with each row (ties: lower row)
        order = np.lexsort((right, -hits, left))
        left, right = left[order], right[order]
        keep = _rank_in_runs(_first_of_runs(left)) < limit
        left, right = left[keep], right[keep]
        scores = np.zeros(len(left), dtype=np.float64)
        step = max(1, 2_000_000 // max(1, int(np.diff(rows.indptr).max())))
        for k in range(0, len(left), step):
            a, c = left[k : k + step], right[k : k + step]
            scores[k : k + step] = np.asarray(matrix[a].multiply(matrix[c]).sum(axis=1)).ravel()
        scores = np.round(scores, SCORE_DIGITS)
        positive = scores > 0
        left, right, scores = left[positive], right[positive], scores[positive]
        # the best candidate of each group (ties: the lower row), then the best groups
        other_group = groups[right]
        order = np.lexsort((right, -scores, other_group, left))
        left, right, scores = left[order], right[order], scores[order]
        other_group = other_group[order]
        first = _first_of_runs(left, other_group)
        left, right, scores, other_group = (
            left[first],
            right[first],
            scores[first],
            other_group[first],
        )
        order = np.lexsort((other_group, -scores, left))
        left, right, scores = left[order], right[order], scores[order]
        keep = _rank_in_runs(_first_of_runs(left)) < per_row
        out.extend(
            Match(int(i), int(j), float(s))
            for i, j, s in zip(left[keep], right[keep], scores[keep], strict=True)
        )
    return out


def ranges(starts: IntArray, stops: IntArray) -> IntArray:
    """The concatenation of ``range(start, stop)`` for each pair, as one array."""
    lengths = stops - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.r_[0, np.cumsum(lengths)[:-1]]
    spans: IntArray = np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, lengths)
    return spans


def shared_features(
    rows: Rows, a: int, b: int, limit: int | None = None
) -> list[tuple[int, float]]:
    """The features two rows share, with the product of their weights, largest first
    (ties by feature index); only the first ``limit`` when given."""
    ia, wa = rows.row(a)
    ib, wb = rows.row(b)
    common, pa, pb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
    products = np.round(wa[pa] * wb[pb], SCORE_DIGITS)
    order = np.lexsort((common, -products))
    if limit is not None:
        order = order[:limit]
    return list(zip(common[order].tolist(), products[order].tolist(), strict=True))


def shared_features_many(
    rows: Rows, pairs: Sequence[tuple[int, int]], limit: int | None = None, block: int = 4096
) -> list[list[tuple[int, float]]]:
    """:func:`shared_features` of many pairs of rows at once (the same lists, vectorized)."""
    out: list[list[tuple[int, float]]] = []
    for lo in range(0, len(pairs), block):
        chunk = pairs[lo : lo + block]
        pair, feature, products = _shared_block(rows, chunk, limit)
        bounds = np.searchsorted(pair, np.arange(len(chunk) + 1)).tolist()
        features, values = feature.tolist(), products.tolist()
        for k in range(len(chunk)):
            lo_k, hi_k = bounds[k], bounds[k + 1]
            out.append(list(zip(features[lo_k:hi_k], values[lo_k:hi_k], strict=True)))
    return out


def longest_shared(
    rows: Rows, pairs: Sequence[tuple[int, int]], limit: int, keep: int, block: int = 4096
) -> list[tuple[str, ...]]:
    """For each pair, the features of :func:`shared_features_many` (``limit``) sorted by
    length, longest first (a stable sort), the first ``keep`` of them as strings: what
    ``sorted(features, key=len, reverse=True)[:keep]`` gives, without a list per pair."""
    out: list[tuple[str, ...]] = []
    names = rows.features
    length = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
    for lo in range(0, len(pairs), block):
        chunk = pairs[lo : lo + block]
        pair, feature, _ = _shared_block(rows, chunk, limit)
        rank = _rank_in_runs(_first_of_runs(pair))
        order = np.lexsort((rank, -length[feature], pair))
        pair, feature = pair[order], feature[order]
        kept = _rank_in_runs(_first_of_runs(pair)) < keep
        pair, feature = pair[kept], feature[kept]
        bounds = np.searchsorted(pair, np.arange(len(chunk) + 1)).tolist()
        found = [names[f] for f in feature.tolist()]
        out.extend(tuple(found[bounds[k] : bounds[k + 1]]) for k in range(len(chunk)))
    return out


def _shared_block(
    rows: Rows, chunk: Sequence[tuple[int, int]], limit: int | None
) -> tuple[IntArray, IntArray, FloatArray]:
    """The features each pair of ``chunk`` shares (pair index, feature, product of the
    weights), by pair, then product descending, then feature; ``limit`` per pair."""
    width = max(1, rows.shape[1])
    a = np.fromiter((p[0] for p in chunk), dtype=np.int64, count=len(chunk))
    b = np.fromiter((p[1] for p in chunk), dtype=np.int64, count=len(chunk))
    sides = []
    for rows_of in (a, b):
        starts, stops = rows.indptr[rows_of], rows.indptr[rows_of + 1]
        entries = ranges(starts, stops)
        pair = np.repeat(np.arange(len(chunk), dtype=np.int64), stops - starts)
        sides.append((pair * width + rows.indices[entries], rows.data[entries]))
    (key_a, weight_a), (key_b, weight_b) = sides
    common, ia, ib = _intersect(key_a, key_b)
    pair, feature = common // width, common % width
    products = np.round(weight_a[ia] * weight_b[ib], SCORE_DIGITS)
    order = np.lexsort((feature, -products, pair))
    pair, feature, products = pair[order], feature[order], products[order]
    if limit is not None:
        keep = _rank_in_runs(_first_of_runs(pair)) < limit
        pair, feature, products = pair[keep], feature[keep], products[keep]
    return pair, feature, products


def _intersect(a: IntArray, b: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """``np.intersect1d(a, b, assume_unique=True, return_indices=True)`` for keys without
    repeats; by binary search when both are sorted already (each row's features are)."""
    if len(a) and len(b) and bool(np.all(a[1:] > a[:-1])) and bool(np.all(b[1:] > b[:-1])):
        at = np.minimum(np.searchsorted(b, a), len(b) - 1)
        found = np.flatnonzero(b[at] == a)
        return a[found], found, at[found]
    common, ia, ib = np.intersect1d(a, b, assume_unique=True, return_indices=True)
    return common, ia, ib


@functools.lru_cache(maxsize=65_536)
def _phrases_cached(
    a: str, b: str, seeds: tuple[str, ...], limit: int, shortest: int
) -> tuple[str, ...]:
    found = _grow(a, b, seeds)
    long = sorted((p for p in found if len(p) >= shortest), key=len, reverse=True)
    return tuple((long or found)[:limit])


def common_phrases(
    a: str, b: str, seeds: Iterable[str], limit: int = 3, shortest: int = 4
) -> list[str]:
    """Grow each seed n-gram found in both texts into the longest common substring around it.

    The longest first; phrases shorter than ``shortest`` characters are left out unless
    nothing longer exists.
    """
    # corpora repeat passages: the same two texts are compared again and again
    return list(_phrases_cached(a, b, tuple(seeds), limit, shortest))


def _grow(a: str, b: str, seeds: Iterable[str]) -> list[str]:
    phrases: list[str] = []
    for seed in seeds:
        i, j = a.find(seed), b.find(seed)
        if i < 0 or j < 0 or any(seed in p for p in phrases):
            continue
        back = same_before(a, i, b, j)
        end_a = i + len(seed) + same_after(a, i + len(seed), b, j + len(seed))
        phrase = a[i - back : end_a].strip(_PUNCTUATION)
        if phrase and not any(phrase in p for p in phrases):
            phrases = [p for p in phrases if p not in phrase]
            phrases.append(phrase)
    return phrases


def same_after(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a`` and ``b`` have in common from ``i`` and ``j`` on (slices
    compared in C, by doubling then halving)."""
    n = min(len(a) - i, len(b) - j)
    done, step = 0, 16
    while done + step <= n and a[i + done : i + done + step] == b[j + done : j + done + step]:
        done += step
        step *= 2
    while step > 1:
        step //= 2
        if done + step <= n and a[i + done : i + done + step] == b[j + done : j + done + step]:
            done += step
    return done


def same_before(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a`` and ``b`` have in common right before ``i`` and ``j``."""
    n = min(i, j)
    done, step = 0, 16
    while done + step <= n and a[i - done - step : i - done] == b[j - done - step : j - done]:
        done += step
        step *= 2
    while step > 1:
        step //= 2
        if done + step <= n and a[i - done - step : i - done] == b[j - done - step : j - done]:
            done += step
    return done


_PUNCTUATION = "。，,、；;：:！!？?（）()“”\"'‘’《》〈〉—…·  \n\t"
