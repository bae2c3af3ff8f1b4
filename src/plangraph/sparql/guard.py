"""What a query from outside may not ask, checked on its text before Oxigraph parses it.

- Nesting deeper than :data:`MAX_NESTING` groups, brackets or parentheses: Oxigraph's parser
  recurses once a level and overflows its stack at some thousands (the process dies, and
  with it a server).  Real queries nest a few levels.
- ``SERVICE``: a federated query makes the engine send an HTTP request wherever the query
  says; plangraph queries its own graph and needs no network.
"""

from __future__ import annotations

import re

from ..errors import QueryError

MAX_NESTING = 200

_TOKEN = re.compile(
    r"""
      \#[^\n]*
    | <[^<>"{}|^`\\\x00-\x20]*>
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
    | "(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
    | (?P<open>[{(\[]) | (?P<close>[})\]])
    | (?<![\w:?$])(?P<service>SERVICE)(?![\w:])
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


def refusal(text: str) -> str | None:
    """Why the query is refused (one line), or None if it may run."""
    depth = 0
    for match in _TOKEN.finditer(text):
        if match.group("open"):
            depth += 1
            if depth > MAX_NESTING:
                return (
                    f"the query nests groups or expressions over {MAX_NESTING} levels deep; "
                    "expected a flatter query"
                )
        elif match.group("close"):
            depth -= 1
        elif match.group("service"):
            return (
                "SERVICE (a federated query to another endpoint) is refused: plangraph "
                "queries its own graph only and makes no network requests"
            )
    return None


def check_query(text: str, source: str) -> None:
    """Raise :class:`QueryError` when :func:`refusal` refuses the query."""
    reason = refusal(text)
    if reason is not None:
        raise QueryError(reason, source=source)
