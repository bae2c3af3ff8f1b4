"""Stage 1: files -> normalized text -> :class:`~plangraph.model.Plan` objects.

One module per input format turns a file into text (``text``); ``normalize`` normalizes it
once; ``structure`` finds the plans, their sections, tasks and sentences; ``release`` reads
who issued a plan, for which area, and the counts its release states.  Every offset later in
the pipeline indexes the normalized text of one plan (``Plan.text``), which is also what the
graph stores.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import ReadError
from ..model import Plan
from .normalize import Document, cn_number, normalize
from .release import _unique_ids, check_counts, region_slug
from .structure import parse, split_sentences
from .text import MAX_BYTES, decode, read_bytes

__all__ = [
    "MAX_BYTES",
    "Document",
    "check_counts",
    "cn_number",
    "decode",
    "normalize",
    "read_plans",
    "read_text",
    "region_slug",
    "split_sentences",
]


def read_plans(paths: Sequence[str | os.PathLike[str]] | None = None) -> tuple[Plan, ...]:
    """Read plans from files or folders (every ``.txt`` inside); None reads the bundled seed."""
    if paths is None:
        from ..resources import seed_plan_paths

        files: list[Path] = list(seed_plan_paths())
    else:
        files = list(_expand(paths))
    plans: list[Plan] = []
    for path in files:
        plans.extend(read_text(read_bytes(path), str(path)))
    return _unique_ids(plans)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterable[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = path.exists()
        except OSError as error:  # e.g. a symlink loop
            raise ReadError(str(path), f"cannot open: {error.strerror or error}") from None
        if is_dir:
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
            if not found:
                raise ReadError(str(path), "the folder holds no .txt plan files")
            yield from found
        elif not exists:
            if path.is_symlink():
                raise ReadError(str(path), "the symbolic link points to a missing file")
            raise ReadError(str(path), "no such file or folder; expected a plan .txt file")
        else:
            yield path


def read_text(data: str | bytes, source: str = "<text>") -> tuple[Plan, ...]:
    """Read every plan in one text (or undecoded bytes) that came from ``source``."""
    text = decode(data, source) if isinstance(data, bytes) else data
    if not text.strip():
        raise ReadError(source, "the file is empty; expected the text of a plan")
    return parse(normalize(text, source))
