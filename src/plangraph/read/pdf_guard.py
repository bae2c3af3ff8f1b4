"""Refuse a hostile PDF before PDFium spends the memory on it: decompression bombs and floods
of text objects.

PDFium inflates a page's content streams whole when it loads the page and builds an object
for every text run in them, so a 1 MB file can ask for gigabytes.  Before any page is
loaded, every Flate stream in the file is inflated here in bounded chunks (through a memory
map: the file is not read into memory) and refused when it unpacks to more than
:data:`MAX_STREAM_BYTES` or starts more than :data:`MAX_TEXT_OBJECTS` text objects (``BT``).
A plan's largest stream is under 2 MB and holds a few hundred text objects (the ten real
plans: 1.7 MB, 236); the scan costs ~10 ms a MB of PDF.  A Flate stream first encoded as
text (``/Filter [/ASCII85Decode /FlateDecode]``, or ``/ASCIIHexDecode``) is decoded chunk by
chunk on the way; streams under other filters are not looked into (PDFium decodes those
within its own limits).
"""

from __future__ import annotations

import base64
import binascii
import mmap
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError

MAX_STREAM_BYTES = 32_000_000
MAX_TEXT_OBJECTS = 100_000  # per stream
MAX_PAGE_OBJECTS = 2_000_000  # over all pages loaded (a stream can be shared by many pages)

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_CHUNK = 1 << 16
#: The text encodings a Flate stream may be wrapped in, before Flate in its filter array.
_ASCII85 = re.compile(rb"/(?:ASCII85Decode|A85)\b")
_ASCIIHEX = re.compile(rb"/(?:ASCIIHexDecode|AHx)\b")
_WHITESPACE = re.compile(rb"[\x00\t\n\x0c\r ]+")
#: Whole ASCII85 groups: five characters, or z for four zero bytes.
_A85_GROUPS = re.compile(rb"(?:z|[!-u]{5})*")


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
                head = head[head.rfind(b"obj") + 1 :]
                flate = head.find(b"Flate")
                if flate < 0:
                    continue
                chunks = _raw(data, match.end())
                if _ASCII85.search(head, 0, flate):
                    chunks = _ascii85(chunks)
                elif _ASCIIHEX.search(head, 0, flate):
                    chunks = _ascii_hex(chunks)
                _check_one(chunks, source)
    except (OSError, ValueError) as error:  # ValueError: an empty file cannot be mapped
        if isinstance(error, OSError):
            raise ReadError(source, f"cannot read: {error.strerror or error}") from None


def _raw(data: mmap.mmap, position: int) -> Iterator[bytes]:
    """The file from ``position`` on, a chunk at a time."""
    while chunk := data[position : position + _CHUNK]:
        position += len(chunk)
        yield chunk


def _ascii85(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """ASCII85 text decoded a chunk at a time, up to its end mark ``~>``; a character outside
    the encoding ends it (PDFium decides what to make of a damaged stream)."""
    carry = b""
    for chunk in chunks:
        end = chunk.find(b"~")
        text = carry + _WHITESPACE.sub(b"", chunk if end < 0 else chunk[:end])
        whole = _A85_GROUPS.match(text).end()  # type: ignore[union-attr]  # always matches
        last = end >= 0
        if last or len(text) - whole >= 5:
            whole = len(text)  # the final partial group, or a damaged one
        try:
            yield base64.a85decode(text[:whole])
        except ValueError:
            return
        carry = text[whole:]
        if last:
            return


def _ascii_hex(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """ASCIIHex text decoded a chunk at a time, up to its end mark ``>``."""
    carry = b""
    for chunk in chunks:
        end = chunk.find(b">")
        text = carry + _WHITESPACE.sub(b"", chunk if end < 0 else chunk[:end])
        whole = len(text) if end >= 0 else len(text) - len(text) % 2
        if end >= 0 and whole % 2:
            text += b"0"  # an odd final digit is followed by 0
            whole += 1
        try:
            yield binascii.unhexlify(text[:whole])
        except binascii.Error:
            return
        carry = text[whole:]
        if end >= 0:
            return


def _check_one(chunks: Iterator[bytes], source: str) -> None:
    inflater = zlib.decompressobj()
    produced = texts = 0
    last = b""
    try:
        while not inflater.eof:
            tail = inflater.unconsumed_tail
            if not tail:
                tail = next(chunks, b"")
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
