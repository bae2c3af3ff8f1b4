"""Resolution: which place a name stands for."""

from __future__ import annotations

from plangraph import model

from .lexicon import load_lexicon
from .words import ADMIN_KINDS, TRANSLATE


def best(candidates: tuple[model.Place, ...], word: str) -> model.Place:
    """The place a bare name stands for when nothing in the context decides."""
    for place in candidates:
        if place.name == word:
            return place
    return candidates[0]


def choose(
    candidates: tuple[model.Place, ...],
    word: str,
    after: str,
    previous: model.Place | None,
) -> model.Place:
    if len(candidates) == 1:
        return candidates[0]
    admin = [p for p in candidates if p.kind in ADMIN_KINDS]
    nature = [p for p in candidates if p.kind not in ADMIN_KINDS]
    if admin and (
        after[:1] in ("市", "县", "区", "省")
        or (previous is not None and previous.kind in ("Province", "City"))
    ):
        return admin[0]
    if nature and after.startswith(
        ("流域", "干流", "支流", "水系", "沿岸", "上游", "中游", "下游", "水质", "河段", "国家公园")
    ):
        return nature[0]
    return best(candidates, word)


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
            found = lex.places.get(word[: -len(suffix)])
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
