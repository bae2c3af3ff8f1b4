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
import re
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

__all__ = ["DERIVED", "Derivation", "facets_of", "page", "wider_query"]


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a named query's answer for one value of ``param`` is read from a wider answer:
    the same query with ``param`` set to ``every``, or (``widen``) the query with the
    pattern that matches the parameter replaced, which also projects the ``hidden``
    variables (dropped from the rows read).  The rows kept are those whose ``facet`` column
    holds one of the values ``choose`` gives for the parameter's term(s) (with
    ``at_most``, a value of the same length sorting at most the parameter's value:
    four-digit years)."""

    param: str
    facet: str
    every: str | None = None
    widen: tuple[str, str, str] | None = None  # (from, to: cut out, replacement)
    hidden: tuple[str, ...] = ()
    choose: Callable[[ox.Store, Binding], list[str]] | None = None
    at_most: bool = False

    def wider_text(self, text: str) -> str | None:
        """The text of the wider answer; None when the query is not as expected."""
        if self.widen is None:
            return text
        begin, finish, replacement = self.widen
        start = text.find(begin)
        end = text.find(finish, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            return None
        text = text[:start] + replacement + text[end + len(finish) :]
        if self.hidden:
            found = re.search(r"^SELECT (?:DISTINCT )?", text, re.MULTILINE)
            if found is None:
                return None
            hidden = "".join(f"?{name} " for name in self.hidden)
            text = text[: found.end()] + hidden + text[found.end() :]
        return text


def _select_values(
    store: ox.Store, text: str, variable: str, bindings: dict[str, Binding]
) -> list[str]:
    from .text import bind_values

    solutions = store.query(bind_values(text, bindings), prefixes=PREFIXES)
    assert isinstance(solutions, ox.QuerySolutions)
    return sorted({s[variable].value for s in solutions if s[variable] is not None})


_THEMES = """
SELECT DISTINCT ?theme_iri WHERE {
  { ?theme_iri skos:prefLabel|skos:altLabel ?label FILTER (STR(?label) = ?theme) }
  UNION { ?theme_iri a pg:Theme FILTER (STRAFTER(STR(?theme_iri), "/theme/") = ?theme) }
}
"""
_AGENCIES = """
SELECT DISTINCT ?agency_iri WHERE {
  ?agency_iri a pg:Agency ; rdfs:label|skos:altLabel ?any FILTER (STR(?any) = ?agency)
}
"""
_PLACES = """
SELECT DISTINCT ?place_iri WHERE {
  ?place_iri rdfs:label|skos:altLabel ?place .
  ?place_iri a pg:Place .
}
"""
_INDICATORS = """
SELECT DISTINCT ?ind WHERE {
  ?ind a pg:Indicator .
  FILTER (IF(?indicator = "",
             EXISTS { ?r1 pg:setsIndicator ?ind . ?r2 pg:setsIndicator ?ind FILTER (?r1 != ?r2) },
             EXISTS { ?ind rdfs:label ?any_label
                      FILTER (CONTAINS(LCASE(STR(?any_label)), LCASE(?indicator))) }))
}
"""


def _chooser(text: str, param: str, variable: str) -> Callable[[ox.Store, Binding], list[str]]:
    """The values of ``variable`` that ``text`` gives with ``param`` bound (as the named
    query matches them: its own patterns, copied)."""

    def choose(store: ox.Store, value: Binding) -> list[str]:
        return _select_values(store, text, variable, {param: value})

    return choose


#: named query -> how its scoped answers are read from a wider one
DERIVED: dict[str, Derivation] = {
    "shared-themes": Derivation(
        "theme", "theme_iri", every="", choose=_chooser(_THEMES, "theme", "theme_iri")
    ),
    "targets-due-by": Derivation("year", "target_year", every="9999", at_most=True),
    "tasks-naming-agency": Derivation(
        "agency", "agency_iri", every="", choose=_chooser(_AGENCIES, "agency", "agency_iri")
    ),
    "tasks-naming-place": Derivation(
        "place",
        "place_iri",
        widen=("?place_iri rdfs:label|skos:altLabel ?place .", "\n", ""),
        choose=_chooser(_PLACES, "place", "place_iri"),
    ),
    "indicator-across-regions": Derivation(
        "indicator",
        "ind",
        widen=("{ ?ind a pg:Indicator .", "})) }", "{ ?ind a pg:Indicator }"),
        hidden=("ind",),
        choose=_chooser(_INDICATORS, "indicator", "ind"),
    ),
}


def facets_of(source: str, text: str) -> tuple[str, ...]:
    """The columns to index when keeping an answer of this query text: a named query's
    own text, or the wider text of one."""
    name = _name_of(source)
    if name is None:
        return ()
    derivation = DERIVED[name]
    named = named_queries()[name]
    if text == named.text or text == derivation.wider_text(named.text):
        return (derivation.facet,)
    return ()


def _name_of(source: str) -> str | None:
    if not source.startswith("queries/") or not source.endswith(".rq"):
        return None
    name = source[len("queries/") : -len(".rq")]
    return name if name in DERIVED and name in named_queries() else None


def wider_query(name: str, params: Mapping[str, object]) -> tuple[str, dict[str, Binding]] | None:
    """(text, bindings) of the wider answer that a scoped question of ``name`` reads from,
    the other parameters as given; None when the query has no derivation."""
    derivation = DERIVED.get(name)
    named = named_queries().get(name)
    if derivation is None or named is None:
        return None
    text = derivation.wider_text(named.text)
    if text is None:
        return None
    if derivation.every is not None:
        return text, named_bindings(named, {**params, derivation.param: derivation.every})
    others = {k: v for k, v in params.items() if k != derivation.param}
    missing = next(p for p in named.params if p.name == derivation.param)
    bindings = named_bindings(named, {**others, derivation.param: missing.default or "x"})
    bindings.pop(derivation.param, None)
    return text, bindings


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
    name = _name_of(source)
    if name is None or named_queries()[name].text != text:
        return None
    derivation = DERIVED[name]
    value = bindings.get(derivation.param)
    if value is None:
        return None
    wider_text = derivation.wider_text(text)
    if wider_text is None:
        return None
    if derivation.every is not None:
        if not isinstance(value, ox.Literal) or value.value == derivation.every:
            return None
        wider = {**bindings, derivation.param: _every_term(value, derivation.every)}
    else:
        wider = {k: v for k, v in bindings.items() if k != derivation.param}
    key = answers.key(store, portable_text(wider_text, wider, source))
    if derivation.at_most:
        assert isinstance(value, ox.Literal)
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
    if derivation.hidden:
        variables = [v for v in variables if v not in derivation.hidden]
        rows = [_without(row, derivation.hidden) for row in rows]
    return QueryResult.page(variables, rows, total, offset, limit, time.perf_counter() - started)


def _without(row: str, hidden: tuple[str, ...]) -> str:
    terms = json.loads(row)
    for name in hidden:
        terms.pop(name, None)
    return json.dumps(terms, ensure_ascii=False, separators=(",", ":"))


def _every_term(value: ox.Literal, every: str) -> ox.Literal:
    """The parameter's term for ``every``, of the same kind as the given value's."""
    if value.language:
        return ox.Literal(every, language=value.language)
    return ox.Literal(every, datatype=value.datatype)
