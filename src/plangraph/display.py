"""Units and comparators as people write them, for tables meant to be read.

The graph, CSV and JSON keep the IRIs (``unit:MicroGM-PER-M3``, ``pg:AtMost``); terminal
tables, Markdown and the report show ``µg/m³`` and ``≤``.  pg: units read as their Chinese
label in ``ontology/units.ttl`` (个百分点, 万千瓦); QUDT units as their usual symbol.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from . import model
from .graph import PG

if TYPE_CHECKING:
    from .sparql import QueryResult

QUDT_UNIT = "http://qudt.org/vocab/unit/"
QUDT_SIGN = {
    "MicroGM-PER-M3": "µg/m³",
    "MilliGM-PER-M3": "mg/m³",
    "MilliGM-PER-L": "mg/L",
    "PERCENT": "%",
    "KiloW": "kW",
    "KiloW-HR": "kWh",
    "M2": "m²",
    "M3": "m³",
    "HA": "ha",
    "KiloM": "km",
    "TONNE": "吨",
    "DEG_C": "°C",
    "DAY": "天",
    "YR": "年",
}
COMPARATOR_SIGN: dict[str, str] = {name: sign for name, sign in model.COMPARATOR_SIGN.items()}
DIRECTION_SIGN: dict[str, str] = {name: sign for name, sign in model.DIRECTION_SIGN.items()}
#: table columns whose values are units, comparators or directions
COLUMNS = {"unit": "unit", "comparator": "comparator", "direction": "direction"}


def _local(value: str) -> str:
    return value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@functools.lru_cache(maxsize=1)
def _pg_unit_labels() -> dict[str, str]:
    """pg: unit local name -> its Chinese label (个百分点, 万千瓦), from units.ttl."""
    import pyoxigraph as ox

    from .resources import resource

    path = resource("ontology", "units.ttl")
    labels: dict[str, str] = {}
    if not path.is_file():
        return labels
    for quad in ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE):
        obj = quad.object
        if (
            quad.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"
            and isinstance(obj, ox.Literal)
            and (obj.language or "").startswith("zh")
            and quad.subject.value.startswith(PG)
        ):
            labels[_local(quad.subject.value)] = obj.value
    labels["Count"] = ""  # the counted noun (家, 个) stands in for the unit
    return labels


def unit(value: str | None) -> str:
    """``http://qudt.org/vocab/unit/MicroGM-PER-M3`` or ``MicroGM-PER-M3`` -> ``µg/m³``; a
    unit the graph keeps as printed (平方公里, 吨/日) is shown as it is."""
    if not value:
        return ""
    if not value.isascii():  # printed, not an IRI or a local name
        return value
    name = _local(value)
    if name in QUDT_SIGN:
        return QUDT_SIGN[name]
    labels = _pg_unit_labels()
    return labels.get(name, value)


def comparator(value: str | None) -> str:
    """``pg:AtMost`` or ``AtMost`` -> ``≤``."""
    if not value:
        return ""
    return COMPARATOR_SIGN.get(_local(value), value)


def direction(value: str | None) -> str:
    if not value:
        return ""
    return DIRECTION_SIGN.get(_local(value), value)


_CONVERT = {"unit": unit, "comparator": comparator, "direction": direction}


def cell(column: str, value: str | None) -> str:
    """A table cell as people write it when ``column`` holds a unit, comparator or direction."""
    convert = _CONVERT.get(COLUMNS.get(column, ""))
    return convert(value) if convert else (value or "")


def for_people(result: QueryResult) -> QueryResult:
    """The same SELECT result with units, comparators and directions written for reading."""
    from .sparql import QueryResult

    if result.kind != "select" or not any(v in COLUMNS for v in result.variables):
        return result
    rows: list[dict[str, Any]] = []
    for row in result.bindings:
        new = dict(row)
        for name in result.variables:
            term = row.get(name)
            if name in COLUMNS and term is not None:
                new[name] = {"type": "literal", "value": cell(name, str(term.get("value", "")))}
        rows.append(new)
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": rows}}
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return QueryResult(
        "select",
        list(result.variables),
        data,
        seconds=result.seconds,
        total=result.total,
        offset=result.offset,
    )
