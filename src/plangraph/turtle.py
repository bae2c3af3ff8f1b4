"""Canonical Turtle written from sorted runs, with bounded memory.

The graph's canonical order (:func:`plangraph.graph.canonical_items`) sorts every subject's
triples together, subjects in natural order.  Instead of holding every triple of a corpus in
one list, the build writes each plan's own subjects (the plan, its sections, tasks,
sentences, targets, mentions …) as one *run*: the plan's triples in canonical order,
serialized by Oxigraph and cut at subject boundaries.  Runs go to a spool file; shared nodes
(regions, places, agencies, indicators, themes, analysis results) form one more run held in
memory.  :func:`merge_runs` then writes the runs in subject order: a run is copied whole
while no other run has a subject inside its range (the usual case), and merged subject by
subject where ranges interleave (plan ``x`` and plan ``x-2``).  The bytes equal those of one
Oxigraph serialization of all the triples in canonical order.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .graph import PREFIXES, Item, item_prefixes, natural_key, to_oxigraph

Key = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Run:
    """Turtle for consecutive subjects in canonical order, cut at subject boundaries."""

    subjects: tuple[str, ...]
    lengths: tuple[int, ...]  # bytes of each subject's Turtle
    body: bytes
    prefixes: frozenset[str]  # prefix names the triples need
    triples: int


def make_run(items: list[Item]) -> Run:
    """Serialize canonical ``items`` (see :func:`~plangraph.graph.canonical_items`)."""
    if not items:
        return Run((), (), b"", frozenset(), 0)
    body = ox.serialize(to_oxigraph(items), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert body is not None
    lines = body.split(b"\n")
    head = 0
    while lines[head].startswith(b"@prefix "):
        head += 1
    subjects: list[str] = []
    previous = None
    for s, _, _ in items:
        if s != previous:
            subjects.append(s)
            previous = s
    # a subject's block starts on a line that is not a continuation (tab-indented) line;
    # literals are written on one line (newlines escaped), so this cut is exact
    lengths: list[int] = []
    current = -1
    for line in lines[head:]:
        if not line:
            continue
        if not line.startswith(b"\t"):
            lengths.append(0)
            current += 1
        lengths[current] += len(line) + 1
    if len(lengths) != len(subjects):
        raise AssertionError(f"Turtle cut into {len(lengths)} blocks for {len(subjects)} subjects")
    rest = b"\n".join(lines[head:])
    if not rest.endswith(b"\n"):
        rest += b"\n"
    return Run(tuple(subjects), tuple(lengths), rest, frozenset(item_prefixes(items)), len(items))


def header(names: Iterable[str]) -> bytes:
    """The ``@prefix`` lines Oxigraph writes for the used prefixes."""
    used = {name: PREFIXES[name] for name in PREFIXES if name in set(names)}
    if not used:
        return b""
    probe = ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z"))
    body = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=used)
    assert body is not None
    return b"".join(line + b"\n" for line in body.split(b"\n") if line.startswith(b"@prefix "))


class Spool:
    """Runs kept on disk: the Turtle in one file, each run's subject index pickled beside."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed in close())
        self._offset = 0
        self.entries: list[tuple[Key, Key, int, int, int, int]] = []  # first, last, offsets
        self.prefixes: set[str] = set()

    def add(self, run: Run) -> None:
        if not run.subjects:
            return
        index = pickle.dumps((run.subjects, run.lengths), protocol=pickle.HIGHEST_PROTOCOL)
        start = self._offset
        self._file.write(run.body)
        self._file.write(index)
        self._offset += len(run.body) + len(index)
        self.prefixes |= run.prefixes
        first, last = natural_key(run.subjects[0]), natural_key(run.subjects[-1])
        self.entries.append((first, last, start, len(run.body), start + len(run.body), len(index)))

    def read(self, offset: int, length: int) -> bytes:
        self._file.flush()
        return os.pread(self._file.fileno(), length, offset)

    def close(self) -> None:
        self._file.close()


class _Cursor:
    """A run being merged: its subjects one at a time."""

    def __init__(self, subjects: tuple[str, ...], lengths: tuple[int, ...], body: bytes) -> None:
        self.subjects, self.lengths, self.body = subjects, lengths, body
        self.i, self.pos = 0, 0
        self.last = natural_key(subjects[-1])

    def key(self) -> Key:
        return natural_key(self.subjects[self.i])

    def take(self) -> bytes:
        chunk = self.body[self.pos : self.pos + self.lengths[self.i]]
        self.pos += self.lengths[self.i]
        self.i += 1
        return chunk

    def rest(self) -> bytes:
        chunk = self.body[self.pos :]
        self.i = len(self.subjects)
        return chunk

    @property
    def done(self) -> bool:
        return self.i >= len(self.subjects)


def merge_runs(spool: Spool, shared: Run, output: BinaryIO) -> None:
    """Write the prefixes, then every run's subjects in canonical (natural) order."""
    output.write(header(spool.prefixes | shared.prefixes))
    pending: list[tuple[Key, int, object]] = []  # runs not yet opened, by first subject
    for n, entry in enumerate(spool.entries):
        pending.append((entry[0], n, entry))
    if shared.subjects:
        pending.append((natural_key(shared.subjects[0]), len(pending), shared))
    pending.sort(key=lambda p: (p[0], p[1]))
    waiting = iter(pending)
    upcoming = next(waiting, None)
    active: list[tuple[Key, int, _Cursor]] = []
    for output_chunk in _merge(spool, waiting, upcoming, active):
        output.write(output_chunk)


def _open(spool: Spool, source: object) -> _Cursor:
    if isinstance(source, Run):
        return _Cursor(source.subjects, source.lengths, source.body)
    assert isinstance(source, tuple)
    start: int = source[2]
    length: int = source[3]
    subjects, lengths = pickle.loads(spool.read(source[4], source[5]))
    return _Cursor(subjects, lengths, spool.read(start, length))


def _merge(
    spool: Spool,
    waiting: Iterator[tuple[Key, int, object]],
    upcoming: tuple[Key, int, object] | None,
    active: list[tuple[Key, int, _Cursor]],
) -> Iterator[bytes]:
    while active or upcoming is not None:
        if upcoming is not None and (not active or upcoming[0] < active[0][0]):
            cursor = _open(spool, upcoming[2])
            heapq.heappush(active, (cursor.key(), upcoming[1], cursor))
            upcoming = next(waiting, None)
            continue
        _, order, cursor = heapq.heappop(active)
        bound = [active[0][0]] if active else []
        if upcoming is not None:
            bound.append(upcoming[0])
        if not bound or cursor.last < min(bound):
            yield cursor.rest()  # nothing else falls inside what is left of this run
        else:
            yield cursor.take()
            if not cursor.done:
                heapq.heappush(active, (cursor.key(), order, cursor))
