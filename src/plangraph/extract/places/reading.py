"""Whether a gazetteer name found in a sentence names its place there: the tests that read it
inside other words or names instead (广西 in a run of city initials, 临夏 in 面临夏季, 范县 in
示范县, 亚洲 in 亚洲开发银行, a road named after a place), then the choice among same-named
places (:func:`.resolve.choose`) and the tests that need the place chosen."""

from __future__ import annotations

import re

from plangraph import model

from .abbreviation_words import DIRECTIONAL_ABBREVIATIONS
from .context import AREA_WORDS, HEADS
from .everyday import common_words as everyday_common_words
from .lexicon import Lexicon, load_lexicon
from .resolve import Area, ancestors, choose
from .tokens import BOUNDARY_SET, boundary_before, is_han
from .towns import names_a_town
from .words import (
    ADMIN_KINDS,
    BELOW_PROVINCE_KINDS,
    DIRECTION_NAMES,
    PROPER_NOUN_HEADS,
    SIMPLE_SUFFIXES,
    SINGLE_BOUNDARIES,
    STRONG_HEADS,
    TERRAIN_WORDS,
)

# what may follow a place name: its generic heads, area words, directions and parts
PLACE_FOLLOWERS = (
    *(h for h in HEADS if h not in ("镇", "乡", "街道")),
    *AREA_WORDS,
    *("省", "市", "县", "区", "州", "盟", "旗", "东", "西", "南", "北", "中", "沿", "周", "境"),
    *("上游", "中游", "下游", "干流", "支流", "流域", "水系", "段", "岸", "口", "港"),
)


def read_as_place(
    norm: str,
    start: int,
    end: int,
    word: str,
    candidates: tuple[model.Place, ...],
    covered: bytearray,
    adjacent: model.Place | None,
    area: Area,
) -> model.Place | None:
    """The place a gazetteer name stands for here, or None where the name is read inside
    other words or names."""
    lex = load_lexicon()
    if _inside_abbreviation_run(norm, start, end, lex):
        return None  # 广西 in 成德绵眉乐雅广西攀 (广安, 西昌)
    if _ends_a_short_name(norm, start, candidates, covered, lex):
        return None  # 西沙 in 阳西沙扒: 阳西 is the county, 沙扒 a town of it
    if _named_after_a_division(word, candidates, adjacent):
        return None  # 恩阳区黄石盘水库: 黄石 is no city there
    if _name_inside_words(norm, start, end, word, candidates, covered, area):
        return None  # 临夏 in 面临夏季, 运城 in 联运城市, 关中 in 相关中央
    if _county_in_a_word(norm, start, word, candidates, covered):
        return None  # 范县 in 示范县, 高县 in 提高县级
    if _in_a_list_of_terrains(norm, start, end, word):
        return None  # 中山 in 高山特色、中山农牧、低山粮食
    if _named_before_a_head(norm, end, word, candidates, area):
        return None  # 黄石 in 黄石盘水库, 黄石盘国家水利风景区
    if _starts_a_proper_noun(norm, end, candidates):
        return None  # 亚洲 in 亚洲开发银行, 渤海 in 渤海银行, 东亚 in 东亚季风
    if _ROAD.match(norm, end):
        return None  # 白沙洲大道, 长江大道: a road named after it
    if norm.startswith(_CORPS, end):
        return None  # 新疆生产建设兵团: the corps, an addressee of its own beside the provinces
    if names_a_town(norm, end, word):
        return None  # 东海街道, 黄河镇: the town of that name, not the sea or the river
    place = choose(candidates, word, norm[end : end + 4], adjacent, area)
    if _hidden_province(norm, start, end, place, covered):
        return None
    if _inside_longer_name(norm, start, end, word, place, covered):
        return None
    if _bare_direction(norm, start, end, word, lex):
        return None
    return place


# what describes a natural zone after a direction: 西北干旱半干旱地区, 西南岩溶山区
_CLIMATES = ("干旱", "半干旱", "湿润", "半湿润", "高寒", "寒冷", "岩溶", "喀斯特", "荒漠")
# a road's name after a place's: 白沙洲大道, 长江大道, 和平大街; a street's (天津街, 西安路,
# 北京东路), not a network or a route of the place (京津冀路网, 长江水路)
_ROAD = re.compile(
    "[\u4e00-\u9fff]?(?:大道|大街)|[东西南北中]?(?:路(?![网线径段面口况基])|街(?![道区镇乡])|巷)"
)


# the production and construction corps that a province's name starts (新疆生产建设兵团, 新疆兵团)
_CORPS = ("生产建设兵团", "兵团")


def _ends_a_short_name(
    norm: str, start: int, candidates: tuple[model.Place, ...], covered: bytearray, lex: Lexicon
) -> bool:
    """A name that is no division's whose first character ends a division's short name
    with the character before it (阳西 + 西沙 in 阳西沙扒)."""
    return (
        start >= 1
        and all(p.code is None for p in candidates)
        and not boundary_before(norm, start, covered)
        and norm[start - 1 : start + 1] in lex.short_names
    )


def _starts_a_proper_noun(norm: str, end: int, candidates: tuple[model.Place, ...]) -> bool:
    """A region's or a sea's name that starts the name of a bank, a weather system, a pest or
    a disease names no place of the plan: 亚洲基础设施投资银行, 渤海银行, 东亚季风, 非洲猪瘟."""
    if any(p.code is not None for p in candidates):
        return False  # a division's name before 银行 is its branch or its city bank
    after = norm[end : end + 12]
    for head in PROPER_NOUN_HEADS:
        k = after.find(head)
        if k >= 0 and all(is_han(c) for c in after[:k]) and k <= 8:
            return True
    return False


def _named_after_a_division(
    word: str, candidates: tuple[model.Place, ...], adjacent: model.Place | None
) -> bool:
    """A two-character division name right after a city or district it does not lie in
    names a local place there (恩阳区黄石盘水库), not the division elsewhere."""
    return (
        len(word) == 2
        and adjacent is not None
        and adjacent.kind in BELOW_PROVINCE_KINDS
        and all(p.kind in BELOW_PROVINCE_KINDS for p in candidates)
        and all(adjacent.id not in ancestors(p.id) for p in candidates)
        and not any(_siblings(adjacent, p) for p in candidates)  # 博罗惠东龙门三县
    )


def _siblings(one: model.Place, other: model.Place) -> bool:
    """Two counties of one city, written one after the other (惠州市博罗惠东龙门三县)."""
    return (
        one.kind == other.kind == "District"
        and one.parent is not None
        and one.parent == other.parent
    )


def _name_inside_words(
    norm: str,
    start: int,
    end: int,
    word: str,
    candidates: tuple[model.Place, ...],
    covered: bytearray,
    area: Area,
) -> bool:
    """A short administrative or regional name read across two words: the characters on
    both sides are Han characters that no boundary, place head or list mark explains."""
    short = len(word) == 2 or (len(word) == 3 and word[-1] in "市县区")
    kinds = {p.kind for p in candidates}
    if not short or not kinds <= (ADMIN_KINDS | {"Area"}) or "Province" in kinds:
        return False  # a province's name is no part of a word (美丽广东)
    if any(area.holds(p) for p in candidates) or boundary_before(norm, start, covered):
        return False
    if norm[start - 1] == "大":
        return False  # 大三亚, 大武汉: the greater city
    if norm[start - 1 : start + 1] in BOUNDARY_SET:
        return True  # 增城 in 新增城镇: its first character ends a verb
    if norm[start - 1 : end] in everyday_common_words():
        return True  # 天门 in 朝天门: the end of a word of the dictionary
    follower = norm[end : end + 1]
    return (
        bool(follower)
        and is_han(follower)
        and follower not in SINGLE_BOUNDARIES  # 中卫至平凉
        and not norm.startswith(PLACE_FOLLOWERS, end)
    )


def _county_in_a_word(
    norm: str, start: int, word: str, candidates: tuple[model.Place, ...], covered: bytearray
) -> bool:
    """A two-character county name (范县, 和县) inside a longer word."""
    return (
        len(word) == 2
        and word[1] in "县市区旗"
        and all(p.code is not None for p in candidates)
        and (not boundary_before(norm, start, covered) or norm[start + 2 : start + 3] in "级域城")
    )


def _in_a_list_of_terrains(norm: str, start: int, end: int, word: str) -> bool:
    """A name that is also a class of terrain (中山 "middle mountains") in a list of such
    classes: 高山特色、中山农牧、低山粮食."""
    if word not in TERRAIN_WORDS:
        return False
    before = norm[:start]
    if before.endswith("、"):
        item = re.split(r"[、，,；;。“”\"\s]", before[:-1])[-1]
        if item.startswith(TERRAIN_WORDS):
            return True
    if norm[end:].startswith(TERRAIN_WORDS):
        return False
    after = norm[end:]
    k = after.find("、")
    return 0 <= k <= 6 and after[k + 1 :].startswith(TERRAIN_WORDS)


def _named_before_a_head(
    norm: str, end: int, word: str, candidates: tuple[model.Place, ...], area: Area
) -> bool:
    """A two-character division name, one more character and a strong head name a place
    of their own (黄石盘水库, 黄石盘国家水利风景区): the division is not named."""
    return (
        len(word) == 2
        and all(p.kind in BELOW_PROVINCE_KINDS and not area.holds(p) for p in candidates)
        and is_han(norm[end : end + 1])
        and not norm.startswith(PLACE_FOLLOWERS, end)
        and norm[end] not in SINGLE_BOUNDARIES
        and norm.startswith(STRONG_HEADS, end + 1)
    )


def _inside_abbreviation_run(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """A two-character name read across a run of one-character abbreviations: 广西 in
    成德绵眉乐雅广西攀 is 广(安) + 西(昌), not Guangxi."""
    if end - start != 2:
        return False
    a = start
    while a > 0 and norm[a - 1] in lex.abbreviations:
        a -= 1
    b = end
    while b < len(norm) and norm[b] in lex.abbreviations:
        b += 1
    return start - a >= 1 and b - end >= 1 and b - a >= 5


def _inside_longer_name(
    norm: str, start: int, end: int, word: str, place: model.Place, covered: bytearray
) -> bool:
    """An alias or a division's name that ends in a generic head, read inside a longer name
    of that head: 前湾 (宁波前湾新区) in 铺前湾, 中山 in 云中山; or a division's name that
    starts with one after a name: 河源 in 滹沱河源头.  The suffix pattern then takes the
    longer name."""
    if boundary_before(norm, start, covered) or len(word) > 3:
        return False
    if word != place.name and word[-1] in SIMPLE_SUFFIXES:
        return True
    if place.code is None or place.kind not in BELOW_PROVINCE_KINDS:
        return False
    if norm[max(0, start - 2) : start] in everyday_common_words():
        return False  # 美丽湖州: an adjective before the city, no name ending in 湖
    return word[-1] in "山岭岛" or word[0] in SIMPLE_SUFFIXES  # 云中山, 滹沱河源头


def _bare_direction(norm: str, start: int, end: int, word: str, lex: Lexicon) -> bool:
    """东北 is a place, but not in 湘东北 (a part of a province) or 东北风."""
    if word[:2] not in DIRECTION_NAMES:
        return False
    if start > 0 and norm[start - 1] in "东西南北大":
        return True  # 东西南北: the four directions; 大西南: the vague greater southwest
    if norm.startswith(_CLIMATES, end):
        return True  # 西北干旱半干旱地区: a natural zone described by its direction
    if word not in DIRECTION_NAMES:  # 西南地区, but not in 鲁西南地区
        return start > 0 and norm[start - 1] in DIRECTIONAL_ABBREVIATIONS
    if start > 0 and norm[start - 1] in DIRECTIONAL_ABBREVIATIONS:
        return True
    return norm[end : end + 1] in tuple("部方面侧角向风亚")


def _hidden_province(
    norm: str, start: int, end: int, place: model.Place, covered: bytearray
) -> bool:
    """河北 in ``…河北岸``: the end of an unknown river name plus a direction word."""
    return (
        place.kind == "Province"
        and norm[start] in "河湖江"
        and start > 0
        and is_han(norm[start - 1])
        and not covered[start - 1]
        and end < len(norm)
        and norm[end] in "岸侧段麓畔"
    )
