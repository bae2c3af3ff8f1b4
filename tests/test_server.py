"""`plangraph serve` and `plangraph push` against the real Oxigraph server on loopback.

Each server runs on a free 127.0.0.1 port and is stopped with SIGINT, as Ctrl-C would; every
wait is bounded.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph import api
from plangraph.cli import cli
from plangraph.errors import PlangraphError, ServerError
from plangraph.graph import corpus_triples, to_turtle
from plangraph.model import Corpus, Plan
from plangraph.server import PushOptions, graph_store_url, prepare_store

TIMEOUT = 60
SRC = Path(__file__).resolve().parent.parent / "src"
TASKS = "SELECT (COUNT(?t) AS ?n) WHERE { ?t a <https://w3id.org/plangraph/ontology#Task> }"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory, plans: tuple[Plan, ...]) -> Path:
    """The seed plans' structure (66 tasks) as Turtle: enough to exercise the protocols."""
    path = tmp_path_factory.mktemp("served") / "plangraph.ttl"
    path.write_bytes(to_turtle(corpus_triples(Corpus(plans))))
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A `plangraph serve` child process, its printed URLs and its output."""

    def __init__(self, graph: Path, store: Path, *extra: str) -> None:
        self.graph = graph
        self.port = free_port()
        command = [sys.executable, "-m", "plangraph", "serve", "--graph", str(graph)]
        command += ["--store", str(store), "--port", str(self.port), *extra]
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        }
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        self.lines: list[str] = []
        ready = threading.Event()
        last = "graph store:" if "--writable" in extra else "query UI:"  # the last URL printed

        def read() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                if line.startswith(last):
                    ready.set()
            ready.set()

        self.errors = ""
        self.reader = threading.Thread(target=read, daemon=True)
        self.reader.start()
        if not ready.wait(TIMEOUT) or self.process.poll() is not None:
            self.stop()
            raise AssertionError(f"the server did not start: {self.lines} {self.stderr}")
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            status = self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(TIMEOUT)
            raise
        finally:
            self._close()
        return status

    def _close(self) -> None:
        if self.process.stderr is not None and not self.process.stderr.closed:
            self.errors = self.process.stderr.read()
            self.process.stderr.close()
        if self.process.stdout is not None and not self.process.stdout.closed:
            self.reader.join(TIMEOUT)
            self.process.stdout.close()

    @property
    def stderr(self) -> str:
        return self.errors


@pytest.fixture()
def server(graph_file: Path, tmp_path: Path) -> Iterator[Server]:
    running = Server(graph_file, tmp_path / "store")
    yield running
    running.stop()


@pytest.fixture()
def writable(graph_file: Path, tmp_path: Path) -> Iterator[Server]:
    running = Server(graph_file, tmp_path / "store", "--writable")
    yield running
    running.stop()


def select(endpoint: str, query: str) -> list[dict[str, dict[str, str]]]:
    """A SPARQL 1.1 Protocol query by POST, results in SPARQL JSON."""
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with NO_PROXY.open(request, timeout=TIMEOUT) as response:
        bindings: list[dict[str, dict[str, str]]] = json.load(response)["results"]["bindings"]
        return bindings


def count_tasks(base: str, graph_iri: str | None = None) -> int:
    query = TASKS
    if graph_iri is not None:
        query = TASKS.replace("WHERE {", f"WHERE {{ GRAPH <{graph_iri}> {{") + " }"
    return int(select(f"{base}/query", query)[0]["n"]["value"])


def test_serve_prints_the_endpoints_answers_queries_and_stops_on_ctrl_c(server: Server) -> None:
    assert server.lines[:2] == [
        f"SPARQL endpoint: {server.base}/query",
        f"query UI:        {server.base}/",
    ]
    assert count_tasks(server.base) == 66
    # GET works too, and the UI is served
    url = f"{server.base}/query?" + urllib.parse.urlencode({"query": TASKS})
    with NO_PROXY.open(
        urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=TIMEOUT
    ) as r:
        assert r.read() == b"n\r\n66\r\n"
    with NO_PROXY.open(f"{server.base}/", timeout=TIMEOUT) as response:
        assert b"<html" in response.read()
    assert server.stop() == 0
    assert "stopped" in server.stderr
    # Oxigraph's own private port, behind the relay, is never printed as an address to use
    assert "Listening for requests at" not in server.stderr + "\n".join(server.lines)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()


def test_a_standard_client_queries_the_endpoint(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(f"{server.base}/query", returnFormat="json")
    rows = list(
        store.query(  # type: ignore[no-untyped-call]
            "SELECT ?label WHERE { ?s <https://w3id.org/plangraph/ontology#ordinal> 22 ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"
        )
    )
    assert sorted(str(row[0]) for row in rows) == sorted(
        ["深度参与全球生态文明建设合作", "高质量推进实施一批重大工程", "加快实施重大工程"]
    )


def test_read_only_refuses_updates_and_graph_store_writes(server: Server) -> None:
    update = urllib.request.Request(
        f"{server.base}/update",
        data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        NO_PROXY.open(update, timeout=TIMEOUT)
    assert refused.value.code == 403
    refused.value.close()
    with pytest.raises(PlangraphError, match=r"the server refused the graph: HTTP 403"):
        api.push(f"{server.base}/store", server.graph)
    assert count_tasks(server.base) == 66


def test_push_replaces_appends_and_names_graphs(writable: Server, tmp_path: Path) -> None:
    assert writable.lines[2:] == [
        f"SPARQL update:   {writable.base}/update",
        f"graph store:     {writable.base}/store",
    ]
    graph = writable.graph
    store = f"{writable.base}/store"
    result = api.push(store, graph)
    assert (result.method, result.url, result.status) == ("PUT", f"{store}?default", 204)
    assert result.triples > 4000 and result.size == graph.stat().st_size
    assert count_tasks(writable.base) == 66  # replaced, not doubled
    extra = tmp_path / "extra.nt"
    extra.write_text(
        "<https://example.org/t> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/plangraph/ontology#Task> .\n",
        encoding="utf-8",
    )
    assert api.push(store, extra, PushOptions(append=True)).method == "POST"
    assert count_tasks(writable.base) == 67
    iri = "https://example.org/graphs/plans?v=1"
    named = api.push(store, graph, PushOptions(graph_iri=iri))
    assert named.url == f"{store}?graph=https%3A%2F%2Fexample.org%2Fgraphs%2Fplans%3Fv%3D1"
    assert count_tasks(writable.base, iri) == 66
    # the CLI prints one summary line
    runner = CliRunner()
    out = runner.invoke(cli, ["push", store, "--graph", str(graph)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith(
        f"sent {result.triples} triples ({result.size} bytes) to {store}?default"
    )
    assert count_tasks(writable.base) == 66
    assert writable.stop() == 0


def test_push_errors_are_one_line(graph_file: Path) -> None:
    runner = CliRunner()
    closed = f"http://127.0.0.1:{free_port()}/store"
    for url, message in [
        (closed, "cannot connect"),
        ("ftp://example.org/store", "expected an http:// or https://"),
    ]:
        result = runner.invoke(cli, ["push", url, "--graph", str(graph_file), "--timeout", "5"])
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1
        assert message in result.output


def test_graph_store_urls() -> None:
    assert graph_store_url("http://h:3030/ds/data") == "http://h:3030/ds/data?default"
    assert graph_store_url("http://h/x?a=1", "https://g.org/1") == (
        "http://h/x?a=1&graph=https%3A%2F%2Fg.org%2F1"
    )
    assert graph_store_url("http://h/store?graph=urn%3Ax") == "http://h/store?graph=urn%3Ax"
    with pytest.raises(PlangraphError, match="expected an absolute IRI"):
        graph_store_url("http://h/store", "not an iri")


def test_the_store_is_reused_while_the_graph_is_unchanged(graph_file: Path, tmp_path: Path) -> None:
    location = tmp_path / "store"
    assert prepare_store(graph_file, location) is True
    assert prepare_store(graph_file, location) is False
    changed = tmp_path / "changed.ttl"
    changed.write_bytes(
        graph_file.read_bytes() + b"<https://example.org/a> a <https://example.org/B> .\n"
    )
    assert prepare_store(changed, location) is True
    assert not list(tmp_path.glob("store.loading*"))
    other = tmp_path / "not-a-store"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ServerError, match="is not a store made by plangraph serve"):
        prepare_store(graph_file, other)
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_bad_graph_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(ServerError, match=r"bad.ttl: oxigraph load failed: "):
        prepare_store(bad, tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_serve_refuses_a_port_in_use(graph_file: Path, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli,
            [
                "serve",
                "--graph",
                str(graph_file),
                "--store",
                str(tmp_path / "s"),
                "--port",
                str(port),
            ],
        )
    assert result.exit_code == 1
    assert f"127.0.0.1:{port} is already in use" in result.output


def test_push_options_keep_the_password_out_of_their_repr() -> None:
    import plangraph

    options = plangraph.PushOptions(user="dba", password="secret-word")
    assert "secret-word" not in repr(options) and "user='dba'" in repr(options)
    assert (options.timeout, options.connect_timeout, options.append) == (60, 10, False)
    with pytest.raises(AttributeError):
        options.user = "other"  # type: ignore[misc]  # frozen


def _refused(url: str, data: bytes | None, content_type: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type})
    with pytest.raises(urllib.error.HTTPError) as info:
        NO_PROXY.open(request, timeout=TIMEOUT)
    return info.value.code, info.value.read().decode("utf-8")


def test_serve_refuses_deep_nesting_and_service_and_keeps_serving(server: Server) -> None:
    deep = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000
    code, text = _refused(f"{server.base}/query", deep.encode(), "application/sparql-query")
    assert (code, text) == (
        400,
        "the query nests groups or expressions over 200 levels deep; expected a flatter query\n",
    )
    # SERVICE: refused, and the address it names never hears from the server
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/ssrf"
        query = f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
        form = urllib.parse.urlencode({"query": query}).encode()
        code, text = _refused(f"{server.base}/query", form, "application/x-www-form-urlencoded")
        assert code == 400 and text.startswith("SERVICE (a federated query")
        with pytest.raises(TimeoutError):
            listener.accept()
    code, _ = _refused(
        f"{server.base}/query?" + urllib.parse.urlencode({"query": query}), None, "text/plain"
    )
    assert code == 400
    assert count_tasks(server.base) == 66  # still serving
