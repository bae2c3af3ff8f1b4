"""Scopes: the part of the plan area a target is limited to.

Places that head a clause (``北京…``, ``天津、河北…分别…``; ``江苏盐城`` is 盐城) are its scope,
resolved by ``extract.places.resolve_place``; the plan's own region is no scope."""

from __future__ import annotations

import re
from collections.abc import Callable

from plangraph import model
from plangraph.extract import gazetteer
from plangraph.vocab import LIANG, ONE_TO_NINE

from .clauses import LIST_ITEM, Clause, Draft
from .cues import ACTION
from .indicators import clean_subject

Resolver = Callable[[str], str | None]


#: Water bodies named in a sentence: start offset -> (end offset, place id).
WaterIndex = dict[int, tuple[int, str]]


Waters = Callable[[str], WaterIndex]


_PLACE_SEP = re.compile(r"[^、和及与,;。()“”]{0,4}?(?:、|和|及|与)")


_PLACE_STOP = frozenset('、,;:。!?()“”"《》 □')


def head_places(
    clause: Clause, resolve: Resolver, water: WaterIndex | None = None
) -> tuple[list[str], int, list[str]]:
    """Places that head the clause (``天津、河北…``), where the rest begins, and the
    places as printed.

    ``吉黑两省`` (a run of one-character abbreviations and a count of them) names one place
    per character; a count after a list (``黑龙江、吉林两省``) is skipped.  A place that only
    describes a land-type zone (``东北黑土区``, ``华北平原区``) is no scope unless it is an
    administrative unit.  A water body the resolver lacks is taken from ``water``.
    """
    text, pos = clause.text, clause.body
    junk = _JUNK.match(text, pos)
    if junk is not None:
        past_junk = head_places(
            Clause(clause.start, clause.end, text, clause.masked, junk.end()), resolve
        )
        if past_junk[0]:
            return (
                past_junk  # 1 \- r7 r$ B9 o0 t 铜川市优良天数278天: the place after a mirror's junk
            )
    dateline = DATELINE.match(text, pos)
    if dateline is not None:
        return [], dateline.end(), []  # 新华社北京8月19日电: where the news was filed
    run = _abbreviation_run(text, pos, resolve)
    if run is not None:
        return run
    places: list[str] = []
    names: list[str] = []
    end = pos
    while pos < len(text):
        run_end = pos
        while run_end < len(text) and run_end - pos < 12 and text[run_end] not in _PLACE_STOP:
            run_end += 1
        hit = _place_at(text, pos, run_end, resolve)
        found = water.get(clause.start + pos) if water else None
        if (
            found is not None
            and found[0] - clause.start <= run_end
            and (
                hit is None
                or (found[0] - clause.start > hit[1] and not is_water(hit[0], text[pos : hit[1]]))
            )
        ):
            # the longer name wins over a division: 恩阳河 is the river, not the district
            # 恩阳 before 河 (长江 in 长江干流 is the river already)
            hit = found[1], found[0] - clause.start
        if hit is None:
            break
        # a place right after a place is the narrower one: 江苏盐城, 河北雄安新区
        start = pos
        narrower = _place_at(text, hit[1], run_end, resolve)
        if narrower is not None:
            start, hit = hit[1], narrower
        if _ZONE.match(text, hit[1]) and not _is_admin(hit[0]):
            break  # 东北黑土区: the place describes the zone, which is no scope
        if text[start : hit[1]] in _LAND_WORDS:
            break  # 平原地区全面建成…: a kind of land, not 平原县
        places.append(hit[0])
        names.append(text[start : hit[1]])
        end = hit[1]
        part = _WATER_PART.match(text, end) if is_water(hit[0], names[-1]) else None
        if part is not None:
            end = part.end()  # 大清河「流域」2个国控断面: the basin is the river's
        sep = _PLACE_SEP.match(text, end)
        if not sep:
            break
        pos = sep.end()
    if len(places) > 1:
        count = _COUNTED.match(text, end)
        if count and _count(count.group()) == len(places):
            end = count.end()
    if len(places) > 1:
        summary = SUMMARY.match(text, end)
        if summary is not None:
            end = summary.end()  # 长江、黄河…辽河「等七大重点流域」: the list's own name
    sites = _SITES.match(text, end) if places else None
    if sites is not None:
        # "鹿溪河、琵琶滩大桥、起凤桥等地新建生态湿地约300亩": sites, not all of them places,
        # share the amount; no one of them is its scope
        return [], sites.end(), []
    return places, end, names


#: A mirror's anti-copy junk before a line (``1 \- r7 r$ B9 o0 t 铜川市…``): three or more runs
#: of one to three ASCII characters between spaces, a letter and a sign among them.
_JUNK = re.compile(
    r"\s*(?=[!-~\s]*[A-Za-z])(?=[!-~\s]*[^\w\s])(?:[!-~]{1,3}\s+){3,}(?=[\u4e00-\u9fff])"
)


#: The dateline of a news report (新华社北京8月19日电(记者…), 中环网讯, 本报讯): where and
#: by whom it was filed, no scope of what it reports.
DATELINE = re.compile(
    r"\s*[\u4e00-\u9fff]{1,8}?(?:社|网|报|台|号)[\u4e00-\u9fff]{0,8}?"
    r"(?:\d{1,2}月\d{1,2}日电|讯)(?:\([^)]{0,20}\))?"
)


#: What a list of places is called, after 等 and their number (长江、黄河…辽河「等七大重点
#: 流域」, 京津冀、长三角「等重点区域」): the group the list names as a whole.
SUMMARY = re.compile(
    r"等\s*(?:[一二两三四五六七八九十]+|\d+)?(?:大|个|条|座|片)?"
    r"[\u4e00-\u9fff]{0,6}?(?:流域|区域|地区|城市群|河流|湖泊|湖库|水系|城市|省份|省区市|省市|海湾|湾区)"
)


#: A list of sites closed by 等地 (等处, 等区域 …), going on after the places read.
_SITES = re.compile(r"(?:、[^,;:。、]{1,12}?)+等(?:地|处|区域|点位|地区)")


#: A land-type zone (黑土区, 平原区, 山区, 林区, 牧区, 农区 …): a kind of land, not a place.
_ZONE = re.compile(
    r"(?:黑土|平原|丘陵|山|林|牧|农|半农半牧|农牧交错|草原|风沙|沙|荒漠|高原|冻土|盐碱|"
    r"石漠化|水土流失|生态脆弱)区"
)


#: Everyday words for a kind of land that are also the short name of a county or district
#: (平原 for 平原县, 城区, 郊区, 林区): printed bare, they name the kind, not the place.
_LAND_WORDS = frozenset({"平原", "山区", "高原", "丘陵", "城区", "郊区", "林区", "牧区", "库区"})


_ADMIN_KINDS: frozenset[model.PlaceKind] = model.DIVISION_KINDS | {"DevelopmentZone"}


#: A count of the places before it: 两省, 三省区, 两省一市, 四地.
_COUNT_WORD = r"(?:[两二三四五六七八九]|\d)(?:省区市|省市区|省区|省市|自治区|省|市|区|地|州|盟|县)"


_COUNT_MORE = _COUNT_WORD.replace("[两", "[一两")


_COUNTED = re.compile(rf"{_COUNT_WORD}(?:{_COUNT_MORE})*")


_ABBREVIATED = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)({_COUNT_WORD}(?:{_COUNT_MORE})*)")


def _count(words: str) -> int:
    """The places a count names: 两省一市 is 3."""
    return sum(
        int(ch) if ch.isdigit() else ONE_TO_NINE.index(ch.replace(LIANG, "二")) + 1
        for ch in re.findall(r"[一两二三四五六七八九]|\d", words)
    )


def _abbreviation_run(
    text: str, pos: int, resolve: Resolver
) -> tuple[list[str], int, list[str]] | None:
    """``吉黑两省``, ``苏浙沪两省一市``: each character an abbreviation, as many as counted."""
    m = _ABBREVIATED.match(text, pos)
    if not m or len(m.group(1)) != _count(m.group(2)):
        return None
    ids = [resolve(ch) for ch in m.group(1)]
    if any(i is None for i in ids) or len(set(ids)) != len(ids):
        return None
    return [i for i in ids if i], m.end(), list(m.group(1))


def _is_admin(place_id: str) -> bool:
    place = gazetteer.place_by_id(place_id)
    return place is not None and place.kind in _ADMIN_KINDS


WATER_KINDS: frozenset[model.PlaceKind] = frozenset(
    {"River", "Lake", "Reservoir", "Bay", "Sea", "Estuary", "Coast", "Wetland", "Basin"}
)


WATER_CHAR = re.compile(r"[江河湖湾海库淀泊溪渠]")


WATER_NAME = re.compile(r"(?:水库|湖|河|江|湾|海|淀|泊|溪|渠|干流|支流)$")


#: Words that make a clause about the whole region, whatever place headed the sentence.
WHOLE = re.compile(r"^[^,;]{0,6}?(?:全(?:省|市|区|县|国|域|境|流域)|区域内|各地)")


#: After a river's name, the part of it meant: 流域, 干流, 支流, 水系, 沿岸 ….
_WATER_PART = re.compile(r"流域|干流|支流|水系|沿岸|全流域")


# a clause that introduces a list of goals: 考核指标为, 主要目标是, 目标如下
_INTRODUCES = re.compile(r"(?:目标|指标|任务)(?:为|是|如下)\s*[:]?\s*$")


def heading_places(content: list[Clause]) -> tuple[int, list[str]]:
    """The places that head a sentence's clauses of content from one on (the index of that
    clause, the places; none when they head no more than their own clause).

    Places heading the sentence, and no other: the scope of its later clauses too
    ("珠三角全域推进美丽河湖建设,建成率达到45%").  A water body (丹江口水库水质…) speaks for
    its own clause only, and so does a list of places whose clause has targets of its own
    (福州、厦门…分别降至19、17微克/立方米).  After a clause that introduces a list
    (…考核指标为,西安市优良天数257天,PM2.5浓度为54微克/立方米) the place heading the first
    listed clause heads the ones after it too."""
    if not content:
        return 0, []
    first = next((k for k, c in enumerate(content) if c.places), 0)
    if not (
        0 < first < len(content) - 1
        and content[first].text.lstrip().startswith(content[first].names[0])
        and _INTRODUCES.search(content[first - 1].masked) is not None
    ):
        first = 0
    head = content[first]
    if (
        head.places
        and not any(c.places for c in content[first + 1 :])
        and not any(is_water(p, n) for p, n in zip(head.places, head.names, strict=True))
    ):
        return first, list(head.places)
    return first, []


def is_water(place_id: str, name: str) -> bool:
    """A river, lake, bay … (a water body's quality is a target about that body alone)."""
    place = gazetteer.place_by_id(place_id)
    if place is not None:
        return place.kind in WATER_KINDS
    return WATER_NAME.search(name) is not None


#: Words of the genre that are also the short form of a district's name (新建 of 南昌市
#: 新建区, 和平 of 天津市和平区): as printed without the suffix, they are the word.
#: So are kinds of land and area that name a district somewhere (滨海湿地 is coastal
#: wetland, not 滨海新区; 城区 is the urban area, not 阳泉's 城区; 港口岸电, 矿区生态修复).
COMMON_WORDS = frozenset(
    {
        *("新建", "改建", "扩建", "新增", "和平", "新城", "城关", "高新"),
        *("滨海", "平原", "矿区", "郊区", "城区", "港口", "海港", "市中", "城中"),
        *("江南", "江北", "河西", "河东"),
    }
)


def _place_at(text: str, pos: int, end: int, resolve: Resolver) -> tuple[str, int] | None:
    """The longest place name starting at ``pos`` (before ``end``) and where it ends."""
    for length in range(end - pos, 1, -1):
        if text[pos : pos + length] in COMMON_WORDS:
            continue  # 新建炼化一体化项目: the verb, not 新建区
        pid = resolve(text[pos : pos + length])
        if pid:
            return pid, pos + length
    return None


def waters_in(water: WaterIndex, lo: int, hi: int) -> list[str]:
    """The water bodies named within ``[lo, hi)`` of the sentence, in order, once each."""
    found: list[str] = []
    for start in range(lo, hi):
        hit = water.get(start)
        if hit is not None and hit[0] <= hi and hit[1] not in found:
            found.append(hit[1])
    return found


#: Kinds of area a target can be limited to that are not one place.  Any of them, listed
#: two or more at the head of a clause (``地级市、县城生活污水处理率分别达到98%、95%``), scopes
#: the values one by one; alone, only a kind that never names the whole plan area does.
AREA_CATEGORIES = (
    "地级及以上城市建成区",
    "地级及以上城市",
    "地级以上城市",
    "县级及以上城市",
    "县级以上城市",
    "重点区域",
    "非重点区域",
    "其他地区",
    "其他区域",
    "重点城市",
    "其他城市",
    "中心城区",
    "中心城",
    "五个新城",
    "新城",
    "新建城区",
    "老城区",
    "城市建成区",
    "建成区",
    "地级市",
    "设区市",
    "设区城市",
    "其他县(市)",
    "其他县(市、区)",
    "县(市、区)",
    "县(市)",
    "县级市",
    "县城",
    "城市",
    "城镇",
    "建制镇",
    "乡镇",
    "农村",
    "沿海主要港口",
    "主要港口",
    "沿海地区",
    "超大城市",
    "特大城市",
    "大城市",
    "中小城市",
    "旗县区政府所在地",
    "县级政府所在地",
    "县政府所在地",
    "乡镇政府所在地",
)
#: Kinds of area that scope a target on their own (a lone 城市 begins many indicator names).
RESTRICTING_CATEGORIES = frozenset(
    {
        "重点区域",
        "非重点区域",
        "设区市",  # a province's prefecture-level cities, not its counties
        "设区城市",
        "其他县(市)",
        "其他县(市、区)",
        "县(市、区)",
        "县(市)",
        "其他地区",
        "其他区域",
        "中心城区",
        "中心城",
        "五个新城",
        "新城",
        "新建城区",
        "老城区",
        "县城",
        "地级及以上城市建成区",
        "城市建成区",
        "建成区",
        "沿海主要港口",
        "主要港口",
        "超大城市",
        "特大城市",
        "大城市",
        "中小城市",
        "旗县区政府所在地",
        "县级政府所在地",
        "县政府所在地",
        "乡镇政府所在地",
    }
)
#: The parts of a city or county by how built up they are (城区, 市区, 主城区, 郊区 …): a
#: county's or a city's own part, so a target they head holds there alone
#: (市区学前三年幼儿入园率达到98%, 城区新建便民市场5处).  Not other stages' kinds of area: a
#: count before them (3个城区) counts no places.
URBAN_PARTS = ("主城区", "城区", "市区", "新城区", "近郊区", "远郊区", "郊区")
_CATEGORY = "|".join(
    re.escape(c) for c in sorted((*AREA_CATEGORIES, *URBAN_PARTS), key=len, reverse=True)
)
_CATEGORY_LIST = re.compile(
    rf"""
    (?:全(?:省|市|区|县|域|国))?                # 全区建成区: the kind within the whole area
    (?:各|每个?)?                              # 各设区城市, 每县(市、区): each of the kind
    (?P<list> (?:{_CATEGORY}) (?: (?:、|和|及|与|以及) (?:{_CATEGORY}) )* )   # 地级市、县城
    (?P<of> 的 )?
    """,
    re.VERBOSE,
)


#: A group of waters a plan names in quotes, then the kind of area it is (“七河”流域,
#: “七河”干流, “五湖”沿岸; not “一核一带一区”区域发展格局): no one place the resolver
#: knows, yet a part of the plan's area.
_QUOTED_AREA = re.compile(
    r"(?:这|该|上述)?(“[\u4e00-\u9fff]{1,6}”(?:流域|干流|干支流|沿线|沿岸)"
    # a group named by its number (七大重点流域, 这七大重点流域, 三大城市群): the plan's own
    r"|[二三四五六七八九十]+大(?:重点)?(?:流域|区域|湖泊|水系|城市群|湾区))"
)


def head_categories(text: str, pos: int) -> tuple[list[str], int]:
    """The kinds of area heading ``text`` at ``pos`` and where the rest begins, or nothing
    when they do not scope (a lone 城市 in 城市生活污水集中收集率); a group of places named
    in quotes (“七河”流域) is kept as printed too."""
    start, item = pos, LIST_ITEM.match(text, pos)
    if item is not None:
        pos = item.end()  # (10)城区新建便民市场5处: a list's number, then the item
    counted = _COUNTED_UNITS.match(text, pos)
    if counted is not None:
        return [counted.group("units")], counted.end()  # 山区26县旅游产业增加值: in those 26
    each = _EACH.match(text, pos)
    if each is not None:
        return [each.group("units")], each.end("units")  # 各县市区至少建成1个: in each of them
    m = _CATEGORY_LIST.match(text, pos)
    if m is None:
        quoted = _QUOTED_AREA.match(text, pos)
        return ([quoted.group(1)], quoted.end()) if quoted else ([], start)
    names = re.findall(_CATEGORY, m.group("list"))
    if len(names) == 1 and names[0] in URBAN_PARTS and _OWN_SIZE.match(text, m.end()):
        return (
            [],
            start,
        )  # 城区常住人口100万以上的城市, 市区面积: the part's own size, no goal in it
    if (
        len(names) == 1
        and names[0] not in RESTRICTING_CATEGORIES
        and names[0] not in URBAN_PARTS
        and not _DOES.match(text, m.end())
    ):
        return [], start  # 农村生活污水治理率: the kind of area begins the indicator's name
    if _WHOLE_OF_KIND.match(text, m.end()):
        # 县城「以上」集中式饮用水水源: the level of the things measured; 城市建成区「40%以上
        # 的面积」: the whole a share is taken of; neither limits where the target holds
        return [], start
    return names, m.end()


#: A level of division (县, 乡镇, 街道, 行政村 …), as a plan names the units it hands a task
#: down to: 县市区, 区县, 镇(街道), 县(市、区), 区、县(市).
_UNIT = r"(?:行政村|街道|社区|设区市|地市|[省市县区乡镇村旗州盟])"
_UNIT_RUN = rf"{_UNIT}(?:、?{_UNIT})*(?:\({_UNIT}(?:、{_UNIT})*\))?"
#: Each unit of a level (各县市区, 每个乡镇, 其余各镇(街道)) before what each of them does or
#: has (至少建成1个, 都建有1所, 先行打造2个): the target holds in each of them, not for the
#: whole area at once.  Not the start of a longer noun (各市场主体, 各区县政府).
_EACH = re.compile(
    rf"\s*(?:其余|其他)?(?:各|每个?)(?P<units>{_UNIT_RUN}(?:、{_UNIT_RUN})*)"
    rf"(?=(?:(?:都|均|要|应|须|将|可|至少|先行|率先|力争|争取|确保|年内|每年|基本|全部|全面)*)"
    rf"(?:{ACTION.pattern}|办|建有|设有|有|达到|[^\u4e00-\u9fff(]))"
    # a number of things each is to have (每个社区都有便捷的体育健身设施 is a commitment)
    r"(?=[^,;。]{0,40}?(?:\d|[一二两三四五六七八九十百]+[个所座家处条项片批名]))"
)


#: A number of divisions, perhaps of a kind, before a measure taken over them (山区26县旅游产业
#: 增加值年均增长9%, 10市平均优良天数287.3天): the target holds in those, not in the whole
#: area.  Not a count that is the goal (30个县达到…标准: no measure follows it).
_COUNTED_UNITS = re.compile(
    r"\s*(?P<units>[\u4e00-\u9fff]{0,4}?(?:\d+|[两二三四五六七八九十]+)个?"
    r"(?:县市区|县区|区县|地市|设区市|县|市|区|州|盟|旗))"
    # (nor a level's word: 70个「市考」以上断面, 市级, 县控, 区域)
    r"(?!达|实现|建成|完成|创建|成为|进入|通过|以上|以下|考|级|控|属|管|直|域|场|内|外|辖)"
    r"(?=[^,;。\d]{0,20}?(?:率|量|数|值|浓度|比例|比重|收入|产值|面积)[^,;。\d]{0,12}?\d)"
)


#: What measures a part of a city itself (城区常住人口, 市区面积): its size, not a target in it.
_OWN_SIZE = re.compile(r"(?:常住|户籍)?(?:人口|面积|范围|规模|建设用地)")


#: A verb of doing or reaching right after a kind of area: the kind is who does it, the
#: area the target holds in (农村完成1个…示范村创建), not the indicator's head
#: (城镇新建绿色建筑比例).
_DOES = re.compile(r"\s*(?:要|将|力争|争取|确保)?(?:完成|建成|创建|实现|达到|累计)(?!率)")


#: After a kind of area: a level it starts (以上, 及以上), or a share of it (40%以上的面积).
_WHOLE_OF_KIND = re.compile(r"\s*(?:及?以上|\d+(?:\.\d+)?%(?:以上|以下)?的)")


#: A name that reads as an area though the resolver lacks it (长三角地区, 汾渭平原).
PLACE_LIKE = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:地区|区域|平原|流域|城市群|经济区|经济带|三角洲|新区|盆地|高原)"
)


def heading_list(
    text: str, pos: int, resolve: Resolver
) -> tuple[list[tuple[str | None, str]], int]:
    """A list of two or more areas heading a clause, each a place (its id) or a kind of area
    or an area the resolver lacks (None), with where the rest begins; else nothing.  Values
    listed with 分别 go to them one by one, so each must keep its own scope."""
    heads: list[tuple[str | None, str]] = []
    end = pos
    while pos < len(text):
        stop = pos
        while stop < len(text) and stop - pos < 12 and text[stop] not in _PLACE_STOP:
            stop += 1
        hit = _place_at(text, pos, stop, resolve)
        if hit is not None:
            heads.append((hit[0], text[pos : hit[1]]))
            end = hit[1]
        else:
            m = _CATEGORY_LIST.match(text, pos) or PLACE_LIKE.match(text, pos)
            if m is None:
                break
            name = re.match(_CATEGORY, text[pos:]) if _CATEGORY_LIST.match(text, pos) else m
            if name is None:
                break
            end = pos + len(name.group())
            heads.append((None, text[pos:end]))
        sep = re.match(r"(?:、|和|及|与|以及)", text[end:])
        if not sep:
            break
        pos = end + sep.end()
    if len(heads) < 2 or all(pid is not None for pid, _ in heads):
        return [], 0
    return heads, end


def shared_head_kinds(subject: str, indicator: model.Indicator, n: int) -> list[str | None]:
    """The ``n`` kinds a subject lists before the head they share (县级及以上、农村“千吨万人”
    + 集中式饮用水水源地水质达标率), or no kinds: the last item ends with the indicator's name
    and the others are short modifiers without it."""
    parts = [p.strip() for p in re.split(r"、", clean_subject(subject))]
    head = indicator.label_zh
    if len(parts) != n or not parts[-1].endswith(head) or len(parts[-1]) == len(head):
        return [None] * n
    parts[-1] = parts[-1][: -len(head)]
    if any(not 2 <= len(p) <= 10 or head in p or "的" in p for p in parts):
        return [None] * n
    return list(parts)


#: The two parts a plan splits its area into when it gives one measure for each: the towns
#: (城市, 城镇, 城区, 市区) and the countryside (农村, 乡村).
_TOWN = ("城市", "城镇", "城区", "市区")
_COUNTRY = ("农村", "乡村")


def town_and_country(drafts: list[Draft]) -> None:
    """Scope the targets of a sentence that gives one measure for the towns and another for
    the countryside (城市受训率达到90%以上,农村受训率达到80%以上): each holds in its part,
    though either name alone begins an indicator's name (农村自来水普及率)."""
    parts: dict[str, list[tuple[str, Draft]]] = {}
    for d in drafts:
        if d.scope is not None or d.scope_text is not None:
            continue
        label = d.indicator.label_zh
        kind = next((k for k in (*_TOWN, *_COUNTRY) if label.startswith(k)), None)
        if kind is not None and len(label) - len(kind) >= 2:
            parts.setdefault(label[len(kind) :], []).append((kind, d))
    for found in parts.values():
        kinds = {k for k, _ in found}
        if kinds & set(_TOWN) and kinds & set(_COUNTRY):
            for kind, d in found:
                d.scope_text = kind
