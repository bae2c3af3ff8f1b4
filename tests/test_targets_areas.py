"""A notice handing a target down to each area, its table pasted one cell per line (延边州人民
政府关于下达全州2021年能耗强度目标任务的通知, 延州政函〔2021〕69号, as saved from its site):
one target per county, scoped to it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plangraph.api import build_corpus
from plangraph.read.cells import join_cell_lines

CELLS = [
    "序 号", "县(市)", "单位GDP能耗降低率目标任务(%)",
    "1", "延吉市", "3.4", "2", "珲春市", "3.4", "3", "图们市", "3.4", "4", "敦化市", "3.4",
]  # fmt: skip
YANBIAN = "\n\n".join(
    [
        "延边州人民政府关于下达全州2021年能耗强度目标任务的通知",
        "延州政函〔2021〕69号",
        "各县(市)人民政府:",
        "为深入贯彻落实国家、省关于碳达峰、碳中和的重大战略决策部署,现将2021年能耗强度目标任务下达给你们。",
        *CELLS,
        "州人民政府将继续加强全州能耗总量和强度“双控”目标任务的评价考核。",
    ]
)


def test_a_table_pasted_one_cell_per_line_is_joined_into_rows() -> None:
    lines, numbers = join_cell_lines(["前文。", *CELLS, "后文。"], list(range(1, len(CELLS) + 3)))
    assert lines == [
        "前文。",
        "序 号\t县(市)\t单位GDP能耗降低率目标任务(%)",
        "1\t延吉市\t3.4",
        "2\t珲春市\t3.4",
        "3\t图们市\t3.4",
        "4\t敦化市\t3.4",
        "后文。",
    ]
    assert numbers == [1, 2, 5, 8, 11, 14, 17]  # each row at the line of its first cell


def test_short_lines_without_serial_numbers_stay_lines() -> None:
    lines = ["序号", "名称", "数量", "甲", "乙", "丙", "丁"]
    assert join_cell_lines(lines, list(range(7)))[0] == lines


def test_each_county_gets_its_target_scoped_to_it(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(YANBIAN, "utf-8")
    targets = [t for t in build_corpus([path]).extraction.targets if t.value is not None]
    assert [(t.scope, t.value, t.unit, t.target_year, t.change) for t in targets] == [
        (place, Decimal("3.4"), "qudt:PERCENT", 2021, True)
        for place in ("yanji", "huichun", "tumen", "dunhua")
    ]
    assert {t.indicator.label_zh for t in targets} == {"单位GDP能耗"}
    assert targets[0].quote.text == "1\t延吉市\t3.4"


def _values(tmp_path: Path, text: str) -> list[str | None]:
    path = tmp_path / "notice.txt"
    path.write_text(text, "utf-8")
    return [t.scope for t in build_corpus([path]).extraction.targets if t.value is not None]


def test_a_total_row_gives_no_target_and_a_column_without_a_unit_none(tmp_path: Path) -> None:
    total = YANBIAN.replace("延吉市", "合计")
    assert _values(tmp_path, total) == ["huichun", "tumen", "dunhua"]
    no_unit = YANBIAN.replace("单位GDP能耗降低率目标任务(%)", "责任单位")
    assert _values(tmp_path, no_unit) == []
