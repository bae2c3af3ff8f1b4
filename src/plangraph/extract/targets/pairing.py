"""Which place, kind of area or indicator each value of a clause goes to.

A clause gives one or more values (``group``) for one or more indicators, and may name
several places (京津冀及周边地区、长三角地区…), kinds of area (地级市、县城…) or scopes heading
it (``clause.heads``).  Words such as 分别, 各, 均 give each its own value; without them one
value is the places' together: an amount their total, a level theirs as a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph import model

from .clauses import Clause
from .numbers import Item
from .scopes import SUMMARY, shared_head_kinds

#: Words that give each place of a list the value (分别, 各, 均, 都): else the value is
#: the places' together (an amount their total, a level theirs as a group).
JOINT = re.compile(r"分别|各自|各|均|都|每")
#: 城乡 heading a subject whose values 分别 gives: one for the towns, one for the country.
_TOWN_AND_COUNTRY = re.compile(r"\s*(?:全[省市区县])?城乡")
_LEVEL_UNITS: frozenset[model.UnitCode] = frozenset(
    {
        *("qudt:PERCENT", "pg:PercentagePoint", "qudt:MicroGM-PER-M3", "qudt:MilliGM-PER-M3"),
        *("qudt:MilliGM-PER-L", "qudt:PERMILLE", "qudt:UNITLESS", "qudt:DeciB", "qudt:DAY"),
        "qudt:HR",
        "qudt:MIN",
        "qudt:YR",
        "pg:PerHundredThousand",
    }
)

Pair = tuple[Item, model.Indicator, str | None]


@dataclass(frozen=True, slots=True)
class Assignment:
    """The values of a clause paired with their indicator and place, the kind of area of
    each (or None), and the words naming places given one value together (or None)."""

    pairs: tuple[Pair, ...]
    kinds: tuple[str | None, ...]
    joint: str | None


def assign(
    clause: Clause,
    text: str,
    group: list[Item],
    indicators: list[model.Indicator],
    places: list[str],
    *,
    verbs: str,
    distributive: bool,
    subject: str,
) -> Assignment:
    """Pair each value of ``group`` with its indicator, place and kind of area.  ``verbs``:
    the words between the subject and the number; ``subject``: the subject as printed."""
    pairs: list[Pair] = []
    joint: str | None = None
    if len(places) > 1:
        first = text.find(clause.names[0], clause.body) if clause.names else -1
        named = text[first : clause.subject_at] if first >= 0 else ""
        if (
            len(group) == 1
            and JOINT.search(clause.masked, clause.subject_at) is None
            and SUMMARY.search(named)
        ):
            # 长江、黄河…辽河等七大重点流域水质优良比例总体达到70%以上: one value for
            # the group the list names, its scope
            pairs, joint = [(group[0], indicators[0], None)], named
        elif (
            len(group) == 1
            and JOINT.search(clause.masked, clause.subject_at) is None
            and (clause.places or _amount(group[0]))
        ):
            # 土默特左旗、托克托县盐碱地恢复…20万亩 (an amount), 京津冀及周边地区、汾渭平原
            # …重度及以上污染天数减少30%以上 (a level): one value for the places named
            # together, as readers of real plans count it; 分别, 各, 均 give each its own
            pairs = [(group[0], indicators[0], places[0])]
            joint = "、".join(clause.names) if len(clause.names) == len(places) else None
        elif len(group) == 1:
            pairs = [(group[0], indicators[0], pl) for pl in places]
        else:
            pairs = [(it, indicators[0], pl) for it, pl in zip(group, places, strict=False)]
    elif len(indicators) > 1:
        if len(group) == 1:
            pairs = [(group[0], ind, None) for ind in indicators]
        else:
            pairs = [(it, ind, None) for it, ind in zip(group, indicators, strict=False)]
    else:
        pairs = [(it, indicators[0], None) for it in group]
    # kinds of area instead of places: 地级市、县城…分别达到98%、95%
    kinds: list[str | None] = [None] * len(pairs)
    categories = clause.categories
    if len(categories) > 1 and len(pairs) == len(categories):
        kinds = list(categories)
    elif len(categories) > 1 and len(pairs) == 1:
        if JOINT.search(clause.masked, clause.subject_at) is None:
            # 中心城区及重点区域供电可靠性达到99.993%: one level for the kinds of area
            # named together, as with places; 分别, 各, 均 give each its own
            kinds = [_joint_span(text, categories)]
        else:
            pairs, kinds = pairs * len(categories), list(categories)
    elif len(categories) == 1:
        kinds = [categories[0]] * len(pairs)
    elif not places and len(pairs) == 2 and distributive and _TOWN_AND_COUNTRY.match(subject):
        # 城乡居民人均可支配收入分别达到35000元、14200元: the town's, then the country's
        kinds = ["城镇", "农村"]
    if (
        not places
        and not clause.heads
        and all(k is None for k in kinds)
        and len(group) == len(pairs) > 1
        and "分别" in verbs
        and len({ind.id for _, ind, _ in pairs}) == 1
    ):
        # 县级及以上、农村“千吨万人”集中式饮用水水源地水质达标率分别达100%、95%以上: kinds
        # of what is measured listed before the head they share, one value each
        kinds = shared_head_kinds(subject, pairs[-1][1], len(group))
    heads = clause.heads
    if heads and (
        len(group) == len(heads)
        or (len(group) == 1 and JOINT.search(clause.masked, clause.subject_at) is not None)
    ):
        # 京津冀及周边地区、长三角地区、汾渭平原…分别下降10%、10%和5%: one value each
        items = group * len(heads) if len(group) == 1 else group
        pairs = [(it, indicators[0], pid) for it, (pid, _) in zip(items, heads, strict=True)]
        kinds = [None if pid else name for pid, name in heads]
    elif heads and len(group) == 1 and len(pairs) == 1:
        # one value without 分别 (四川天府新区、成都高新区…50%的城市社区): one target for
        # the areas named together, the first its scope, as with places above
        pairs = [(group[0], indicators[0], heads[0][0])]
        joint = "、".join(name for _, name in heads)
    return Assignment(tuple(pairs), tuple(kinds), joint)


def _amount(item: Item) -> bool:
    """An amount that adds up across places (亩, 吨, 个), not a level (%, 微克/立方米): the
    places of a sentence's lead clause share an amount, each keeps a level."""
    return item.unit is not None and item.unit not in _LEVEL_UNITS


def _joint_span(text: str, names: list[str]) -> str:
    """The words that name several kinds of area together, as printed (中心城区及重点区域)."""
    first = text.find(names[0])
    last = text.find(names[-1], first + len(names[0])) if first >= 0 else -1
    return text[first : last + len(names[-1])] if last >= 0 else "、".join(names)
