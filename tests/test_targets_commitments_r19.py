"""Commitments without a number in the genre's words of capability, level, doubling and full
coverage (issue 12, nineteenth round), each tested on the real excerpt it was missed in."""

from __future__ import annotations

from excerpt_targets import excerpt_corpus

from plangraph.model import Target


def _commitments(folder: str, number: str) -> dict[str, Target]:
    """The commitments without a figure of an excerpt, by the words of their quote."""
    corpus = excerpt_corpus(folder, number)
    return {t.quote.text: t for t in corpus.extraction.targets if t.value is None}


def _one(found: dict[str, Target], words: str) -> Target:
    (target,) = [t for quote, t in found.items() if words in quote]
    return target


def test_a_capability_and_a_level_reached_are_commitments() -> None:
    # excerpts18/08 (山东 防震减灾): 到2021年,全省城乡具备抗御6级地震能力,防震减灾总体能力
    # 达到中等发达国家水平
    found = _commitments("excerpts18", "08")
    able = _one(found, "具备抗御6级地震能力")
    assert able.indicator.label_zh == "抗御6级地震能力"  # what is had, not who has it
    assert able.target_year == 2021
    level = _one(found, "达到中等发达国家水平")
    assert level.indicator.label_zh == "防震减灾总体能力"


def test_a_doubling_without_a_base_year_is_a_rise_not_a_figure() -> None:
    # excerpts18/17 (拉萨 tourism): …旅游總人數及總收入實現倍增 — no base year, so no 100%
    found = _commitments("excerpts18", "17")
    doubled = _one(found, "实现倍增")
    assert doubled.direction == "Increase"
    assert doubled.target_year == 2025


def test_held_low_and_kept_within_the_assigned_goal() -> None:
    # excerpts18/10 (健康福建2030): 婴儿死亡率、…继续保持在较低水平
    low = _one(_commitments("excerpts18", "10"), "继续保持在较低水平")
    assert low.indicator.label_zh == "婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率"  # not …继续
    # excerpts18/20 (a county's 2025 goals): 节能减排指标控制在省定目标内
    within = _one(_commitments("excerpts18", "20"), "控制在省定目标内")
    assert within.indicator.label_zh == "节能减排指标"


def test_everyone_eligible_is_helped() -> None:
    # excerpts18/24 (金凤区 民生实事): ▶城乡低收入妇科癌症患病妇女和低收入单亲母亲应救尽救 —
    # 应X尽X: all who qualify
    helped = _one(_commitments("excerpts18", "24"), "应救尽救")
    assert helped.indicator.label_zh == "城乡低收入妇科癌症患病妇女和低收入单亲母亲"


def test_risks_controlled_systems_built_and_requirements_met() -> None:
    # excerpts16/11 (四川 新污染物治理): 到2025年,…有效防控新污染物环境风险
    risk = _one(_commitments("excerpts16", "11"), "有效防控新污染物环境风险")
    assert risk.indicator.label_zh == "新污染物环境风险"
    assert risk.target_year == 2025
    # excerpts16/41 (朝阳 低空经济): 朝阳市将初步构建低空经济产业体系
    built = _one(_commitments("excerpts16", "41"), "初步构建低空经济产业体系")
    assert built.indicator.label_zh == "低空经济产业体系"
    # excerpts16/32 (昌黎 education): 乡村小规模学校(含教学点)达到相应要求
    met = _one(_commitments("excerpts16", "32"), "达到相应要求")
    assert met.state == "StandardMet"


def test_a_rank_entered_and_a_line_opened() -> None:
    # excerpts19/03 (national basic education): 2035年…总体水平将步入世界前列
    ranked = _commitments("excerpts19", "03")
    assert any("步入世界前列" in quote and t.target_year == 2035 for quote, t in ranked.items())
    # excerpts19/17 (苏州 2024 work report in the news): 轨交6、7、8号线开通初期运营
    opened = _one(_commitments("excerpts19", "17"), "开通初期运营")
    assert opened.state == "Completed"
    assert opened.indicator.label_zh == "轨交6、7、8号线"
