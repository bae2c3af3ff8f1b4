"""Place mentions: every administrative division, the curated gazetteer, abbreviations and
proper names found by their generic head.

The package follows its concerns:

- the dataset: :mod:`plangraph.extract.gazetteer` loads ``data/divisions.tsv`` (every
  province, prefecture and county with its 民政部 code, parent and coordinates) and the
  curated ``data/gazetteer.tsv`` (rivers, lakes, mountains, parks, strategic regions,
  abbreviations), merged into one index, and ``data/towns.tsv`` (every 镇, 乡 and 街道,
  consulted only where a town's county or city is named); :mod:`.words` holds the
  vocabulary of the rules (:mod:`.abbreviation_words` that of abbreviations),
  :mod:`.everyday` the everyday words of jieba's dictionary that no name ends with
  (增强湿地, 采取泉组), and :mod:`.lexicon` compiles it all once (a
  dict-based longest-match word finder);
- matching: :mod:`.scan` reads a sentence in passes, all linear in its length: runs of city
  initials (成德绵眉乐雅广西攀), gazetteer names (full division names such as 宝山区 always,
  leftmost-longest, generic words shielding their characters), short names of divisions in
  context (:mod:`.context`: 东营利津, 利津、垦利, 宝山区域, the plan's own city's districts),
  abbreviations (:mod:`.abbreviations`: 蒙电入沪, 苏皖与鲁豫交界, 川南, 宁蒙合作 in 宁夏's
  plan, the region 呼包鄂 of 呼包鄂区域) and suffix patterns (:mod:`.suffixes`: …水库 …河
  …湿地 …国家公园 …新区 …经济圈; …镇 …村 …嘎查 right after their county; parks such as
  金桥产业园 by a proper head, not 化工产业园; 大黑河 after a size prefix; 新沂河 beside 沂河;
  parks, old towns and irrigation districts by a proper head before their kind (:mod:`.parks`:
  虹桥体育公园, 青城古镇, 都江堰灌区, not 口袋公园)),
  the mouth or basin of a known water (沂河口, 嘉陵江流域), regions named by their form
  (:mod:`.regions`: 南方丘陵山地带, 东北黑土区, 沿海经济带, 大汕头湾区), bare names in an
  enumeration that a class of feature closes (:mod:`.lists`: 晋祠、兰村、古堆等岩溶大泉),
  names built on a known name (:mod:`.known`: 东辽河 and 南雁荡山 by a prefix, the parts of
  燕山—塞罕坝国家公园, 临汾市区, 黄河流域 of 黄河流域生态保护和高质量发展), a bare name in a
  list of waters that ends like its neighbour (程海 in 洱海、程海、阳宗海), a list of one
  county's towns by their full or their short names (鲇鱼山镇、丽阳镇、荷塘乡; 沿浦、宜山、
  莒溪), and local names right after their city or county (:mod:`.local`: 阳江闸坡 is the town
  闸坡镇, 惠州考洲洋, 偏关—龙门段, and the towns of a city's own plan: 曾口 in 巴中's), towns
  and villages where no county is named (:mod:`.towns`: 洪濑镇, 东海街道, 梧林村、塘东村); the
  curated gazetteer also holds the world beyond China that national plans name (东北亚,
  西太平洋, 欧盟, 一带一路沿线), never read inside a bank's, a pest's or a monsoon's name;
  and what frames a name in the pages users save (:mod:`.framing`: the division a cited
  title names, 《江苏省…行动计划》; a news dateline, 新华社北京…电; works, 南水北调东线二期工程);
- resolution: :mod:`.resolve` chooses among same-named places (朝阳区 by the plan's area, a
  district after the city it lies in) and walks the chain of parents (district -> city ->
  province) that the graph writes as ``pg:locatedIn``; the graph keeps a division written
  after the divisions it lies in (徐州市贾汪区) as an alternative label of it.

The plan's own area, where the plan names it, is a mention like any other (issue #12), with
its quote and offsets: its own region (京津冀, 长江经济带, 黄河流域 in their own plans) is found
as ``how`` "own", its own province or city (山东省, 巴中市) as a division.  A division named
only in the title or the issuer line, which are no sentences, is named by the plan's pronoun
for it outside the tasks (结合我县实际 in 昌黎县's plan, 我区 in 广西's): ``how`` "own".
A region's other name in ``data/regions.tsv`` (黄河流域生态保护和高质量发展, 京津冀三地) names
the region it starts with (``how`` "region").  Names inside book titles 《…》 are not places
of the plan.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import plangraph.extract.gazetteer as gz
from plangraph import model
from plangraph.vocab import toned_slug

from .lexicon import Lexicon, load_lexicon
from .resolve import NO_AREA, Area, area_of, resolve_place
from .scan import find_places as scan_places
from .tokens import Hit

__all__ = [
    "Hit",
    # read by extract/agencies.py
    "_sentences",
    "extract_places",
    "find_places",
    "own_region_names",
    "resolve_place",
]

# ------------------------------------------------------------------------- sentences

# the places of a sentence by (text, own region, area): the scan is a pure function of them
# and of the lexicon, and plans repeat sentences (the plans of one region, reposts, the
# generated corpora: 44 % of the calls on 100 generated plans); bounded, sentences only
FOUND_AT_MOST = 1 << 16
MEMO_LONGEST = 1000  # characters: a whole plan's text (a table's areas) is scanned, not kept
_found: dict[tuple[str, frozenset[str], Area], tuple[tuple[Hit, ...], tuple[Hit, ...]]] = {}
_found_with: list[Lexicon] = []  # the lexicon the memo was made with


def find_places(
    text: str, own_region: frozenset[str] = frozenset(), area: Area = NO_AREA
) -> tuple[list[Hit], list[Hit]]:
    """:func:`.scan.find_places`, remembered: the same hits and parts, as new lists."""
    if len(text) > MEMO_LONGEST:
        return scan_places(text, own_region, area)
    lex = load_lexicon()
    if not _found_with or _found_with[0] is not lex:
        _found.clear()
        _found_with[:] = [lex]
    key = (text, own_region, area)
    found = _found.get(key)
    if found is None:
        if len(_found) >= FOUND_AT_MOST:
            _found.clear()
        hits, parts = scan_places(text, own_region, area)
        found = _found[key] = (tuple(hits), tuple(parts))
    return list(found[0]), list(found[1])


# ------------------------------------------------------------------------- plans


def _sentences(plan: model.Plan) -> Iterator[tuple[model.Owner, model.Sentence]]:
    if plan.preface:
        for s in plan.preface.sentences:
            yield model.Owner("preface"), s
    if plan.preamble:
        for s in plan.preamble.sentences:
            yield model.Owner("preamble"), s
    for section in plan.sections:
        for s in section.sentences:
            yield model.Owner("section", str(section.ordinal)), s
        for task in section.tasks:
            for s in task.sentences:
                yield model.Owner("task", task.key), s
    if plan.closing:
        for s in plan.closing.sentences:
            yield model.Owner("closing"), s


def own_region_names(plan: model.Plan) -> frozenset[str]:
    """The names that denote the plan's own region (never a place of the plan)."""
    region = gz.region_named(plan.region)
    names = {plan.region.strip()}
    if region is not None:
        names.update(gz.region_names(region))
    return frozenset(n for n in names if n)


# the plan's own division by a pronoun and its level: 我县, 本市, 全区 (广西's 我区)
_DEICTIC = re.compile("(?:我|本|全)(自治区|省|市|县|区|州|盟|旗)(?![场域间别块段])")
_FRAMING_OWNERS = ("preface", "preamble", "closing")


def _own_division(region: str) -> model.Place | None:
    """The division the plan's area is, where the area is one (昌黎县, 广西壮族自治区)."""
    place = resolve_place(region) if region.strip() else None
    if place is None or place.code is None or place.kind not in model.DIVISION_KINDS:
        return None
    return place


def _first_deictic(plan: model.Plan, place: model.Place) -> model.Mention | None:
    """The plan's own division named only in its title or its issuer line (昌黎县碧水保卫战
    三年行动计划) is still named by the plan: the first 我县, 本县 or 全县 outside the tasks
    (结合我县实际) that matches the division's level word is its mention."""
    level = next(
        (
            w
            for w in ("自治区", "省", "市", "县", "区", "州", "盟", "旗")
            if plan.region.endswith(w)
        ),
        None,
    )
    if level is None:
        return None
    for owner, sentence in _sentences(plan):
        if owner.kind not in _FRAMING_OWNERS:
            continue
        for m in _DEICTIC.finditer(sentence.text):
            if m.group(1) != level and not (level == "自治区" and m.group(1) == "区"):
                continue
            start, end = sentence.start + m.start(), sentence.start + m.end()
            quote = model.Quote(sentence.index, start, end, plan.text[start:end])
            return model.Mention(plan.id, owner, place.id, quote, "own")
    return None


def extract_places(
    plan: model.Plan,
) -> tuple[tuple[model.Place, ...], tuple[model.Mention, ...]]:
    """The places a plan names (in order of first mention) and one Mention per occurrence."""
    own = own_region_names(plan)
    area = area_of(plan.region)
    mentions: list[model.Mention] = []
    pending: list[model.Mention] = []
    found: dict[str, model.Place] = {}
    renamed: dict[str, model.Place] = {}  # names found by a rule whose slug was taken
    for owner, sentence in _sentences(plan):
        hits, parts = find_places(sentence.text, own, area)
        for hit, bucket in [(h, mentions) for h in hits] + [(h, pending) for h in parts]:
            place = renamed.get(hit.place.name, hit.place)
            taken = found.get(place.id)
            if taken is not None and taken.name != place.name and place.source == "pattern":
                # 芦溪河 and 鹿溪河 share the toneless slug luxihe: the later one takes tones
                place = dataclasses.replace(place, id=toned_slug(place.name))
                renamed[place.name] = place
            start = sentence.start + hit.start
            end = sentence.start + hit.end
            quote = model.Quote(sentence.index, start, end, plan.text[start:end])
            bucket.append(model.Mention(plan.id, owner, place.id, quote, hit.how))
            if bucket is mentions:
                found.setdefault(place.id, place)
    own_area = _own_division(plan.region)
    if own_area is not None and own_area.id not in found:
        deictic = _first_deictic(plan, own_area)
        if deictic is not None:
            mentions.append(deictic)
            found[own_area.id] = own_area
    named = set(found)
    mentions.extend(m for m in pending if m.target in named)
    mentions.sort(key=lambda m: (m.quote.sentence, m.quote.start, -m.quote.end, m.target))
    unique: list[model.Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in mentions:
        key = (m.quote.start, m.quote.end, m.target)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return tuple(found.values()), tuple(unique)
