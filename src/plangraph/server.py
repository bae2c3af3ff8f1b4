"""Stage 4: the graph behind a real SPARQL endpoint, and pushed to other triple stores.

:func:`serve` loads the graph file into a persistent Oxigraph store (RocksDB, under
``out/oxigraph`` by default) with ``oxigraph load`` and runs the Oxigraph server on it
(``oxigraph serve-read-only``, or ``oxigraph serve`` when writable), which speaks the SPARQL
1.1 Protocol (``/query``, ``/update``), the Graph Store Protocol (``/store``) and has a query
UI (``/``).  :func:`push` sends the graph to any SPARQL 1.1 Graph Store Protocol endpoint
(Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso) with a plain HTTP PUT or POST.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from .errors import GraphError, ServerError

if TYPE_CHECKING:
    import requests
    from requests.auth import AuthBase

READY_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
    ".xml": "application/rdf+xml",
    ".jsonld": "application/ld+json",
}


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
    from .store import STAMP, refresh_store  # lazy: pyoxigraph; the CLI imports this module

    if location.exists() and any(location.iterdir()) and not (location / STAMP).is_file():
        raise ServerError(
            "the folder exists and is not a store made by plangraph serve; "
            "choose another --store folder or remove it",
            source=location,
        )
    return refresh_store(graph, location, _load_with_oxigraph)


def _load_with_oxigraph(graph: Path, folder: Path) -> None:
    """Load with the server's own binary, in a child process that Ctrl-C stops at once."""
    command = [oxigraph_command(), "load", "--location", str(folder), "--file", str(graph)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit status {done.returncode}"
        raise ServerError(f"oxigraph load failed: {detail}", source=graph)


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


def _pass_on_stderr(process: subprocess.Popen[bytes]) -> None:
    """Pass Oxigraph's messages on to ours, but for the line naming its private port (the
    relay's address is the endpoint; a client sent to Oxigraph's own would bypass it)."""

    def forward() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if not line.startswith(b"Listening for requests at "):
                sys.stderr.write(line.decode("utf-8", "replace"))
                sys.stderr.flush()

    threading.Thread(target=forward, name="oxigraph-stderr", daemon=True).start()


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
        from .serve_guard import Relay, free_port

        # Oxigraph on a private loopback port, behind a relay that refuses deep nesting and
        # SERVICE before Oxigraph parses them (serve_guard)
        inner = free_port()
        command = [
            oxigraph_command(),
            "serve" if writable else "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{inner}",
        ]
        try:
            relay = Relay((host, port), ("127.0.0.1", inner))
        except OSError as error:
            raise ServerError(
                f"cannot listen on {host}:{port}: {error.strerror or error}"
            ) from None
        relaying: threading.Thread | None = None
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _pass_on_stderr(process)
        try:
            deadline = time.monotonic() + READY_TIMEOUT
            while not _listening("127.0.0.1", inner):
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
            relaying = relay.start()
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
            if relaying is not None:
                relay.shutdown()  # waits for its loop: only once it runs
            relay.server_close()


# --------------------------------------------------------------------------- pushing


def graph_store_url(url: str, graph_iri: str | None = None) -> str:
    """The Graph Store Protocol request URL: ``?default`` or ``?graph=IRI`` added to ``url``."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ServerError(
            "expected an http:// or https:// Graph Store Protocol endpoint URL, "
            "e.g. http://127.0.0.1:7878/store",
            source=url,
        )
    if graph_iri is not None:
        target = urllib.parse.urlsplit(graph_iri)
        if not target.scheme or any(c in graph_iri for c in ' <>"{}|\\^`'):
            raise ServerError(f"--graph-iri {graph_iri}: expected an absolute IRI")
    fields = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if any(name in ("graph", "default") for name, _ in fields):
        if graph_iri is not None:
            raise ServerError("the URL already names a graph; drop --graph-iri", source=url)
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


CONNECT_TIMEOUT = 10.0  # seconds to open the connection
TRANSFER_TIMEOUT = 60.0  # seconds the server may stay silent while the graph is sent or loaded


@dataclass(frozen=True, slots=True)
class PushOptions:
    """How :func:`push` sends a graph: into which graph, as whom, and how long it waits.

    ``graph_iri`` names the graph in the store (default: the default graph); ``append``
    adds to it (POST) instead of replacing it (PUT).  With ``user``, the login scheme is the
    one the server asks for.  ``connect_timeout`` bounds opening the connection,
    ``timeout`` each wait for the server while sending and for its answer (raise it for
    large graphs on slow stores).
    """

    graph_iri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    append: bool = False
    timeout: float = TRANSFER_TIMEOUT
    connect_timeout: float = CONNECT_TIMEOUT


def push(url: str, graph: Path, options: PushOptions = PushOptions()) -> PushResult:
    """PUT (replace) or POST (append) the graph file to a Graph Store Protocol endpoint.

    With ``options.user``, the login scheme is the one the server asks for
    (``WWW-Authenticate``): HTTP Digest (Virtuoso's ``/sparql-graph-crud-auth``) or Basic
    (Fuseki, GraphDB).  The password is never sent before the server has said which: a HEAD
    request (no body) asks first; where HEAD is not refused with 401, the graph is sent
    without credentials and, if the server then asks for them, once more with them.
    """
    import pyoxigraph as ox
    import requests

    from .store import check_entities, rdf_format

    target = graph_store_url(url, options.graph_iri)
    media = MEDIA_TYPES.get(graph.suffix.lower())
    if media is None:
        raise GraphError(
            f"cannot push a {graph.suffix or 'suffix-less'} file; expected one of "
            + ", ".join(sorted(MEDIA_TYPES)),
            source=graph,
        )
    try:
        data = graph.read_bytes()
        check_entities(graph, data)
        triples = sum(1 for _ in ox.parse(data, format=rdf_format(graph)))
    except OSError as error:
        raise GraphError(f"cannot read: {error.strerror or error}", source=graph) from None
    except SyntaxError as error:
        raise GraphError(f"not a valid RDF graph: {error}", source=graph) from None
    method = "POST" if options.append else "PUT"
    session = requests.Session()
    if _is_loopback(target):
        session.trust_env = False  # no proxy for this machine's own servers
    session.headers["User-Agent"] = "plangraph"
    user, password = options.user, options.password or ""
    timeouts = (options.connect_timeout, options.timeout)
    try:
        with session:
            auth = None
            if user is not None:
                probe = session.head(target, timeout=timeouts, allow_redirects=False)
                auth = _login(probe, user, password)
            response = _send(session, method, target, data, media, auth, timeouts)
            if response.status_code == 401 and user is not None and auth is None:
                auth = _login(response, user, password)
                if auth is not None:
                    response = _send(session, method, target, data, media, auth, timeouts)
    except requests.exceptions.ConnectTimeout:
        raise ServerError(
            f"cannot connect within {options.connect_timeout:g} s (--connect-timeout)",
            source=target,
        ) from None
    except requests.exceptions.ReadTimeout:
        raise ServerError(
            f"the server accepted the connection but sent no answer within "
            f"{options.timeout:g} s (--timeout)",
            source=target,
        ) from None
    except requests.exceptions.ConnectionError as error:
        raise ServerError(f"cannot connect: {_root_reason(error)}", source=target) from None
    except requests.exceptions.RequestException as error:
        raise ServerError(f"request failed: {_root_reason(error)}", source=target) from None
    if response.status_code >= 400:
        raise ServerError(_refusal(target, response, user))
    return PushResult(target, method, response.status_code, len(data), triples)


def _send(
    session: requests.Session,
    method: str,
    target: str,
    data: bytes,
    media: str,
    auth: AuthBase | None,
    timeouts: tuple[float, float],
) -> requests.Response:
    response = session.request(
        method,
        target,
        data=data,
        headers={"Content-Type": media},
        auth=auth,
        timeout=timeouts,
        allow_redirects=False,
    )
    response.content  # read the (error) page now, within the timeout  # noqa: B018
    return response


def challenges(response: requests.Response) -> list[str]:
    """The authentication schemes a 401 response offers, as named in WWW-Authenticate
    (``Digest realm="SPARQL", nonce="…", Basic realm="x"`` → Digest, Basic)."""
    header = re.sub(r'"(?:[^"\\]|\\.)*"', '""', response.headers.get("WWW-Authenticate", ""))
    schemes = []
    for piece in header.split(","):
        match = re.match(r"\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)(?:\s+|$)(?!\s*=)", piece)
        if match and not re.match(r"\s*[\w!#$%&'*+.^`|~-]+\s*=", piece):
            schemes.append(match.group(1))
    return schemes


def _login(response: requests.Response, user: str, password: str) -> AuthBase | None:
    """The requests auth for the scheme a 401 response asks for (None if it asks for none)."""
    import requests.auth

    if response.status_code != 401:
        return None
    schemes = [scheme.lower() for scheme in challenges(response)]
    if "digest" in schemes:
        return _digest(user, password, response)
    if "basic" in schemes or not schemes:
        return requests.auth.HTTPBasicAuth(user, password)
    return None


def _digest(user: str, password: str, challenge: requests.Response) -> AuthBase:
    """HTTP Digest that answers the challenge already received, so that the graph is sent
    once rather than first without credentials to fetch it."""
    import requests.auth
    import requests.utils

    auth = requests.auth.HTTPDigestAuth(user, password)
    auth.init_per_thread_state()
    header = challenge.headers.get("WWW-Authenticate", "")
    state: threading.local = getattr(auth, "_thread_local")  # noqa: B009  # not in the stubs
    state.chal = requests.utils.parse_dict_header(  # type: ignore[no-untyped-call]
        re.sub(r"(?i)^.*?\bdigest\s+", "", header, count=1)
    )
    return auth


def _refusal(target: str, response: requests.Response, user: str | None) -> str:
    """One line: the status, the server's own reason, and for 401 what it asked for."""
    message = f"{target}: the server refused the graph: HTTP {response.status_code}"
    if response.reason:
        message += f" {response.reason}"
    if response.status_code == 401:
        schemes = challenges(response)
        asked = " or ".join(schemes) if schemes else "no scheme it names"
        who = f"as {user!r}" if user is not None else "without --user"
        message += f" (login {who} failed; the server asks for {asked})"
    reason = error_text(response.text, response.headers.get("Content-Type", ""))
    skip = {str(response.status_code), (response.reason or "").lower()}
    if reason and reason.lower() not in skip:
        message += f": {reason}"
    return message


def error_text(body: str, media: str = "", limit: int = 300) -> str:
    """The reason in a server's error page: its text without markup, on one line, and
    shortened around the message (from the first line that says error, exception or
    reason) when it is long."""
    text = body
    if "html" in media.lower() or re.search(r"(?i)<(html|body|pre|p|h\d|title)\b", body):
        text = _html_text(body)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    # a title repeated as the first heading, or the status line, says nothing new
    status = re.compile(r"(?i)^(error\s+|http(/[\d.]+)?\s+)?\d{3}(\s+[\w -]+)?$")
    unique: list[str] = []
    for line in lines:
        if line not in unique and not status.fullmatch(line):
            unique.append(line)
    joined = " ".join(unique)
    if len(joined) <= limit:
        return joined
    keyword = re.compile(r"(?i)\b(error|exception|reason|cannot|not allowed|denied|invalid)\b")
    for index, line in enumerate(unique):
        if index > 0 and keyword.search(line):
            joined = " ".join(unique[index:])
            break
    return joined if len(joined) <= limit else joined[: limit - 1].rstrip() + "…"


_BLOCKS = frozenset({"p", "div", "pre", "br", "li", "tr", "title"} | {f"h{n}" for n in range(1, 7)})


def _html_text(body: str) -> str:
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "style"):
                self.skip += 1
            if tag in _BLOCKS:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style") and self.skip:
                self.skip -= 1
            if tag in _BLOCKS:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(body)
    parser.close()
    return "".join(parser.parts)


def _root_reason(error: BaseException) -> str:
    """The innermost cause of a requests error, on one line (Connection refused, …)."""
    seen = error
    while True:
        inner = seen.__cause__ or seen.__context__
        if inner is None and seen.args and isinstance(seen.args[0], BaseException):
            inner = seen.args[0]
        if inner is None or inner is seen:
            break
        seen = inner
    reason = getattr(seen, "strerror", None) or str(seen)
    reason = re.sub(r"^<[^>]*>:\s*", "", str(reason))
    reason = re.sub(
        r"^.*?Failed to establish a new connection:\s*(\[Errno -?\d+\]\s*)?", "", reason
    )
    return " ".join(reason.split()) or type(seen).__name__
