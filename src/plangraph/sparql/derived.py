"""Scoped answers read from a wider kept answer: the rows of one theme, or of the targets due
by a year, are the rows of the query's answer for every theme (every year) whose column
holds that theme (a year at most that), in the same order.

On a kept store (``store.kept_store``) the wider answer is computed once, ahead
(``warmup.py``), and kept with the column indexed (a facet, ``answers.facet_page``); a scoped
question then costs one small lookup of the values it stands for (the themes a label names)
and an index range, a few milliseconds instead of seconds (``shared-themes -p theme=区域协同``
evaluated 7,963 rows of 1,000 plans in 3.5 s of CPU).  The rows are the same as evaluating
the scoped query, because the query's ``ORDER BY`` and ``DISTINCT`` do not depend on the
parameter and the parameter only keeps or drops whole rows (tests/test_derived.py compares
both on the seed for every value).  When the wider answer is not kept (``PLANGRAPH_WARM=off``
before it was asked once) the scoped query is evaluated as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .. import answers
from ..graph import PREFIXES
from ..results import QueryResult
from .named import named_queries
from .params import Binding, named_bindings
from .text import portable_text

__all__ = ["DERIVED", "Derivation", "facets_of", "page", "wider_bindings"]


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a named query's answer for one value of ``param`` is read from its answer for
    ``every`` (the other parameters as given): the rows whose ``facet`` column holds one of
    the values ``choose`` gives for the parameter's term (with ``at_most``, a value of the
    same length sorting at most the parameter's value: four-digit years)."""

    param: str
    every: str
    facet: str
    choose: Callable[[ox.Store, ox.Literal], list[str]] | None = None
    at_most: bool = False


_THEMES = """
SELECT DISTINCT ?theme_iri ?theme WHERE {
  { ?theme_iri skos:prefLabel|skos:altLabel ?label FILTER (STR(?label) = ?theme) }
  UNION { ?theme_iri a pg:Theme FILTER (STRAFTER(STR(?theme_iri), "/theme/") = ?theme) }
}
"""


def _themes(store: ox.Store, theme: ox.Literal) -> list[str]:
    """The themes a label or identifier stands for, as shared-themes.rq matches them."""
    solutions = store.query(_THEMES, prefixes=PREFIXES, substitutions={ox.Variable("theme"): theme})
    assert isinstance(solutions, ox.QuerySolutions)
    return sorted({s["theme_iri"].value for s in solutions if s["theme_iri"] is not None})


#: named query -> how its scoped answers are read from its wider one
DERIVED: dict[str, Derivation] = {
    "shared-themes": Derivation("theme", "", "theme_iri", choose=_themes),
    "targets-due-by": Derivation("year", "9999", "target_year", at_most=True),
}


def facets_of(source: str, text: str) -> tuple[str, ...]:
    """The columns to index when keeping an answer of this query text."""
    name = _named(source, text)
    return () if name is None else (DERIVED[name].facet,)


def _named(source: str, text: str) -> str | None:
    if not source.startswith("queries/") or not source.endswith(".rq"):
        return None
    name = source[len("queries/") : -len(".rq")]
    named = named_queries().get(name)
    if named is None or name not in DERIVED or named.text != text:
        return None
    return name


def wider_bindings(name: str, params: Mapping[str, object]) -> dict[str, Binding]:
    """The bindings of the wider answer that a scoped question of ``name`` reads from."""
    derivation = DERIVED[name]
    return named_bindings(named_queries()[name], {**params, derivation.param: derivation.every})


def page(
    store: ox.Store,
    kept: Path,
    text: str,
    bindings: Mapping[str, Binding],
    source: str,
    limit: int | None,
    offset: int,
) -> QueryResult | None:
    """The page of a scoped question read from the kept wider answer; None when the query
    has no derivation, asks for the wider answer itself, or the wider answer is not kept."""
    import time

    started = time.perf_counter()
    name = _named(source, text)
    if name is None:
        return None
    derivation = DERIVED[name]
    value = bindings.get(derivation.param)
    if not isinstance(value, ox.Literal) or value.value == derivation.every:
        return None
    wider = {**bindings, derivation.param: _every_term(value, derivation.every)}
    key = answers.key(store, portable_text(text, wider, source))
    if derivation.at_most:
        found = answers.facet_page(
            kept, key, derivation.facet, None, offset, limit, at_most=value.value
        )
    else:
        assert derivation.choose is not None
        try:
            values = derivation.choose(store, value)
        except (OSError, RuntimeError, ValueError, SyntaxError):
            return None
        found = answers.facet_page(kept, key, derivation.facet, values, offset, limit)
    if found is None:
        return None
    variables, rows, total = found
    data = (
        '{"head":{"vars":'
        + json.dumps(variables)
        + '},"results":{"bindings":['
        + ",".join(rows)
        + "]}}"
    ).encode("utf-8")
    paged = limit is not None or offset > 0
    return QueryResult(
        "select",
        variables,
        data,
        seconds=time.perf_counter() - started,
        total=total if paged else None,
        offset=offset if paged else 0,
    )


def _every_term(value: ox.Literal, every: str) -> ox.Literal:
    """The parameter's term for ``every``, of the same kind as the given value's."""
    if value.language:
        return ox.Literal(every, language=value.language)
    return ox.Literal(every, datatype=value.datatype)
