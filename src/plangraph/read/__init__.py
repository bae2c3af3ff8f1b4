"""Stage 1: files -> normalized text -> :class:`~plangraph.model.Plan` objects.

One module per input format turns a file into text, one paragraph a line and a table row as
TAB-separated cells (``text``, ``html``, ``mhtml``, ``docx``, ``doc``, ``pdf``); which one is
chosen by what the file holds, not by its extension (:func:`sniff`); ``normalize`` normalizes
it once; ``structure`` finds the plans, their sections, tasks and sentences; ``release`` reads
who issued a plan, for which area, and the counts its release states.  Every offset later in
the pipeline indexes the normalized text of one plan (``Plan.text``), which is also what the
graph stores.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import ReadError
from ..model import MediaType, Plan
from ..vocab import cn_number
from .area import region_slug
from .normalize import Document, normalize
from .release import _unique_ids, check_counts, reading_caveats, unread_pictures
from .structure import parse, split_sentences
from .text import MAX_BYTES, decode, read_bytes

__all__ = [
    "MAX_BYTES",
    "Document",
    "check_counts",
    "cn_number",
    "decode",
    "normalize",
    "read_file",
    "read_plans",
    "read_text",
    "reading_caveats",
    "region_slug",
    "sniff",
    "split_sentences",
    "unread_pictures",
]

# what a folder is searched for (.wps: what WPS Office saves in the Word 97 format)
SUFFIXES = (".txt", ".html", ".htm", ".mhtml", ".mht", ".docx", ".doc", ".wps", ".pdf")
KINDS = ".txt, .html, .mhtml, .docx, .doc or .pdf"  # as error messages name them
TEXT: MediaType = "text/plain"
HTML: MediaType = "text/html"
MHTML: MediaType = "multipart/related"
DOCX: MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC: MediaType = "application/msword"
PDF: MediaType = "application/pdf"


def read_plans(paths: Sequence[str | os.PathLike[str]] | None = None) -> tuple[Plan, ...]:
    """Read plans from files or folders (every ``.txt`` inside); None reads the bundled seed."""
    if paths is None:
        from ..resources import seed_plan_paths

        files: list[Path] = list(seed_plan_paths())
    else:
        files = list(_expand(paths))
    plans: list[Plan] = []
    for path in files:
        plans.extend(read_file(path))
    return _unique_ids(plans)


def read_file(path: Path, source: str | None = None) -> tuple[Plan, ...]:
    """Read every plan in one file, whatever its format (text, web page, Word, PDF).

    A pipe or device (``/dev/stdin``, ``<(...)``) can be read only once and has no size: it
    is copied, at most :data:`MAX_BYTES`, to a private temporary file that is read instead."""
    source = source or str(path)
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None
    if regular:
        return _read_regular(path, source)
    folder = tempfile.mkdtemp(prefix="plangraph-stream-")
    try:
        copy = Path(folder) / "input"
        _copy_stream(path, copy, source)
        return _read_regular(copy, source)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_stream(path: Path, copy: Path, source: str) -> None:
    """Copy a stream to ``copy`` once, in chunks, refusing it past the cap of the format its
    first bytes show (:func:`_stream_cap`): a PDF piped in is held to a PDF file's cap, a text
    to a text file's."""
    copied = 0
    head = b""  # the first bytes, until there are enough to tell the format by
    cap, kind = MAX_BYTES, "plan"
    try:
        with path.open("rb") as stream, copy.open("wb") as out:
            while chunk := stream.read(1 << 20):
                if len(head) < _HEAD:
                    head += chunk[:_HEAD]
                    cap, kind = _stream_cap(head)
                copied += len(chunk)
                if copied > cap:
                    raise ReadError(
                        source,
                        f"the stream holds over {cap // 1_000_000} MB; a {kind} read from a "
                        "pipe or device is expected to be under that (save it to a file)",
                    )
                out.write(chunk)
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None


def _stream_cap(head: bytes) -> tuple[int, str]:
    """The most bytes a stream that starts with ``head`` may hold, and what it is: the cap a
    file of the same format has (a PDF 200 MB, a Word file or a web archive 100 MB, a text or
    a web page :data:`MAX_BYTES`), told by the same first bytes as :func:`sniff`."""
    from .doc import MAX_DOC_BYTES
    from .docx import MAX_DOCX_BYTES
    from .mhtml import MAX_MHTML_BYTES
    from .pdf import MAX_PDF_BYTES

    if b"%PDF-" in head[:1024]:
        return MAX_PDF_BYTES, "PDF"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return MAX_DOCX_BYTES, "Word .docx"
    if head.startswith(_OLE):
        return MAX_DOC_BYTES, "Word .doc"
    if _is_mhtml(head):
        return MAX_MHTML_BYTES, "web archive"
    return MAX_BYTES, "plan in text or HTML"


def _read_regular(path: Path, source: str) -> tuple[Plan, ...]:
    media_type = sniff(path, source)
    pictures: tuple[int, ...] = ()
    if media_type == PDF:
        from .pdf import read as read_pdf

        pdf = read_pdf(path, source)
        text, pictures = pdf.text, pdf.picture_pages
    elif media_type == DOCX:
        from .docx import extract as extract_docx

        text = extract_docx(path, source)
    elif media_type == DOC:
        from .doc import extract as extract_doc

        text = extract_doc(path, source)
    elif media_type == MHTML:
        from .mhtml import extract as extract_mhtml

        text = extract_mhtml(path, source)
    elif media_type == HTML:
        from .html import extract as extract_html

        text = extract_html(read_bytes(path, source), source)
    else:
        text = decode(read_bytes(path, source), source)
    return tuple(
        replace(plan, media_type=media_type, picture_pages=pictures)
        for plan in read_text(text, source)
    )


def sniff(path: Path, source: str | None = None) -> MediaType:
    """The media type of a plan file, from its first bytes: PDF, Word .docx or .doc, a web
    archive, HTML or text."""
    source = source or str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ReadError(
                source, f"a damaged or truncated zip/.docx file ({error}); expected a Word .docx"
            ) from None
        if "word/document.xml" in names:
            return DOCX
        raise ReadError(
            source,
            f"a zip archive that is not a Word .docx (no word/document.xml); expected a {KINDS} "
            "plan",
        )
    if head.startswith(_OLE):  # an OLE compound file
        return DOC  # read/doc.py refuses one that holds no Word document
    if head.startswith(b"{\\rtf"):
        raise ReadError(source, "an RTF file; save it as .docx, PDF or UTF-8 text first")
    if _is_mhtml(head):
        return MHTML
    if _looks_like_html(head):
        return HTML
    return TEXT


_HEAD = 8192  # how many first bytes tell a file's format (:func:`sniff`)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of an OLE compound file (.doc)


def _is_mhtml(head: bytes) -> bool:
    """Whether a file's first bytes are the headers of a web archive (multipart/related)."""
    lowered = head[:2048].lstrip().lower()
    return (
        lowered.startswith((b"mime-version:", b"from:", b"content-type:", b"subject:", b"date:"))
        and b"multipart/related" in lowered
    )


def _looks_like_html(head: bytes) -> bool:
    from .html import looks_like_html

    return looks_like_html(head)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterable[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        try:
            mode = os.stat(path).st_mode  # through links: a loop says so (ELOOP)
        except FileNotFoundError:
            if path.is_symlink():
                raise ReadError(str(path), "the symbolic link points to a missing file") from None
            raise ReadError(
                str(path), f"no such file or folder; expected a plan ({KINDS})"
            ) from None
        except OSError as error:  # e.g. a symlink loop
            raise ReadError(str(path), f"cannot open: {error.strerror or error}") from None
        if stat.S_ISDIR(mode):
            try:
                found = sorted(
                    p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
                )
            except OSError as error:
                raise ReadError(
                    str(path), f"cannot read the folder: {error.strerror or error}"
                ) from None
            if not found:
                raise ReadError(
                    str(path),
                    f"the folder holds no plan files; expected {KINDS} files",
                )
            yield from found
        else:
            yield path


def read_text(data: str | bytes, source: str = "<text>") -> tuple[Plan, ...]:
    """Read every plan in one text (or undecoded bytes) that came from ``source``."""
    text = decode(data, source) if isinstance(data, bytes) else data
    if not text.strip():
        raise ReadError(source, "the file is empty; expected the text of a plan")
    return parse(normalize(text, source))
