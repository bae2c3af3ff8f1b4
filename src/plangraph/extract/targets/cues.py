"""Words around a number that say whether it is a goal, and what it measures.

The predicate of a clause (达到, 提高到, 控制在 …) ends its subject; an action (建成, 新增,
培育 …) governs what a count counts; words of status (已, 现有, 截至 …), standing rules
(不得, 严禁) and definitions (范围内的, 以上的 城市) mark figures that set no goal.
"""

from __future__ import annotations

import re

from plangraph.vocab import ONE_TO_NINE, YEAR, alternation

from .clauses import Clause
from .comparison_words import NOT_A_MEASURE
from .numbers import CLAUSE_BREAK, Item
from .unit_words import PG_COUNT

#: Verbs that open the predicate of a clause (the subject is what comes before them),
#: besides 达到 (not 达到或…) and 建成 (not 建成区, 建成率).
PREDICATE_VERBS = (
    *("提升", "提高", "增加", "增长", "上升"),
    *("下降", "降低", "减少", "降至", "降到", "压减", "压降", "削减", "消减", "缩小"),
    *("保持", "维持", "稳定在", "控制在", "控制到", "实现", "完成", "消除"),
    *("超过", "高于", "低于", "少于", "多于", "大于", "小于", "突破"),
    *("迈上", "跨上", "跃上"),  # a level reached as a step: 营业收入迈上1000亿元台阶
    # a length of time shortened or lengthened, a warning given earlier (审批时间缩短至15天,
    # 预报时效延长至8.5天, 预警提前量提前到45分钟)
    *("缩短", "压缩", "延长", "提前到", "提前至"),
    *("不少于", "不低于", "不高于", "不超过", "不大于", "不小于", "至少", "不足", "不满"),
    *("≥", "⩾", "≧", "≤", "⩽", "≦"),  # 知晓率≥90%
)
#: Adverbs that may stand before those verbs (稳步提升, 基本消除, 均达到).
PREDICATE_ADVERBS = (
    *("基本", "持续", "稳步", "逐步", "进一步", "全面", "显著", "明显"),
    *("有效", "大幅", "总体", "稳定", "再"),
)
#: Where the predicate of a clause begins: the subject is what comes before.
PREDICATE = re.compile(
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


#: Between a verb of change and its number, what keeps the number the amount of the change
#: (下降约3%, 提高了5个百分点); 提高到, 下降至, 提升为 make it a level.
BY_AMOUNT = re.compile(r"\s*(?:了)?(?:约|近|超过|逾)?\s*")


#: After a number: the name of a standard (节能65%标准, 75%的节能标准, 一级A标准).
STANDARD = re.compile(r"(?:以上|以下|及以上|及以下)?的?(?:节能)?(?:设计)?标准")


#: Action verbs of counted targets (建成 700 家 …): the object after them is counted.
ACTION = re.compile(
    r"建成(?![区率比])|新建|新\(□{1,2}\)建|建设|创建|争创|打造|培育|推进|推动|推广|开展|完成|实现|新增|改造|淘汰|"
    r"治理|修复|整治|实施|认定|形成|发展|建立|安装|布设|清淤|营造|种植|"
    # the sites of a monitoring or service network that a national plan sets up (设置1734个
    # 国家城市空气质量监测站点, 筛选…风险监控点9483个, 组建…, 设立…)
    r"设置|设立|筛选|组建|增设|配备|保障|"
    r"坚守|守住|严守|"  # 坚守18亿亩耕地红线: a red line the plan holds
    r"(?:新)?开工|完工|竣工|续建|落实|打通|贯通|"  # building works: 开工…等12个重点项目
    # pipes and lines laid, roads surfaced, plant repaired (铺设雨水管网345米, 硬化道路10万平方米,
    # 维修更换农村37处的机泵, 改扩建学校5所)
    r"铺设|敷设|架设|硬化|维修|更换|改扩建|扩建|"
    r"扶持|培植|引进|招引|"  # enterprises fostered or drawn in: 扶持…龙头企业1家
    r"开通|开行|新开(?!工)"  # routes and lines opened: 开通…2-3条通用航空短途运输航线
)
#: …not inside a noun of a kind (水源地整治与生态修复「类」项目, 治理「型」…): no action there
ACTION = re.compile(
    rf"(?:{ACTION.pattern})(?!(?:[与和及][\u4e00-\u9fff]{{1,6}})?[类型]|能力|水平|率|比例|"
    # nor the stage of projects whose investment is the figure (续建项目计划完成投资550亿元)
    r"项目[^,;。\d]{0,4}?(?:完成)?投资)"
)  # nor a noun of capacity or level: 煤炭供应保障能力, 治理能力, 改造率


#: Projects of a stage before the verb of a sum (续建项目计划完成投资…, 新开工项目力争完成投资…).
WORKS_BEFORE = re.compile(
    r"((?:续建|新建|新开工|在建|重点|重大)(?:项目|工程))(?:计划|力争|拟|预计|将|要)?(?:年内|全年)?$"
)


#: After a count of projects, the sum invested in them (217个续建项目计划完成投资550亿元): the count
#: says how many projects the sum is over.
PROJECTS_SUM = re.compile(
    r"[个项]?[^,;。\d]{0,10}?(?:项目|工程)(?:计划|力争|拟|预计)?(?:年内|全年)?(?:累计)?(?:完成)?"
    r"(?:投资|投入)\s*\d"
)


FROM_VALUE = re.compile(rf"(?:由|从)(?:{YEAR}年)?(?:的)?$")


STATUS = re.compile(
    # (not a rate's 拥有: 每千名老年人拥有养老床位数, 人均拥有, 每万人口拥有; nor the measure
    # 拥有量, 拥有率: 发明专利拥有量)
    r"已|(?<!修复|改造|提升|保护|整治|利用)现有|目前|共有|(?<![人口均户])拥有(?![量率])|尚未|仍有|"
    r"未完成|历时|历经|"  # 历时1个多月: how long something done took
    # 形成了, 下降了: done; not what a plan set out for a deadline (明确了到2025年…)
    r"(?<![为除])[\u4e00-\u9fff]了(?!解|如指掌|\s*(?:到|至)\s*(?:19|20)\d\d)|截至|截止|以来|"
    # the year before (去年,云南综合交通建设投入突破2000亿元), not a base (比去年, 较上年, 去年同期)
    r"(?<![比较同于与和跟])(?:去年|上年|前年)(?!同期|同比)"
)


#: After a number: it bounds what a noun names (范围内的, 以上的 …), not a goal.
DEFINING = re.compile(
    r"(?:范围内|范围以内|以内|以上|以下|及以上|及以下|之间)?的|(?:范围内|范围以内)"
    # one of thresholds joined by 或 that end in a definition: 日降雨量50毫米以上或连续大雨3天
    # 以上、过程降雨量大于100毫米的时段 (the period so defined, no goal)
    r"|(?:以上|以下|以内)?(?=(?:或|或者|、)[^,;。:]{0,16}?(?:大于|小于|超过|低于|不足)?"
    r"\s*\d+(?:\.\d+)?\s*[^\d,;。:、]{0,6}?(?:以上|以下|以内)?的)"
)


#: A clause that names what the work focuses on (以…为重点, 以…为主): the figures in it
#: say which things are meant.
FOCUS = re.compile(r"\s*以[^,;。]{2,40}?为(?:重点|主|核心|抓手|突破口|主线|对象|单元)")


#: Standing rules (不得, 严禁 …) set limits but commit to nothing: 沿江1公里范围内不得新建….
RULE = re.compile(r"不得|严禁|禁止|不准|不允许|原则上不再")
#: a count's share of the whole, in brackets right after it: 断面达到10个(占比47.6%)
BRACKET_SHARE = re.compile(r"\((?:占比|比例|比重|占)(?:为|约)?(\d{1,3}(?:\.\d+)?)%\)")


#: What may stand before a count of the things a measure is taken over: nothing, the area
#: (全市) or the topic of the measure (空气质量六项基本指标…浓度, 全市119个国控断面水质…).
TOPIC_ONLY = re.compile(r"[\u4e00-\u9fff]{0,8}")
LISTED_KINDS = re.compile(r"[\u4e00-\u9fff、和及与]{2,40}?(?:城市|市|县|区|地区|省)等")
#: Units of time, and the circle reached within one (2小时应急监测响应圈, 1小时交通圈).
REACH_CIRCLE = re.compile(
    # …or a place reached within it (40分钟快速抵达, 1小时通达)
    r"[^,;。\d]{0,12}?圈|(?:快速|即可|内)?(?:抵达|到达|通达|直达|可达)"
)
#: A verb of reaching that closes the words before a number (…数量达到100项).
VERB_TAIL = re.compile(r"(?:达到|达|为|提高到|提升到|增加到|增至|提高至|提升至)$")
#: Kinds of area that a threshold defines (人口100万以上的「城市」).
AREA_KIND = re.compile(r"(?:城市|县城|城镇|县|地区|区域|乡镇|建制镇|行政村|建制村|村庄|村)")


#: A kind of area defined by a threshold heading a clause (城区常住人口100万以上的城市).
DEFINED_HEAD = re.compile(
    # (a measure before the threshold: 90%以上的行政村 is a share of villages, no kind)
    rf"\s*[^,;。\d]{{2,12}}?\d+(?:\.\d+)?[万亿]?[^,;。\d%]{{0,4}}?及?(?:以上|以下|以内)的"
    rf"{AREA_KIND.pattern}"
)
#: A sentence that says what something comprises (矿产地38处,包括大型矿床13处、…; 实施范围
#:包括,…26个县、…,共计53个县): its counts describe, and the year that governs it makes
#: none of them a goal; a verb, a bound or a word of intent of their own still does.
COMPRISES = re.compile(r"包括|包含|涵盖")
#: A share of the work on a project (精品古道项目60%的工程量): how far it is done, a goal of
#: progress, not a threshold that defines.
WORK_SHARE = re.compile(r"的?(?:总)?(?:工程量|工作量|任务量|投资量)")


#: A second predicate joined to the first (设置1912个监测点位并根据需要适时增补完善): the
#: counted noun ends before it.
ALSO = re.compile(r"并(?=[\u4e00-\u9fff]{2})(?!网|购|联|行|列|存)")


def defined_area_end(masked: str, end: int, clause: Clause, places: list[str]) -> int | None:
    """Where a kind of area that a threshold defines ends (人口100万以上「的城市」), when the
    clause names no place or kind of area of its own; else None."""
    if clause.categories or places:
        return None
    defining = DEFINING.match(masked, end)
    kind = AREA_KIND.match(masked, defining.end()) if defining else None
    return kind.end() if kind is not None else None


#: A label that is only a verb of doing after 分别, 均, 各 (分别建成, 均完成): values given
#: per area, naming no quantity (新增 alone may: 新增1.1万个、累计2.3万个村庄…).
ONLY_VERBS = re.compile(rf"(?:分别|均|各)(?:{ACTION.pattern})+")
#: A label that is only a verb of doing or of reaching (完成, 提高至, 达到): it names nothing.
BARE_VERB = re.compile(
    rf"(?:将|要|再)?(?:{ACTION.pattern}|达到|{alternation(PREDICATE_VERBS)})+(?:到|至)?"
)
#: The object of the action a clause before names (实施中小学校“示范食堂”建设行动): what a
#: bare verb after it (2024年完成1000家以上) counts.
ACTED_ON = re.compile(rf"(?:{ACTION.pattern})(?P<object>[^,;。\d]{{2,30}})$")


#: What a plan plans, before its figure: 规划投资, 规划建设, 规划各类水利项目.
PLANNED = re.compile(r"规划(?:总?投资|建设|实施|布局|新建|改造|各类|重大|重点|项目)")


#: The whole of the plan's area before a share of its things (全县30%的行政村建成…).
WHOLE_AREA = re.compile(r"(?:力争|实现|确保)*全(?:省|市|区|县|镇|乡)(?:范围内)?")


#: A share of those a definition picks out, closing a subject right before its verb
#: (…锻炼强度中等以上的人数比例达到): ``share`` ends the subject.
_SHARE = (
    r"的(?P<share>[\u4e00-\u9fff]{0,4}(?:比例|比重|占比|人数|人口|数量))"
    r"(?:达到|达|提高到|提升到|增加到|增长到|保持在|稳定在|超过|不低于|不少于|为)?"
)
DEFINED_SHARE = re.compile(_SHARE + r"\s*$")


#: The same share ahead, its figure right after it; and what may lie between a threshold
#: and it: items listed with 、, no clause of their own.
SHARE_AHEAD = re.compile(_SHARE + r"(?=\s*\d)")
LISTED_ONLY = re.compile(r"[^,，;；。:：]*、[^,，;；。:：]*")

#: The urban-rural kinds of area, perhaps within the whole area (全市城镇): before a verb they
#: begin a measure's name (城镇新增就业, 农村新建户用厕所), never name who acts.
KIND_OF_AREA = re.compile(
    r"(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?"  # (二)全市城镇
    r"(?:全(?:国|省|市|区|县))?(?P<kind>城镇|农村|城市|乡村|城乡)"
)


#: A bare total (共15项) and what may follow it in its clause (,分别是: / 如下 / :).
ONLY_A_TOTAL = re.compile(r"\s*(?:共|共计|合计|一共|总计)?\s*")
LIST_FOLLOWS = re.compile(
    r"\s*(?:[,，]?\s*(?:分别是|分别为|如下|具体(?:是|为|如下)|[:：])[^\n]*)?\s*[,，;；。]?\s*"
)


def names_a_setting(masked: str, item: Item, later: list[Item]) -> bool:
    """Whether a count says where the work of its clause is done (在17个乡镇硬化道路10万平方米,
    在39个村改造线路16.66公里), not a figure of its own: it follows 在, and an action and a
    figure follow before the clause ends.  Alone in its clause it is the goal (在100个村开展
    试点)."""
    if item.unit != PG_COUNT or not later or not masked[: item.start].rstrip().endswith("在"):
        return False
    between = masked[item.end : later[0].start]
    # the work is done there: an action before the figure (not 在11条街道15个社区建设…: the
    # places are counted one after the other)
    return CLAUSE_BREAK.search(between) is None and ACTION.search(between) is not None
