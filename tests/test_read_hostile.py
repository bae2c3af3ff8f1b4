"""Hostile input to the readers: streams, bombs and floods are refused with one line, before
the memory or time they would cost is spent."""

from __future__ import annotations

import base64
import binascii
import os
import threading
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

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


def _pdf(pages: int, content: bytes, encoding: str | None = None) -> bytes:
    """A PDF of ``pages`` pages sharing one Flate content stream, the stream encoded as text
    (``ASCII85Decode`` or ``ASCIIHexDecode``) before Flate where ``encoding`` says so."""
    stream = zlib.compress(content, 9)
    filters = b"/FlateDecode"
    if encoding == "ASCII85Decode":
        stream, filters = (
            base64.a85encode(stream, wrapcol=76) + b"~>",
            b"[/ASCII85Decode /FlateDecode]",
        )
    elif encoding == "ASCIIHexDecode":
        stream, filters = binascii.hexlify(stream) + b">", b"[/ASCIIHexDecode /FlateDecode]"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter %s >>\nstream\n%s\nendstream" % (len(stream), filters, stream),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    page += b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    return _assemble([*bodies, *[page] * pages])


def _assemble(bodies: list[bytes]) -> bytes:
    """A PDF of these objects (1, 2, …), the first the catalog."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out)


TEXT_OBJECT = b"BT /F1 12 Tf 72 700 Td (plan) Tj ET\n"


def test_a_pdf_flate_bomb_is_refused_before_pdfium_inflates_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf(1, b" " * 40_000_000 + TEXT_OBJECT))
    assert path.stat().st_size < 100_000
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value) == (
        f"{path}: a stream in the PDF unpacks to over 32 MB (a decompression bomb?); "
        "refusing to read it"
    )


@pytest.mark.parametrize("encoding", ["ASCII85Decode", "ASCIIHexDecode"])
def test_a_flate_bomb_wrapped_in_a_text_encoding_is_refused(tmp_path: Path, encoding: str) -> None:
    from plangraph.read.pdf_guard import check_streams

    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf(1, b" " * 40_000_000 + TEXT_OBJECT, encoding))
    assert path.stat().st_size < 200_000
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value) == (
        f"{path}: a stream in the PDF unpacks to over 32 MB (a decompression bomb?); "
        "refusing to read it"
    )
    # the same encodings around a plan-sized stream pass the check, decoded across chunks
    path.write_bytes(_pdf(1, TEXT_OBJECT * 20_000, encoding))
    check_streams(path, str(path))


def test_ascii85_is_decoded_whole_across_chunks() -> None:
    from plangraph.read.pdf_guard import _ascii85

    data = bytes(range(256)) * 700 + b"\0" * 40  # z groups too
    text = base64.a85encode(data, wrapcol=61) + b"~>"
    chunks = iter([text[i : i + 997] for i in range(0, len(text), 997)])
    assert b"".join(_ascii85(chunks)) == data


def test_a_pdf_flood_of_text_objects_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plangraph.read import pdf_guard

    monkeypatch.setattr(pdf_guard, "MAX_TEXT_OBJECTS", 1000)
    path = tmp_path / "flood.pdf"
    path.write_bytes(_pdf(1, TEXT_OBJECT * 1001))
    with pytest.raises(ReadError, match=r"flood\.pdf: a stream in the PDF holds over 1,000 text"):
        read_file(path)
    # a stream shared by many pages: each page loads it again; the objects are summed
    monkeypatch.setattr(pdf_guard, "MAX_PAGE_OBJECTS", 5000)
    path.write_bytes(_pdf(20, TEXT_OBJECT * 900))
    with pytest.raises(ReadError, match=r"flood\.pdf: the PDF's pages hold over 5,000 objects"):
        read_file(path)


def test_an_mhtml_page_over_the_html_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plangraph.read import mhtml

    monkeypatch.setattr(mhtml, "MAX_BYTES", 10_000)

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the archive was parsed before its page's size was checked")

    monkeypatch.setattr(mhtml.email, "message_from_bytes", parse)
    page = "<html><body><p>一、总体要求</p>" + "<br>" * 5000 + "</body></html>"
    path = tmp_path / "flood.mhtml"
    path.write_text(
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n--B\n'
        f"Content-Type: text/html; charset=utf-8\n\n{page}\n--B--\n",
        encoding="utf-8",
    )
    with pytest.raises(ReadError, match=r"flood\.mhtml: the web archive's page is 0 MB; web pages"):
        read_file(path)


def test_a_pdf_page_tree_pointing_at_itself_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(
        _assemble(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
            ]
        )
    )
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value) == (
        f"{path}: page 1 of the PDF cannot be loaded (Failed to load page; a damaged page tree?)"
    )


def test_an_over_long_sentence_is_cut_at_its_clause_marks() -> None:
    from plangraph.read import split_sentences
    from plangraph.read.writer import MAX_SENTENCE

    clause = "推进生态保护修复和环境治理，"  # 14 characters
    line = clause * 400  # 5,600 characters and no sentence end
    spans = split_sentences(line)
    assert len(spans) == 6  # 994 characters each (71 clauses), then the rest
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert all(line[end - 1] == "，" for _, end in spans[:-1])  # cut after a clause mark
    assert "".join(line[start:end] for start, end in spans) == line
    unmarked = "水" * 2500
    assert split_sentences(unmarked) == [(0, 1000), (1000, 2000), (2000, 2500)]
    ordinary = clause * 60 + "。"  # 841 characters: one sentence, as before
    assert split_sentences(ordinary) == [(0, len(ordinary))]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(codec: str) -> None:
    from plangraph.read import decode

    data = "一、总体要求\n到2025年，全市空气质量优良天数比例达到85%。\n".encode(codec)
    with pytest.raises(ReadError) as info:
        decode(data, "plan.txt")
    assert str(info.value) == (
        "plan.txt: the file is UTF-16 (without a byte-order mark); expected UTF-8 or GB18030 text"
    )
    with pytest.raises(ReadError, match="binary"):
        decode(b"\x00\x01\x02garbage\x00" * 20, "junk.bin")


def test_a_web_page_nested_300_deep_still_gives_its_text(tmp_path: Path, seed_text: str) -> None:
    import html

    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in seed_text.splitlines())
    page = tmp_path / "deep.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>'
        + "<div>" * 300
        + paragraphs
        + "</div>" * 300
        + "</body></html>",
        encoding="utf-8",
    )
    flat = tmp_path / "flat.txt"
    flat.write_text(seed_text, encoding="utf-8")
    deep, plain = read_file(page), read_file(flat)
    assert [len(p.tasks) for p in deep] == [len(p.tasks) for p in plain]
    assert sum(len(p.tasks) for p in deep) > 20


def test_a_pdf_whose_only_text_is_on_every_page_says_so(tmp_path: Path) -> None:
    path = tmp_path / "header.pdf"
    header = b"BT /F1 12 Tf 72 800 Td (Provincial action plan for the rivers and lakes) Tj ET"
    path.write_bytes(_pdf(4, header))  # the same line at the same place on four pages
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value) == (
        f"{path}: the PDF's only text repeats on every page (a running header?)"
    )


# ------------------------------------------------------------------ long lines, streams by format


@pytest.mark.parametrize("run", [".", "-", "…", "·", "_"])
def test_a_long_run_of_leaders_that_does_not_end_the_line_is_read_at_once(
    tmp_path: Path, runner: CliRunner, run: str
) -> None:
    """A run of dots or dashes looked like a table of contents' leader wherever it started:
    20,000 dots and a letter took minutes (every start tried to the end of the line)."""
    from plangraph.cli import cli

    path = tmp_path / "dots.txt"
    path.write_text(run * 20_000 + "x", encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"Error: {path}: no recognisable plan")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_release_searches_skip_a_long_line_quickly(seed_text: str) -> None:
    """A 文号 is looked for where its bracketed year is printed, a deadline and an indicator
    table's header where their first character is: a line of a million characters without
    punctuation is searched in well under a second each (it was seconds each)."""
    from plangraph.read.loose_tables import join_loose_tables
    from plangraph.read.release import find_document_number
    from plangraph.read.unnumbered import commits

    prose = "".join(c for c in seed_text if "\u4e00" <= c <= "\u9fff")
    line = (prose * (1_000_000 // len(prose) + 1))[:1_000_000]
    for search in (find_document_number, commits, lambda x: join_loose_tables([x], [1])):
        started = time.perf_counter()
        search(line)
        assert time.perf_counter() - started < 1.5, search
    assert find_document_number(line + "经研究，现将国发〔2023〕24号印发") is not None


def test_a_pdf_through_a_pipe_is_held_to_a_pdfs_cap_not_a_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stream is capped by the format its first bytes show, as a file of that format is."""
    from plangraph import read as read_module
    from plangraph.read import pdf as pdf_module

    monkeypatch.setattr(read_module, "MAX_BYTES", 4096)  # a text's cap
    data = b"%PDF-1.7\n" + b"%" * 20_000 + b"\n%%EOF\n"  # over a text's cap, not a PDF's
    fifo, writer = _fifo_fed(tmp_path, data)
    with pytest.raises(ReadError) as info:
        read_file(fifo)
    writer.join(5)
    assert "the stream holds over" not in str(info.value)  # read as a PDF (a damaged one)
    monkeypatch.setattr(pdf_module, "MAX_PDF_BYTES", 8192)
    fifo.unlink()
    fifo, writer = _fifo_fed(tmp_path, data)
    with pytest.raises(ReadError, match="the stream holds over 0 MB; a PDF read from a pipe"):
        read_file(fifo)
    writer.join(5)
