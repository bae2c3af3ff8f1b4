"""Goals as news reports and reposts state them (issue 12's second family of blind misses):
synthetic texts in the shapes those pages take, each asserting what a reader of the text
records."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plangraph.api import build_corpus


def _targets(tmp_path: Path, text: str) -> list[object]:
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    return [t for t in build_corpus([path]).extraction.targets if getattr(t, "value", None)]


def test_a_milestone_year_holds_for_its_sentence_and_the_deadline_resumes(
    tmp_path: Path,
) -> None:
    text = (
        "全市“十四五”节能减排工作方案出台\n"
        "方案明确,到2025年,全市单位地区生产总值能耗比2020年下降14%。其中,2023年单位地区"
        "生产总值能耗下降8%以上。东区、西区单位地区生产总值能耗分别下降15%、13%。\n"
    )
    years = {t.value: t.target_year for t in _targets(tmp_path, text)}  # type: ignore[attr-defined]
    assert years == {Decimal(14): 2025, Decimal(8): 2023, Decimal(15): 2025, Decimal(13): 2025}


def test_a_deadline_between_the_measure_and_its_verb_is_no_part_of_the_name(
    tmp_path: Path,
) -> None:
    text = (
        "某市新能源汽车推广方案\n到2025年,全市新能源汽车保有量2025年达到20万辆,"
        "全省累计建成充电桩2023年达到1万个。\n"
    )
    names = {t.value: t.indicator.label_zh for t in _targets(tmp_path, text)}  # type: ignore[attr-defined]
    assert names == {Decimal(200000): "新能源汽车保有量", Decimal(10000): "充电桩"}


def test_the_document_a_report_names_commits_to_nothing(tmp_path: Path) -> None:
    text = (
        "我市印发生态环境保护“十四五”规划\n记者获悉,《规划》明确,到2025年,森林覆盖率提高到42%。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    labels = [t.indicator.label_zh for t in build_corpus([path]).extraction.targets]
    assert labels == ["森林覆盖率"]  # not 《规划》 (明确 read as a state reached)


def test_values_given_per_area_by_a_verb_alone_keep_the_measure_before_them(
    tmp_path: Path,
) -> None:
    text = (
        "某省充电设施建设方案\n"
        "到2025年,全省累计建成充电桩3万个,南京、苏州分别建成5000个、4000个。\n"
    )
    found = {(t.value, t.indicator.label_zh) for t in _targets(tmp_path, text)}  # type: ignore[attr-defined]
    assert found == {
        (Decimal(30000), "充电桩"),
        (Decimal(5000), "充电桩"),  # not 分别建成
        (Decimal(4000), "充电桩"),
    }
