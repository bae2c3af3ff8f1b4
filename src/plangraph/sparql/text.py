"""The query text: its form, the read-only check, the ``VALUES`` blocks that bind parameters
in each group that uses them, and the standalone text with the implicit prefixes declared."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from ..errors import QueryError
from ..graph import PREFIXES
from .guard import check_query
from .params import Binding

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})


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
    """The query form; an UPDATE is refused with a QueryError, and so is a query nested too
    deeply or calling another endpoint (:mod:`.guard`)."""
    check_query(text, source)
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
