"""The only module that knows where bundled files live (inside the installed package)."""

from __future__ import annotations

import csv
import functools
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import DataError


def resource(*parts: str) -> Traversable:
    """A bundled file, e.g. ``resource("ontology", "plangraph.ttl")``."""
    node = files("plangraph")
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def seed_plan_paths() -> tuple[Path, ...]:
    """The bundled plan files (the project's embedded default input)."""
    folder = resource("data", "plans")
    paths = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            with as_file(entry) as path:
                paths.append(Path(path))
    return tuple(paths)


@functools.cache
def table(*parts: str) -> tuple[dict[str, str], ...]:
    """A bundled TSV table as rows of column -> value, header on the first line."""
    return parse_table(read_text(*parts), "/".join(parts))


def parse_table(text: str, source: str) -> tuple[dict[str, str], ...]:
    """TSV text as rows of column -> value (cells stripped): the header on the first line,
    blank lines and lines starting with ``#`` skipped; a row of another width is a
    :class:`DataError` naming ``source`` and the line."""
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError("empty table, expected a header line", source=source) from None
    rows = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row) or row[0].startswith("#"):
            continue
        if len(row) != len(header):
            raise DataError(
                f"expected {len(header)} tab-separated columns ({', '.join(header)}), "
                f"found {len(row)}",
                source=source,
                line=number,
            )
        rows.append(dict(zip(header, (cell.strip() for cell in row), strict=True)))
    return tuple(rows)
