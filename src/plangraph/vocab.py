"""The Chinese text vocabulary every stage reads documents with, each list of characters or
words kept once: character widths, Chinese numerals, years and dates, five-year plans, the
level words that end a division's name, and the pinyin that ids are made of.

Stages import from here (``read`` and ``extract`` alike); this module imports no other
plangraph module, so every stage may use it.  Each table is a plain string, tuple or dict; the
patterns are built from the tables, never written out again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CN_DATE",
    "COUNT_NUMERALS",
    "DEPARTMENT_ENDS",
    "DIGITS",
    "DIGIT_VALUES",
    "DIVISION_LEVEL_WORDS",
    "FIVE_YEAR_PLAN",
    "HALF_WIDTH",
    "INVISIBLE",
    "LIANG",
    "MULTIPLIERS",
    "NUMERALS",
    "ONE_TO_NINE",
    "ONE_TO_TEN",
    "OTHER_SPACES",
    "PLACE_CHAR_READINGS",
    "PLACE_PHRASE_READINGS",
    "PROVINCE_SUFFIXES",
    "YEAR",
    "YEAR_NUMERALS",
    "ZEROS",
    "alternation",
    "cn_number",
    "cn_year",
    "five_year_plan_end",
    "initials",
    "romanize",
    "slugify",
    "syllables",
    "toned_slug",
    "trie_pattern",
]

# --------------------------------------------------------------------------- patterns


def alternation(words: Iterable[str]) -> str:
    r"""A regex alternation of ``words``, each escaped, longest first so that a longer word
    wins over its prefix (不超过 before 不超, 高新技术产业开发区 before 开发区); words of one
    length keep their order.

    >>> print(alternation(["区", "自治区", "a.b"]))
    自治区|a\.b|区
    """
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str], *, either_case: bool = False) -> str:
    """One regex that matches the longest of ``words`` at a position: their alternation
    factored as a trie, so that thousands of place names or theme terms match fast.  With
    ``either_case``, an ASCII letter of a (lower-case) word matches either case (vocs, VOCs).

    >>> print(trie_pattern(["黄河", "黄河流域", "淮河"]))
    (?:淮河|黄河(?:流域)?)
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def member(ch: str) -> str:  # the character, as a member of a class
        return ch.upper() + ch if either_case and "a" <= ch <= "z" else re.escape(ch)

    def atom(ch: str) -> str:
        return f"[{member(ch)}]" if either_case and "a" <= ch <= "z" else re.escape(ch)

    def build(node: _Trie) -> str:
        leaves: list[str] = []
        branches: list[str] = []
        for ch in sorted(k for k in node if k):
            sub = build(node[ch])
            if sub:
                branches.append(atom(ch) + sub)
            else:
                leaves.append(ch)
        alternatives = branches
        if leaves:  # characters that end a word and continue none: one class
            leaf = atom(leaves[0]) if len(leaves) == 1 else f"[{''.join(map(member, leaves))}]"
            alternatives = [*branches, leaf]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and "" not in node:
            return alternatives[0]  # one way on: no group needed
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body  # greedy: the longer word is tried first

    return build(trie)


# --------------------------------------------------------------------------- character widths

#: Full-width ASCII forms (！ … ～: ，（）：；％ ０-９ Ａ-Ｚ ａ-ｚ) and the ideographic space
#: U+3000 to ASCII, one character for one, so that offsets into the translated text are
#: offsets into the original.
HALF_WIDTH: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20
}
#: The other spaces documents print: no-break (U+00A0), en, em and thin spaces.
OTHER_SPACES: dict[int, int] = dict.fromkeys((0x00A0, 0x2002, 0x2003, 0x2009), 0x20)
#: Invisible characters that saved pages and Word files carry: zero-width space and
#: (non-)joiners, the byte-order mark.  Normalizing deletes them.
INVISIBLE: dict[int, None] = dict.fromkeys((0x200B, 0x200C, 0x200D, 0xFEFF))

# --------------------------------------------------------------------------- Chinese numerals

#: 一 … 九 in order: ``ONE_TO_NINE.index(c) + 1`` is the value of ``c``.
ONE_TO_NINE = "一二三四五六七八九"
#: The characters of an ordinal up to 99 as headings and dates print it (十七, 二十二, 九月).
ONE_TO_TEN = ONE_TO_NINE + "十"
#: The ten digits in order (``DIGITS[n]`` is n), as a year is written digit by digit (二〇二五)
#: and Word's ideographDigital numbering prints them.
DIGITS = "〇" + ONE_TO_NINE
#: Zero as printed: 〇 (U+3007), 零, and ○ (U+25CB, the circle typed for 〇 in 二○二五).
ZEROS = "〇零○"
#: 两 stands for 二 before a measure word (两项, 翻两番, 两千).
LIANG = "两"
#: The place-value characters of a counted number (十七, 三百, 五千, 一万, 一亿).
MULTIPLIERS = "十百千万亿"

#: The characters a count is printed with in a release or a heading (十七, 二十二, 一百零五).
COUNT_NUMERALS = ZEROS[:2] + ONE_TO_NINE + MULTIPLIERS[:2]
#: The characters of any Chinese number a target prints (三百五十万, 两千, 百分之二十).
NUMERALS = ZEROS[:2] + LIANG + ONE_TO_NINE + MULTIPLIERS
#: The characters of a year in a release's date (二〇二一年, 二零二一年).
YEAR_NUMERALS = ZEROS[:2] + ONE_TO_NINE
#: Every zero and digit to its ASCII digit, one character for one (二○二五 -> 2025).
DIGIT_VALUES = str.maketrans(ZEROS + ONE_TO_NINE, "000123456789")


def cn_number(text: str) -> int:
    """A number written in Chinese numerals (十七 -> 17) or digits.

    >>> cn_number("二十二"), cn_number("17")
    (22, 17)
    """
    if text.isdigit():
        return int(text)
    found = _CN_NUMBERS.get(text)
    if found is None:
        import cn2an  # imported lazily: it is slow to import and only needed while reading

        found = int(cn2an.cn2an(text, "strict"))  # ValueError: not a number (never kept)
        if len(_CN_NUMBERS) < _CN_NUMBERS_AT_MOST:
            _CN_NUMBERS[text] = found
    return found


# the numbers read (a plan's headings are read against every kind of marker: 三, 十七 again
# and again); cn2an checks and converts in Python (measured: a third of reading's CPU on 300
# generated plans, 42,548 calls); bounded
_CN_NUMBERS_AT_MOST = 4096
_CN_NUMBERS: dict[str, int] = {}


def cn_year(text: str) -> int:
    """A year written digit by digit in Chinese numerals: 二〇二一 -> 2021, 二零三五 -> 2035.

    >>> cn_year("二○二五")
    2025
    """
    return int(text.translate(DIGIT_VALUES))


# --------------------------------------------------------------------------- years

#: A year of the 20th or 21st century in digits (1995, 2025): a pattern, no groups.
YEAR = r"(?:19|20)\d\d"

#: A date in Chinese numerals (二〇二一年十二月二十日, 二〇二二年五月), as a signature or a
#: cover prints it: a pattern, no groups.
CN_DATE = rf"[{YEAR_NUMERALS}]{{4}}年[{ONE_TO_TEN}]{{1,2}}月(?:[{ONE_TO_TEN}]{{1,3}}日)?"

#: A five-year plan by its number: “十四五” (the 14th), group ``n`` holding the 四.
FIVE_YEAR_PLAN = rf"十(?P<n>[{ONE_TO_NINE}])五"


def five_year_plan_end(numeral: str) -> int:
    """The last year of the five-year plan 十{numeral}五: 四 (十四五) -> 2025, 三 -> 2020.

    >>> five_year_plan_end("四")
    2025
    """
    return 1955 + 5 * (11 + ONE_TO_NINE.index(numeral))


# --------------------------------------------------------------------------- tables

#: A header cell of a table of tasks, naming what each row is to do (项目内容, 目标任务,
#: 工作内容): a pattern, no groups.  The cells under it are sentences, not indicators.
TASK_HEAD = (
    r"^(?:项目|建设|主要|工作|任务|实事)?(?:内容|事项)$"
    r"|^(?:目标|工作|重点|主要)任务$|^项目名称及内容$"
)

#: A note on an indicator printed between the rows of its table (说明:…, 计算方法:…): a
#: pattern, no groups.
TABLE_NOTE = r"^(?:说\s*明|注\s*\d?|备\s*注|计算方法|指标解释|数据来源)\s*[:：]"


# --------------------------------------------------------------------------- divisions

#: The level words that end the full name of a province-level area (山东省, 上海市,
#: 广西壮族自治区, 香港特别行政区), longest first, so that the first that ends a name is
#: its level word.  Not the level words of the divisions below a province (区, 县, 镇 …):
#: those are ``extract.places.words.BELOW_PROVINCE_SUFFIXES``.
PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")

#: The level words that end the name of a division at any level, province to county
#: (香港特别行政区, 内蒙古自治区, 延边朝鲜族自治州, 长阳土家族自治县, 山西省, 巴中市, 忠县,
#: 恩阳区, 锡林郭勒盟, 四子王旗), longest first.
DIVISION_LEVEL_WORDS = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)

#: What the name of a government department ends with, as the patterns try them:
#: 生态环境厅, 发展和改革委员会, 发展改革委, 统计局, 人民政府办公室, 河长办.
DEPARTMENT_ENDS = ("委员会", "厅", "局", "委", "办公室", "办")

# --------------------------------------------------------------------------- pinyin

#: Characters pypinyin reads with their everyday reading that place names read otherwise.
PLACE_CHAR_READINGS = {"长": "chang", "漯": "luo", "苕": "tiao", "勒": "le", "蚌": "beng"}
#: Place names pypinyin reads wrongly as a whole (朝阳 is chaoyang, not zhaoyang).
PLACE_PHRASE_READINGS = {"朝阳": "chaoyang", "闵行": "minhang", "昌都": "changdu", "六安": "luan"}


def _place_syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin  # lazy: importing pypinyin costs ~0.2 s

    out: list[str] = []
    i = 0
    while i < len(text):
        for phrase, reading in PLACE_PHRASE_READINGS.items():
            if text.startswith(phrase, i):
                out.append(reading)
                i += len(phrase)
                break
        else:
            j = i
            while j < len(text) and not any(text.startswith(p, j) for p in PLACE_PHRASE_READINGS):
                j += 1
            chunk = text[i:j]
            readings = lazy_pinyin(chunk, errors="default")
            han = [c for c in chunk if "\u4e00" <= c <= "\u9fff"]
            if len(han) == len(chunk) and len(readings) == len(chunk):
                readings = [
                    PLACE_CHAR_READINGS.get(c, r) for c, r in zip(chunk, readings, strict=True)
                ]
            out.extend(readings)
            i = j
    return [s.replace("ü", "v") for s in out if s]


def syllables(text: str, *, place_name: bool = True, hanzi_only: bool = False) -> list[str]:
    """Toneless pinyin syllables of ``text``: with ``place_name``, place-name readings preferred
    (长 = chang, 六安 = luan); text that is not Chinese is kept as it is, or dropped with
    ``hanzi_only``.

    >>> syllables("长治")
    ['chang', 'zhi']
    """
    if place_name:
        return _place_syllables(text)
    from pypinyin import lazy_pinyin

    return list(lazy_pinyin(text, errors="ignore" if hanzi_only else "default"))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(
    text: str,
    sep: str = "",
    *,
    place_name: bool = True,
    hanzi_only: bool = False,
    default: str = "x",
) -> str:
    """An ASCII slug for a Chinese name: its toneless pinyin (:func:`syllables`), lower case,
    the ASCII letters and digits of each syllable joined by ``sep``; ``default`` if none.

    >>> slugify("新港山"), slugify("危险废物", "-", place_name=False)
    ('xingangshan', 'wei-xian-fei-wu')
    """
    words = [
        word
        for syllable in syllables(text, place_name=place_name, hanzi_only=hanzi_only)
        for word in _NOT_SLUG.split(syllable.lower())
        if word
    ]
    return sep.join(words) or default


def initials(text: str, *, hanzi_only: bool = False) -> str:
    """The first letter of the pinyin of each character: 国发 -> gf (a 文号's prefix, a short
    title); text that is not Chinese is kept as it is, or dropped with ``hanzi_only``.

    >>> initials("发改环资")
    'fghz'
    """
    from pypinyin import Style, lazy_pinyin

    errors = "ignore" if hanzi_only else "default"
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors=errors))


def toned_slug(name: str) -> str:
    """A slug with tone numbers, for a name whose toneless slug another name has (芦溪河 and
    鹿溪河 are both luxihe).

    >>> toned_slug("芦溪河")
    'lu2xi1he2'
    """
    from pypinyin import Style, lazy_pinyin

    return "".join(c for c in "".join(lazy_pinyin(name, style=Style.TONE3)) if c.isalnum())


def romanize(name: str) -> str:
    """A place's name in pinyin as one capitalised word: 新港山 -> Xingangshan.

    >>> romanize("新港山")
    'Xingangshan'
    """
    return "".join(s.capitalize() if i == 0 else s for i, s in enumerate(syllables(name)))


#: A government's list of the year's livelihood projects (十大民生实事, 十方面民生实事, 15件
#: 民生实事, 为民办好10件实事), or the year's list under any of the genre's names for it
#: (2024年民生实事项目, 2024年重点民生工程实施方案, 2023年为民办实事项目清单): every item is a
#: pledge for that year.  A year's projects named inside a task (完成2024年省民生实事…任务)
#: are no list.
LIVELIHOOD_LIST = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:件|项|大|个方面|方面)[^。;,，]{0,8}?"
    r"(?:民生实事|惠民实事|为民实事|实事)"
    r"|(?:19|20)\d\d\s*年[^。;,，]{0,12}?"
    r"(?:民生实事|惠民实事|为民办实事|民生工程|惠民工程|民生项目|实事)[^。;,，]{0,4}?"
    r"(?:项目|清单|安排|实施方案)"  # 2022年度民生实事未完成项目进度表
    # a list named by a slogan in quotes (2025年民生“十心”实事)
    r"|(?:民生|惠民|为民办?)\s*[“\"][^”\"]{1,8}[”\"]\s*实事"
)
