"""The front of ``plangraph serve``: a small HTTP relay before the Oxigraph server that
refuses what :mod:`plangraph.sparql.guard` refuses, before Oxigraph sees it.

Oxigraph's server parses every query it is sent: a query nested some thousands of levels
deep overflows its stack (the server dies), and ``SERVICE`` makes it send an HTTP request
wherever the query says.  So the server listens on a private loopback port and this relay on
the address the user asked for: each request's query or update (``?query=``, a form field,
or an ``application/sparql-query`` body) is checked, a refused one answered with
``400 Bad Request`` and one line of plain text, every other request passed on as it came
and its answer streamed back.
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .sparql.guard import refusal

# headers that concern one connection, not the request (RFC 9110, 7.6.1)
_HOP = frozenset(
    {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding",
     "upgrade", "host"}
)  # fmt: skip
_CHUNK = 1 << 16


def free_port() -> int:
    """A loopback port free at the moment of asking."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def request_refusal(target: str, content_type: str, body: bytes) -> str | None:
    """Why a request to the endpoint is refused, or None: the queries and updates in its
    URL, its form fields or its SPARQL body."""
    texts = []
    fields = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query)
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        fields_body = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        for name, values in fields_body.items():
            fields.setdefault(name, []).extend(values)
    elif kind in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "replace"))
    texts += fields.get("query", []) + fields.get("update", [])
    for text in texts:
        reason = refusal(text)
        if reason is not None:
            return reason
    return None


class Relay(ThreadingHTTPServer):
    """Listens where the user asked; passes allowed requests on to ``upstream``."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], upstream: tuple[str, int]) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.upstream = upstream

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="serve-relay", daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    server: Relay

    def log_message(self, format: str, *args: object) -> None:
        pass  # as quiet as Oxigraph's own server

    def do_GET(self) -> None:
        self._relay()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET

    def _relay(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._answer(411, "send the request with a Content-Length")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        reason = request_refusal(self.path, self.headers.get("Content-Type", ""), body)
        if reason is not None:
            self._answer(400, reason)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        connection = http.client.HTTPConnection(*self.server.upstream)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in _HOP:
                    self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                while chunk := answer.read(_CHUNK):
                    self.wfile.write(chunk)
        except OSError:
            self.close_connection = True  # the client or the server went away
        finally:
            connection.close()

    def _answer(self, status: int, text: str) -> None:
        data = (text + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
