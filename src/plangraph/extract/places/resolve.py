"""Resolution: which place a name stands for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from plangraph import model
from plangraph.extract import gazetteer as gz
from plangraph.model import DIVISION_KINDS

from .lexicon import load_lexicon
from .words import ABOVE_COUNTY_KINDS, ADMIN_KINDS, TRANSLATE


def best(candidates: tuple[model.Place, ...], word: str) -> model.Place:
    """The place a bare name stands for when nothing in the context decides."""
    for place in candidates:
        if place.name == word:
            return place
    return candidates[0]


@dataclass(frozen=True, slots=True)
class Area:
    """The plan's own area as places: a city, a province, or the members of a region."""

    places: frozenset[str] = frozenset()

    def holds(self, place: model.Place) -> bool:
        """The place is the area or lies in it (through its chain of parents)."""
        return place.id in self.places or any(a in self.places for a in ancestors(place.id))

    def local(self, place: model.Place) -> bool:
        """The place is a division of a city or county area (宝山 in a Shanghai district's
        plan, 南江 in 巴中's): its short name needs no other context there."""
        return (
            place.parent is not None
            and place.parent in self.places
            and any(
                (p := gz.place_by_id(a)) is not None and p.kind != "Province" for a in self.places
            )
        )


NO_AREA = Area()


@cache
def ancestors(place_id: str) -> tuple[str, ...]:
    """The places ``place_id`` lies in, nearest first (district -> city -> province)."""
    out: list[str] = []
    place = gz.place_by_id(place_id)
    while place is not None:
        parent = place.parent or place.province
        if parent is None or parent in out or parent == place.id:
            break
        out.append(parent)
        place = gz.place_by_id(parent)
    return tuple(out)


def area_of(region: str) -> Area:
    """The places a plan's area name stands for: the place itself (巴中市, 山东省) or the
    members of a known region (京津冀)."""
    known = gz.region_named(region)
    if known is not None and known.members:
        return Area(frozenset(known.members))
    place = resolve_place(region) if region.strip() else None
    if place is not None:
        return Area(frozenset({place.id}))
    # a longer name (支持宁夏建设黄河流域): the divisions it names
    lex = load_lexicon()
    named = {
        p.id
        for _, _, word in lex.names.finditer(region.translate(TRANSLATE))
        if word not in lex.weak
        for p in lex.places.get(word, ())[:1]
        if p.kind in DIVISION_KINDS
    }
    return Area(frozenset(named))


def choose(
    candidates: tuple[model.Place, ...],
    word: str,
    after: str,
    previous: model.Place | None,
    area: Area = NO_AREA,
) -> model.Place:
    if len(candidates) == 1:
        return candidates[0]
    if previous is not None:  # 东营利津, 北京朝阳: the one that lies in the place before it
        inside = [p for p in candidates if previous.id in ancestors(p.id)]
        if inside:
            return inside[0]
    admin = [p for p in candidates if p.kind in ADMIN_KINDS]
    nature = [p for p in candidates if p.kind not in ADMIN_KINDS]
    if admin and (
        after[:1] in ("市", "县", "区", "省")
        or (previous is not None and previous.kind in ABOVE_COUNTY_KINDS)
    ):
        return _by_area(admin, area)
    if nature and after.startswith(
        ("流域", "干流", "支流", "水系", "沿岸", "上游", "中游", "下游", "水质", "河段", "国家公园")
    ):
        return nature[0]
    chosen = best(candidates, word)
    if chosen.kind in ADMIN_KINDS:  # 朝阳区 in a Beijing plan is Beijing's
        return _by_area([p for p in admin if p.name == chosen.name], area)
    return chosen


def _by_area(pool: list[model.Place], area: Area) -> model.Place:
    """The first of same-named divisions that lies in the plan's area, else the first."""
    inside = [p for p in pool if area.holds(p)]
    return inside[0] if inside else pool[0]


_SUFFIX_STRIP = (
    "特别行政区",
    "维吾尔自治区",
    "回族自治区",
    "壮族自治区",
    "自治区",
    "地区",
    "省",
    "市",
)


@lru_cache(maxsize=65_536)  # plans name the same places again and again; the lexicon is fixed
def resolve_place(name: str) -> model.Place | None:
    """The gazetteer place named ``name``: canonical name, alias, or either with a generic
    suffix such as 省/市/地区 stripped or added; a one-character abbreviation gives its
    province.  None when the name is unknown."""
    word = name.strip().translate(TRANSLATE)
    if not word:
        return None
    lex = load_lexicon()
    found = lex.places.get(word)
    if found:
        return best(found, word)
    for suffix in _SUFFIX_STRIP:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            found = () if stem in lex.short_names else lex.places.get(stem)  # 平原地区
            if found:
                return best(found, word[: -len(suffix)])
    for suffix in ("市", "省", "地区"):
        found = lex.places.get(word + suffix)
        if found:
            return found[0]
    if len(word) == 1 and word in lex.abbreviations:
        candidates = lex.abbreviations[word]
        provinces = [p for p in candidates if p.kind == "Province"]
        return provinces[0] if provinces else candidates[0]
    return None
