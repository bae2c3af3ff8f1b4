"""Parameters as RDF terms: a value checked against its declared kind and made a pyoxigraph
term (never text formatted into the query), and a named query's bindings with defaults."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from ..errors import QueryError
from ..graph import ID, XSD
from .named import NamedQuery

# --------------------------------------------------------------------------- parameters

_INTEGER = ox.NamedNode(XSD + "integer")
_DECIMAL = ox.NamedNode(XSD + "decimal")
_DOUBLE = ox.NamedNode(XSD + "double")
_BOOLEAN = ox.NamedNode(XSD + "boolean")
_GYEAR = ox.NamedNode(XSD + "gYear")
_DATE = ox.NamedNode(XSD + "date")
Term = ox.NamedNode | ox.BlankNode | ox.Literal
# what a parameter binds: one term, or several (a name's plain, zh and en literals)
Binding = Term | tuple[Term, ...]


def to_binding(name: str, value: object, kind: str | None = None) -> Binding:
    """The term or terms a parameter value stands for (see ``to_term``).

    ``name`` gives the text as a plain, a Chinese and an English literal; ``node`` gives an
    absolute IRI as it is, and a path such as ``jjj-2025/target/1`` under both ``id/`` and
    ``id/plan/`` (only the one that exists can match).
    """
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if kind == "name":
        text = str(value).strip()
        return (ox.Literal(text), ox.Literal(text, language="zh"), ox.Literal(text, language="en"))
    if kind == "node":
        text = str(value).strip().removeprefix("<").removesuffix(">")
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text):
            return to_term(name, text, "iri")
        path = text.lstrip("/")
        if not path or not re.fullmatch(r"[^\s<>\"{}|^`\\]+", path):
            raise QueryError(
                f"parameter {name}={value!s}: expected an IRI or a path such as jjj-2025/target/1"
            )
        return (ox.NamedNode(ID + path), ox.NamedNode(ID + "plan/" + path))
    return to_term(name, value, kind)


def to_term(name: str, value: object, kind: str | None = None) -> Term:
    """The RDF term a parameter value stands for, checked against the declared kind.

    Without a kind (ad hoc queries) a ``str`` becomes a plain literal, or an IRI when it is
    written ``<…>``; Python numbers, booleans and dates become typed literals.
    """
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if kind is None:
        return _infer_term(name, value)
    text = str(value).strip() if kind != "string" and kind != "zh" else str(value)
    try:
        if kind == "string":
            return ox.Literal(text)
        if kind == "zh":
            return ox.Literal(text, language="zh")
        if kind in ("name", "node"):
            found = to_binding(name, value, kind)
            return found[0] if isinstance(found, tuple) else found
        if kind == "integer":
            return ox.Literal(str(int(text)), datatype=_INTEGER)
        if kind == "decimal":
            number = Decimal(text)
            if not number.is_finite():
                raise ValueError(text)
            return ox.Literal(str(number), datatype=_DECIMAL)
        if kind == "year":
            if not re.fullmatch(r"\d{4}", text):
                raise ValueError(text)
            return ox.Literal(text, datatype=_GYEAR)
        if kind == "boolean":
            lowered = text.lower()
            if lowered not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(text)
            flag = lowered in ("true", "1", "yes")
            return ox.Literal("true" if flag else "false", datatype=_BOOLEAN)
        if kind == "iri":
            return ox.NamedNode(text.removeprefix("<").removesuffix(">"))
    except (ValueError, InvalidOperation):
        pass
    else:
        raise QueryError(f"parameter {name}: unknown kind {kind!r}")
    example = {
        "integer": "an integer such as 3",
        "decimal": "a number such as 2.5",
        "year": "a four-digit year such as 2027",
        "boolean": "true or false",
        "iri": "an absolute IRI such as https://w3id.org/plangraph/id/plan/jjj-2025",
    }[kind]
    raise QueryError(f"parameter {name}={value!s}: expected {example}")


def _infer_term(name: str, value: object) -> Term:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_BOOLEAN)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_INTEGER)
    if isinstance(value, Decimal):
        return ox.Literal(str(value), datatype=_DECIMAL)
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=_DOUBLE)
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=_DATE)
    if isinstance(value, str):
        if value.startswith("<") and value.endswith(">"):
            try:
                return ox.NamedNode(value[1:-1])
            except ValueError:
                raise QueryError(f"parameter {name}={value}: not a valid IRI") from None
        return ox.Literal(value)
    raise QueryError(
        f"parameter {name}: cannot bind a {type(value).__name__}; expected a string, number, "
        "boolean, date or pyoxigraph term"
    )


def named_bindings(named: NamedQuery, params: Mapping[str, object]) -> dict[str, Binding]:
    """The declared parameters as terms: given values, else defaults; unknown names refused.

    Left empty, a parameter declared ``optional`` is not bound at all and one with
    ``default ""`` is bound to ``""``: either way its query answers for every …
    """
    declared = {p.name: p for p in named.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(
            f"no parameter {unknown[0]!r}; this query's parameters: {known}", source=named.source
        )
    bindings: dict[str, Binding] = {}
    for param in named.params:
        if param.name in params:
            value = params[param.name]
        elif param.default is not None:
            value = param.default
        else:
            raise QueryError(
                f"parameter {param.name!r} is required (--param {param.name}=VALUE): {param.doc}",
                source=named.source,
            )
        if param.optional and isinstance(value, str) and not value.strip():
            if not param.unbound:
                bindings[param.name] = ox.Literal("")  # the query reads "" as "every …"
            continue
        bindings[param.name] = to_binding(param.name, value, param.kind)
    return bindings
