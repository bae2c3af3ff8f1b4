"""Places found by a rule, not in the gazetteer: their id, English name and province."""

from __future__ import annotations

import plangraph.extract.gazetteer as gz
from plangraph import model
from plangraph.vocab import romanize, slugify

from .lexicon import load_lexicon
from .tokens import Token
from .words import SUFFIXES


def named_place(name: str, kind: model.PlaceKind, province: str | None) -> model.Place:
    """A place found by a rule, not in the gazetteer."""
    slug = slugify(name)
    if slug in load_lexicon().ids and gz.place_by_id(slug) is not None:
        slug = f"{slug}-{kind.lower()}"
    english = romanize(name)
    return model.Place(
        id=slug,
        name=name,
        kind=kind,
        name_en=english or slug,
        province=province,
        aliases=(),
        source="pattern",
    )


def pattern_place(
    name: str, suffix: str, start: int, segments: list[Token | None], ends: dict[int, Token]
) -> model.Place:
    kind, _ = SUFFIXES[suffix]
    province: str | None = None
    before = ends.get(start)
    places = [s.place for s in segments if s is not None and s.place is not None]
    if before is not None and before.place is not None:
        places.insert(0, before.place)
    for place in places:
        if place.kind == "Province":
            province = place.id
            break
        if place.province:
            province = place.province
            break
    return named_place(name, kind, province)
