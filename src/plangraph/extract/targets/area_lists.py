"""Goals given area by area in a list: a lead that names the measure, then each county or
district with its figure (``各县(市、区)森林覆盖率目标分别为:靖安县84%、奉新县70%``,
``PM2.5浓度目标:甲县25微克/立方米,乙县28微克/立方米``, ``空气质量优良天数比率:甲县达到95%,…``).

Two shapes of the genre, read the same way whatever the measure:

* the **lead** (a clause followed by ``:``, or ending in ``目标为``/``分别为``) names what the
  figures after it measure; it is no goal itself, and the clauses after it whose subject is
  only an area (``靖安县2万亩``, ``奉新县达到92%``) measure what it names;
* a clause that is a run of ``area + figure`` joined by ``、`` is one item per area.
"""

from __future__ import annotations

import re

from .clauses import Clause, mask
from .scopes import Resolver

#: Words around the measure in a lead: who (各县(市、区), 各地, 全市) and the announcing tail.
_WHO = re.compile(
    r"^(?:到\d{4}年(?:底|末)?)?(?:各|全|每个?)?(?:县|市|区|地|乡镇|镇|州|盟|旗)?"
    r"(?:\([^)]{0,8}\))?(?:的)?"
)
_TAIL = re.compile(r"(?:下达)?(?:的)?(?:目标值?|指标|任务)?(?:分别)?(?:为|是)?\s*$")
#: A run of items ``area + (verb) + figure`` joined by 、: each opens with words, ends in a figure.
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:达到|达|为|完成|下降|降低|提高到|控制在)?[<>≤≥]?\d")
_AREA = re.compile(r"[\u4e00-\u9fff]{2,10}?(?=达到|达|为|完成|下降|降低|提高到|控制在|[<>≤≥]?\d)")
#: Numbers that name, not measure: PM2.5, PM10, a year.
_NAMED_NUMBERS = re.compile(r"PM\s*2\.5|PM\s*10|\d{4}\s*年")
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: How the name of a measure ends (森林覆盖率, PM2.5浓度, 单位GDP能耗下降, 造林面积).
MEASURE_END = re.compile(
    r"(?:率|量|比例|比重|浓度|强度|面积|能耗|指数|数|总量|天数|产值|收入|规模|"
    r"下降|降低|增长|提高|减少)$"
)
#: What a lead's measure must not be: only who or only the announcing words.
_EMPTY = re.compile(r"^[\s:：]*$")


def lead_measure(clause: Clause, after: str) -> str | None:
    """The measure a lead names (``森林覆盖率``, ``单位GDP能耗下降``), or None when the clause
    is no lead of per-area values.  ``after``: the sentence's text right after the clause
    (a lead is followed by ``:``, or ends in 分别为/目标为)."""
    text = clause.text.strip()
    if re.search(r"\d", _NAMED_NUMBERS.sub("", text)):
        return None  # a figure of its own: a goal, not a lead
    colon = after[:1] in (":", "：")
    if not colon and not re.search(r"(?:分别|目标)(?:为|是)\s*$", text):
        return None
    measure = _TAIL.sub("", _WHO.sub("", text)).strip()
    if len(measure) < 3 or _EMPTY.match(measure) or not _WORD.search(measure):
        return None
    return measure


def area_items(clause: Clause, resolve: Resolver) -> list[Clause]:
    """The items of a clause that is a run of ``area + figure`` joined by ``、`` (``靖安县84%、
    奉新县70%、万载县68%``), one clause each; [] for any other clause.  ``resolve`` maps a
    name to a place id (every item must open with one)."""
    parts = clause.text.split("、")
    if len(parts) < 2:
        return []
    items: list[Clause] = []
    pos = 0
    for part in parts:
        m = _ITEM.match(part.strip())
        if m is None:
            return []
        name = _AREA.match(part.strip())
        if name is None or resolve(name.group()) is None:
            return []
        start = clause.start + pos
        items.append(Clause(start, start + len(part), part, mask(part)))
        pos += len(part) + 1
    return items
