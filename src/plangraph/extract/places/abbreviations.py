"""Runs of one-character abbreviations: 蒙电入沪, 苏皖与鲁豫交界, 川南, 京津."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import plangraph.extract.gazetteer as gz
from plangraph import model
from plangraph.vocab import romanize, slugify

from .abbreviation_words import (
    ABBREVIATION_CUES,
    DIRECTIONAL_ABBREVIATIONS,
    JOINERS,
    KNOWN_GROUPS,
    STRONG_ABBREVIATIONS,
    WORKS_AFTER_ABBREVIATIONS,
)
from .lexicon import Lexicon
from .minted import named_place
from .resolve import NO_AREA, Area, ancestors, best
from .suffixes import company_after
from .tokens import Hit, boundary_before, is_han
from .words import CLOSING_QUOTES, GROUP_HEADS


def initial_runs(norm: str, lex: Lexicon) -> Iterator[tuple[int, int, list[Hit]]]:
    """Runs of five or more first characters of the cities of one province, read as those
    cities: 成德绵眉乐雅广西攀 is 成都 德阳 绵阳 眉山 乐山 雅安 广(安|元) 西昌 攀枝花, so
    广西 is not read out of it.  A character two cities share names none of them; a run that
    repeats a character is no list of cities (南云中河河道 is a river's course)."""
    i, n = 0, len(norm)
    while i < n:
        if norm[i] not in lex.initial_chars:
            i += 1
            continue
        j = i
        while j < n and norm[j] in lex.initial_chars:
            j += 1
        run = norm[i:j]
        if j - i < 5 or len(set(run)) < len(run):
            i = j  # a run names each city once: 南云中河河道 (a river's course) names none
            continue
        provinces = [p for p, chars in lex.initials.items() if all(c in chars for c in run)]
        if len(provinces) == 1:
            cities = lex.initials[provinces[0]]
            hits = []
            for k, ch in enumerate(run):
                options = cities[ch]
                prefectures = [p for p in options if p.kind == "City"]
                one = prefectures if prefectures else options
                if len(one) == 1:
                    hits.append(Hit(i + k, i + k + 1, one[0], "abbreviation"))
            yield i, j, hits
        i = j


def abbreviation_hits(
    norm: str, covered: bytearray, titles: bytearray, lex: Lexicon, area: Area = NO_AREA
) -> Iterator[Hit]:
    def free(a: int, b: int) -> bool:
        return not any(covered[a:b]) and not any(titles[a:b])

    # 港珠澳大桥, 京张高速铁路: a run that names works by the places they join names no place
    for m in lex.runs.finditer(norm):
        if free(m.start(), m.end()) and _names_works(norm, m.end()):
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())

    def take(a: int, b: int) -> None:
        covered[a:b] = b"\x01" * (b - a)

    # 海澄文一体化: established groupings of first characters of city names, before a cue
    if lex.groups is not None:
        for m in lex.groups.finditer(norm):
            a, b = m.start(), m.end()
            if not free(a, b) or not norm.startswith(ABBREVIATION_CUES, b):
                continue
            if a > 0 and is_han(norm[a - 1]) and not boundary_before(norm, a, covered):
                continue
            for k, pid in enumerate(KNOWN_GROUPS[m.group()]):
                place = gz.place_by_id(pid)
                if place is not None:
                    yield Hit(a + k, a + k + 1, place, "abbreviation")
            take(a, b)

    # X电入Y, X电Y电入Z, X电外送
    for m in lex.power.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        for i in range(m.start(), m.end()):
            ch = norm[i]
            if ch in "电入送进外":
                continue
            province = _province_of(ch, lex)
            if province is not None:
                yield Hit(i, i + 1, province, "abbreviation")
        take(m.start(), m.end())

    # 川南, 渝东北, 陕北: a province abbreviation and a direction name a part of it
    for m in lex.directions.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        province = _province_of(m.group(1), lex)
        if province is None:
            continue
        if m.group(1) not in DIRECTIONAL_ABBREVIATIONS and province.id not in area.places:
            continue  # 宁东 is a part of 宁夏 in 宁夏's own plans only
        if company_after(norm, m.end()):
            continue  # 鲁西化工集团: a company's name
        take(m.start(), m.end())
        name = m.group()
        regional = norm.startswith("地区", m.end())  # 辽南地区
        yield Hit(m.start(), m.end(), _direction_place(name, province, regional), "abbreviation")

    # 呼包鄂区域, “呼包鄂榆”城市群: a run of city abbreviations before a region word names a
    # region of its own, besides its cities
    for m in lex.runs.finditer(norm):
        a, b = m.start(), m.end()
        group = _group_region(norm, a, b, lex)
        if group is None or not free(a, group[0]):
            continue
        end, region = group
        members = _run_places(norm, a, b, lex, area)
        if not members:
            continue
        yield Hit(a, end, region, "abbreviation")
        yield from members
        take(a, end)

    for m in lex.runs.finditer(norm):
        a, b = m.start(), m.end()
        i = a
        while i < b - 1:
            for j in range(b, i + 1, -1):
                if not free(i, j):
                    continue
                resolved = _run_places(norm, i, j, lex, area)
                if resolved:
                    yield from resolved
                    take(i, j)
                    i = j
                    break
            else:
                i += 1


def _names_works(norm: str, b: int) -> bool:
    """A run of abbreviations ending at ``b`` is the name of a bridge, a line or a route:
    港珠澳大桥, 京张高速铁路, 青藏、川藏和滇藏铁路 (a run holds its joiners)."""
    return norm.startswith(WORKS_AFTER_ABBREVIATIONS, b)


def _run_places(norm: str, a: int, b: int, lex: Lexicon, area: Area) -> list[Hit]:
    """The places a run of abbreviations ``norm[a:b]`` names, or [] when it names none."""
    text = norm[a:b]
    if text[0] in JOINERS or text[-1] in JOINERS:
        return []
    groups: list[tuple[int, str]] = []
    pos = a
    for piece in re.split(f"[{JOINERS}]", text):
        if not piece:
            return []
        groups.append((pos, piece))
        pos += len(piece) + 1
    if sum(len(g) for _, g in groups) < 2:
        return []
    cue = norm.startswith(ABBREVIATION_CUES, b)
    resolved: list[Hit] = []
    for offset, group in groups:
        if group in KNOWN_GROUPS:
            for k, pid in enumerate(KNOWN_GROUPS[group]):
                place = gz.place_by_id(pid)
                if place is not None:
                    resolved.append(Hit(offset + k, offset + k + 1, place, "abbreviation"))
        elif cue and any(c in STRONG_ABBREVIATIONS or _own(c, lex, area) for c in group):
            resolved.extend(_spell_out(offset, group, lex, area))
        elif (
            len(group) >= 2
            and len(set(group)) == len(group)
            and all(c in STRONG_ABBREVIATIONS and _province_of(c, lex) is not None for c in group)
        ):
            resolved.extend(_spell_out(offset, group, lex, area))  # 湘赣鄂, 晋豫: provinces only
        else:
            return []
    return resolved


def _group_region(norm: str, a: int, b: int, lex: Lexicon) -> tuple[int, model.Place] | None:
    """The region a run of three or more abbreviations names before a region word, one of
    them a city's (呼包鄂区域, “呼包鄂榆”城市群), and where its name ends."""
    text = norm[a:b]
    if len(text) < 3 or any(c in JOINERS for c in text):
        return None
    if not any(all(p.kind != "Province" for p in lex.abbreviations.get(c, ())) for c in text):
        return None  # provinces only (晋冀蒙): the run names them, no region
    after = b + 1 if norm[b : b + 1] in CLOSING_QUOTES else b
    head = next((h for h in GROUP_HEADS if norm.startswith(h, after)), None)
    if head is None:
        return None
    full = text + head
    known = lex.places.get(full)
    if known:
        return after + len(head), best(known, full)
    return b, named_place(text, "Area", None)


@cache
def _direction_place(name: str, province: model.Place, regional: bool = False) -> model.Place:
    return model.Place(
        id=slugify(name),
        name=name,
        kind="Area",
        name_en=romanize(name),
        province=province.id,
        aliases=(f"{name}地区",) if regional else (),
        source="pattern",
        parent=province.id,
    )


def _own(ch: str, lex: Lexicon, area: Area) -> bool:
    """The abbreviation of the plan's own province (宁 in 宁夏's 宁蒙合作)."""
    province = _province_of(ch, lex)
    return province is not None and province.id in area.places


def _province_of(ch: str, lex: Lexicon) -> model.Place | None:
    for place in lex.abbreviations.get(ch, ()):
        if place.kind == "Province":
            return place
    return None


def _spell_out(offset: int, group: str, lex: Lexicon, area: Area) -> Iterator[Hit]:
    """Each character of a run as a place: provinces, unless the run holds a city.  A run of
    cities is read in one province where it can be (成德绵眉乐雅广西攀: 广 is 广安 of Sichuan,
    not 广州): the province of its unambiguous members, else of the plan's area."""
    readings = [lex.abbreviations.get(ch, ()) for ch in group]
    city_run = any(not any(p.kind == "Province" for p in r) for r in readings)
    context: set[str] = set()
    if city_run:
        for options in readings:
            cities = [p for p in options if p.kind != "Province"]
            if len(cities) == 1 and cities[0].province:
                context.add(cities[0].province)
        if not context:
            context = {a for pid in area.places for a in (pid, *ancestors(pid))}
    for i, options in enumerate(readings):
        provinces = [p for p in options if p.kind == "Province"]
        cities = [p for p in options if p.kind != "Province"]
        near = [p for p in cities if p.province in context]
        place = (
            (near[0] if near else cities[0] if cities else provinces[0])
            if city_run
            else (provinces[0] if provinces else cities[0])
        )
        yield Hit(offset + i, offset + i + 1, place, "abbreviation")
