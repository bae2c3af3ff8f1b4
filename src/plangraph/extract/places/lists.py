"""Names in an enumeration that a class of feature closes: 晋祠、兰村、古堆等岩溶大泉,
龙子祠、娘子关、辛安等泉域, 新丰江、枫树坝、白盆珠、高州、南水、鹤地等重点水库.

Provincial plans name small waters bare and let the class after 等 say what they are.  An
item is a name where it is two to five Han characters that no other pass read, no generic
word, no everyday verb or adjective (jieba's dictionary) and no common word makes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangraph.extract.gazetteer import common_words
from plangraph.model import PlaceKind

from .everyday import common_words as jieba_common_words
from .everyday import ends_in_everyday_word
from .lexicon import Lexicon
from .minted import named_place
from .tokens import Hit, Token, is_generic, is_han, trim

# the class after 等 (and up to four characters of modifier: 重点, 岩溶大) -> the kind
CLASSES: dict[str, PlaceKind] = {
    "水库": "Reservoir",
    "泉域": "Area",
    "泉": "Area",
    "湖泊": "Lake",
    "河流": "River",
    "支流": "River",
    "流域": "River",  # 沙溪、建溪、富屯溪等流域: the rivers whose basins are treated
    "湿地": "Wetland",
    "山脉": "Mountain",
    "岛屿": "Island",
    "海域": "Sea",  # 廉州湾、茅尾海、防城港湾等海域
    "海湾": "Bay",
    "新城": "Area",  # 南汇新城等5个新城: the new towns of a city
    # the districts and wharves of a port or a city: 东渡、海沧、翔安等港区, 张江、临港等片区
    "港区": "Port",
    "码头": "Port",
    "片区": "Area",
    # the shopping districts of a city: 青泥洼、香炉礁、中华路五大商圈 (大连); not the areas
    # (地区, 区域), whose lists are kinds as often (加油站、博物馆等区域, 联合执法等区域)
    "商圈": "Area",
    "街区": "Area",
}
# the count that closes a list without 等: 兴化、东吴、秀屿5个港区, 西安路、中华路五大商圈
_COUNT = "[0-9一二三四五六七八九十两几]+[个大]"
_CLOSING = re.compile(
    f"(?:等|(?<=[\u4e00-\u9fff])(?={_COUNT}))((?:{_COUNT})?[\u4e00-\u9fff]{{0,4}}?)"
    f"(?:{'|'.join(sorted(CLASSES, key=len, reverse=True))})"
)
_SPLIT = re.compile("[、及和与]")
# determiners and function words that start no name (各水库, 该泉域)
_NOT_FIRST = frozenset("各该本全其此等和与及或入出沿环跨治护")
# the parts of a town by their direction (城东、城西等片区, 东部、南部等片区): no names
_DIRECTION_PARTS = re.compile("城[东西南北中]|[东西南北中](?:城|部|区|片)")


def listed_names(
    text: str, norm: str, covered: bytearray, titles: bytearray, lex: Lexicon
) -> Iterator[Hit]:
    """The bare names of the enumerations closed by 等 and a class of feature."""
    for m in _CLOSING.finditer(norm):
        if any(c in "、，," for c in m.group(1)):
            continue
        head = norm[m.end(1) : m.end()]
        kind = CLASSES[head]
        stop = m.start()
        begin = stop
        while begin > 0 and (is_han(norm[begin - 1]) or norm[begin - 1] == "、"):
            begin -= 1
        items = list(_items(norm, begin, stop))
        if len(items) < 2 and not norm.startswith("等", stop):
            continue  # a count closes a list (兴化、东吴5个港区), not one word (三个港区)
        first_at, first = items[0]
        cut = trim(first)  # 推进晋祠: the name starts after the verb
        items[0] = (first_at + cut, first[cut:])
        # 及环东山湾的古雷: a later item may describe its name first, up to 的
        items = [(at + item.rfind("的") + 1, item[item.rfind("的") + 1 :]) for at, item in items]
        for at, item in items:
            end = at + len(item)
            # an item may carry the class itself (南汇新城等5个新城): its stem is the name
            stem = item[: -len(head)] if item.endswith(head) and len(item) > len(head) + 1 else item
            if _is_name(stem, lex) and not any(covered[at:end]) and not titles[at]:
                covered[at:end] = b"\x01" * (end - at)
                yield Hit(at, end, named_place(text[at:end], kind, None), "pattern")


def _items(norm: str, begin: int, stop: int) -> Iterator[tuple[int, str]]:
    at = begin
    for piece in _SPLIT.split(norm[begin:stop]):
        yield at, piece
        at += len(piece) + 1


def _is_name(item: str, lex: Lexicon) -> bool:
    return (
        2 <= len(item) <= 5
        and all(is_han(c) for c in item)
        and item[0] not in _NOT_FIRST
        and item not in lex.generic
        and not is_generic(item)
        and item not in common_words()
        and not ends_in_everyday_word(item)
        and not _DIRECTION_PARTS.fullmatch(item)
    )


# the kinds of water whose names share their last character in a list (洱海、程海、阳宗海)
_WATERS = frozenset({"Lake", "River", "Reservoir", "Wetland"})
_ITEM = re.compile("、([\u4e00-\u9fff]{2,4})(?=[、,，。;；等和及与])")


def listed_siblings(
    text: str, norm: str, covered: bytearray, titles: bytearray, tokens: list[Token], lex: Lexicon
) -> Iterator[Hit]:
    """A bare name in a list of known waters that ends like its neighbour, is one of that
    kind: 程海 in 洱海、程海、阳宗海 (the lakes of 云南 that are called 海)."""
    items = list(_ITEM.finditer(norm)) if "、" in norm else []
    if not items:
        return
    ends = {t.end: t for t in tokens if t.place is not None}
    starts = {t.start: t for t in tokens if t.place is not None}
    for m in items:
        at, end = m.start(1), m.end(1)
        item = m.group(1)
        like = next(
            (
                n.place
                for n in (ends.get(at - 1), starts.get(end + 1))
                if n is not None
                and n.place is not None
                and n.place.kind in _WATERS
                and n.place.name[-1] == item[-1]
            ),
            None,
        )
        if like is None or any(covered[at:end]) or titles[at]:
            continue
        if not _is_name(item, lex) or item in jieba_common_words():
            continue  # 大海: a word of the dictionary, no lake
        covered[at:end] = b"\x01" * (end - at)
        yield Hit(at, end, named_place(text[at:end], like.kind, like.province), "pattern")


# the last characters of the names of small places (湾, 庄, 码头, 港, 滩, 岛 …): an item
# of a list of places that ends so is one of them (星海湾, 付家庄, 渔人码头 among 小平岛, 老虎滩)
_PLACE_ENDINGS = frozenset("湾庄头港滩岛洲坝湖山岭峪沟坪寨屯堡村镇桥塘礁")


def listed_among_places(
    text: str, norm: str, covered: bytearray, titles: bytearray, hits: list[Hit], lex: Lexicon
) -> Iterator[Hit]:
    """The unread items of an enumeration that is half or more made of places found, where an
    item ends like the name of a small place: 塔河湾、小平岛、星海湾、付家庄、老虎滩、渔人码头."""
    if "、" not in norm:
        return
    found = {(h.start, h.end) for h in hits}
    ends = {h.end for h in hits}
    for run in re.finditer("[\u4e00-\u9fff、]+", norm):
        if run.group().count("、") < 2:
            continue
        items: list[tuple[int, int]] = []
        at = run.start()
        for piece in run.group().split("、"):
            items.append((at, at + len(piece.split("等")[0])))  # 西郊棠梨湖等: the list closes
            at += len(piece) + 1
        placed = [(a, b) for a, b in items if (a, b) in found or (b in ends and b > a)]
        if len(placed) < 2 or 2 * len(placed) < len(items):
            continue
        for a, b in items[1:-1] if len(items) > 2 else ():
            item = norm[a:b]
            if (a, b) in found or b in ends or titles[a]:
                continue
            if any(h.start < b and a < h.end for h in hits):
                continue  # a part of it is read (星海 is only a word: the item is still free)
            if not 2 <= len(item) <= 5 or item[-1] not in _PLACE_ENDINGS:
                continue
            if item[0] in _NOT_FIRST or item in common_words() or item in jieba_common_words():
                continue
            if is_generic(item) or item in lex.generic:
                continue
            covered[a:b] = b"\x01" * (b - a)
            yield Hit(a, b, named_place(text[a:b], "Area", None), "pattern")
