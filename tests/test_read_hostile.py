"""Hostile input to the readers: streams, bombs and floods are refused with one line, before
the memory or time they would cost is spent."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from plangraph.errors import ReadError
from plangraph.read import read_file


def _fifo_fed(tmp_path: Path, data: bytes) -> tuple[Path, threading.Thread]:
    """A named pipe, and a thread writing ``data`` into it (as ``cat file |`` would)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with fifo.open("wb") as handle:
                handle.write(data)
        except BrokenPipeError:
            pass  # the reader stopped early (it refused the stream)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    return fifo, writer


def test_a_pipe_is_read_whole_not_from_its_9th_kb(tmp_path: Path, seed_text: str) -> None:
    data = seed_text.encode("utf-8")
    assert len(data) > 3 * 8192  # the sniffed head used to be lost
    regular = tmp_path / "plan.txt"
    regular.write_bytes(data)
    fifo, writer = _fifo_fed(tmp_path, data)
    from_pipe = read_file(fifo)
    writer.join(5)
    from_file = read_file(regular, str(fifo))
    assert [p.text for p in from_pipe] == [p.text for p in from_file]
    assert sum(len(p.tasks) for p in from_pipe) == sum(len(p.tasks) for p in from_file) > 20


def test_an_oversized_pipe_is_refused(
    tmp_path: Path, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plangraph import read as read_module

    monkeypatch.setattr(read_module, "MAX_BYTES", 4096)
    fifo, writer = _fifo_fed(tmp_path, b"\n" * 5000 + seed_text.encode("utf-8"))
    with pytest.raises(ReadError, match="the stream holds over") as info:
        read_file(fifo)
    writer.join(5)
    assert str(info.value).startswith(f"{fifo}: ")


def test_a_docx_flooded_with_xml_tags_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    import docx

    from plangraph.read import docx as docx_module

    path = tmp_path / "flood.docx"
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.save(str(path))
    plain = read_file(path)  # reads under the real cap
    assert plain
    monkeypatch.setattr(docx_module, "MAX_XML_TAGS", 5000)
    flood = tmp_path / "flood2.docx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(flood, "w", zipfile.ZIP_STORED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/styles.xml":  # a few thousand tags more, as <a/>
                data = data.replace(b"</w:styles>", b"<a/>" * 6000 + b"</w:styles>")
            new.writestr(item.filename, data)
    with pytest.raises(ReadError) as info:
        read_file(flood)
    assert str(info.value) == (
        f"{flood}: the .docx's XML parts hold over 5,000 tags (word/styles.xml passed it; "
        "an XML flood?); expected a Word document of a plan"
    )
