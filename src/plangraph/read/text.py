"""Plain-text files: bytes -> text, in UTF-8 (with or without BOM) or GB18030/GBK."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError

MAX_BYTES = 20 * 1024 * 1024  # a plan is tens of kB; refuse anything far larger up front

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, source: str) -> str:
    """Decode a plan file: UTF-8 (with or without BOM) or GB18030/GBK, never a silent guess."""
    if not data.strip():
        raise ReadError(source, "the file is empty; expected the text of a plan")
    if data.startswith(_UTF16_BOMS):
        raise ReadError(source, "the file is UTF-16; expected UTF-8 or GB18030 text")
    if b"\x00" in data[:65536]:
        if _utf16_without_mark(data[:65536]):
            raise ReadError(
                source,
                "the file is UTF-16 (without a byte-order mark); expected UTF-8 or GB18030 text",
            )
        raise ReadError(source, "the file is binary (it contains NUL bytes); expected text")
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM) :].decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ReadError(
                source,
                "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                f"(byte {error.start}); re-save it as UTF-8 or remove the mark",
                line,
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ReadError(
            source,
            f"cannot decode byte {utf8_error.start}: expected UTF-8 or GB18030/GBK text",
            line,
        ) from None
    if not _plausible_chinese(text):
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ReadError(
            source,
            "the file is neither UTF-8 nor plausible GB18030 Chinese text "
            f"(first bad UTF-8 byte at {utf8_error.start}); expected UTF-8 or GB18030",
            line,
        )
    return text


def _utf16_without_mark(head: bytes) -> bool:
    """Whether NUL-bearing bytes read as Chinese text in UTF-16 (little- or big-endian): a
    third of it Chinese, a Chinese punctuation mark or a line break, and no control character
    (ASCII read in pairs can look Chinese)."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = head[: len(head) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        chinese = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "，。、；：（）")
        controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r")
        marks = any(ch in text for ch in "，。、；：\n")  # what a plan's text cannot lack
        if text and chinese >= 0.3 * len(text) and not controls and marks:
            return True
    return False


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte strings; accept it only if the result reads as Chinese."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    common = sum(
        1
        for ch in wide
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’—…·《》、"
    )
    odd = sum(1 for ch in text if _is_odd(ch))
    return common / len(wide) >= 0.9 and odd == 0


def _is_odd(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\n\r\t\f") or 0xE000 <= code <= 0xF8FF or code == 0xFFFD


def read_bytes(path: Path, source: str | None = None) -> bytes:
    source = source or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(
                source,
                f"the file is {size / 1e6:.0f} MB; plans are expected to be under "
                f"{MAX_BYTES // 1_000_000} MB (split it into one file per plan)",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None
    return data
