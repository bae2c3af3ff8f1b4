"""Property-based tests: whatever the text, plangraph reads it or says why in one line."""

from __future__ import annotations

import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangraph.errors import PlangraphError, ReadError
from plangraph.model import Corpus, Plan
from plangraph.read import decode, read_text

SEED_TEXT = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "plans"
    / "beautiful-china-pioneer-zones-2025.txt"
).read_text(encoding="utf-8")
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check_plan(plan: Plan) -> None:
    """The invariants every plan read keeps, whatever the input was."""
    for sentence in plan.sentences:
        assert plan.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
    keys = [task.key for task in plan.tasks]
    assert len(keys) == len(set(keys))
    for task in plan.tasks:
        assert task.start < task.end <= len(plan.text)


def read_or_refuse(text: str) -> tuple[Plan, ...]:
    try:
        plans = read_text(text, "prop.txt")
    except ReadError as error:
        message = str(error)
        assert message.startswith("prop.txt") and "\n" not in message
        return ()
    for plan in plans:
        check_plan(plan)
    return plans


@SETTINGS
@given(st.text(max_size=2000))
def test_any_unicode_text_is_read_or_refused(text: str) -> None:
    read_or_refuse(text)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_are_decoded_or_refused(data: bytes) -> None:
    try:
        text = decode(data, "prop.bin")
    except ReadError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(text, str)


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=60))
def test_shuffled_and_truncated_real_lines(rnd: random.Random, keep: int) -> None:
    lines = SEED_TEXT.split("\n")
    rnd.shuffle(lines)
    read_or_refuse("\n".join(lines[:keep]))


@SETTINGS
@given(st.integers(min_value=0, max_value=39000))
def test_plans_cut_anywhere(cut: int) -> None:
    read_or_refuse(SEED_TEXT[:cut])


@SETTINGS
@given(st.lists(st.sampled_from(["一", "二", "三", "二", "十", "二十二", "九十九"]), max_size=12))
def test_repeated_or_missing_numbering(numbers: list[str]) -> None:
    lines = ["某地区生态环境保护行动方案", "一、重点任务"]
    lines += [f"({n})任务{n}。开展工作。" for n in numbers]
    for plan in read_or_refuse("\n".join(lines)):
        assert len(plan.tasks) == len(numbers)


def test_enormous_lines_do_not_hang() -> None:
    started = time.process_time()  # this process's CPU: a busy machine does not count
    for filler in ("到2027年," * 200_000, "(" * 500_000, "《" * 300_000 + "方案", "一、" * 300_000):
        read_or_refuse("某地区行动方案\n一、总体要求\n" + filler + "\n(一)任务。正文。")
    assert time.process_time() - started < 60  # generous: a backtracking regex would take hours


def test_whole_pipeline_on_mangled_plans_builds_or_refuses() -> None:
    """Extraction and graph building accept whatever the reader accepts."""
    from plangraph.extract import extract
    from plangraph.graph import corpus_triples

    rnd = random.Random(7)
    lines = SEED_TEXT.split("\n")
    for _ in range(15):
        sample = lines[:]
        rnd.shuffle(sample)
        text = "\n".join(sample[: rnd.randint(5, len(sample))])
        try:
            plans = read_text(text, "mangled.txt")
            corpus = Corpus(plans, extract(plans))
            assert corpus_triples(corpus)
        except PlangraphError as error:
            assert "\n" not in str(error)
