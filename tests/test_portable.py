"""Portable queries and push (issue 15): the same rows in the same order on every engine,
the exact SPARQL for another store, pages of large answers, and push's login, reasons and
timeouts against small local HTTP servers.
"""

from __future__ import annotations

import base64
import os
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from plangraph import api
from plangraph.cli import cli
from plangraph.errors import PlangraphError
from plangraph.graph import PREFIXES
from plangraph.server import PushOptions, challenges, error_text
from plangraph.sparql import named_queries

# rdflib's own engine joins by nested loops: these two take minutes on the seed there
# (checked by hand to agree: cross-region-places 5 rows in 310 s, shared-task-pairs for
# gba-2025 116 rows in 36 s); PLANGRAPH_SLOW=1 runs them too
SLOW_ON_RDFLIB = {"cross-region-places", "shared-task-pairs"}
PARAMS: dict[str, dict[str, str]] = {"search-tasks": {"text": "湿地"}}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@pytest.fixture(scope="module")
def rdflib_graph(seed_graph_file: Path) -> rdflib.Graph:
    graph = rdflib.Graph()  # rdflib's own store and SPARQL engine, not oxrdflib
    graph.parse(seed_graph_file, format="turtle")
    return graph


def _from_rdflib(term: Any) -> tuple[Any, ...] | None:
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return ("uri", str(term))
    assert isinstance(term, rdflib.Literal), term
    datatype = None if term.language or term.datatype is None else str(term.datatype)
    return ("literal", str(term), term.language, None if datatype == XSD_STRING else datatype)


def _from_json(term: dict[str, str] | None) -> tuple[Any, ...] | None:
    if term is None:
        return None
    if term["type"] == "uri":
        return ("uri", term["value"])
    assert term["type"] == "literal", term
    datatype = term.get("datatype")
    return (
        "literal",
        term["value"],
        term.get("xml:lang"),
        None if datatype == XSD_STRING else datatype,
    )


def _portable_cases() -> list[Any]:
    slow = os.environ.get("PLANGRAPH_SLOW") == "1"
    return [
        pytest.param(
            name,
            marks=pytest.mark.skip(reason="minutes on rdflib's engine; PLANGRAPH_SLOW=1 runs it")
            if name in SLOW_ON_RDFLIB and not slow
            else (),
        )
        for name in named_queries()
    ]


@pytest.mark.parametrize("name", _portable_cases())
def test_every_named_query_gives_the_same_rows_in_the_same_order_on_rdflib(
    name: str, seed_store: ox.Store, rdflib_graph: rdflib.Graph
) -> None:
    params = PARAMS.get(name, {})
    text = api.query_text(name, **params)
    ours = api.query(name, seed_store, **params)
    assert len(ours) > 0, name
    theirs = rdflib_graph.query(text)
    expected = [tuple(_from_json(row.get(v)) for v in ours.variables) for row in ours.bindings]
    found = [tuple(_from_rdflib(row[v]) for v in ours.variables) for row in theirs]
    assert found == expected


def test_show_sparql_prints_the_query_that_runs(seed_store: ox.Store) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["query", "tasks-naming-place", "-p", "place=太浦河", "--show-sparql"])
    assert out.exit_code == 0, out.output
    text = out.output
    # bound as VALUES, never spliced into a FILTER or a triple pattern
    assert 'VALUES ?place { "太浦河" "太浦河"@zh "太浦河"@en }' in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert body.count("太浦河") == 3  # the three terms of VALUES, nowhere else
    # the printed text, run as it is (no prefixes supplied) gives the query's rows
    printed = seed_store.query(text)
    assert isinstance(printed, ox.QuerySolutions)
    rows = [(s["plan_id"].value, s["task"].value) for s in printed]
    assert rows == [("yrd-2025", "5"), ("yrd-2025", "21")]
    # -e text that uses plangraph's implicit prefixes gets them declared
    sparql = "SELECT ?l { ?t a pg:Task ; rdfs:label ?l FILTER (CONTAINS(?l, ?w)) } ORDER BY ?l"
    out = runner.invoke(cli, ["query", "-e", sparql, "-p", "w=湿地", "--show-sparql"])
    assert out.exit_code == 0, out.output
    assert out.output.startswith(f"PREFIX pg: <{PREFIXES['pg']}>\nPREFIX rdfs: <")
    assert 'VALUES ?w { "湿地" }' in out.output
    graph = rdflib.Graph()
    printed_rows = [str(row[0]) for row in graph.query(out.output)]
    assert printed_rows == []  # parses standalone in another engine (empty graph)


def test_pages_say_how_many_rows_there_are(seed_graph_file: Path) -> None:
    everything = api.query("targets", seed_graph_file)
    assert everything.total is None and len(everything) == 64
    page = api.query("targets", seed_graph_file, limit=10, offset=50)
    assert (len(page), page.total, page.offset) == (10, 64, 50)
    assert page.rows == everything.rows[50:60]
    assert page.table().endswith("(rows 51–60 of 64; use --offset/--limit)\n")
    last = api.query("targets", seed_graph_file, limit=50, offset=50)
    assert len(last) == 14 and last.count_line() == "(rows 51–64 of 64; use --offset/--limit)"
    runner = CliRunner()
    graph = ["--graph", str(seed_graph_file)]
    out = runner.invoke(cli, ["query", "targets", "-f", "table", *graph])
    assert out.output.endswith("(rows 1–50 of 64; use --offset/--limit)\n")
    assert len(out.output.splitlines()) == 2 + 50 + 1
    out = runner.invoke(cli, ["query", "targets", "-f", "table", "--limit", "0", *graph])
    assert out.output.endswith("(64 rows)\n")
    out = runner.invoke(cli, ["query", "targets", "-f", "csv", *graph])  # not a table: all
    assert len(out.output.splitlines()) == 65
    out = runner.invoke(cli, ["query", "targets", "-f", "csv", "--limit", "5", *graph])
    assert len(out.output.splitlines()) == 6


def test_a_named_query_orders_targets_that_share_a_quote(seed_store: ox.Store) -> None:
    """京津冀's targets 2-4 share one quote (the same start): the IRI breaks the tie."""
    rows = api.query("targets-due-by", seed_store).rows
    shared = [r["target"] for r in rows if r["quote"].startswith("PM2.5为首要污染物的重度污染")]
    assert [iri.rsplit("/", 1)[1] for iri in shared] == ["2", "3", "4"]


def test_shared_names_are_plain_sorted_and_ascii_separated(seed_store: ox.Store) -> None:
    found = api.query("shared-task-pairs", seed_store, plan="gba-2025")
    for row in found.bindings:
        shared = row["shared"]
        assert "xml:lang" not in shared and "datatype" not in shared
        names = shared["value"].split("; ")
        assert names == sorted(names) and "、" not in shared["value"]


# --------------------------------------------------------------------------- push


class _Handler(BaseHTTPRequestHandler):
    """PUT: 401 with the server's challenge until the expected Authorization arrives."""

    challenge = 'Basic realm="plans"'
    expected = "Basic " + base64.b64encode(b"admin:secret").decode()
    page = ""
    seen: list[tuple[str, str | None]]

    def log_message(self, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self.seen.append(("HEAD", self.headers.get("Authorization")))
        self.send_response(401)
        self.send_header("WWW-Authenticate", self.challenge)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        given = self.headers.get("Authorization")
        self.seen.append(("PUT", given))
        if self.page:
            body = self.page.encode()
            self.send_response(400)
            self.send_header("Content-Type", "text/html; charset=UTF-8")
        elif given == self.expected:
            body = b""
            self.send_response(201)
        else:
            body = b"<html><body><h1>401 Unauthorized</h1></body></html>"
            self.send_response(401)
            self.send_header("WWW-Authenticate", self.challenge)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def http_server() -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("Handler", (_Handler,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store", handler
    server.shutdown()
    server.server_close()


def test_push_logs_in_with_basic_only_after_the_server_asks(
    http_server: tuple[str, type[_Handler]], seed_graph_file: Path
) -> None:
    url, handler = http_server
    result = api.push(url, seed_graph_file, PushOptions(user="admin", password="secret"))
    assert result.status == 201
    # the password went out once, after HEAD (no credentials) had the server name its scheme
    assert handler.seen == [("HEAD", None), ("PUT", handler.expected)]


def test_a_failed_login_says_which_scheme_the_server_asked_for(
    http_server: tuple[str, type[_Handler]], seed_graph_file: Path
) -> None:
    url, handler = http_server
    handler.challenge = 'Digest realm="SPARQL", nonce="abc", qop="auth"'
    runner = CliRunner()
    out = runner.invoke(
        cli, ["push", url, "--graph", str(seed_graph_file), "--user", "dba", "--password", "x"]
    )
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert "HTTP 401" in out.output
    assert "login as 'dba' failed; the server asks for Digest" in out.output
    # the digest answer names the user and the server's nonce, never the password
    sent = handler.seen[-1][1] or ""
    assert sent.startswith('Digest username="dba", realm="SPARQL", nonce="abc"')
    assert 'x"' not in sent.split("response=")[0]
    out = runner.invoke(cli, ["push", url, "--graph", str(seed_graph_file)])
    assert "login without --user failed; the server asks for Digest" in out.output


def test_push_errors_show_the_reason_from_the_page(
    http_server: tuple[str, type[_Handler]], seed_graph_file: Path
) -> None:
    url, handler = http_server
    handler.page = (
        "<!DOCTYPE html><html><head><title>Error 400 Bad Request</title></head><body>"
        "<h3>Error 400 Bad Request</h3><pre>Virtuoso 22023 Error SR: The SPARQL 1.1 Graph "
        "Store Protocol request to the URL http://127.0.0.1:8890/sparql-graph-crud?default "
        'contains "default" param but the endpoint is not configured to have default graph'
        "\n\nSPARQL query:\n" + "define sql:big-data-const 0 " * 40 + "</pre></body></html>"
    )
    with pytest.raises(PlangraphError) as refused:
        api.push(url, seed_graph_file)
    message = str(refused.value)
    assert message.startswith(f"{url}?default: the server refused the graph: HTTP 400 Bad Request:")
    assert 'contains "default" param but the endpoint is not configured to have default graph' in (
        message
    )
    assert "<" not in message.split("refused the graph")[1] and "\n" not in message
    assert len(message) < 500


def test_error_text_and_challenges() -> None:
    assert error_text("plain reason\n\n  on two lines ") == "plain reason on two lines"
    page = "<html><head><title>Oops</title><style>p {}</style></head><body><p>bad &amp; worse</p>"
    assert error_text(page, "text/html") == "Oops bad & worse"
    long = "<p>" + "context " * 80 + "</p><p>Error: the real reason</p>"
    assert error_text(long, "text/html") == "Error: the real reason"

    class Response:
        headers: ClassVar[dict[str, str]] = {
            "WWW-Authenticate": 'Digest realm="SPARQL", nonce="a,b", qop="auth", Basic realm="x"'
        }

    assert challenges(Response()) == ["Digest", "Basic"]


def test_a_silent_server_is_given_up_with_one_line(seed_graph_file: Path) -> None:
    """A server that accepts the connection and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    accepted: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                connection, _ = listener.accept()
                accepted.append(connection)  # keep it open, say nothing
        except OSError:
            pass

    threading.Thread(target=accept, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    try:
        started = time.monotonic()
        out = CliRunner().invoke(
            cli, ["push", url, "--graph", str(seed_graph_file), "--timeout", "1"]
        )
        elapsed = time.monotonic() - started
    finally:
        listener.close()
        for connection in accepted:
            connection.close()
    assert out.exit_code == 1 and out.output.count("\n") == 1, out.output
    assert "sent no answer within 1 s (--timeout)" in out.output
    assert elapsed < 10
    # the default gives up within a minute
    assert PushOptions().timeout <= 60
