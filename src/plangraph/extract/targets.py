"""Targets: the commitments with a measure that a plan makes.

A target is read from one clause (the stretch of a sentence between ``，,；;。:`` marks,
brackets and quotes kept whole), with rules a reader can check against the quote:

* **Numeric targets** are a number with a unit (``33微克/立方米``, ``80%``, ``3.2个百分点``,
  ``700家``, ``1.2亿吨``) that the clause commits to: it is governed by a target year, or
  carries a comparator (``以上 不少于 超过 左右`` …), a direction verb (``提高 下降 降至`` …),
  ``达到``, an action verb (``建成 完成 新增`` …), ``力争`` or ``每年``.  Clauses about the
  past (a year before the plan's year, ``截至``, ``以来``, ``已``, ``现有``, ``下降了``) are
  left out, and so are numbers that name things: inside quotes or brackets (``“两高”``
  ``(十七)``), years, ``PM2.5``, ordinals, ``万亿元级``, Chinese numerals without a measure
  word (``三改联动`` ``六大行动``) and ``一`` alone (``一批`` ``一张网``).  ``由2020年的40%``
  is a starting point, not a target.
* **Qualitative targets** have no number: a clause governed by a target year whose subject
  names an indicator-like noun (``浓度 比例 率 总量 强度 指数 水质 质量 天气 水体 覆盖`` …) and
  whose predicate is one of a closed list: Increase (``提升 提高 增加 增长 上升``), Decrease
  (``下降 降低 减少 压减 削减``, ``保持下降趋势``), Maintain (``保持稳定 稳定保持 基本稳定
  稳中向好 保持Ⅱ类`` …), Eliminate (``消除 清零``), or a state without direction (``全覆盖``,
  ``达峰``, ``达到Ⅲ类``, ``得到有效保障``, and a rise that is curbed: ``上升趋势得到有效遏制``
  — the trend stops, which says neither that the level falls nor that it holds, so the
  direction is left empty and the indicator is the trend, not the level).  ``改善 领先 形成
  稳固 更加稳定`` are not on the list, any other stopped change (``下降趋势得到扭转``,
  ``增长得到控制``) is none, and the general vision nouns (``生态环境质量``,
  ``生态环境品质`` …) never make a target.

Comparators follow the statutory reading of Chinese quantity words (民法典 第1259条):
``以上/以下/以内`` include the number; ``超过 高于 多于 大于 突破`` → Above; ``低于 少于 不满
不足`` → Below; ``不少于 不低于 至少`` → AtLeast; ``不高于 不超过 控制在`` → AtMost; ``左右 约``
→ About; ``降至 下降到`` → AtMost; a range ``3—5个`` → AtLeast its lower bound; otherwise
(bare ``达到 提升到 为``, ``比…提高 3.2个百分点``, ``建成4个``) → Exactly.  A qualifier after
the number wins over a word before it.  Direction comes from the verb before the number
(``降至`` is Decrease; bare ``达到`` has none).

Year, base year, scope and aspiration come from the context: ``到2027年`` (also
``2027年前``, ``2027年底``, a bare ``2027年`` not before the plan's year, the end of
``2025—2027年``) governs the following clauses and sentences of the paragraph, and the
list items (``——…``) of a paragraph that ends with a colon, until another year appears;
``比/较2024年``, ``与2020年相比``, ``由2020年的`` give the base year.  Places that head a
clause (``北京…``, ``天津、河北…分别…``; ``江苏盐城`` is 盐城) are its scope; places heading
the first clause of a sentence in which no other clause names one are the scope of its
later clauses too (``珠三角全域推进美丽河湖建设,建成率达到45%``); the plan's own region is
no scope.  A run of one-character abbreviations followed by their count (``吉黑两省``,
``苏浙沪两省一市``) names one place per character, and a count after a list of places
(``河北、山西两省``) is skipped.  A river, lake or bay heading a clause is its scope even when
the resolver lacks it (it is taken from the place finder: ``南渡江、昌化江、万泉河干流水质保持
Ⅱ类`` is one target per river); a water-quality subject with no heading place takes the water
bodies it names (``推动松花江干流水质…``).  A place that only describes a land-type zone
(``东北黑土区``, ``华北平原区``; zone words ``黑土区 平原区 山区 林区 牧区 农区 草原区`` …) is no
scope: the zone is a kind of land across the region, not a part of it; an administrative
unit before the zone word (``河北山区``) still is.  ``力争/争取`` make their clause
aspirational (a lead clause ``力争到2030年`` the whole sentence); ``每年`` makes it annual.

Lists distribute: ``A、B…分别…X、Y`` pairs subjects (or places) with values, a shared head
noun completes the parts (``地下水和近岸海域「水质」``), a shared modifier too
(``单位地区生产总值「能耗」和「二氧化碳排放」``), and ``焦炭、铁矿石等…比例`` stays one target.
The indicator is looked up in ``data/indicators.tsv`` (the longest pattern contained in the
subject, else in the counted object, else in the clause; a bare ``建成率`` borrows its
stem from the clause before; an omitted subject is the previous target's); one that is not
listed gets the subject as printed for a label and its pinyin as id.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from plangraph import model, resources
from plangraph.extract import gazetteer, places

__all__ = [
    "IndicatorTable",
    "Resolver",
    "extract_targets",
    "load_indicators",
    "slugify",
]

Resolver = Callable[[str], str | None]
#: Water bodies named in a sentence: start offset -> (end offset, place id).
WaterIndex = dict[int, tuple[int, str]]
Waters = Callable[[str], WaterIndex]

# --------------------------------------------------------------------------- text helpers

#: Full-width ASCII forms (，（）：；０-９％ …) to ASCII, one character for one, so that
#: offsets into the translated text are offsets into the original.
_FULLWIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}
_ROMAN = str.maketrans(
    {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI", "Ⅶ": "VII", "Ⅷ": "VIII"}
)
_PARENS = re.compile(r"\([^()]{0,60}\)")
_UNQUOTE = re.compile(r"[“”‘’\"'《》「」\s]")
_MASK = "□"
_MAX_QUOTE = 200  # a clause longer than this is quoted around the target only
_MATCH_SPAN = 120  # indicator names are short: match on at most this many characters
_MAX_PARTS = 12  # a longer list of subjects is read as one
_MAX_LABEL = 40  # a derived indicator label keeps its last (head) characters


def _key(text: str) -> str:
    """A form for matching indicator names: no brackets, quotes, spaces; ASCII numerals."""
    text = text.translate(_FULLWIDTH)
    text = _PARENS.sub("", text)
    text = _UNQUOTE.sub("", text)
    return text.translate(_ROMAN).lower()


def _mask(text: str) -> str:
    """Blank out what is inside brackets and quotes (names, abbreviations, notes).

    The result has the same length, so offsets carry over.
    """
    out = list(text)
    depth = 0
    quoted = False
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "“":
            quoted = True
        elif ch == "”":
            quoted = False
        elif ch == '"':
            quoted = not quoted
        elif (depth or quoted) and not _in_fyp(text, i):
            out[i] = _MASK
    return "".join(out)


#: A five-year plan period: “十四五” (2021—2025) ends in 1955 + 5 × 14.
_FYP = re.compile(r"十([一二三四五六七八九])五")
_FYP_TIME = re.compile(
    r"(?P<to>到|至|在|于)?[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?"
    r"(?P<when>末期|期末|末|期间|时期|中后期)?(?P<before>前|以前|之前)?"
)


def _in_fyp(text: str, i: int) -> bool:
    """Whether ``text[i]`` is part of a five-year plan name such as 十四五 (kept unmasked)."""
    lo = max(0, i - 2)
    return any(m.start() <= i < m.end() for m in _FYP.finditer(text, lo, i + 3))


def slugify(label: str) -> str:
    """An ASCII id for a Chinese label: its pinyin, lower case, joined by ``-``."""
    words: list[str] = []
    from pypinyin import lazy_pinyin  # imported lazily: it loads a large phrase table

    for token in lazy_pinyin(_key(label)):
        words.extend(w for w in re.split(r"[^a-z0-9]+", token.lower()) if w)
    slug = "-".join(words)
    if len(slug) > 64:
        slug = slug[:64].rsplit("-", 1)[0]
    return slug or "indicator"


# --------------------------------------------------------------------------- indicators


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """Indicators and the phrasings that name them, matched longest first."""

    indicators: tuple[model.Indicator, ...]
    patterns: tuple[tuple[str, model.Indicator], ...]  # (key, indicator), longest key first

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]]) -> IndicatorTable:
        """Rows with ``id label_zh label_en patterns`` (patterns ``|``-separated)."""
        indicators: list[model.Indicator] = []
        patterns: list[tuple[str, model.Indicator]] = []
        for row in rows:
            ind = model.Indicator(row["id"], row["label_zh"], row["label_en"])
            indicators.append(ind)
            names = {_key(p) for p in row["patterns"].split("|")} | {_key(ind.label_zh)}
            patterns.extend((k, ind) for k in sorted(names) if k)
        patterns.sort(key=lambda p: -len(p[0]))
        return cls(tuple(indicators), tuple(patterns))

    @classmethod
    def parse(cls, text: str) -> IndicatorTable:
        """A table from TSV text with a header line."""
        lines = [line for line in text.splitlines() if line.strip()]
        header = lines[0].split("\t") if lines else []
        rows = []
        for n, line in enumerate(lines[1:], start=2):
            if line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) != len(header):
                raise ValueError(f"indicators line {n}: expected {len(header)} columns")
            rows.append(dict(zip(header, cols, strict=True)))
        return cls.from_rows(rows)

    def match(self, text: str) -> model.Indicator | None:
        """The indicator whose longest pattern occurs in ``text``."""
        key = _key(text[-_MATCH_SPAN:])
        if not key:
            return None
        for pattern, ind in self.patterns:
            if pattern in key:
                return ind
        return None

    def ending(self, head: str, context: str) -> model.Indicator | None:
        """An indicator ``X+head`` whose ``X`` occurs in ``context`` (``建成率`` after
        ``推进美丽河湖建设`` is 美丽河湖建成率)."""
        head_key, ctx = _key(head), _key(context)
        for pattern, ind in self.patterns:
            if len(pattern) > len(head_key) and pattern.endswith(head_key):
                stem = pattern[: -len(head_key)]
                if len(stem) >= 2 and stem in ctx:
                    return ind
        return None


@lru_cache(maxsize=1)
def _bundled_table() -> IndicatorTable:
    return IndicatorTable.from_rows(resources.table("data", "indicators.tsv"))


def load_indicators(text: str | None = None) -> IndicatorTable:
    """The bundled indicator table, or one parsed from ``text`` (TSV with a header)."""
    return _bundled_table() if text is None else IndicatorTable.parse(text)


# --------------------------------------------------------------------------- units

_PG_PP = "pg:PercentagePoint"
_PG_COUNT = "pg:Count"
_PERCENT = "qudt:PERCENT"

#: Printed unit → unit code.  Scaled Chinese units (万吨, 亿元 …) keep the printed value.
_UNITS: dict[str, str] = {
    "微克/立方米": "qudt:MicroGM-PER-M3",
    "μg/m3": "qudt:MicroGM-PER-M3",
    "μg/m³": "qudt:MicroGM-PER-M3",
    "µg/m3": "qudt:MicroGM-PER-M3",
    "µg/m³": "qudt:MicroGM-PER-M3",
    "ug/m3": "qudt:MicroGM-PER-M3",
    "毫克/立方米": "qudt:MilliGM-PER-M3",
    "毫克/升": "qudt:MilliGM-PER-L",
    "个百分点": _PG_PP,
    "百分点": _PG_PP,
    "%": _PERCENT,
    "‰": "qudt:PERMILLE",
    "亿吨标准煤": "pg:HundredMillionTonneCoalEquivalent",
    "万吨标准煤": "pg:TenThousandTonneCoalEquivalent",
    "吨标准煤": "pg:TonneCoalEquivalent",
    "万吨/日": "pg:TenThousandTonnePerDay",
    "万吨/年": "pg:TenThousandTonne",  # a yearly capacity: the tonnage is kept
    "亿吨/年": "pg:HundredMillionTonne",
    "万吨/天": "pg:TenThousandTonnePerDay",
    "吨/日": "pg:TonnePerDay",
    "吨/天": "pg:TonnePerDay",
    "亿吨": "pg:HundredMillionTonne",
    "万吨": "pg:TenThousandTonne",
    "吨": "qudt:TONNE",
    "亿千瓦时": "pg:HundredMillionKiloWattHour",
    "万千瓦时": "pg:TenThousandKiloWattHour",
    "千瓦时": "qudt:KiloW-HR",
    "亿千瓦": "pg:HundredMillionKiloW",
    "万千瓦": "pg:TenThousandKiloW",
    "千瓦": "qudt:KiloW",
    "兆瓦": "qudt:MegaW",
    "吉瓦": "qudt:GigaW",
    "万亿元": "pg:TrillionYuan",
    "亿元": "pg:HundredMillionYuan",
    "万元": "pg:TenThousandYuan",
    "元": "pg:Yuan",
    "万平方公里": "pg:TenThousandKiloM2",
    "平方公里": "qudt:KiloM2",
    "平方千米": "qudt:KiloM2",
    "万公里": "pg:TenThousandKiloM",
    "公里": "qudt:KiloM",
    "千米": "qudt:KiloM",
    "万平方米": "pg:TenThousandM2",
    "平方米": "qudt:M2",
    "亿立方米": "pg:HundredMillionM3",
    "万立方米": "pg:TenThousandM3",
    "立方米": "qudt:M3",
    "米": "qudt:M",
    "万公顷": "pg:TenThousandHectare",
    "公顷": "qudt:HA",
    "万亩": "pg:TenThousandMu",
    "亩": "pg:Mu",
    "万标箱": "pg:TenThousandTEU",
    "标箱": "pg:TEU",
    "分贝": "qudt:DeciB",
    "小时": "qudt:HR",
    "天": "qudt:DAY",
}
#: Measure words of counted things (pg:Count, the word is kept as count_noun).
_COUNT_NOUNS = "家个项座条处所辆艘台套只株棵片种户人名次县镇村乡"
_COUNT_SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}

_UNIT_ALT = "|".join(
    re.escape(u)
    for u in sorted(
        [*_UNITS, *(s + c for s in _COUNT_SCALE for c in _COUNT_NOUNS), *_COUNT_NOUNS],
        key=len,
        reverse=True,
    )
)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUM = r"\d+(?:\.\d+)?"
_SMALL = r"[一二两三四五六七八九十]{1,3}|\d{1,3}"
_ITEM = re.compile(
    rf"百分之(?P<pct>{_NUM}|[{_CN_DIGITS}]+)"
    rf"|(?P<fden>{_SMALL})分之(?P<fnum>{_SMALL})"
    rf"|翻(?P<fan>[一两二三四]|\d)番"
    rf"|(?P<cheng>[一二两三四五六七八九])成(?=及以上|以上|以下|左右|[,;。、)]|$)"
    rf"|(?P<num>{_NUM})(?P<unit>{_UNIT_ALT})?"
    rf"|(?P<cn>[{_CN_DIGITS}]+)(?P<cunit>[{_COUNT_NOUNS}])"
)
_NUMERAL = re.compile(rf"\d|百分之|分之|翻[一两二三四]番|[{_CN_DIGITS}][{_COUNT_NOUNS}成]")
_QUALIFIER = re.compile(r"及以上|以上|及以下|以下|以内|之内|左右|上下")
_QUALIFIER_CMP: dict[str, model.Comparator] = {
    "及以上": "AtLeast",
    "以上": "AtLeast",
    "及以下": "AtMost",
    "以下": "AtMost",
    "以内": "AtMost",
    "之内": "AtMost",
    "左右": "About",
    "上下": "About",
}

# --------------------------------------------------------------------------- vocabulary

_STRICT = re.compile(
    r"不少于|不低于|不小于|不下于|至少|最少|"
    r"不高于|不超过|不大于|最多|至多|控制在|控制到|"
    r"超过|高于|多于|大于|突破|"
    r"低于|少于|小于|不满|不足|"
    r"(?<![节制契简公预条邀])约"
)
_STRICT_CMP: dict[str, model.Comparator] = {
    **dict.fromkeys(["不少于", "不低于", "不小于", "不下于", "至少", "最少"], "AtLeast"),
    **dict.fromkeys(["不高于", "不超过", "不大于", "最多", "至多", "控制在", "控制到"], "AtMost"),
    **dict.fromkeys(["超过", "高于", "多于", "大于", "突破"], "Above"),
    **dict.fromkeys(["低于", "少于", "小于", "不满", "不足"], "Below"),
    "约": "About",
}
#: "Down to" verbs: the number is a ceiling.
_DOWN_TO = re.compile(
    r"降至|降到|下降到|下降至|降低到|降低至|减少到|减少至|减至|压减到|压减至|压降至|削减至"
)
_DIRECTION = re.compile(
    r"(?:(?P<inc>提升|提高|增加|增长|上升|增至|升至|扩大)"
    r"|(?P<dec>下降|降低|减少|降至|降到|压减|压降|削减|减至)"
    r"|(?P<keep>保持|稳定在|维持)"
    r"|(?P<elim>消除))(?!比例|比重|率|量|幅度)"
)
_DIR_NAME: dict[str, model.Direction] = {
    "inc": "Increase",
    "dec": "Decrease",
    "keep": "Maintain",
    "elim": "Eliminate",
}
#: Where the predicate of a clause begins: the subject is what comes before.
_PREDICATE = re.compile(
    r"力争|争取|确保|分别|累计|"
    r"(?:基本|持续|稳步|逐步|进一步|全面|显著|明显|有效|大幅|(?<![年人平])均|总体|稳定)?"
    r"(?:(?:达到(?!或)|提升|提高|增加|增长|上升|下降|降低|减少|降至|降到|压减|压降|削减|保持|维持|"
    r"稳定在|控制在|控制到|实现|完成|建成(?![区率比])|消除|超过|高于|低于|少于|多于|大于|小于|"
    r"不少于|不低于|不高于|不超过|不大于|不小于|至少|不足|不满|突破)(?!比例|比重|率|量|幅度))"
    r"|(?:比|较|相比|相较于?)(?:19|20)\d\d年|与(?:19|20)\d\d年相比"
    r"|(?:比|较)“?十[一二三四五六七八九]五”?(?:末|期末)"
    r"|(?:达|为)(?=\d|百分之)"
)
#: Action verbs of counted targets (建成 700 家 …): the object after them is counted.
_ACTION = re.compile(
    r"建成(?![区率比])|新建|建设|创建|打造|培育|推进|推动|开展|完成|实现|新增|改造|淘汰|"
    r"治理|修复|整治|实施|认定|形成|发展|建立"
)
_QUAL = re.compile(
    r"(?P<dec>(?:持续|稳步|逐步|明显|大幅|进一步|显著|保持|不断)?"
    r"(?:下降|降低|减少|压减|削减)(?!比例|比重|率|量|幅度)(?:趋势)?)"
    r"|(?P<inc>(?:持续|稳步|逐步|明显|大幅|进一步|显著|不断)?"
    r"(?:提升|提高|增加|增长|上升)(?!比例|比重|率|量|幅度))"
    r"|(?P<keep>保持基本稳定|保持总体稳定|保持稳定|稳定保持|基本稳定|总体稳定|持续稳定|"
    r"维持稳定|稳中向好|保持(?=[ⅠⅡⅢⅣⅤIV]+类))"
    r"|(?P<elim>(?:(?:基本|全面|彻底)?消除|(?:动态|全面|基本)?清零)(?!比例|比重|率|量))"
    r"|(?P<reach>(?:稳定|基本|全面)?达到(?:或(?:优于|好于))?(?=[ⅠⅡⅢⅣⅤIV]+类(?:水质)?(?:标准)?\s*$))"
    r"|(?P<cover>(?:基本实现|实现|基本)?全覆盖)"
    r"|(?P<secure>(?:得到|获得)(?:有效|切实)?保障)"
    r"|(?P<peak>(?:基本|率先|提前)?(?:实现)?(?:达峰|达到峰值))"
)
_LIST_ITEM = re.compile(r"\s*(?:——|—|-|·|•|\(?\d{1,2}[).、]|[①②③④⑤⑥⑦⑧⑨⑩])")
_STEM = re.compile(r"[\u4e00-\u9fff]{2,4}(?=建设|保护|整治|治理)")
_FROM_VALUE = re.compile(r"(?:由|从)(?:(?:19|20)\d\d年)?(?:的)?$")
_STOPPED = re.compile(r"(趋势|势头|态势)?(?:得到|基本|初步|有效)*(?:遏制|扭转|控制)")
#: A rise that is curbed (上升趋势得到有效遏制, 增长势头基本遏制): a state, no direction.
_CURBED = re.compile(
    r"(?:持续|稳步|逐步|明显|大幅|进一步|显著|不断)?(?:上升|增长|增加)(?:趋势|势头|态势)"
    r"(?:得到|基本|初步|有效)*遏制"
)
_WATER_MEASURE = re.compile(r"水质|水体|断面")
_CLASS = re.compile(r"[ⅠⅡⅢⅣⅤ]+类|(?:IV|V?I{1,3}|V)类")
#: Nouns that make a subject measurable (a qualitative target needs one).
_MEASURE_NOUN = re.compile(
    r"浓度|比例|比率|比重|占比|(?<![效频概税利汇])率|总量|强度|指数|水质|质量|天气|水体|覆盖|"
    r"天数|排放|消费量|使用量|用量|产生量|消耗量|处置量|填埋量|能耗|达峰|盖度|面积|安全利用"
)
#: Vision nouns: too general to be an indicator.
_VAGUE = frozenset(
    {
        "生态环境质量",
        "生态环境品质",
        "环境质量",
        "生态质量",
        "生态系统质量",
        "生态系统",
        "生态环境",
        "人居环境质量",
        "城乡人居环境",
    }
)
#: Head nouns that a list of subjects shares (地下水和近岸海域「水质」).
_HEADS = sorted(
    [
        "排放总量",
        "排放强度",
        "排放量",
        "减排量",
        "消费量",
        "使用量",
        "货运量",
        "运输量",
        "运量",
        "产量",
        "装机容量",
        "年均浓度",
        "平均浓度",
        "浓度",
        "环境质量",
        "水质",
        "质量",
        "建成率",
        "建成比例",
        "覆盖率",
        "保护率",
        "利用率",
        "处理率",
        "收集率",
        "达标率",
        "比例",
        "比率",
        "占比",
        "比重",
        "强度",
        "总量",
        "指数",
        "天气",
        "水体",
        "天数",
        "面积",
        "安全利用",
        "率",
    ],
    key=len,
    reverse=True,
)
#: Subjects that are only a head noun: the thing measured is in an earlier clause.
_BARE_HEADS = {"建成率", "建成比例", "覆盖率", "比例", "占比", "比重", "达标率", "利用率", "处理率"}
_LEAD = re.compile(
    r"(?:(?:力争|争取)?(?:到|至|在|于)?(?:19|20)\d\d年(?:底|末)?(?:前|以前|之前)?"
    r"(?:(?:、|和|及|与)(?=(?:到|至)?(?:19|20)\d\d年))?|"
    r"(?:力争|争取)?(?:到|至|在|于)?“?十[一二三四五六七八九]五”?"
    r"(?:末期|期末|末|期间|时期|中后期)(?:前|以前|之前)?|"
    r"其中|同时|此外|并且|并|力争|争取|确保|每年|区域内|区域|全区域|全域|整体上|总体上|"
    r"基本实现|全面实现|实现)"
)
_SUBJECT_LEAD = re.compile(
    r"(?:区域内|区域|全域|全境|地区|的|各地|每年|力争|争取|确保|全国|全省|全市|全区|全县|"
    r"及以上|以上|及以下|以下|左右)+"
)
_SUBJECT_TAIL = ("的", "等", "年均")
_CONJ = re.compile(r"、|以及|和|与|及(?!以上|以下|其)")
_STATUS = re.compile(
    r"已|现有|目前|共有|拥有|(?:下降|降低|减少|提高|提升|增加|增长|达到|建成|完成|超过)了|截至|截止|以来"
)
_YEAR = re.compile(r"(?:19|20)\d\d(?=\s*年)")
_RANGE_END = re.compile(r"\s*年?\s*[-—–~至到]\s*(?:19|20)\d\d")
_BASE_BEFORE = ("比", "较", "相比", "相较", "相较于", "对比", "与", "以", "同比", "由", "从")
_BASE_AFTER = ("基础上", "的基础上", "为基", "基准", "水平")
_SEP = frozenset(",;:。!?")
_PLACE_SEP = re.compile(r"[^、和及与,;。()“”]{0,4}?(?:、|和|及|与)")
_PLACE_STOP = frozenset('、,;:。!?()“”"《》 □')
_TARGET_SECTION = re.compile(r"总体要求|主要目标|总体目标|工作目标|目标任务|发展目标|目标要求")


# --------------------------------------------------------------------------- drafts


@dataclass(slots=True)
class _Draft:
    sentence: int
    start: int  # the quote: first a span in the clause (used for huge clauses), then
    end: int  # plan-level offsets
    order: int
    indicator: model.Indicator
    value: Decimal | None = None
    unit: str | None = None
    count_noun: str | None = None
    comparator: model.Comparator | None = None
    direction: model.Direction | None = None
    target_year: int | None = None
    base_year: int | None = None
    scope: str | None = None
    aspirational: bool = False
    recurrence: str | None = None


@dataclass(slots=True)
class _Paragraph:
    """What carries from clause to clause and sentence to sentence in a paragraph."""

    plan_year: int | None
    year: int | None = None
    past: bool = False
    years: tuple[int, ...] = ()  # "2023年、2024年、2025年": one year per value of a 分别 list


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    value: Decimal
    unit: str | None
    count_noun: str | None
    qualifier: str | None = None
    ranged: bool = False  # "3—5个": the lower bound, read as AtLeast
    increase: bool = False  # "翻一番": the number itself says the direction


@dataclass(slots=True)
class _Clause:
    start: int  # offsets into the sentence
    end: int
    text: str  # full-width translated
    masked: str
    body: int = 0  # offset (in the clause) where the content starts, after the lead
    places: list[str] = field(default_factory=list)
    subject_at: int = 0  # offset after the heading places
    names: list[str] = field(default_factory=list)  # the heading places as printed


# --------------------------------------------------------------------------- public API


def extract_targets(
    plan: model.Plan,
    resolve_place: Callable[[str], str | None],
    *,
    indicators: IndicatorTable | None = None,
) -> tuple[model.Target, ...]:
    """The targets of ``plan`` in document order, each with the clause it was read from.

    ``resolve_place`` maps a Chinese place name (北京, 珠三角 …) to a Place id, or None.
    """
    table = indicators or load_indicators()
    cache: dict[str, str | None] = {}
    own_id = resolve_place(plan.region) if plan.region else None

    def own(name: str) -> bool:
        # the plan's own region (京津冀, 大湾区 …) is no narrower scope
        return bool(plan.region) and (
            (len(name) >= 3 and (name in plan.region or plan.region in name))
            or any(plan.region.startswith(name + s) for s in _ADMIN_SUFFIXES)
        )

    def resolve(name: str) -> str | None:
        if name not in cache:
            pid = None if own(name) else resolve_place(name)
            if len(name) == 1 and pid is not None and pid == own_id:
                pid = None  # 琼 in a plan of 海南
            cache[name] = pid
        return cache[name]

    def waters(text: str) -> WaterIndex:
        """Rivers, lakes, bays … that the resolver may not know (南渡江, 万泉河), found by
        the place finder's gazetteer and suffix patterns."""
        hits, _ = places.find_places(text)
        return {
            h.start: (h.end, h.place.id)
            for h in hits
            if h.place.kind in _WATER_KINDS and not own(text[h.start : h.end])
        }

    drafts: list[tuple[model.Owner, _Draft]] = []
    for owner, sentences in _units(plan):
        carry = owner.kind == "plan"
        for draft in _unit_targets(plan, sentences, resolve, table, carry=carry, waters=waters):
            drafts.append((owner, draft))
    drafts.sort(key=lambda od: (od[1].sentence, od[1].start, od[1].order))
    targets = []
    for n, (owner, d) in enumerate(drafts, start=1):
        quote = model.Quote(d.sentence, d.start, d.end, plan.text[d.start : d.end])
        targets.append(
            model.Target(
                plan=plan.id,
                index=n,
                owner=owner,
                indicator=d.indicator,
                quote=quote,
                value=d.value,
                unit=d.unit,
                count_noun=d.count_noun,
                comparator=d.comparator,
                direction=d.direction,
                target_year=d.target_year,
                base_year=d.base_year,
                scope=d.scope,
                aspirational=d.aspirational,
                recurrence=d.recurrence,
            )
        )
    return tuple(targets)


#: 湖北 is the region of a plan titled 湖北省…
_ADMIN_SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区")


def _units(plan: model.Plan) -> Iterable[tuple[model.Owner, tuple[model.Sentence, ...]]]:
    """Owners and their sentences; the release text (preface) is news, not the plan."""
    if plan.preamble:
        yield model.Owner("preamble"), plan.preamble.sentences
    for section in plan.sections:
        plan_level = bool(_TARGET_SECTION.search(section.title)) or (
            section.ordinal == 1 and not section.tasks
        )
        if plan_level:
            yield model.Owner("plan"), section.sentences
            for task in section.tasks:
                yield model.Owner("plan"), task.sentences
            continue
        yield model.Owner("section", str(section.ordinal)), section.sentences
        for task in section.tasks:
            yield model.Owner("task", task.key), task.sentences
    if plan.closing:
        yield model.Owner("closing"), plan.closing.sentences


def _unit_targets(
    plan: model.Plan,
    sentences: Sequence[model.Sentence],
    resolve: Resolver,
    table: IndicatorTable,
    *,
    carry: bool = False,
    waters: Waters | None = None,
) -> list[_Draft]:
    """The targets of one unit.  With ``carry`` (the goals of 一、总体要求), a paragraph
    without a year of its own continues the year of the paragraph before: goals are often
    printed as "到2027年,…。" followed by paragraphs of indicators."""
    drafts: list[_Draft] = []
    para = _Paragraph(plan.year)
    previous_end: int | None = None
    for sentence in sentences:
        if previous_end is not None and "\n" in plan.text[previous_end : sentence.start]:
            # a new paragraph starts afresh, unless it is an item of a list that the
            # paragraph before announced ("到2025年,主要目标是:" / "——…")
            before = plan.text[max(0, previous_end - 1) : previous_end]
            if not ((before and before in ":：") or _LIST_ITEM.match(sentence.text)):
                kept = para.year if carry and not para.past else None
                para = _Paragraph(plan.year, year=kept)
        previous_end = sentence.end
        drafts.extend(_sentence_targets(sentence, para, resolve, table, waters))
    return drafts


# --------------------------------------------------------------------------- sentences


def _sentence_targets(
    sentence: model.Sentence,
    para: _Paragraph,
    resolve: Resolver,
    table: IndicatorTable,
    waters: Waters | None = None,
) -> list[_Draft]:
    """The targets of one sentence; ``para`` carries the target year between sentences."""
    text = sentence.text.translate(_FULLWIDTH)
    masked = _mask(text)
    if not _NUMERAL.search(masked) and (para.year is None or not _QUAL.search(masked)):
        return []  # no number, no year, and no deadline to make a state change a target
    clauses = _split(text, masked)
    water: WaterIndex = waters(text) if waters is not None and _WATER_CHAR.search(masked) else {}
    drafts: list[_Draft] = []
    sentence_places: list[str] = []
    sentence_base: int | None = None
    sentence_aspirational = False
    previous: model.Indicator | None = None  # of the last target: an omitted subject
    for clause in clauses:
        clause.body = _lead_end(clause.masked)
        clause.places, clause.subject_at, clause.names = _head_places(clause, resolve, water)
    content = [c for c in clauses if c.body < len(c.text.rstrip())]
    # places heading the sentence, and no other: the scope of its later clauses too
    # ("珠三角全域推进美丽河湖建设,建成率达到45%").  A water body (丹江口水库水质…) speaks
    # for its own clause only, and so does a list of places whose clause has targets of
    # its own (福州、厦门…分别降至19、17微克/立方米).
    if (
        content
        and content[0].places
        and not any(c.places for c in content[1:])
        and not any(
            _is_water(p, n) for p, n in zip(content[0].places, content[0].names, strict=True)
        )
    ):
        sentence_places = content[0].places
    for ci, clause in enumerate(clauses):
        timed = _read_years(clause, para)
        base = _base_year(clause.text)
        aspirational = "力争" in clause.masked or "争取" in clause.masked
        if clause.body >= len(clause.text.rstrip()):
            # a lead clause: "到2027年", "力争到2030年", "与2020年相比"
            sentence_aspirational |= aspirational
            sentence_base = base or sentence_base
            continue
        places = clause.places or ([] if _WHOLE.search(clause.masked) else sentence_places)
        context = text[max(0, clause.start - 120) : clause.start]
        found = _numeric(clause, para, table, context, places, previous)
        if not found and para.year is not None and not para.past:
            found = _qualitative(clause, table, context, places, water)
        if found:
            previous = found[-1].indicator
            if clause is content[0] and len(sentence_places) > 1:
                sentence_places = []
        if not found and timed is None and base and not clause.places:
            sentence_base = base
        annual = "annual" if "每年" in clause.masked else None
        # "2023年、2024年、2025年,…分别达到40%、50%、60%": one year per value
        years = para.years if len(para.years) == len(found) > 1 else ()
        if years and "分别" not in clause.masked:
            years = ()
        for order, d in enumerate(found):
            if len(clause.text) > _MAX_QUOTE and d.end > d.start:
                lo, hi = _strip_span(clause.text, d.start, d.end)  # a huge clause: narrow
            else:
                lo, hi = _strip_span(clause.text, 0, len(clause.text))
            d.sentence = sentence.index
            d.start = sentence.start + clause.start + lo
            d.end = sentence.start + clause.start + hi
            d.order = ci * 1_000_000 + order
            d.target_year = para.year if not para.past else None
            if years:
                d.target_year = years[order]
            d.base_year = base or sentence_base
            d.aspirational = aspirational or sentence_aspirational
            d.recurrence = annual
        drafts.extend(found)
    return drafts


def _split(text: str, masked: str) -> list[_Clause]:
    """Clauses between ，,；;。:！？ outside brackets and quotes (not 1,000)."""
    clauses: list[_Clause] = []
    start = 0
    n = len(text)
    for i, ch in enumerate(masked):
        if ch not in _SEP and ch not in "。；：，":
            continue
        if (
            ch == ","
            and 0 < i < n - 3
            and text[i - 1].isdigit()
            and text[i + 1 : i + 4].isdigit()
            and (i + 4 == n or not text[i + 4].isdigit())
        ):
            continue  # 1,000
        if i > start:
            clauses.append(_Clause(start, i, text[start:i], masked[start:i]))
        start = i + 1
    if start < n:
        clauses.append(_Clause(start, n, text[start:], masked[start:]))
    return clauses


def _strip_span(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (text[lo].isspace() or text[lo] in "—·•-"):
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _read_years(clause: _Clause, para: _Paragraph) -> int | None:
    """Update the paragraph's target year from the time phrases of a clause."""
    found: int | None = None
    text = clause.masked
    deadlines: list[tuple[int, int, int]] = []  # (start, end, year) of the deadlines read
    for m in _time_phrases(text):
        if isinstance(m, tuple):  # a five-year plan period: 到“十四五”末, “十四五”期间
            year, start, end = m
            if para.plan_year is None or year >= para.plan_year:
                para.year, para.past = year, False
                deadlines.append((start, end, year))
            else:
                para.year, para.past = None, True
            found = year
            continue
        year = int(m.group())
        before = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() + 1 : m.end() + 6].lstrip()
        if before.endswith(_BASE_BEFORE) or after.startswith(_BASE_AFTER):
            continue  # a base year
        if _RANGE_END.match(text, m.end()):
            continue  # start of a range "2025—2027年": the end year counts
        if after.startswith(("起", "开始")):
            continue
        if before.endswith(("截至", "截止", "截止到")) or after.startswith(("以来", "来")):
            para.year, para.past = None, True
            found = year
            continue
        deadline = before.endswith(("到", "至")) or after.startswith(
            ("前", "以前", "之前", "底前", "末前", "年底前")
        )
        if deadline or para.plan_year is None or year >= para.plan_year:
            para.year, para.past = year, False
            deadlines.append((m.start(), m.end(), year))
        else:
            para.year, para.past = None, True
        found = year
    if found is not None:
        para.years = _year_list(text, deadlines)
    return found


def _time_phrases(text: str) -> list[re.Match[str] | tuple[int, int, int]]:
    """Years (``2027``) and five-year plan periods (as ``(year, start, end)``) in order."""
    found: list[tuple[int, re.Match[str] | tuple[int, int, int]]] = [
        (m.start(), m) for m in _YEAR.finditer(text)
    ]
    for m in _FYP_TIME.finditer(text):
        # a period is a time only with 到/至 before it or 末/期间 after it ("十四五"规划 is a
        # name), and not after 比/较 (a base)
        if (m.group("to") or m.group("when")) and not text[: m.start()].endswith(_BASE_BEFORE):
            year = _fyp_year(m.group("n"))
            found.append((m.start(), (year, m.start(), m.end())))
    found.sort(key=lambda p: p[0])
    return [f for _, f in found]


_YEAR_JOIN = re.compile(r"年(?:底|末)?(?:前)?\s*(?:、|和|及|与|,)\s*(?:到|至)?")


def _year_list(text: str, deadlines: list[tuple[int, int, int]]) -> tuple[int, ...]:
    """``2023年、2024年、2025年`` (or ``2025年和2030年``): the years of a 分别 list."""
    if len(deadlines) < 2:
        return ()
    for (_, end, _), (start, _, _) in itertools.pairwise(deadlines):
        if not _YEAR_JOIN.fullmatch(text, end, start):
            return ()
    return tuple(y for _, _, y in deadlines)


def _base_year(text: str) -> int | None:
    m = re.search(
        r"(?:比|较|相比|相较于?|对比|由|从)((?:19|20)\d\d)年|与((?:19|20)\d\d)年相比"
        r"|以((?:19|20)\d\d)年为基|在((?:19|20)\d\d)年(?:的)?基础上",
        text,
    )
    if not m:
        fyp = _FYP_BASE.search(text)
        return _fyp_year(fyp.group("n")) if fyp else None
    return int(next(g for g in m.groups() if g))


#: "比“十三五”末下降18%": the end of a five-year plan as the base.
_FYP_BASE = re.compile(
    r"(?:比|较|相比|相较于?|对比|与)[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:末|期末)"
)


def _fyp_year(numeral: str) -> int:
    """The last year of the five-year plan 十{numeral}五: 十四五 -> 2025."""
    return 1955 + 5 * (11 + "一二三四五六七八九".index(numeral))


def _lead_end(masked: str) -> int:
    """Skip the time phrase and connectives that open a clause."""
    pos = 0
    for _ in range(6):
        while pos < len(masked) and masked[pos].isspace():
            pos += 1
        m = _LEAD.match(masked, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    if re.fullmatch(r"\s*(?:与|比|较)(?:19|20)\d\d年(?:相比)?\s*", masked[pos:]):
        return len(masked)
    return pos


def _head_places(
    clause: _Clause, resolve: Resolver, water: WaterIndex | None = None
) -> tuple[list[str], int, list[str]]:
    """Places that head the clause (``天津、河北…``), where the rest begins, and the
    places as printed.

    ``吉黑两省`` (a run of one-character abbreviations and a count of them) names one place
    per character; a count after a list (``黑龙江、吉林两省``) is skipped.  A place that only
    describes a land-type zone (``东北黑土区``, ``华北平原区``) is no scope unless it is an
    administrative unit.  A water body the resolver lacks is taken from ``water``.
    """
    text, pos = clause.text, clause.body
    run = _abbreviation_run(text, pos, resolve)
    if run is not None:
        return run
    places: list[str] = []
    names: list[str] = []
    end = pos
    while pos < len(text):
        run_end = pos
        while run_end < len(text) and run_end - pos < 12 and text[run_end] not in _PLACE_STOP:
            run_end += 1
        hit = _place_at(text, pos, run_end, resolve)
        if hit is None and water:
            found = water.get(clause.start + pos)
            if found is not None and found[0] - clause.start <= run_end:
                hit = found[1], found[0] - clause.start
        if hit is None:
            break
        # a place right after a place is the narrower one: 江苏盐城, 河北雄安新区
        start = pos
        narrower = _place_at(text, hit[1], run_end, resolve)
        if narrower is not None:
            start, hit = hit[1], narrower
        if _ZONE.match(text, hit[1]) and not _is_admin(hit[0]):
            break  # 东北黑土区: the place describes the zone, which is no scope
        places.append(hit[0])
        names.append(text[start : hit[1]])
        end = hit[1]
        sep = _PLACE_SEP.match(text, end)
        if not sep:
            break
        pos = sep.end()
    if len(places) > 1:
        count = _COUNTED.match(text, end)
        if count and _count(count.group()) == len(places):
            end = count.end()
    return places, end, names


#: A land-type zone (黑土区, 平原区, 山区, 林区, 牧区, 农区 …): a kind of land, not a place.
_ZONE = re.compile(
    r"(?:黑土|平原|丘陵|山|林|牧|农|半农半牧|农牧交错|草原|风沙|沙|荒漠|高原|冻土|盐碱|"
    r"石漠化|水土流失|生态脆弱)区"
)
_ADMIN_KINDS = frozenset({"Province", "City", "District", "County", "DevelopmentZone"})
#: A count of the places before it: 两省, 三省区, 两省一市, 四地.
_COUNT_WORD = r"(?:[两二三四五六七八九]|\d)(?:省区市|省市区|省区|省市|自治区|省|市|区|地|州|盟|县)"
_COUNT_MORE = _COUNT_WORD.replace("[两", "[一两")
_COUNTED = re.compile(rf"{_COUNT_WORD}(?:{_COUNT_MORE})*")
_ABBREVIATED = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)({_COUNT_WORD}(?:{_COUNT_MORE})*)")


def _count(words: str) -> int:
    """The places a count names: 两省一市 is 3."""
    return sum(
        int(ch) if ch.isdigit() else "一二三四五六七八九".index(ch.replace("两", "二")) + 1
        for ch in re.findall(r"[一两二三四五六七八九]|\d", words)
    )


def _abbreviation_run(
    text: str, pos: int, resolve: Resolver
) -> tuple[list[str], int, list[str]] | None:
    """``吉黑两省``, ``苏浙沪两省一市``: each character an abbreviation, as many as counted."""
    m = _ABBREVIATED.match(text, pos)
    if not m or len(m.group(1)) != _count(m.group(2)):
        return None
    ids = [resolve(ch) for ch in m.group(1)]
    if any(i is None for i in ids) or len(set(ids)) != len(ids):
        return None
    return [i for i in ids if i], m.end(), list(m.group(1))


def _is_admin(place_id: str) -> bool:
    place = gazetteer.place_by_id(place_id)
    return place is not None and place.kind in _ADMIN_KINDS


_WATER_KINDS = frozenset(
    {"River", "Lake", "Reservoir", "Bay", "Sea", "Estuary", "Coast", "Wetland", "Basin"}
)
_WATER_CHAR = re.compile(r"[江河湖湾海库淀泊溪渠]")
_WATER_NAME = re.compile(r"(?:水库|湖|河|江|湾|海|淀|泊|溪|渠|干流|支流)$")
#: Words that make a clause about the whole region, whatever place headed the sentence.
_WHOLE = re.compile(r"^[^,;]{0,6}?(?:全(?:省|市|区|县|国|域|境|流域)|区域内|各地)")


def _is_water(place_id: str, name: str) -> bool:
    """A river, lake, bay … (a water body's quality is a target about that body alone)."""
    place = gazetteer.place_by_id(place_id)
    if place is not None:
        return place.kind in _WATER_KINDS
    return _WATER_NAME.search(name) is not None


def _place_at(text: str, pos: int, end: int, resolve: Resolver) -> tuple[str, int] | None:
    """The longest place name starting at ``pos`` (before ``end``) and where it ends."""
    for length in range(end - pos, 1, -1):
        pid = resolve(text[pos : pos + length])
        if pid:
            return pid, pos + length
    return None


# --------------------------------------------------------------------------- numbers


def _items(masked: str, start: int) -> list[_Item]:
    items: list[_Item] = []
    for m in _ITEM.finditer(masked, start):
        prev = masked[m.start() - 1] if m.start() else ""
        if prev and ((prev.isascii() and (prev.isalnum() or prev in ".-")) or prev == "第"):
            continue
        value: Decimal | None
        unit: str | None = None
        noun: str | None = None
        increase = False
        if m.group("pct") is not None:
            value, unit = _number(m.group("pct")), _PERCENT
        elif m.group("fden") is not None:  # 三分之一: a share, as a percentage
            den, num = _number(m.group("fden")), _number(m.group("fnum"))
            value, unit = None, _PERCENT
            if den and num is not None and num <= den:
                value = _plain(num * 100 / den)
        elif m.group("fan") is not None:  # 翻一番: doubles, an increase of 100%
            times = _number(m.group("fan"))
            value, unit, increase = None, _PERCENT, True
            if times is not None and 0 < times <= 4:
                value = Decimal(2 ** int(times) - 1) * 100
        elif m.group("cheng") is not None:
            cheng = _number(m.group("cheng"))
            value, unit = (cheng * 10 if cheng is not None else None), _PERCENT
        elif m.group("num") is not None:
            following = masked[m.end("num") : m.end("num") + 1]
            if following in "年月日号" and following:
                continue
            value = _number(m.group("num"))
            unit, noun, value = _unit(m.group("unit"), value)
        else:
            run = m.group("cn")
            if run == "一" or prev in _CN_DIGITS:
                continue
            value = _number(run)
            unit, noun, value = _unit(m.group("cunit"), value)
        if value is None or masked[m.end() : m.end() + 1] == "级":
            continue
        items.append(_Item(m.start(), m.end(), value, unit, noun, increase=increase))
    for item in items:
        q = _QUALIFIER.match(masked, item.end)
        if q:
            item.qualifier = q.group()
    return items


def _number(text: str) -> Decimal | None:
    try:
        if text[0].isdigit():
            return Decimal(text)
        if text[0] in "十百千":  # 百分之百, 十五
            text = "一" + text
        import cn2an  # imported lazily: slow to import, needed only for Chinese numerals

        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (InvalidOperation, ValueError, KeyError, IndexError):
        return None


def _plain(value: Decimal) -> Decimal:
    """A computed share rounded to two decimals, without trailing zeros (25, 33.33)."""
    value = value.quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _unit(
    printed: str | None, value: Decimal | None
) -> tuple[str | None, str | None, Decimal | None]:
    if not printed or value is None:
        return None, None, value
    if printed in _UNITS:
        return _UNITS[printed], None, value
    if printed[0] in _COUNT_SCALE:
        scaled = value * _COUNT_SCALE[printed[0]]
        if scaled == scaled.to_integral_value():
            scaled = scaled.quantize(Decimal(1))
        return _PG_COUNT, printed[1:], scaled
    return _PG_COUNT, printed, value


def _groups(masked: str, items: list[_Item]) -> list[list[_Item]]:
    """Lists like ``42%、55%`` or ``7.3、7个百分点``: one group, the unit shared."""
    merged: list[_Item] = []
    for item in items:
        if merged and merged[-1].unit is None and item.unit is not None:
            last = merged[-1]
            if re.fullmatch(r"\s*[-—–~至到]{1,2}\s*", masked[last.end : item.start]):
                last.end, last.unit, last.count_noun = item.end, item.unit, item.count_noun
                last.qualifier, last.ranged = item.qualifier, True
                continue
        merged.append(item)
    groups: list[list[_Item]] = []
    for item in merged:
        if groups:
            last = groups[-1][-1]
            gap = masked[last.end : item.start]
            if re.fullmatch(r"(?:及以上|以上|及以下|以下|以内|左右)?(?:、|和)", gap):
                groups[-1].append(item)
                continue
        groups.append([item])
    kept = []
    for group in groups:
        unit: tuple[str | None, str | None] = (None, None)
        for item in reversed(group):
            if item.unit is None:
                item.unit, item.count_noun = unit
            else:
                unit = (item.unit, item.count_noun)
        group = [i for i in group if i.unit is not None]
        if group:
            qualifier = group[-1].qualifier
            for item in group:
                item.qualifier = item.qualifier or qualifier
            kept.append(group)
    return kept


def _numeric(
    clause: _Clause,
    para: _Paragraph,
    table: IndicatorTable,
    context: str,
    places: list[str],
    previous: model.Indicator | None,
) -> list[_Draft]:
    masked, text = clause.masked, clause.text
    groups = _groups(masked, _items(masked, clause.subject_at))
    if not groups or para.past or _STATUS.search(masked) or _RULE.search(masked):
        return []
    drafts: list[_Draft] = []
    region = clause.subject_at
    subject_from = region  # behind an attribute ("浓度高于100毫克/升的规模") the subject goes on
    modal = re.search(r"力争|争取|确保|每年", masked) is not None
    for group in groups:
        g_start = group[0].start
        g_end = group[-1].end + len(group[-1].qualifier or "")
        pre = masked[region:g_start]
        if _FROM_VALUE.search(pre):
            region = subject_from = g_end  # "由2020年的40%提高到50%": where it starts from
            continue
        if _attribute(masked, group, g_end):
            region = g_end  # "10蒸吨及以下燃煤锅炉", "高于100毫克/升的": describes a noun
            continue
        # one look past the number, for "达15%" and "为百分之…"
        pm = _PREDICATE.search(masked[region : g_start + 3])
        if pm is not None and pm.start() >= len(pre):
            pm = None
        subj_end = region + (pm.start() if pm else len(pre))
        subject = _clean_subject(text[subject_from:subj_end])
        verbs = masked[subj_end:g_start]
        strict = [m for m in _STRICT.finditer(verbs)]
        if not strict:  # "新建城市绿道约2000公里": the word right before the number
            near = max(region, g_start - 3)
            strict = [m for m in _STRICT.finditer(masked, near, g_start) if m.end() == g_start]
        direction: model.Direction | None = None
        for dm in _DIRECTION.finditer(verbs):
            direction = _DIR_NAME[dm.lastgroup or ""]
        if direction is None and any(i.increase for i in group):
            direction = "Increase"
        action = _ACTION.search(masked, region, g_start)
        committed = (
            para.year is not None
            or bool(strict)
            or direction is not None
            or action is not None
            or any(i.qualifier for i in group)
            or modal
            or re.search(r"达到|达(?=\d)", masked[region : g_start + 1]) is not None
        )
        region_next = g_end
        if not committed:
            region = subject_from = region_next
            continue
        down_to = _DOWN_TO.search(verbs) is not None
        # what is counted or measured after the number: "1个“无废城市”"
        post_end, post_stop = g_end, min(len(masked), g_end + 30)
        while post_end < post_stop and masked[post_end] not in "、,;。":
            post_end += 1
        post = text[g_end:post_end]
        verb_obj = ""
        label = subject
        if action is not None:
            inside = action.start() < subj_end  # "新增…能力不少于": the subject is a verb phrase
            stop = subj_end if inside else g_start
            obj = _STRICT.sub("", text[action.end() : stop])
            verb_obj = text[action.start() : action.end()] + obj
            if inside or not subject:
                if _MEASURE_NOUN.search(_key(obj)):
                    label = _clean_subject(obj)
                elif inside and not _clean_subject(obj):
                    # "处置能力新增50万吨/年": the verb follows what it adds to
                    head = _clean_subject(text[subject_from : action.start()])
                    label = text[action.start() : action.end()] + head
                else:
                    label = _clean_subject(_ITEM.sub("", verb_obj + post))
        head_text = verb_obj + post
        parts = _parts(subject, table)
        distributive = "分别" in verbs or verbs.startswith("均") or len(group) == len(parts)
        split = len(parts) > 1 and (
            (distributive and len(group) in (1, len(parts))) or _distinct(parts, table)
        )
        if not split:
            parts = [subject]
        # "降至30微克/立方米,力争达到28微克/立方米": no subject, the previous one's
        same = previous if action is None and _elliptical(subject, table) else None
        indicators = [
            _numeric_indicator(p, head_text, p if split else label, clause, table, context, same)
            for p in parts
        ]
        pairs: list[tuple[_Item, model.Indicator, str | None]] = []
        if len(places) > 1:
            if len(group) == 1:
                pairs = [(group[0], indicators[0], pl) for pl in places]
            else:
                pairs = [(it, indicators[0], pl) for it, pl in zip(group, places, strict=False)]
        elif len(indicators) > 1:
            if len(group) == 1:
                pairs = [(group[0], ind, None) for ind in indicators]
            else:
                pairs = [(it, ind, None) for it, ind in zip(group, indicators, strict=False)]
        else:
            pairs = [(it, indicators[0], None) for it in group]
        for item, ind, place in pairs:
            comparator: model.Comparator
            if item.qualifier:
                comparator = _QUALIFIER_CMP[item.qualifier]
            elif item.ranged:
                comparator = "AtLeast"
            elif strict:
                comparator = _STRICT_CMP[strict[-1].group()]
            elif down_to:
                comparator = "AtMost"
            else:
                comparator = "Exactly"
            drafts.append(
                _Draft(
                    sentence=0,
                    start=max(clause.subject_at, g_start - 60),
                    end=post_end,
                    order=0,
                    indicator=ind,
                    value=item.value,
                    unit=item.unit,
                    count_noun=item.count_noun if item.unit == _PG_COUNT else None,
                    comparator=comparator,
                    direction=direction,
                    scope=place or (places[0] if len(places) == 1 else None),
                )
            )
        region = subject_from = region_next
    return drafts


#: Standing rules (不得, 严禁 …) set limits but commit to nothing: 沿江1公里范围内不得新建….
_RULE = re.compile(r"不得|严禁|禁止|不准|不允许|原则上不再")
_SCALAR_UNITS = frozenset({_PERCENT, _PG_PP, _PG_COUNT})


def _attribute(masked: str, group: list[_Item], end: int) -> bool:
    """A measured number that describes a noun (``2000吨/日以下水泥熟料生产线``,
    ``浓度高于100毫克/升的规模``) rather than what is committed to.  Counts and shares
    before a noun are commitments (``建成10个以上美丽海湾``, ``达到30%的目标``)."""
    last = group[-1]
    if last.unit is None or last.unit in _SCALAR_UNITS:
        return False
    after = masked[end : end + 1]
    if after == "的":
        return True
    return bool(last.qualifier) and _has_cjk(after)


def _elliptical(subject: str, table: IndicatorTable) -> bool:
    """No subject, or only a short name of where (县城达到70%, 建制镇达到50%): the
    measure is the previous target's."""
    if not subject:
        return True
    key = _key(subject)
    return len(key) <= 4 and not _MEASURE_NOUN.search(key) and table.match(subject) is None


def _numeric_indicator(
    subject: str,
    head_text: str,
    label: str,
    clause: _Clause,
    table: IndicatorTable,
    context: str,
    previous: model.Indicator | None,
) -> model.Indicator:
    """The table's indicator named by the subject, the counted object or the clause; else
    one derived from ``label``."""
    if subject:
        ind = table.match(subject)
        if ind:
            return ind
        if _key(subject) in _BARE_HEADS:
            ind = table.ending(subject, context)
            if ind:
                return ind
            stems = _STEM.findall(context)
            if stems:  # "推进美丽城市建设,建成率…": 美丽城市建成率
                return _derived(stems[-1] + subject)
    if head_text:
        ind = table.match(head_text[:_MATCH_SPAN])
        if ind:
            return ind
    ind = table.match(_ITEM.sub("", clause.text[clause.body : clause.body + _MATCH_SPAN]))
    if ind:
        return ind
    if previous is not None:
        return previous
    if not (_has_cjk(label) and len(_key(label)) >= 2):
        label = _clean_subject(_ITEM.sub("", clause.text[clause.subject_at :]))
    return _derived(label)


# --------------------------------------------------------------------------- qualitative


def _qualitative(
    clause: _Clause,
    table: IndicatorTable,
    context: str,
    places: list[str],
    water: WaterIndex | None = None,
) -> list[_Draft]:
    masked, text = clause.masked, clause.text
    m = _QUAL.search(masked, clause.subject_at)
    if not m:
        return []
    kind = m.lastgroup or ""
    stopped = _STOPPED.match(masked, m.end())
    if stopped:
        curbed = _CURBED.match(masked, m.start())
        if kind != "inc" or curbed is None:
            return []  # "下降趋势得到扭转", "增长得到控制": the change is stopped, not made
        kind = "curb"  # "上升趋势得到有效遏制": a rise that is curbed, no direction
    subject = _clean_subject(text[clause.subject_at : m.start()])
    obj = text[m.end() :]
    suffix = ""
    if kind == "curb":
        suffix = re.sub(r"^(?:持续|稳步|逐步|明显|大幅|进一步|显著|不断)", "", m.group())
        suffix += (stopped.group(1) or "") if stopped else ""
    elif kind == "cover":
        suffix = "覆盖"
    elif kind == "peak":
        suffix = "达峰"
        subject = re.sub(r"达到$", "", subject)
    elif kind in {"keep", "reach"}:
        cls = _CLASS.match(masked, m.end())
        if cls:
            suffix = cls.group()
    if not subject:
        if kind in {"elim", "inc", "dec"}:
            subject = _clean_subject(obj)  # verb first: 消除…, 降低…
        if not subject:
            return []
    if _key(subject) in _VAGUE:
        return []
    parts = _parts(subject, table, suffix)
    if len(parts) > 1 and not (
        _distinct(parts, table, suffix) or all(_native_head(p) for p in parts)
    ):
        parts = [subject]
    indicators: list[model.Indicator] = []
    for part in parts:
        probe = part + suffix
        ind = table.match(probe) if kind != "curb" else None  # a trend is not the level
        if ind is None and _key(part) in _BARE_HEADS:
            ind = table.ending(part, context)
        if ind is None and not _MEASURE_NOUN.search(_key(probe)):
            continue
        if _key(part) in _VAGUE:
            continue
        label = _clean_subject(part) + ("覆盖率" if suffix == "覆盖" else suffix)
        indicators.append(ind or _derived(label))
    direction = _DIR_NAME.get(kind)
    if kind == "reach" and m.group().startswith("稳定"):
        direction = "Maintain"  # 稳定达到Ⅱ类: keeps a class it has
    if not clause.places and water and _WATER_MEASURE.search(subject):
        # "推动松花江干流水质稳定达到Ⅱ类": the water body named in the subject
        named = _waters_in(water, clause.start + clause.subject_at, clause.start + m.start())
        if named:
            places = named
    scopes: list[str | None] = [*places] or [None]
    drafts = []
    for place in scopes:
        for ind in indicators:
            drafts.append(
                _Draft(
                    sentence=0,
                    start=max(clause.subject_at, m.start() - 60),
                    end=min(len(text), m.end() + 60),
                    order=0,
                    indicator=ind,
                    direction=direction,
                    scope=place,
                )
            )
    return drafts


# --------------------------------------------------------------------------- subjects


def _waters_in(water: WaterIndex, lo: int, hi: int) -> list[str]:
    """The water bodies named within ``[lo, hi)`` of the sentence, in order, once each."""
    found: list[str] = []
    for start in range(lo, hi):
        hit = water.get(start)
        if hit is not None and hit[0] <= hi and hit[1] not in found:
            found.append(hit[1])
    return found


def _clean_subject(text: str) -> str:
    """A subject without the words around it that name no indicator (区域, 力争, …的)."""
    text = text.strip().strip("、,;:。")
    while True:
        lead = _SUBJECT_LEAD.match(text)
        if lead:
            text = text[lead.end() :].lstrip()
            continue
        tail = next((t for t in _SUBJECT_TAIL if text.endswith(t)), None)
        if tail:
            text = text[: -len(tail)].rstrip()
            continue
        return text


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _native_head(part: str) -> bool:
    key = _key(part)
    return any(key.endswith(_key(h)) for h in _HEADS) and key not in _BARE_HEADS


def _parts(subject: str, table: IndicatorTable, suffix: str = "") -> list[str]:
    """Split ``A和B`` / ``A、B`` subjects; parts without a head noun take the last one's."""
    if not subject or "等" in subject:
        return [subject]
    masked = _mask(subject)
    cuts = [(m.start(), m.end()) for m in _CONJ.finditer(masked)]
    if not cuts:
        return [subject]
    parts = []
    pos = 0
    for a, b in cuts:
        parts.append(subject[pos:a])
        pos = b
    parts.append(subject[pos:])
    parts = [p.strip() for p in parts]
    if any(not p for p in parts) or len(parts) > _MAX_PARTS:
        return [subject]
    last_key = _key(parts[-1])
    head = next((h for h in _HEADS if last_key.endswith(_key(h)) and last_key != _key(h)), "")
    if head:
        parts = [p if any(_key(p).endswith(_key(h)) for h in _HEADS) else p + head for p in parts]
    # a shared modifier in front: 单位地区生产总值「能耗」和「二氧化碳排放」
    first = parts[0][:24]
    for i, part in enumerate(parts[1:], start=1):
        if table.match(part + suffix) is None:
            for cut in range(len(first) - 1, 1, -1):
                if table.match(first[:cut] + part + suffix):
                    parts[i] = first[:cut] + part
                    break
    return parts


def _distinct(parts: list[str], table: IndicatorTable, suffix: str = "") -> bool:
    found = [table.match(p + suffix) for p in parts]
    if any(f is None for f in found):
        return False
    return len({f.id for f in found if f}) == len(found)


def _derived(label: str) -> model.Indicator:
    """An indicator that the table lacks: the label as printed, a pinyin slug as id."""
    return _derived_cached(label.strip()[-_MAX_LABEL:] or "未命名指标")


@lru_cache(maxsize=4096)
def _derived_cached(label: str) -> model.Indicator:
    from pypinyin import lazy_pinyin

    return model.Indicator(slugify(label), label, " ".join(lazy_pinyin(_key(label))))
