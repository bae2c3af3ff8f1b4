"""Numbers and units: ``33微克/立方米``, ``80%``, ``3.2个百分点``, ``700家``, ``1.2亿吨``,
``百分之N``, ``三分之一``, ``翻一番``, ``两成``, ranges ``3—5个`` and the words that qualify them
(``以上 不少于 超过 左右`` …), read as comparators by the statutory reading (民法典 第1259条:
``以上/以下/以内`` include the number)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from plangraph import model
from plangraph.vocab import NUMERALS, alternation

from .clauses import has_cjk
from .comparison_words import QUALIFIER, QUALIFIERS
from .unit_words import (
    _COUNT_NOUNS,
    _COUNT_SCALE,
    COUNT_WORDS,
    MAGNITUDES,
    PERCENT,
    PG_COUNT,
    PG_PP,
    UNITLESS,
    UNITS,
    _unit,
    scale_count,
)

_UNIT_ALT = "|".join(
    re.escape(u)
    for u in sorted(
        [
            *UNITS,
            *(s + c for s in _COUNT_SCALE for c in (*_COUNT_NOUNS, *COUNT_WORDS)),
            *_COUNT_NOUNS,
            *COUNT_WORDS,
        ],
        key=len,
        reverse=True,
    )
)


_NUM = r"\d+(?:\.\d+)?"


_SMALL = r"[一二两三四五六七八九十]{1,3}|\d{1,3}"


#: The verbs of a level reached right before a round sum without its figure: 突破万亿元.
_ROUND_REACHED = r"(?:(?<=突破|超过|迈上|跨上|迈入|达到|跃上|站上)|(?<=超))"
#: The round sums: 万亿元 is one 万亿元, 千亿元 a thousand 亿元, 百亿元 a hundred.
_ROUND_SUMS: dict[str, tuple[Decimal, model.UnitCode]] = {
    "万亿": (Decimal(1), "pg:TrillionYuan"),
    "千亿": (Decimal(1000), "pg:HundredMillionYuan"),
    "百亿": (Decimal(100), "pg:HundredMillionYuan"),
}


ITEM = re.compile(
    rf"百分之(?P<pct>{_NUM}|[{NUMERALS}]+)"
    rf"|(?P<fden>{_SMALL})分之(?P<fnum>{_SMALL})"
    rf"|翻(?P<fan>[一两二三四]|\d)番"
    # 倍增, 实现翻番: doubles (not 倍增计划, a programme; nor 翻番,达到178亿元, the level after)
    r"|(?P<double>倍增|翻番)(?=[,;。、)]|$)"
    # 增长2倍: grows by twice itself, an increase of 200% (the verb right before)
    r"|(?<=增长|增加|提高|提升|扩大)(?P<times>\d{1,2}|[一两二三四五六七八九十])倍(?![\u4e00-\u9fff])"
    rf"|(?P<cheng>[一二两三四五六七八九])成(?=及以上|以上|以下|左右|[,;。、)]|$)"
    # a round sum a level reaches, its figure unprinted (营业收入突破万亿元, 迈上千亿元台阶)
    rf"|{_ROUND_REACHED}(?P<round>万亿|千亿|百亿)元(?!级)"
    # a ratio to one: 城乡居民收入比缩小到2.09:1, 达到2.8比1 (the value is the first term)
    rf"|(?P<ratio>{_NUM})\s?[:：∶比]\s?1(?![\d.:：∶])"
    # and one to a ratio: 床人比不低于1:1.6 (the value is the second term; not a map's 1:10000)
    r"|(?<![\d.])1\s?[:：∶比]\s?(?P<per_one>\d{1,2}(?:\.\d+)?)(?![\d.:：∶])"
    # a web page's space between a number and its unit (总产值达1000 亿元) is no gap
    # not the 5 of 5G (a generation of mobile networks, 5G基站, 5G用户), nor of 5A级 (a
    # grade of tourist sites, 5A级旅游景区), nor a voltage class (220千伏变电站, 10kV线路:
    # a kind of substation or line; 千伏安 is a capacity)
    rf"|(?P<num>{_NUM})(?!\d|\.\d|G|A级|\s?(?:千伏(?!安)|[kK][vV](?![aA])))(?:(?P<more>余|多)(?=[万亿]?(?:{_UNIT_ALT})))?"
    rf"(?:[ \u3000]?(?P<unit>{_UNIT_ALT}))?"
    rf"|(?P<cn>[{NUMERALS}]+)(?P<cunit>[{_COUNT_NOUNS}])"
)


NUMERAL = re.compile(
    rf"\d|百分之|分之|翻[一两二三四]番|倍增|翻番|[一两二三四五六七八九十]倍"
    rf"|{_ROUND_REACHED}(?:万亿|千亿|百亿)元(?!级)"
    rf"|[{NUMERALS}][{_COUNT_NOUNS}成]"
)


@dataclass(slots=True)
class Item:
    start: int
    end: int
    value: Decimal
    unit: model.UnitCode | None
    count_noun: str | None
    qualifier: str | None = None
    ranged: bool = False  # "3—5个": the lower bound, read as AtLeast
    increase: bool = False  # "翻一番": the number itself says the direction
    more: bool = False  # "50余万辆": more than the number, read as Above
    doubling: bool = False  # "实现倍增", "翻番": doubles, with no number printed


#: After 翻番 or 倍增, the level that doubling reaches (,达到178亿元).
_LEVEL_AFTER = re.compile(r"[,、]?\s*(?:达到|达|至|到|突破|超过)")


def level_follows(masked: str, end: int) -> bool:
    """Whether a level that a doubling or a multiple reaches follows it with its figure
    (翻一番,达到1600亿元; 增加一倍,达到2000家)."""
    level = _LEVEL_AFTER.match(masked, end)
    return level is not None and NUMERAL.match(masked, level.end()) is not None


#: A multiple closing a clause: 翻一番, 增加一倍, 倍增.
MULTIPLE_END = re.compile(r"(?:翻[一两二三四\d]番|[一两二三四五六七八九十\d]倍|倍增|翻番)\s*$")


#: A round numeral and its measure (千吨, 万人) right before another.
_ROUND_MEASURE = re.compile(r"[百千万][吨人户亩]$")


def read_items(masked: str, start: int) -> list[Item]:
    items: list[Item] = []
    # 百名…、千名…、万名…: round numerals in a row make a slogan (百千万工程), no count
    slogan = len(_LONE_ROUND.findall(masked)) >= 2
    for m in ITEM.finditer(masked, start):
        prev = masked[m.start() - 1] if m.start() else ""
        ranged = prev in "-~" and masked[m.start() - 2 : m.start() - 1].isdigit()  # 7-10天
        if (
            prev
            and ((prev.isascii() and (prev.isalnum() or prev in ".-")) or prev == "第")
            and not ranged
        ):
            continue
        value: Decimal | None
        end = m.end()
        unit: model.UnitCode | None = None
        noun: str | None = None
        increase = doubling = False
        if m.group("pct") is not None:
            value, unit = _number(m.group("pct")), PERCENT
        elif m.group("fden") is not None:  # 三分之一: a share, as a percentage
            den, num = _number(m.group("fden")), _number(m.group("fnum"))
            value, unit = None, PERCENT
            if den and num is not None and num <= den:
                value = _plain(num * 100 / den)
        elif m.group("fan") is not None:  # 翻一番: doubles, an increase of 100%
            if level_follows(masked, m.end()):
                continue  # 营业收入翻一番,达到1600亿元: the level it reaches is the goal
            times = _number(m.group("fan"))
            value, unit, increase = None, PERCENT, True
            if times is not None and 0 < times <= 4:
                value = Decimal(2 ** int(times) - 1) * 100
        elif m.group("double") is not None:  # 倍增: doubles, an increase of 100%
            if _LEVEL_AFTER.match(masked, m.end()):
                continue  # 实现翻番,达到178亿元: the level it reaches is the goal
            value, unit, increase, doubling = Decimal(100), PERCENT, True, True
        elif m.group("times") is not None:  # 增长2倍: an increase of 200%
            if level_follows(masked, m.end()):
                continue  # 企业数量增加一倍,达到2000家: the level is the goal
            times = _number(m.group("times"))
            value, unit, increase = (times * 100 if times else None), PERCENT, True
        elif m.group("round") is not None:
            value, unit = _ROUND_SUMS[m.group("round")]
        elif m.group("cheng") is not None:
            cheng = _number(m.group("cheng"))
            value, unit = (cheng * 10 if cheng is not None else None), PERCENT
        elif m.group("per_one") is not None:
            if prev in "按以照":
                continue  # 按1:1比例配套: the rule of a payment, no goal
            value, unit = _number(m.group("per_one")), UNITLESS
        elif m.group("ratio") is not None:
            if prev in "按以照":
                continue  # 按1:1比例配套: the rule of a payment, no goal
            value, unit = _number(m.group("ratio")), UNITLESS
        elif m.group("num") is not None:
            following = masked[m.end("num") : m.end("num") + 1]
            years_long = _YEARS_LONG.match(masked, m.start()) is not None
            if (following in "年月日号" and following and not years_long) or (
                m.group("unit") == "年" and not years_long  # 到 2020 年: a year, spaced
            ):
                continue
            if m.group("unit") == "岁" and not _AGE_REACHED.search(masked, 0, m.start()):
                continue  # 0-3岁早期教育, 65岁及以上老年人: an age that defines a group
            if prev == "每":
                continue  # 每10万人口, 每100户: a rate's denominator
            value = _number(m.group("num"))
            printed = m.group("unit")
            if (
                printed
                and printed not in UNITS
                and masked[m.end("num")] in " \u3000"
                and _GLUED_SERIAL.search(masked, 0, m.start())
                and _NAME_AFTER.match(masked, m.end())
            ):
                # 省统计局9 万人发明专利…, 10 人力资源, 4 种植业: a table's row number run
                # into the cell before it, a space, then the next cell's name (not 9万人;
                # not 达到30 户以上, a figure the web page spaced from its measure word)
                printed = None
            unit, noun, value = _unit(printed, value)
            bare = _BARE_MAGNITUDE.match(masked, m.end()) if printed is None else None
            if bare is not None and value is not None:
                # 5G用户数超过6000万, 网民规模提高到12亿: a count in tens of thousands (or
                # hundreds of millions) of what the subject counts, its measure word unprinted
                unit, noun, value = magnitude(bare.group("mag"), value, masked[: m.start()])
                end = bare.end("mag")
            if unit is None and _COEFFICIENT.search(masked, 0, m.start()):
                unit = UNITLESS  # 灌溉水有效利用系数提高到0.65: a ratio, no unit
        else:
            run = m.group("cn")
            if run[0] == "一" and prev + run[0] in _ENDS_IN_ONE:
                run = run[1:]  # 唯一一个 is 一个 after 唯一, not 11
                if not run:
                    continue
            counted = _AT_LEAST_ONCE.search(masked, max(0, m.start() - 8), m.start())
            if (
                (run == "一" and not counted)
                or (slogan and run in ("百", "千", "万"))
                # 千吨万人 (water sources serving a thousand tonnes a day or ten thousand
                # people): a round measure after another names a class of things, no count
                or (run in ("百", "千", "万") and _ROUND_MEASURE.search(masked, 0, m.start()))
                or prev in NUMERALS
                # 每千人口, 每万名老年人, 每十万人: a rate's denominator, no count of its own;
                # so is a round measure a rate's name goes on after (就业人员十万人生产安全
                # 事故死亡率, 百万吨死亡率)
                or prev == "每"
                or (_ROUND.fullmatch(run) is not None and _RATE_AFTER.match(masked, m.end()))
                or _idiom(masked, m.start(), m.end())
            ):
                continue
            if m.group("cunit") == "次" and has_cjk(masked[m.end() : m.end() + 1]) and not counted:
                continue  # 二次包装, 一次性: an ordinal, not a count
            if m.group("cunit") == "次" and _session(masked, m.start(), m.end()):
                continue  # 九届十一次、十二次全会: the numbers of a body's sessions
            value = _number(run)
            unit, noun, value = _unit(m.group("cunit"), value)
        if value is None or masked[m.end() : m.end() + 1] == "级":
            continue
        more = m.group("more") is not None
        items.append(
            Item(
                m.start(),
                max(m.end(), end),
                value,
                unit,
                noun,
                increase=increase,
                more=more,
                doubling=doubling,
            )
        )
    for item in items:
        # a web page's space before the qualifier (50% 以上) is no gap either
        spaced = masked.startswith(" ", item.end) and QUALIFIER.match(masked, item.end + 1)
        if spaced:
            item.end += 1
        q = QUALIFIER.match(masked, item.end)
        if q:
            item.qualifier = q.group()
    return [
        item for n, item in enumerate(items) if not _names_a_measure(masked, item, items[n + 1 :])
    ]


#: What may follow a length of time that is itself the figure: a limit (以内, 之内, 内),
#: the 的 of what it is the length of (每天1小时的体育锻炼).
_TIME_CLOSES = re.compile(r"以内|之内|内|以上|以下|左右|的")
#: What ends a clause between two figures.
CLAUSE_BREAK = re.compile(r"[,，;；。:：]")


def _names_a_measure(masked: str, item: Item, later: list[Item]) -> bool:
    """Whether a length of time is part of the name of what a later figure of its clause
    measures (24小时晴雨预报准确率达到90%, 72小时级别预报准确率, 市地级行政中心60分钟到运输机场
    覆盖率80%), not a figure of its own: it runs straight into words, and a figure follows
    before the clause ends.  Alone in its clause it is the goal (实现24小时稳定供水, 40分钟
    快速抵达)."""
    if item.unit not in TIME_UNITS:
        return False
    if _CIRCLE_IN_A_STATE.match(masked, item.end):
        return True  # 社区15分钟健身圈实现全覆盖: the circle is what the state is of
    if not later or _TIME_CLOSES.match(masked, item.end) or not _NAME_AFTER.match(masked, item.end):
        return False
    return CLAUSE_BREAK.search(masked, item.end, later[0].start) is None


#: A circle reached within a time (15分钟健身圈) that a state of its clause is of (…实现全覆盖);
#: a circle formed (形成2小时应急监测响应圈) is the goal itself.
_CIRCLE_IN_A_STATE = re.compile(
    r"[^,;。\d]{0,12}?圈[^,;。\d]{0,4}?(?:实现|达到|基本|全面|覆盖|建成)"
)


#: A limit of time (之内, 以内, 内) then who or what is helped, reached or done by then
#: (12小时之内受灾人员基本生活得到有效救助, 30分钟内到达现场): a time limit, the goal.
TIME_LIMIT = re.compile(
    r"(?:之内|以内|内)(?P<what>[^,;。\d]{0,16}?(?:得到|获得|到达|抵达|赶到|完成|处置|响应|救助|恢复)"
    r"[^,;。\d、]{0,8})"
)


#: Units of time (a length of time: 24小时, 40分钟, 7-10天).
TIME_UNITS: frozenset[model.UnitCode | None] = frozenset({"qudt:MIN", "qudt:HR", "qudt:DAY"})


#: What follows the number of a session (十一次、十二次全会, 三次会议): more sessions, then the
#: meeting itself.
_SESSION_AFTER = re.compile(
    r"(?:[、和及至][一二三四五六七八九十]{1,3}次)*(?P<what>全体会议|全会|会议)"
)


def _session(text: str, start: int, end: int) -> bool:
    """Whether the count ``text[start:end]`` (三次) numbers a session of a body: right after
    its term (九届十一次), or before 全会 (三次、四次全会), or before 会议 with the term
    close before (十四届人大二次会议); 召开三次会议 stays a count of meetings."""
    if text[max(0, start - 1) : start] == "届":
        return True
    after = _SESSION_AFTER.match(text, end)
    if after is None:
        return False
    return after.group("what") != "会议" or "届" in text[max(0, start - 8) : start]


#: 万 or 亿 right after a figure with no measure word, closing the figure: a qualifier, a stop,
#: the end or the change from it follows (用户数超过6000万, 机架数将达到70万, 人数达1000万以上,
#: 从2020年的9.89亿提高到12亿); not a size that defines (常住人口2万以上的镇区), nor a scaled
#: unit (万吨) or a noun (万农村人口).
_BARE_MAGNITUDE = re.compile(
    r"(?P<mag>[万亿])(?=(?:及以上|以上|以下|以内|左右)?(?:[,，;；。、)）]|\s*$)"
    r"|(?:提高|提升|增加|增长|扩大|下降|降低|减少|降)(?:到|至))"
)
#: A subject that counts people (贫困人口, 体检人数, 就业人员): its bare count is of 人.
_PEOPLE_COUNTED = re.compile(r"(?:人口|人数|人员)[^,，;；。:：]{0,10}$")


#: …unless it is a population as such (老年人口将突破3亿, 常住人口约12.3亿): a forecast or a
#: fact of demography, which no plan sets.
_POPULATION = re.compile(
    r"(?:^|[^\u4e00-\u9fff]|[国省市县区]|老年|常住|户籍|城镇|流动|总)人口[^,，;；。:：]{0,10}$"
)


def magnitude(
    mag: str, value: Decimal, before: str
) -> tuple[model.UnitCode | None, str | None, Decimal]:
    """The unit, measure word and value of a figure printed with a bare 万 or 亿: people
    counted one by one when the subject counts people (农村贫困人口减少60万: 600000 人), else
    the figure as printed in a unit of that scale (网民规模12亿: 12 pg:HundredMillion); no
    unit for a population as such (老年人口将突破3亿), which no plan sets."""
    clause = re.split(r"[,，;；。:：]", before)[-1]
    if _POPULATION.search(clause):
        return None, None, value
    if _PEOPLE_COUNTED.search(before):
        return PG_COUNT, "人", scale_count(value, _COUNT_SCALE[mag])
    return MAGNITUDES[mag], None, value


#: A number glued to the words before it (省统计局9): spaced from its measure word after it,
#: it is a row's number, not a count.
_GLUED_SERIAL = re.compile(r"[\u4e00-\u9fff]$")
#: …and the measure word runs on into a name: words, not a qualifier or a stop.
_NAME_AFTER = re.compile(r"(?!以上|以下|以内|左右|及以上|及以下|之间)[\u4e00-\u9fff]")
#: An age reached or raised (人均预期寿命达到79岁, 提高1岁, 从76.34岁): a measure; any other age
#: defines a group (0-3岁儿童, 65岁及以上老年人).
_AGE_REACHED = re.compile(
    r"(?:达到|达|提高|提升|增加|延长|为|寿命|从|由)(?:到|至)?\s*$"
    r"|(?:从|由)\s*(?:19|20)\d\d\s*年(?:底|末)?的?\s*$"  # 寿命从2015年的76.7岁: the base
    r"|(?:提高|提升|增加|延长)(?:到|至)\s*(?:19|20)\d\d\s*年(?:底|末)?的?\s*$"  # 提高至2020年的78岁
)
#: A length of time in years, not a year: a decimal before 年 (受教育年限达11.3年).
_YEARS_LONG = re.compile(r"\d{1,2}\.\d\s?年")


#: A coefficient (系数) is a ratio: its number has no unit (提高到0.65); so is a rate held
#: under a ceiling with no unit printed (亿元GDP生产安全事故死亡率控制在0.01以内: deaths per
#: unit of output, 道路交通万车死亡率控制在1.35以内).
_COEFFICIENT = re.compile(
    r"(?:系数|指数)(?:[由从][^,;。]{0,12})?(?:提高|提升|达到|达|增加|保持|稳定)?(?:到|至|在)?\s*$"
    r"|率(?:控制在|控制到|降至|降到|下降到|下降至|低于|不高于|不超过)\s*$"
)
#: A count with a floor and a verb before it: 至少开展一次, 不少于组织两次.
_AT_LEAST_ONCE = re.compile(r"(?:至少|最少|不少于)[\u4e00-\u9fff]{0,3}$")
#: A round numeral alone before a measure word (百名, 千家): slogans list them in a row.
_LONE_ROUND = re.compile(rf"(?<![{NUMERALS}\d])[百千万][{_COUNT_NOUNS}]")
#: Set phrases with numerals that count nothing: 千家万户, 千村万户, 万家灯火.
_IDIOM = re.compile(r"[千百万][家村户]万[户家]|万家|千方百计")


#: A round measure in Chinese numerals (十万, 百万, 千): a magnitude, not a counted figure.
_ROUND = re.compile(r"[十百千]?[百千万亿]")
#: The name of a rate running on after a measure word: …事故死亡率, …发病率.
_RATE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,12}?率")


#: Words that end in 一 (唯一一个, 统一一批): the 一 is theirs, not the count's.
_ENDS_IN_ONE = frozenset({"唯一", "统一", "逐一", "单一", "同一", "万一", "之一", "第一", "均一"})


def _idiom(masked: str, start: int, end: int) -> bool:
    return _IDIOM.search(masked[max(0, start - 2) : end + 2]) is not None


def _number(text: str) -> Decimal | None:
    try:
        if text[0].isdigit():
            return Decimal(text)
        if text[0] in "十百千万亿":  # 百分之百, 十五, 万种
            text = "一" + text
        import cn2an  # imported lazily: slow to import, needed only for Chinese numerals

        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (InvalidOperation, ValueError, KeyError, IndexError):
        return None


def _plain(value: Decimal) -> Decimal:
    """A computed share rounded to two decimals, without trailing zeros (25, 33.33)."""
    value = value.quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


#: Between the bounds of a range whose first bound is bare (3—5个, 10至15天).
_RANGE_GAP = re.compile(r"\s*[-—–~～至到]{1,2}\s*")

#: Between the bounds of a range printed in full (7.5%—8%, 100年~200年): a dash only, since
#: 至/到 between two full figures may be a change (由40%到50%).
_RANGE_DASH = re.compile(r"\s*[-—–~～]{1,2}\s*")

#: Between the values of a list (42%以上、55%): a qualifier, then 、 or 和.
_LIST_GAP = re.compile(rf"(?:{alternation(QUALIFIERS)})?(?:、|和)")


def group_items(masked: str, items: list[Item]) -> list[list[Item]]:
    """Lists like ``42%、55%`` or ``7.3、7个百分点``: one group, the unit shared."""
    merged: list[Item] = []
    for item in items:
        if merged and item.unit is not None:
            last = merged[-1]
            gap = masked[last.end : item.start]
            bare = last.unit is None and _RANGE_GAP.fullmatch(gap)
            # 7.5%—8%, 100~200年一遇: both bounds printed with the measure, a dash between
            both = (
                last.unit == item.unit
                and last.count_noun == item.count_noun
                and not last.qualifier
                and _RANGE_DASH.fullmatch(gap)
            )
            if bare or both:
                last.end, last.unit, last.count_noun = item.end, item.unit, item.count_noun
                last.qualifier, last.ranged = item.qualifier, True
                continue
        merged.append(item)
    groups: list[list[Item]] = []
    for item in merged:
        if groups:
            last = groups[-1][-1]
            gap = masked[last.end : item.start]
            if _LIST_GAP.fullmatch(gap):
                groups[-1].append(item)
                continue
        groups.append([item])
    kept = []
    for group in groups:
        unit: tuple[model.UnitCode | None, str | None] = (None, None)
        for item in reversed(group):
            if item.unit is None:
                item.unit, item.count_noun = unit
            else:
                unit = (item.unit, item.count_noun)
        group = [i for i in group if i.unit is not None]
        if group:
            qualifier = group[-1].qualifier
            for item in group:
                item.qualifier = item.qualifier or qualifier
            kept.append(group)
    return kept


_SCALAR_UNITS = frozenset({PERCENT, PG_PP, PG_COUNT})


#: Units of a size, and the nouns that a size right before them qualifies.
_SIZE_UNITS = frozenset({"qudt:M", "qudt:KiloM", "qudt:M2", "qudt:KiloM2"})
_SIZE_NOUNS = ("服务半径", "半径", "范围", "以内", "缓冲区", "岸线", "距离")


#: Kinds of places and bodies that a size in people or households picks out (25户以上村庄,
#: 50人以上企业, 30万人口以上城市): not what such a count counts, which is people.
_SIZED_KINDS = (
    *("村", "自然村", "行政村", "村庄", "社区", "小区", "乡镇", "城镇", "城市", "县城", "县"),
    *("企业", "单位", "机构", "学校", "医院", "园区", "景区", "机场", "港口", "场所"),
)
#: A size in people or households, then 以上 or 以下 (…人口 too): 25户以上, 30万人口以上.
_SIZE_IN_PEOPLE = re.compile(r"口?(?:及以上|以上|及以下|以下|以内)")


def sizes_a_kind(masked: str, group: list[Item], end: int) -> bool:
    """A count of people or households with 以上/以下 right before a kind of place or body it
    picks out (``1064个25户以上村庄``, ``50人以上企业``, ``30万人口以上城市``): a size, no goal.
    A count of the same things is one (``带动1万户以上农户增收``: 农户 are counted)."""
    last = group[-1]
    if last.unit != PG_COUNT or last.count_noun not in ("人", "户"):
        return False
    size = _SIZE_IN_PEOPLE.match(masked, end)
    if size is None and not last.qualifier:
        return False
    after = size.end() if size is not None else end
    return masked.startswith(_SIZED_KINDS, after)


def is_attribute(masked: str, group: list[Item], end: int) -> bool:
    """A measured number that describes a noun (``2000吨/日以下水泥熟料生产线``,
    ``浓度高于100毫克/升的规模``, ``50人以上企业``) rather than what is committed to.  Counts
    and shares before a noun are commitments (``建成10个以上美丽海湾``, ``达到30%的目标``)."""
    last = group[-1]
    if sizes_a_kind(masked, group, end):
        return True
    if last.unit is None or last.unit in _SCALAR_UNITS:
        return False
    after = masked[end : end + 1]
    if after == "的":
        return True
    if re.match(r"[/·][^\s,;。的\d]{1,8}的", masked[end : end + 11]):
        return True  # 降尘量最高值高于9吨/月·平方公里「的」市: a unit the table lacks, then 的
    if last.unit in TIME_UNITS and TIME_LIMIT.match(masked, end - len(last.qualifier or "")):
        return False  # 灾害发生12小时之内受灾人员基本生活得到有效救助: the time it is done in
    if bool(last.qualifier) and has_cjk(after) and after != "等":
        # (not a list closed by 等: 煤矿百万吨死亡率控制在0.1以内「等」6项控制指标)
        return True
    # a length or size naming a noun right after it (公园500米服务半径): which one, not a goal
    return last.unit in _SIZE_UNITS and masked.startswith(_SIZE_NOUNS, end)
