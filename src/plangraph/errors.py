"""One exception hierarchy; every message names the input, the place and what was expected."""

from __future__ import annotations


class PlangraphError(Exception):
    """Base class of every error plangraph raises for bad input or a failed operation."""


class ReadError(PlangraphError):
    """A plan file could not be read, decoded or recognised."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.detail = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class DataError(PlangraphError):
    """A bundled or user-supplied reference table is malformed."""


class GraphError(PlangraphError):
    """A graph file could not be loaded or does not hold a plangraph graph."""


class QueryError(PlangraphError):
    """A SPARQL query is unknown, malformed or not allowed."""


class ValidationError(PlangraphError):
    """A graph does not conform to the SHACL shapes (raised only under --strict)."""


class ConsistencyError(PlangraphError):
    """A plan's parsed structure disagrees with the counts its preface states (--strict)."""
