"""Matching: the gazetteer pass over a sentence, then abbreviations and suffix patterns."""

from __future__ import annotations

import re

from plangraph import model

from .abbreviations import abbreviation_hits, initial_runs
from .context import ends_a_weak_city, short_forms
from .everyday import common_words as everyday_common_words
from .everyday import (
    ends_in_everyday_word,
    everyday_words,
    is_function_char,
    plain_words,
)
from .framing import footer_lines, framed_out, inside_a_word, issuing_areas, managed_zone, section
from .known import (
    components,
    prefix_place,
    prefixed,
    region_alias,
    river_after_a_prefix,
    urban_areas,
)
from .lexicon import Lexicon, load_lexicon
from .lists import listed_among_places, listed_names, listed_siblings
from .local import listed_short_towns, listed_towns, local_names, own_area, own_towns
from .reading import read_as_place
from .regions import (
    along,
    anchored_zones,
    belts,
    divided_parts,
    estuaries,
    greater_areas,
    initiatives_as_areas,
    pilot_zones,
    quoted_before_head,
    river_zones,
)
from .resolve import NO_AREA, Area, best
from .roads import named_roads
from .stems import MOUNTAIN_CONTEXT
from .suffixes import pattern_hits
from .tokens import (
    INNER_SPACE,
    Hit,
    Token,
    book_titles,
    boundary_before,
    inner_space_at,
    is_generic,
    is_han,
    listed,
)
from .towns import towns_as_tokens, villages_and_towns
from .words import (
    ABOVE_COUNTY_KINDS,
    ADMIN_KINDS,
    COMMON_WORD_NAMES,
    NOT_SHORT_NAMES,
    SIMPLE_SUFFIXES,
    SUFFIXES,
    TRANSLATE,
)


def find_places(
    text: str, own_region: frozenset[str] = frozenset(), area: Area = NO_AREA
) -> tuple[list[Hit], list[Hit]]:
    """Places named in one sentence: ``(hits, parts)``.  A known name that a space breaks
    (a PDF's 粤港澳大湾 区) is read whole; a space elsewhere separates (the fields of a page's
    header: 发布机构 高昌区政府办公室 公开日期)."""
    hits, parts = _find_places(text, own_region, area)
    if not INNER_SPACE.search(text):
        return hits, parts
    kept = [i for i in range(len(text)) if not inner_space_at(text, i)]
    joined, _ = _find_places("".join(text[i] for i in kept), own_region, area)
    whole = [
        Hit(kept[h.start], kept[h.end - 1] + 1, h.place, h.how)
        for h in joined
        if h.place.source == "gazetteer" and kept[h.end - 1] - kept[h.start] >= h.end - h.start
    ]
    if not whole:
        return hits, parts
    hits = [h for h in hits if not any(h.start < w.end and w.start < h.end for w in whole)]
    return sorted([*hits, *whole], key=lambda h: (h.start, -h.end)), parts


def _find_places(
    text: str, own_region: frozenset[str] = frozenset(), area: Area = NO_AREA
) -> tuple[list[Hit], list[Hit]]:
    """Places named in one sentence: ``(hits, parts)``.

    ``parts`` are places named by a prefix of a longer gazetteer name (天津 in 天津港, 长江
    in 长江口); callers keep them only where the plan names that place on its own too.
    ``own_region`` holds the names of the plan's region: a region named so (京津冀 in its
    own plan) is a hit of its own (``how`` "own"), read whatever surrounds it; an
    administrative area (山东省, 巴中市) is read like any division.  ``area`` is the plan's area as
    places: it decides between same-named divisions (朝阳区) and lets the short names of its
    own divisions (南江 in 巴中) stand alone.
    """
    lex = load_lexicon()
    norm = text.translate(TRANSLATE)
    n = len(norm)
    titles = book_titles(norm)
    issuing_areas(norm, titles, lex)
    covered = bytearray(n)
    tokens: list[Token] = []
    hits: list[Hit] = []
    parts: list[Hit] = []

    for m in _SLOGAN.finditer(norm):  # 清江清河清湖: one verb before each kind of water
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for a, b, spelled in initial_runs(norm, lex):  # 成德绵眉乐雅广西攀
        covered[a:b] = b"\x01" * (b - a)
        hits.extend(h for h in spelled if not titles[h.start])
    hits.extend(listed_towns(norm, covered, titles, lex))  # 鲇鱼山镇、丽阳镇、荷塘乡
    hits.extend(listed_short_towns(norm, covered, titles, lex, area))  # 沿浦、宜山、莒溪
    hits.extend(own_area(norm, covered, lex, area))  # 肥城市 in its own plan
    for a, b, belt in (*along(text, norm), *belts(text, norm), *divided_parts(text, norm)):
        if not any(covered[a:b]) and not titles[a]:
            covered[a:b] = b"\x01" * (b - a)
            hits.append(Hit(a, b, belt, "pattern"))
    for a, b, zone, division in pilot_zones(text, norm, lex):  # 中国(上海)自由贸易试验区
        if not any(covered[a:b]) and not titles[a]:
            covered[a:b] = b"\x01" * (b - a)
            hits.extend((Hit(a, b, zone, "pattern"), division))
    for a, b, bay in greater_areas(text, norm, lex):  # 大汕头湾区, 环珠江口湾区
        if not any(covered[a:b]) and not titles[a]:
            covered[a:b] = b"\x01" * (b - a)
            hits.append(Hit(a, b, bay, "pattern"))
            hits.extend(components(norm[a:b], a, bay, lex))
    for a, b, quoted in quoted_before_head(norm, lex):  # “呼包鄂榆”城市群
        if not any(covered[a:b]) and not titles[a]:
            covered[a:b] = b"\x01" * (b - a)
            hits.append(Hit(a, b, quoted, "gazetteer"))
    weak: dict[int, Hit] = {}  # bare common-word names, kept only as owners of a longer name
    previous: model.Place | None = None
    previous_end = -1
    for start, end, word in lex.names.finditer(norm):
        if covered[start]:
            continue
        place: model.Place | None = None
        candidates = None if word in lex.weak else lex.places.get(word)
        adjacent = previous if previous_end == start else None
        if candidates is None and word in lex.regions and word not in lex.places:
            # 黄河流域生态保护和高质量发展, 京津冀三地, 长江中游地区: a region's other name
            size, region_place = region_alias(word, lex)
            covered[start:end] = b"\x01" * (end - start)
            tokens.append(Token(start, start + size, word[:size], region_place))
            previous, previous_end = region_place, start + size
            if not titles[start]:
                # "region": a region's other name, which writes no label of the place
                how = "own" if word in own_region or word[:size] in own_region else "region"
                hits.append(Hit(start, start + size, region_place, how))
            continue
        if candidates is None and _generic_after_a_name(norm, start, word, lex, covered):
            continue  # 通江河, 南江河: not the generic 江河
        if candidates is None and word.endswith("河流") and norm.startswith("域", end):
            continue  # 潇河流域: a river's basin, not the generic 河流
        if (
            candidates is None
            and word[0] == "山"
            and start > 0
            and is_han(norm[start - 1])
            and norm.startswith(MOUNTAIN_CONTEXT, start + 1)
        ):
            continue  # 洪涛山水源涵养林: the mountain's water sources, not 山水
        if candidates is None and ends_a_weak_city(norm, start, word, covered, lex):
            start, word = start - 1, norm[start - 1 : end]  # 韩城市: not 韩 + 城市
            candidates = lex.places[word]
        if candidates is None and _head_after_a_name(norm, start, word, covered, lex):
            continue  # 泰沂山区: the mountain area of 泰山 and 沂山, not a 山区 of the plan
        if candidates is None and _starts_a_longer_head(norm, start, word):
            continue  # 太原城市群: 城市 starts the head 城市群, read by the patterns
        if candidates is None and any(
            start >= k and norm[start - k : end] in SUFFIXES for k in (1, 2)
        ):
            continue  # 峡谷 in 晋陕大峡谷: the end of a longer head, read by the patterns
        if candidates and _overlaps_a_word_and_a_name(norm, start, word, lex):
            continue  # 美丽江北: 美丽 and the district 江北, not 丽江
        if candidates and _split_by_a_conjunction(norm, start, end, word, adjacent, lex):
            continue  # 协调发展和县乡村: 和 + 县乡, not the county 和县
        if candidates and _alias_inside_a_phrase(norm, start, word, candidates, covered):
            continue  # 城乡一体化示范区: a kind of zone, not the short name of 长三角's
        if candidates and inside_a_word(norm, start, word, candidates):
            # 维修水闸: 修水 (the 修河) is read out of the verb 维修; its characters name
            # nothing for the patterns either (no 维修水闸)
            covered[start:end] = b"\x01" * (end - start)
            continue
        own = bool(candidates) and word in own_region
        if own and candidates and not any(p.kind in ADMIN_KINDS for p in candidates):
            place = best(candidates, word)  # the plan's own region, named: 京津冀 in its plan
        elif candidates:
            own = False
            place = read_as_place(norm, start, end, word, candidates, covered, adjacent, area)
            if place is None and word not in lex.generic:
                continue
            # a rejected name that is also a generic word (欧洲 in 申请欧洲投资银行) still
            # shields its characters from the suffix patterns
        covered[start:end] = b"\x01" * (end - start)
        tokens.append(Token(start, end, word, place))
        previous, previous_end = place, end
        if place is None or titles[start]:
            continue
        river = river_after_a_prefix(norm, start, word, place, lex)  # 大黑河: not the city
        renamed, replaces = prefixed(norm, start, end, word, river, covered, titles, lex)
        hits.extend(renamed)
        if replaces:
            continue  # 东辽河 is another river than 辽河, 大辽河口 is not 辽河口
        hit = Hit(start, end, place, "own" if own else "gazetteer")
        owned = adjacent is not None and adjacent.kind in ABOVE_COUNTY_KINDS  # 海南东方
        everyday = word in COMMON_WORD_NAMES or _everyday_short_name(word, place)
        if everyday and not owned and not listed(norm, start, end):
            weak[start] = hit
            continue
        hits.append(hit)
        hits.extend(components(word, start, place, lex))
        part = prefix_place(word, start, place, lex)
        if part is not None:
            parts.append(part)

    in_context = short_forms(norm, covered, titles, tokens, lex, area)
    for token in in_context:
        if token.place is not None:
            covered[token.start : token.end] = b"\x01" * (token.end - token.start)
            hits.append(Hit(token.start, token.end, token.place, "context"))
    tokens = sorted([*tokens, *in_context], key=lambda t: t.start)

    short = list(abbreviation_hits(norm, covered, titles, lex, area))
    hits.extend(short)
    runs: dict[int, int] = {}  # end -> start of a run of abbreviations (川渝)
    for hit in sorted(short, key=lambda h: h.start):
        runs[hit.end] = runs.pop(hit.start, hit.start)
    towns = villages_and_towns(norm, covered, titles, lex, area)  # 梧林村、塘东村; 洪濑镇, 东海街道
    hits.extend(towns)
    tokens = sorted([*tokens, *towns_as_tokens(norm, towns)], key=lambda t: t.start)
    used: set[int] = set()  # starts of tokens a pattern name was built on
    demoted: set[int] = set()  # starts of tokens that only modify a generic head (白山水库)
    hits.extend(
        pattern_hits(
            *(text, norm, covered, titles, tokens, lex, own_region, runs, used, demoted, area)
        )
    )
    hits.extend(listed_names(text, norm, covered, titles, lex))  # 晋祠、兰村等岩溶大泉
    hits.extend(listed_siblings(text, norm, covered, titles, tokens, lex))  # 洱海、程海、阳宗海
    hits.extend(anchored_zones(text, norm, tokens, covered, titles))  # 山东半岛蓝色经济区
    hits.extend(named_roads(text, norm, covered, titles, lex))  # 新建西环路, 新安大道一期
    hits.extend(listed_among_places(text, norm, covered, titles, hits, lex))  # 小平岛、星海湾
    hits.extend(local_names(text, norm, covered, titles, tokens, lex))  # 阳江闸坡, 珠海淇澳
    hits.extend(own_towns(norm, covered, titles, area, lex))  # 曾口新能源新材料产业园
    hits.extend(hit for at, hit in weak.items() if at in used and at not in demoted)
    if demoted:
        parts.extend(h for h in hits if _demotable(h) and h.start in demoted)
        hits = [h for h in hits if not (_demotable(h) and h.start in demoted)]
    hits = initiatives_as_areas(norm, hits)
    zones = list(river_zones(text, norm, tokens, covered, titles))
    if zones:
        rivers = {z.start for z in zones}
        named = [h for h in hits if h.start in rivers and h.how in ("gazetteer", "own")]
        parts.extend(named)
        hits = [h for h in hits if h not in named] + zones
    hits = list(estuaries(text, norm, hits, parts, covered, titles, lex))
    hits = list(urban_areas(text, norm, hits, parts, covered, titles))
    hits = [h for h in hits if not framed_out(norm, h, area.holds(h.place))]
    for a, b in footer_lines(norm):  # 版权归某某(北京)文化传播有限公司, 某某市某某路 2188号
        hits = [h for h in hits if not (a <= h.start and h.end <= b)]
        parts = [h for h in parts if not (a <= h.start and h.end <= b)]
    hits = [managed_zone(text, norm, section(text, norm, h)) for h in hits]
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits, parts


def _overlaps_a_word_and_a_name(norm: str, start: int, word: str, lex: Lexicon) -> bool:
    """A two-character name whose first character ends an everyday word and whose second
    starts another name: 美丽江北 is 美丽 + 江北 (the plan's district), not 丽江."""
    pair = norm[start - 1 : start + 1]
    if (
        len(word) != 2
        or start == 0
        or not (pair in everyday_words() or pair in everyday_common_words())
    ):
        return False
    return any(
        (other := norm[start + 1 : start + 1 + k]) in lex.places or other in lex.short_names
        for k in (2, 3)
    )


def _split_by_a_conjunction(
    norm: str, start: int, end: int, word: str, adjacent: model.Place | None, lex: Lexicon
) -> bool:
    """A two-character division whose first character is a conjunction or a preposition
    and whose level character starts a word with what follows (和县 in 发展和县乡村, 和县城,
    与县域): the conjunction and that word, unless the division's city is named right
    before it (马鞍山和县)."""
    return (
        len(word) == 2
        and word[1] in "县区市旗"
        and start > 0
        and is_han(norm[start - 1])
        and is_function_char(word[0])
        and (adjacent is None or adjacent.kind not in ABOVE_COUNTY_KINDS)
        and any(norm[start + 1 : start + 1 + k] in everyday_common_words() for k in (2, 3))
        and not listed(norm, start, end)
    )


def _alias_inside_a_phrase(
    norm: str, start: int, word: str, places: tuple[model.Place, ...], covered: bytearray
) -> bool:
    """A short name made of the tail of a long one and opening with an everyday word
    (一体化示范区 for 长三角生态绿色一体化发展示范区) read where no name may start: 城乡一体化
    示范区 is a kind of zone."""
    return (
        len(word) >= 4
        and all(p.name[:2] != word[:2] for p in places)  # a tail of the name, not 太行山脉
        and any(word[:k] in plain_words() for k in (2, 3))
        and not boundary_before(norm, start, covered)
    )


def _everyday_short_name(word: str, place: model.Place) -> bool:
    """A county's two-character short name that jieba tags as no noun: 大兴 (大兴调查研究之风
    "vigorously promote"), read as the district in a list, before 区 or after its city only
    (北京大兴)."""
    return (
        len(word) == 2
        and word != place.name
        and place.kind == "District"
        and word in everyday_words()
    )


def _head_after_a_name(norm: str, start: int, word: str, covered: bytearray, lex: Lexicon) -> bool:
    """A generic word that is also a head (山区) right after a two-character name that
    starts where a name may start: 泰沂山区 (not 贫困山区, 推进山区)."""
    if word not in SUFFIXES or start < 2 or word in SIMPLE_SUFFIXES:
        return False
    stem = norm[start - 2 : start]
    return (
        all(is_han(c) and not covered[start - 2 + i] for i, c in enumerate(stem))
        and boundary_before(norm, start - 2, covered)
        and not boundary_before(norm, start - 1, covered)
        and stem not in lex.generic
        and not is_generic(stem)
        and stem not in everyday_common_words()
        and not ends_in_everyday_word(stem)
    )


_LONGER_HEADS: dict[str, tuple[str, ...]] = {}


def _starts_a_longer_head(norm: str, start: int, word: str) -> bool:
    """A generic word that starts a longer generic head found here (城市 in 城市群)."""
    heads = _LONGER_HEADS.get(word)
    if heads is None:
        heads = tuple(s for s in SUFFIXES if len(s) > len(word) and s.startswith(word))
        _LONGER_HEADS[word] = heads
    return bool(heads) and norm.startswith(heads, start)


# a campaign's slogan: the same verb before each kind of water (清江清河清湖, 治河治湖)
_SLOGAN = re.compile("([\u4e00-\u9fff])[江河湖海溪渠库](?:\\1[江河湖海溪渠库])+")


def _demotable(hit: Hit) -> bool:
    """A gazetteer name or a part of a province (鲁南) may be only the modifier of a longer
    name (鲁南经济圈)."""
    return hit.how in ("gazetteer", "own") or (
        hit.how == "abbreviation" and hit.place.kind == "Area"
    )


def _generic_after_a_name(
    norm: str, start: int, word: str, lex: Lexicon, covered: bytearray
) -> bool:
    """A generic word that starts with a generic head (江河, 山区) read across the end of an
    unknown name: 通江河 is a river, not 通 + 江河."""
    return (
        word in lex.generic
        and word[0] in SIMPLE_SUFFIXES
        and start > 0
        and is_han(norm[start - 1])
        and not boundary_before(norm, start, covered)
        and (
            any(  # the characters before and the head make a known name: 通江, 南江
                norm[a : start + 1] in lex.places for a in (start - 1, start - 2) if a >= 0
            )
            or (  # a river in a list of rivers: 黄江河 in 石马河、黄江河、榕江
                norm[start - 1] not in NOT_SHORT_NAMES
                and boundary_before(norm, start - 1, covered)
                and listed(norm, start - 1, start + len(word))
            )
        )
    )
