"""Tables of targets by area: a notice that hands a target down to each county, district or
town (下达全州2021年能耗强度目标任务: 序号 | 县(市) | 单位GDP能耗降低率目标任务(%) | 1 | 延吉市 |
3.4 …) gives one target per area and column, scoped to the area.

A header names the area column (县(市), 县(市、区), 区县, 市(州), 乡镇 …) and one or more
columns of an indicator with its unit in brackets (``单位GDP能耗降低率目标任务(%)``; the words
目标任务, 目标值, 目标 and 任务 after the indicator are dropped).  The year is the one a column
header names, else the plan's deadline.  An indicator named as a change (降低率, 下降) is a
change.  A row whose area is no known place (合计, 全州) gives no target: the plan's own total
is stated in its text.  The quote is the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph import model

from .clauses import Draft
from .indicators import IndicatorTable, clean_subject, derived_indicator
from .scopes import Resolver
from .tables import (
    _CMP,
    _UNIT_IN_NAME,
    _VALUE,
    _YEAR,
    CHANGE_WORDS,
    DECREASE,
    _number,
    _unit,
    row_draft,
    table_rows,
)

#: A header cell of the areas' column.
_AREA_HEAD = re.compile(
    r"^(?:县\s*[(（]\s*市\s*(?:[、,]\s*区\s*)?[)）]|县\s*[(（]\s*区\s*[)）]|县\s*市\s*区|县\s*区|区\s*县"
    r"|市\s*[(（]\s*[州地]\s*[)）]|市\s*州|地\s*区|地\s*市|乡\s*镇(?:\s*[(（]\s*街道\s*[)）])?"
    r"|区\s*域|各\s*[县市区])(?:名称)?$"
)
#: Words after an indicator in its column's header: what the column holds.
_HOLDS = re.compile(r"(?:目标任务|目标值|目标|任务|指标)$")


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    indicator: model.Indicator
    unit: tuple[model.UnitCode, str | None]
    year: int | None
    change: bool
    decrease: bool


def area_targets(
    text: str, due: int | None, resolve: Resolver, table: IndicatorTable
) -> list[Draft]:
    """Targets of the tables by area in ``text``, one per area and indicator column."""
    drafts: list[Draft] = []
    for rows in table_rows(text):
        area: int | None = None
        columns: list[_Column] = []
        for row in rows:
            header = _header(row.cells, due, table)
            if header is not None:
                area, columns = header
                continue
            if area is None or len(row.cells) <= area:
                continue
            name = row.cells[area].strip()
            scope = resolve(name) if name else None
            if scope is None:
                continue  # 合计, 全州: no area of its own
            for column in columns:
                if column.index >= len(row.cells):
                    continue
                m = _VALUE.match(row.cells[column.index])
                value = _number(m.group("num")) if m else None
                if m is None or value is None or m.group("place"):
                    continue
                qualifier = m.group("qual") or m.group("cmp")
                drafts.append(
                    row_draft(
                        row,
                        column.indicator,
                        value,
                        column.unit,
                        comparator=_CMP[qualifier] if qualifier else "Exactly",
                        direction=(
                            ("Decrease" if column.decrease else "Increase")
                            if column.change
                            else None
                        ),
                        target_year=column.year,
                        scope=scope,
                        change=column.change,
                    )
                )
    return drafts


def _header(
    cells: tuple[str, ...], due: int | None, table: IndicatorTable
) -> tuple[int, list[_Column]] | None:
    """The area column and the indicator columns a header row names, or None."""
    areas = [i for i, cell in enumerate(cells) if _AREA_HEAD.match(cell.strip())]
    if len(areas) != 1:
        return None
    columns = []
    for i, cell in enumerate(cells):
        if i == areas[0] or _UNIT_IN_NAME.search(cell) is None:
            continue
        unit = _unit(cell, "")
        if unit is None:
            continue
        year = _YEAR.search(cell)
        label = _UNIT_IN_NAME.sub("", cell).strip()
        label = _YEAR.sub("", _HOLDS.sub("", label)).strip()
        change = CHANGE_WORDS.search(label)
        if len(label) < 2:
            continue
        indicator = table.match(label) or derived_indicator(clean_subject(label))
        columns.append(
            _Column(
                i,
                indicator,
                unit,
                int(year.group(1)) if year else due,
                change is not None,
                change is not None and change.group("dir") in DECREASE,
            )
        )
    return (areas[0], columns) if columns else None
