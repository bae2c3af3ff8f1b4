"""Stage 4: SPARQL over the graph, on Oxigraph (the engine behind ``plangraph.query``).

The module is called ``sparql`` rather than ``query`` so that importing it never shadows
the function ``plangraph.query``.

Named competency queries live in ``queries/*.rq``, one question per file.  The comment lines
at the top of a file say what it answers (the first line is its summary) and declare its
parameters, one per line::

    # param: place (name, default 太浦河) a place's name: a Chinese or English label or alias

A parameter's kind says which RDF term its value becomes: string, zh, integer, decimal, year,
boolean and iri give one term; ``name`` gives the same text as a plain, a Chinese and an
English literal (to match any label), and ``node`` an IRI, or a path under the id namespace
such as ``jjj-2025/target/1``.  Values are bound as RDF terms: they go into ``VALUES``
blocks made from pyoxigraph terms, inserted at the start of each group that uses the
variable (see ``bind_values``), and never into the query text as raw strings.  A parameter
whose default is ``""`` may be left empty, and the query then reads ``""`` as "every …"; one
declared ``(KIND, optional)`` is not bound at all when left empty, so a query that joins on
it (``?p pg:identifier ?plan``) answers for every plan, and given a value looks it up in an
index instead of filtering every row.

Queries are read-only: an UPDATE is refused before it reaches the engine.

The modules: :mod:`.named` (the ``.rq`` files and their headers), :mod:`.params` (values as
RDF terms), :mod:`.text` (the read-only check and the ``VALUES`` blocks) and :mod:`.engine`
(running on Oxigraph); everything is imported from here, ``plangraph.sparql``.
"""

from __future__ import annotations

from ..results import GRAPH_FORMATS, RESULT_FORMATS, QueryResult, compact, display_width
from ..results import _clip as _clip  # the tests reach these through sparql
from ..results import _display as _display
from .engine import cached_store, run
from .named import PARAM_KINDS, NamedQuery, Param, get_query, named_queries, parse_header, resolve
from .params import Binding, Term, named_bindings, to_binding, to_term
from .text import (
    QUERY_FORMS,
    UPDATE_KEYWORDS,
    bind_values,
    check_read_only,
    declared_prefixes,
    portable_text,
    query_form,
    query_variables,
)

__all__ = [
    "FORMATS",
    "GRAPH_FORMATS",
    "PARAM_KINDS",
    "QUERY_FORMS",
    "RESULT_FORMATS",
    "UPDATE_KEYWORDS",
    "Binding",
    "NamedQuery",
    "Param",
    "QueryResult",
    "Term",
    "bind_values",
    "cached_store",
    "check_read_only",
    "compact",
    "declared_prefixes",
    "display_width",
    "get_query",
    "named_bindings",
    "named_queries",
    "parse_header",
    "portable_text",
    "query_form",
    "query_variables",
    "resolve",
    "run",
    "to_binding",
    "to_term",
]

FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt")
