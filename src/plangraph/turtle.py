"""Canonical Turtle written from sorted runs, with bounded memory.

The graph's canonical order (:func:`plangraph.graph.canonical_items`) sorts every subject's
triples together, subjects in natural order.  Instead of holding every triple of a corpus in
one list, the build writes each plan's own subjects (the plan, its sections, tasks,
sentences, targets, mentions …) as one *run*: the plan's triples in canonical order, written
byte for byte as Oxigraph's serializer writes them (:func:`make_run`; Oxigraph itself for a
run with a term the Python writer is not sure of) and cut at subject boundaries.  Runs go
to a spool file; shared nodes (regions, places, agencies, indicators, themes, analysis
results) form one more run held in memory.  :func:`merge_runs` then writes the runs in
subject order: a run is copied whole while no other run has a subject inside its range (the
usual case), and merged subject by subject where ranges interleave (plan ``x`` and plan
``x-2``).  The bytes equal those of one Oxigraph serialization of all the triples in
canonical order.
"""

from __future__ import annotations

import heapq
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, cast

import pyoxigraph as ox

from .graph import ID, PREFIXES, Item, item_prefixes, natural_key, to_oxigraph

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
    """Serialize canonical ``items`` (see :func:`~plangraph.graph.canonical_items`).

    The usual terms are written here, in Python, exactly as Oxigraph writes them (measured
    3x faster than making pyoxigraph terms and serializing them); a run holding a term this
    writer is not sure of (a local name to escape, a control character, an unusual datatype
    or language tag) is serialized by Oxigraph instead.  Tests compare both on every kind of
    term."""
    if not items:
        return Run((), (), b"", frozenset(), 0)
    written = _write(items)
    if written is None:
        return oxigraph_run(items)
    subjects, lengths, body, prefixes = written
    return Run(subjects, lengths, body, prefixes, len(items))


def oxigraph_run(items: list[Item]) -> Run:
    """:func:`make_run` by Oxigraph's serializer (the reference the fast path must equal)."""
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


# --------------------------------------------------------------- Turtle as Oxigraph writes it

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# lexical forms Oxigraph writes bare (unquoted) for these datatypes
_BARE = {
    _XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    _XSD + "boolean": re.compile(r"true|false"),
}
# local names written after a prefix as they are (Oxigraph escapes others, e.g. a final dot)
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_LANGUAGE = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")
_ESCAPES = {
    **{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    ord('"'): '\\"',
    ord("\\"): "\\\\",
}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_NAMESPACES = tuple(PREFIXES.items())
_UNSURE = None  # an IRI this writer leaves to Oxigraph


# the graph's own IRIs (plans, tasks, places, analysis results …) fall in no namespace of
# PREFIXES, and no namespace falls inside theirs: they are written whole, with no prefix
_OWN = ID
assert not any(ns.startswith(_OWN) or _OWN.startswith(ns) for ns in PREFIXES.values())


def _iri(iri: str) -> str | None:
    """An IRI as Oxigraph writes it with :data:`PREFIXES`; None when unsure."""
    if iri.startswith(_OWN):
        return f"<{iri}>"
    found = [(name, iri[len(ns) :]) for name, ns in _NAMESPACES if iri.startswith(ns)]
    if not found:
        return f"<{iri}>"
    if len(found) > 1:
        return _UNSURE  # nested namespaces: which one Oxigraph picks is its own business
    name, local = found[0]
    if not local:
        return f"{name}:"
    if _PLAIN_LOCAL.fullmatch(local):
        return f"{name}:{local}"
    return _UNSURE


def _literal(text: str, datatype: str, language: str) -> str | None:
    quoted = (
        f'"{text.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(text) is not None else f'"{text}"'
    )
    if language:
        return f"{quoted}@{language}" if _LANGUAGE.fullmatch(language) else None
    if datatype == _STRING:
        return quoted
    bare = _BARE.get(datatype)
    if bare is not None and bare.fullmatch(text):
        return text
    if datatype == _LANG_STRING or datatype == _XSD + "double":
        return None
    kind = _term(datatype)[0]
    return None if kind is None else f"{quoted}^^{kind}"


def _write(
    items: list[Item],
) -> tuple[tuple[str, ...], tuple[int, ...], bytes, frozenset[str]] | None:
    """Subjects, their blocks' lengths in bytes, the Turtle of canonical ``items`` and
    the prefixes it needs (as :func:`~plangraph.graph.item_prefixes` finds them: those
    whose namespace is that of an IRI written).  Each IRI is looked up once, for how it is
    written and its namespace's prefix together (:func:`_term`)."""
    term, verbs, needs_escape, escapes, own = _term, _VERBS, _NEEDS_ESCAPE.search, _ESCAPES, _OWN
    names: set[str | None] = set()  # prefixes of the IRIs' namespaces (None: no prefix)
    name = names.add
    subjects: list[str] = []
    blocks: list[bytes] = []
    parts: list[str] = []
    append = parts.append
    subject = predicate = None
    obj: str | None
    for s, p, o in items:
        if len(o) == 1:
            obj, space = term(o[0])
            name(space)
        else:
            text, datatype, language = o
            if language in _COMMON_LANGUAGES or (not language and datatype == _STRING):
                if needs_escape(text) is not None:
                    text = text.translate(escapes)
                obj = f'"{text}"@{language}' if language else f'"{text}"'
            elif datatype == _INTEGER and text.isascii() and text.isdigit():
                obj = text  # written bare, as _literal would (the usual integer: [0-9]+)
            else:
                obj = _literal(text, datatype, language)
                if datatype not in _SILENT and not (datatype == _DECIMAL and "." in text):
                    name(term(datatype)[1])
        if obj is None:
            return None
        if s == subject:
            if p == predicate:
                append(f" , {obj}")
                continue
            verb = verbs.get(p) or _new_verb(p)
            if verb[0] is None:
                return None
            name(verb[1])
            append(f" ;\n\t{verb[0]} {obj}")
        else:
            if subject is not None:
                append(" .\n")
                blocks.append("".join(parts).encode())
                parts.clear()
            # a subject is mostly written once: the graph's own IRIs bypass the cache
            head, space = (f"<{s}>", None) if s.startswith(own) else term(s)
            verb = verbs.get(p) or _new_verb(p)
            if head is None or verb[0] is None:
                return None
            name(space)
            name(verb[1])
            subjects.append(s)
            subject = s
            append(f"{head} {verb[0]} {obj}")
        predicate = p
    append(" .\n")
    blocks.append("".join(parts).encode())
    names.discard(None)
    return (
        tuple(subjects),
        tuple(map(len, blocks)),
        b"".join(blocks),
        frozenset(cast("set[str]", names)),
    )


@lru_cache(maxsize=200_000)
def _term(iri: str) -> tuple[str | None, str | None]:
    """How ``iri`` is written (:func:`_iri`) and the prefix of its namespace, if any (the
    one cache of both: neither is cached on its own)."""
    return _iri(iri), _PREFIX_OF.get(_namespace(iri))


# predicate -> (how it is written, the prefix of its namespace): a few dozen predicates
_VERBS: dict[str, tuple[str | None, str | None]] = {}


def _new_verb(predicate: str) -> tuple[str | None, str | None]:
    verb = ("a", None) if predicate == _RDF_TYPE else _term(predicate)  # "a": no prefix
    if len(_VERBS) < 10_000:
        _VERBS[predicate] = verb
    return verb


_COMMON_LANGUAGES = frozenset({"zh", "en"})


_SILENT = frozenset({_XSD + "integer", _XSD + "boolean", _STRING, _LANG_STRING})
_DECIMAL = _XSD + "decimal"
_INTEGER = _XSD + "integer"


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


_PREFIX_OF = {ns: name for name, ns in PREFIXES.items()}


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
    """Runs kept on disk: the Turtle in one file, each run's subject index pickled beside.

    ``name`` gives the file a name in ``folder`` (``name`` + random), so that another
    process can :meth:`adopt` what this one spooled; otherwise it has none."""

    def __init__(self, folder: Path, name: str | None = None) -> None:
        self.path: Path | None = None
        if name is None:
            self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed in close())
        else:
            handle, path = tempfile.mkstemp(dir=folder, prefix=name, suffix=".spool")
            self._file = os.fdopen(handle, "w+b")
            self.path = Path(path)
        self._offset = 0
        # first and last subject, offsets and lengths of the body and of the index, file
        self.entries: list[tuple[Key, Key, int, int, int, int, int]] = []
        self.prefixes: set[str] = set()
        self.triples = 0
        self._adopted: list[tuple[Path, BinaryIO]] = []

    def add(self, run: Run) -> None:
        self.triples += run.triples
        if not run.subjects:
            return
        index = pickle.dumps((run.subjects, run.lengths), protocol=pickle.HIGHEST_PROTOCOL)
        start = self._offset
        self._file.write(run.body)
        self._file.write(index)
        self._offset += len(run.body) + len(index)
        self.prefixes |= run.prefixes
        first, last = natural_key(run.subjects[0]), natural_key(run.subjects[-1])
        self.entries.append(
            (first, last, start, len(run.body), start + len(run.body), len(index), 0)
        )

    def handed(self) -> Spooled:
        """What another process needs to :meth:`adopt` these runs (the file stays)."""
        assert self.path is not None, "only a named spool can be handed on"
        self._file.flush()
        return Spooled(self.path, tuple(self.entries), frozenset(self.prefixes), self.triples)

    def release(self) -> Spooled:
        """:meth:`handed`, the file closed here (it stays for the process adopting it)."""
        handed = self.handed()
        self._file.close()
        return handed

    def adopt(self, other: Spooled) -> None:
        """Take the runs another process spooled (:meth:`handed`); its file is removed by
        :meth:`close`."""
        handle = open(other.path, "rb")  # noqa: SIM115 (closed in close())
        self._adopted.append((other.path, handle))
        number = len(self._adopted)
        self.entries.extend((*entry[:6], number) for entry in other.entries)
        self.prefixes |= other.prefixes
        self.triples += other.triples

    def flush(self) -> None:
        """Write out what is buffered (before a fork: a child must find nothing to write)."""
        self._file.flush()

    def read(self, offset: int, length: int, file: int = 0) -> bytes:
        if file == 0:
            self._file.flush()
            return os.pread(self._file.fileno(), length, offset)
        return os.pread(self._adopted[file - 1][1].fileno(), length, offset)

    def close(self) -> None:
        self._file.close()
        for path, handle in self._adopted:
            handle.close()
            path.unlink(missing_ok=True)
        if self.path is not None:
            self.path.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Spooled:
    """Runs one process spooled, for another to adopt."""

    path: Path
    entries: tuple[tuple[Key, Key, int, int, int, int, int], ...]
    prefixes: frozenset[str]
    triples: int


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
    for _, _, chunk in _merge(spool, waiting, next(waiting, None)):
        output.write(chunk)


def _open(spool: Spool, source: object) -> _Cursor:
    if isinstance(source, Run):
        return _Cursor(source.subjects, source.lengths, source.body)
    assert isinstance(source, tuple)
    start: int = source[2]
    length: int = source[3]
    file: int = source[6]
    subjects, lengths = pickle.loads(spool.read(source[4], source[5], file))
    return _Cursor(subjects, lengths, spool.read(start, length, file))


def _merge(
    spool: Spool,
    waiting: Iterator[tuple[Key, int, object]],
    upcoming: tuple[Key, int, object] | None,
    split: Key | None = None,
) -> Iterator[tuple[Key, Key, bytes]]:
    """The k-way merge of every writer here: the subjects of the runs ``upcoming`` then
    ``waiting`` (sorted by first subject) in canonical order, as chunks of Turtle with the
    keys of their first and last subjects.  A run is copied whole while no other run has a
    subject inside what is left of it, and taken subject by subject otherwise; with
    ``split``, no chunk holds subjects on both sides of it."""
    active: list[tuple[Key, int, _Cursor]] = []
    while active or upcoming is not None:
        if upcoming is not None and (not active or upcoming[0] < active[0][0]):
            cursor = _open(spool, upcoming[2])
            heapq.heappush(active, (cursor.key(), upcoming[1], cursor))
            upcoming = next(waiting, None)
            continue
        key, order, cursor = heapq.heappop(active)
        bound = [active[0][0]] if active else []
        if upcoming is not None:
            bound.append(upcoming[0])
        if split is not None and key < split:
            bound.append(split)
        if not bound or cursor.last < min(bound):
            yield key, cursor.last, cursor.rest()  # nothing else falls inside the rest
        else:
            yield key, key, cursor.take()
            if not cursor.done:
                heapq.heappush(active, (cursor.key(), order, cursor))


# ------------------------------------------------ the runs merged around a range of subjects
#
# The analysis results' subjects all lie in one range (``…/id/analysis/…``), about half of
# a corpus's Turtle.  The runs extracted before the analysis can be merged while it runs
# (:func:`merge_split`: what sorts before the range in one file, what sorts after in
# another), and the analysis runs merged between the two afterwards
# (:func:`merge_around`): the same bytes as :func:`merge_runs` of all the runs, as long as
# no subject of either file falls inside the range the analysis runs cover (checked there).


@dataclass(frozen=True, slots=True)
class Split:
    """The runs :func:`merge_split` merged: where they went and what they hold."""

    before: Path  # the subjects sorting before the split, in order (no header)
    after: Path  # the others, in order
    last_before: Key | None  # the last subject's key in ``before`` (None: empty)
    first_after: Key | None  # the first subject's key in ``after`` (None: empty)
    entries: int  # the spool's runs merged (the first ones)
    prefixes: frozenset[str]  # those of the spool's runs merged and of ``shared``
    triples: int  # those of ``shared``


def merge_split(spool: Spool, shared: Run, split: Key, before: Path, after: Path) -> Split:
    """The subjects of ``spool``'s runs and of ``shared`` in canonical order, as
    :func:`merge_runs` writes them but without the header: those whose key sorts before
    ``split`` into the file ``before``, the others into ``after``."""
    entries = len(spool.entries)
    pending: list[tuple[Key, int, object]] = [(e[0], n, e) for n, e in enumerate(spool.entries)]
    if shared.subjects:
        pending.append((natural_key(shared.subjects[0]), len(pending), shared))
    pending.sort(key=lambda p: (p[0], p[1]))
    waiting = iter(pending)
    last_before: Key | None = None
    first_after: Key | None = None
    with open(before, "wb") as low, open(after, "wb") as high:
        out = low
        for first, last, chunk in _merge(spool, waiting, next(waiting, None), split):
            if out is low and first >= split:
                out, first_after = high, first
            elif out is low:
                last_before = last
            out.write(chunk)
    return Split(
        before,
        after,
        last_before,
        first_after,
        entries,
        frozenset(spool.prefixes | shared.prefixes),
        shared.triples,
    )


def merge_around(spool: Spool, split: Split, output: BinaryIO) -> bool:
    """Write the prefixes, ``split.before``, the subjects of the spool's runs added after
    those :func:`merge_split` merged, then ``split.after``: the bytes of :func:`merge_runs`.
    False, with nothing written, when a subject of those runs falls outside the gap between
    the two files (the caller then merges everything with :func:`merge_runs`)."""
    later = spool.entries[split.entries :]
    if later:
        lowest = min(entry[0] for entry in later)
        highest = max(entry[1] for entry in later)
        if (split.last_before is not None and not split.last_before < lowest) or (
            split.first_after is not None and not highest < split.first_after
        ):
            return False
    output.write(header(spool.prefixes | split.prefixes))
    _copy(split.before, output)
    pending = [(e[0], split.entries + n, cast("object", e)) for n, e in enumerate(later)]
    pending.sort(key=lambda p: (p[0], p[1]))
    waiting = iter(pending)
    for _, _, chunk in _merge(spool, waiting, next(waiting, None)):
        output.write(chunk)
    _copy(split.after, output)
    return True


def _copy(path: Path, output: BinaryIO) -> None:
    """Append the file at ``path`` to ``output`` (in the kernel where it can)."""
    output.flush()
    with open(path, "rb") as source:
        size = os.fstat(source.fileno()).st_size
        done = 0
        try:
            while done < size:
                copied = os.copy_file_range(source.fileno(), output.fileno(), size - done)
                if copied == 0:
                    break
                done += copied
        except (AttributeError, OSError):
            pass  # no copy_file_range here: by hand what is left
        if done < size:
            source.seek(done)
            while block := source.read(1 << 20):
                output.write(block)
