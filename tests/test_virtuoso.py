"""`plangraph push` and the named queries against a real OpenLink Virtuoso (Debian's
virtuoso-opensource), started on loopback with a temporary database and stopped after.

`scripts/ensure-virtuoso.sh` installs it for `make test`; without it the tests skip.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from click.testing import CliRunner

from plangraph import api
from plangraph.cli import cli
from plangraph.errors import PlangraphError
from plangraph.server import PushOptions

VIRTUOSO = shutil.which("virtuoso-t")
pytestmark = pytest.mark.skipif(
    VIRTUOSO is None,
    reason="virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource, "
    "or bash scripts/ensure-virtuoso.sh)",
)
GRAPH = "https://w3id.org/plangraph/id/graph"
# the named queries this test runs on Virtuoso 7.2 (targets-due-by does not finish there)
QUERIES = [
    "overview",
    "targets",
    "tasks-naming-place",
    "tasks-per-section",
    "places-in-region",
    "shared-themes",
    "search-tasks",
    "target-source",
    "agencies-per-plan",
    "shared-task-pairs",
]
PARAMS = {"search-tasks": {"text": "湿地"}, "shared-task-pairs": {"plan": "gba-2025"}}
INI = """\
[Database]
DatabaseFile       = virtuoso.db
ErrorLogFile       = virtuoso.log
LockFile           = virtuoso.lck
TransactionFile    = virtuoso.trx
xa_persistent_file = virtuoso.pxa
[TempDatabase]
DatabaseFile    = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort        = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers   = 10000
MaxDirtyBuffers   = 6000
DirsAllowed       = .
[HTTPServer]
ServerPort           = 127.0.0.1:{http}
ServerRoot           = .
MaxClientConnections = 4
ServerThreads        = 4
[SPARQL]
ResultSetMaxRows      = 100000
MaxQueryExecutionTime = 60
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso with a fresh database (user dba, password dba): its base URL."""
    assert VIRTUOSO is not None
    folder = tmp_path_factory.mktemp("virtuoso")
    http = free_port()
    (folder / "virtuoso.ini").write_text(INI.format(sql=free_port(), http=http))
    log = (folder / "console.log").open("wb")
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", "virtuoso.ini"],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http}"
    session = requests.Session()
    session.trust_env = False
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"virtuoso-t exited: {(folder / 'console.log').read_text()[-500:]}")
            try:
                if session.get(f"{base}/sparql", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail("virtuoso-t did not answer within 90 s")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(30)
        log.close()


def select(base: str, query: str) -> list[dict[str, Any]]:
    session = requests.Session()
    session.trust_env = False
    response = session.post(
        f"{base}/sparql",
        data={"query": query, "default-graph-uri": GRAPH},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text[:500]
    rows: list[dict[str, Any]] = response.json()["results"]["bindings"]
    return rows


@pytest.fixture(scope="module")
def pushed(virtuoso: str, seed_graph_file: Path) -> Any:
    """The seed pushed with Digest login into a named graph."""
    return api.push(
        f"{virtuoso}/sparql-graph-crud-auth",
        seed_graph_file,
        PushOptions(graph_iri=GRAPH, user="dba", password="dba"),
    )


def test_push_logs_in_with_digest_and_every_triple_arrives(virtuoso: str, pushed: Any) -> None:
    assert pushed.method == "PUT" and pushed.status in (200, 201, 204)
    iri = "https%3A%2F%2Fw3id.org%2Fplangraph%2Fid%2Fgraph"
    assert pushed.url == f"{virtuoso}/sparql-graph-crud-auth?graph={iri}"
    count = select(virtuoso, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
    assert int(count[0]["n"]["value"]) == pushed.triples > 19000


def test_push_failures_name_the_reason(virtuoso: str, pushed: Any, seed_graph_file: Path) -> None:
    runner = CliRunner()
    graph = ["--graph", str(seed_graph_file)]
    out = runner.invoke(
        cli,
        [
            *["push", f"{virtuoso}/sparql-graph-crud-auth", "--graph-iri", GRAPH, *graph],
            *["--user", "dba", "--password", "wrong"],
        ],
    )
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert "HTTP 401" in out.output and "the server asks for Digest" in out.output
    with pytest.raises(PlangraphError) as refused:
        login = PushOptions(user="dba", password="dba")
        api.push(f"{virtuoso}/sparql-graph-crud-auth", seed_graph_file, login)
    assert 'contains "default" param but the endpoint is not configured to have default graph' in (
        str(refused.value)
    )
    # the unauthenticated endpoint is read-only for the SPARQL user until granted
    with pytest.raises(PlangraphError, match=r"HTTP 403 .*Permission denied"):
        api.push(f"{virtuoso}/sparql-graph-crud", seed_graph_file, PushOptions(graph_iri=GRAPH))


def _cells(rows: list[dict[str, Any]], variables: list[str], booleans: set[str]) -> list[Any]:
    """The rows' values; Virtuoso writes xsd:boolean results as 1 and 0."""
    flags = {"1": "true", "0": "false"}
    return [
        [
            None
            if row.get(v) is None
            else flags.get(row[v]["value"], row[v]["value"])
            if v in booleans
            else row[v]["value"]
            for v in variables
        ]
        for row in rows
    ]


@pytest.mark.parametrize("name", QUERIES)
def test_named_queries_give_the_same_rows_in_the_same_order(
    virtuoso: str, pushed: Any, seed_graph_file: Path, name: str
) -> None:
    params = PARAMS.get(name, {})
    ours = api.query(name, seed_graph_file, **params)
    assert len(ours) > 0
    theirs = select(virtuoso, api.query_text(name, **params))
    booleans = {
        v
        for row in ours.bindings
        for v, term in row.items()
        if term.get("datatype", "").endswith("#boolean")
    }
    variables = ours.variables
    assert _cells(theirs, variables, booleans) == _cells(ours.bindings, variables, booleans)
