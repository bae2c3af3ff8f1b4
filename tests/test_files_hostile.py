"""Writing outputs: a regular file is replaced atomically; a link or a device is written
through, never replaced."""

from __future__ import annotations

import os
from pathlib import Path

from plangraph.files import write_atomic


def test_a_regular_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "out.nt"
    path.write_bytes(b"old")
    inode = path.stat().st_ino
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_ino != inode  # a new file renamed into place
    assert os.listdir(tmp_path) == ["out.nt"]


def test_a_symlink_stays_and_its_file_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.nt"
    real.write_bytes(b"old")
    link = tmp_path / "link.nt"
    link.symlink_to(real)
    assert write_atomic(link, b"new") == link
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer can open it
    try:
        write_atomic(fifo, b"through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert fifo.is_fifo()
