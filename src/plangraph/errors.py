"""One exception hierarchy; every message names the input, the place and what was expected.

An error about a file keeps where it happened as fields, ``source`` (the file, or the name
of a bundled table) and ``line`` (1-based), and says them once, in :meth:`__str__`::

    >>> str(DataError("expected 4 columns", source="indicators.tsv", line=7))
    'indicators.tsv:7: expected 4 columns'

Every error also carries the exit status the command line ends with (:data:`EXIT_CODES`).
"""

from __future__ import annotations

import os
from typing import ClassVar

#: What ``plangraph``'s exit status means, for scripts (documented in ``plangraph --help``).
EXIT_OK = 0
EXIT_ERROR = 1  # bad input, a missing or unreadable file, a refused request …
EXIT_USAGE = 2  # click's own: an unknown option, a missing argument, a bad option value
EXIT_NOT_CONFORMING = 3  # validate ran fine, but the graph does not conform to the shapes
EXIT_CODES = {
    EXIT_OK: "ok",
    EXIT_ERROR: "error: bad input, a missing or unreadable file, a failed request",
    EXIT_USAGE: "usage: an unknown command or option, a missing or malformed argument",
    EXIT_NOT_CONFORMING: "the graph does not conform to the SHACL shapes (validate)",
}


class PlangraphError(Exception):
    """Base class of every error plangraph raises for bad input or a failed operation.

    ``source`` and ``line`` say where (a file, and a line in it) when the error is about a
    file; the message then reads ``source:line: detail``.
    """

    exit_code: ClassVar[int] = EXIT_ERROR

    def __init__(
        self,
        detail: str,
        *,
        source: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.source = None if source is None else os.fspath(source)
        self.line = line

    def __str__(self) -> str:
        if self.source is None:
            return self.detail
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.detail}"

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt from the fields, so that errors raised in worker processes arrive whole
        return (_restore, (type(self), self.detail, self.source, self.line))


def _restore(
    kind: type[PlangraphError], detail: str, source: str | None, line: int | None
) -> PlangraphError:
    error = kind.__new__(kind)
    PlangraphError.__init__(error, detail, source=source, line=line)
    return error


class ReadError(PlangraphError):
    """A plan file could not be read, decoded or recognised."""

    def __init__(
        self, source: str | os.PathLike[str], detail: str, line: int | None = None
    ) -> None:
        super().__init__(detail, source=source, line=line)


class DataError(PlangraphError):
    """A bundled or user-supplied reference table is malformed."""


class GazetteerError(DataError):
    """A gazetteer table (places, divisions, regions, agencies) is malformed."""


class GraphError(PlangraphError):
    """A graph file could not be loaded or does not hold a plangraph graph."""


class QueryError(PlangraphError):
    """A SPARQL query is unknown, malformed or not allowed."""


class ValidationError(PlangraphError):
    """A graph does not conform to the SHACL shapes (``plangraph validate`` exits 3)."""

    exit_code = EXIT_NOT_CONFORMING


class ConsistencyError(PlangraphError):
    """A plan's parsed structure disagrees with the counts its preface states (--strict)."""


class ServerError(PlangraphError):
    """A SPARQL server could not be prepared, started or reached, or refused the graph:
    the Oxigraph server of ``plangraph serve`` or the store ``plangraph push`` sends to."""


class WriteError(PlangraphError):
    """An output file could not be written."""
