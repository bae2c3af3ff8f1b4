"""Numeric targets of one clause: a number with a unit that the clause commits to."""

from __future__ import annotations

import re

from plangraph import model
from plangraph.vocab import ONE_TO_NINE, YEAR

from .clauses import MATCH_SPAN, Clause, Draft, has_cjk, match_key
from .indicators import (
    BARE_HEADS,
    MEASURE_NOUN,
    STEM,
    IndicatorTable,
    clean_subject,
    derived_indicator,
    distinct,
    noun_phrase,
    split_parts,
)
from .numbers import (
    DIR_NAME,
    DIRECTION,
    DOWN_TO,
    ITEM,
    PG_COUNT,
    QUALIFIER_CMP,
    STRICT,
    STRICT_CMP,
    Item,
    group_items,
    is_attribute,
    read_items,
)
from .scopes import AREA_CATEGORIES, PLACE_LIKE, Resolver
from .years import Paragraph

#: Where the predicate of a clause begins: the subject is what comes before.
_PREDICATE = re.compile(
    r"力争|争取|确保|分别|累计|"
    r"(?:基本|持续|稳步|逐步|进一步|全面|显著|明显|有效|大幅|(?<![年人平])均|总体|稳定)?"
    r"(?:(?:达到(?!或)|提升|提高|增加|增长|上升|下降|降低|减少|降至|降到|压减|压降|削减|保持|维持|"
    r"稳定在|控制在|控制到|实现|完成|建成(?![区率比])|消除|超过|高于|低于|少于|多于|大于|小于|"
    r"不少于|不低于|不高于|不超过|不大于|不小于|至少|不足|不满|突破)(?!比例|比重|率|量|幅度|值))"
    rf"|(?:比|较|相比|相较于?){YEAR}年|与{YEAR}年相比"
    rf"|(?:比|较)“?十[{ONE_TO_NINE}]五”?(?:末|期末)"
    r"|(?:达|为)(?=\d|百分之)"
)


#: Words that give each place of a list the value (分别, 各, 均, 都): else an amount is
#: the places' total.
_JOINT = re.compile(r"分别|各自|各|均|都|每")


def _amount(item: Item) -> bool:
    """An amount that adds up across places (亩, 吨, 个), not a level (%, 微克/立方米)."""
    return item.unit is not None and item.unit not in _LEVEL_UNITS


_LEVEL_UNITS: frozenset[model.UnitCode] = frozenset(
    {
        "qudt:PERCENT",
        "pg:PercentagePoint",
        "qudt:MicroGM-PER-M3",
        "qudt:MilliGM-PER-M3",
        "qudt:MilliGM-PER-L",
        "qudt:PERMILLE",
        "qudt:UNITLESS",
        "qudt:DeciB",
        "qudt:DAY",
        "qudt:HR",
    }
)


#: After a number: the name of a standard (节能65%标准, 75%的节能标准, 一级A标准).
_STANDARD = re.compile(r"(?:以上|以下|及以上|及以下)?的?(?:节能)?(?:设计)?标准")


#: Kinds of area that name no quantity when they are all the subject holds.
AREA_WORDS = frozenset({"城市", "城区", "农村", "城镇", "乡村", "全市", "全省", "全区", "全县"})


#: Action verbs of counted targets (建成 700 家 …): the object after them is counted.
_ACTION = re.compile(
    r"建成(?![区率比])|新建|建设|创建|争创|打造|培育|推进|推动|推广|开展|完成|实现|新增|改造|淘汰|"
    r"治理|修复|整治|实施|认定|形成|发展|建立|安装|布设|清淤|营造|种植"
)


_FROM_VALUE = re.compile(rf"(?:由|从)(?:{YEAR}年)?(?:的)?$")


_STATUS = re.compile(
    r"已|(?<!修复|改造|提升|保护|整治|利用)现有|目前|共有|拥有|尚未|仍有|未完成|"
    r"(?:下降|降低|减少|提高|提升|增加|增长|达到|建成|完成|超过)了|截至|截止|以来"
)


#: After a number: it bounds what a noun names (范围内的, 以上的 …), not a goal.
_DEFINING = re.compile(
    r"(?:范围内|范围以内|以内|以上|以下|及以上|及以下|之间)?的|(?:范围内|范围以内)"
)


#: Standing rules (不得, 严禁 …) set limits but commit to nothing: 沿江1公里范围内不得新建….
_RULE = re.compile(r"不得|严禁|禁止|不准|不允许|原则上不再")


def numeric_targets(
    clause: Clause,
    para: Paragraph,
    table: IndicatorTable,
    context: str,
    places: list[str],
    previous: model.Indicator | None,
    *,
    resolve: Resolver | None = None,
    listed: bool = False,
) -> list[Draft]:
    """The numeric targets of one clause.  ``listed``: the clause before held counted
    targets, so a bare "noun + number" here is the next item of their list."""
    masked, text = clause.masked, clause.text
    groups = group_items(masked, read_items(masked, clause.subject_at))
    if not groups or para.past or _STATUS.search(masked) or _RULE.search(masked):
        return []
    drafts: list[Draft] = []
    region = clause.subject_at
    subject_from = region  # behind an attribute ("浓度高于100毫克/升的规模") the subject goes on
    modal = re.search(r"力争|争取|确保|每年", masked) is not None
    for group in groups:
        g_start = group[0].start
        g_end = group[-1].end + len(group[-1].qualifier or "")
        pre = masked[region:g_start]
        if _FROM_VALUE.search(pre):
            region = subject_from = g_end  # "由2020年的40%提高到50%": where it starts from
            continue
        if is_attribute(masked, group, g_end):
            region = g_end  # "10蒸吨及以下燃煤锅炉", "高于100毫克/升的": describes a noun
            continue
        if _STANDARD.match(masked, g_end):
            # "执行公共建筑节能65%标准": the figure names a standard, it is no goal
            region = g_end
            continue
        if (
            _DEFINING.match(masked, g_end)
            and not _PREDICATE.search(masked, region, g_start)
            and not _ACTION.search(masked, max(region, g_start - 4), g_start)
        ):
            # "供热半径30公里范围内的", "年旅客吞吐量500万人次以上的机场": a threshold that
            # says which things are meant, inside a definition, not a goal
            region = subject_from = g_end
            continue
        # one look past the number, for "达15%" and "为百分之…"
        pm = _PREDICATE.search(masked[region : g_start + 3])
        if pm is not None and pm.start() >= len(pre):
            pm = None
        subj_end = region + (pm.start() if pm else len(pre))
        subject = clean_subject(text[subject_from:subj_end])
        verbs = masked[subj_end:g_start]
        strict = [m for m in STRICT.finditer(verbs)]
        if not strict:  # "新建城市绿道约2000公里": the word right before the number
            near = max(region, g_start - 3)
            strict = [m for m in STRICT.finditer(masked, near, g_start) if m.end() == g_start]
        direction: model.Direction | None = None
        for dm in DIRECTION.finditer(verbs):
            direction = DIR_NAME[dm.lastgroup or ""]
        if direction is None and any(i.increase for i in group):
            direction = "Increase"
        action = _ACTION.search(masked, region, g_start)
        committed = (
            para.year is not None
            or bool(strict)
            or direction is not None
            or action is not None
            or any(i.qualifier or i.ranged for i in group)  # 以上, 左右, 7-10天
            or modal
            or re.search(r"达到|达(?=\d)", masked[region : g_start + 1]) is not None
            # the next item of a list an action governs: 新建充电站12座、充电桩3600个
            or (listed and (masked[region : region + 1] == "、" or region == g_start))
            or (listed and not drafts and not verbs and not action and len(pre) <= 12)
        )
        listed = listed or action is not None
        # an area of its own at the head of a later item: …50%左右、粤东西北地区…25%左右
        own_area = (
            PLACE_LIKE.match(masked, region + 1) if masked[region : region + 1] == "、" else None
        )
        region_next = g_end
        if not committed:
            region = subject_from = region_next
            continue
        down_to = DOWN_TO.search(verbs) is not None
        # what is counted or measured after the number: "1个“无废城市”"
        post_end, post_stop = g_end, min(len(masked), g_end + 30)
        while post_end < post_stop and masked[post_end] not in "、,;。":
            post_end += 1
        post = text[g_end:post_end]
        verb_obj = ""
        label = subject
        if action is not None:
            inside = action.start() < subj_end  # "新增…能力不少于": the subject is a verb phrase
            stop = subj_end if inside else g_start
            obj = STRICT.sub("", text[action.end() : stop])
            verb_obj = text[action.start() : action.end()] + obj
            if inside or not subject:
                if MEASURE_NOUN.search(match_key(obj)):
                    label = clean_subject(obj)
                elif inside and not clean_subject(obj):
                    # "处置能力新增50万吨/年": the verb follows what it adds to
                    head = clean_subject(text[subject_from : action.start()])
                    label = text[action.start() : action.end()] + head
                else:
                    label = clean_subject(ITEM.sub("", verb_obj + post))
        head_text = verb_obj + post
        parts = split_parts(subject, table)
        each = text[subject_from:subj_end].rstrip().endswith("均")  # A和B均达90%
        distributive = "分别" in verbs or verbs.startswith("均") or each or len(group) == len(parts)
        split = len(parts) > 1 and (
            (distributive and len(group) in (1, len(parts))) or distinct(parts, table)
        )
        if not split:
            parts = [subject]
        # "降至30微克/立方米,力争达到28微克/立方米": no subject, the previous one's
        area_only = bool(subject) and (
            PLACE_LIKE.fullmatch(subject) is not None or subject in AREA_CATEGORIES
        )
        # "京津冀地区达到35%": an area with the previous target's measure, never an indicator
        same = previous if action is None and (area_only or _elliptical(subject, table)) else None
        # the thing counted: what follows the number up to the end of the clause
        counted = ITEM.sub("", text[g_end:].split("。")[0])
        indicators = [
            _numeric_indicator(
                p, head_text, p if split else label, clause, table, context, same, counted, resolve
            )
            for p in parts
        ]
        pairs: list[tuple[Item, model.Indicator, str | None]] = []
        joint: str | None = None
        if len(places) > 1:
            if len(group) == 1 and _JOINT.search(clause.masked) is None and _amount(group[0]):
                # 土默特左旗、托克托县盐碱地恢复…20万亩: one amount for the places together
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
            pairs, kinds = pairs * len(categories), list(categories)
        elif len(categories) == 1:
            kinds = [categories[0]] * len(pairs)
        heads = clause.heads
        if heads and len(group) in (1, len(heads)):
            # 京津冀及周边地区、长三角地区、汾渭平原…分别下降10%、10%和5%: one value each
            items = group * len(heads) if len(group) == 1 else group
            pairs = [(it, indicators[0], pid) for it, (pid, _) in zip(items, heads, strict=True)]
            kinds = [None if pid else name for pid, name in heads]
        for (item, ind, place), kind in zip(pairs, kinds, strict=True):
            comparator: model.Comparator
            if item.qualifier:
                comparator = QUALIFIER_CMP[item.qualifier]
            elif item.ranged:
                comparator = "AtLeast"
            elif item.more:
                comparator = "Above"
            elif strict:
                comparator = STRICT_CMP[strict[-1].group()]
            elif down_to:
                comparator = "AtMost"
            else:
                comparator = "Exactly"
            drafts.append(
                Draft(
                    sentence=0,
                    start=max(clause.subject_at, g_start - 60),
                    end=post_end,
                    order=0,
                    indicator=ind,
                    value=item.value,
                    unit=item.unit,
                    count_noun=item.count_noun if item.unit == PG_COUNT else None,
                    comparator=comparator,
                    direction=direction,
                    scope=None
                    if own_area
                    else place
                    if heads
                    else (place or (places[0] if len(places) == 1 else None)),
                    scope_text=kind
                    or joint
                    or (own_area.group() if own_area else None)
                    or (subject if area_only and not place else None),
                )
            )
        region = subject_from = region_next
    return drafts


def _elliptical(subject: str, table: IndicatorTable) -> bool:
    """No subject, or only a short name of where (县城达到70%, 建制镇达到50%): the
    measure is the previous target's."""
    if not subject:
        return True
    key = match_key(subject)
    return len(key) <= 4 and not MEASURE_NOUN.search(key) and table.match(subject) is None


def _numeric_indicator(
    subject: str,
    head_text: str,
    label: str,
    clause: Clause,
    table: IndicatorTable,
    context: str,
    previous: model.Indicator | None,
    counted: str = "",
    resolve: Resolver | None = None,
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
    ind = table.match(ITEM.sub("", clause.text[clause.body : clause.body + MATCH_SPAN]))
    if ind:
        return ind
    if previous is not None:
        return previous
    label = noun_phrase(label, counted)
    if (resolve is not None and label and resolve(label) is not None) or label in AREA_WORDS:
        # 南江 in 规划南江建设1座…, 城市 in 实现城市7-10天预报: a place names no quantity
        label = noun_phrase("", counted) or label
    if not (has_cjk(label) and len(match_key(label)) >= 2):
        label = clean_subject(ITEM.sub("", clause.text[clause.subject_at :]))
    return derived_indicator(label)
