"""Names built on a known name: a prefix makes another river or range of it (东辽河, 大辽河,
第二松花江, 大小兴安岭, 南雁荡山), a compound names its parts (燕山—塞罕坝国家公园), a longer
name its first place (天津 of 天津港), a city and 区 its urban area (临汾市区), and a region's
other name in ``data/regions.tsv`` the region it starts with (黄河流域生态保护和高质量发展)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangraph import model

from .everyday import ends_in_everyday_word, is_function_char
from .lexicon import Lexicon
from .minted import named_place
from .resolve import best
from .tokens import Hit, boundary_before, is_han
from .words import (
    COMPOUND_KINDS,
    NOT_SHORT_NAMES,
    ORDINAL,
    PAIRED_PREFIXES,
    RENAMING_PREFIXES,
    RIVER_PREFIXES,
    SUFFIXES,
)

__all__ = [
    "components",
    "prefix_place",
    "prefixed",
    "region_alias",
    "river_after_a_prefix",
    "urban_areas",
]


def prefixed(
    norm: str,
    start: int,
    end: int,
    word: str,
    place: model.Place,
    covered: bytearray,
    titles: bytearray,
    lex: Lexicon,
) -> tuple[list[Hit], bool]:
    """Rivers and ranges named by a prefix on a known name: 东辽河, 大辽河(口), 第二松花江
    are other rivers than 辽河 and 松花江; 大小兴安岭 names 大兴安岭 and 小兴安岭.  The flag
    says the new name replaces the known one."""
    if start == 0:
        return [], False
    before = norm[start - 1]
    ranged = place.kind == "Mountain" and word[-1] in "山岭"
    if place.kind not in ("River", "Estuary") and word[0] not in PAIRED_PREFIXES and not ranged:
        return [], False
    # 大小兴安岭: the opposite prefix stands before a name that starts with a prefix
    pair = PAIRED_PREFIXES.get(word[0])
    if pair == before and len(word) >= 3 and not covered[start - 1]:
        other = lex.places.get(before + word[1:])
        if other and boundary_before(norm, start - 1, covered):
            covered[start - 1] = 1
            return [Hit(start - 1, end, best(other, before + word[1:]), "gazetteer")], False
    if ranged:
        return _prefixed_range(norm, start, end, word, place, covered, titles, lex)
    river = place
    stem_end = end
    if place.kind == "Estuary" and word.endswith("口"):
        found = lex.places.get(word[:-1])
        if not found or found[0].kind != "River":
            return [], False
        river, stem_end = found[0], end - 1  # 大辽河口: the river 大辽河 and its mouth
    if river.kind != "River":
        return [], False
    ordinal = ORDINAL.search(norm, max(0, start - 2), start)
    if ordinal and not any(covered[ordinal.start() : start]):
        prefix_start = ordinal.start()
    elif before in RENAMING_PREFIXES and not covered[start - 1]:
        prefix_start = start - 1
    elif (
        is_han(before)
        and not covered[start - 1]
        and before not in NOT_SHORT_NAMES
        and not is_function_char(before)  # 占黄河总长: the verb, then the river
        and not boundary_before(norm, start, covered)
        and len(word) >= 2
        and not (start >= 2 and ends_in_everyday_word(norm[start - 2 : start]))
    ):
        prefix_start = start - 1  # 清漳河, 浊漳河: other rivers than 漳河
    else:
        return [], False
    if not boundary_before(norm, prefix_start, covered) or titles[prefix_start]:
        return [], False
    name = norm[prefix_start:stem_end]
    known = lex.places.get(name)
    new = best(known, name) if known else named_place(name, "River", river.province)
    covered[prefix_start:start] = b"\x01" * (start - prefix_start)
    return [Hit(prefix_start, stem_end, new, "gazetteer" if known else "pattern")], True


def _prefixed_range(
    norm: str,
    start: int,
    end: int,
    word: str,
    place: model.Place,
    covered: bytearray,
    titles: bytearray,
    lex: Lexicon,
) -> tuple[list[Hit], bool]:
    """A range named by a direction on a known range's name is a range of its own, after a
    verb or a mark: 属南雁荡山与洞宫山的余脉 (南雁荡山 is not 雁荡山); not 陕南秦岭 (a part
    of a province, then the range)."""
    at = start - 1
    if (
        norm[at] not in "东西南北"
        or covered[at]
        or titles[at]
        or not (boundary_before(norm, at, covered) or is_function_char(norm[at - 1 : at]))
    ):
        return [], False
    name = norm[at:end]
    known = lex.places.get(name)
    new = best(known, name) if known else named_place(name, "Mountain", place.province)
    covered[at] = 1
    return [Hit(at, end, new, "gazetteer" if known else "pattern")], True


def river_after_a_prefix(
    norm: str, start: int, word: str, place: model.Place, lex: Lexicon
) -> model.Place:
    """A river that shares its name with a city (黑河) is the river after a size or
    direction prefix: 大黑河, 小黑河 are rivers, not the city 黑河."""
    if place.kind == "River" or start == 0 or norm[start - 1] not in RIVER_PREFIXES:
        return place
    rivers = [p for p in lex.places.get(word, ()) if p.kind == "River"]
    return rivers[0] if rivers else place


def components(word: str, start: int, place: model.Place, lex: Lexicon) -> Iterator[Hit]:
    """The places a compound name is made of: 燕山—塞罕坝国家公园 -> 燕山, 塞罕坝."""
    if not ("—" in word or "(" in word or place.kind in COMPOUND_KINDS):
        return
    body = word
    for suffix in SUFFIXES:
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)]
            break
    offset = 0
    for piece in re.split(r"[—()]", body):
        for a, b, name in lex.names.finditer(piece):
            candidates = None if name in lex.weak else lex.places.get(name)
            if candidates and name != word:
                found = best(candidates, name)
                if found.id != place.id:
                    yield Hit(start + offset + a, start + offset + b, found, "compound")
        offset += len(piece) + 1


def prefix_place(word: str, start: int, place: model.Place, lex: Lexicon) -> Hit | None:
    """天津 in 天津港, 长江 in 长江口, 太湖 in 太湖流域: the longest proper prefix name."""
    for size in range(len(word) - 1, 1, -1):
        candidates = lex.places.get(word[:size])
        if candidates:
            found = best(candidates, word[:size])
            if found.id != place.id:
                return Hit(start, start + size, found, "part")
            return None
    return None


def urban_areas(
    text: str, norm: str, hits: list[Hit], parts: list[Hit], covered: bytearray, titles: bytearray
) -> Iterator[Hit]:
    """A city's name and 区 name its urban area (临汾市区, 阳泉市区), a place of its own; the
    city is its part.  Not 市区域, 市区县, 市区划."""
    for hit in hits:
        end = hit.end
        if (
            hit.place.kind == "City"
            and norm[end - 1 : end] == "市"
            and norm[end : end + 1] == "区"
            and not covered[end]
            and norm[end + 1 : end + 2] not in _NOT_URBAN
            and not titles[hit.start]
        ):
            covered[end] = 1
            parts.append(hit)
            province = hit.place.province or hit.place.id
            yield Hit(
                hit.start,
                end + 1,
                named_place(text[hit.start : end + 1], "Area", province),
                "pattern",
            )
        else:
            yield hit


_NOT_URBAN = frozenset("域县划内外级间")


def region_alias(word: str, lex: Lexicon) -> tuple[int, model.Place]:
    """The place a region's other name stands for, and how many of its characters name it:
    the region's own name or a province's that starts it (黄河流域 in
    黄河流域生态保护和高质量发展, 京津冀 in 京津冀三地, 海南 in 海南全岛), else the whole name
    for the region (长江中游地区 is the 长江中游城市群's area)."""
    region = lex.regions[word]
    for size in range(len(word) - 1, 1, -1):
        found = None if word[:size] in lex.weak else lex.places.get(word[:size])
        if found and (word[:size] == region.name or found[0].kind in ("Province", "Area")):
            return size, best(found, word[:size])
    canonical = lex.places.get(region.name)
    if canonical:
        return len(word), best(canonical, region.name)
    return len(word), named_place(word, "Area", None)
