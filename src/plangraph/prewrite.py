"""The extracted part of the graph merged into Turtle while the analysis runs.

Once the plans are extracted, :func:`start` forks a process that makes the shared nodes'
run (regions, places, agencies, indicators, themes: from the corpus it inherits) and merges
it with the plans' runs spooled so far (:func:`plangraph.turtle.merge_split`) into two files
beside the output: the subjects that sort before the analysis results' (``…/id/analysis/…``)
and those after.  Once the analysis is done, the build writes its runs between the two
(:func:`plangraph.turtle.merge_around`) instead of merging every run then: the extracted
half of the Turtle is merged while the analysis leaves a core idle (the main process
making its input, the main process waiting for the text linkages), and the same bytes come
out.  Should the process fail, or a subject fall where it was not expected, the build
merges everything as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .workers import follow_parent

if TYPE_CHECKING:
    from .graph import Item
    from .model import Corpus
    from .turtle import Split, Spool

# where the analysis results' subjects begin (every one of them starts so)
ANALYSIS = "https://w3id.org/plangraph/id/analysis/"


def shared_items(corpus: Corpus, others: set[Item]) -> list[Item]:
    """The shared nodes' triples in canonical order: the corpus's and ``others`` (those
    the chunks wrote with the plans' structure)."""
    from .graph import canonical_items
    from .graph import shared_items as corpus_items

    shared = corpus_items(corpus)
    return canonical_items([*shared, *others]) if others else shared


@dataclass(frozen=True, slots=True)
class Prewrite:
    """The forked process merging, and how to hear from it."""

    process: Any  # multiprocessing's Process
    reader: Any  # its Connection, read end

    def result(self) -> Split | None:
        """What it merged (waiting for it); None if it failed."""
        try:
            found = self.reader.recv()
        except (EOFError, OSError):
            found = None
        finally:
            self.reader.close()
            self.process.join()
        return found if self.process.exitcode == 0 else None

    def close(self) -> None:
        """End the process if it still runs (the build failed meanwhile)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.reader.close()


def start(spool: Spool, corpus: Corpus, others: set[Item], folder: Path, name: str) -> Prewrite:
    """Fork the process merging ``spool``'s runs and the shared nodes' into two files in
    ``folder`` named ``name`` + random + ``.spool`` (the build removes them)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    spool.flush()  # the child must find nothing buffered: it shares the file's offset
    process = context.Process(
        target=_merge, args=(writer, spool, corpus, others, folder, name), daemon=True
    )
    process.start()
    writer.close()
    return Prewrite(process, reader)


def _merge(
    writer: Any, spool: Spool, corpus: Corpus, others: set[Item], folder: Path, name: str
) -> None:
    import tempfile

    from .graph import natural_key
    from .turtle import make_run, merge_split

    follow_parent()
    paths = []
    for side in ("before", "after"):
        handle, path = tempfile.mkstemp(dir=folder, prefix=f"{name}{side}-", suffix=".spool")
        with open(handle, "wb"):
            paths.append(Path(path))
    run = make_run(shared_items(corpus, others))
    writer.send(merge_split(spool, run, natural_key(ANALYSIS), paths[0], paths[1]))
    writer.close()
