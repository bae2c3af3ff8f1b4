"""Local names right after their city: 阳江闸坡, 中山南朗, 珠海淇澳, 惠州考洲洋, 江门黄茅海.

Provincial plans name towns, islands, bays and shoals by their city and a short name that no
dataset of divisions holds.  The short name is read as a place of that city where it is two or
three Han characters that end at a list mark, a dash or a generic word of the coast (海滩,
西岸), and where no generic word, no word of jieba's dictionary that is not a proper name
(机场, 建设, 电视台) and no numeral makes it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangraph.model import PlaceKind

from .everyday import common_words
from .lexicon import Lexicon
from .suffixes import named_place
from .tokens import Hit, Token, is_generic, is_han
from .words import NUMERALS, SUFFIXES

# what may follow the short name: a list mark, a dash, or a part of the coast named after it
_FOLLOWERS = re.compile("[、，,；;。—:：]|海滩|沙滩|海域|岸段|[东西南北]岸|沿岸|两岸")
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
        for size in (3, 2):
            end = at + size
            name = norm[at:end]
            if (
                len(name) != size
                or any(covered[at:end])
                or not all(is_han(c) for c in name)
                or not _FOLLOWERS.match(norm, end)
                or not _is_local_name(name, lex)
            ):
                continue
            covered[at:end] = b"\x01" * size
            kind = _KINDS.get(name[-1], "Area")
            yield Hit(at, end, named_place(text[at:end], kind, place.province or place.id), "pattern")
            break


def _is_local_name(name: str, lex: Lexicon) -> bool:
    return (
        name not in lex.generic
        and name not in SUFFIXES
        and not is_generic(name)
        and not any(c in NUMERALS for c in name)
        and name not in common_words()
        and name[:2] not in common_words()
        and name[-2:] not in common_words()
    )
