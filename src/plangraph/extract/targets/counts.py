"""What a count counts, and the counts that set no goal: a count of the places a clause is
about (``11个设区城市``, ``博罗惠东龙门三县``), of the complete list just named (``电子信息、…、
高端装备4个``), of the plan's own parts (``重点指标17项``, ``34个牵头单位``), or heading a
measure of the things counted (``119个国控断面水质优良比例``); the noun a count counts
(after it, or after the last 的 of its description) and a batch that names none (``首批``)."""

from __future__ import annotations

import re

from plangraph.vocab import alternation

from .clauses import has_cjk
from .cues import ACTION, PREDICATE_VERBS
from .indicators import clean_subject
from .numbers import ITEM, Item
from .scopes import AREA_CATEGORIES, Resolver
from .unit_words import PG_COUNT

#: The noun right after a count, up to the next count of a list or the clause's end.
#: (a name may hold a digit before a letter: 25.5万个「5G基站」)
COUNTED_AFTER = re.compile(
    r"(?:\d+[A-Za-z]|[^、,;。\d]){2,24}?(?=(?:和|及|与|以及)?\d(?![A-Za-z])|[、,;。]|$)"
)
#: A further count of the same list: 、20个…, 和100个….
NEXT_COUNT = re.compile(r"(?:、|和|及|与|以及)(?=\d|[一二两三四五六七八九十]+[个家项座条处所])")
#: A subject that is only a verb of support, hiring or holding (扶持, 引进, 举办…): what a
#: count after it counts is the noun that follows the count.
VERB_ONLY = re.compile(
    r"(?:重点|每年|年均|累计|再|新)?(?:扶持|支持|帮扶|资助|奖补|引进|招引|引育|培训|举办|组织|"
    r"发放|补贴|选派|选树|评选|认证|申报|争取|招商|签约|服务|带动|吸纳|转移|帮助)"
    # 对全县17所…幼儿园全面提档升级, 对辖区80条背街小巷…: what is acted on follows the count
    r"|(?:对|向)(?:全[省市县区镇乡]|辖区|城区|全域)?(?:内)?"
)
#: A count of a list that something belongs to (…列为全县重点抓好的3项硬任务之一).
ONE_OF = re.compile(r"[^,;。\d]{1,12}?之一")
#: Before a count, a total of what the list names: 共, 合计, 总计, 等 (…等16条铁路专用线).
TOTAL = re.compile(r"(?:共|合计|总计|共计|等)\s*$")


def head_noun(text: str, end: int, post: str) -> str:
    """What a count counts: the noun after it, or after the last 的 of the phrase that
    describes it (建成10个以上规模效益显著、…、综合竞争力较强的「特色环保产业基地」)."""
    phrase = re.match(r"[^,;。]{0,60}", text[end:])
    # 在今年底完成1.2万个村庄生活污水治理「的基础上」: the frame of what follows, no noun
    described = _ON_THE_BASIS.sub("", phrase.group()) if phrase else ""
    post = _ON_THE_BASIS.sub("", post)
    if "的" in described:
        # 建成至少1个高标准的「医疗废物集中处置设施」: the description may end within post
        head = (post if "的" in post else described).rsplit("的", 1)[1].strip()
        if len(head) >= 2 and has_cjk(head):
            return head
    return post


#: The end of a frame 在…的基础上: what it holds is the ground of the next goal.
_ON_THE_BASIS = re.compile(r"的?基础(?:上|之上)\s*$")
#: A subject that says only which batch a count is (首批, 第二批, 全市首批, 新一批).
ONLY_A_BATCH = re.compile(r"(?:全[省市区县国])?(?:首批|第[一二三四五]批|新一批|新的一批)")
#: The parts of a plan itself, counted (指标, 任务, 方面, 重点, 领域, 措施, 行动): a plan
#: that says how many it sets out describes itself.
_PARTS = (
    r"(?:重点|主要|具体|量化|核心|约束性|预期性|方面|攻坚|专项|工作){0,2}"
    r"(?:指标|任务|方面|重点|领域|措施|举措|行动|目标)"
    r"|(?:责任|牵头|配合|成员|参与|实施)单位"  # 涉及21个责任单位: who carries the plan out
    r"|专栏|部分|章节?|篇章"  # 9项重点任务、8个专栏; 四个部分: the plan's own layout
)
PARTS_AFTER = re.compile(
    rf"(?:(?:大|方面的?)?(?:{_PARTS})|是?[\u4e00-\u9fff]{{0,8}}?的?(?:指标|方面|领域))"
    r"中?(?:[,;。、)(（]|和|以及|其中|$|(?=[一二三四五六七八九十百\d]+[个项]))"
)  # …四个方面「十六个」具体量化指标: the parts, then the count of what they hold; 提出21个行业
# 发展定量指标,其中有13个是基础设施方面的指标: what kind of parts they are between; 13个预期性
# 指标中,…: among them
PARTS_BEFORE = re.compile(rf"(?:{_PARTS})(?:共|合计|、)?$")  # 六大行动、十项工程: parts listed
#: After a count heading its clause: the things counted, then a measure of theirs and the
#: verb that sets it (个国控断面「水质优良比例」(…)「达」98.3%, 个断面「水质」「达到」考核要求).
POSSESSED_MEASURE = re.compile(
    r"[^,;。\d]{1,24}?(?:水质|比例|比率|比重|占比|浓度|(?<![效频概税利汇])率|指数)"
    r"(?:\([^)]{0,20}\)|□+)?(?:总体|稳定|均|全部|全面|持续|基本|力争|要)?"
    r"(?:达到|达(?=\d)|保持|维持|优于|不低于|不高于|不超过|高于|低于|控制在|稳定在|提高|提升|下降|降低)"
)
#: Kinds of area right after a count: the count is of the places the clause is about.
AREA_AFTER = re.compile(alternation(AREA_CATEGORIES))
#: Measure words of administrative units: a count of them after place names counts those.
DIVISION_WORDS = frozenset("省市县区州盟旗镇乡")


def counts_places(text: str, group: list[Item], resolve: Resolver | None) -> bool:
    """A count of divisions right after their names (``博罗惠东龙门三县``, ``河北、山西两省``):
    the places named, not a goal."""
    if resolve is None or len(group) != 1 or group[0].count_noun not in DIVISION_WORDS:
        return False
    before = text[max(0, group[0].start - 4) : group[0].start]
    if _DIVISION_COUNT.search(before):
        return True  # 五大区域9市「49县」: a count of divisions after another
    if _KIND_OF_AREA.search(before) and text[group[0].end - 1] != "个":
        return True  # 山区26县, 革命老区12县, 沿海9市: the name of a group of divisions
    return any(resolve(before[-n:]) is not None for n in (2, 3, 4) if len(before) >= n)


_DIVISION_COUNT = re.compile(r"[\d一二三四五六七八九十两]+个?[省市县区州盟旗]$")
#: A kind of area before a count of its divisions, glued (山区26县, 沿海9市): a group's name.
_KIND_OF_AREA = re.compile(r"(?:山区|老区|沿海|沿边|沿江|沿黄|海岛|边境|牧区|库区|林区|垦区|民族)$")


#: The items of a list printed right before a count (电子信息、生命健康、汽车、高端装备4个).
_LISTED = re.compile(
    r"(?:[\u4e00-\u9fff□“”]{1,12}、)+(?:[\u4e00-\u9fff□“”]{1,12}(?:和|及|与))?[\u4e00-\u9fff□“”]{1,12}\s*$"
)


def counts_list(masked: str, group: list[Item], region: int) -> bool:
    """A count right after a complete list of as many items as it counts (``电子信息、生命
    健康、汽车、高端装备4个万亿级产业集群``): it counts the items just named, no goal of its
    own (a list closed by 等, ``…等16条铁路专用线``, is not complete and stays a total)."""
    item = group[0]
    if len(group) != 1 or item.unit != PG_COUNT or item.value != int(item.value):
        return False
    listed = _LISTED.search(masked, region, item.start)
    if listed is None or listed.group().rstrip().endswith("等"):
        # 建成投用沿浦、宜山、…、灵溪浦亭等8家卫生院: 等 closes a list of the works counted
        return False
    names = re.split(r"、|和|及|与", listed.group())
    return len(names) >= 2 and len(names) == int(item.value)


#: A code in quotes made of figures only (“4321”, "1+3"), the short name of a slogan.
_CODE = re.compile(r"[“\"]\s*(\d(?:\s*\+?\s*\d){1,7})\s*[”\"]")


def spells_code(text: str, items: list[Item]) -> bool:
    """Counts whose figures, in order, spell the code in quotes the clause names them by
    (``实现4个提升、3个一体化、2个突破、1个增效“4321”目标``): the parts of a slogan, no goals."""
    counts = [i for i in items if i.unit == PG_COUNT and i.value == int(i.value)]
    if len(counts) < 2:
        return False
    figures = "".join(str(int(i.value)) for i in counts)
    return any(re.sub(r"\D", "", m.group(1)) == figures for m in _CODE.finditer(text))


#: Verbs of works done to things counted after them, as livelihood lists print them
#: (新(改、扩)建500个…设施, 新改扩建4个农贸市场, 提档升级7个小区健身场地, 巩固提升改厕成果120户,
#: 新规划11处自然保护区).
_WORKS_VERBS = r"新[(（][改扩、]{1,3}[)）]建|新改扩建|提档升级|巩固提升|新规划"


#: A count's label that closes with a verb, or verbs listed (新增, 新建、改造, 新增完成,
#: 内蒙古还将着力构建): who acts and what they do, nothing counted.
_VERB_CLOSED = re.compile(
    rf"(?:(?:{ACTION.pattern}|{alternation(PREDICATE_VERBS)}|构建|建设|提升|{_WORKS_VERBS})[、和及]?)+$"
)
#: What may stand before those verbs and name nobody counted: nothing, or who acts closed by
#: an adverb or a modal (内蒙古还将着力, 全省将).
_ACTOR_BEFORE = re.compile(r"(?:[^,，;；。]*(?:将|要|还|着力|力争|争取|确保|加快|大力|积极))?$")


def counted_for_verb(label: str, text: str, masked: str, end: int) -> str | None:
    """The noun a count counts when its label is only who acts and a verb (``新增24个、提升
    10个A级景区村庄``, ``内蒙古还将着力构建3个全国性综合交通枢纽城市``): the noun right after
    the count, or, when the list's next count follows at once, the noun after the list's
    last count; None when the label names something or no noun follows."""
    verbs = _VERB_CLOSED.search(label)
    if verbs is None or not _ACTOR_BEFORE.fullmatch(label[: verbs.start()]):
        return None
    stop = re.search(r"[,，;；。]", masked[end:])
    rest = end + stop.start() if stop else len(masked)
    after = COUNTED_AFTER.match(masked, end, rest)
    if after is None and re.match(r"、|和|及|与", masked[end : end + 1]):
        last = [m for m in ITEM.finditer(masked, end, rest) if m.group("unit") or m.group("cunit")]
        if not last:
            return None
        after = COUNTED_AFTER.match(masked, last[-1].end(), rest)
    if after is None:
        return None
    noun = clean_subject(text[after.start() : after.end()])
    return noun if len(noun) >= 2 and has_cjk(noun) else None


#: The people or households a service is done for, at the head of a clause (为62户贫困残疾人家庭
#: 实施…改造, 为5000名适龄农村妇女免费进行…检查): a year's livelihood pledge, counted.
SERVED = re.compile(r"[\s(（\d□)）、]*为")
#: …and the service done for them, after the people counted.
SERVICE = re.compile(
    r"[^,;。\d]{1,20}?(?:免费|提供|进行|实施|开展|发放|办理|落实|安排|解决|培训|救助|资助)"
)


def served(masked: str, pre: str, item: Item, end: int) -> bool:
    """A count of the people or households a service is done for, heading its clause (为5000名
    适龄农村妇女免费进行…检查)."""
    return (
        item.unit == PG_COUNT
        and SERVED.fullmatch(pre) is not None
        and bool(SERVICE.match(masked, end))
    )
