"""The linkages' runs written straight from the results equal the general way's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from plangraph.analysis import Linkage, analyze_data
from plangraph.analysis.corpus import from_corpus
from plangraph.analysis.results import group_items, link_sources
from plangraph.analysis_turtle import linkage_run, reuse_run
from plangraph.graph import ID, PG, canonical_items
from plangraph.model import Corpus
from plangraph.turtle import make_run


def general(links: tuple[Linkage, ...]) -> object:
    return make_run(canonical_items(group_items(None, ("links", links))))


@pytest.fixture(scope="module")
def links(corpus: Corpus) -> tuple[Linkage, ...]:
    return analyze_data(from_corpus(corpus)).linkages.links


def test_every_group_of_the_seed_is_written_as_the_general_way(
    links: tuple[Linkage, ...],
) -> None:
    groups = link_sources(links)
    assert {g[1][0].kind for g in groups} >= {"theme", "indicator", "text", "outside-place"}
    for _, group in groups:
        assert linkage_run(group) == general(group)  # type: ignore[arg-type]


def test_unusual_terms_and_scores_are_written_the_same() -> None:
    plan, task = f"{ID}plan/x-2025", f"{ID}plan/x-2025/task/"
    link = Linkage(
        kind="text",
        score=1.0,
        from_plan=plan,
        from_task=task + "2",
        to_plan=f"{ID}plan/y",
        to_task=f"{ID}plan/y/task/10",
        evidence_text=('引号"与\\反斜杠', "换行\n", "乙", "甲", "乙"),
    )
    others = (
        replace(link, score=0.12345, to_task=f"{ID}plan/y/task/9"),
        replace(link, kind="theme", evidence=(f"{ID}theme/b", f"{ID}theme/a", PG + "X")),
        replace(link, kind="place", from_task=task + "10", evidence=("urn:odd",), to_plan=""),
        replace(link, score=0.0, from_task=task + "1"),
    )
    group = (link, *others)
    assert linkage_run(group) == general(group)


def test_a_node_two_linkages_share_is_left_to_the_general_way() -> None:
    link = Linkage(
        "theme", 0.5, f"{ID}plan/x", f"{ID}plan/x/task/1", f"{ID}plan/y", f"{ID}plan/y/task/1"
    )
    assert linkage_run((link, replace(link, score=0.25))) is None
    assert linkage_run(()) is None


def test_reused_passages_are_written_as_the_general_way(corpus: Corpus) -> None:
    passages = analyze_data(from_corpus(corpus)).reuse.passages
    assert passages
    location = passages[0].locations[0]
    odd = replace(
        passages[0],
        text='带"引号\\',
        identity=1.0,
        boilerplate=True,
        reason='模"板',
        locations=tuple(replace(location, start=i, unit_kind="task") for i in range(12)),
    )
    for passage in (*passages, odd, replace(odd, identity=0.5, reason="")):
        group = (passage,)
        assert reuse_run(group) == make_run(canonical_items(group_items(None, ("reuse", group))))
    assert reuse_run((passages[0], passages[0])) is None
