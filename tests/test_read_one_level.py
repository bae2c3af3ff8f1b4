"""A text numbered at one level only: its numbered units are its tasks (issue 12, twentieth
round), each checked on the real excerpt it is read from."""

from __future__ import annotations

from excerpt_targets import excerpt_corpus

from plangraph.model import Plan


def _tasks(plan: Plan) -> list[tuple[str, str]]:
    return [(t.key, t.title) for s in plan.sections for t in s.tasks]


def test_a_news_report_of_a_plan_numbered_one_two_three_has_those_as_tasks() -> None:
    # excerpts12/23 (北京 供热规划 in the news): 一、推进城镇地区化石能源供热的低碳转型 / its
    # paragraph / 二、… / 三、…; nothing is numbered under them
    (plan,) = excerpt_corpus("excerpts12", "23").plans
    assert _tasks(plan) == [
        ("1", "推进城镇地区化石能源供热的低碳转型"),
        ("2", "构建多能耦合的城市热网协同供热平台"),
        ("3", "实施首都功能核心区供热锅炉清洁转型"),
    ]
    (part,) = plan.sections
    assert part.title == plan.title  # one part, under the plan's title
    first = part.tasks[0]
    assert "原则上不再新建独立燃气供热系统" in first.body  # the task keeps its paragraph
    assert plan.text[first.start : first.end].startswith("一、推进城镇地区")


def test_a_county_s_livelihood_projects_are_its_tasks() -> None:
    # excerpts17/19 (涉县 2025 民生实事): 一、2025年村内基础设施提升工程 …
    # 七、2025年防火通道硬化工程
    (plan,) = excerpt_corpus("excerpts17", "19").plans
    titles = [title for _, title in _tasks(plan)]
    assert titles[0] == "2025年村内基础设施提升工程"
    assert titles[-1] == "2025年防火通道硬化工程"
    assert len(titles) == 7


def test_a_plan_with_tasks_under_its_parts_keeps_its_parts() -> None:
    # the seed: 一、总体要求 has no (X) of its own, the other parts do; the parts stay
    from plangraph import api

    corpus = api.build_corpus()
    for plan in corpus.plans:
        assert plan.sections[0].title == "总体要求"
        assert not plan.sections[0].tasks
        assert all(s.tasks for s in plan.sections[1:])
