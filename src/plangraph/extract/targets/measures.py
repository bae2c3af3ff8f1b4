"""What a number measures: the indicator of a numeric target (the subject, the counted
object or a listed name), a share of things that reach a state, and the subjects that name
only where (an area, a kind of area) and so take the previous target's measure."""

from __future__ import annotations

import re
from decimal import Decimal

from plangraph import model

from .clauses import MATCH_SPAN, Clause, Draft, has_cjk, match_key
from .indicators import (
    BARE_HEADS,
    MEASURE_NOUN,
    STEM,
    IndicatorTable,
    clean_subject,
    derived_indicator,
    noun_phrase,
)
from .numbers import ITEM, Item
from .scopes import AREA_CATEGORIES, RESTRICTING_CATEGORIES, WATER_NAME, Resolver
from .unit_words import PERCENT

#: Kinds of area that name no quantity when they are all the subject holds.
AREA_WORDS = frozenset({"城市", "城区", "农村", "城镇", "乡村", "全市", "全省", "全区", "全县"})


#: After a share: who (行政村, 单位) and what they reach (达到美丽宜居村标准, 得到治理).
SHARE = re.compile(
    r"""
    (?P<who> [\u4e00-\u9fff]{0,12}? (?:\([\u4e00-\u9fff、□]{1,8}\))? )  # 80%以上「县(市、区)」
    (?: 、[^,;。]{0,20}? )?                             # 、珠三角地区全部行政村
    (?P<what> (?:全面|基本|全部|均|率先|稳定)?                  # 全面消除重污染天气
              (?:达到|实现|完成|通过|得到|建成|建立|配备|具备|消除|达标
                 |超过|超|高于|突破)                            # 村集体年收入超30万元
              [^,;。]{0,40}? ) \s* $
    """,
    re.VERBOSE,
)


def share_measure(masked: str, text: str, group: list[Item], end: int, subject: str) -> str | None:
    """A share of things that reach a state (``持证在采矿山100%达到绿色矿山建设标准``,
    ``党政机关80%以上单位达到创建要求``): what is measured is who reaches what, not the
    things alone; None for any other number."""
    if len(group) != 1 or group[0].unit != PERCENT or MEASURE_NOUN.search(match_key(subject)):
        return None
    m = SHARE.match(masked, end + (masked[end : end + 1] == "的"))  # 75%以上「的」…
    if m is None:
        return None
    who = text[m.start("who") : m.end("who")] or subject
    return f"{who}{text[m.start('what') : m.end('what')]}的比例"


def restricting(area: str) -> bool:
    """An area named alone that limits a target: a name (京津冀地区) or a kind of area that
    never means the whole region (县城, 建成区), not 城市 or 农村 in general."""
    return area not in AREA_CATEGORIES or area in RESTRICTING_CATEGORIES


#: The last character of a short name of where: 县城, 建制镇, 农村, 新城, 五个新城, 各区.
_WHERE_END = re.compile(r"[省市县区镇乡村城州盟旗岛港]$|地区$|区域$")


def elliptical(subject: str, table: IndicatorTable) -> bool:
    """No subject, or only a short name of where (县城达到70%, 建制镇达到50%): the
    measure is the previous target's."""
    if not subject:
        return True
    key = match_key(subject)
    if len(key) > 4 or MEASURE_NOUN.search(key) or table.match(subject) is not None:
        return False
    # a name of where (县城, 建制镇, 农村, 中心城区), not a quantity of its own (工业投资)
    return len(key) <= 2 or key in AREA_CATEGORIES or _WHERE_END.search(key) is not None


def numeric_indicator(
    subject: str,
    head_text: str,
    label: str,
    clause: Clause,
    table: IndicatorTable,
    context: str,
    previous: model.Indicator | None,
    counted: str = "",
    resolve: Resolver | None = None,
    *,
    own: bool = False,
) -> model.Indicator:
    """The table's indicator named by the subject, the counted object or the clause; else
    one derived from ``label``."""
    if subject:
        ind = table.match(subject)
        if ind:
            return ind
        if match_key(subject) in BARE_HEADS:
            ind = table.ending(subject, context)
            if ind:
                return ind
            stems = STEM.findall(context)
            if stems:  # "推进美丽城市建设,建成率…": 美丽城市建成率
                return derived_indicator(stems[-1] + subject)
        elif MEASURE_NOUN.search(match_key(subject)) and previous is None:
            # a measured subject the table lacks (可再生能源装机占比): itself, not a name
            # found elsewhere in the clause
            named = noun_phrase(subject)
            if len(match_key(named)) >= 4:
                return derived_indicator(named)
    if head_text:
        ind = table.match(head_text[:MATCH_SPAN])
        if ind:
            return ind
    ind = None
    if not own:  # 培育千家绿色工厂、15家「绿色供应链管理示范企业」: the noun is its own
        ind = table.match(ITEM.sub("", clause.text[clause.body : clause.body + MATCH_SPAN]))
    if ind:
        return ind
    if previous is not None:
        return previous
    label = noun_phrase(label, counted)
    if (
        (resolve is not None and label and resolve(label) is not None)
        or label in AREA_WORDS
        or label in AREA_CATEGORIES
        or (len(label) <= 10 and WATER_NAME.search(label) is not None)
    ):
        # 南江 in 规划南江建设1座…, 城市 in 实现城市7-10天预报, the river 之字河 in
        # 之字河实施11千米河道生态修复: a place names no quantity
        label = noun_phrase("", counted) or label
    if not (has_cjk(label) and len(match_key(label)) >= 2):
        label = clean_subject(ITEM.sub("", clause.text[clause.subject_at :]))
    return derived_indicator(label)


#: A share of a project's work (徒步城二期项目60%工程量, 完成县医院迁建项目工程量的50%): the work
#: done is what is measured, on the project named before it.
_WORK_DONE = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s*%\s*的?(?:总)?工程量|工程量的\s*(?P<after>\d+(?:\.\d+)?)\s*%"
)
_WORK = "工程量"


def work_share(draft: Draft, clause_text: str, table: IndicatorTable) -> None:
    """Read a share of a project's work as the work done (工程量), its project as the scope."""
    label = draft.indicator.label_zh
    if draft.unit != PERCENT or draft.value is None or label == _WORK or draft.scope_text:
        return
    for m in _WORK_DONE.finditer(clause_text):
        if Decimal(m.group("value") or m.group("after")) == draft.value:
            project = clean_subject(label.replace(_WORK, ""))
            if len(match_key(project)) >= 2:
                draft.scope_text = project
                draft.indicator = table.match(_WORK) or derived_indicator(_WORK)
            return
