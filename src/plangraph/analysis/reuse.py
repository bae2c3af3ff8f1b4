"""Text reuse: passages that several plans share verbatim or nearly, with every location.

The method follows passim and the Legislative Influence Detector:

1. *Shingling with winnowing.*  Every plan's text (the graph's pg:text, so offsets are the
   graph's own) is cut into overlapping ``shingle``-character n-grams, hashed with a fixed
   polynomial hash; winnowing keeps the smallest hash of every ``window`` consecutive ones
   (MOSS), which guarantees that any shared passage of ``shingle + window - 1`` characters
   or more leaves a shared fingerprint.
2. *Candidate pairs from an inverted index.*  Fingerprints shared by a few plans pair all of
   them; one shared by many plans pairs each with the first (a star, not a clique), so
   boilerplate in 1,000 plans costs 999 pairs, not 500,000.  A fingerprint that occurs more
   than ``max_repeats`` times within one plan (美丽中国先行区建设 …) seeds nothing: it
   cannot say which occurrence matches which.
3. *Local alignment.*  For each candidate pair, every seed is extended to a maximal exact
   match, and exact matches on nearby diagonals are chained across small gaps (a changed
   region name, an inserted word) into near-verbatim passages.
4. *Clustering.*  Aligned passages that mostly coincide in some plan (they overlap by
   half the longer one) are merged (union–find) into one reuse cluster: the shared text and
   each location (plan, unit, offsets, text).  A short phrase inside a long passage stays a
   cluster of its own, so it never bridges two different passages.

Passages stay within one line of the plan (a task, a paragraph), end on whole numbers and
drop punctuation at their ends.

A cluster is *boilerplate* when every plan of the corpus repeats it, or when all its
locations lie in the release preface, the preamble or the closing paragraph (the template).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .project import GraphData, Span
from .vectors import ranges, same_after, same_before

TEMPLATE_KINDS = frozenset({"preface", "preamble", "closing", "title"})
_MIN_PIECE = 4
_STOPS = "。；;！？!?）)"
_TRIM = "。，,、；;：:！!？?）)（(“”\"'‘’《》—…· \n\t"
_BASE = np.uint64(1_000_003)
_MIX = np.uint64(0x9E3779B97F4A7C15)

UInt64Array = npt.NDArray[np.uint64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Location:
    plan: str
    unit: str  # the innermost unit holding the start: a Task, Section, Preface, Preamble …
    unit_kind: str  # "task", "section", "preface", "preamble", "closing", "title" or ""
    task_key: str | None
    start: int  # offsets into the plan's pg:text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ReusePassage:
    text: str  # the shared text, as it stands at the first location
    locations: tuple[Location, ...]  # in plan order, then by offset
    plans: int  # how many plans share it
    identity: float  # matched characters / aligned length, averaged over the aligned pairs
    boilerplate: bool
    reason: str  # "every plan", "template", or "" when not boilerplate

    @property
    def score(self) -> float:
        return self.identity

    def in_plan(self, plan: str) -> tuple[Location, ...]:
        return tuple(loc for loc in self.locations if loc.plan == plan)


@dataclass(frozen=True, slots=True)
class ReuseAnalysis:
    passages: tuple[ReusePassage, ...]  # most plans first, then longest, then first location
    shingle: int
    window: int
    min_length: int

    def containing(self, text: str) -> tuple[ReusePassage, ...]:
        return tuple(p for p in self.passages if any(text in loc.text for loc in p.locations))


@dataclass(slots=True)
class _Pair:
    """A passage aligned between two plans (indices into the plan list)."""

    a: int
    a0: int
    a1: int
    b: int
    b0: int
    b1: int
    matched: int
    head: int  # length of the first exact match (identical on both sides)
    tail: int  # length of the last exact match


def analyze_reuse(
    data: GraphData,
    *,
    shingle: int = 8,
    window: int = 3,
    min_length: int = 10,
    max_gap: int = 8,
    max_skew: int = 4,
    min_identity: float = 0.8,
    clique: int = 8,
    max_repeats: int = 1,
) -> ReuseAnalysis:
    """Find the passages plans share.  See the module docstring for the method."""
    texts = [p.text for p in data.plans]
    pairs: list[_Pair] = []
    for a, b, starts_a, starts_b in _seed_pairs(texts, shingle, window, clique, max_repeats):
        matches = _exact_matches(texts[a], texts[b], starts_a, starts_b, shingle)
        pairs.extend(_chain(a, b, matches, texts, max_gap, max_skew, min_length, min_identity))
    passages = _cluster(data, pairs)
    return ReuseAnalysis(tuple(passages), shingle, window, min_length)


# --------------------------------------------------------------------------- 1. shingles


def fingerprints(text: str, shingle: int, window: int) -> tuple[UInt64Array, list[int]]:
    """Winnowed shingle hashes of ``text`` and their offsets (deterministic across runs)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - shingle + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64), []
    hashes = np.zeros(count, dtype=np.uint64)
    for t in range(shingle):
        hashes = hashes * _BASE + codes[t : t + count]
    hashes = (hashes ^ (hashes >> np.uint64(29))) * _MIX
    hashes ^= hashes >> np.uint64(32)
    if count <= window:
        chosen = np.array([int(np.argmin(hashes))])
    else:
        view = np.lib.stride_tricks.sliding_window_view(hashes, window)
        chosen = np.unique(np.argmin(view, axis=1) + np.arange(count - window + 1))
    return hashes[chosen], chosen.tolist()


def _all_fingerprints(
    codes: npt.NDArray[np.uint32],
    lengths: IntArray,
    offsets: IntArray,
    shingle: int,
    window: int,
) -> tuple[UInt64Array, IntArray, IntArray]:
    """:func:`fingerprints` of every text at once (``codes``: the texts' characters one
    after another, each starting at its offset): hashes, text and start of each, by text
    and start; the same as calling :func:`fingerprints` on each text."""
    empty = np.zeros(0, dtype=np.int64)
    total = len(codes) - shingle + 1
    counts = np.maximum(lengths - shingle + 1, 0)  # shingles of each text
    if total <= 0 or not counts.any():
        return np.zeros(0, dtype=np.uint64), empty, empty
    # in place, and what is done with let go at once: a lower peak of memory
    wide = codes.astype(np.uint64)
    hashes = np.zeros(total, dtype=np.uint64)
    for t in range(shingle):
        hashes *= _BASE
        hashes += wide[t : t + total]
    del wide
    hashes ^= hashes >> np.uint64(29)
    hashes *= _MIX
    hashes ^= hashes >> np.uint64(32)
    valid = ranges(offsets, offsets + counts)  # shingles inside one text
    hashes = hashes[valid]
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), counts)
    first = np.r_[0, np.cumsum(counts)[:-1]]  # each text's first shingle in ``hashes``
    chosen: list[IntArray] = []
    if len(hashes) >= window:
        # the first smallest hash of every window of ``window`` shingles inside one text
        windows = len(hashes) - window + 1
        best, where = hashes[:windows], np.zeros(windows, dtype=np.int64)
        for k in range(1, window):
            smaller = hashes[k : k + windows] < best
            best = np.where(smaller, hashes[k : k + windows], best)
            where[smaller] = k
        del best
        starts = np.arange(windows, dtype=np.int64)
        where += starts
        starts += window
        inside = starts <= (first + counts)[doc[:windows]]
        del starts
        # a window's choice never lies before the previous window's: sorted already
        chosen.append(where[inside])
        del where, inside
    small = np.flatnonzero((counts > 0) & (counts < window)).tolist()
    for d in small:  # texts of fewer shingles than a window: their smallest
        lo = int(first[d])
        chosen.append(np.array([lo + int(np.argmin(hashes[lo : lo + int(counts[d])]))]))
    picked = np.concatenate(chosen) if chosen else empty
    if small:
        picked = np.sort(picked)
    picked = picked[np.r_[True, picked[1:] != picked[:-1]]] if len(picked) else picked
    return hashes[picked], doc[picked], valid[picked] - offsets[doc[picked]]


def _seed_pairs(
    texts: Sequence[str], shingle: int, window: int, clique: int, max_repeats: int
) -> list[tuple[int, int, list[int], list[int]]]:
    """Candidate pairs of plans (a < b, in order) with their seed hits: the starts in a and
    in b of the shingles they share, in the order :func:`_exact_matches` takes them
    (diagonal, then start in a).  Hash collisions are dropped here, and so is every hit that
    lies within ``shingle`` characters after another hit on its diagonal: the maximal
    exact match grown from that one always covers it."""
    if not texts:
        return []
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    offsets = np.r_[0, np.cumsum(lengths)[:-1]]
    hashes, docs, positions = _all_fingerprints(codes, lengths, offsets, shingle, window)
    # by hash, then plan and start (fingerprints come by plan and start: a stable sort)
    order = np.argsort(hashes, kind="stable")
    hashes, docs, positions = hashes[order], docs[order], positions[order]
    del order  # here and below: what is done with goes at once (a lower peak of memory)
    # a plan repeating a fingerprint more than max_repeats times seeds nothing with it
    new_hash = np.r_[True, hashes[1:] != hashes[:-1]]
    new_doc = new_hash | np.r_[True, docs[1:] != docs[:-1]]
    run = np.cumsum(new_doc) - 1
    keep = (np.bincount(run) <= max_repeats)[run]
    hashes, docs, positions, new_doc = hashes[keep], docs[keep], positions[keep], new_doc[keep]
    del run, keep
    if len(hashes) == 0:
        return []
    new_hash = np.r_[True, hashes[1:] != hashes[:-1]]
    new_doc |= new_hash
    group = np.cumsum(new_hash) - 1
    group_start = np.flatnonzero(new_hash)
    group_end = np.r_[group_start[1:], len(hashes)]
    members = np.bincount(group, weights=new_doc).astype(np.int64)  # plans per group
    # the entries of each group's first plan end where its second plan starts
    later = np.flatnonzero(new_doc & ~new_hash)
    first_end = group_end.copy()
    np.minimum.at(first_end, group[later], later)
    index = np.arange(len(hashes), dtype=np.int64)
    g = group
    star = members[g] > clique
    in_first = index < first_end[g]
    # each entry's partners: every later entry of its group (a clique of a few plans), or,
    # in a star, every entry past the first plan's for an entry of the first plan
    starts = np.where(star, first_end[g], index + 1)
    stops = np.where(star & ~in_first, starts, group_end[g])
    stops = np.where(members[g] >= 2, stops, starts)
    del star, in_first, group, g, members, later, group_start, hashes
    left = np.repeat(index, stops - starts)
    right = ranges(starts, stops)
    del index, starts, stops, first_end, group_end, new_hash, new_doc
    different = docs[left] != docs[right]
    left, right = left[different], right[different]
    x, y, px, py = docs[left], docs[right], positions[left], positions[right]
    del left, right, different, docs, positions
    # hash collisions: the shingles themselves must be equal
    at_x, at_y = offsets[x] + px, offsets[y] + py
    equal = np.ones(len(x), dtype=bool)
    for t in range(shingle):
        equal &= codes[at_x + t] == codes[at_y + t]
    x, y, px, py = x[equal], y[equal], px[equal], py[equal]
    del at_x, at_y, equal
    if not len(x):
        return []  # one plan, or plans that share no shingle
    diagonal = py - px
    order = np.lexsort((px, diagonal, y, x))
    x, y, px, py, diagonal = x[order], y[order], px[order], py[order], diagonal[order]
    same_line = np.r_[
        False, (x[1:] == x[:-1]) & (y[1:] == y[:-1]) & (diagonal[1:] == diagonal[:-1])
    ]
    covered = same_line & (np.r_[0, px[1:] - px[:-1]] <= shingle)
    keep = ~covered
    x, y, px, py = x[keep], y[keep], px[keep], py[keep]
    del order, same_line, covered, keep, diagonal
    new_pair = np.flatnonzero(np.r_[True, (x[1:] != x[:-1]) | (y[1:] != y[:-1])])
    bounds = np.r_[new_pair, len(x)].tolist()
    xs, ys, pxs, pys = x[new_pair].tolist(), y[new_pair].tolist(), px.tolist(), py.tolist()
    return [
        (xs[k], ys[k], pxs[bounds[k] : bounds[k + 1]], pys[bounds[k] : bounds[k + 1]])
        for k in range(len(xs))
    ]


# --------------------------------------------------------------------------- 2. alignment


def _exact_matches(
    a: str, b: str, starts_a: list[int], starts_b: list[int], shingle: int
) -> list[tuple[int, int, int]]:
    """Maximal exact matches (start in a, start in b, length) grown from the seed hits
    (their starts in a and in b, by diagonal, then start in a)."""
    covered: dict[int, int] = {}
    found: list[tuple[int, int, int]] = []
    for pa, pb in zip(starts_a, starts_b, strict=True):
        diagonal = pb - pa
        if pa < covered.get(diagonal, -1):
            continue
        if a[pa : pa + shingle] != b[pb : pb + shingle]:
            continue  # a hash collision
        back = same_before(a, pa, b, pb)
        start_a, start_b = pa - back, pb - back
        end_a = pa + shingle + same_after(a, pa + shingle, b, pb + shingle)
        covered[diagonal] = end_a
        found.append((start_a, start_b, end_a - start_a))
    found.sort()
    return found


def _chain(
    a: int,
    b: int,
    matches: list[tuple[int, int, int]],
    texts: Sequence[str],
    max_gap: int,
    max_skew: int,
    min_length: int,
    min_identity: float,
) -> list[_Pair]:
    """Chain exact matches across small gaps into near-verbatim passages."""
    text_a, text_b = texts[a], texts[b]
    open_chains: list[_Pair] = []
    done: list[_Pair] = []
    for sa, sb, length in _split_lines(matches, text_a):
        still_open: list[_Pair] = []
        for chain in open_chains:
            (still_open if chain.a1 + max_gap >= sa else done).append(chain)
        open_chains = still_open
        best: _Pair | None = None
        best_gap = 0
        for chain in open_chains:
            gap_a, gap_b = sa - chain.a1, sb - chain.b1
            fits = (
                0 <= gap_a <= max_gap
                and 0 <= gap_b <= max_gap
                and abs(gap_a - gap_b) <= max_skew
                and "\n" not in text_a[chain.a1 : sa]
                and "\n" not in text_b[chain.b1 : sb]
            )
            if fits and (best is None or gap_a + gap_b < best_gap):
                best, best_gap = chain, gap_a + gap_b
        if best is not None:
            best.a1, best.b1 = sa + length, sb + length
            best.matched += length
            best.tail = length
        else:
            open_chains.append(
                _Pair(a, sa, sa + length, b, sb, sb + length, length, length, length)
            )
    done.extend(open_chains)
    out = []
    for pair in done:
        _trim(pair, text_a, text_b, min_length)
        if pair.a1 <= pair.a0 or pair.b1 <= pair.b0:
            continue
        span = max(pair.a1 - pair.a0, pair.b1 - pair.b0)
        if pair.a1 - pair.a0 < min_length or span <= 0:
            continue
        if pair.matched / span < min_identity:
            continue
        out.append(pair)
    return out


def _split_lines(matches: list[tuple[int, int, int]], a: str) -> list[tuple[int, int, int]]:
    """Cut exact matches at line breaks: a passage stays within one line (one task).

    Pieces of fewer than four characters (the ( before a task's number) are dropped.
    """
    out = []
    for sa, sb, length in matches:
        start = 0
        while start < length:
            cut = a.find("\n", sa + start, sa + length)
            stop = length if cut < 0 else cut - sa
            if stop - start >= _MIN_PIECE:
                out.append((sa + start, sb + start, stop - start))
            start = stop + 1
    out.sort()
    return out


def _trim(pair: _Pair, a: str, b: str, min_length: int) -> None:
    """Cut ragged ends inside the first and last exact matches (identical on both sides).

    Drops punctuation at either end, a number cut in two (降至3 of 降至33 and 降至30), and
    the last characters of a previous sentence (区。到2027年).
    """
    head, tail = pair.head, pair.tail

    def drop_start(count: int) -> None:
        nonlocal head
        pair.a0 += count
        pair.b0 += count
        pair.matched -= count
        head -= count

    def drop_end(count: int) -> None:
        nonlocal tail
        pair.a1 -= count
        pair.b1 -= count
        pair.matched -= count
        tail -= count

    for _ in range(3):
        # the end of the previous sentence or a task's number: 区。到2027年, 十一)加强
        cut = pair.a0 + min(head, 4) - 1  # the last stop among the first four characters
        while cut >= pair.a0 and a[cut] not in _STOPS:
            cut -= 1
        if cut >= pair.a0:
            drop_start(cut + 1 - pair.a0)
        if head > 0 and a[pair.a0].isdigit() and _digit_before(a, pair.a0, b, pair.b0):
            count = 0
            while count < head and a[pair.a0 + count].isdigit():
                count += 1
            drop_start(count)
        if tail > 0 and a[pair.a1 - 1].isdigit() and _digit_after(a, pair.a1, b, pair.b1):
            count = 0
            while count < tail and a[pair.a1 - 1 - count] in "0123456789.":
                count += 1
            drop_end(count)
        while head > 0 and a[pair.a0] in _TRIM:
            drop_start(1)
        while tail > 0 and pair.a1 > pair.a0 and a[pair.a1 - 1] in _TRIM:
            drop_end(1)
        if head <= 0 or tail <= 0 or pair.a1 <= pair.a0:
            break


def _digit_before(a: str, i: int, b: str, j: int) -> bool:
    return (i > 0 and a[i - 1].isdigit()) or (j > 0 and b[j - 1].isdigit())


def _digit_after(a: str, i: int, b: str, j: int) -> bool:
    return (i < len(a) and a[i] in "0123456789.") or (j < len(b) and b[j] in "0123456789.")


# --------------------------------------------------------------------------- 3. clusters


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def _cluster(data: GraphData, pairs: list[_Pair]) -> list[ReusePassage]:
    uf = _UnionFind(len(pairs))
    intervals: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for k, pair in enumerate(pairs):
        intervals[pair.a].append((pair.a0, pair.a1, k))
        intervals[pair.b].append((pair.b0, pair.b1, k))
    for doc_intervals in intervals.values():
        # one sweep per plan: an interval joins the current group when the two mostly
        # coincide (overlap of half the longer), so that a short phrase inside a long
        # passage never bridges two different passages into one cluster
        doc_intervals.sort(key=lambda iv: (iv[0], -iv[1], iv[2]))
        group_start, group_end, group_id = -1, -1, -1
        for start, end, k in doc_intervals:
            overlap = min(end, group_end) - max(start, group_start)
            if overlap * 2 >= max(end - start, group_end - group_start) > 0 and overlap > 0:
                uf.union(group_id, k)
            else:
                group_start, group_end, group_id = start, end, k
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(pairs)):
        members[uf.find(k)].append(k)

    plans = data.plans
    n_plans = len(plans)
    spans_of: dict[str, list[Span]] = defaultdict(list)
    for span in data.spans:
        spans_of[span.plan].append(span)
    out = []
    for ids in members.values():
        per_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for k in ids:
            pair = pairs[k]
            per_doc[pair.a].append((pair.a0, pair.a1))
            per_doc[pair.b].append((pair.b0, pair.b1))
        locations = []
        for doc in sorted(per_doc):
            plan = plans[doc]
            for start, end in _merge(per_doc[doc]):
                unit = _innermost(spans_of[plan.iri], start)
                kind = unit.kind if unit else _outside_kind(spans_of[plan.iri], start)
                locations.append(
                    Location(
                        plan=plan.iri,
                        unit=unit.iri if unit else plan.iri,
                        unit_kind=kind,
                        task_key=unit.iri.rsplit("/", 1)[-1] if unit and kind == "task" else None,
                        start=start,
                        end=end,
                        text=plan.text[start:end],
                    )
                )
        identity = sum(
            pairs[k].matched / max(pairs[k].a1 - pairs[k].a0, pairs[k].b1 - pairs[k].b0)
            for k in ids
        ) / len(ids)
        plan_count = len(per_doc)
        template = all(loc.unit_kind in TEMPLATE_KINDS for loc in locations)
        everywhere = n_plans >= 3 and plan_count == n_plans
        reason = "template" if template else "every plan" if everywhere else ""
        out.append(
            ReusePassage(
                text=locations[0].text,
                locations=tuple(locations),
                plans=plan_count,
                identity=round(identity, 6),
                boilerplate=bool(reason),
                reason=reason,
            )
        )
    rank = {p.iri: i for i, p in enumerate(plans)}
    out.sort(
        key=lambda p: (
            -p.plans,
            -len(p.text),
            rank[p.locations[0].plan],
            p.locations[0].start,
        )
    )
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _outside_kind(spans: list[Span], offset: int) -> str:
    """Text in no unit: the title lines before the first section, or nothing known."""
    sections = [s.start for s in spans if s.kind == "section"]
    return "title" if sections and offset < min(sections) else ""


def _innermost(spans: list[Span], offset: int) -> Span | None:
    best: Span | None = None
    for span in spans:
        if span.start <= offset < span.end and (
            best is None or span.end - span.start < best.end - best.start
        ):
            best = span
    return best
