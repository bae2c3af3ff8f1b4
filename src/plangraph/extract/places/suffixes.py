"""Proper names found by their generic head: …水库 …河 …湿地 …新区 …国家公园 …产业园 …村.

The scan over the heads: what follows a head that makes it no head (河流, 山水, a company, a
crossing, a clause), the name before it (``stems``), and the places named with it (the
county a zone's name opens with, the scenic place a tourism zone is run for)."""

from __future__ import annotations

from collections.abc import Iterator

from .everyday import common_words, ends_in_everyday_word, only_everyday_words
from .lexicon import Lexicon, starts_a_division
from .minted import named_place, pattern_place
from .parks import CANAL_HEADS, PARK_HEADS, kind_before_park, park_stem
from .resolve import NO_AREA, Area, best
from .stems import MOUNTAIN_CONTEXT, RIVER_CONTEXT, pattern_name, proper_head
from .tokens import Hit, Token, is_han
from .words import (
    ADMIN_NEXT,
    BAD_NEXT,
    BELOW_PROVINCE_KINDS,
    BOUNDARY_WORDS,
    COMPANY_HEADS,
    COMPANY_TRADES,
    DEMOTING_HEADS,
    FEATURE_SUFFIXES,
    PAIRED_PREFIXES,
    PARK_SUFFIXES,
    PREDICATES,
    SIMPLE_SUFFIXES,
    STRONG_HEADS,
    TRADE_PLACES,
    ZONE_SUFFIXES,
)

# ------------------------------------------------------------------------- patterns


def pattern_hits(
    text: str,
    norm: str,
    covered: bytearray,
    titles: bytearray,
    tokens: list[Token],
    lex: Lexicon,
    own_region: frozenset[str],
    runs: dict[int, int] | None = None,
    used: set[int] | None = None,
    demoted: set[int] | None = None,
    area: Area = NO_AREA,
) -> Iterator[Hit]:
    ends = {t.end: t for t in tokens if t.place is not None}
    runs = runs or {}
    used = set() if used is None else used
    demoted = set() if demoted is None else demoted
    for m in lex.suffixes.finditer(norm):
        p, q = m.start(), m.end()
        suffix = m.group()
        if any(covered[p:q]) or any(titles[p:q]):
            continue
        follower = norm[q : q + 1]
        basin = suffix == "河" and norm.startswith(RIVER_CONTEXT, q)  # 潇河流域: not 河流
        # 洪涛山水源涵养林: the mountain's water sources, not 山水
        basin = basin or (suffix == "山" and norm.startswith(MOUNTAIN_CONTEXT, q))
        if (
            follower
            and not basin
            and (
                follower in BAD_NEXT.get(suffix, "")
                or (
                    follower in ADMIN_NEXT
                    and norm[q + 1 : q + 2] != "级"  # 某某水库市级水源地
                    and not (suffix in PARK_HEADS and follower in "市县镇乡村")  # 某某公园市民
                )
            )
        ):
            continue
        if suffix in SIMPLE_SUFFIXES and kind_before_park(norm, p):
            continue  # 虹桥河滨公园: the park's kind word, no river 虹桥河
        if suffix == "乡" and norm[p - 1 : p] == "城":
            continue  # 住房城乡建设, 统筹城乡: the word 城乡 (town and country); a township
            # named so (古城乡) is in the dataset of towns
        if norm.startswith(STRONG_HEADS, q):
            continue  # 牛路岭水库, 东方临港产业园: the longer name is taken at its own head
        if suffix in SIMPLE_SUFFIXES and starts_a_division(norm, p, lex):
            continue  # “水韵江阴”: 江 starts the city 江阴, no river 水韵江
        if suffix in SIMPLE_SUFFIXES and _predicate_after(norm, q):
            continue  # 水净河清, 河畅湖美: a clause, no name
        if suffix == _BASE_AREA:  # 川陕革命老区: named by its provinces' abbreviations only
            j = p
            while j > 0 and norm[j - 1] in lex.abbreviations and not covered[j - 1]:
                j -= 1
            if p - j < 2 or any(titles[j:p]):
                continue
            covered[j:q] = b"\x01" * (q - j)
            yield Hit(j, q, named_place(text[j:q], "Area", None), "pattern")
            continue
        found = pattern_name(norm, p, suffix, covered, ends, lex)
        if found is None and suffix in ZONE_SUFFIXES and p in runs:
            found = (p, [], p)  # 鲁南经济圈: the name is the run of abbreviations alone
        if found is None:
            continue
        start, segments, piece = found
        if suffix == "闸" and norm[:p].endswith(_SLUICE_KINDS):
            continue  # 萧江塘河控制闸, 分洪闸: a kind of sluice on the river, no name
        if suffix in CANAL_HEADS and norm[p - 1 : p] in _LEVELS:
            continue  # 四川省灌区: the irrigation districts of a division, none named
        if (suffix in PARK_HEADS or suffix in CANAL_HEADS) and not _proper_park(
            norm[start:p], suffix, lex
        ):
            continue  # 城市公园, 口袋公园, 千年古镇, 自流灌区: a kind of them, no name
        if (
            suffix in PARK_SUFFIXES
            and all(s is None for s in segments)
            and not proper_head(norm[start:p], lex)
        ):
            continue  # 化工产业园, 新能源产业园: a kind of park, no name
        if len(segments) > 1 and suffix in FEATURE_SUFFIXES:
            # 幕阜山—九岭山, 玉龙雪山—虎跳峡: each part is a place of its own, the compound
            # is none
            if segments[0] is None:
                place = pattern_place(text[piece:q], suffix, piece, [None], ends)
                covered[start:q] = b"\x01" * (q - start)
                ends[q] = Token(piece, q, norm[piece:q], place)
                yield Hit(piece, q, place, "pattern")
            continue
        if suffix in ZONE_SUFFIXES and start in runs:
            start = runs[start]  # 川渝高竹新区
        if start + 1 < p and norm[start] in "年月日" and norm[start - 1 : start].isdigit():
            start += 1  # 2025年霞山区: the date ends where the name begins
        name = text[start:q]
        key = norm[start:q]
        if key in lex.regions and key not in lex.places:
            continue
        known = None if key in lex.weak else lex.places.get(key)  # 清河: not 清河县
        if not known and company_after(norm, q):
            continue  # 某某山化工, 某某河集团: a company's name
        if not known and norm.startswith(_CROSSINGS, q):
            continue  # 二七过江通道, 白沙洲大道: a crossing's or a road's name
        if not known and _NATURE_CHARS.issuperset(key):
            continue  # 山水田林湖草 (山水林田湖草沙 reordered) names the kinds of land, no lake
        if not known and suffix in WATER_VERB_SUFFIXES and key[-2:-1] in WATER_VERBS:
            continue  # 依法治湖, 全面护河: governing the lakes, no lake named 依法治
        if not known and len(key) >= 4 and key[:2] in PAIR_STARTS and suffix in SIMPLE_SUFFIXES:
            # 大小通江河, 东西苕溪: two rivers that share their name
            covered[start:q] = b"\x01" * (q - start)
            for prefix in key[:2]:
                name = prefix + text[start + 2 : q]
                twin = lex.places.get(prefix + key[2:])
                place = best(twin, name) if twin else pattern_place(name, suffix, start, [], ends)
                yield Hit(start, q, place, "gazetteer" if twin else "pattern")
            continue
        if known:
            place = best(known, key)
            how = "own" if key in own_region else "gazetteer"
        else:
            place = pattern_place(name, suffix, start, segments, ends)
            how = "pattern"
        covered[start:q] = b"\x01" * (q - start)
        ends[q] = Token(start, q, key, place)  # 寨子湖 + 湿地公园 may follow
        for s in segments:
            if s is not None:
                used.add(s.start)
        head = segments[0] if segments else None
        if how == "pattern" and head is not None and head.end == p and suffix in DEMOTING_HEADS:
            demoted.add(head.start)  # 白山水库 names no city
        if not segments:
            demoted.add(start)  # 鲁南 in 鲁南经济圈 is the region's name, not a place apart
        yield Hit(start, q, place, how)
        scenic = p - len(_TOURISM)
        if how == "pattern" and norm.startswith(_TOURISM, scenic) and scenic - start >= 2:
            # 桃花源旅游管理区: the scenic place the zone is run for is named too
            yield Hit(
                start, scenic, named_place(text[start:scenic], "Area", place.province), "compound"
            )
        if how == "pattern" and segments == [None]:
            yield from _county_at_the_start(norm, start, p, lex, area, suffix in ZONE_SUFFIXES)


# what a sluice does, which makes it a kind of sluice: 控制闸, 节制闸, 分洪闸, 挡潮闸
_SLUICE_KINDS: tuple[str, ...] = ("控制", "节制", "进水", "排水", "分洪", "泄洪", "挡潮")
_SLUICE_KINDS += ("防潮", "退水", "拦河", "排涝", "引水", "泄水", "冲沙", "橡胶")
# what turns a place into a park in a slogan: 田园变公园, 荒地改公园
_BECOMES = frozenset("变改")
# sizes that make a kind of park with a word after them: 大尺度公园, 小型公园
_SIZES = frozenset("大小超微特巨")
# the level words of divisions, which end no name of an irrigation district (四川省灌区)
_LEVELS = frozenset("省市县区镇乡")
# an old revolutionary base area across provinces: 川陕革命老区, 湘鄂赣革命老区
_BASE_AREA = "革命老区"
# what crosses a water after the name: 二七过江通道, 某某江大桥 (the crossing, not the river)
_CROSSINGS = ("通道", "大桥", "隧道", "大道", "大街")
# a zone run for tourism is named after its scenic place: 桃花源旅游管理区
_TOURISM = "旅游"
# 山水林田湖草沙 and its reorderings: the kinds of land, in any order, are no name
_NATURE_CHARS = frozenset("山水林田湖草沙冰")
# one-character verbs of looking after waters that make 治湖, 护河 verb and object
WATER_VERBS = frozenset("治护管巡")
WATER_VERB_SUFFIXES = frozenset("河湖江")

PAIR_STARTS = frozenset(a + b for a, b in PAIRED_PREFIXES.items()) | frozenset(
    b + a for a, b in PAIRED_PREFIXES.items()
)


def _county_at_the_start(
    norm: str, start: int, p: int, lex: Lexicon, area: Area, zone: bool = False
) -> Iterator[Hit]:
    """The short name of a county of the plan's area that starts a longer name names the
    county too: 荣成 in 荣成大天鹅国家级自然保护区, 莱西 in 莱西姜山湿地; a development zone
    named by the county alone names it too (洪洞经济开发区 in 临汾's plan)."""
    for size in (3, 2):
        head = norm[start : start + size]
        whole = zone and p - start == size  # the zone's name is the county's alone
        if (p - start - size < 2 and not whole) or head not in lex.short_names:
            continue
        inside = [
            c
            for c in lex.places.get(head, ())
            if c.code is not None and c.kind in BELOW_PROVINCE_KINDS and area.holds(c)
        ]
        if inside:
            yield Hit(start, start + size, inside[0], "context")
            return


def _proper_park(name: str, head: str, lex: Lexicon) -> bool:
    """A park's or an old town's name is a proper name, then perhaps its kind: 虹桥体育; not
    a surname's 家 whose surname was read as a preposition (向 + 家坝灌区), nor a size and a
    word (大尺度公园: large-scale parks)."""
    stem = park_stem(name, head)
    return (
        len(stem) >= 2
        and stem[0] != "家"
        and not (stem[0] in _SIZES and only_everyday_words(stem[1:]))  # 大尺度公园
        and stem[-1] not in _BECOMES  # 田园变公园: a slogan, fields become parks
        and proper_head(stem, lex)
        and not only_everyday_words(stem)  # not 周边, 一批 (虹桥 and 青城 are names)
        and not ends_in_everyday_word(stem)
    )


def company_after(norm: str, q: int) -> bool:
    """A company or a works follows the name: 某某山化工, 某西化工集团, 某某湖股份."""
    if norm.startswith(COMPANY_HEADS, q):
        return True
    for trade in COMPANY_TRADES:
        if norm.startswith(trade, q):
            rest = q + len(trade)
            return not norm.startswith(TRADE_PLACES, rest)
    # a trade that no dictionary lists (金沙河面业, not 沿河产业): a company's name
    trade = norm[q : q + 2]
    return len(trade) == 2 and trade[1] == "业" and is_han(trade[0]) and trade not in common_words()


def _predicate_after(norm: str, q: int) -> bool:
    """A one-character adjective ends a clause after the head: 水净河清, 河畅湖美."""
    if norm[q : q + 1] not in PREDICATES:
        return False
    rest = q + 1
    return (
        rest >= len(norm)
        or not is_han(norm[rest])
        or norm.startswith(BOUNDARY_WORDS, rest)
        or norm[rest] in "岸水湖河海"
    )
