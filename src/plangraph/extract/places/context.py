"""Short names of divisions (宝山 for 宝山区, 利津 for 利津县), read as places only in context.

A division's short name is often an everyday word (和平, 平原, 朝阳, 城关), so it names a
place only where the sentence supports one:

- it follows a place it lies in (东营利津, 北京朝阳, 山东平原县 is taken whole anyway);
- it stands in a list (、) next to a place of the same province (利津、垦利、河口);
- a word for an area follows it (宝山区域, 金山地区, 吴泾片区, 通江流域), unless the short
  name is an everyday word (``data/common-words.tsv``: 资源全域, 合作区域);
- the plan's own area is a city or county and the division is one of its parts (南江 in
  巴中's plan);
- the whole of it follows (石狮全市, 安溪全县), or the class that closes a list of divisions
  (石狮、晋江等地, 安溪、永春两县);
- it is three characters or more and no word (满洲里, 二连浩特).

A county-level city whose full name ends in the generic word 城市 (韩城市, 诸城市) is read
whole where a name may start (not 适应城市).

Short names are matched after the gazetteer pass and only on characters it left free, so a
short name never hides a longer one (和平 does not take 和平昌县 from 平昌县).
"""

from __future__ import annotations

import re

from plangraph import model
from plangraph.extract.gazetteer import common_words
from plangraph.model import DIVISION_KINDS

from .everyday import common_words as everyday_common_words
from .lexicon import Lexicon
from .resolve import Area, ancestors, choose
from .tokens import Token, boundary_before, is_han
from .words import SIMPLE_SUFFIXES, SUFFIXES

# a generic head right after a short name makes a longer name of it (通江河, 巴州区)
HEADS = tuple(sorted({*SUFFIXES, "镇", "乡", "街道"}, key=len, reverse=True))

__all__ = ["AREA_WORDS", "ends_a_weak_city", "short_forms"]

# words after a short name that make it the name of an area
AREA_WORDS = ("区域", "地区", "片区", "流域", "境内", "城区", "全域", "全境", "辖区", "一带")
# words after a short name that read it as the division itself: the whole of it (石狮全市,
# 安溪全县) or the class that closes a list of divisions (石狮、晋江等地, 晋江、南安等县(市))
# (and its government, named by it: 石狮人民政府办公室)
WHOLE_WORDS = ("全市", "全县", "全区", "全旗", "市区", "县城", "市域", "县域", "区域内", "人民政府")
CLASS_WORDS = (
    *("等地", "等县", "等市", "等区", "等旗", "等城市", "等地市", "等区县", "等市县", "等县区"),
    *("两地", "三地", "两市", "三市", "两县", "三县", "两区", "三区", "四县", "五县"),
)
_LIST = "、"
# what a plan's description of its area says before the divisions around it: 东濒东海, 西连
# 文成, 南接平阳, 北邻瓯海, 与某某接壤 is read by the gazetteer's full names
_BORDERING = re.compile(r"(?:[东西南北](?:邻|连|接|靠|濒|界|毗邻|接壤|相邻|交界)|毗邻|紧邻|比邻)$")
_AFTER = frozenset("、，,；;：:。和与及等")


def _province(place: model.Place) -> str:
    return place.id if place.kind == "Province" else place.province or ""


def short_forms(
    norm: str,
    covered: bytearray,
    titles: bytearray,
    tokens: list[Token],
    lex: Lexicon,
    area: Area,
) -> list[Token]:
    """The short names in ``norm`` that its context reads as places, as tokens."""
    candidates: list[tuple[int, int, tuple[model.Place, ...]]] = []
    for s, e in _free_stretches(covered):  # 泰安新泰: 安新 must not hide 新泰
        for a, b, word in lex.shorts.finditer(norm[s:e]):
            a, b = a + s, b + s
            if any(titles[a:b]):
                continue
            places = tuple(p for p in lex.places.get(word, ()) if p.kind in DIVISION_KINDS)
            if places:
                candidates.append((a, b, places))
    if not candidates:
        return []
    ends = {t.end: t for t in tokens if t.place is not None}
    starts = {t.start: t for t in tokens if t.place is not None}
    found: dict[int, Token] = {}
    changed = True
    while changed:  # a list is read from both ends: 利津、垦利、河口 after 东营
        changed = False
        for a, b, places in candidates:
            if a in found:
                continue
            place = _in_context(norm, a, b, places, ends, starts, covered, area)
            if place is not None:
                token = Token(a, b, norm[a:b], place)
                found[a] = token
                ends[b] = starts[a] = token
                changed = True
    named: list[tuple[int, int, tuple[model.Place, ...]]] = [
        (t.start, t.end, (t.place,)) for t in tokens if t.place is not None
    ]
    for a, b, place in _listed_together(norm, candidates, named, found):  # 石狮、晋江、南安
        found[a] = Token(a, b, norm[a:b], place)
    return [found[a] for a in sorted(found)]


# what may stand between two items of a list of divisions: the list mark, after what the item
# says of the division (砀山酥梨、长丰草莓; 夷陵(蜜桔)、蕲春(蕲艾))
_BETWEEN = re.compile(r"[\u4e00-\u9fff]{0,4}(?:\([^()、，,；;。]{1,8}\))?、")


def _listed_together(
    norm: str,
    candidates: list[tuple[int, int, tuple[model.Place, ...]]],
    named: list[tuple[int, int, tuple[model.Place, ...]]],
    found: dict[int, Token],
) -> list[tuple[int, int, model.Place]]:
    """Three or more divisions listed one after the other (、) that all lie in one province,
    each item opening with one: 石狮、晋江、南安 (泉州, 福建), each a division there (not
    晋江 the river); 砀山酥梨、长丰草莓、怀远石榴 and 夷陵(蜜桔)、蕲春(蕲艾)、嘉鱼(蔬菜), a
    division and what it grows.  The short names among them name those divisions."""
    short = {a for a, _, _ in candidates}  # the names still to read
    divisions = [(a, b, p) for a, b, p in named if p[0].kind in DIVISION_KINDS]
    items = sorted([*candidates, *divisions], key=lambda item: (item[0], item[1]))
    runs: list[list[tuple[int, int, tuple[model.Place, ...]]]] = []
    for item in items:
        run = runs[-1] if runs else None
        gap = _BETWEEN.fullmatch(norm, run[-1][1], item[0]) if run is not None else None
        if run is not None and gap is not None and item[0] > run[-1][1]:
            run.append(item)
        else:
            runs.append([item])
    out: list[tuple[int, int, model.Place]] = []
    for run in runs:
        if len(run) < 3 or not any(a in short for a, _, _ in run):
            continue
        if any(norm[a:b] in common_words() for a, b, _ in run if a in short):
            continue
        shared = set.intersection(*({_province(p) for p in places} for _, _, places in run))
        shared.discard("")
        if len(shared) != 1:
            continue
        province = shared.pop()
        for a, b, places in run:
            if a in short and a not in found and not norm.startswith(HEADS, b):
                # 长垣县 (now 长垣市): the longer name is read whole by its level word
                out.append((a, b, next(p for p in places if _province(p) == province)))
    return out


def ends_a_weak_city(norm: str, start: int, word: str, covered: bytearray, lex: Lexicon) -> bool:
    """城市 that ends the full name of a county-level city (韩城市, 诸城市) where a name may
    start (支持韩城市发展; not 适应城市, in which 应城市 is read across a verb)."""
    return (
        word == "城市"
        and start > 0
        and not covered[start - 1]
        and norm[start - 1 : start + 2] in lex.weak
        and norm[start - 1 : start + 2] in lex.places
        and boundary_before(norm, start - 1, covered)
    )


def _whole_or_listed(norm: str, a: int, b: int, word: str) -> bool:
    """The whole of a division (石狮全市) or the last of a list of them that a class closes
    (石狮、晋江等地; a lone 平原等地 may be the plain)."""
    if word in common_words():
        return False
    if norm.startswith(WHOLE_WORDS, b):
        return True
    return norm.startswith(CLASS_WORDS, b) and a >= 1 and norm[a - 1] == _LIST


def _distinct(word: str) -> bool:
    """A short name of three characters or more that is no word and no part of one: 满洲里,
    二连浩特, 格尔木 name their cities alone (not 西城区 "the western district", not the cut
    乌拉特中 of 乌拉特中旗, not 七里河, a river's name too)."""
    return (
        len(word) >= 3
        and word[-1] not in "区市中前后左右族政"
        and word[-1] not in SIMPLE_SUFFIXES  # 七里河 is many rivers before the district
        and word not in common_words()
        and word not in everyday_common_words()
    )


def _ends_a_run(norm: str, b: int) -> bool:
    """A count of the counties just named follows: 博罗惠东龙门三县."""
    return bool(re.match(r"[二三四五六两2-6]个?[县区市]", norm[b : b + 3]))


def _names_a_section(norm: str, b: int) -> bool:
    """段 follows the name, or another name and 段 after a dash (偏关—龙门段)."""
    if norm.startswith("段", b):
        return True
    if not norm.startswith("—", b):
        return False
    k = norm.find("段", b + 1, b + 6)
    return k > b + 1 and all(is_han(c) for c in norm[b + 1 : k])


def _cities_before(a: int, ends: dict[int, Token]) -> set[str]:
    return {
        t.place.id
        for e, t in ends.items()
        if e <= a and t.place is not None and t.place.kind == "City"
    }


def _in_a_list_after_its_city(
    norm: str, a: int, b: int, word: str, places: tuple[model.Place, ...], ends: dict[int, Token]
) -> bool:
    """A short name in a list (、) of a sentence that named its city before: 厦门市推进海沧、
    同安发展 (海沧区 and 同安区 of 厦门); no everyday word (城关, 新华)."""
    listed = norm[b : b + 1] == _LIST or (a >= 1 and norm[a - 1] == _LIST)
    if not listed or word in common_words() or word in everyday_common_words():
        return False
    cities = _cities_before(a, ends)
    return bool(cities) and any(p.parent in cities for p in places)


def _free_stretches(covered: bytearray) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for i, taken in enumerate(covered):
        if not taken and start is None:
            start = i
        elif taken and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(covered)))
    return out


def _in_context(
    norm: str,
    a: int,
    b: int,
    places: tuple[model.Place, ...],
    ends: dict[int, Token],
    starts: dict[int, Token],
    covered: bytearray,
    area: Area,
) -> model.Place | None:
    word = norm[a:b]
    follower = norm[b : b + 1]
    if norm.startswith(HEADS, b):
        return None  # 通江河, 南江县: the longer name is read whole
    inside_word = follower and is_han(follower) and follower not in _AFTER and b not in starts
    if inside_word and a >= 1 and norm[a - 1] == _LIST and word not in common_words():
        # the last of a list after a division of its province: 义乌、东阳、永康小商品市场
        left = ends.get(a - 1)
        if left is not None and left.place is not None and left.place.kind in DIVISION_KINDS:
            same = [p for p in places if _province(p) and _province(p) == _province(left.place)]
            if same:
                return same[0]
    local = [p for p in places if area.local(p)]
    if _distinct(word) and boundary_before(norm, a, covered) and ends.get(a) is None:
        return choose(places, word, norm[b : b + 4], None, area)  # 满洲里至齐齐哈尔
    before = ends.get(a)
    owner = before.place if before is not None else None
    sibling = owner is not None and owner.kind == "District" and owner.parent is not None
    if (
        inside_word
        and not local
        and not norm.startswith(AREA_WORDS, b)
        and not _whole_or_listed(norm, a, b, word)
        and not (sibling and _ends_a_run(norm, b))
        and not (_names_a_section(norm, b) and word not in common_words())
    ):
        return None  # 浑南高新区, 莱西姜山湿地: the longer name is read by its head
    if owner is not None:  # 东营利津: a place it lies in stands right before it
        inside = [p for p in places if owner.id in ancestors(p.id)]
        if not inside and sibling:
            # 惠州市博罗惠东龙门三县: a run of the short names of one city's counties
            inside = [p for p in places if p.parent == owner.parent and p.kind == "District"]
        return inside[0] if inside else None
    if _in_a_list_after_its_city(norm, a, b, word, places, ends):
        return next(p for p in places if p.parent in _cities_before(a, ends))
    if _BORDERING.search(norm, max(0, a - 3), a) and word not in common_words():
        return choose(places, word, norm[b : b + 4], None, area)  # 西连文成, 南接平阳
    if not boundary_before(norm, a, covered):
        return None
    if local:
        return local[0]
    if norm.startswith(AREA_WORDS, b) and word not in common_words():
        if norm.startswith("流域", b) and area.places and not any(area.holds(p) for p in places):
            return None  # 南江流域 in 义乌's plan: its river 南江, not 南江县 of 四川
        return choose(places, word, norm[b : b + 4], None, area)  # not 资源全域, 合作区域
    if _whole_or_listed(norm, a, b, word):
        return choose(places, word, norm[b : b + 4], None, area)  # 石狮全市, 晋江等地
    if _names_a_section(norm, b) and word not in common_words():
        # 汾河上游娄烦、古交段, 繁峙段, 偏关—龙门段黄河: the section of a water by a county
        # of the plan's area
        inside = [p for p in places if area.holds(p)]
        if inside:
            return inside[0]
    neighbours = []
    if a >= 1 and norm[a - 1] == _LIST and (left := ends.get(a - 1)) is not None:
        neighbours.append(left.place)
    if norm[b : b + 1] == _LIST and (right := starts.get(b + 1)) is not None:
        neighbours.append(right.place)
    for neighbour in neighbours:
        if neighbour is None or neighbour.kind not in DIVISION_KINDS:
            continue
        same = [p for p in places if _province(p) and _province(p) == _province(neighbour)]
        if same:
            return same[0]
    return None
