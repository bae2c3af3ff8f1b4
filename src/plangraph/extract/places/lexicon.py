"""The lexicon: every name the matcher knows, compiled once into Aho-Corasick automata."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ahocorasick_rs import AhoCorasick, MatchKind

import plangraph.extract.gazetteer as gz
from plangraph import model
from plangraph.vocab import alternation

from .abbreviation_words import JOINERS, KNOWN_GROUPS
from .words import GENERIC_WORDS, SUFFIXES

# ------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True, slots=True)
class Lexicon:
    names: Words  # gazetteer names, region names and generic words
    shorts: Words  # divisions' short names (宝山, 朝阳): places only in context
    short_names: frozenset[str]  # the short names matched in context
    weak: frozenset[str]  # every short name, also those that are generic words (港口)
    places: dict[str, tuple[model.Place, ...]]
    regions: dict[str, model.Region]
    generic: frozenset[str]
    abbreviations: dict[str, tuple[model.Place, ...]]
    runs: re.Pattern[str]  # runs of abbreviations joined by 与/和/及/、
    power: re.Pattern[str]  # 蒙电入沪, 陕电蒙电入皖, 疆电外送
    directions: re.Pattern[str]  # 川南, 渝东北, 陕北
    suffixes: re.Pattern[str]
    ids: frozenset[str]
    groups: re.Pattern[str] | None  # known groups not made of abbreviations (海澄文)
    # first characters of each province's cities (成 德 绵 眉 … in Sichuan) and the cities
    initials: dict[str, dict[str, tuple[model.Place, ...]]]
    initial_chars: frozenset[str]


class Words:
    """A set of words found leftmost-longest and without overlap, like a trie: at each
    position the longest word that starts there, then on after it.

    The scan is an Aho-Corasick automaton in Rust (``ahocorasick-rs``, leftmost-longest
    match kind: the same matches as the trie walk, measured 4x faster)."""

    __slots__ = ("_automaton", "_patterns", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w)
        self._patterns = sorted(self._words)
        self._automaton = (
            AhoCorasick(self._patterns, matchkind=MatchKind.LeftmostLongest)
            if self._patterns
            else None
        )

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, word)`` of each word found, left to right."""
        if self._automaton is None:
            return iter(())
        patterns = self._patterns
        return iter(
            [(a, b, patterns[k]) for k, a, b in self._automaton.find_matches_as_indexes(text)]
        )


# a division whose name is one character and a generic word is read as that word first
GENERIC_TAILS = frozenset({"城市", "城区", "市区", "新区", "郊区", "县城"})


# single-character heads of waters: three or more of them in a row name kinds of water, not
# a water (江海河湖, 河湖库: 海河 inside is no river)
WATER_HEADS = "江河湖海库"


def head_runs(heads: str = WATER_HEADS) -> frozenset[str]:
    """Every run of three or four different heads, in any order."""
    return frozenset("".join(run) for size in (3, 4) for run in itertools.permutations(heads, size))


@cache
def load_lexicon() -> Lexicon:
    gaz = gz.gazetteer()
    generic = frozenset(GENERIC_WORDS) | head_runs()
    # districts named by a generic word (河口区 "estuary area", 港口区, 城区) need context too
    generic_districts = {
        p.name
        for p in gaz.places
        if p.code
        and (
            (p.name.endswith("区") and (p.name[:-1] in generic or p.name[:-1] in SUFFIXES))
            or p.name[1:] in GENERIC_TAILS  # 应城市 in 适应城市, 新城区
        )
    }
    weak = gaz.short_names | generic_districts
    short_names = frozenset(n for n in weak if n not in generic)
    words = (set(gaz.place_names) - weak) | set(gaz.region_names) | generic
    names = Words(words)
    shorts = Words(short_names)
    abbreviations = gaz.abbreviations
    abbr_class = "[" + "".join(re.escape(c) for c in sorted(abbreviations)) + "]"
    province_chars = sorted(
        c for c, ps in abbreviations.items() if any(p.kind == "Province" for p in ps)
    )
    province_class = "[" + "".join(re.escape(c) for c in province_chars) + "]"
    runs = re.compile(f"{abbr_class}+(?:[{JOINERS}]{abbr_class}+)*")
    power = re.compile(
        f"(?:{province_class}电)+(?:入|送|进){province_class}|{province_class}电外送"
    )
    suffixes = re.compile(alternation(SUFFIXES))
    directional = province_chars  # 宁东 only where 宁 is the plan's own 宁夏: checked on use
    directions = re.compile(
        "([" + "".join(directional) + "])(?:东北|东南|西北|西南|东|西|南|北)(?![风部面方侧边亚欧])"
    )
    spelled = sorted(
        (g for g in KNOWN_GROUPS if any(c not in abbreviations for c in g)), key=len, reverse=True
    )
    groups = re.compile("|".join(map(re.escape, spelled))) if spelled else None
    initials: dict[str, dict[str, list[model.Place]]] = {}
    for place in gaz.places:  # prefecture-level cities first, then county-level 市
        if place.code and place.province and (place.kind == "City" or place.name.endswith("市")):
            by_char = initials.setdefault(place.province, {})
            by_char.setdefault(place.name[0], []).append(place)
    return Lexicon(
        groups=groups,
        initials={
            p: {c: tuple(sorted(ps, key=lambda x: x.kind != "City")) for c, ps in chars.items()}
            for p, chars in initials.items()
        },
        initial_chars=frozenset(c for chars in initials.values() for c in chars),
        names=names,
        shorts=shorts,
        short_names=short_names,
        weak=frozenset(weak),
        places=gaz.place_names,
        regions=gaz.region_names,
        generic=generic,
        abbreviations=abbreviations,
        runs=runs,
        power=power,
        directions=directions,
        suffixes=suffixes,
        ids=frozenset(gaz.place_ids),
    )


# what closes a slogan on a place: “水韵江阴”, 美丽湖州。
_SLOGAN_ENDS = frozenset('”’」』"。！!？?')


def starts_a_division(norm: str, p: int, lex: Lexicon) -> bool:
    """A one-character head that starts a division's name closed by a quote or the end of
    a sentence: 江阴 in “水韵江阴” (not 河东 in 南横引河东、西两段)."""
    for k in (2, 3):
        word = norm[p : p + k]
        after = norm[p + k : p + k + 1]
        if (
            len(word) == k
            and (not after or after in _SLOGAN_ENDS)
            and (
                word in lex.short_names
                or any(place.code is not None for place in lex.places.get(word, ()))
            )
        ):
            return True
    return False
