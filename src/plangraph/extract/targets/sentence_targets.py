"""One sentence's targets: its clauses read in order, with what the paragraph carries over
(its year, 力争, the measure a clause names for the next) and what the sentence itself says
(a list's lead, a heading's goal, a commitment without a number)."""

from __future__ import annotations

import dataclasses
import re

from plangraph import model
from plangraph.vocab import HALF_WIDTH

from .area_lists import MEASURE_END, area_items, lead_measure
from .clauses import (
    FYP_TIME,
    MAX_QUOTE,
    Clause,
    Draft,
    lead_end,
    mask,
    slogan_items,
    split_clauses,
    strip_span,
)
from .commitment_words import COMMITTING
from .commitments import commitment_drafts, may_commit, quoted_goals
from .cues import COMPRISES
from .indicators import IndicatorTable, clean_subject, derived_indicator
from .leads import (
    AHEAD,
    AHEAD_YEARS,
    ASPIRATION_WORDS,
    CHANGE_BY,
    CITY_SIZE,
    DEADLINE_LEAD,
    FORECAST,
    GOALS_TAIL,
    LEADING_ASPIRATION,
    LEADING_COMMITMENT,
    PACE_BEFORE,
    PAGE_FURNITURE,
    PART_OF,
    PARTS_LEAD,
    PURPOSE,
    SINCE_LEAD,
    STATUS_LEAD,
)
from .measures import work_share
from .numbers import MULTIPLE_END, NUMERAL, level_follows
from .numeric import numeric_targets
from .pledge_phrases import PROJECT_ITEM
from .pledges import EFFECTIVE_DATE, effective_targets, item_targets
from .scopes import (
    WATER_CHAR,
    WHOLE,
    Resolver,
    WaterIndex,
    Waters,
    head_categories,
    head_places,
    heading_list,
    heading_places,
    town_and_country,
)
from .unit_words import PERCENT
from .years import CN_YEAR, Paragraph, base_year_of, read_years

#: A sentence of the guiding ideas (以习近平…思想为指导, 深入贯彻…精神): the plan's manner,
#: wherever it is printed.
GUIDED = re.compile(r"\s*(?:以[^,;。]{2,40}为(?:指导|指引|遵循)|(?:全面|深入)贯彻)")


#: A clause that restores a measure to a level the past set (入境旅游人数逐步恢复到2019年
#: 水平, 客流量恢复至疫情前水平): it names the measure, the clause after it the figure.
RESTORED = re.compile(
    r"\s*([\u4e00-\u9fff]{2,16}?)(?:逐步|稳步|基本|全面|加快)?(?:恢复|回升|回归)(?:到|至)"
    r"[^,;。\d]{0,4}(?:\d{4}年|疫情前|往年)[^,;。]{0,6}水平\s*$"
)


def sentence_targets(
    sentence: model.Sentence,
    para: Paragraph,
    resolve: Resolver,
    table: IndicatorTable,
    waters: Waters | None = None,
    *,
    goals: bool | None = False,
    undated: bool = False,
    in_task: bool = False,
    items: bool = False,
) -> list[Draft]:
    """The targets of one sentence; ``para`` carries the target year between sentences;
    ``goals``: the sentence is among the plan's goals (主要目标), None among its principles;
    ``undated``: among goals that print no year at all (a repost that lost them); ``items``:
    an item of a year's list of livelihood projects, each a pledge (十大民生实事)."""
    text = sentence.text.translate(HALF_WIDTH)
    counting, para.counting = para.counting, False
    if PAGE_FURNITURE.match(text):
        return []  # 关键词: 江西九江 出台十四五规划…: the page's tags, not the plan
    masked = mask(text)
    forecast = FORECAST.search(masked)
    projected, para.projected = para.projected, False
    if forecast and (projected or PACE_BEFORE.search(masked, 0, forecast.start())):
        # the plan's own projections: those that follow one in its paragraph go on the list
        # (…年均增长15%左右,预计2025年达到4200万人次;…;预计2025年旅游总收入达到648.18亿元)
        para.projected = True
    elif forecast and NUMERAL.search(masked, 0, forecast.start()):
        # …计划到2027年高速公路通车里程达到1000公里,预计全市公路货运量达到3亿吨: the goals
        # before the projection are the sentence's, the projection (and what follows it) none
        sentence = dataclasses.replace(
            sentence, end=sentence.start + forecast.start(), text=sentence.text[: forecast.start()]
        )
        text, masked = text[: forecast.start()], masked[: forecast.start()]
    elif forecast:
        # 预计到2020年全省老年人口将达1950万人,占总人口的25%: a projection, no goal; the
        # year it names does not carry to the sentences after it.  Not the level a goal of
        # pace reaches (国内旅游收入年均增长15%左右,预计2025年达到640亿元): the plan's own
        return []
    led = goals is False and not in_task and DEADLINE_LEAD.search(masked) is not None
    if led or (goals is False and para.goals_year is not None and para.goals_year == para.year):
        # "到2025年,…" outside the numbered tasks (a report, a preamble, an unnumbered
        # text): a sentence that opens with its deadline states the plan's goals, and so
        # do the sentences after it in its paragraph while that year governs them
        goals = True
    deadline = para.year is not None or para.horizon is not None
    deadline = deadline or bool(FYP_TIME.search(masked) or CN_YEAR.search(masked))
    # goals whose years were lost, or that name none in a plan without a period (通过三年
    # 专项整治,…体系更加完善,…得到有效管控), are due all the same; not the guiding ideas
    # printed among them (以…思想为指导,…)
    undated = (undated or (goals is True and not deadline)) and not GUIDED.match(masked)
    deadline = deadline or undated
    slogans = "”(" in text
    if not (
        NUMERAL.search(masked)
        or slogans
        or may_commit(masked, deadline)
        or (items and PROJECT_ITEM.match(masked.lstrip()))
    ):
        # no number, and no words of a commitment (under a deadline, or standing); its time
        # still holds for the sentences after it (“十三五”期间,林草产业稳步壮大。…)
        for clause in split_clauses(text, masked):
            read_years(clause, para)
        return []
    # a slogan's goals listed in brackets are read one by one, instead of their clause
    clauses = [
        c
        for whole in split_clauses(text, masked)
        for c in slogan_items(whole) or area_items(whole, resolve) or [whole]
    ]
    tail = GOALS_TAIL.search(clauses[-1].masked) if clauses else None
    if tail is not None and tail.start() >= 4:
        # 明确了至2020年底,…,…整治工作取得明显成效的总体目标: the goals listed, then their name
        last = clauses[-1]
        cut = tail.start()
        clauses[-1] = Clause(last.start, last.start + cut, last.text[:cut], last.masked[:cut])
    bracketed = "。".join(c.masked for c in clauses) if slogans else ""
    if slogans and not NUMERAL.search(masked) and not may_commit(bracketed, deadline):
        return []  # the goals the brackets list hold no commitment either
    water: WaterIndex = waters(text) if waters is not None and WATER_CHAR.search(masked) else {}
    drafts: list[Draft] = []
    sentence_base: int | None = None
    sentence_aspirational = timed_aspiration = counting and para.aspiring
    sentence_committing = False
    previous: model.Indicator | None = None  # of the last target: an omitted subject
    if PARTS_LEAD.match(text):
        previous = para.measured  # 其中,靖安县2万亩: parts of what the sentence before measured
    for clause in clauses:
        clause.body = lead_end(clause.masked)
        sized = CITY_SIZE.match(clause.masked, clause.body)
        clause.places, clause.subject_at, clause.names = (
            ([], clause.body, []) if sized else head_places(clause, resolve, water)
        )  # 大城市 is a size of city, not 大城 (a county) and 市
        if not clause.places:
            at = clause.subject_at
            clause.categories, clause.subject_at = head_categories(clause.text, at)
            if len(clause.categories) == 1 and table.names_area(clause.text[at:]):
                # 城市建成区绿化覆盖率: the kind of area is part of the indicator's name
                clause.categories, clause.subject_at = [], at
        if "、" in clause.masked[clause.body : clause.body + 40] and NUMERAL.search(clause.masked):
            # a list of areas matters only where values go to them one by one
            clause.heads, heads_end = heading_list(clause.text, clause.body, resolve)
            clause.subject_at = max(clause.subject_at, heads_end)
    content = [c for c in clauses if c.body < len(c.text.rstrip())]
    first, sentence_places = heading_places(content)
    scope_from = content[first].start if content else 0
    listed = counting
    part_of: Draft | None = None  # the last target of the clauses before
    # after a clause that looks back from its start (…以来, 截至…), or in the parts (其中,…)
    # of a sentence before that did
    looking_back = para.looked_back and PART_OF.match(masked) is not None
    after_date = False  # the clause before is a day of the calendar (2021年7月1日起)
    # "为…,进一步改善我市水环境质量,特制定本方案": the purpose a plan is made for
    purpose = PURPOSE.search(masked) is not None
    described = COMPRISES.search(masked) is not None  # 矿产地38处,包括大型矿床13处、…
    for ci, clause in enumerate(clauses):
        timed = read_years(clause, para)
        if timed is not None and drafts:
            # 力争到2020年创建A,到2025年创建B: a new deadline opens goals of its own
            sentence_aspirational = False
        if SINCE_LEAD.match(clause.masked) or (
            ci == 0 and STATUS_LEAD.match(clause.masked) and re.search(r"\d", clause.masked)
        ):
            # “十二五”以来,我省累计投入960亿元,建设…6320万亩; 园区已建成标准厂房20万平方米,
            # 入驻企业86家,实现税收3.2亿元: what was done, until a deadline of their own
            looking_back = True
        elif timed is not None:
            looking_back = False  # …以来取得成效,到2025年,…: a deadline of its own
        if looking_back:
            continue
        base = base_year_of(clause.text)
        aspirational = any(w in clause.masked for w in ASPIRATION_WORDS)
        if clause.body >= len(clause.text.rstrip()):
            # a lead clause: "到2027年", "力争到2030年", "与2020年相比"; a new deadline
            # opens goals of its own (力争…年均增长6%,到2025年,…达到1500个)
            if timed is not None and drafts:
                sentence_aspirational = False
            sentence_aspirational |= aspirational
            timed_aspiration |= aspirational and timed is not None
            sentence_base = base or sentence_base
            continue
        measure = lead_measure(clause, text[clause.end :])
        if measure is not None and (table.match(measure) or MEASURE_END.search(measure)):
            # 各县(市、区)森林覆盖率目标分别为: what the areas' figures after it measure
            previous = table.match(measure) or derived_indicator(clean_subject(measure))
            continue
        places = clause.places or (
            [] if WHOLE.search(clause.masked) or clause.start < scope_from else sentence_places
        )
        part = not clause.places and PART_OF.match(clause.masked) is not None
        context = text[max(0, clause.start - 120) : clause.start]
        found = numeric_targets(
            clause,
            para,
            table,
            context,
            places,
            previous,
            resolve=resolve,
            listed=listed,
            described=described,
        )
        for d in found:
            work_share(d, clause.text, table)  # 精品古道项目60%的工程量: the work done on it
        if found and MULTIPLE_END.search(clause.text) and level_follows(text, clause.end):
            # 营业收入翻一番,达到1600亿元: the level the next clause reaches is the goal
            # (what doubles names what the level measures)
            previous = found[-1].indicator
            found = [d for d in found if not (d.change and d.unit == PERCENT)]
            if not found:
                continue
        # a bare "noun + number" right after a clause of counted targets continues its list
        # (建设水源涵养林50亩,生态防护带6000米)
        listed = bool(found) and found[-1].value is not None
        # a commitment without a number: under a deadline (到2025年), or, in a plan whose
        # period gives the deadline, where the clause commits (确保…, 实现…, 持续降低…) or a
        # 确保 at the head of the sentence covers it
        committing = COMMITTING.search(clause.masked) is not None
        carried = sentence_committing
        # "确保水量保持在合理区间,水质基本稳定,水生态得到有效恢复": 确保 opens the list
        sentence_committing |= committing and LEADING_COMMITMENT.match(clause.masked) is not None
        if not found and not para.past and not purpose:
            found = commitment_drafts(
                clause,
                table,
                context,
                places,
                water,
                year=para.year,
                horizon=para.horizon,
                goals=goals,
                committing=carried,
                undated=undated,
            )
        elif not found and not para.past:
            # 为…,早日实现“河安湖晏、水清鱼跃…”目标,制定本工作要点: the goals a purpose
            # quotes whole are the plan's, though the rest of the purpose is none
            found = quoted_goals(clause, places)
        if not found and after_date and not para.past and goals is not None:
            found = effective_targets(clause, places)  # 2021年7月1日起,全面实施…标准
        after_date = EFFECTIVE_DATE.match(clause.masked) is not None
        if not found and items and not drafts and not para.past and clause is content[0]:
            found = item_targets(clause, places)  # 新建城南幼儿园: the item's project
        if not found:
            restored = RESTORED.match(clause.text, clause.subject_at)
            if restored and MEASURE_END.search(restored.group(1)):
                # 入境旅游人数逐步恢复到2019年水平,预计2025年达到24.71万人次: the measure a
                # level is restored for is what the figure after it measures
                named = clean_subject(restored.group(1))
                previous = table.match(named) or derived_indicator(named)
        if found:
            previous = found[-1].indicator
            if content and clause is content[first] and len(sentence_places) > 1:
                sentence_places = []
        # "与2020年相比,…": the base of the clauses after it; not "比2020年下降2克标准煤/千瓦
        # 时", a change of its own that no target was read from
        if not (found or timed is not None or clause.places) and base:
            sentence_base = sentence_base if CHANGE_BY.search(clause.masked) else base
        annual: model.Recurrence | None = "annual" if "每年" in clause.masked else None
        # "2023年、2024年、2025年,…分别达到40%、50%、60%": one year per value
        years = para.years if len(para.years) == len(found) > 1 else ()
        if years and "分别" not in clause.masked:
            years = ()
        for order, d in enumerate(found):
            if part and part_of is not None and d.scope is None and d.scope_text is None:
                # 木兰溪、萩芦溪…稳定在95%以上(其中Ⅰ—Ⅱ类稳定在25%以上): a part of what the
                # clause before measured, where it measured it
                d.scope, d.scope_text = part_of.scope, part_of.scope_text
            if len(clause.text) > MAX_QUOTE and d.end > d.start:
                lo, hi = strip_span(clause.text, d.start, d.end)  # a huge clause: narrow
            else:
                lo, hi = strip_span(clause.text, 0, len(clause.text))
            d.sentence = sentence.index
            d.start = sentence.start + clause.start + lo
            d.end = sentence.start + clause.start + hi
            d.order = ci * 1_000_000 + order
            # a goal without a year of its own is due at the end of the plan's period
            d.target_year = None if para.past else (para.year or para.horizon)
            d.start_year = para.start if para.start == d.target_year else None
            if years:
                d.target_year = years[order]
            ahead = AHEAD.search(clause.masked)
            if ahead and d.target_year is not None:
                # 配套率提前一年达到100%: due a year before the deadline that governs it
                d.target_year -= AHEAD_YEARS[ahead.group(1)]
            d.base_year = base or sentence_base
            d.aspirational = aspirational or sentence_aspirational
            d.recurrence = annual
        # 以2019年为基点,…实现倍增 is a goal of its own; without a base year (旅游总收入实现
        # 倍增) a doubling says only that the measure rises: a commitment without a number
        for d in found:
            if d.doubling and d.base_year is None:
                d.value = d.unit = d.comparator = None
                d.direction, d.doubling, d.change = "Increase", False, False
        if LEADING_ASPIRATION.match(clause.masked, clause.body) or (
            # 到2025年,力争A、B分别达到…,其中,C达到…: 力争 heads the sentence's goals
            found and not drafts and LEADING_ASPIRATION.match(clause.masked)
        ):
            # "全省力争建成充电站4500座,…,完成约1500艘…改造": 力争 opens the list of goals
            sentence_aspirational = True
        drafts.extend(found)
        part_of = found[-1] if found else part_of
    town_and_country(drafts)  # 城市受训率达到90%,农村受训率达到80%: each in its part
    para.counting = listed and text.rstrip()[-1:] in (";", "；")
    if led and para.year is not None and not para.past:
        para.goals_year = para.year
    para.aspiring = para.counting and timed_aspiration
    para.measured = drafts[-1].indicator if drafts else None
    para.looked_back = looking_back
    return drafts
