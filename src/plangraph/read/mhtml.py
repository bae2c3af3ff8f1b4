"""Web archives (.mhtml, .mht): a page saved as one file ("Webpage, Single File" in Chrome
and Edge, "Web Archive" in older Internet Explorer and WPS).

The file is a MIME message (RFC 2557, multipart/related) holding the page's HTML and its
images, styles and frames as parts.  The page is the root part: the one the multipart's
``start`` parameter names by its Content-ID (RFC 2387), else the one at the archive's
Snapshot-Content-Location (Chrome) or Content-Location, else the first text/html part.  It is
decoded from its transfer encoding (quoted-printable or base64) and read by the web page
reader, with the charset its MIME header declares (which a browser also puts before the
page's own ``<meta charset>``).  A page whose article lies in a frame (saved by Chrome as a
further text/html part) is read from the first frame that holds one.  Images and styles are
never decoded.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import re
from email.message import Message
from pathlib import Path

from ..errors import ReadError
from .html import extract as extract_html
from .text import MAX_BYTES

MAX_MHTML_BYTES = 100_000_000  # the archive, images included
MAX_PARTS = 10_000


_HEADER = re.compile(rb"(?im)^content-type:")


def extract(path: Path, source: str) -> str:
    """The article text of a saved single-file web page, one paragraph a line."""
    data = _read(path, source)
    if len(_HEADER.findall(data)) > MAX_PARTS:  # before parsing: each part costs time
        raise _too_many(source)
    least = _largest_page(data)  # before parsing: the parser holds copies of every part
    if least > MAX_BYTES:
        raise _too_large(source, least)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        pages = _pages(message, source)
    except RecursionError:
        raise ReadError(
            source, "the web archive nests its parts too deeply; expected a saved web page"
        ) from None
    first: ReadError | None = None
    for page in pages:
        payload = page.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            error = ReadError(source, "the web archive's page is empty; expected a saved web page")
        elif len(payload) > MAX_BYTES:  # the cap of a web page saved as .html
            error = _too_large(source, len(payload))
        else:
            try:
                return extract_html(payload, source, charset=_charset(page))
            except ReadError as refused:
                error = refused
        first = first or error
    assert first is not None  # _pages returns at least one page
    raise first


def _charset(part: Message) -> str | None:
    try:
        charset = part.get_content_charset()
    except (LookupError, ValueError):
        return None
    return charset if isinstance(charset, str) else None


def _too_large(source: str, size: int) -> ReadError:
    return ReadError(
        source,
        f"the web archive's page is {size / 1e6:.0f} MB; web pages are expected to be under "
        f"{MAX_BYTES // 1_000_000} MB",
    )


_BOUNDARY = re.compile(rb'(?i)boundary="?([^";\r\n]+)"?')
_HEADERS_END = re.compile(rb"\r?\n\r?\n")


def _largest_page(data: bytes) -> int:
    """The least that the archive's largest top-level HTML part decodes to, read from the
    raw bytes between its boundaries (base64 shrinks by a quarter, quoted-printable at most
    to a third)."""
    head = _HEADERS_END.search(data, 0, 65536)
    found = _BOUNDARY.search(data, 0, head.start() if head else 65536)
    if found is None:
        return 0
    marks = [m.start() for m in re.finditer(rb"(?m)^--" + re.escape(found[1]), data)]
    largest = 0
    for start, end in itertools.pairwise(marks):
        ends = _HEADERS_END.search(data, start, min(end, start + 16384))
        if ends is None:
            continue
        header = data[start : ends.start()].lower()
        if b"text/html" not in header:
            continue
        size = end - ends.end()
        if b"base64" in header:
            size = size * 3 // 4 - size // 76 - 1  # less its line breaks
        elif b"quoted-printable" in header:
            size //= 3
        largest = max(largest, size)
    return largest


def _too_many(source: str) -> ReadError:
    return ReadError(source, f"the web archive has over {MAX_PARTS:,} parts; expected a saved page")


def _read(path: Path, source: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_MHTML_BYTES:
            raise ReadError(
                source,
                f"the web archive is {size / 1e6:.0f} MB; expected under "
                f"{MAX_MHTML_BYTES // 1_000_000} MB",
            )
        return path.read_bytes()
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None


def _pages(message: Message, source: str) -> list[Message]:
    """The archive's HTML parts, its root page first: the part the ``start`` parameter names,
    else the part at the snapshot location, else the first HTML part; then its frames."""
    start = message.get_param("start")
    start = start.strip() if isinstance(start, str) else None
    wanted = message.get("Snapshot-Content-Location") or message.get("Content-Location")
    pages: list[Message] = []
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            raise _too_many(source)
        if part.get_content_type() == "text/html":
            pages.append(part)
    if not pages:
        raise ReadError(
            source, "a web archive (.mhtml) without an HTML page inside; expected a saved web page"
        )
    roots = [part for part in pages if start and str(part.get("Content-ID", "")).strip() == start]
    roots = roots or [part for part in pages if wanted and part.get("Content-Location") == wanted]
    if roots:
        pages.remove(roots[0])
        return [roots[0], *pages]
    return pages
