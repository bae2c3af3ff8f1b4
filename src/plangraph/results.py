"""Query results: SPARQL JSON rows as Python values, the W3C results formats and text tables.

Split from ``sparql`` (which runs the queries); ``sparql`` re-exports ``QueryResult``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

import pyoxigraph as ox

from .errors import QueryError
from .graph import PREFIXES, XSD

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "QueryResult", "compact", "display_width"]

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
DISPLAY_PREFIXES = {**PREFIXES, "id": "https://w3id.org/plangraph/id/"}


Kind = Literal["select", "ask", "graph"]


class QueryResult:
    """What a query returned.

    ``variables`` and ``rows`` (dicts of Python values: str, int, Decimal, float, bool,
    date; None where unbound) for SELECT; ``boolean`` for ASK; ``triples`` for CONSTRUCT
    and DESCRIBE.  ``serialize(fmt)`` gives the W3C SPARQL 1.1 results formats.
    """

    def __init__(
        self,
        kind: Kind,
        variables: list[str],
        data: bytes,
        *,
        boolean: bool | None = None,
        seconds: float = 0.0,
        total: int | None = None,
        offset: int = 0,
    ) -> None:
        self.kind = kind
        self.total = total  # rows in the whole answer when this is one page of it
        self.offset = offset  # rows skipped before this page
        self.variables = variables
        self.boolean = boolean
        self.seconds = seconds
        self._data = data  # SPARQL JSON results, or N-Triples for graph results

    @classmethod
    def page(
        cls,
        variables: list[str],
        rows: list[str],
        total: int,
        offset: int,
        limit: int | None,
        seconds: float,
    ) -> QueryResult:
        """A SELECT answer from rows already written as SPARQL JSON bindings (a kept
        answer's page): the whole count is kept when it is one page of more."""
        data = (
            '{"head":{"vars":'
            + json.dumps(variables)
            + '},"results":{"bindings":['
            + ",".join(rows)
            + "]}}"
        ).encode("utf-8")
        paged = limit is not None or offset > 0
        return cls(
            "select",
            variables,
            data,
            seconds=seconds,
            total=total if paged else None,
            offset=offset if paged else 0,
        )

    @cached_property
    def bindings(self) -> list[dict[str, dict[str, str]]]:
        """The rows as W3C SPARQL JSON bindings (term dicts with type, value, datatype…)."""
        if self.kind == "select":
            document = json.loads(self._data)
            rows: list[dict[str, dict[str, str]]] = document["results"]["bindings"]
            return rows
        if self.kind == "graph":
            return [
                {
                    "subject": _json_term(t.subject),
                    "predicate": _json_term(t.predicate),
                    "object": _json_term(t.object),
                }
                for t in ox.parse(self._data, format=ox.RdfFormat.N_TRIPLES)
            ]
        return []

    @cached_property
    def rows(self) -> list[dict[str, Any]]:
        names = self.variables
        return [
            {name: _python(row[name]) if name in row else None for name in names}
            for row in self.bindings
        ]

    @property
    def triples(self) -> list[ox.Triple]:
        if self.kind != "graph":
            return []
        return list(ox.parse(self._data, format=ox.RdfFormat.N_TRIPLES))

    def __len__(self) -> int:
        return len(self.bindings)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else bool(self.bindings)

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"<QueryResult ask {self.boolean}>"
        return f"<QueryResult {len(self)} rows: {', '.join(self.variables)}>"

    def column(self, name: str) -> list[Any]:
        return [row[name] for row in self.rows]

    def serialize(self, fmt: str) -> bytes:
        """``csv``, ``tsv``, ``json``, ``xml`` (SPARQL results) or ``ttl``, ``nt`` (graphs)."""
        if self.kind == "graph":
            if fmt not in GRAPH_FORMATS:
                raise QueryError(
                    f"CONSTRUCT and DESCRIBE return RDF: use --format ttl or nt, not {fmt}"
                )
            triples = ox.parse(self._data, format=ox.RdfFormat.N_TRIPLES)
            used = {k: v for k, v in PREFIXES.items() if v.encode() in self._data}
            data = ox.serialize(triples, format=GRAPH_FORMATS[fmt], prefixes=used)
            return data or b""
        if fmt not in RESULT_FORMATS:
            raise QueryError(
                f"{self.kind.upper()} results are written as csv, tsv, json or xml, not {fmt}"
            )
        if fmt == "json":
            return self._data
        parsed = ox.parse_query_results(self._data, format=ox.QueryResultsFormat.JSON)
        data = parsed.serialize(format=RESULT_FORMATS[fmt])
        return data or b""

    def table(self, max_width: int = 60) -> str:
        """An aligned text table (Chinese characters count as two columns)."""
        if self.kind == "ask":
            return "true\n" if self.boolean else "false\n"
        header = list(self.variables)
        body = [
            [_clip(_display(row.get(name)), max_width) for name in header] for row in self.bindings
        ]
        numeric = [
            all(_is_number(row.get(name)) for row in self.bindings if name in row)
            for name in header
        ]
        widths = [
            max([display_width(header[i])] + [display_width(line[i]) for line in body])
            for i in range(len(header))
        ]
        lines = [_line(header, widths, [False] * len(header))]
        lines.append("  ".join("-" * w for w in widths).rstrip())
        lines.extend(_line(line, widths, numeric) for line in body)
        lines.append(self.count_line())
        return "\n".join(lines) + "\n"

    def count_line(self) -> str:
        """``(62 rows)``, or for a page ``(rows 1–50 of 20,059; use --offset/--limit)``."""
        count = len(self.bindings)
        if self.total is None or (self.offset == 0 and count >= self.total):
            return f"({count:,} row{'s' if count != 1 else ''})"
        if count == 0:
            return f"(no rows from {self.offset + 1:,}: {self.total:,} in all)"
        first, last = self.offset + 1, self.offset + count
        return f"(rows {first:,}–{last:,} of {self.total:,}; use --offset/--limit)"

    def _repr_html_(self) -> str:
        from html import escape

        if self.kind == "ask":
            return f"<p>{self.boolean}</p>"
        head = "".join(f"<th>{escape(v)}</th>" for v in self.variables)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{escape(_display(row.get(v)))}</td>" for v in self.variables)
            + "</tr>"
            for row in self.bindings
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    assert isinstance(term, ox.Literal)
    found = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        found["datatype"] = term.datatype.value
    return found


_INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


def _python(term: Mapping[str, Any]) -> Any:
    """A SPARQL JSON term as a Python value."""
    kind = term.get("type")
    value = term.get("value")
    if kind == "bnode":
        return f"_:{value}"
    if kind != "literal" or not isinstance(value, str):
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    datatype = term.get("datatype")
    try:
        if datatype in _INTEGER_TYPES:
            return int(value)
        if datatype == XSD + "decimal":
            return Decimal(value)
        if datatype in (XSD + "double", XSD + "float"):
            return float(value)
        if datatype == XSD + "boolean":
            return value in ("true", "1")
        if datatype == XSD + "gYear" and re.fullmatch(r"-?\d{4,}", value):
            return int(value)
        if datatype == XSD + "date":
            return date.fromisoformat(value)
    except ValueError:
        return value
    return value


def _is_number(term: Mapping[str, Any] | None) -> bool:
    if term is None:
        return True
    datatype = term.get("datatype")
    return datatype in _INTEGER_TYPES or datatype in (
        XSD + "decimal",
        XSD + "double",
        XSD + "float",
    )


def compact(iri: str) -> str:
    for name, namespace in DISPLAY_PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _display(term: Mapping[str, Any] | None) -> str:
    if term is None:
        return ""
    value = str(term.get("value", ""))
    kind = term.get("type")
    if kind == "uri":
        value = compact(value)
    elif kind == "bnode":
        value = f"_:{value}"
    return " ".join(value.split()) if ("\n" in value or "\t" in value) else value


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (汉字, ，) take two, marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _clip(text: str, limit: int) -> str:
    if limit <= 0 or display_width(text) <= limit:
        return text
    out = []
    width = 0
    for char in text:
        w = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if width + w > limit - 1:
            break
        out.append(char)
        width += w
    return "".join(out) + "…"


def _line(cells: list[str], widths: list[int], right: list[bool]) -> str:
    parts = []
    for cell, width, align_right in zip(cells, widths, right, strict=True):
        pad = " " * (width - display_width(cell))
        parts.append(pad + cell if align_right else cell + pad)
    return "  ".join(parts).rstrip()
