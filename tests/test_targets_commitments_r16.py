"""Commitments without numbers in the shapes of goal statements that recur in every kind of
text, counted in the sixteenth round: goals that name no year in a plan without a period, the
items of a year's list of livelihood projects under any of the genre's names for it, and the
states the goals close a clause with.  The plan bodies are written here."""

from __future__ import annotations

from target_helpers import plan_from_text, resolve

from plangraph.extract.targets import extract_targets


def commitments_of(body: str, title: str = "测试行动方案", year: int | None = None) -> list[str]:
    plan = plan_from_text(body, year=year, title=title)
    return [t.quote.text for t in extract_targets(plan, resolve) if t.value is None]


def test_goals_without_a_year_in_a_plan_without_a_period_are_goals() -> None:
    """A goals paragraph that opens with the effort (通过三年专项整治) and names no year, in a
    plan whose title gives no period, states goals (excerpts, a province's farmland news: 打造
    全国重要的粮食生产核心区 under a goals unit without a year)."""
    body = (
        "一、总体目标\n通过三年专项整治,安全生产责任体系更加完善,重大安全风险得到有效管控,"
        "事故总量持续下降。\n二、主要任务\n(一)强化源头管控。加强企业安全管理。"
    )
    assert commitments_of(body) == [
        "安全生产责任体系更加完善",
        "重大安全风险得到有效管控",
        "事故总量持续下降",
    ]


def test_the_guiding_ideas_printed_among_undated_goals_are_no_goal() -> None:
    """excerpts11, 榆阳 health opinion: 以…为指导,…逐步形成有利于健康的生活方式 under 总体要求
    is the plan's manner."""
    body = (
        "一、总体要求\n以新时代中国特色社会主义思想为指导,全面落实规划纲要,"
        "逐步形成有利于健康的生活方式。\n二、主要任务\n(一)加强健康教育。推进健康知识普及。"
    )
    assert commitments_of(body) == []
