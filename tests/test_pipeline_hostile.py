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
