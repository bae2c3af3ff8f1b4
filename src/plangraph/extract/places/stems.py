"""The proper name before a generic head (…水库, …新区, …产业园): where it starts, the
tokens and free runs it is made of, or no name at all (a kind of zone, a verb and its object,
a count, a grade).

A name is the run of characters before the head, cut after the last verb or function word
(unless a division's name spans it: 和林格尔新区), and no generic word, count (四大经济圈),
clause (水净河清) or company (某某山化工) makes it."""

from __future__ import annotations

import plangraph.extract.gazetteer as gz
from plangraph.model import DIVISION_KINDS

from .everyday import (
    before_a_name,
    common_words,
    ends_in_everyday_word,
    kind_of_port,
    only_everyday_words,
    verb_stem,
)
from .lexicon import Lexicon
from .tokens import Token, is_generic, is_han, listed, trim
from .words import (
    ABOVE_COUNTY_KINDS,
    ADMIN_KINDS,
    AFTER_ADMIN_PLACE,
    AFTER_ANY_PLACE,
    AFTER_NATURE,
    BELOW_PROVINCE_SUFFIXES,
    CHECKED_HEADS,
    CITY_ZONE_HEADS,
    COUNTERS,
    DEVELOPMENT_ZONES,
    INDUSTRY_WORDS,
    LOCAL_RESERVES,
    NAMED_ZONE_SUFFIXES,
    NOT_SHORT_NAMES,
    NUMERALS,
    PARK_SUFFIXES,
    PORT_HEADS,
    REGION_HEADS,
    RESTRUCTURING,
    SCENIC_SUFFIXES,
    SHORT_SUFFIXES,
    SIMPLE_SUFFIXES,
    STOP_PARTS,
    SUFFIXES,
    TERRAIN_HEADS,
    TOWN_SUFFIXES,
    VILLAGE_KINDS,
)

# one-character heads of waters that may follow a division's name: 廉江河, 白沙河
WATER_SUFFIXES = frozenset("河江溪湖")
# the measure words after a figure in Arabic numerals: 35家智慧景区, 5个示范区, 3处湿地
_MEASURES = frozenset("个家处座所条片批类项大")
# the praise that opens a slogan on a place: 大美庐江, 大美青海
_PRAISE = "大美"
# the parts of a city that name its new areas: 成都东部新区
_CITY_PARTS = frozenset({"东部", "西部", "南部", "北部", "东", "西", "南", "北"})


def pattern_name(
    norm: str,
    p: int,
    suffix: str,
    covered: bytearray,
    ends: dict[int, Token],
    lex: Lexicon,
) -> tuple[int, list[Token | None], int] | None:
    """The start of a proper name ending at ``p``, its segments (tokens or free runs) and
    the start of the segment right before the suffix."""
    _, longest = SUFFIXES[suffix]
    segments: list[Token | None] = []
    pos = p
    piece = p
    while True:
        token = ends.get(pos)
        if token is not None:
            segments.append(token)
            start = token.start
            trimmed = False
        else:
            j = pos
            while j > 0 and not covered[j - 1] and is_han(norm[j - 1]) and pos - j < 12:
                j -= 1
            run = norm[j:pos]
            cut = _known_across(run, trim(run), lex)
            if suffix in PARK_SUFFIXES and len(run) - cut >= 4 and run[cut + 1] in "县市区旗":
                cut += 2  # 托县 + 嘉禾煤炭物流园区: the county's short form, then the park
            if suffix not in BELOW_PROVINCE_SUFFIXES and not _opens_with_a_name(run[cut:], lex):
                cut += before_a_name(run[cut:])  # 首次提出 + 羊山湿地, 隶属 + 南雁山
            if run[cut:].startswith(_PRAISE) and len(run) - cut > len(_PRAISE):
                cut += len(_PRAISE)  # 大美庐江: a slogan's praise, then the name
                if run[cut:] + suffix in lex.short_names:
                    return None  # 庐江 is the county praised, no river
            name = run[cut:]
            start = j + cut
            admin = False
            if suffix in BELOW_PROVINCE_SUFFIXES and RESTRUCTURING.search(name):
                return None  # 丽水撤地设市, 撤县设区, 撤乡建镇: a change of status, no name
            if suffix in BELOW_PROVINCE_SUFFIXES:
                admin = not cut and _after_admin(norm, start, ends, suffix)
                if not admin or (suffix == "区" and name.endswith("地")):
                    return None  # 成都市「单位地区」生产总值: 地区 after a city names no district
            through = _through_a_water(norm, start, name, suffix, cut, covered, ends, lex)
            if through is not None:
                return through  # 榆社漳河源湿地: a wetland named by its river's source
            if len(name) == 1 and not (
                (admin and suffix == "县") or _short_name(norm, name, start, p, suffix)
            ):
                return None
            generic = (is_generic(name) or name in lex.generic) and not (
                len(name) >= 3 and name in lex.short_names  # 和林格尔: a county's name
            )
            owner = ends.get(start)
            city_part = None
            if (
                name in _CITY_PARTS
                and suffix == "新区"
                and owner is not None
                and owner.place is not None
                and owner.place.kind == "City"
            ):
                generic = False  # 成都东部新区: a city's new area named by its direction
                city_part = owner
            if suffix in PARK_SUFFIXES:  # 蒙牛中国乳业产业园: a proper head, then its trade
                generic = generic and not proper_head(name, lex)
            if not (1 <= len(name) <= longest) or generic:
                return None
            if name[-1] in NUMERALS or name in SUFFIXES:
                return None  # 一江两湖; 河口湿地 (a head alone names nothing)
            if name[0] in NUMERALS and name[1:2] in COUNTERS:
                return None  # 四大经济圈, 两个城市群
            if start > 0 and norm[start - 1].isdigit() and name[0] in _MEASURES:
                return None  # 创建35家智慧景区: a figure and its measure word count zones
            if suffix in VILLAGE_SUFFIXES and name in VILLAGE_KINDS:
                return None  # 文明村, 老旧社区: a kind of village, no name
            if name[0] == "级":
                return None  # 4A级旅游景区, 省级风景区: a grade, no name
            if (
                suffix in NAMED_ZONE_SUFFIXES
                and (name in common_words() or ends_in_everyday_word(name))
                and not _after_an_admin_place(ends.get(start))
            ):
                return None  # 先行示范区, 化肥示范区: a kind of zone, no name (泉州台商投资区 is)
            if suffix in SCENIC_SUFFIXES and (
                (name in common_words() and not listed(norm, start, p + len(suffix)))
                or only_everyday_words(name)
            ):
                # 精品景区, 龙头火爆景区: a kind of scenic area (关山景区、回龙景区 are named)
                return None
            if (
                suffix in DEVELOPMENT_ZONES
                and ends_in_everyday_word(name)
                and not _after_an_admin_place(ends.get(start))
            ):
                return None  # 低丘缓坡开发区: a kind of zone, no name (托清经济开发区 is)
            if name[0] == "第" and name[1:2] in NUMERALS:
                return None  # 第三轮草原(奖补政策): an ordinal, no name
            if suffix in SIMPLE_SUFFIXES and suffix in name:
                return None  # 巡河查河: a verb and its object, twice
            if suffix in CHECKED_HEADS and ends_in_everyday_word(name):
                return None  # 采取泉组, 岩溶大泉: a verb or an adjective, then the head
            if suffix in CITY_ZONE_HEADS and (
                (len(name) <= 3 and ends_in_everyday_word(name))
                or not _DEMONSTRATIVES.isdisjoint(name)
            ):
                return None  # 城市更新片区, 保护好这座古城: a kind of zone, no name
            if suffix in PORT_HEADS and kind_of_port(name, _after_a_port(ends.get(start))):
                return None  # 集装箱码头, 沿江港区: a kind of wharf or harbour district
            if suffix in TERRAIN_HEADS and ends_in_everyday_word(name):
                return None  # 冲击平原, 山间小盆地: a kind of plain, no name
            if not admin and start not in ends and verb_stem(name, gz.town_short_names()):
                # 基本解决草原, 扩容水库, 关注海峡: a verb and its object (not 广清 + 接合片区)
                return None
            if name[0] == "系" and start > 0 and norm[start - 1] in "山水":
                return None  # 大巴山系米仓山: 山系, then the mountain
            segments.append(None)
            trimmed = cut > 0
            if city_part is not None:
                segments.append(city_part)
                start = city_part.start
                break
        if len(segments) == 1:
            piece = start
        if (
            segments[-1] is None
            and not trimmed
            and suffix in AFTER_ANY_PLACE
            and not (suffix in SCENIC_SUFFIXES and p - start >= 2)  # 湛江市 + 湖光岩风景区
        ):
            owner = ends.get(start)  # 石首 + 麋鹿国家级自然保护区
            if (
                owner is not None
                and owner.place is not None
                and owner.place.kind in ADMIN_KINDS
                and owner.place.kind != "DevelopmentZone"  # 某某开发区 + 金桥产业园: two zones
            ):
                segments.append(owner)
                start = owner.start
                break
        if (
            not trimmed
            and start >= 2
            and norm[start - 1] == "—"
            and (is_han(norm[start - 2]) or start - 1 in ends)
        ):
            pos = start - 1
            continue
        if not trimmed and start >= 3 and norm[start - 1] == ")":
            opening = norm.rfind("(", max(0, start - 10), start - 1)
            if opening > 0 and is_han(norm[opening - 1]):
                pos = opening
                continue
        break
    if all(s is not None for s in segments):
        kinds = {s.place.kind for s in segments if s is not None and s.place is not None}
        admin_only = bool(kinds) and kinds <= (ADMIN_KINDS | {"Area", "Island"})
        if not (
            suffix in AFTER_ANY_PLACE
            or suffix in AFTER_NATURE
            or (suffix in AFTER_ADMIN_PLACE and admin_only)
            or _named_after_a_division(norm, p, suffix, segments)
        ):
            return None
        if (
            suffix in REGION_HEADS
            and kinds & DIVISION_KINDS
            and _after_a_listed_division(norm, start, ends)
        ):
            return None  # 广州、深圳都市圈 names the cities: the head is shared by the list
            # (太原城市群, 太原都市圈 alone are the clusters named after their city, and so
            # after a conjunction that joins no place: 发展战略以及郑州都市圈)
    return start, segments, piece


# the words that join the items of a list: 广州、深圳, 广州和深圳, 广州以及深圳
_CONJUNCTIONS = ("以及", "、", "和", "与", "及")


def _after_a_listed_division(norm: str, start: int, ends: dict[int, Token]) -> bool:
    """A division's name follows a conjunction that follows another division's name: 广州、
    深圳都市圈, 长沙和株洲城市群 (not 发展战略以及郑州都市圈, 融入和郑州都市圈)."""
    word = next((w for w in _CONJUNCTIONS if norm.startswith(w, start - len(w))), None)
    if word is None or start < len(word):
        return False
    before = ends.get(start - len(word))
    return before is not None and before.place is not None and before.place.kind in DIVISION_KINDS


def _named_after_a_division(norm: str, p: int, suffix: str, segments: list[Token | None]) -> bool:
    """A river or lake named after a division, in a list of waters: 廉江河 in 榕江、廉江河,
    白沙河 in 保护白沙河等良好水体 (not 廉江 and 河)."""
    if suffix not in WATER_SUFFIXES or len(segments) != 1 or segments[0] is None:
        return False
    token = segments[0]
    if token.place is None or token.place.kind not in DIVISION_KINDS:
        return False
    end = p + len(suffix)
    return (token.start > 0 and norm[token.start - 1] == "、") or norm[end : end + 1] in (
        "、",
        "等",
    )


# heads of protected areas that may be named by a part of a water (漳河源湿地)
WATER_PART_HEADS = frozenset(
    {"湿地", "湿地公园", "国家湿地公园", "自然保护区", "国家级自然保护区", *LOCAL_RESERVES}
)
# what a part of a water is called after its name: its source, its head, its mouth
WATER_PARTS_AFTER = frozenset({"源", "源头", "口", "河口", "湾", "畔"})


def _through_a_water(
    norm: str,
    start: int,
    name: str,
    suffix: str,
    cut: int,
    covered: bytearray,
    ends: dict[int, Token],
    lex: Lexicon,
) -> tuple[int, list[Token | None], int] | None:
    """A protected area named by a part of a known water and, before it, the county's
    short name: 榆社漳河源湿地 (the wetland at the source of the 漳河 in 榆社)."""
    water = ends.get(start)
    if (
        cut
        or suffix not in WATER_PART_HEADS
        or name not in WATER_PARTS_AFTER
        or water is None
        or water.place is None
        or water.place.kind not in ("River", "Lake")
    ):
        return None
    j = water.start
    while j > 0 and not covered[j - 1] and is_han(norm[j - 1]) and water.start - j < 4:
        j -= 1
    head = norm[j : water.start]
    k = j + trim(head)
    owner = norm[k : water.start]
    if owner and (is_generic(owner) or owner in lex.generic or ends_in_everyday_word(owner)):
        return None
    return k, ([None, water, None] if owner else [None, water]), start


def _known_across(run: str, cut: int, lex: Lexicon) -> int:
    """Where a name starts in ``run``: after its last function word, unless a division's
    name spans that word (和林格尔新区 is not 和 + 林格尔新区)."""
    for j in range(cut):
        name = run[j:]
        if len(name) >= 3 and (j == 0 or trim(run[:j]) == j) and name in lex.short_names:
            return j
    return cut


# what points at a zone rather than names it (这座古城, 各片区)
_DEMONSTRATIVES = frozenset("这那该此每各")


def _opens_with_a_name(stem: str, lex: Lexicon) -> bool:
    """The stem opens with a known name (和林格尔 + 新区: 和 is no conjunction there)."""
    return any(
        stem[:k] in lex.places or stem[:k] in lex.short_names for k in range(2, len(stem) + 1)
    )


def proper_head(name: str, lex: Lexicon) -> bool:
    """The name of a park starts with a proper name (金桥, 蒙牛, 嘉禾), not with a generic
    or an industry word (化工, 新能源, 绿色)."""
    head = name[:2]
    return (
        len(name) >= 2
        and not is_generic(head)
        and head not in lex.generic
        and not name.startswith(INDUSTRY_WORDS)
        and not any(w.startswith(head) for w in INDUSTRY_WORDS)
        and (head[0] not in NUMERALS or (len(name) >= 3 and head[1] not in COUNTERS))
        and all(is_han(c) for c in head)
    )


def _after_an_admin_place(before: Token | None) -> bool:
    """A division or a zone is named right before (泉州 + 台商投资区)."""
    return before is not None and before.place is not None and before.place.kind in ADMIN_KINDS


def _after_a_port(before: Token | None) -> bool:
    return before is not None and before.place is not None and before.place.kind == "Port"


# the level words of villages and communities, which may follow their town
VILLAGE_SUFFIXES = frozenset({"村", "社区", "嘎查"})


def _after_admin(norm: str, start: int, ends: dict[int, Token], suffix: str) -> bool:
    """An administrative name follows its province or city (张家口崇礼区), a town its
    county too (东营市史口镇), or a listed administrative place (万州、涪陵、忠县)."""
    before = ends.get(start)
    if before is not None and before.place is not None:
        owners = DIVISION_KINDS if suffix in TOWN_SUFFIXES else ABOVE_COUNTY_KINDS
        if suffix in VILLAGE_SUFFIXES and before.place.kind == "Town":
            return True  # 洪濑镇梧林村: a village follows its town
        if suffix in VILLAGE_SUFFIXES and before.place.kind == "Province":
            return False  # 湖北省居家社区: a village lies in a county, not right in a province
        return before.place.kind in owners
    if start > 0 and norm[start - 1] == "、":
        listed = ends.get(start - 1)
        return listed is not None and listed.place is not None and listed.place.kind in ADMIN_KINDS
    return False


# what follows a river's name and nothing else: 潇河流域, 丹河出境区, 清漳河干支流
RIVER_CONTEXT = ("流域", "干流", "支流", "干支流", "上游", "中游", "下游", "出境", "入境", "水系")
# what follows a mountain's name and does not make 山水 of it: 洪涛山水源涵养林, 某某山水土保持
MOUNTAIN_CONTEXT = ("水源", "水土")


def _short_name(norm: str, name: str, start: int, p: int, suffix: str) -> bool:
    """A one-character name such as 沱湖 or 罗山, accepted only inside an enumeration, or a
    river's (潇河, 浍河) right before a word only rivers take (流域, 干流, 出境 …) where a
    name may start (not 该河流域: a demonstrative is in NOT_SHORT_NAMES)."""
    end = p + len(suffix)
    if suffix == "河" and norm.startswith(RIVER_CONTEXT, end) and name not in NOT_SHORT_NAMES:
        before = norm[max(0, start - 4) : start]
        if not before or not is_han(before[-1]) or trim(before) == len(before):
            return True
    listed = (start > 0 and norm[start - 1] == "、") or norm[end : end + 1] in ("、", "等")
    follower = norm[end : end + 1]
    inside_word = (
        bool(follower)
        and is_han(follower)
        and follower not in "、和与及等"
        and not norm.startswith(STOP_PARTS, end)  # 尼山森林 (but not 清河清障)
    )
    return suffix in SHORT_SUFFIXES and listed and name not in NOT_SHORT_NAMES and not inside_word
