"""Refuse a hostile PDF before PDFium spends the memory on it: decompression bombs and floods
of text objects.

PDFium inflates a page's content streams whole when it loads the page and builds an object
for every text run in them, so a 1 MB file can ask for gigabytes.  Before any page is
loaded, every Flate stream in the file is inflated here in bounded chunks (through a memory
map: the file is not read into memory) and refused when it unpacks to more than
:data:`MAX_STREAM_BYTES` or starts more than :data:`MAX_TEXT_OBJECTS` text objects (``BT``).
A plan's largest stream is under 2 MB and holds a few hundred text objects (the ten real
plans: 1.7 MB, 236); the scan costs ~10 ms a MB of PDF.  Streams under other filters are not
looked into (PDFium decodes those within its own limits).
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from ..errors import ReadError

MAX_STREAM_BYTES = 32_000_000
MAX_TEXT_OBJECTS = 100_000  # per stream
MAX_PAGE_OBJECTS = 2_000_000  # over all pages loaded (a stream can be shared by many pages)

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_CHUNK = 1 << 16


def check_streams(path: Path, source: str) -> None:
    """Raise :class:`ReadError` when a Flate stream of the PDF at ``path`` is a bomb."""
    try:
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            for match in _STREAM.finditer(data):
                start = match.start()
                if data[max(0, start - 3) : start] == b"end":
                    continue
                head = data[max(0, start - 2048) : start]
                if b"Flate" in head[head.rfind(b"obj") + 1 :]:
                    _check_one(data, match.end(), source)
    except (OSError, ValueError) as error:  # ValueError: an empty file cannot be mapped
        if isinstance(error, OSError):
            raise ReadError(source, f"cannot read: {error.strerror or error}") from None


def _check_one(data: mmap.mmap, position: int, source: str) -> None:
    inflater = zlib.decompressobj()
    produced = texts = 0
    last = b""
    try:
        while not inflater.eof:
            tail = inflater.unconsumed_tail
            if not tail:
                tail = data[position : position + _CHUNK]
                position += len(tail)
                if not tail:
                    return
            out = inflater.decompress(tail, _CHUNK * 16)
            produced += len(out)
            texts += (last + out).count(b"BT")
            last = out[-1:]
            if produced > MAX_STREAM_BYTES:
                raise ReadError(
                    source,
                    f"a stream in the PDF unpacks to over {MAX_STREAM_BYTES // 1_000_000} MB "
                    "(a decompression bomb?); refusing to read it",
                )
            if texts > MAX_TEXT_OBJECTS:
                raise ReadError(
                    source,
                    f"a stream in the PDF holds over {MAX_TEXT_OBJECTS:,} text objects; "
                    "expected the pages of a plan",
                )
    except zlib.error:
        return  # damaged or not zlib: PDFium decides what to make of it


def check_page_objects(total: int, source: str) -> None:
    """Refuse once the pages loaded so far hold over :data:`MAX_PAGE_OBJECTS` objects."""
    if total > MAX_PAGE_OBJECTS:
        raise ReadError(
            source,
            f"the PDF's pages hold over {MAX_PAGE_OBJECTS:,} objects; expected the pages of a plan",
        )
