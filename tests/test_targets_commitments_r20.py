"""What is not a commitment though it has the words of one (issue 12, twentieth round): the
situation a plan or report describes — gaps still to close, risks that grow, what is done
already — each tested on the real excerpt it was read from."""

from __future__ import annotations

from excerpt_targets import excerpt_corpus


def _commitment_quotes(folder: str, number: str) -> list[str]:
    corpus = excerpt_corpus(folder, number)
    return [t.quote.text for t in corpus.extraction.targets if t.value is None]


def test_the_gaps_a_work_report_admits_are_no_goals() -> None:
    # excerpts19/24 (金牛区 work report): 主要表现在:产业发展能级不高、科技创新引领不足仍是实现
    # 高质量发展的最大短板,产业能级还需再提升,…智慧治理能力还需再提高。
    quotes = _commitment_quotes("excerpts19", "24")
    assert not [q for q in quotes if "还需" in q or "仍是" in q]


def test_growing_risks_in_the_situation_are_no_goals() -> None:
    # excerpts16/14 (国家 综合防灾减灾规划): 多灾种集聚和灾害链特征日益突出,灾害风险的系统性、
    # 复杂性持续加剧
    quotes = _commitment_quotes("excerpts16", "14")
    assert not [q for q in quotes if "日益突出" in q or "持续加剧" in q]


def test_what_is_formed_already_is_no_goal() -> None:
    # excerpts15/37 (汶上 garbage sorting): …形成了完整的垃圾分类收运、处理体系
    quotes = _commitment_quotes("excerpts15", "37")
    assert not [q for q in quotes if "形成了" in q]


def test_a_meeting_that_states_what_follows_is_no_goal() -> None:
    # excerpts15/05 (四川 水利, traditional): 今年的全省水利工作會議明確,…
    quotes = _commitment_quotes("excerpts15", "05")
    assert not [q for q in quotes if q.endswith("明确")]
