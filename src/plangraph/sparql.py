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
"""

from __future__ import annotations

import difflib
import json
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import answers
from .errors import QueryError
from .graph import ID, PREFIXES, XSD
from .results import GRAPH_FORMATS, RESULT_FORMATS, QueryResult, _json_term, compact, display_width
from .results import _clip as _clip  # the tests reach these through sparql
from .results import _display as _display

__all__ = [
    "FORMATS",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "Binding",
    "NamedQuery",
    "Param",
    "QueryResult",
    "bind_values",
    "compact",
    "display_width",
    "get_query",
    "named_queries",
    "portable_text",
    "query_form",
    "resolve",
    "run",
    "to_binding",
    "to_term",
]

PARAM_KINDS = ("string", "zh", "name", "integer", "decimal", "year", "boolean", "iri", "node")
FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})

# --------------------------------------------------------------------------- named queries


@dataclass(frozen=True, slots=True)
class Param:
    """A declared parameter of a named query."""

    name: str
    kind: str  # one of PARAM_KINDS
    default: str | None  # None: required
    doc: str
    unbound: bool = False  # declared "optional": left empty, its variable stays unbound

    @property
    def optional(self) -> bool:
        """May be left empty: the query then answers for every plan, region, …"""
        return self.default == ""

    def describe(self) -> str:
        if self.default is None:
            default = "required"
        elif self.unbound:
            default = "optional"
        elif self.kind in ("string", "zh", "name"):
            default = "default " + json.dumps(self.default, ensure_ascii=False)
        else:
            default = f"default {self.default}"
        return f"{self.name} ({self.kind}, {default}) {self.doc}".rstrip()


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """One ``queries/NAME.rq`` file: the question it answers, its parameters and its text."""

    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    text: str

    @property
    def source(self) -> str:
        return f"queries/{self.name}.rq"


_PARAM_LINE = re.compile(r"#\s*param:\s*(?P<name>[A-Za-z_]\w*)\s*\((?P<spec>[^)]*)\)\s*(?P<doc>.*)")


def parse_header(name: str, text: str) -> NamedQuery:
    """Read the leading comment block of a ``.rq`` file: summary, description, parameters."""
    source = f"queries/{name}.rq"
    lines: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        match = _PARAM_LINE.fullmatch(stripped)
        if match:
            params.append(_param(source, number, match))
        elif stripped.lstrip("#").lstrip().lower().startswith("param"):
            raise QueryError(
                "malformed parameter line; expected '# param: NAME (KIND) description', "
                "with ', default VALUE' or ', optional' after KIND",
                source=source,
                line=number,
            )
        else:
            lines.append(stripped.lstrip("#").strip())
    while lines and not lines[-1]:
        lines.pop()
    if not lines or not lines[0]:
        raise QueryError("expected a comment saying what the query answers", source=source, line=1)
    return NamedQuery(name, lines[0], "\n".join(lines).strip(), tuple(params), text)


def _param(source: str, number: int, match: re.Match[str]) -> Param:
    kind, _, rest = (part.strip() for part in match["spec"].partition(","))
    kind = "string" if kind == "literal" else kind
    if kind not in PARAM_KINDS:
        raise QueryError(
            f"unknown parameter kind {kind!r}; expected one of {', '.join(PARAM_KINDS)}",
            source=source,
            line=number,
        )
    default: str | None = None
    if rest == "optional":
        return Param(match["name"], kind, "", match["doc"].strip(), unbound=True)
    if rest:
        if not rest.startswith("default"):
            raise QueryError(
                "expected 'default VALUE' or 'optional' after the kind", source=source, line=number
            )
        default = rest[len("default") :].strip()
        if default.startswith('"'):
            default = json.loads(default)
    return Param(match["name"], kind, default, match["doc"].strip())


def _query_folder() -> Any:
    from .resources import resource

    return resource("queries")


_NAMED: dict[str, NamedQuery] | None = None


def named_queries() -> dict[str, NamedQuery]:
    """Every bundled named query, by name, in name order."""
    global _NAMED
    if _NAMED is None:
        found = {}
        for entry in _query_folder().iterdir():
            if entry.name.endswith(".rq"):
                name = entry.name[: -len(".rq")]
                found[name] = parse_header(name, entry.read_text(encoding="utf-8"))
        _NAMED = {name: found[name] for name in sorted(found)}
    return _NAMED


def get_query(name: str) -> NamedQuery:
    queries = named_queries()
    try:
        return queries[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see 'plangraph query --list'"
        raise QueryError(f"no named query {name!r}{hint}") from None


def resolve(name_or_sparql: str) -> tuple[str, str, NamedQuery | None]:
    """(source, text, named query or None) for a query name, a ``.rq`` file or SPARQL text."""
    queries = named_queries()
    if name_or_sparql in queries:
        named = queries[name_or_sparql]
        return named.source, named.text, named
    if name_or_sparql.endswith(".rq") and "\n" not in name_or_sparql:
        path = Path(name_or_sparql)
        try:
            return str(path), path.read_text(encoding="utf-8"), None
        except OSError as error:
            raise QueryError(f"cannot read: {error.strerror or error}", source=path) from None
        except UnicodeDecodeError:
            raise QueryError("not UTF-8 text; expected a SPARQL query", source=path) from None
    if re.search(r"[\s{]", name_or_sparql.strip()):
        return "query", name_or_sparql, None
    return "query", name_or_sparql, get_query(name_or_sparql)  # raises: unknown name


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


# --------------------------------------------------------------------------- query text

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
    | (?P<punct>[{}()])
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, token, offset) for the tokens that matter here; comments and strings skipped."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        if kind not in ("comment", "string"):
            yield kind, match.group(), match.start()


def query_form(text: str) -> str:
    """The first keyword after the prologue: SELECT, CONSTRUCT, ASK, DESCRIBE or an update."""
    expect_iri = 0
    for kind, token, _ in _tokens(text):
        if expect_iri:
            if kind == "iri":
                expect_iri -= 1
            continue
        if kind == "word":
            upper = token.upper()
            if upper == "PREFIX" or upper == "BASE":
                expect_iri = 1
                continue
            return upper
    return ""


def check_read_only(text: str, source: str) -> str:
    """The query form; an UPDATE is refused with a QueryError."""
    form = query_form(text)
    if form in UPDATE_KEYWORDS:
        raise QueryError(
            f"SPARQL UPDATE ({form}) is refused: plangraph query is read-only; "
            "to change a store use 'plangraph serve --writable' and its /update endpoint",
            source=source,
        )
    return form


def _where_brace(text: str, form: str, source: str) -> int:
    """Offset just after the ``{`` that opens the query's WHERE group."""
    braces = parens = 0
    opened: list[int] = []
    previous_word = ""
    seen_form = False
    for kind, token, offset in _tokens(text):
        if not seen_form:
            seen_form = kind == "word" and token.upper() == form
            continue
        if token == "(":
            parens += 1
        elif token == ")":
            parens -= 1
        elif token == "{":
            if braces == 0 and parens == 0:
                if form == "CONSTRUCT" and not opened and previous_word == "WHERE":
                    raise QueryError(
                        "cannot bind parameters in the short form CONSTRUCT WHERE "
                        "{…}; write CONSTRUCT {…} WHERE {…}",
                        source=source,
                    )
                opened.append(offset + 1)
                if form != "CONSTRUCT" or len(opened) == 2:
                    return offset + 1
            braces += 1
        elif token == "}":
            braces -= 1
        elif kind == "word":
            previous_word = token.upper()
    raise QueryError("the query has no WHERE group to bind parameters in", source=source)


def _groups(text: str, after: int) -> list[tuple[int, set[str]]]:
    """The group graph patterns from the one opening at ``after`` (the WHERE group) down:
    for each, the offset just after its ``{`` and the variables it uses itself, outside the
    groups nested in it.  A sub-SELECT's projection and modifiers count for the group that
    holds it, its WHERE group is a group of its own; ``VALUES`` data blocks are skipped."""
    tokens = [t for t in _tokens(text) if t[2] >= after - 1]
    groups: list[tuple[int, set[str]]] = []

    def skip_data(i: int) -> int:
        """tokens[i] opens a VALUES data block: the index after its ``}``."""
        depth = 0
        while i < len(tokens):
            if tokens[i][1] == "{":
                depth += 1
            elif tokens[i][1] == "}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return i

    def subselect(i: int, own: set[str]) -> int:
        """tokens[i] is the ``{`` before SELECT: the index after the matching ``}``.

        The variables of the projection and of GROUP BY, HAVING and ORDER BY are the
        subquery's (its WHERE group must bind them) and, projected, the outer group's."""
        parens = 0
        values = False
        inner: set[str] = set()
        where: set[str] | None = None
        i += 1
        while i < len(tokens):
            kind, token, _ = tokens[i]
            if token == "(":
                parens += 1
            elif token == ")":
                parens -= 1
            elif token == "{":
                if values:
                    values = False
                    i = skip_data(i)
                    continue
                at = len(groups)
                i = group(i)
                if parens == 0 and where is None:
                    where = groups[at][1]
                continue
            elif token == "}":
                break
            elif kind == "var":
                own.add(token[1:])
                inner.add(token[1:])
            elif kind == "word" and token.upper() == "VALUES":
                values = True
            i += 1
        if where is not None:
            where |= inner
        return i + 1

    def group(i: int) -> int:
        """tokens[i] opens a group: collect it and those in it; the index after its ``}``."""
        own: set[str] = set()
        groups.append((tokens[i][2] + 1, own))
        values = False
        i += 1
        while i < len(tokens):
            kind, token, _ = tokens[i]
            if token == "{":
                if values:
                    values = False
                    i = skip_data(i)
                elif i + 1 < len(tokens) and tokens[i + 1][1].upper() == "SELECT":
                    i = subselect(i, own)
                else:
                    i = group(i)
                continue
            if token == "}":
                return i + 1
            if kind == "var":
                own.add(token[1:])
            elif kind == "word" and token.upper() == "VALUES":
                values = True
            i += 1
        return i

    if tokens and tokens[0][1] == "{":
        group(0)
    return groups


def query_variables(text: str) -> set[str]:
    return {token[1:] for kind, token, _ in _tokens(text) if kind == "var"}


def bind_values(text: str, bindings: Mapping[str, Binding], source: str = "query") -> str:
    """The query with a ``VALUES ?name { term … }`` block opening each group that uses ?name.

    Every group that uses a parameter's variable gets the block (the WHERE group of the
    query, of each sub-SELECT, of each UNION branch, OPTIONAL, MINUS or EXISTS), so that a
    parameter reaches everywhere as SEP-0007 substitution would (write the .rq files so that
    a parameter's name means the parameter wherever it occurs) and so that the engine can
    use the value to look things up in that very group: Oxigraph does not carry bindings
    into a UNION branch or a subquery.  A group that does not use the variable is left alone,
    so that a parameter with several terms never multiplies rows; the query's own WHERE
    group always gets a single-term parameter, so that ``SELECT ?key`` shows it.  The terms
    are written by pyoxigraph (N-Triples syntax, which SPARQL accepts), so a value can never
    change the query's structure.  Every bound name must be a variable of the query.
    """
    if not bindings:
        return text
    present = query_variables(text)
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name", source=source)
        if name not in present:
            raise QueryError(f"the query has no variable ?{name} to bind", source=source)
    at = _where_brace(text, query_form(text), source)
    inserts = []
    for point, used in _groups(text, at):
        blocks = []
        for name, terms in bindings.items():
            if name in used or (point == at and not isinstance(terms, tuple)):
                listed = terms if isinstance(terms, tuple) else (terms,)
                blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in listed)} }}")
        if blocks:
            inserts.append((point, " " + " ".join(blocks) + " "))
    for point, block in sorted(inserts, reverse=True):
        text = text[:point] + block + text[point:]
    return text


def declared_prefixes(text: str) -> set[str]:
    """The prefix names the query declares itself (``PREFIX pg: <…>``)."""
    return {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", text)}


def portable_text(text: str, bindings: Mapping[str, Binding], source: str = "query") -> str:
    """The exact query that ``run`` sends, as standalone SPARQL 1.1 for any store.

    Parameters are bound as ``VALUES`` blocks (``bind_values``), never spliced into the
    text, and the prefixes plangraph supplies implicitly (pg:, rdfs:, …) that the query uses
    but does not declare are declared at the top, so that the text runs unchanged in another
    store's query form.
    """
    form = check_read_only(text, source)
    if form not in QUERY_FORMS:
        found = f"found {form!r}" if form else "found no query keyword"
        raise QueryError(
            f"expected a SELECT, ASK, CONSTRUCT or DESCRIBE query; {found}", source=source
        )
    bound = bind_values(text, bindings, source)
    declared = declared_prefixes(bound)
    body = re.sub(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"", " ", bound)
    used = set(re.findall(r"(?<![\w?$:/#])([A-Za-z][\w.-]*):(?!//)", body))
    missing = [name for name in PREFIXES if name in used and name not in declared]
    head = "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in missing)
    return head + bound


# --------------------------------------------------------------------------- running


def run(
    store: ox.Store,
    text: str,
    bindings: Mapping[str, Binding] | None = None,
    source: str = "query",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run one read-only query on a pyoxigraph store, parameters bound as VALUES.

    With ``limit`` (or an ``offset``) a SELECT returns one page of its rows, and ``total``
    says how many there are in all: the engine's solutions are counted as they stream by,
    and only the page's are converted (about 1 µs a row instead of 10–60).
    """
    bound = portable_text(text, bindings or {}, source)
    started = time.perf_counter()
    kept = answers.answers_file(store)
    if kept is not None and answers.keeps(bound) and query_form(bound) == "SELECT":
        return _kept_answer(store, kept, bound, source, limit, max(offset, 0))
    try:
        result = store.query(bound, prefixes=PREFIXES)
        if isinstance(result, ox.QueryBoolean):
            data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
            return QueryResult(
                "ask", [], data, boolean=bool(result), seconds=time.perf_counter() - started
            )
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            if limit is None and offset <= 0:
                data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
                return QueryResult("select", variables, data, seconds=time.perf_counter() - started)
            data, total = _page(result, variables, max(offset, 0), limit)
            return QueryResult(
                "select",
                variables,
                data,
                seconds=time.perf_counter() - started,
                total=total,
                offset=max(offset, 0),
            )
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        return QueryResult(
            "graph",
            ["subject", "predicate", "object"],
            data,
            seconds=time.perf_counter() - started,
        )
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {_one_line(error)}", source=source) from None
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"query failed: {_one_line(error)}", source=source) from None


def _kept_answer(
    store: ox.Store, kept: Path, bound: str, source: str, limit: int | None, offset: int
) -> QueryResult:
    """A SELECT on a kept store: the page from the kept answer, else the answer computed,
    kept (when it took a while) and paged."""
    started = time.perf_counter()
    key = answers.key(store, bound)
    found = answers.page(kept, key, offset, limit)
    if found is None:
        try:
            result = store.query(bound, prefixes=PREFIXES)
            assert isinstance(result, ox.QuerySolutions)
            variables = [v.value for v in result.variables]
            data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        except SyntaxError as error:
            raise QueryError(f"invalid SPARQL: {_one_line(error)}", source=source) from None
        except (OSError, RuntimeError, ValueError) as error:
            raise QueryError(f"query failed: {_one_line(error)}", source=source) from None
        rows = [
            json.dumps(row, ensure_ascii=False, separators=(",", ":"))
            for row in json.loads(data)["results"]["bindings"]
        ]
        if time.perf_counter() - started >= answers.MIN_SECONDS:
            answers.keep(kept, key, variables, rows)
        end = None if limit is None else offset + limit
        found = variables, rows[offset:end], len(rows)
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


def _page(
    solutions: ox.QuerySolutions, variables: list[str], offset: int, limit: int | None
) -> tuple[bytes, int]:
    """SPARQL JSON for rows ``offset`` … ``offset + limit`` of the solutions, and their count."""
    end = None if limit is None else offset + limit
    rows = []
    total = 0
    for solution in solutions:
        if total >= offset and (end is None or total < end):
            rows.append(
                {
                    name: _json_term(solution[name])
                    for name in variables
                    if solution[name] is not None
                }
            )
        total += 1
    document = {"head": {"vars": variables}, "results": {"bindings": rows}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8"), total


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


# --------------------------------------------------------------------------- stores

_STORES: dict[tuple[str, int, int], ox.Store] = {}


def cached_store(path: str | os.PathLike[str]) -> ox.Store:
    """The graph file opened in Oxigraph, kept in this process while the file is unchanged
    (notebooks); large graphs are also kept on disk between runs (``store.open_store``)."""
    from .store import open_store

    file = Path(path)
    try:
        info = file.stat()
    except OSError:
        return open_store(file)  # raises the GraphError that names the problem
    key = (str(file.resolve()), info.st_mtime_ns, info.st_size)
    store = _STORES.get(key)
    if store is None:
        store = open_store(file)
        _STORES.clear()
        _STORES[key] = store
    return store
