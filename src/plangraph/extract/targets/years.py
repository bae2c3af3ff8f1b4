"""Years and periods: ``到2027年``, ``2027年前/底``, ``2025—2027年``, ``“十四五”末/期间``,
lists of years for ``分别``, and base years (``比2020年``, ``与2020年相比``, ``由2020年的``)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from plangraph import model
from plangraph.vocab import (
    DIGIT_VALUES,
    FIVE_YEAR_PLAN,
    ONE_TO_NINE,
    ONE_TO_TEN,
    YEAR,
    ZEROS,
    five_year_plan_end,
)

from .clauses import FYP_TIME, YEARS_TAKEN, Clause


@dataclass(slots=True)
class Paragraph:
    """What carries from clause to clause and sentence to sentence in a paragraph."""

    plan_year: int | None
    year: int | None = None
    past: bool = False
    years: tuple[int, ...] = ()  # "2023年、2024年、2025年": one year per value of a 分别 list
    start: int | None = None  # "2022年起", "自2024年起": due from that year on
    horizon: int | None = None  # the end of the plan's stated period: the default due year
    local: bool = False  # a deadline within a year (2021年秋冬季前): for its sentence only
    # the sentence before ended with ; after counted targets: a list the next one continues
    # (建设…基地50亩,年出苗量250万株;油茶良种采穗圃300亩,…)
    counting: bool = False
    # and 力争 with its time headed it (力争3-5年时间,打造…5个以上;打造…13个以上; not
    # …;力争使A稳定在…;建设B 90个): the list goes on aspiring
    aspiring: bool = False
    # what the last target of the sentence before measured: the parts a sentence opening
    # with 其中 gives area by area (全市完成造林10万亩。其中,靖安县2万亩,…) measure it too
    measured: model.Indicator | None = None
    # the year under which a sentence of the paragraph opened with its deadline (到2025年,
    # A基本构建,B显著提高。C持续强化,…): the sentences after it under that year are goals too
    goals_year: int | None = None
    # the sentence before ended looking back (截至去年,我省已累计建成自然保护地357处。): a
    # sentence opening with 其中 gives its parts (其中,国家公园1处,…), no goals
    looked_back: bool = False
    # the sentence before was a projection the plan makes its own (年均增长15%左右,预计2025年
    # 达到4200万人次): a projection after it in the paragraph is on the same list
    projected: bool = False


_YEAR = re.compile(rf"{YEAR}(?=\s*年)")


_RANGE_END = re.compile(rf"\s*年?\s*[-—–~至到]\s*{YEAR}")


#: The start of a span of years that ends at the year after it: 从2015年到, 2016—.
_SPAN_START = re.compile(rf"({YEAR})\s*年?\s*[-—–~至到]\s*$")


_BASE_BEFORE = ("比", "较", "相比", "相较", "相较于", "对比", "与", "以", "同比", "由", "从")


#: After a year: the target holds from then on (2022年起, 从2023年开始, 自2024年以后).
_FROM_ON = ("起", "开始", "以后")


_BASE_AFTER = ("基础上", "的基础上", "为基", "基准", "水平")


#: Words that give a year's figures as counted (初步统计2025年…, 据统计, 经测算, 数据显示):
#: that year is the past, whatever the plan's year.
_COUNTED = re.compile(r"(?:统计|测算|核算|监测|数据显示|显示)\s*[,，:：]?\s*$")


#: A year in Chinese numerals (展望二〇三五年): four characters, as many as its digits.
CN_YEAR = re.compile(rf"[一二][{ZEROS}][{ZEROS}{ONE_TO_NINE}]{{2}}(?=\s*年)")


def digit_years(text: str) -> str:
    """``text`` with its years in Chinese numerals written in digits (offsets unchanged)."""
    return CN_YEAR.sub(lambda m: m.group().translate(DIGIT_VALUES), text)


# what a heading's year is followed by (2025年愿景, 2035年展望:): it opens what follows
_HEADING_YEAR = re.compile(r"\s*[\u4e00-\u9fff]{0,4}\s*:?\s*")


def read_years(clause: Clause, para: Paragraph) -> int | None:
    """Update the paragraph's target year from the time phrases of a clause."""
    found: int | None = None
    text = digit_years(clause.masked)
    deadlines: list[tuple[int, int, int]] = []  # (start, end, year) of the deadlines read
    for m in _time_phrases(text):
        if isinstance(m, tuple):  # a five-year plan period: 到“十四五”末, “十四五”期间
            year, start, end = m
            if text.startswith("以来", end - 2):  # “十三五”以来: up to now, done
                para.year, para.past = None, True
            elif para.plan_year is None or year >= para.plan_year:
                para.year, para.past = year, False
                deadlines.append((start, end, year))
            else:
                para.year, para.past = None, True
            found = year
            continue
        year = int(m.group())
        before = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() + 1 : m.end() + 6].lstrip()
        if after.startswith(_FROM_ON) and (para.plan_year is None or year >= para.plan_year - 1):
            para.year, para.start, para.past = year, year, False  # 2022年起: due from then on
            found = year
            continue
        if before.endswith(_BASE_BEFORE) or after.startswith(_BASE_AFTER):
            continue  # a base year
        if _RANGE_END.match(text, m.end()):
            continue  # start of a range "2025—2027年": the end year counts
        if (
            before.endswith(("截至", "截止", "截止到"))
            or after.startswith(("以来", "来"))
            or _COUNTED.search(text, max(0, m.start() - 6), m.start())
        ):
            # 截至2020年底, 2016年以来; 初步统计2025年…下降20%: a year's figures counted
            para.year, para.past = None, True
            found = year
            continue
        deadline = before.endswith(("到", "至")) or after.startswith(
            ("前", "以前", "之前", "底前", "末前", "年底前")
        )
        if deadline and para.plan_year is not None and year < para.plan_year:
            # 从2015年到2020年,…由52.6%提升到96% in a report of a plan of 2021: a span
            # that began and ended before the plan is what was done (not 到2020年底 alone)
            spanned = _SPAN_START.search(text, 0, m.start())
            deadline = spanned is None or int(spanned.group(1)) >= para.plan_year - 1
        if para.plan_year is not None and year < para.plan_year - 1:
            deadline = False  # 明确了2014至2020年…: a deadline long passed is the past
        if deadline or para.plan_year is None or year >= para.plan_year:
            # a milestone before the deadline that governs the paragraph (到2025年…。其中,
            # 2023年…下降8%): due for its own sentence, the deadline resumes after it; not a
            # heading that opens what follows (2035年展望:… then 2025年愿景:…)
            milestone = (
                para.year is not None
                and year < para.year
                and not before.endswith(("到", "至"))
                and not _HEADING_YEAR.fullmatch(text, m.end() + 1)
            )
            para.year, para.past = year, False
            para.local = milestone or _WITHIN_YEAR.match(text, m.end() + 1) is not None
            deadlines.append((m.start(), m.end(), year))
        else:
            para.year, para.past = None, True
        found = year
    if found is None and (took := _duration(text)) is not None:
        # 从2019年起,力争3-5年时间; 用三年左右时间: due that many years after the start
        begun = para.start if para.start is not None else para.plan_year
        if begun is not None:
            found = begun + took
            para.year, para.past, para.local = found, False, False
    if found is None and para.horizon is None and para.plan_year is not None:
        ahead = _YEARS_AHEAD.search(text)
        if ahead is not None:
            # 后五年全省交通固定资产总投资将不少于1200亿元 (a page of 2005): the span ahead of the
            # page's year, in a text that states no period of its own
            n = ahead.group(1)
            found = para.plan_year + (int(n) if n.isdigit() else _SMALL_YEARS[n])
            para.year, para.past, para.local = found, False, False
    if found is None and (_SINCE_THIS_YEAR.search(text) or _LOOKING_BACK.match(text)):
        para.year, para.past = None, True  # 今年以来,全市完成造林10万亩: done so far
    elif found is None and para.plan_year is not None:
        this = _THIS_YEAR.search(text)
        if this is not None:
            # "今年,…配套率达到78%以上,2019年达到88%": the plan's own year, the next after it
            found = para.plan_year + (1 if this.group() == "明年" else 0)
            para.year, para.past = found, False
    if found is not None:
        para.years = _year_list(text, deadlines)
    return found


#: A span of years ahead of the text's own year: 未来五年, 今后五年, 后五年 (not 最后, 前后).
_YEARS_AHEAD = re.compile(
    r"^\s*(?:在)?(?:未来|今后|(?<![最前])后)([三四五十]|\d{1,2})年(?:内|间|里)?(?!前|以来|来)"
)


_SINCE_THIS_YEAR = re.compile(
    r"(?:今年|本年度)(?:以来|上半年|前|[一二三四]季度|\d|[一二三四五六七八九十]+月)"
)
#: A clause that looks back over recent years: 近年来,全省秸秆综合利用率为92.8%.
_LOOKING_BACK = re.compile(
    r"\s*(?:近年来|近几年来?|近些年来?|多年来|过去[一二三四五六七八九十两几\d]{1,2}年(?:来|间|中)?)"
)
#: The year a plan is issued in, or the next, named without a number (今年, 明年); not a
#: look back over it (今年以来, 今年上半年, 今年1—10月).
_THIS_YEAR = re.compile(
    r"(?<![去前])(?:今年|本年度|明年)(?!以来|上半年|前|[一二三四]季度|\d|[一二三四五六七八九十]+月)"
)


_SMALL_YEARS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


#: A time a plan gives itself (力争3-5年时间, 用三年左右时间, 争取用5年的努力), forward
#: only: 经过五年努力 also opens reviews of what was done.
DURATION = re.compile(
    r"(?:(?:力争|争取|计划|拟)(?:再)?(?:用|利用|花)?|(?<![经通])(?:再)?(?:用|利用|花))"
    + YEARS_TAKEN
)


def _duration(text: str) -> int | None:
    """The years a plan gives itself in ``text`` (the longer of a range), or None."""
    m = DURATION.search(text)
    if m is None:
        return None
    n = m.group("m") or m.group("n")
    years = int(n) if n.isdigit() else _SMALL_YEARS[n]
    return years if 0 < years <= 15 else None


def _time_phrases(text: str) -> list[re.Match[str] | tuple[int, int, int]]:
    """Years (``2027``) and five-year plan periods (as ``(year, start, end)``) in order."""
    found: list[tuple[int, re.Match[str] | tuple[int, int, int]]] = [
        (m.start(), m) for m in _YEAR.finditer(text)
    ]
    for m in FYP_TIME.finditer(text):
        # a period is a time only with 到/至 before it or 末/期间 after it ("十四五"规划 is a
        # name), and not after 比/较 (a base)
        if (m.group("to") or m.group("when")) and not text[: m.start()].endswith(_BASE_BEFORE):
            year = _fyp_year(m.group("n"))
            found.append((m.start(), (year, m.start(), m.end())))
    found.sort(key=lambda p: p[0])
    return [f for _, f in found]


#: A deadline within a year (2021年秋冬季前, 2022年6月底前, 2023年汛期前): one action's.
_WITHIN_YEAR = re.compile(
    rf"\s*(?:\d{{1,2}}\s*月|[{ONE_TO_TEN}]{{1,2}}月|上半年|下半年|年中|春季|夏季|秋季|冬季|"
    r"秋冬季|供暖季|采暖季|汛期|汛前|第[一二三四]季度)"
)


_YEAR_JOIN = re.compile(r"年(?:底|末)?(?:前)?\s*(?:、|和|及|与|,)\s*(?:到|至)?")


def _year_list(text: str, deadlines: list[tuple[int, int, int]]) -> tuple[int, ...]:
    """``2023年、2024年、2025年`` (or ``2025年和2030年``): the years of a 分别 list."""
    if len(deadlines) < 2:
        return ()
    for (_, end, _), (start, _, _) in itertools.pairwise(deadlines):
        if not _YEAR_JOIN.fullmatch(text, end, start):
            return ()
    return tuple(y for _, _, y in deadlines)


def base_year_of(text: str) -> int | None:
    m = re.search(
        rf"(?:比|较|相比|相较于?|对比|由|从)({YEAR})年|与({YEAR})年相比"
        rf"|以({YEAR})年[^,;。，；]{{0,12}}?为(?:基|基值|基数|基准)|在({YEAR})年(?:的)?基础上",
        text,
    )
    if not m:
        fyp = _FYP_BASE.search(text)
        return _fyp_year(fyp.group("n")) if fyp else None
    return int(next(g for g in m.groups() if g))


#: "比“十三五”末下降18%": the end of a five-year plan as the base.
_FYP_BASE = re.compile(rf"(?:比|较|相比|相较于?|对比|与)[“\"]?{FIVE_YEAR_PLAN}[”\"]?(?:末|期末)")


def _fyp_year(numeral: str) -> int:
    """The last year of the five-year plan 十{numeral}五: 十四五 -> 2025."""
    return five_year_plan_end(numeral)


def period_start(title: str) -> int | None:
    """The first year of the five-year plan a title names (“十四五”…, 第十四个五年规划 ->
    2021), or of the period it prints (…方案(2021—2025年) -> 2021)."""
    m = re.search(rf"十([{ONE_TO_NINE}])五|第十([{ONE_TO_NINE}])个五年", title)
    if m:
        return _fyp_year(m.group(1) or m.group(2)) - 4
    # …工作方案(2021-2025年): the first year of the period in the title
    period = _TITLE_PERIOD.search(title)
    return int(period.group(1)) if period and int(period.group(1)) < int(period.group(2)) else None


def document_year(title: str, text: str) -> int | None:
    """The one year a document is for, where it states no date: the year its title names
    for a work report or a year's work (2024年政府工作报告, 某县2026年工作要点), else the year
    whose expected goals a work report gives (2024年全市经济社会发展的主要预期目标是:), not
    one it says were met.  A work report's review of the year before is then the past, and
    its 今年 that year."""
    titled = _YEARS_WORK.search(title)
    if titled:
        return int(titled.group(1))
    expected = [int(m.group(1)) for m in _EXPECTED_GOALS.finditer(text)]
    return max(expected) if expected else None


#: A work report, a year's plan of the economy or a year's work named with its year
#: (2024年政府工作报告, 2025年国民经济和社会发展计划, 2026年工作要点, 2024年十大民生实事); not
#: a deadline (2030年前碳达峰工作方案) nor the end of a span (2021—2023年工作方案).
_YEARS_WORK = re.compile(
    rf"(?<![\d至到~～\-—–])({YEAR})\s*年度?(?![前底末]|以前|之前)[^,;。，；\n]{{0,16}}?"
    r"(?:政府工作报告|国民经济和社会发展计划|工作方案|工作要点|工作计划|重点工作|工作任务"
    r"|目标任务|任务清单|任务分解|年度计划|实事)"
)
#: The year whose expected goals a work report gives (2024年经济社会发展主要预期目标是), not
#: the goals it says the year met (2023年主要预期目标全面完成).
_EXPECTED_GOALS = re.compile(
    rf"({YEAR})\s*年[^。;；\n]{{0,24}}?(?:主要)?预期目标(?![^。;；\n]{{0,8}}?(?:完成|实现|达成))"
)


def reported_period_start(text: str) -> int | None:
    """The first year of the period of the plan a report of its release names at its
    start (印发《“十四五”国家信息化规划》 -> 2021, 《…规划(2021—2025年)》 -> 2021): a plan
    is not released before its period, so what a report dates earlier is the past."""
    quoted = _QUOTED_PLAN.search(text, 0, 400)
    if quoted and (quoted.group("fyp") or quoted.group("nth")):
        return _fyp_year(quoted.group("fyp") or quoted.group("nth")) - 4
    if quoted and int(quoted.group("from")) < int(quoted.group("to")):
        return int(quoted.group("from"))
    return None


#: "规划期为2021—2025年", "规划期限:2021-2025年", "(2021—2025年)" in a title.
_PERIOD = re.compile(
    r"(?:规划期(?:限)?|实施期(?:限)?|规划范围|期限)\s*(?:为|是|:|：)?\s*"
    rf"({YEAR})\s*年?\s*[-—–~至到]\s*({YEAR})\s*年"
)
_TITLE_PERIOD = re.compile(rf"({YEAR})\s*年?\s*[-—–~至到]\s*({YEAR})\s*年?")


def horizon(title: str, text: str, year: int | None = None) -> int | None:
    """The year a plan's goals are due when a goal names none: the end of the five-year
    plan its title names (“十四五” -> 2025), of a period in its title (2021—2025年), or
    of the period it states (规划期为2021—2025年)."""
    m = re.search(rf"十([{ONE_TO_NINE}])五|第十([{ONE_TO_NINE}])个五年", title)
    if m:
        return _fyp_year(m.group(1) or m.group(2))
    t = _TITLE_PERIOD.search(title)
    if t and int(t.group(1)) < int(t.group(2)):
        return int(t.group(2))
    p = _PERIOD.search(text)
    if p and int(p.group(1)) < int(p.group(2)):
        return int(p.group(2))
    one = _TITLE_YEAR.search(title) or _ANNUAL.search(text, 0, 800)
    if one:
        return int(one.group(1) or one.group(2))
    # a report of a plan's release, the plan's period in its quoted title (…印发《加快建设
    # 交通强国五年行动计划(2023—2027年)》): the plan reported on is due at its end
    released = _RELEASED_PERIOD.search(text, 0, 400)
    if released and int(released.group(1)) < int(released.group(2)):
        end = int(released.group(2))
        if year is None or end >= year:
            return end
    # …the five-year plan or the period its quoted title names, wherever the verb stands
    # (国家减灾委员会日前印发《“十四五”国家综合防灾减灾规划》, 《新乡市矿产资源总体规划(2021年
    # ~2025年)》正式印发)
    quoted = _QUOTED_PLAN.search(text, 0, 400)
    if quoted and (quoted.group("fyp") or quoted.group("nth")):
        return _fyp_year(quoted.group("fyp") or quoted.group("nth"))
    if quoted and int(quoted.group("from")) < int(quoted.group("to")):
        end = int(quoted.group("to"))
        if year is None or end >= year:
            return end
    # the title of a table of goals, on a line of its own, naming a five-year plan (宝应县
    # “十四五”卫生健康主要发展指标, “十四五”时期…主要指标表): an excerpt that lost the plan's
    # title still states the period its goals are due at the end of
    table = _GOALS_TABLE_TITLE.search(text)
    if table and not _REVIEWED.search(table.group(0)):
        end = _fyp_year(table.group("fyp"))
        if year is None or end >= year:
            return end
    # a task table's deadline column (完成时限: 2024年底前 on a line of its own, row by row)
    column = Counter(int(m.group(1)) for m in _DEADLINE_CELL.finditer(text))
    common = column.most_common(1)
    if common and common[0][1] >= 2:
        return common[0][0]
    # a plan of a number of years from its own (抚仙湖…保护治理三年行动方案 of 2023: 2025)
    span = _YEARS_OF_ACTION.search(title)
    if span and year is not None:
        return year + ONE_TO_NINE.index(span.group(1).replace("两", "二"))  # 三年: year + 2
    return None


#: A line that titles a table (or a list) of a five-year plan's goals: …“十四五”…主要指标(表).
_GOALS_TABLE_TITLE = re.compile(
    rf"(?m)^[^\S\n]*(?:专栏\s*\d*\s*)?[^。，,；;:：\n]{{0,24}}十(?P<fyp>[{ONE_TO_NINE}])五"
    r"[^。，,；;:：\n]{0,24}?(?:指标|目标)(?:表|一览表)?[^\S\n]*$"
)

#: Words of a table that reviews a plan's goals rather than sets them.
_REVIEWED = re.compile(r"完成|实现情况|执行情况|评估|回顾")


#: A plan released, its period in its quoted title: 印发《…行动计划(2023—2027年)》.
_RELEASED_PERIOD = re.compile(
    r"(?:印发|发布|出台|公布|颁布)(?:了|实施)?\s*《[^》\n]{2,60}?"
    rf"[(（]\s*({YEAR})\s*年?\s*[-—–~至到]\s*({YEAR})\s*年?\s*[)）]\s*》"
)


#: A plan's title in book marks naming a five-year plan or a period: 《“十四五”…规划》,
#: 《…总体规划(2021年~2025年)》.
_QUOTED_PLAN = re.compile(
    rf"《(?:[^》\n]{{0,40}}?(?:十(?P<fyp>[{ONE_TO_NINE}])五|第十(?P<nth>[{ONE_TO_NINE}])个五年)[^》\n]{{0,40}}?"
    rf"|[^》\n]{{2,60}}?[(（]\s*(?P<from>{YEAR})\s*年?\s*[-—–~至到]\s*(?P<to>{YEAR})\s*年?\s*[)）]\s*)》"
)


#: A plan's span in years, in its title: 三年行动方案, 五年规划, 两年攻坚计划.
_YEARS_OF_ACTION = re.compile(r"([两二三四五])年(?:行动|攻坚|计划|规划|实施方案|专项行动)")


#: A cell of a task table's deadline column, on a line of its own (2024年底前, 2025年12月底前).
_DEADLINE_CELL = re.compile(
    rf"^[ \t|]*({YEAR})\s*年(?:\d{{1,2}}月)?(?:底|末|年底)?(?:前|以前)?[ \t|]*$", re.MULTILINE
)


#: The work of one year, as the opening of a text names it (制定2018年度工作方案如下,
#: 2024年《政府工作报告》目标任务分解表, 2025年重点工作任务, 2024年十大民生实事项目), or as a
#: work plan opens (2020年是全面建成小康社会目标实现之年, 2024年是…的关键一年): the year its
#: goals are due.
_ANNUAL = re.compile(
    rf"({YEAR})\s*年度?[^,;。，；\n]{{0,16}}?"
    r"(?:工作方案|工作要点|工作计划|重点工作|工作任务|目标任务|任务清单|任务分解|实施计划|年度计划"
    r"|实事)"  # a year's livelihood projects: 2024年十大民生实事项目, 2020年将为民办好15件…实事
    rf"|(?<![\d至到~～\-—])({YEAR})\s*年是[^。;\n]{{2,60}}?(?:之年|一年)(?=[,，。;])"
)


#: A title that names the one year its work is for (…2018年度工作方案, 2024年《政府工作
#: 报告》目标任务分解表, 2023年工作要点) or its deadline (2030年前碳达峰行动方案): the year
#: its goals are due.
_TITLE_YEAR = re.compile(rf"({YEAR})\s*年(?:度|前|底|年底)?(?![\d—–~至到-])")
