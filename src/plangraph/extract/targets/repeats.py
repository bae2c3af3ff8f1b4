"""What a page states twice, stated once: the goals a report of a release repeats from
the plan it reports, a headline printed again, a page's title that states a goal the text
states; and one label per indicator, the name the plans print most often."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal

from plangraph import model

from .clauses import Draft


def one_label_each(targets: Sequence[model.Target]) -> tuple[model.Target, ...]:
    """The targets with one label per indicator: the name the plans print most often for it
    (a longer name first, then the first in code order), so that an indicator node has one
    label however many plans name it, and that label is the plans' own word."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for target in targets:
        forms[target.indicator.id][target.indicator.label_zh] += 1
    chosen = {
        key: min(counts, key=lambda name: (-counts[name], -len(name), name))
        for key, counts in forms.items()
    }
    return tuple(
        t
        if t.indicator.label_zh == chosen[t.indicator.id]
        else dataclasses.replace(
            t,
            indicator=dataclasses.replace(t.indicator, label_zh=chosen[t.indicator.id]),
        )
        for t in targets
    )


def without_repeats(
    drafts: list[tuple[model.Owner, Draft]], text: str
) -> list[tuple[model.Owner, Draft]]:
    """The goals a report of the release repeats from the plan (the same value in the same
    unit, or the same state of the same indicator) are the plan's once: its own are kept."""
    body = [d for owner, d in drafts if owner.kind != "preface"]
    numbers = {(d.value, d.unit) for d in body if d.value is not None}
    states = {d.indicator.id for d in body if d.value is None}
    kept = [
        (owner, d)
        for owner, d in drafts
        if owner.kind != "preface"
        or (
            (d.value, d.unit) not in numbers
            if d.value is not None
            else d.indicator.id not in states
        )
    ]
    # a news page's headline printed again (its title bar and its heading: 贵州:2017年将完成
    # 造林绿化15万亩): one target (a plan repeating a task in two chapters keeps both)
    seen: set[tuple[object, ...]] = set()
    # a report's lead that sums up the goals its body then quotes (…年均增长7%,全部工业开票
    # 销售达9000亿元 in both): the same goal in the same words, within one part, is one
    stated: dict[tuple[object, ...], list[str]] = defaultdict(list)
    unique = []
    for owner, d in sorted(kept, key=lambda od: (od[1].sentence, od[1].start, od[1].order)):
        quote = text[d.start : d.end]
        # (a table's row gives the same figure for two deadlines: two goals)
        key = (
            d.value,
            d.unit,
            d.indicator.id,
            d.scope,
            d.scope_text,
            d.target_year,
            quote,
        )
        if d.value is not None and key in seen and _headline(text, d.start):
            continue
        goal = (
            owner,
            d.value,
            d.unit,
            d.indicator.id,
            d.comparator,
            d.target_year,
            d.scope,
        )
        words = _match_form(quote)
        if d.value is not None and any(w in words or words in w for w in stated[goal]):
            continue
        seen.add(key)
        if not _page_title(text, d.start):  # a title's goal gives way to the text's (below)
            stated[goal].append(words)
        unique.append((owner, d))
    # a news lead that sums up, undated, the goals its body then dates (贵阳网·甲秀新闻讯 新增
    # 公共停车位1664个、改造棚户区4490户……, then 今年,…新增公共停车位1664个): the body's
    dated = [
        (owner, d.value, d.unit, d.indicator.id, _match_form(text[d.start : d.end]))
        for owner, d in unique
        if d.value is not None and d.target_year is not None
    ]
    unique = [
        (owner, d)
        for owner, d in unique
        if d.value is None
        or d.target_year is not None
        or not any(
            (o, v, u, i) == (owner, d.value, d.unit, d.indicator.id)
            and w in _match_form(text[d.start : d.end])
            for o, v, u, i, w in dated
        )
    ]
    # a page title that states a goal the text states again (扬州…全部工业开票销售保9000亿元,
    # then …达9000亿元 in the text): the text's is the goal, the title's its headline
    body_goals = {
        _quantity(d.value, d.unit)
        for _, d in unique
        if d.value is not None and not _page_title(text, d.start)
    }
    # …and a news page's sub-heading between its paragraphs (到2025年 旅游人数超过4200万人次,
    # then …预计2025年达到4200万人次 in the paragraph): the goal once, the paragraph's
    sentence_goals = [
        (*_quantity(d.value, d.unit), d.target_year, d.indicator.label_zh)
        for _, d in unique
        if d.value is not None and not _headline(text, d.start)
    ]
    return [
        (owner, d)
        for owner, d in unique
        if d.value is None
        or not (
            (_page_title(text, d.start) and _quantity(d.value, d.unit) in body_goals)
            or (_subheading(text, d.start) and not _of_a_table(d) and _restated(d, sentence_goals))
        )
    ]


#: Sums of money in their scale: a title's 超万亿元 is the text's 超10000亿元.
_YUAN_SCALE = {
    "pg:Yuan": Decimal(1),
    "pg:TenThousandYuan": Decimal(10**4),
    "pg:HundredMillionYuan": Decimal(10**8),
    "pg:TrillionYuan": Decimal(10**12),
}


def _quantity(value: Decimal | None, unit: model.UnitCode | None) -> tuple[object, object]:
    """A figure as the quantity it states, a sum of money in yuan whatever its scale."""
    if value is not None and unit in _YUAN_SCALE:
        return value * _YUAN_SCALE[unit], "yuan"
    return value, unit


def _of_a_table(d: Draft) -> bool:
    """Whether a goal was read from an indicator table's row (its base value or firmness):
    a row continued on a line of its own (粤东西北地区:25 under 珠三角地区:50) is no sub-heading."""
    return d.binding is not None or d.base_value is not None


def _restated(d: Draft, goals: Sequence[tuple[object, object, int | None, str]]) -> bool:
    """Whether a sentence states the goal again: the same figure, due the same year, of the
    same measure (named the same or more narrowly: 旅游人数, 国内旅游人数)."""
    label = re.sub(r"\W", "", d.indicator.label_zh)  # 【体育产业总规模: a headline's bracket
    return any(
        (value, unit, year) == (*_quantity(d.value, d.unit), d.target_year)
        and (label in re.sub(r"\W", "", other) or re.sub(r"\W", "", other) in label)
        for value, unit, year, other in goals
    )


def _page_title(text: str, at: int) -> bool:
    """Whether ``at`` lies on a page's title: a short line without a sentence's end among
    the first lines of the text (not a table's row, nor a list item further down)."""
    start = text.rfind("\n", 0, at) + 1
    before = [line for line in text[:start].split("\n") if line.strip()]
    line_end = text.find("\n", at)
    line = text[start : line_end if line_end >= 0 else len(text)]
    return len(before) < _TITLE_LINES and "\t" not in line and _headline(text, at)


#: How many lines a page's title bar and heading take at most.
_TITLE_LINES = 3


#: A line that opens a numbered part (一、 (二) 3. 第一章) or a table's row: no sub-heading.
_NOT_SUBHEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[章节条])"
)


def _subheading(text: str, at: int) -> bool:
    """Whether ``at`` lies on a short unnumbered line between paragraphs with one figure
    besides its year (a news page's sub-heading), not a table's row nor a task's title."""
    if not _headline(text, at):
        return False
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    figures = re.findall(r"\d+(?:\.\d+)?(?!\d*\s*年)", line)
    return "\t" not in line and not _NOT_SUBHEADING.match(line) and len(figures) == 1


def _match_form(quote: str) -> str:
    """A quote without spaces and line breaks (a PDF's text layer breaks words), nor the
    title of the plan it relays (《湖北省…规划》明确了… in a report's lead, 《规划》明确了… in
    its body: the same words)."""
    return re.sub(r"\s+|《[^《》]*》", "", quote)


def _headline(text: str, at: int) -> bool:
    """Whether ``at`` lies on a short line without a sentence's end: a page's title."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) <= 40 and not line.endswith(("。", ";", "；", "!", "！"))
