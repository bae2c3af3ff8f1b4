"""Numeric targets of one clause: a number with a unit that the clause commits to."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from plangraph import model

from .clauses import Clause, Draft, has_cjk, match_key
from .comparison_words import DIR_NAME, DIRECTION, DOWN_TO, QUALIFIERS, STRICT, STRICT_WORDS
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
    counted_for_verb,
    counts_list,
    counts_places,
    head_noun,
    served,
    spells_code,
)
from .cues import (
    ACTED_ON,
    ACTION,
    ALSO,
    BARE_VERB,
    BRACKET_SHARE,
    BY_AMOUNT,
    DEFINED_HEAD,
    DEFINED_SHARE,
    DEFINING,
    FOCUS,
    FROM_VALUE,
    KIND_OF_AREA,
    LIST_FOLLOWS,
    LISTED_KINDS,
    LISTED_ONLY,
    ONLY_A_TOTAL,
    ONLY_VERBS,
    PLANNED,
    PREDICATE,
    PROJECTS_SUM,
    REACH_CIRCLE,
    RULE,
    SHARE_AHEAD,
    STANDARD,
    STATUS,
    TOPIC_ONLY,
    VERB_TAIL,
    WHOLE_AREA,
    WORK_SHARE,
    WORKS_BEFORE,
    defined_area_end,
    names_a_setting,
)
from .indicators import (
    FRAME,
    MEASURE_NOUN,
    YEAR_TAIL,
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
    ITEM,
    TIME_LIMIT,
    TIME_UNITS,
    Item,
    group_items,
    is_attribute,
    read_items,
)
from .pairing import assign
from .scopes import AREA_CATEGORIES, PLACE_LIKE, Resolver
from .unit_words import PERCENT, PG_COUNT, PG_PP, UNITLESS
from .years import Paragraph


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
    described: bool = False,
) -> list[Draft]:
    """The numeric targets of one clause.  ``listed``: the clause before held counted
    targets, so a bare "noun + number" here is the next item of their list; ``described``:
    the sentence says what something comprises (包括…), so its year commits no count."""
    masked, text = clause.masked, clause.text
    items = read_items(masked, clause.subject_at)
    items = [i for n, i in enumerate(items) if not names_a_setting(masked, i, items[n + 1 :])]
    groups = group_items(masked, items)
    if not groups or para.past or STATUS.search(masked) or RULE.search(masked):
        return []
    if spells_code(text, [item for group in groups for item in group]):
        return []  # 4个提升、3个一体化、2个突破、1个增效“4321”目标: a slogan's parts
    before = re.split(r"[,，;；。]", context)[-2:-1] if context else []
    if (
        before
        and STATUS.search(before[0])
        and not ACTION.search(masked)
        and not PREDICATE.search(masked)
    ):
        return []  # 划分了4个湿地功能区,「12个亚区」: the next item of what was done
    if FOCUS.match(masked, clause.subject_at):
        return []  # "以面积大于100平方千米、…的海湾为重点": which things are meant, no goal
    drafts: list[Draft] = []
    from_at: int | None = None  # where "由…" (the value a target starts from) begins
    from_item: Item | None = None  # and that value
    region = clause.subject_at
    subject_from = region  # behind an attribute ("浓度高于100毫克/升的规模") the subject goes on
    modal = re.search(r"力争|争取|确保|每年", masked) is not None
    modal = modal or "实现" in masked[: clause.body]  # 实现全产业链产值1330亿元: a goal reached
    defined_area: str | None = None
    defined = DEFINED_HEAD.match(masked, region)
    if defined is not None and not (clause.categories or places):
        # "城区常住人口100万以上的城市绿色出行比例…": a kind of area that a threshold defines
        # heads the clause, and scopes its targets
        defined_area = text[region : defined.end()]
        region = subject_from = defined.end()
    shared = False  # a share of things reaching a state was read: its state runs to the end
    for group in groups:
        if shared and group[-1].unit != PERCENT:
            # 实现20%的村集体年收入超30万元: the level that defines the state, no goal (not the
            # shares a flattened table's row goes on with: 公众满意度85%90%95%)
            continue
        g_start = group[0].start
        g_end = group[-1].end + len(group[-1].qualifier or "")
        ahead = SHARE_AHEAD.search(masked, g_end)
        if ahead is not None and LISTED_ONLY.fullmatch(masked, g_end, ahead.start()):
            # 每周参加体育锻炼活动不少于3次、…的人数比例达到32%: a threshold that says whom the
            # share counts, no goal of its own
            continue
        pre = masked[region:g_start]
        start_mark = FROM_VALUE.search(pre)
        if start_mark is not None:
            # "由2020年的40%提高到50%": the value it starts from, a base; what it measures is
            # named before 由, and ends there
            from_at, from_item = region + start_mark.start(), group[-1]
            region = g_end
            continue
        if (
            group[-1].unit == PG_COUNT
            and region == clause.subject_at
            and (not pre.strip() or LISTED_KINDS.fullmatch(pre.strip()))
            and (AREA_AFTER.match(masked, g_end) or group[-1].count_noun in DIVISION_WORDS)
            and (PREDICATE.search(masked, g_end) or ACTION.search(masked, g_end))
        ):
            # "11个设区城市基本建成…": the count names the places the clause is about, also
            # after the kinds it totals ("直辖市、省会城市和计划单列市等46个重点城市…")
            region = subject_from = g_end
            continue
        if (
            group[-1].unit == PG_COUNT
            and region == clause.subject_at
            and TOPIC_ONLY.fullmatch(pre.strip())
            and not ACTION.search(pre)
            and POSSESSED_MEASURE.match(masked, g_end)
        ):
            # "119个国控断面水质优良比例达98.3%", "11个考核断面水质达到考核要求": the
            # count says how many things the measure after it is taken over, no goal
            region = subject_from = g_end
            continue
        if group[-1].unit == PG_COUNT and PROJECTS_SUM.match(masked, g_end):
            # "217个续建项目计划完成投资550亿元": the count says how many projects the sum
            # after it is over, no goal
            region = subject_from = g_end
            continue
        if group[-1].unit == PG_COUNT and (
            PARTS_AFTER.match(masked, g_end) or PARTS_BEFORE.search(masked, region, g_start)
        ):
            # "共设置重点指标17项,其中约束性指标7项", "聚焦…等六项任务", "…四个重点": the
            # plan counts its own parts, no goal
            region = subject_from = g_end
            continue
        if (
            group[-1].unit == PG_COUNT
            and ONLY_A_TOTAL.fullmatch(masked, region, g_start)
            and LIST_FOLLOWS.fullmatch(masked, g_end)
        ):
            # "…民生实事项目,共15项,分别是:": how many items the list after it has, a
            # clause of a bare total that names nothing measured, no goal
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
            area_end = defined_area_end(masked, g_end, clause, places)
            if area_end is not None:
                defined_area = text[clause.subject_at : area_end]
                region = subject_from = area_end
            continue
        if STANDARD.match(masked, g_end):
            # "执行公共建筑节能65%标准": the figure names a standard, it is no goal
            region = g_end
            continue
        defining = DEFINING.match(masked, g_end)
        if (
            defining is not None
            and not WORK_SHARE.match(masked, g_end)  # 60%的工程量: progress, no threshold
            and not PREDICATE.search(masked, region, g_start)
            and not ACTION.search(masked, max(region, g_start - 4), g_start)
            and not (
                # "75%以上的可治理沙化土地得到治理": a share of things reaching a state
                group[-1].unit == PERCENT
                and (
                    not pre.strip()
                    or pre.strip() in AREA_CATEGORIES  # 城市建成区40%以上的
                    or WHOLE_AREA.fullmatch(pre.strip()) is not None  # 全县30%的行政村
                )
                and SHARE.match(masked, defining.end())
            )
        ):
            # "供热半径30公里范围内的", "年旅客吞吐量500万人次以上的机场": a threshold that
            # says which things are meant, inside a definition, not a goal
            region = subject_from = g_end
            area_end = defined_area_end(masked, g_end, clause, places)
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
        pm = PREDICATE.search(masked[region : g_start + 3])
        if pm is not None and pm.start() >= len(pre):
            pm = None
        subj_end = region + (pm.start() if pm else len(pre))
        whom = DEFINED_SHARE.search(pre)
        if whom is not None and region + whom.start() > subj_end:
            # 每周…不少于3次、每次不少于30分钟、锻炼强度中等以上的人数比例达到32%: what comes
            # before "…的人数比例" defines whom it counts; the share is what the goal measures
            subject_from = region + pre.rfind("、", 0, whom.start()) + 1
            subj_end = region + whom.end("share")
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
                and BY_AMOUNT.fullmatch(verbs, dm.end()) is not None
            )
        if direction is None and any(i.increase for i in group):
            direction, change = "Increase", True  # 翻一番
        action = ACTION.search(masked, region, g_start)
        committed = (
            (para.year is not None and not described)
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
            # 为62户…家庭实施…改造 under the plan's deadline: whom a pledged service is for
            or (para.horizon is not None and served(masked, pre, group[-1], g_end))
            # 规划投资2103亿元, 规划各类水利项目1635个: what the plan plans over its period
            # (not 规划面积, 规划范围: what it covers)
            or (para.horizon is not None and PLANNED.search(masked, region, g_start) is not None)
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
        post = ALSO.split(text[g_end:post_end], 1)[0]  # 设置1912个监测点位「并根据需要…」
        verb_obj = ""
        label = subject
        if action is not None:
            inside = action.start() < subj_end  # "新增…能力不少于": the subject is a verb phrase
            stop = subj_end if inside else g_start
            obj = STRICT.sub("", text[action.end() : stop])
            obj = YEAR_TAIL.sub("", obj)  # 建成充电桩「2023年」达到1万个: the deadline
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
            named = clean_subject(obj)
            if (
                not inside
                and subject
                and group[-1].unit != PG_COUNT
                and len(match_key(named)) >= 2
                and has_cjk(named)
                and not MEASURE_NOUN.search(match_key(subject))
                and table.match(subject) is None
                and not BARE_VERB.fullmatch(named)
            ):
                # "年内完成投资14亿元", "计划完成投资700亿元以上": when or who acts names
                # nothing measured; the object of the verb does (counts: below); projects of
                # a stage name what is invested in (续建项目计划完成投资550亿元: 续建项目投资)
                works = WORKS_BEFORE.search(clean_subject(subject))
                subject = label = (works.group(1) if works else "") + named
            elif inside and (
                urban_rural := KIND_OF_AREA.fullmatch(
                    FRAME.sub("", text[subject_from : action.start()]).strip(" 、,;")
                )
            ):
                # "城镇新增就业人数", "农村新建户用厕所": a kind of area before the verb begins
                # the measure's name, it is no actor
                label = urban_rural.group("kind") + clean_subject(text[action.start() : subj_end])
            elif inside or not subject:
                if MEASURE_NOUN.search(match_key(obj)):
                    label = clean_subject(obj)
                elif (
                    inside
                    and not clean_subject(obj)
                    and (
                        (head := clean_subject(text[subject_from : action.start()]))
                        or group[-1].unit != PG_COUNT
                        # 新增 with nothing before it counts the noun after it, and stays in
                        # front of it (确保新增6所公办幼儿园)
                        or text[action.start() : action.end()] != "新增"
                    )
                ):
                    # "处置能力新增50万吨/年": the verb follows what it adds to
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
                noun = clean_subject(ALSO.split(text[g_end : counted_after.end()], 1)[0])
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
        limit = TIME_LIMIT.match(masked, group[-1].end) if group[-1].unit in TIME_UNITS else None
        if limit is not None and len(match_key(limit.group("what"))) >= 4:
            # 12小时之内受灾人员基本生活得到有效救助: what is done within the time is measured
            subject = label = clean_subject(text[limit.start("what") : limit.end("what")])
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
            obj = clean_subject(VERB_TAIL.sub("", obj))
            if len(match_key(obj)) >= 2 and has_cjk(obj):
                subject = label = obj
        same = (
            previous
            if action is None and not own_noun and (area_only or elliptical(subject, table))
            else None
        )
        # the thing counted: what follows the number up to the end of the clause
        counted = ALSO.split(ITEM.sub("", text[g_end:own_end].split("。")[0]), 1)[0]
        share = share_measure(masked, text, group, g_end, subject)
        shared = shared or share is not None
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
        if previous is not None:
            # 南京、苏州分别建成5000个、4000个: a verb names nothing measured; the values
            # break down the measure before them
            indicators = [
                previous if ONLY_VERBS.fullmatch(ind.label_zh) else ind for ind in indicators
            ]
        if group[-1].unit == PG_COUNT:
            # 新增24个、提升10个A级景区村庄: a verb names nothing counted, the noun after does
            nouns = [counted_for_verb(i.label_zh, text, masked, g_end) for i in indicators]
            indicators = [
                (table.match(n) or derived_indicator(n)) if n else i
                for i, n in zip(indicators, nouns, strict=True)
            ]
        if before and all(BARE_VERB.fullmatch(ind.label_zh) for ind in indicators):
            # 实施中小学校“示范食堂”建设行动,2024年完成1000家以上: a bare verb counts what
            # the clause before acts on
            acted = ACTED_ON.search(before[0].strip())
            name = clean_subject(acted["object"]) if acted else ""
            if len(match_key(name)) >= 2 and has_cjk(name):
                indicators = [table.match(name) or derived_indicator(name)] * len(indicators)
        assigned = assign(
            clause,
            text,
            group,
            indicators,
            places,
            verbs=verbs,
            distributive=distributive,
            subject=text[subject_from:subj_end],
        )
        joint = assigned.joint
        heads = clause.heads
        for (item, ind, place), kind in zip(assigned.pairs, assigned.kinds, strict=True):
            comparator: model.Comparator
            if item.qualifier:
                comparator = QUALIFIERS[item.qualifier]
            elif item.ranged:
                comparator = "AtLeast"
            elif item.more:
                comparator = "Above"
            elif strict:
                comparator = STRICT_WORDS[strict[-1].group()]
            elif down_to or (item.unit in TIME_UNITS and REACH_CIRCLE.match(masked, g_end)):
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
                    doubling=item.doubling,
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
        bracket = BRACKET_SHARE.match(text, g_end)
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
