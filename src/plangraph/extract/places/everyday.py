"""Everyday words that no place name ends with: the verbs, adjectives, adverbs, numerals and
function words of jieba's bundled dictionary (``jieba/dict.txt``, no download), read once.

A stem before a feature head is no name where it ends in one of them: 采取泉组, 增强湿地,
岩溶大泉, 人水和谐滹沱河; nouns and proper names (鸭子滩, 硝池滩, 娘子关泉) stay names."""

from __future__ import annotations

from dataclasses import dataclass
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


# the tags of words that may stand before a name but never open one: verbs, numerals,
# pronouns, adverbs, prepositions and conjunctions (提出, 首次, 其间, 隶属); not verbal nouns
# or adjectives, which do open names (胜利水库, 团结水库)
_BEFORE_NAMES = frozenset({"v", "m", "r", "d", "p", "c"})
# numerals open names (三十六曲溪, 五指山, 十八洞村); other words tagged m do not (首次)
_NUMERALS = "一二三四五六七八九十百千万两零〇"
# the tags of one-character words that stand before a name, never in it (占黄河, 在长江)
_BEFORE_NAMES_1 = frozenset({"v", "p", "c", "d", "r", "u", "ug", "uj", "ul", "uz", "uv", "ud"})


@dataclass(frozen=True, slots=True)
class _Dictionary:
    not_nouns: frozenset[str]
    common: frozenset[str]
    before_names: frozenset[str]  # two to four characters, tags of _BEFORE_NAMES
    before_names_1: frozenset[str]  # one character, tags of _BEFORE_NAMES_1
    verbs: frozenset[str]  # two to four characters, tagged v (a verb, not a verbal noun)
    plain: frozenset[str]  # two to four characters, tagged as no proper name at all


@cache
def _dictionary() -> _Dictionary:
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
    return _Dictionary(
        frozenset(not_nouns),
        frozenset(common),
        frozenset(
            w
            for w, _, tag in entries
            if len(w) >= 2 and tag in _BEFORE_NAMES and not (tag == "m" and w[0] in _NUMERALS)
        ),
        frozenset(w for w, _, tag in entries if len(w) == 1 and tag in _BEFORE_NAMES_1),
        frozenset(w for w, _, tag in entries if len(w) >= 2 and tag == "v"),
        frozenset(w for w, _, tag in entries if len(w) >= 2 and tag not in _PROPER),
    )


def everyday_words() -> frozenset[str]:
    """The words of up to four characters that jieba tags as no noun."""
    return _dictionary().not_nouns


def common_words() -> frozenset[str]:
    """The words of two to four characters that jieba lists as no proper name (机场, 建设,
    电视台) or as a frequent one (古镇, 银耳), for names that nothing but their position
    marks as names."""
    return _dictionary().common


def plain_words() -> frozenset[str]:
    """The words of two to four characters that jieba tags as no proper name at all
    (一体化, 精品, 龙头; not 河北, 宁波)."""
    return _dictionary().plain


def verbs() -> frozenset[str]:
    """The words of two to four characters that jieba tags as verbs (v): 控制, 举办."""
    return _dictionary().verbs


def ends_in_everyday_word(stem: str) -> bool:
    """The stem ends in a verb, an adjective or a function word of two characters or more
    (采取, 增强, 和谐), or in a size word (岩溶大)."""
    words = everyday_words()
    if stem[-1:] in "大小多老新":
        return True
    return any(stem[-k:] in words for k in range(min(4, len(stem)), 1, -1))


def kind_of_port(stem: str, after_a_port: bool) -> bool:
    """A stem before 港区 or 码头 that is a word of the dictionary (集装箱, 散货, 危险品) names
    a kind of them; so does one that ends in an everyday word or in a word of three
    characters or more (液化天然气), unless the port it belongs to is named right before it
    (厦门港海沧港区); a proper stem (大窑湾, 董家口, 寸滩) names one."""
    words = common_words()
    if stem in words:
        return True
    if after_a_port:
        return False
    return ends_in_everyday_word(stem) or any(stem[-k:] in words for k in (3, 4) if len(stem) > k)


def before_a_name(stem: str) -> int:
    """How many characters at the start of a stem are words that stand before a name and
    never open one (首次提出羊山湿地, 隶属南雁山): verbs, numerals, pronouns,
    adverbs; at least two characters of name are left (永定河, 向阳湖 keep their stem)."""
    words = _dictionary().before_names
    cut = 0
    while True:
        size = next(
            (k for k in (4, 3, 2) if len(stem) - cut - k >= 2 and stem[cut : cut + k] in words),
            None,
        )
        if size is None:
            return cut
        cut += size


def is_function_char(ch: str) -> bool:
    """A one-character verb, preposition, conjunction, adverb, pronoun or particle: it stands
    before a name (占黄河总长, 在长江), never as a river's prefix (清漳河, 新沂河)."""
    return ch in _dictionary().before_names_1


def verb_stem(stem: str, names: frozenset[str] = frozenset()) -> bool:
    """A stem before a head that is a verb phrase, no name: a verb alone or after an everyday
    word (基本解决 + 草原, 扩容 + 水库, 关注 + 海峡), with its complement 好 (有效解决好草原),
    or a verb that leaves one character (彰显龙 + 江, 排水管 + 渠).  A verb that is one of
    ``names`` (the towns' short names: 化成 + 水库) or ends in 化 (奉化江, 兴化湾) is a name."""
    verbs = _dictionary().verbs
    body = stem[:-1] if stem.endswith("好") else stem
    for k in range(min(4, len(body)), 1, -1):
        word, before = body[-k:], body[:-k]
        if word in verbs and not word.endswith("化") and word not in names:
            # after an everyday word, or one and a particle (根本上解决)
            return not before or _everyday(before) or (len(before) > 2 and _everyday(before[:-1]))
    return any(stem[:k] in verbs and len(stem) - k == 1 for k in (2, 3))


def _everyday(words: str) -> bool:
    return words in _dictionary().common or words in _dictionary().not_nouns


def only_everyday_words(stem: str) -> bool:
    """The stem is nothing but words that the dictionary tags as no proper name (龙头 + 火爆,
    着 + 精品: a particle left before them): it says what kind of place follows, not which
    one; a stem with a syllable no word holds (艺宿西川, 百山祖) or a proper name (太行,
    虹桥) may be a name."""
    dictionary = _dictionary()
    if stem[:1] and stem[0] in dictionary.before_names_1 and len(stem) > 2:
        stem = stem[1:]
    if len(stem) < 2:
        return False
    # ends[i]: stem[:i] splits into words of two to four characters
    ends = [True] + [False] * len(stem)
    for i in range(2, len(stem) + 1):
        ends[i] = any(
            ends[i - k] and stem[i - k : i] in dictionary.plain for k in (2, 3, 4) if i - k >= 0
        )
    return ends[-1]
