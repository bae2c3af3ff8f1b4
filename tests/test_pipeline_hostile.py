"""A build whose output folder is unusable, or that is interrupted: one line, nothing left."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangraph import pipeline
from plangraph.errors import WriteError
from plangraph.model import Plan


def test_an_output_folder_under_a_file_is_one_error(
    tmp_path: Path, plans: tuple[Plan, ...]
) -> None:
    taken = tmp_path / "plangraph.ttl"
    taken.write_text("a file, not a folder\n", encoding="utf-8")
    output = taken / "sub" / "plangraph.ttl"
    with pytest.raises(WriteError) as info:
        pipeline.build_to(plans[:1], (), output, analysis=False)
    assert str(info.value) == (
        f"{taken / 'sub'}: cannot write into the output folder: Not a directory"
    )


def test_an_interrupt_while_extracting_stays_an_interrupt(
    tmp_path: Path, plans: tuple[Plan, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_extract", interrupted)
    with pytest.raises(KeyboardInterrupt):  # not UnboundLocalError from the cleanup
        pipeline.build_to(plans[:1], (), tmp_path / "plangraph.ttl", analysis=False)
    assert list(tmp_path.iterdir()) == []


def test_sigterm_during_a_build_leaves_no_temporary_file(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "plangraph", "build", "-o", str(out), "-q", "-j", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(out.glob(".*.spool")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    if process.poll() is not None:
        pytest.skip("the build ended before its spool could be seen")
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    time.sleep(0.5)  # a forked worker ends once its parent is gone
    assert list(out.iterdir()) == []
    assert err.decode().strip().splitlines()[-1] == "Aborted!"
    assert process.returncode in (1, -signal.SIGINT)  # (-2: now and then, on the way out)
