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

from .everyday import ends_in_everyday_word
from .lexicon import Lexicon
from .suffixes import named_place
from .tokens import Hit, is_generic, is_han, trim

# the class after 等 (and up to four characters of modifier: 重点, 岩溶大) -> the kind
CLASSES: dict[str, PlaceKind] = {
    "水库": "Reservoir",
    "泉域": "Area",
    "泉": "Area",
    "湖泊": "Lake",
    "河流": "River",
    "支流": "River",
    "湿地": "Wetland",
    "山脉": "Mountain",
    "岛屿": "Island",
    "海域": "Sea",  # 廉州湾、茅尾海、防城港湾等海域
    "海湾": "Bay",
}
_CLOSING = re.compile(
    "等([\u4e00-\u9fff]{{0,4}}?)(?:{})".format("|".join(sorted(CLASSES, key=len, reverse=True)))
)
_SPLIT = re.compile("[、及和与]")
# determiners and function words that start no name (各水库, 该泉域)
_NOT_FIRST = frozenset("各该本全其此等和与及或入出沿环跨治护")


def listed_names(
    text: str, norm: str, covered: bytearray, titles: bytearray, lex: Lexicon
) -> Iterator[Hit]:
    """The bare names of the enumerations closed by 等 and a class of feature."""
    for m in _CLOSING.finditer(norm):
        if any(c in "、，," for c in m.group(1)):
            continue
        kind = CLASSES[norm[m.end(1) : m.end()]]
        stop = m.start()
        begin = stop
        while begin > 0 and (is_han(norm[begin - 1]) or norm[begin - 1] == "、"):
            begin -= 1
        items = list(_items(norm, begin, stop))
        if not items:
            continue
        first_at, first = items[0]
        cut = trim(first)  # 推进晋祠: the name starts after the verb
        items[0] = (first_at + cut, first[cut:])
        for at, item in items:
            end = at + len(item)
            if _is_name(item, lex) and not any(covered[at:end]) and not titles[at]:
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
    )
