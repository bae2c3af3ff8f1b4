"""Writing outputs atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import WriteError


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_atomic_with(path, lambda stream: stream.write(payload))


def write_atomic_with(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> Path:
    """Let ``write`` stream into a temporary file beside ``path``, then rename it into place;
    on any failure or interruption the previous file stays and the temporary one goes.

    A symbolic link is followed (the file it names is replaced, the link stays), and a
    device or pipe (``/dev/null``, ``/dev/stdout``) is written into, never replaced."""
    target = Path(path)
    try:
        special = not stat.S_ISREG(os.stat(target).st_mode)  # through any links
    except OSError:
        special = False  # missing (or unreachable: the write says why)
    if special:
        try:
            with open(target, "wb") as stream:
                write(stream)
        except OSError as error:
            raise WriteError(f"cannot write: {error.strerror or error}", source=path) from None
        return target
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise WriteError(f"cannot write: {error.strerror or error}", source=target) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WriteError(f"cannot write: {error.strerror or error}", source=target) from None
        raise
    return Path(path)
