"""Named queries: the ``queries/*.rq`` files, their header comments (what each answers, its
declared parameters) and looking one up by name, file or text."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import QueryError

PARAM_KINDS = ("string", "zh", "name", "integer", "decimal", "year", "boolean", "iri", "node")


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
    from ..resources import resource

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
