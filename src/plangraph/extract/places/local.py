"""Local names right after their city: 阳江闸坡, 中山南朗, 珠海淇澳, 惠州考洲洋, 江门黄茅海;
and the towns of a city's or a county's own plan (曾口 in 巴中's: 曾口化工工业园).

A town of the dataset (``data/towns.tsv``, every 镇, 乡 and 街道) is read by its full name or
its short name right after its county or city (阳江闸坡 is the town 闸坡镇), and in the plan
of its own city or county by its full name, or by its short name before the name of a park,
an industry or an area (曾口新能源新材料产业园).  Other local names are places of the city
without a code.

Provincial plans name towns, islands, bays and shoals by their city and a short name that no
dataset of divisions holds.  The short name is read as a place of that city where it is two or
three Han characters that end at a list mark, a dash or a generic word of the coast (海滩,
西岸), and where no generic word, no word of jieba's dictionary that is not a proper name
(机场, 建设, 电视台) and no numeral makes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import plangraph.extract.gazetteer as gz
from plangraph import model
from plangraph.model import PlaceKind

from .context import AREA_WORDS
from .everyday import common_words, ends_in_everyday_word, everyday_words
from .lexicon import Lexicon, Words
from .minted import named_place
from .resolve import Area
from .tokens import Hit, Token, boundary_before, is_generic, is_han
from .words import CLOSING_QUOTES, INDUSTRY_WORDS, NUMERALS, PARK_SUFFIXES, SUFFIXES

# what may follow the short name: a list mark, a dash, or a part of the coast named after it
_FOLLOWERS = re.compile("[、，,；;。—:：]|海滩|沙滩|海域|岸段|[东西南北]岸|沿岸|两岸")
# what makes a town's short name a place in its own city's plan: a park, a zone or an area
_TOWN_HEADS = (*PARK_SUFFIXES, "园区", "工业园", "片区", "新区", "集镇", "场镇", *AREA_WORDS)
# a water source named after its town (土门集中式饮用水水源, 龙祠水源地 in 临汾's plan)
_TOWN_HEADS += ("集中式饮用水", "饮用水水源", "水源地")
# the plans whose own towns are looked for: a province's (full names only), a city's, a county's
_AREA_OWNERS = frozenset({"Province", "City", "District"})
# the owners of local names: prefecture-level cities and the districts and counties of one
_OWNERS = frozenset({"City", "District"})
# heads that make the kind of a local name: 考洲洋, 黄茅海
_KINDS: dict[str, PlaceKind] = {"洋": "Sea", "海": "Sea", "湾": "Bay", "岛": "Island"}


def local_names(
    text: str, norm: str, covered: bytearray, titles: bytearray, tokens: list[Token], lex: Lexicon
) -> Iterator[Hit]:
    """The short local names that follow a city or a county, as hits."""
    for token in tokens:
        place = token.place
        if place is None or place.kind not in _OWNERS or titles[token.start]:
            continue
        at = token.end
        end = _section_end(norm, at, covered, lex)
        if end is not None:  # 偏关—龙门段: a section of a water between two places
            covered[at + 1 : end] = b"\x01" * (end - at - 1)
            other = named_place(text[at + 1 : end], "Area", place.province or place.id)
            yield Hit(at + 1, end, other, "pattern")
            continue
        town = _town_after(norm, at, covered, place, lex)
        if town is not None:
            size, found = town
            covered[at : at + size] = b"\x01" * size
            yield Hit(at, at + size, found, "gazetteer")
            continue
        for size in (3, 2):
            end = at + size
            name = norm[at:end]
            if (
                len(name) != size
                or any(covered[at:end])
                or not all(is_han(c) for c in name)
                or not _FOLLOWERS.match(norm, end)
                or not is_local_name(name, lex)
            ):
                continue
            covered[at:end] = b"\x01" * size
            kind = _KINDS.get(name[-1], "Area")
            yield Hit(
                at, end, named_place(text[at:end], kind, place.province or place.id), "pattern"
            )
            break


def _section_end(norm: str, at: int, covered: bytearray, lex: Lexicon) -> int | None:
    """The end of the second name of a section named by its two ends (偏关—龙门段)."""
    if not norm.startswith("—", at):
        return None
    for size in (3, 2):
        end = at + 1 + size
        name = norm[at + 1 : end]
        if (
            norm.startswith("段", end)
            and len(name) == size
            and all(is_han(c) for c in name)
            and not any(covered[at + 1 : end])
            and name not in lex.generic
            and not is_generic(name)
            and not any(c in NUMERALS for c in name)
            and not ends_in_everyday_word(name)
        ):
            return end  # a proper name however common (龙门): the section says it is one
    return None


def _town_after(
    norm: str, at: int, covered: bytearray, owner: model.Place, lex: Lexicon
) -> tuple[int, model.Place] | None:
    """A town of the owner named right after it, by its full or its short name."""
    towns = gz.towns_in(owner.id)
    if not towns:
        return None
    for size in (6, 5, 4, 3, 2):
        name = norm[at : at + size]
        town = gz.place_by_id(towns[name]) if name in towns else None
        if town is None or len(name) != size or any(covered[at : at + size]):
            continue
        end = at + size
        if (name == town.name and full_town_name(town, lex)) or (
            _ends_a_short_name(norm, end, covered) and is_local_name(name, lex)
        ):
            return size, town  # not 黑河市建设 (建设乡 is a town of 黑河)
    return None


def full_town_name(town: model.Place, lex: Lexicon) -> bool:
    """A town's full name that is no class of towns (中心镇) and whose level word does not
    make a word with the character before it (占城镇 in 占城镇建筑总量: 城镇)."""
    stem = town.aliases[0] if town.aliases else town.name
    level = town.name[len(stem) :]
    joined = stem[-1:] + level
    return not (
        is_generic(stem) or stem in lex.generic or joined in common_words() or joined in lex.generic
    )


def _ends_a_short_name(norm: str, end: int, covered: bytearray) -> bool:
    if norm[end : end + 1] in CLOSING_QUOTES:
        return False  # “巴中云顶”茶: a brand named after the town
    return (
        end >= len(norm)
        or not is_han(norm[end])
        or covered[end] == 1
        or bool(_FOLLOWERS.match(norm, end))
        or norm.startswith(_TOWN_HEADS, end)
    )


#: What follows a town's name in the address of a release: its government or its office.
_TOWN_OFFICES = ("人民政府", "党委", "政府", "办事处")


@cache
def _own_divisions(area: Area) -> tuple[model.Place, ...]:
    """The plan's own cities and counties (no province, no region's members beyond them)."""
    places = (gz.place_by_id(pid) for pid in sorted(area.places))
    return tuple(p for p in places if p is not None and p.kind != "Province")


def own_area(norm: str, covered: bytearray, lex: Lexicon, area: Area) -> Iterator[Hit]:
    """The plan's own city or county by its full name where that name is also read as words
    (肥城市 in 肥城's plan: 城市 makes it a word elsewhere, as 应城市 in 适应城市), unless its
    first character ends an everyday word there (适应城市 in 应城市's plan); and the towns of
    its own city or county addressed by their government (各街道办事处、慈城镇人民政府,
    whose 城镇 is a word elsewhere)."""
    for place in _own_divisions(area):
        if any(suffix in norm for suffix in ("镇", "乡", "街道", "苏木")):
            for a, b, name in _words_of(place.id, True).finditer(norm):
                town = gz.place_by_id(gz.towns_in(place.id)[name])
                if town is not None and not any(covered[a:b]) and norm.startswith(_TOWN_OFFICES, b):
                    covered[a:b] = b"\x01" * (b - a)
                    yield Hit(a, b, town, "gazetteer")
        if place.name not in lex.weak:
            continue
        name = place.name
        at = norm.find(name)
        while at >= 0:
            b = at + len(name)
            if not any(covered[at:b]) and not (
                at > 0 and norm[at - 1 : at + 1] in everyday_words()
            ):
                covered[at:b] = b"\x01" * (b - at)
                yield Hit(at, b, place, "gazetteer")
            at = norm.find(name, b)


def own_towns(
    norm: str, covered: bytearray, titles: bytearray, area: Area, lex: Lexicon
) -> Iterator[Hit]:
    """The towns of the plan's own province, city or county, by their full names anywhere
    (闸坡镇) and, in a city's or a county's plan, by their short names before a park, an
    industry or an area word (曾口新能源新材料产业园)."""
    owners = [p for p in map(gz.place_by_id, sorted(area.places)) if p and p.kind in _AREA_OWNERS]
    for owner in owners:
        full_names_only = owner.kind == "Province"
        if full_names_only and not any(suffix in norm for suffix in gz.TOWN_SUFFIXES):
            continue  # a full name ends with 镇, 乡 or 街道: none here
        towns = gz.towns_in(owner.id)
        words = _words_of(owner.id, full_names_only)
        for a, b, name in words.finditer(norm):
            town = gz.place_by_id(towns[name])
            if (
                town is None
                or any(covered[a:b])
                or titles[a]
                or not boundary_before(norm, a, covered)
            ):
                continue
            if name == town.name and not full_town_name(town, lex) and not _set_apart(norm, a, b):
                continue  # 中心镇, 重点镇: a class of towns; 占城镇建筑: 占 + 城镇
                # (not 高新园(邹区镇): a name set apart by marks is read whole)
            if name != town.name and (
                name in common_words()
                or name in lex.generic
                or not (norm.startswith(_TOWN_HEADS, b) or norm.startswith(INDUSTRY_WORDS, b))
            ):
                continue
            covered[a:b] = b"\x01" * (b - a)
            yield Hit(a, b, town, "gazetteer")


def _set_apart(norm: str, a: int, b: int) -> bool:
    """A name that marks set apart on both sides: (邹区镇), 、邹区镇、."""
    return (a == 0 or not is_han(norm[a - 1])) and (
        b >= len(norm) or not is_han(norm[b]) or norm[b] == "、"
    )


@cache
def _words_of(owner_id: str, full_names_only: bool) -> Words:
    """The towns' names to look for: in a province's plan only the full names (闸坡镇)."""
    return Words(
        n
        for n in gz.towns_in(owner_id)
        if len(n) >= 2 and (not full_names_only or n.endswith(gz.TOWN_SUFFIXES))
    )


def is_local_name(name: str, lex: Lexicon) -> bool:
    return (
        name not in lex.generic
        and name not in SUFFIXES
        and not is_generic(name)
        and not any(c in NUMERALS for c in name)
        and name not in common_words()
        and name[:2] not in common_words()
        and name[-2:] not in common_words()
    )


# a run of names in a list: 鲇鱼山镇、丽阳镇、荷塘乡人民政府
_LIST_RUN = re.compile(r"[\u4e00-\u9fff]+(?:[、和及][\u4e00-\u9fff]+)+")
_TOWN_ENDS = tuple(sorted(gz.TOWN_SUFFIXES, key=len, reverse=True))
_TOWN_END = re.compile("|".join(_TOWN_ENDS))
# a town's level word before a list mark: 鲇鱼山镇、丽阳镇
_LISTED_TOWN = re.compile(f"(?:{'|'.join(_TOWN_ENDS)})[、和及]")


def listed_towns(norm: str, covered: bytearray, titles: bytearray, lex: Lexicon) -> Iterator[Hit]:
    """Towns named by their full names in a list, two or more, of one county's towns
    (鲇鱼山镇、丽阳镇、荷塘乡人民政府: a district's letter to its towns): the list says where
    they lie, with no county named."""
    if not _LISTED_TOWN.search(norm):
        return  # no town's level word before a list mark
    named = gz.towns_named()
    for run in _LIST_RUN.finditer(norm):
        if not _LISTED_TOWN.search(run.group()):
            continue
        items: list[tuple[int, int, tuple[str, ...]]] = []
        at = run.start()
        parts = re.split("[、和及]", run.group())
        for k, part in enumerate(parts):
            found = _town_in(part, named, first=k == 0, last=k == len(parts) - 1)
            if found is None:
                items = []
                break
            offset, size, ids = found
            items.append((at + offset, at + offset + size, ids))
            at += len(part) + 1
        if len(items) < 2:
            continue
        counties = set.intersection(*({_county(i) for i in ids} for _, _, ids in items))
        if len(counties) != 1:
            continue
        county = counties.pop()
        for a, b, ids in items:
            if any(covered[a:b]) or titles[a]:
                continue
            town = gz.place_by_id(next(i for i in ids if _county(i) == county))
            stem = town.aliases[0] if town is not None and town.aliases else ""
            if town is not None and not (is_generic(stem) or stem in lex.generic):
                # 鲇鱼山镇: in a list of towns, 山镇 is no word
                covered[a:b] = b"\x01" * (b - a)
                yield Hit(a, b, town, "context")


def _county(town_id: str) -> str:
    place = gz.place_by_id(town_id)
    return (place.parent or "") if place is not None else ""


def _town_in(
    part: str, named: dict[str, tuple[str, ...]], first: bool, last: bool
) -> tuple[int, int, tuple[str, ...]] | None:
    """A town's full name that is the item (the first may follow other words, the last may be
    followed by its government's name): (offset, length, town ids)."""
    ends = [m.end() for m in _TOWN_END.finditer(part)] if last else [len(part)]
    for b in reversed(ends):
        if not part[:b].endswith(_TOWN_ENDS):
            continue
        for a in range(0, b - 2) if first else (0,):
            if part[a:b] in named:
                return a, b - a, named[part[a:b]]
    return None


# a list of names set apart by list marks: 沿浦、宜山、莒溪
_SHORT_RUN = re.compile(r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+")
# the fewest towns by short name that say the list is one county's towns, wherever it lies
_FEWEST_LISTED = 3


def listed_short_towns(
    norm: str, covered: bytearray, titles: bytearray, lex: Lexicon, area: Area
) -> Iterator[Hit]:
    """Towns named by their short names in a list of one county's towns (建成投用沿浦、宜山、
    莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院 in 苍南's table): every item between
    the list marks is the short name of a town, the first may follow other words and the last
    may be followed by them, and one county, and only one, has them all.  Three such towns
    say so wherever the county lies; a list of two, each a town, where the county is the
    plan's own."""
    if "、" not in norm:
        return
    short = gz.towns_by_short_name()
    for run in _SHORT_RUN.finditer(norm):
        parts = run.group().split("、")
        at = run.start()
        spans: list[tuple[int, int]] = []  # where each part starts and ends
        for part in parts:
            spans.append((at, at + len(part)))
            at += len(part) + 1
        inner = parts[1:-1]
        if not all(_is_short_town(p, short, lex) for p in inner):
            continue
        counties = _counties_of(inner, short) if inner else None
        items: list[tuple[int, int, str]] = [
            (a, b, p) for (a, b), p in zip(spans[1:-1], inner, strict=True)
        ]
        for k, edge in ((0, parts[0]), (len(parts) - 1, parts[-1])):
            a, b = spans[k]
            sizes = [n for n in (3, 2) if len(edge) >= n]
            if len(edge) <= 3 and len(edge) not in sizes:
                sizes.insert(0, len(edge))
            for size in sizes:
                name = edge[-size:] if k == 0 else edge[:size]
                if not _is_short_town(name, short, lex):
                    continue
                found = _counties_of([name], short)
                if counties is not None and not counties & found:
                    continue
                counties = found if counties is None else counties & found
                items.append((b - size, b, name) if k == 0 else (a, a + size, name))
                break
        if counties is None or len(counties) != 1 or len(items) < 2:
            continue
        county = next(iter(counties))
        if len(items) < _FEWEST_LISTED and not (
            len(items) == len(parts) and _own_county(county, area)
        ):
            continue  # 安海、东石、金井等沿海镇: 金井 is a word too, the list is read by its 镇
        for a, b, name in sorted(items):
            if any(covered[a:b]) or titles[a]:
                continue
            ids = [i for i in short[name] if _county(i) == county]
            town = gz.place_by_id(ids[0]) if len(ids) == 1 else None
            if town is not None:
                covered[a:b] = b"\x01" * (b - a)
                yield Hit(a, b, town, "context")


def _is_short_town(name: str, short: dict[str, tuple[str, ...]], lex: Lexicon) -> bool:
    return 2 <= len(name) <= 4 and name in short and is_local_name(name, lex)


def _counties_of(names: list[str], short: dict[str, tuple[str, ...]]) -> set[str]:
    """The counties that have a town of each short name."""
    sets = [{_county(i) for i in short[n]} for n in names]
    return set.intersection(*sets)


def _own_county(county_id: str, area: Area) -> bool:
    """The county is the plan's own or lies in the plan's own city (not only its province)."""
    county = gz.place_by_id(county_id)
    if county is None:
        return False
    city = gz.place_by_id(county.parent) if county.parent else None
    return county.id in area.places or (
        city is not None and city.kind != "Province" and city.id in area.places
    )
