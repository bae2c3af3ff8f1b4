"""Stage 4: the graph behind a real SPARQL endpoint, and pushed to other triple stores.

:func:`serve` loads the graph file into a persistent Oxigraph store (RocksDB, under
``out/oxigraph`` by default) with ``oxigraph load`` and runs the Oxigraph server on it
(``oxigraph serve-read-only``, or ``oxigraph serve`` when writable), which speaks the SPARQL
1.1 Protocol (``/query``, ``/update``), the Graph Store Protocol (``/store``) and has a query
UI (``/``).  :func:`push` sends the graph to any SPARQL 1.1 Graph Store Protocol endpoint
(Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso) with a plain HTTP PUT or POST.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from .errors import GraphError, PlangraphError
from .store import STAMP, refresh_store

READY_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
    ".xml": "application/rdf+xml",
    ".jsonld": "application/ld+json",
}


class ServerError(PlangraphError):
    """The Oxigraph server could not be prepared, started or reached."""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """Where a running server answers."""

    base: str  # http://127.0.0.1:7878
    location: Path
    writable: bool
    pid: int
    reloaded: bool  # the store was (re)built from the graph file for this run

    @property
    def endpoint(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return f"{self.base}/query"

    @property
    def update(self) -> str | None:
        return f"{self.base}/update" if self.writable else None

    @property
    def store(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint."""
        return f"{self.base}/store"

    @property
    def ui(self) -> str:
        return f"{self.base}/"


@dataclass(frozen=True, slots=True)
class PushResult:
    url: str  # the request URL, with ?default or ?graph=IRI
    method: str
    status: int
    size: int  # bytes sent
    triples: int

    def summary(self) -> str:
        return (
            f"sent {self.triples} triples ({self.size} bytes) to {self.url} "
            f"with {self.method}: HTTP {self.status}"
        )


# --------------------------------------------------------------------------- the store


def oxigraph_command() -> str:
    """The ``oxigraph`` server binary installed with the ``oxigraph`` package."""
    names = ["oxigraph.exe", "oxigraph"] if os.name == "nt" else ["oxigraph"]
    folders = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    for folder in folders:
        for name in names:
            candidate = Path(folder) / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServerError(
        "the oxigraph server binary was not found; install it with 'pip install oxigraph'"
    )


def prepare_store(graph: Path, location: Path) -> bool:
    """Make ``location`` an Oxigraph store holding exactly ``graph``; True if (re)loaded.

    Reused while the graph file is unchanged, else loaded afresh by ``oxigraph load`` beside
    it and swapped in (``store.refresh_store``).  A folder that holds something else is
    refused, never overwritten.
    """
    if location.exists() and any(location.iterdir()) and not (location / STAMP).is_file():
        raise ServerError(
            f"{location}: the folder exists and is not a store made by plangraph serve; "
            "choose another --store folder or remove it"
        )
    return refresh_store(graph, location, _load_with_oxigraph)


def _load_with_oxigraph(graph: Path, folder: Path) -> None:
    """Load with the server's own binary, in a child process that Ctrl-C stops at once."""
    command = [oxigraph_command(), "load", "--location", str(folder), "--file", str(graph)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit status {done.returncode}"
        raise ServerError(f"{graph}: oxigraph load failed: {detail}")


# --------------------------------------------------------------------------- serving


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _probe_host(host: str) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "::1"
    return host


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((_probe_host(host), port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop (SIGINT, as Ctrl-C would), then insist."""
    if process.poll() is not None:
        return
    try:
        process.send_signal(signal.SIGINT if os.name != "nt" else signal.SIGTERM)
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM raise KeyboardInterrupt while serving, so that the server
    is stopped either way, even where the shell started us with SIGINT ignored."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous: list[tuple[signal.Signals, Any]] = []
    try:
        for name in (signal.SIGINT, signal.SIGTERM):
            previous.append((name, signal.signal(name, interrupt)))
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield
    finally:
        for name, handler in previous:
            signal.signal(name, handler)


def serve(
    graph: Path,
    location: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    on_ready: Callable[[ServerInfo], None] | None = None,
) -> int:
    """Run the Oxigraph server on the graph until it stops or is interrupted.

    Returns 0 after Ctrl-C (SIGINT) or SIGTERM, else the server's exit status.
    """
    if not 0 < port < 65536:
        raise ServerError(f"port {port}: expected a number from 1 to 65535")
    if _listening(host, port):
        raise ServerError(f"{host}:{port} is already in use; choose another --port")
    with _interruptible():
        try:
            reloaded = prepare_store(graph, location)
        except KeyboardInterrupt:
            return 0
        command = [
            oxigraph_command(),
            "serve" if writable else "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"{_url_host(host)}:{port}",
        ]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + READY_TIMEOUT
            while not _listening(host, port):
                status = process.poll()
                if status is not None:
                    raise ServerError(
                        f"oxigraph exited with status {status} before listening on {host}:{port}"
                    )
                if time.monotonic() > deadline:
                    raise ServerError(
                        f"oxigraph did not listen on {host}:{port} within {READY_TIMEOUT:.0f} s"
                    )
                time.sleep(0.05)
            info = ServerInfo(
                f"http://{_url_host(host)}:{port}", location, writable, process.pid, reloaded
            )
            if on_ready is not None:
                on_ready(info)
            return process.wait()
        except KeyboardInterrupt:
            _stop(process)
            return 0
        finally:
            _stop(process)


# --------------------------------------------------------------------------- pushing


def graph_store_url(url: str, graph_iri: str | None = None) -> str:
    """The Graph Store Protocol request URL: ``?default`` or ``?graph=IRI`` added to ``url``."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PlangraphError(
            f"{url}: expected an http:// or https:// Graph Store Protocol endpoint URL, "
            "e.g. http://127.0.0.1:7878/store"
        )
    if graph_iri is not None:
        target = urllib.parse.urlsplit(graph_iri)
        if not target.scheme or any(c in graph_iri for c in ' <>"{}|\\^`'):
            raise PlangraphError(f"--graph-iri {graph_iri}: expected an absolute IRI")
    fields = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if any(name in ("graph", "default") for name, _ in fields):
        if graph_iri is not None:
            raise PlangraphError(f"{url}: the URL already names a graph; drop --graph-iri")
        return url
    extra = "default" if graph_iri is None else "graph=" + urllib.parse.quote(graph_iri, safe="")
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def push(
    url: str,
    graph: Path,
    *,
    graph_iri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    append: bool = False,
    timeout: float = 300.0,
) -> PushResult:
    """PUT (replace) or POST (append) the graph file to a Graph Store Protocol endpoint."""
    import pyoxigraph as ox

    from .store import rdf_format

    target = graph_store_url(url, graph_iri)
    media = MEDIA_TYPES.get(graph.suffix.lower())
    if media is None:
        raise GraphError(
            f"{graph}: cannot push a {graph.suffix or 'suffix-less'} file; expected one of "
            + ", ".join(sorted(MEDIA_TYPES))
        )
    try:
        data = graph.read_bytes()
        triples = sum(1 for _ in ox.parse(data, format=rdf_format(graph)))
    except OSError as error:
        raise GraphError(f"{graph}: cannot read: {error.strerror or error}") from None
    except SyntaxError as error:
        raise GraphError(f"{graph}: not a valid RDF graph: {error}") from None
    method = "POST" if append else "PUT"
    request = urllib.request.Request(target, data=data, method=method)
    request.add_header("Content-Type", media)
    request.add_header("User-Agent", "plangraph")
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    handlers: list[urllib.request.BaseHandler] = []
    if _is_loopback(target):
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(request, timeout=timeout) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            body = error.read(500).decode("utf-8", "replace")
        detail = " ".join(body.split())[:200]
        raise PlangraphError(
            f"{target}: the server refused the graph: HTTP {error.code} {error.reason}"
            + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or error.reason
        raise PlangraphError(f"{target}: cannot connect: {reason}") from None
    except TimeoutError:
        raise PlangraphError(f"{target}: no answer within {timeout:.0f} s") from None
    except OSError as error:
        raise PlangraphError(f"{target}: connection failed: {error.strerror or error}") from None
    return PushResult(target, method, status, len(data), triples)
