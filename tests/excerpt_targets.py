"""Building the real excerpts of ``tests/realplans`` and a sentence of the same shape, for the
tests of each blind round's causes (``test_targets_blind14.py``, ``test_targets_blind15.py``)."""

from __future__ import annotations

from pathlib import Path

from plangraph.api import build_corpus
from plangraph.model import Corpus, Target

REALPLANS = Path(__file__).resolve().parent / "realplans"


def excerpt_corpus(folder: str, number: str) -> Corpus:
    """The excerpt numbered ``number`` of ``realplans/FOLDER``, built."""
    return build_corpus([next((REALPLANS / folder).glob(f"{number}-*.txt"))])


def numeric(corpus: Corpus) -> list[Target]:
    """The targets with a figure."""
    return [t for t in corpus.extraction.targets if t.value is not None]


def text_targets(text: str, tmp_path: Path) -> list[Target]:
    """The numeric targets of ``text`` read as a plan of its own."""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return numeric(build_corpus([path]))
