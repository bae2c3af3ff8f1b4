"""Everyday words that no place name ends with: the verbs, adjectives, adverbs, numerals and
function words of jieba's bundled dictionary (``jieba/dict.txt``, no download), read once.

A stem before a feature head is no name where it ends in one of them: 采取泉组, 增强湿地,
岩溶大泉, 人水和谐滹沱河; nouns and proper names (鸭子滩, 硝池滩, 娘子关泉) stay names."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# jieba's part-of-speech tags of words that are not nouns: verbs (v, vn, vd), adjectives
# (a, ad, an), adverbs, numerals, measure words, pronouns, prepositions, conjunctions,
# particles, localizers, distinguishing words, descriptive words and times
_NOT_NOUNS = frozenset("vadmqrpcufbzt")
# proper names: places (ns), persons (nr, nrt, nrfg), other proper nouns (nz) and bodies (nt)
_PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt"})
# a proper name this frequent is an everyday word too (古镇, 银耳 and 黄羊 are tagged so)
_FREQUENT = 50


@cache
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """jieba's words of up to four characters that are no noun, and those of two to four
    characters that are no proper name or a frequent one; read in one pass."""
    fields = (files("jieba") / "dict.txt").read_text(encoding="utf-8").split()
    entries = [
        (word, frequency, tag)
        for word, frequency, tag in zip(fields[0::3], fields[1::3], fields[2::3], strict=True)
        if len(word) <= 4
    ]
    not_nouns = [word for word, _, tag in entries if tag[0] in _NOT_NOUNS]
    common = [
        word
        for word, frequency, tag in entries
        if len(word) >= 2 and (tag not in _PROPER or int(frequency) >= _FREQUENT)
    ]
    return frozenset(not_nouns), frozenset(common)


def everyday_words() -> frozenset[str]:
    """The words of up to four characters that jieba tags as no noun."""
    return _dictionary()[0]


def common_words() -> frozenset[str]:
    """The words of two to four characters that jieba lists as no proper name (机场, 建设,
    电视台) or as a frequent one (古镇, 银耳), for names that nothing but their position
    marks as names."""
    return _dictionary()[1]


def ends_in_everyday_word(stem: str) -> bool:
    """The stem ends in a verb, an adjective or a function word of two characters or more
    (采取, 增强, 和谐), or in a size word (岩溶大)."""
    words = everyday_words()
    if stem[-1:] in "大小多老新":
        return True
    return any(stem[-k:] in words for k in range(min(4, len(stem)), 1, -1))
