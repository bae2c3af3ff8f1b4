"""Numeric targets of one clause: a number with a unit that the clause commits to."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from plangraph import model
from plangraph.vocab import ONE_TO_NINE, YEAR, alternation

from .clauses import Clause, Draft, has_cjk, match_key
from .counts import (
    AREA_AFTER,
    COUNTED_AFTER,
    DIVISION_WORDS,
    NEXT_COUNT,
    ONE_OF,
    ONLY_A_BATCH,
    PARTS_AFTER,
    PARTS_BEFORE,
    POSSESSED_MEASURE,
    TOTAL,
    VERB_ONLY,
    counts_list,
    counts_places,
    head_noun,
)
from .indicators import (
    FRAME,
    MEASURE_NOUN,
    IndicatorTable,
    clean_subject,
    derived_indicator,
    distinct,
    items_of_group,
    noun_phrase,
    split_parts,
)
from .measures import SHARE, elliptical, numeric_indicator, restricting, share_measure
from .numbers import (
    DIR_NAME,
    DIRECTION,
    DOWN_TO,
    ITEM,
    NOT_A_MEASURE,
    PERCENT,
    PG_COUNT,
    PG_PP,
    QUALIFIERS,
    STRICT,
    STRICT_WORDS,
    UNITLESS,
    Item,
    group_items,
    is_attribute,
    read_items,
)
from .scopes import AREA_CATEGORIES, PLACE_LIKE, SUMMARY, Resolver, shared_head_kinds
from .years import Paragraph

#: Verbs that open the predicate of a clause (the subject is what comes before them),
#: besides 达到 (not 达到或…) and 建成 (not 建成区, 建成率).
PREDICATE_VERBS = (
    *("提升", "提高", "增加", "增长", "上升"),
    *("下降", "降低", "减少", "降至", "降到", "压减", "压降", "削减", "消减"),
    *("保持", "维持", "稳定在", "控制在", "控制到", "实现", "完成", "消除"),
    *("超过", "高于", "低于", "少于", "多于", "大于", "小于", "突破"),
    *("不少于", "不低于", "不高于", "不超过", "不大于", "不小于", "至少", "不足", "不满"),
    *("≥", "⩾", "≧", "≤", "⩽", "≦"),  # 知晓率≥90%
)
#: Adverbs that may stand before those verbs (稳步提升, 基本消除, 均达到).
PREDICATE_ADVERBS = (
    *("基本", "持续", "稳步", "逐步", "进一步", "全面", "显著", "明显"),
    *("有效", "大幅", "总体", "稳定", "再"),
)
#: Where the predicate of a clause begins: the subject is what comes before.
_PREDICATE = re.compile(
    rf"""
      力争 | 争取 | 确保 | 分别 | 累计                        # modal words and 分别
    | (?: {alternation(PREDICATE_ADVERBS)} | (?<![年人平])均 )?  # 稳步…, 均 (not 年均, 人均)
      (?: 达到(?!或) | 建成(?![区率比]) | {alternation(PREDICATE_VERBS)} )
      {NOT_A_MEASURE}                                            # 提高率 is a measure
    | (?:比|较|相比|相较于?) {YEAR}年 | 与{YEAR}年相比                # a base year
    | (?:比|较) “?十[{ONE_TO_NINE}]五”? (?:末|期末)                 # a five-year plan's end
    | (?:达|为|超) (?=\s?\d|百分之)                     # 达15%, 为百分之…, 超 75 公里
    | (?<![A-Za-z0-9"'/=-]) [<>] (?=\s*\d)                      # 准确率>95%
    """,
    re.VERBOSE,
)


#: Words that give each place of a list the value (分别, 各, 均, 都): else the value is
#: the places' together (an amount their total, a level theirs as a group).
_JOINT = re.compile(r"分别|各自|各|均|都|每")
#: Between a verb of change and its number, what keeps the number the amount of the change
#: (下降约3%, 提高了5个百分点); 提高到, 下降至, 提升为 make it a level.
_BY_AMOUNT = re.compile(r"\s*(?:了)?(?:约|近|超过|逾)?\s*")


def _amount(item: Item) -> bool:
    """An amount that adds up across places (亩, 吨, 个), not a level (%, 微克/立方米): the
    places of a sentence's lead clause share an amount, each keeps a level."""
    return item.unit is not None and item.unit not in _LEVEL_UNITS


_LEVEL_UNITS: frozenset[model.UnitCode] = frozenset(
    {
        *("qudt:PERCENT", "pg:PercentagePoint", "qudt:MicroGM-PER-M3", "qudt:MilliGM-PER-M3"),
        *("qudt:MilliGM-PER-L", "qudt:PERMILLE", "qudt:UNITLESS", "qudt:DeciB", "qudt:DAY"),
        "qudt:HR",
    }
)


#: After a number: the name of a standard (节能65%标准, 75%的节能标准, 一级A标准).
_STANDARD = re.compile(r"(?:以上|以下|及以上|及以下)?的?(?:节能)?(?:设计)?标准")


#: Action verbs of counted targets (建成 700 家 …): the object after them is counted.
_ACTION = re.compile(
    r"建成(?![区率比])|新建|新\(□{1,2}\)建|建设|创建|争创|打造|培育|推进|推动|推广|开展|完成|实现|新增|改造|淘汰|"
    r"治理|修复|整治|实施|认定|形成|发展|建立|安装|布设|清淤|营造|种植|"
    # the sites of a monitoring or service network that a national plan sets up (设置1734个
    # 国家城市空气质量监测站点, 筛选…风险监控点9483个, 组建…, 设立…)
    r"设置|设立|筛选|组建|增设|配备|保障|"
    r"坚守|守住|严守|"  # 坚守18亿亩耕地红线: a red line the plan holds
    r"(?:新)?开工|完工|竣工|续建|落实|打通|贯通|"  # building works: 开工…等12个重点项目
    r"扶持|培植|引进|招引"  # enterprises fostered or drawn in: 扶持…龙头企业1家
)
#: …not inside a noun of a kind (水源地整治与生态修复「类」项目, 治理「型」…): no action there
_ACTION = re.compile(
    rf"(?:{_ACTION.pattern})(?!(?:[与和及][\u4e00-\u9fff]{{1,6}})?[类型]|能力|水平|率|比例)"
)  # nor a noun of capacity or level: 煤炭供应保障能力, 治理能力, 改造率


_FROM_VALUE = re.compile(rf"(?:由|从)(?:{YEAR}年)?(?:的)?$")


_STATUS = re.compile(
    r"已|(?<!修复|改造|提升|保护|整治|利用)现有|目前|共有|拥有|尚未|仍有|未完成|"
    r"(?<![为除])[\u4e00-\u9fff]了(?!解|如指掌)|截至|截止|以来"  # 形成了, 下降了: done
)


#: After a number: it bounds what a noun names (范围内的, 以上的 …), not a goal.
_DEFINING = re.compile(
    r"(?:范围内|范围以内|以内|以上|以下|及以上|及以下|之间)?的|(?:范围内|范围以内)"
)


#: A clause that names what the work focuses on (以…为重点, 以…为主): the figures in it
#: say which things are meant.
_FOCUS = re.compile(r"\s*以[^,;。]{2,40}?为(?:重点|主|核心|抓手|突破口|主线|对象|单元)")


#: Standing rules (不得, 严禁 …) set limits but commit to nothing: 沿江1公里范围内不得新建….
_RULE = re.compile(r"不得|严禁|禁止|不准|不允许|原则上不再")
#: a count's share of the whole, in brackets right after it: 断面达到10个(占比47.6%)
_BRACKET_SHARE = re.compile(r"\((?:占比|比例|比重|占)(?:为|约)?(\d{1,3}(?:\.\d+)?)%\)")


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
    before = re.split(r"[,，;；。]", context)[-2:-1] if context else []
    if (
        before
        and _STATUS.search(before[0])
        and not _ACTION.search(masked)
        and not _PREDICATE.search(masked)
    ):
        return []  # 划分了4个湿地功能区,「12个亚区」: the next item of what was done
    if _FOCUS.match(masked, clause.subject_at):
        return []  # "以面积大于100平方千米、…的海湾为重点": which things are meant, no goal
    drafts: list[Draft] = []
    from_at: int | None = None  # where "由…" (the value a target starts from) begins
    from_item: Item | None = None  # and that value
    region = clause.subject_at
    subject_from = region  # behind an attribute ("浓度高于100毫克/升的规模") the subject goes on
    modal = re.search(r"力争|争取|确保|每年", masked) is not None
    modal = modal or "实现" in masked[: clause.body]  # 实现全产业链产值1330亿元: a goal reached
    defined_area: str | None = None
    defined = _DEFINED_HEAD.match(masked, region)
    if defined is not None and not (clause.categories or places):
        # "城区常住人口100万以上的城市绿色出行比例…": a kind of area that a threshold defines
        # heads the clause, and scopes its targets
        defined_area = text[region : defined.end()]
        region = subject_from = defined.end()
    for group in groups:
        g_start = group[0].start
        g_end = group[-1].end + len(group[-1].qualifier or "")
        pre = masked[region:g_start]
        start_mark = _FROM_VALUE.search(pre)
        if start_mark is not None:
            # "由2020年的40%提高到50%": the value it starts from, a base; what it measures is
            # named before 由, and ends there
            from_at, from_item = region + start_mark.start(), group[-1]
            region = g_end
            continue
        if (
            group[-1].unit == PG_COUNT
            and region == clause.subject_at
            and (not pre.strip() or _LISTED_KINDS.fullmatch(pre.strip()))
            and (AREA_AFTER.match(masked, g_end) or group[-1].count_noun in DIVISION_WORDS)
            and (_PREDICATE.search(masked, g_end) or _ACTION.search(masked, g_end))
        ):
            # "11个设区城市基本建成…": the count names the places the clause is about, also
            # after the kinds it totals ("直辖市、省会城市和计划单列市等46个重点城市…")
            region = subject_from = g_end
            continue
        if (
            group[-1].unit == PG_COUNT
            and region == clause.subject_at
            and _TOPIC_ONLY.fullmatch(pre.strip())
            and not _ACTION.search(pre)
            and POSSESSED_MEASURE.match(masked, g_end)
        ):
            # "119个国控断面水质优良比例达98.3%", "11个考核断面水质达到考核要求": the
            # count says how many things the measure after it is taken over, no goal
            region = subject_from = g_end
            continue
        if group[-1].unit == PG_COUNT and (
            PARTS_AFTER.match(masked, g_end) or PARTS_BEFORE.search(masked, region, g_start)
        ):
            # "共设置重点指标17项,其中约束性指标7项", "聚焦…等六项任务", "…四个重点": the
            # plan counts its own parts, no goal
            region = subject_from = g_end
            continue
        if counts_list(masked, group, region):
            region = subject_from = (
                g_end  # "电子信息、生命健康、汽车、高端装备4个": the list just named
            )
            continue
        if group[-1].unit == PG_COUNT and ONE_OF.match(masked, g_end):
            region = subject_from = g_end  # "3项硬任务之一": which list it belongs to
            continue
        if counts_places(text, group, resolve):
            region = subject_from = g_end  # "博罗惠东龙门三县": the places just named
            continue
        if is_attribute(masked, group, g_end):
            region = g_end  # "10蒸吨及以下燃煤锅炉", "高于100毫克/升的": describes a noun
            area_end = _defined_area(masked, g_end, clause, places)
            if area_end is not None:
                defined_area = text[clause.subject_at : area_end]
                region = subject_from = area_end
            continue
        if _STANDARD.match(masked, g_end):
            # "执行公共建筑节能65%标准": the figure names a standard, it is no goal
            region = g_end
            continue
        defining = _DEFINING.match(masked, g_end)
        if (
            defining is not None
            and not _PREDICATE.search(masked, region, g_start)
            and not _ACTION.search(masked, max(region, g_start - 4), g_start)
            and not (
                # "75%以上的可治理沙化土地得到治理": a share of things reaching a state
                group[-1].unit == PERCENT
                and (not pre.strip() or pre.strip() in AREA_CATEGORIES)  # 城市建成区40%以上的
                and SHARE.match(masked, defining.end())
            )
        ):
            # "供热半径30公里范围内的", "年旅客吞吐量500万人次以上的机场": a threshold that
            # says which things are meant, inside a definition, not a goal
            region = subject_from = g_end
            area_end = _defined_area(masked, g_end, clause, places)
            if area_end is not None:
                # "城区常住人口100万以上的城市绿色出行比例…": the kind of area so defined is
                # the scope of the clause's targets
                defined_area = text[clause.subject_at : area_end]
                region = subject_from = area_end
            continue
        if listed and pre.startswith("、") and pre.count("、") > 1:
            # 、京津冀…组分监测站点、3646个地表水监测断面: the items without a count before it
            # are no subject of this one
            subject_from = region + pre.rfind("、") + 1
        # one look past the number, for "达15%" and "为百分之…"
        pm = _PREDICATE.search(masked[region : g_start + 3])
        if pm is not None and pm.start() >= len(pre):
            pm = None
        subj_end = region + (pm.start() if pm else len(pre))
        if from_at is not None and subject_from <= from_at <= subj_end:
            subj_end = from_at
        base_item, from_at, from_item = from_item, None, None
        subject = clean_subject(text[subject_from:subj_end])
        # 燃机项目一期(装机90万千瓦): the capacity of the projects named before the bracket
        subject = clean_subject(re.sub(r"\((?=总?装机)|(?<=装机)约$|^以及", "", subject))
        if ONLY_A_BATCH.fullmatch(subject):
            subject = ""  # 全市首批100个…示范社区: which batch, the count's noun names what
        verbs = masked[subj_end:g_start]
        # (the first digit too: a sign is read only right before a number)
        strict = [m for m in STRICT.finditer(masked, subj_end, g_start + 1) if m.end() <= g_start]
        if not strict:  # "新建城市绿道约2000公里": the word right before the number
            near = max(region, g_start - 3)
            strict = [
                m
                for m in STRICT.finditer(masked, near, g_start)
                if not masked[m.end() : g_start].strip()  # 超 75 公里: a space between
            ]
        direction: model.Direction | None = None
        change = False
        for dm in DIRECTION.finditer(verbs):
            direction = DIR_NAME[dm.lastgroup or ""]
            # 下降3%, 比2020年提高5个百分点: the number is how much it changes; 降至40%,
            # 提高到90%: the level it reaches
            change = (
                direction in ("Increase", "Decrease")
                and not DOWN_TO.fullmatch(dm.group())
                and dm.group()[-1] not in "至到"  # 增至, 升至
                # right before the number: 下降约3%, not 提升实验室1个 (a verb and its object)
                and _BY_AMOUNT.fullmatch(verbs, dm.end()) is not None
            )
        if direction is None and any(i.increase for i in group):
            direction, change = "Increase", True  # 翻一番
        action = _ACTION.search(masked, region, g_start)
        committed = (
            para.year is not None
            or bool(strict)
            or direction is not None
            or action is not None
            or any(i.qualifier or i.ranged for i in group)  # 以上, 左右, 7-10天
            or modal
            or re.search(r"达到", masked[region : g_start + 1]) is not None
            # a bare 达 commits where a deadline governs (the plan's period or a year): in a
            # text without one, 多年平均出境水量达264.3亿立方米 describes the present
            or (para.horizon is not None and re.search(r"达(?=\d)", masked[region : g_start + 1]))
            # the next item of a list an action governs: 新建充电站12座、充电桩3600个
            or (listed and (masked[region : region + 1] == "、" or region == g_start))
            or (listed and not drafts and not verbs and not action and len(pre) <= 12)
        )
        listed = listed or action is not None
        # an area of its own at the head of a later item: …50%左右、粤东西北地区…25%左右
        own_area = (
            PLACE_LIKE.match(masked, region + 1)
            if masked[region : region + 1] == "、" and pre.count("、") <= 1
            else None
        )
        own_place = resolve(own_area.group()) if own_area and resolve else None
        region_next = g_end
        if not committed:
            region = subject_from = region_next
            continue
        down_to = DOWN_TO.search(verbs) is not None
        # what is counted or measured after the number: "1个“无废城市”"
        post_end, post_stop = g_end, min(len(masked), g_end + 30)
        while post_end < post_stop and masked[post_end] not in "、,;。":
            post_end += 1
        post = _ALSO.split(text[g_end:post_end], 1)[0]  # 设置1912个监测点位「并根据需要…」
        verb_obj = ""
        label = subject
        if action is not None:
            inside = action.start() < subj_end  # "新增…能力不少于": the subject is a verb phrase
            stop = subj_end if inside else g_start
            obj = STRICT.sub("", text[action.end() : stop])
            verb_obj = text[action.start() : action.end()] + obj
            counted_noun = COUNTED_AFTER.match(masked, g_end)
            if (
                not inside
                and subject
                and group[-1].unit == PG_COUNT
                and counted_noun is not None
                and len(match_key(counted_noun.group())) >= 2
                and not MEASURE_NOUN.search(match_key(subject))
                and table.match(subject) is None
            ):
                # "提出黑龙江省将在2023年建成20个幸福河湖试点": who acts and when name
                # nothing measured; the thing counted does
                subject = ""
            if inside or not subject:
                if MEASURE_NOUN.search(match_key(obj)):
                    label = clean_subject(obj)
                elif inside and not clean_subject(obj):
                    # "处置能力新增50万吨/年": the verb follows what it adds to
                    head = clean_subject(text[subject_from : action.start()])
                    label = text[action.start() : action.end()] + head
                else:
                    label = clean_subject(ITEM.sub("", verb_obj + head_noun(text, g_end, post)))
            actor = text[subject_from : action.start()]
            counted_after = COUNTED_AFTER.match(masked, g_end)
            if (
                inside
                and len(match_key(FRAME.sub("", actor))) >= 2
                and has_cjk(actor)
                and not clean_subject(obj)
                and group[-1].unit == PG_COUNT
                and counted_after is not None
                and not MEASURE_NOUN.search(match_key(actor))
                and table.match(actor) is None
            ):
                # "国家布设1359个海水水质监测点位", "中央和地方共同推动三个区域…储备库建设":
                # who acts names no quantity, what the count counts does
                noun = clean_subject(_ALSO.split(text[g_end : counted_after.end()], 1)[0])
                if len(match_key(noun)) >= 2 and has_cjk(noun):
                    subject = label = noun
            thing = noun_phrase("", ITEM.sub("", text[g_end:]))
            if TOTAL.search(obj) and len(match_key(thing)) >= 2:
                # "实施…及通江县、巴州区共21个…预警系统": a total of the things counted after it
                subject = label = thing
        # "培育30个A、20个B和100个C": the noun after each count is what it counts, and
        # never the subject of the next one
        own_noun = False
        own_end: int | None = None  # where the noun this count counts ends, in a list
        after = COUNTED_AFTER.match(masked, g_end) if group[-1].unit == PG_COUNT else None
        if after is not None and len(group) == 1:
            following = NEXT_COUNT.match(masked, after.end())
            if following is not None:
                region_next, own_end = following.end(), after.end()
            elif masked.startswith("、", after.end()) and re.search(r"、\d", masked[after.end() :]):
                # …16个大气背景监测站、京津冀…组分监测站点、3646个…: the list goes on past
                # items without a count
                region_next, own_end = after.end(), after.end()
            if (not subject or VERB_ONLY.fullmatch(subject)) and (
                action is None or VERB_ONLY.fullmatch(action.group())
            ):
                # "每年扶持15个规模畜禽养殖场": a verb names nothing counted, the noun does
                noun = clean_subject(text[g_end : after.end()])
                if len(match_key(noun)) >= 2 and has_cjk(noun):
                    subject = label = noun
                    own_noun = True
        head_text = verb_obj + post
        parts = split_parts(items_of_group(subject) if "分别" in verbs else subject, table)
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
        if not subject and action is None and pm is not None and group[-1].unit == PG_COUNT:
            # "提升林业有害生物检测实验室1个": the object of the verb is what is counted
            obj = clean_subject(STRICT.sub("", text[region + pm.end() : g_start]))
            # 累计备案…项目数量「达到」100项: the verb after the measure is no part of it
            obj = clean_subject(_VERB_TAIL.sub("", obj))
            if len(match_key(obj)) >= 2 and has_cjk(obj):
                subject = label = obj
        same = (
            previous
            if action is None and not own_noun and (area_only or elliptical(subject, table))
            else None
        )
        # the thing counted: what follows the number up to the end of the clause
        counted = _ALSO.split(ITEM.sub("", text[g_end:own_end].split("。")[0]), 1)[0]
        share = share_measure(masked, text, group, g_end, subject)
        indicators = (
            [table.match(share) or derived_indicator(share)]
            if share
            else [
                numeric_indicator(
                    p,
                    head_text,
                    p if split else label,
                    clause,
                    table,
                    context,
                    same,
                    counted,
                    resolve,
                    own=own_noun,
                )
                for p in parts
            ]
        )
        pairs: list[tuple[Item, model.Indicator, str | None]] = []
        joint: str | None = None
        if len(places) > 1:
            first = text.find(clause.names[0], clause.body) if clause.names else -1
            named = text[first : clause.subject_at] if first >= 0 else ""
            if (
                len(group) == 1
                and _JOINT.search(clause.masked, clause.subject_at) is None
                and SUMMARY.search(named)
            ):
                # 长江、黄河…辽河等七大重点流域水质优良比例总体达到70%以上: one value for
                # the group the list names, its scope
                pairs, joint = [(group[0], indicators[0], None)], named
            elif (
                len(group) == 1
                and _JOINT.search(clause.masked, clause.subject_at) is None
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
            if _JOINT.search(clause.masked, clause.subject_at) is None:
                # 中心城区及重点区域供电可靠性达到99.993%: one level for the kinds of area
                # named together, as with places; 分别, 各, 均 give each its own
                kinds = [_joint_span(text, categories)]
            else:
                pairs, kinds = pairs * len(categories), list(categories)
        elif len(categories) == 1:
            kinds = [categories[0]] * len(pairs)
        elif (
            not places
            and len(pairs) == 2
            and distributive
            and _TOWN_AND_COUNTRY.match(text, subject_from)
        ):
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
            kinds = shared_head_kinds(text[subject_from:subj_end], pairs[-1][1], len(group))
        heads = clause.heads
        if heads and (
            len(group) == len(heads)
            or (len(group) == 1 and _JOINT.search(clause.masked, clause.subject_at) is not None)
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
        for (item, ind, place), kind in zip(pairs, kinds, strict=True):
            comparator: model.Comparator
            if item.qualifier:
                comparator = QUALIFIERS[item.qualifier]
            elif item.ranged:
                comparator = "AtLeast"
            elif item.more:
                comparator = "Above"
            elif strict:
                comparator = STRICT_WORDS[strict[-1].group()]
            elif down_to or (item.unit in _TIME_UNITS and _REACH_CIRCLE.match(masked, g_end)):
                comparator = "AtMost"  # 形成陆域2小时应急监测响应圈: reached within 2 hours
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
                    # a coefficient (0.65) is a pure number: no unit
                    unit=None if item.unit == UNITLESS else item.unit,
                    count_noun=item.count_noun if item.unit == PG_COUNT else None,
                    comparator=comparator,
                    direction=direction,
                    change=change or (direction is not None and item.unit == PG_PP),
                    base_value=base_item.value
                    if base_item is not None and base_item.unit == item.unit and not change
                    else None,
                    scope=own_place
                    if own_area
                    else place
                    if heads
                    else (place or (places[0] if len(places) == 1 else None)),
                    scope_text=kind
                    or defined_area
                    or joint
                    or (own_area.group() if own_area and not own_place else None)
                    # (not the whole a share is taken of: 城市建成区40%以上的面积达到…)
                    or (
                        subject
                        if area_only and not place and restricting(subject) and not share
                        else None
                    ),
                )
            )
        bracket = _BRACKET_SHARE.match(text, g_end)
        if bracket is not None and len(group) == 1 and group[-1].unit == PG_COUNT and drafts:
            # "汾河流域…断面达到10个(占比47.6%)": the count, and its share of the whole
            count = drafts[-1]
            name = f"{count.indicator.label_zh}比例"
            drafts.append(
                dataclasses.replace(
                    count,
                    indicator=table.match(name) or derived_indicator(name),
                    value=Decimal(bracket.group(1)),
                    unit=PERCENT,
                    count_noun=None,
                )
            )
        region = subject_from = region_next
    return drafts


#: Kinds of area listed and closed by 等 before the count that totals them.
#: What may stand before a count of the things a measure is taken over: nothing, the area
#: (全市) or the topic of the measure (空气质量六项基本指标…浓度, 全市119个国控断面水质…).
_TOPIC_ONLY = re.compile(r"[\u4e00-\u9fff]{0,8}")
_LISTED_KINDS = re.compile(r"[\u4e00-\u9fff、和及与]{2,40}?(?:城市|市|县|区|地区|省)等")
#: Units of time, and the circle reached within one (2小时应急监测响应圈, 1小时交通圈).
_TIME_UNITS: frozenset[model.UnitCode | None] = frozenset({"qudt:HR", "qudt:DAY"})
_REACH_CIRCLE = re.compile(r"[^,;。\d]{0,12}?圈")
#: A verb of reaching that closes the words before a number (…数量达到100项).
_VERB_TAIL = re.compile(r"(?:达到|达|为|提高到|提升到|增加到|增至|提高至|提升至)$")
#: Kinds of area that a threshold defines (人口100万以上的「城市」).
_AREA_KIND = re.compile(r"(?:城市|县城|城镇|县|地区|区域|乡镇|建制镇|行政村|建制村|村庄|村)")


#: 城乡 heading a subject whose values 分别 gives: one for the towns, one for the country.
_TOWN_AND_COUNTRY = re.compile(r"\s*(?:全[省市区县])?城乡")
#: A kind of area defined by a threshold heading a clause (城区常住人口100万以上的城市).
_DEFINED_HEAD = re.compile(
    # (a measure before the threshold: 90%以上的行政村 is a share of villages, no kind)
    rf"\s*[^,;。\d]{{2,12}}?\d+(?:\.\d+)?[万亿]?[^,;。\d%]{{0,4}}?及?(?:以上|以下|以内)的"
    rf"{_AREA_KIND.pattern}"
)
#: A second predicate joined to the first (设置1912个监测点位并根据需要适时增补完善): the
#: counted noun ends before it.
_ALSO = re.compile(r"并(?=[\u4e00-\u9fff]{2})(?!网|购|联|行|列|存)")


def _joint_span(text: str, names: list[str]) -> str:
    """The words that name several kinds of area together, as printed (中心城区及重点区域)."""
    first = text.find(names[0])
    last = text.find(names[-1], first + len(names[0])) if first >= 0 else -1
    return text[first : last + len(names[-1])] if last >= 0 else "、".join(names)


def _defined_area(masked: str, end: int, clause: Clause, places: list[str]) -> int | None:
    """Where a kind of area that a threshold defines ends (人口100万以上「的城市」), when the
    clause names no place or kind of area of its own; else None."""
    if clause.categories or places:
        return None
    defining = _DEFINING.match(masked, end)
    kind = _AREA_KIND.match(masked, defining.end()) if defining else None
    return kind.end() if kind is not None else None
