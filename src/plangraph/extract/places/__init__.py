"""Place mentions: gazetteer names, abbreviations and proper names found by their suffix.

Each sentence is read in three passes, all linear in its length:

1. **Gazetteer.**  One compiled trie-shaped regular expression holds every gazetteer name
   and alias, every region name and a list of generic words that contain place-like
   characters (河湖, 港口, 山水, 湾区 …).  Matches are leftmost-longest and never overlap,
   so 深圳河北岸 reads 深圳河 + 北岸, and a generic word shields its characters.  Region
   names (京津冀, 大湾区 …) are not places and are skipped.  Names that are compounds
   (燕山—塞罕坝国家公园, 黄山(牯牛降)国家公园, 珠江—西江经济带) also name their parts.
2. **Abbreviations.**  Runs of one-character province or city abbreviations: X电入Y
   (蒙电入沪, 陕电蒙电入皖), runs followed by a cue (苏皖与鲁豫交界, 深港跨界 …) and a set
   of established groupings (京津, 港澳, 珠中江 …).
3. **Suffix patterns.**  A name the gazetteer lacks is taken from the characters before a
   generic head (…水库 …河 …湖 …湾 …港 …山 …岛 …新区 …湿地 …国家公园 …) when they form a
   plausible proper name: 2–6 Han characters after the last verb or function word, none
   of them a generic modifier (重点, 美丽, 跨界, 城市 …), and not ending in a numeral
   (一江两湖, 九省区).  A compound of one-character heads (幕阜山—九岭山) names each part;
   a zone keeps a leading run of abbreviations or a city (川渝高竹新区, 石首麋鹿国家级自然
   保护区); a county may follow a listed administrative place (万州、涪陵、忠县).

Runs of strong province abbreviations (湘赣鄂, 晋豫) name provinces without a cue, and a
province abbreviation with a direction (川南, 陕北, 渝东北) names a part of the province.

Names inside book titles 《…》 are not places of the plan.
"""

from __future__ import annotations

from collections.abc import Iterator

import plangraph.extract.gazetteer as gz
from plangraph import model

from .lexicon import trie_pattern as _trie_pattern
from .resolve import area_of, resolve_place
from .scan import find_places
from .tokens import Hit

__all__ = [
    "Hit",
    # read by extract/agencies.py
    "_sentences",
    "_trie_pattern",
    "extract_places",
    "find_places",
    "own_region_names",
    "resolve_place",
]

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


def extract_places(
    plan: model.Plan,
) -> tuple[tuple[model.Place, ...], tuple[model.Mention, ...]]:
    """The places a plan names (in order of first mention) and one Mention per occurrence."""
    own = own_region_names(plan)
    area = area_of(plan.region)
    mentions: list[model.Mention] = []
    pending: list[model.Mention] = []
    found: dict[str, model.Place] = {}
    for owner, sentence in _sentences(plan):
        hits, parts = find_places(sentence.text, own, area)
        for hit, bucket in [(h, mentions) for h in hits] + [(h, pending) for h in parts]:
            start = sentence.start + hit.start
            end = sentence.start + hit.end
            quote = model.Quote(sentence.index, start, end, plan.text[start:end])
            bucket.append(model.Mention(plan.id, owner, hit.place.id, quote, hit.how))
            if bucket is mentions:
                found.setdefault(hit.place.id, hit.place)
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
