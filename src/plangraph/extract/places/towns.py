"""Towns and villages named where no county or plan says whose they are, and the towns of
the plan's own city or county listed by their short names (安海、东石、金井等沿海镇).

- a town of the dataset (``data/towns.tsv``) by its full name (洪濑镇: the one town of that
  name; 东海街道: a town of a name four towns share), never a class of towns (中心镇) or a
  word read across (古城乡村); a name before a town's level word that makes such a town is
  that town, not the sea or the county it is also the name of (东海街道);
- villages and communities set apart as names: in a list (梧林村、塘东村) or before their
  grade (莲湖村国家3A级旅游景区), never a class (行政村、自然村, 贫困村, 美丽村); a village
  right after its town is read by the suffix patterns (洪濑镇梧林村).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import plangraph.extract.gazetteer as gz

from .everyday import common_words, ends_in_everyday_word, everyday_words
from .lexicon import Lexicon, Words
from .local import full_town_name, is_local_name
from .minted import named_place
from .resolve import Area
from .tokens import Hit, Token, boundary_before, is_generic, is_han
from .words import NUMERALS, VILLAGE_KINDS, VILLAGE_NAME_ENDS

# the level words of towns, as they end a town's full name
_TOWN_END = re.compile("|".join(sorted(gz.TOWN_SUFFIXES, key=len, reverse=True)))
_TOWN_LEVELS = ("街道", "镇", "乡")


def villages_and_towns(
    norm: str, covered: bytearray, titles: bytearray, lex: Lexicon, area: Area
) -> list[Hit]:
    """The towns of the plan's area listed by their short names, the villages set apart as
    names, then the towns named by their full names."""
    return [
        *listed_own_towns(norm, covered, titles, area),
        *listed_villages(norm, covered, titles, lex),
        *named_towns(norm, covered, titles, lex),
    ]


# a list of short names closed by the class of towns they are: 安海、东石、金井等沿海镇,
# 青阳、梅岭、西园6个街道
_TOWN_LIST = re.compile(
    "([\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)"
    "(?=(?:等|[0-9一二三四五六七八九十两]+个)(?:沿海|山区|中心|重点)?(?:乡镇|镇|街道|乡))"
)


def listed_own_towns(norm: str, covered: bytearray, titles: bytearray, area: Area) -> Iterator[Hit]:
    """The towns of a city's or a county's own plan listed by their short names before the
    class of towns they are (安海、东石、金井等沿海镇 in 晋江's plan)."""
    if "、" not in norm or not _TOWN_END.search(norm):
        return
    owners = [p for p in map(gz.place_by_id, sorted(area.places)) if p and p.kind != "Province"]
    for m in _TOWN_LIST.finditer(norm):
        for owner in owners:
            towns = gz.towns_in(owner.id)
            items: list[tuple[int, int, str]] = []
            at = m.start()
            for k, part in enumerate(m.group().split("、")):
                name = part if part in towns or k else part[-2:]  # 推进 + 安海
                start = at + len(part) - len(name)
                if name not in towns or any(covered[start : at + len(part)]) or titles[start]:
                    items = []
                    break
                items.append((start, at + len(part), towns[name]))
                at += len(part) + 1
            for a, b, town_id in items:
                town = gz.place_by_id(town_id)
                if town is not None:
                    covered[a:b] = b"\x01" * (b - a)
                    yield Hit(a, b, town, "context")
            if items:
                break


def towns_as_tokens(norm: str, hits: list[Hit]) -> list[Token]:
    """The towns found, as tokens a village's name may follow (洪濑镇 + 梧林村)."""
    return [Token(h.start, h.end, norm[h.start : h.end], h.place) for h in hits]


def names_a_town(norm: str, end: int, word: str) -> bool:
    """A name followed by a town's level word with which it makes the name of a town of the
    dataset: 东海街道 (泉州 丰泽区) names neither the 东海 nor 东海县."""
    if not norm.startswith(_TOWN_LEVELS, end) or word[-1] in "市县区旗":
        return False
    level = next(t for t in _TOWN_LEVELS if norm.startswith(t, end))
    return word + level in gz.towns_named()


def named_towns(norm: str, covered: bytearray, titles: bytearray, lex: Lexicon) -> Iterator[Hit]:
    """Towns named by their full names where no county or plan says whose they are (洪濑镇,
    东海街道): the dataset's town where the name is one town's, a town of that name where
    several share it; never a class of towns (中心镇) or a word read across (城乡村)."""
    if not _TOWN_END.search(norm):
        return  # a full name ends with 镇, 乡 or 街道: none here
    named = gz.towns_named()
    for a, b, name in _all_towns().finditer(norm):
        if any(covered[a:b]) or titles[a] or not boundary_before(norm, a, covered):
            continue
        if name.endswith("乡") and norm[b : b + 1] in ("村", "镇", "土"):
            continue  # 古城乡村, 城乡镇: 乡村 and 乡镇 are words
        ids = named[name]
        first = gz.place_by_id(ids[0])
        if first is None or not full_town_name(first, lex):
            continue
        covered[a:b] = b"\x01" * (b - a)
        if len(ids) == 1:
            yield Hit(a, b, first, "gazetteer")
        else:
            yield Hit(a, b, named_place(name, "Town", None), "pattern")


# the level words of villages and communities, and what sets one apart as a name after it:
# a list mark (梧林村、塘东村) or its grade (莲湖村国家3A级旅游景区, 大济进士村省级…)
_VILLAGE = re.compile("村|社区")
_LIST_MARKS = "、和及与"
_GRADES = ("国家", "省级", "市级")


def listed_villages(
    norm: str, covered: bytearray, titles: bytearray, lex: Lexicon
) -> Iterator[Hit]:
    """Villages and communities set apart as names (梧林村、塘东村; 莲湖村国家3A级旅游景区):
    two or three Han characters where a name may start, in a list or before a grade, never a
    class (行政村、自然村, 贫困村, 美丽村)."""
    if "村" not in norm and "社区" not in norm:
        return
    for m in _VILLAGE.finditer(norm):
        p, q = m.start(), m.end()
        apart = norm[q : q + 1] == "、" or norm.startswith(_GRADES, q)
        for a in (p - 2, p - 3):  # the shorter name first: 整治 + 梧林村
            if a < 0 or any(covered[a:q]) or titles[a]:
                continue
            if not (apart or (a > 0 and norm[a - 1] in _LIST_MARKS)):
                continue
            if norm[p - 1 : q] in common_words() or norm[p - 1 : q] in everyday_words():
                break  # 水美乡村, 渔村: the level word makes a word with the name's end
            if boundary_before(norm, a, covered) and _village_name(norm[a:p], lex):
                covered[a:q] = b"\x01" * (q - a)
                yield Hit(a, q, named_place(norm[a:q], "Town", None), "pattern")
                break


def _village_name(stem: str, lex: Lexicon) -> bool:
    return (
        2 <= len(stem) <= 3
        and all(is_han(c) for c in stem)
        and (is_local_name(stem, lex) or _landform_name(stem, lex))
        and not ends_in_everyday_word(stem)
        and stem not in everyday_words()
    )


def _landform_name(stem: str, lex: Lexicon) -> bool:
    """A village's three-character name that starts with a word or a surname and 家 and ends
    in a landform or a settlement (龙洞坪, 朱家台, 叶家桥), never a kind (文明村)."""
    return (
        len(stem) == 3
        and stem[-1] in VILLAGE_NAME_ENDS
        and stem[:2] not in VILLAGE_KINDS
        and stem not in lex.generic
        and not is_generic(stem)
        and not any(c in NUMERALS for c in stem)
        and stem not in common_words()
        and stem[-2:] not in common_words()
    )


@cache
def _all_towns() -> Words:
    """Every town's full name in China that ends in its level word, three characters or more
    (洪濑镇, 东海街道; not the forestry bureaus the table lists as towns, 某某林业局)."""
    return Words(n for n in gz.towns_named() if len(n) >= 3 and n.endswith(gz.TOWN_SUFFIXES))
