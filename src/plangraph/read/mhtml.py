"""Web archives (.mhtml, .mht): a page saved as one file ("Webpage, Single File" in Chrome
and Edge, "Web Archive" in older Internet Explorer and WPS).

The file is a MIME message (RFC 2557, multipart/related) holding the page's HTML and its
images and styles as parts.  The page is its first text/html part (the one the archive's
Snapshot-Content-Location or Content-Location names, when it says); that part is decoded from
its transfer encoding (quoted-printable or base64) and read by the web page reader, with the
charset its MIME header declares.  Images and styles are never decoded.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path

from ..errors import ReadError
from .html import extract as extract_html

MAX_MHTML_BYTES = 100_000_000  # the archive, images included
MAX_PARTS = 10_000


def extract(path: Path, source: str) -> str:
    """The article text of a saved single-file web page, one paragraph a line."""
    data = _read(path, source)
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    page = _page(message, source)
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ReadError(source, "the web archive's page is empty; expected a saved web page")
    return extract_html(payload, source, charset=page.get_content_charset())


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


def _page(message: Message, source: str) -> Message:
    """The archive's HTML page: the part at its snapshot location, else the first HTML part."""
    wanted = message.get("Snapshot-Content-Location") or message.get("Content-Location")
    pages: list[Message] = []
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            raise ReadError(
                source, f"the web archive has over {MAX_PARTS:,} parts; expected a saved page"
            )
        if part.get_content_type() == "text/html":
            pages.append(part)
    if not pages:
        raise ReadError(
            source, "a web archive (.mhtml) without an HTML page inside; expected a saved web page"
        )
    for part in pages:
        if wanted and part.get("Content-Location") == wanted:
            return part
    return pages[0]
