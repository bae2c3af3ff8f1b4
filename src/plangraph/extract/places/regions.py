"""Regions named by their form: the belts and zones of the national pattern (南方丘陵山地带,
东北黑土区), belts along a coast or a river (沿海经济带), greater areas (大汕头湾区,
环珠江口湾区), groups quoted before their head (“呼包鄂榆”城市群), zones named by their
river (黄河重点生态区), strategic zones named by a region or a water and their purpose
(山东半岛蓝色经济区), initiatives named like a region (一带一路沿线), and the mouths and
basins of waters (沂河口, 嘉陵江流域), the reaches of rivers (长江上游), and the
physiographic parts a plan divides its area into (成都平原区、盆周山地区、川西北高原区…六大区域)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangraph import model

from .lexicon import Lexicon
from .minted import named_place
from .resolve import best
from .tokens import Hit, Token, boundary_before, is_generic, is_han
from .words import (
    BELT_DIRECTIONS,
    BELT_HEADS,
    BELT_TERRAINS,
    CLOSING_QUOTES,
    GREATER_HEADS,
    GREATER_KNOWN_HEADS,
    GROUP_HEADS,
    INITIATIVE_AREAS,
    INITIATIVE_JOINERS,
    INITIATIVE_NAMES,
    NOT_ESTUARY_NEXT,
    REACHES,
    RIVER_ZONE_HEADS,
    WATER_PARTS,
    ZONE_HEADS,
)

#: The landforms that name the parts of a province or a city: 成都平原区, 盆周山地区, 盆地丘陵区,
#: 川西北高原区, 川西高山峡谷区, 川西南山地区.
_TERRAIN = "平原|山地|丘陵|高原|峡谷|盆地|河谷|台地|山原|岗地|丘陵山地|低山丘陵"
#: A part named by a direction only (北部平原区, 中部丘陵区) is a description, no name.
_DIRECTION_ONLY = re.compile(r"(?:[东西南北中]部|[东西南北中]{1,2})(?:(?:低山)?丘陵|[^区]{2})区$")
_PART = rf"[\u4e00-\u9fff]{{1,6}}?(?:{_TERRAIN})区"
_PARTS = re.compile(rf"{_PART}(?:[、和及与]{_PART}){{2,}}")
#: What introduces the division (全省分为…) or closes it (…六大区域, …等五个分区).
_DIVIDED = re.compile(r"(?:划分为|分为|划为|分成|包括)$")
_CLOSED = re.compile(
    r"(?:等)?(?:[二三四五六七八九十两\d]+(?:大|个))?(?:区域|片区|分区|类型区|生态区|自然区)"
)
_ITEM_SEPARATORS = re.compile(r"[、和及与]")


def divided_parts(text: str, norm: str) -> Iterator[tuple[int, int, model.Place]]:
    """The parts a plan divides its area into by their landform, in a list of three or more
    that a division word opens or a count of areas closes: 将全省分为成都平原区、盆周山地区、
    盆地丘陵区、川西北高原区、川西高山峡谷区和川西南山地区六大区域."""
    for m in _PARTS.finditer(norm):
        start = m.start()
        opener = max(
            (o.end() for o in re.finditer(r"划分为|分为|划为|分成|包括", m.group())), default=0
        )
        body_start = start + opener if opener and opener < len(m.group()) else start
        opened = bool(_DIVIDED.search(norm, max(0, body_start - 3), body_start))
        if not opened and not _CLOSED.match(norm, m.end()):
            continue
        at = body_start
        for item in _ITEM_SEPARATORS.split(norm[body_start : m.end()]):
            if len(item) >= 3 and re.fullmatch(_PART, item) and not _DIRECTION_ONLY.fullmatch(item):
                yield at, at + len(item), named_place(text[at : at + len(item)], "Area", None)
            at += len(item) + 1


#: A pilot free trade zone, named by its province in brackets: 中国(上海)自由贸易试验区.
_PILOT_ZONE = re.compile(r"中国[(（]([\u4e00-\u9fff]{2,8})[)）](?:自由贸易试验区|自贸试验区)")


def pilot_zones(text: str, norm: str, lex: Lexicon) -> Iterator[tuple[int, int, model.Place, Hit]]:
    """A pilot free trade zone named by the division in its brackets, with that division:
    中国(上海)自由贸易试验区 (and 上海)."""
    for m in _PILOT_ZONE.finditer(norm):
        known = [p for p in lex.places.get(m.group(1), ()) if p.kind in ("Province", "City")]
        if not known:
            continue
        province = known[0].id if known[0].kind == "Province" else known[0].province
        zone = named_place(text[m.start() : m.end()], "DevelopmentZone", province)
        yield m.start(), m.end(), zone, Hit(m.start(1), m.end(1), known[0], "gazetteer")


def initiatives_as_areas(norm: str, hits: list[Hit]) -> list[Hit]:
    """An initiative's name (一带一路) names a place only before an area word or joined to
    another place: 一带一路沿线国家, “一带一路”和东北亚; not 共建绿色“一带一路”, nor joined to
    another initiative's route (“一带一路”和西部陆海新通道建设)."""
    starts = {h.start: h for h in hits}
    kept: list[Hit] = []
    for hit in hits:
        if norm[hit.start : hit.end] not in INITIATIVE_NAMES:
            kept.append(hit)
            continue
        after = hit.end + (norm[hit.end : hit.end + 1] in CLOSING_QUOTES)
        if norm.startswith(INITIATIVE_AREAS, after) or (
            norm[after : after + 1] in INITIATIVE_JOINERS
            and after + 1 in starts
            and starts[after + 1].place.kind != "Corridor"
        ):
            kept.append(hit)
    return kept


def river_zones(
    text: str, norm: str, tokens: list[Token], covered: bytearray, titles: bytearray
) -> Iterator[Hit]:
    """A key ecological zone named by its river (黄河重点生态区); the river is its part."""
    for token in tokens:
        place, end = token.place, token.end
        if place is None or place.kind != "River" or titles[token.start]:
            continue
        for head in RIVER_ZONE_HEADS:
            stop = end + len(head)
            if norm.startswith(head, end) and not any(covered[end:stop]):
                covered[end:stop] = b"\x01" * len(head)
                zone = named_place(text[token.start : stop], "Area", place.province)
                yield Hit(token.start, stop, zone, "pattern")


# the belts along the coast, a river or the border that provincial plans name as regions
_ALONG = re.compile("沿(?:海|江|黄|边|淮)(?:经济带|城市带)")


def along(text: str, norm: str) -> Iterator[tuple[int, int, model.Place]]:
    """沿海经济带, 沿黄城市带: the belt of the plan's own area along its coast or river."""
    for m in _ALONG.finditer(norm):
        yield m.start(), m.end(), named_place(text[m.start() : m.end()], "Area", None)


_GREATER = re.compile(
    "[大环]([\u4e00-\u9fff]{{2,4}}?)(?:{})".format("|".join(sorted(GREATER_HEADS)))
)


_GREATER_KNOWN = re.compile(
    "大([\u4e00-\u9fff]{{2,4}}?)(?:{})".format(
        "|".join(sorted(GREATER_KNOWN_HEADS, key=len, reverse=True))
    )
)


def greater_areas(text: str, norm: str, lex: Lexicon) -> Iterator[tuple[int, int, model.Place]]:
    """The areas named by 大 (the greater …) or 环 (around …), a name and their head:
    大汕头湾区, 大广海湾区, 环珠江口湾区 (not 大湾区 or 美丽湾区: the name is two characters
    or more, made of no generic word, and starts where a name may start); and the greater
    city or area by a known name and a region's head: 大南昌都市圈, 大湘西地区 (not
    大部分地区, nor 大兴安岭地区 or 大同城市群, whose names start with 大)."""
    for m in _GREATER.finditer(norm):
        body = m.group(1)
        if (
            body in lex.generic
            or is_generic(body)
            or any(not is_han(c) for c in body)
            or (m.start() > 0 and not boundary_before(norm, m.start(), bytearray(len(norm))))
        ):
            continue
        yield m.start(), m.end(), named_place(text[m.start() : m.end()], "Area", None)
    for m in _GREATER_KNOWN.finditer(norm):
        body = m.group(1)
        if (
            (body not in lex.places and body not in lex.short_names)
            or any(
                "大" + body[:k] in lex.places or "大" + body[:k] in lex.short_names
                for k in range(1, len(body) + 1)
            )  # 大兴安岭地区, 大连城市群: a name that starts with 大
            or (m.start() > 0 and not boundary_before(norm, m.start(), bytearray(len(norm))))
        ):
            continue
        yield m.start(), m.end(), named_place(text[m.start() : m.end()], "Area", None)


def quoted_before_head(norm: str, lex: Lexicon) -> Iterator[tuple[int, int, model.Place]]:
    """A known name whose first part is quoted and whose head follows the quote:
    “呼包鄂榆”城市群 is 呼包鄂榆城市群."""
    for m in re.finditer(r"[“\"‘「『]([^“”\"‘’「」『』]{2,12})[”\"’」』]", norm):
        for head in GROUP_HEADS:
            if norm.startswith(head, m.end()):
                full = m.group(1) + head
                known = lex.places.get(full)
                if known:
                    yield m.start(1), m.end() + len(head), best(known, full)
                break


_BELT = re.compile(
    "(?:{})(?:{})?(?:{})".format(
        "|".join(BELT_DIRECTIONS),
        "|".join(BELT_TERRAINS),
        "|".join(sorted((*BELT_HEADS, *ZONE_HEADS), key=len, reverse=True)),
    )
)


def belts(text: str, norm: str) -> Iterator[tuple[int, int, model.Place]]:
    """The belts of the ecological security pattern and the natural zones, named by a
    direction, a terrain and their head (南方丘陵山地带, 北方防沙带, 东北黑土区): words that
    are generic elsewhere make them."""
    for m in _BELT.finditer(norm):
        yield m.start(), m.end(), named_place(text[m.start() : m.end()], "Area", None)


def estuaries(
    text: str,
    norm: str,
    hits: list[Hit],
    parts: list[Hit],
    covered: bytearray,
    titles: bytearray,
    lex: Lexicon,
) -> Iterator[Hit]:
    """A river's name right before 口 names its mouth, a river's or a lake's name before 流域
    its basin: 沂河口, 新洋河口, 嘉陵江流域, 呼伦湖流域 (the river is a part of the name, as
    长江 of 长江口), but 黑河口岸 is a port of entry."""
    starts = {h.start for h in hits}
    for hit in hits:
        end = hit.end
        head = next((h for h in WATER_PARTS if norm.startswith(h, end)), None)
        if (
            head is None
            or hit.place.kind not in WATER_PARTS[head][1]
            or hit.how not in ("gazetteer", "own", "pattern")
            or (head == "口" and norm[end + 1 : end + 2] in NOT_ESTUARY_NEXT)
            or end in starts
            or covered[end]  # 大辽河口: the known mouth 辽河口 was read as the river 大辽河
            or titles[hit.start]
        ):
            yield hit
            continue
        kind = WATER_PARTS[head][0]
        stop = end + len(head)
        name = norm[hit.start : stop]
        known = [p for p in lex.places.get(name, ()) if p.kind == kind]
        whole = known[0] if known else named_place(text[hit.start : stop], kind, hit.place.province)
        if head in REACHES:
            yield hit  # 长江上游生态屏障 names the river too
        else:
            parts.append(hit)
        yield Hit(hit.start, stop, whole, "gazetteer" if known else "pattern")


# the heads of the strategic zones that national and provincial plans name after a region, a
# peninsula, a delta or a water and what the zone is for: 山东半岛蓝色经济区,
# 黄河三角洲高效生态经济区, 新安江—千岛湖生态补偿试验区
ANCHORED_ZONE_HEADS = ("经济区", "经济带", "示范区", "试验区", "城市群")
# the places such a zone is named after: no division (a county's 生态文明建设示范区 is an honour
# it earns, a kind of zone), no zone
_ANCHOR_KINDS = frozenset(
    {"Area", "River", "Lake", "Bay", "Sea", "Estuary", "Coast", "Island", "Mountain", "Basin"}
)
# what opens a grade or a kind, not the purpose of a named zone (国家级示范区, 重点经济区)
_GRADES = ("国家", "国际", "省级", "市级", "县级", "重点", "全国", "综合")
_ZONE_AFTER_ANCHOR = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)({'|'.join(ANCHORED_ZONE_HEADS)})")


def anchored_zones(
    text: str, norm: str, tokens: list[Token], covered: bytearray, titles: bytearray
) -> Iterator[Hit]:
    """A strategic zone named by a region or a water and its purpose (山东半岛 + 蓝色 +
    经济区); a pair of waters joined by a dash names one (新安江—千岛湖 + 生态补偿 + 试验区).
    The region or water stays a place of its own."""
    ends = {t.end: t for t in tokens if t.place is not None}
    for token in tokens:
        place = token.place
        if place is None or place.kind not in _ANCHOR_KINDS or titles[token.start]:
            continue
        if token.word.endswith((*ANCHORED_ZONE_HEADS, "经济圈")):
            continue  # 长江经济带绿色发展示范区: a title a belt's cities earn, no zone of its own
        if token.word[-1] in "东西南北中":
            continue  # 川东北新型工业示范区: a role a county of that part claims (“四区”)
        m = _ZONE_AFTER_ANCHOR.match(norm, token.end)
        if m is None or any(covered[token.end : m.end()]):
            continue
        purpose = m.group(1)
        if purpose.startswith(_GRADES) or any(c in "的和与及、" for c in purpose):
            continue
        start = token.start
        joined = ends.get(start - 1)
        if start > 0 and norm[start - 1] == "—" and joined is not None:
            start = joined.start  # 新安江—千岛湖: the zone spans both waters
        covered[token.end : m.end()] = b"\x01" * (m.end() - token.end)
        zone = named_place(text[start : m.end()], "Area", place.province)
        yield Hit(start, m.end(), zone, "pattern")
