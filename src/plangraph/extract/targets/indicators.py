"""Indicators: what a target measures, named by the measured quantity (a noun phrase).

Looked up in ``data/indicators.tsv`` (the longest pattern contained in the subject, else in
the counted object, else in the clause); one that is not listed gets the subject as printed
for a label and its pinyin as id."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ahocorasick_rs import AhoCorasick

from plangraph import model, resources, vocab

from .clauses import MATCH_SPAN, MAX_LABEL, MAX_PARTS, mask, match_key


def slugify(label: str) -> str:
    """An ASCII id for a Chinese label: its pinyin, lower case, joined by ``-``."""
    slug = vocab.slugify(match_key(label), "-", place_name=False, default="")
    if len(slug) > 64:
        slug = slug[:64].rsplit("-", 1)[0]
    return slug or "indicator"


#: A measure right after a listed name makes another quantity of the same thing:
#: 可再生能源装机「占比」 is a share, not the capacity 可再生能源装机.
OTHER_MEASURE = re.compile(r"占比|比重|比例|比率|(?<!利用)率(?!先)|容量|总量|强度|面积|指数")


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
            printed = {match_key(ind.label_zh): ind.label_zh}
            for name in row["patterns"].split("|"):
                printed.setdefault(match_key(name), name.strip())
            patterns.extend((k, _as_printed(ind, printed[k])) for k in sorted(printed) if k)
        patterns.sort(key=lambda p: -len(p[0]))
        return cls(tuple(indicators), tuple(patterns))

    @classmethod
    def parse(cls, text: str, source: str = "indicators.tsv") -> IndicatorTable:
        """A table from TSV text with a header line (:func:`plangraph.resources.parse_table`)."""
        return cls.from_rows(resources.parse_table(text, source))

    def match(self, text: str) -> model.Indicator | None:
        """The indicator whose longest pattern occurs in ``text``."""
        key = _SHARE_OF.sub("", match_key(text[-MATCH_SPAN:]))
        if not key:
            return None
        share = _SHARE_WHOLE.search(key)
        for pattern, ind in _occurring(self.patterns, key):
            at = key.find(pattern)
            if at < 0 or OTHER_MEASURE.match(key, at + len(pattern)):
                continue
            if key[max(0, at - 2) : at] in _NARROWED or key[:at].endswith(_ENERGY_KINDS):
                # 「本地」非化石能源占…比重: the local part; 「可再生」能源消费总量: one kind
                continue
            if _SHARE_OF_KIND.match(key, at + len(pattern)):
                continue  # 地下水质量「极差比例」: the share of a kind, another measure
            if share is not None and at >= share.start() and not pattern.endswith(share.group(1)):
                continue  # 非化石能源占「能源消费总量」的比重: the whole a share is of
            if at >= 3 and key[at - 1] in _JOINED and _NOUN_END.match(key[at - 2]):
                # 受污染耕地和「污染地块安全利用率」: one measure of two things, not the
                # second's alone (the label stays as printed)
                continue
            return ind
        return None

    def names_area(self, text: str) -> bool:
        """Whether ``text`` opens with the name of a listed indicator that itself names a
        kind of area (城市建成区绿化覆盖率, 地级及以上城市空气质量优良天数比率)."""
        key = match_key(text.strip()[:MATCH_SPAN])
        return any(
            key.startswith(pattern) and _AREA_HEAD.match(pattern) for pattern, _ in self.patterns
        )

    def ending(self, head: str, context: str) -> model.Indicator | None:
        """An indicator ``X+head`` whose ``X`` occurs in ``context`` (``建成率`` after
        ``推进美丽河湖建设`` is 美丽河湖建成率)."""
        head_key, ctx = match_key(head), match_key(context)
        for pattern, ind in self.patterns:
            if len(pattern) > len(head_key) and pattern.endswith(head_key):
                stem = pattern[: -len(head_key)]
                if len(stem) >= 2 and stem in ctx:
                    return ind
        return None


Patterns = tuple[tuple[str, model.Indicator], ...]
# per table's patterns: them, an automaton of their distinct keys, and for each key the
# places of its patterns in the table's order
_FINDERS: dict[int, tuple[Patterns, AhoCorasick | None, tuple[tuple[int, ...], ...]]] = {}


def _occurring(patterns: Patterns, key: str) -> list[tuple[str, model.Indicator]]:
    """The patterns that occur in ``key``, in the table's order (longest first): one pass of
    an automaton instead of a search for each of the table's hundreds of patterns."""
    entry = _FINDERS.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        keys = list(dict.fromkeys(p for p, _ in patterns))
        index = {k: i for i, k in enumerate(keys)}
        places: list[list[int]] = [[] for _ in keys]
        for n, (p, _) in enumerate(patterns):
            places[index[p]].append(n)
        automaton = AhoCorasick(keys) if keys else None
        entry = _FINDERS[id(patterns)] = (patterns, automaton, tuple(map(tuple, places)))
    _, automaton, places_of = entry
    if automaton is None:
        return []
    found = {k for k, _, _ in automaton.find_matches_as_indexes(key, overlapping=True)}
    return [patterns[n] for n in sorted(n for k in found for n in places_of[k])]


#: The share of one kind, or a capacity, after a listed name, closing the subject (地下水质量
#: 「极差比例」, 生活垃圾分类「收运能力」,
#: 水质「达标比例」): a measure of its own, not the named quantity.
_SHARE_OF_KIND = re.compile(
    r"[\u4e00-\u9fff]{1,4}?(?:比例|比重|占比|比率|能力)"
    r"(?:$|(?=达|提|升|增|下降|降|减|控制|保持|稳定|维持|不|超|高于|低于|为|在|分别|均|\d))"
)
#: A conjunction joining a thing to the name of a listed measure (耕地和污染地块安全利用率).
_JOINED = frozenset("和及与、")
#: The last character of a noun before such a conjunction, not of a number or a bracket.
_NOUN_END = re.compile(r"[\u4e00-\u9fff]")
#: A kind of area that opens an indicator's name (城市建成区…, 地级及以上城市…, 县城…).
_AREA_HEAD = re.compile(r"(?:城市建成区|建成区|地级及以上城市|地级以上城市|县级及以上城市|县城)")
#: ``的`` before the measure of a share (占能源消费总量的比重): the table writes it without.
_SHARE_OF = re.compile(r"的(?=比重|比例|占比)")
#: The whole that a share is taken of (…占「能源消费总量」比重): no indicator of its own there.
_SHARE_WHOLE = re.compile(r"占[^,;。占]{2,20}?(比重|比例)")


def _as_printed(ind: model.Indicator, name: str) -> model.Indicator:
    """The indicator labelled by the name a plan prints for it (非化石能源消费比重 for the
    row labelled 非化石能源消费占比), where that name is a whole measure: a reader finds
    the plan's own words, and the id still says which indicator it is.  A stem kept for
    matching (污染地块安全利用, 劣Ⅴ类) keeps the row's label."""
    if name == ind.label_zh or not name:
        return ind
    whole = _MEASURE_END.search(match_key(name)) is not None and len(match_key(name)) >= 4
    return model.Indicator(ind.id, name, ind.label_en) if whole else ind


#: The end of a whole measure's name (…率, …比重, …浓度, …总量, …天数 …).
_MEASURE_END = re.compile(
    r"(?:浓度|比例|比率|比重|占比|率|总量|强度|指数|天数|消费量|用水量|能耗|排放量|面积|容量|"
    r"产值|收入|数量|水质)$"
)


@lru_cache(maxsize=1)
def _bundled_table() -> IndicatorTable:
    return IndicatorTable.from_rows(resources.table("data", "indicators.tsv"))


def load_indicators(text: str | None = None) -> IndicatorTable:
    """The bundled indicator table, or one parsed from ``text`` (TSV with a header)."""
    return _bundled_table() if text is None else IndicatorTable.parse(text)


#: Nouns that make a subject measurable (a qualitative target needs one).
MEASURE_NOUN = re.compile(
    r"浓度|比例|比率|比重|占比|(?<![效频概税利汇])率|总量|强度|指数|水质|质量|天气|水体|覆盖|"
    r"天数|排放|消费量|使用量|用量|产生量|消耗量|处置量|填埋量|能耗|达峰|盖度|面积|安全利用|"
    r"长度|里程"
)


#: Vision nouns: too general to be an indicator.
VAGUE = frozenset(
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
#: A list closed by 等, the group it names (主要污染物, 四种污染物) and the measure after it.
_GROUP_MEASURE = re.compile(
    rf"(?P<items>[^等]+?(?:、|和|及|与)[^等]+?)等\s*(?:[一二三四五六七八九十\d]+[种类项个])?"
    rf"[^、和及与等]{{0,8}}?(?P<head>{'|'.join(_HEADS)})"
)


#: Words before a listed measure that narrow it to a part by origin (本地非化石能源, 外来电):
#: another measure.
_NARROWED = frozenset({"本地", "外来", "外调", "外购", "外受"})
#: …and the kinds of energy that narrow a listed measure of all energy (可再生能源消费总量 is
#: not 能源消费总量).
_ENERGY_KINDS = ("可再生", "非化石", "化石", "清洁", "新")


BARE_HEADS = {"建成率", "建成比例", "覆盖率", "比例", "占比", "比重", "达标率", "利用率", "处理率"}


_SUBJECT_LEAD = re.compile(
    r"(?:[(（]\s*\d{0,2}\s*[)）]|"  # an enumerator, (9) or its brackets once the digits are masked
    # (not an adjective of reach: 区域性, 全国性 综合交通枢纽城市 name a kind of thing)
    r"区域内|区域(?!生产总值|性)|全域(?!性)|全境|地区(?!生产总值|性)|的|各地|"
    r"各(?:类|种|项)?(?=[\u4e00-\u9fff]{2})|"
    r"每年|力争|争取|确保|预计(?:到|至)?|(?:全国|全省|全市|全区|全县)(?!性)|"
    r"(?:今年|明年|全年|年内)(?![度内])|"  # the year it is due: 湖北「今年」力争…增长20%
    r"其中\s*[:：]|"  # a sub-row of a table: 其中:研究生
    # the preposition that fronts the thing measured (将…控制在, 把…降至), not 将乐县 or 将来
    r"(?:将|把)(?![乐来军])(?=[\u4e00-\u9fff]{2})|"
    r"我省|我市|我区|我县|本省|本市|该(?:省|市|区|县|州|镇)(?=[\u4e00-\u9fff]{2})|"
    # the intent before a deadline (计划到2027年…, 拟到2026年…, 目标到2025年…)
    r"(?:计划|拟|目标)(?=\s*(?:到|至)\s*(?:19|20)\d\d)|"
    # a report of what the plan sets out (提出江苏将建成…, 明确…): no part of the measure
    r"(?:提出|明确|要求|指出)(?=[\u4e00-\u9fff]{2})(?![的了])|"
    # the document that sets it and the deadline (《规划》明确了到2025年养老床位总数…)
    r"《[^《》]{1,40}》|(?:提出|明确|确定)了(?=\s*(?:到|至)\s*(?:19|20)\d\d)|"
    r"(?:到|至)\s*(?:19|20)\d\d\s*年(?:年?底|年?末)?(?=[\u4e00-\u9fff]{2})|"
    r"及以上|以上|及以下|以下|左右|"
    # the years a list of values is due (明确2017年、2020年、2025年新区绿化覆盖率分别…)
    r"(?:明确|提出|要求)?(?:(?:19|20)\d\d年(?:底|末)?[、,和及至到—-]?)+)+"
)


#: Words that close a subject without naming anything: 的, 等, and the adverbs of the verb
#: after it (能效「再」提升20%, 比例「进一步」提高).
_SUBJECT_TAIL = (
    *("的", "等", "年均", "均", "约", "以上", "以下", "左右"),
    *("再", "进一步", "稳步", "持续", "逐步", "大幅", "明显", "显著", "力争", "争取", "努力"),
    *("提前一年", "提前两年", "提前1年", "提前2年"),  # 配套率「提前一年」达到100%
    *("目标是", "目标为"),  # 通车里程达6000公里以上,明年「目标是」1万公里以上
    # the base of a change: 投资「比去年」增长10%
    *("比去年", "比上年", "较去年", "较上年", "同比"),
)


_CONJ = re.compile(r"、|以及|和|与|(?<![普涉危惠波顾])及(?!以上|以下|其|时)")  # not 普及率


STEM = re.compile(r"[\u4e00-\u9fff]{2,4}(?=建设|保护|整治|治理)")


#: The marks a list's items open with: dashes and the bullets of web pages and posts.
BULLETS = "—-·•▶►▸▷●○◆◇■□★☆➢➤✔✓√◎"


def clean_subject(text: str) -> str:
    """A subject without the words around it that name no indicator (区域, 力争, …的)."""
    if "|" in text or "\t" in text:
        # a table row (1 | 地区生产总值 | 增长5.5%, 13⇥新增16个…): its last cell of words,
        # not the serial
        cells = re.split(r"[|\t]", text)
        text = next((c for c in reversed(cells) if c.strip() and not c.strip().isdigit()), "")
    # ——水环境质量, ▶新增公共停车位: a list's dash or bullet
    text = text.strip().strip("、,;:。.．").lstrip(BULLETS).lstrip()
    while True:
        lead = _SUBJECT_LEAD.match(text)
        if lead:
            text = text[lead.end() :].lstrip()
            continue
        tail = next((t for t in _SUBJECT_TAIL if text.endswith(t)), None)
        if tail is None and len(text) > 3 and text.endswith("将") and text[-2] not in "年即":
            tail = "也将" if text.endswith("也将") else "将"  # 机架数「将」达到70万: the future
        if tail:
            text = text[: -len(tail)].rstrip()
            continue
        year = YEAR_TAIL.search(text)
        if year is not None and year.start() >= 2:
            # 新能源汽车保有量「2025年」达到…, 充电桩「2023年达到」1万个: the deadline (and the
            # verb after it) close the subject, naming no part of what is measured
            text = text[: year.start()].rstrip()
            continue
        return text


#: A deadline closing a subject, perhaps with the verb of reaching after it.
YEAR_TAIL = re.compile(
    rf"(?:到|至|在)?{vocab.YEAR}年(?:年?底|年?末)?(?:前|以前)?"
    r"(?:达到|达|实现|提高到|提升到|增加到|降至|降到|控制在)?$"
)


#: Verbs that open a task rather than name a quantity: 实施150个项目 counts 项目, not 实施.
#: (新建, 新增, 累计 stay: they say which quantity, 新建污水处理厂 is not 污水处理厂.)
ACTION_VERBS = (
    # works and services provided (改建100张床位, 推出200场演出, 开办26个暑托班)
    *("改建", "新(改、扩)建", "新(改扩)建", "推出", "开办", "开设", "举办", "提供"),
    "实施",
    "制修订",
    "制定",
    "开发",
    "研发",
    "修订",
    "创建",
    "争创",
    "淘汰",
    "完成",
    "建设",
    "建成",
    "推动",
    "推进",
    "推广",
    "安装",
    "开展",
    "培育",
    "打造",
    "改造",
    "治理",
    "修复",
    "整治",
    "认定",
    "形成",
    "发展",
    "建立",
    "规划",
    "提升",
    "组织",
    "布设",
    "设置",
    "设立",
    "筛选",
    "组建",
    "增设",
    "配备",
    "保障",
    "坚守",
    "守住",
    "严守",
    "引导",
    "支持",
    "鼓励",
    "实现",
    "达到",
    "提高",
    "保持",
    "维持",
    "保护",
    # the stages of building works (开工…, 完工…, 续建…, 落实…项目)
    "开工",
    "完工",
    "竣工",
    "续建",
    "新开工",
    "落实",
    "打通",
    "贯通",
    "平均年节约",
    "年节约",
    "节约",
)
#: Adverbs in front of those verbs (积极推进, 有序推进, 进一步提升到).
MANNER_WORDS = (
    "积极",
    "有序",
    "加快",
    "大力",
    "稳步",
    "全面",
    "持续",
    "深入",
    "重点",
    "力争",
    "争取",
    "确保",
    "进一步",
    "逐步",
    "着力",
    "全力",
    "继续",
    "共",
    "再",
)
#: Nouns that begin with one of those adverbs: 再生铜 is recycled copper, not 又 生铜.
MANNER_NOUNS = (
    *("再生", "再制造", "再利用", "再电气化", "共享"),
    # 重点 left alone before a noun names a kind of thing, not how the work is done (15条
    # 重点道路, 重点人群签约覆盖率, 重点水源工程覆盖率): before a verb it goes with the verb
    "重点",
)
#: What frames a task without naming a quantity: an enumerator ``(1)``, a setting
#: ``在淄博、济宁等市``, a focus ``以黄河流域为重点``.
FRAME = re.compile(
    r"""
      [(（]\s*\d{1,2}\s*[)）] | [①②③④⑤⑥⑦⑧⑨⑩] | ^\s*\d{1,3}\s*[.、．](?!\d)   # enumerators
    | ^\s*[(（]\s*[)）]                                  # an enumerator's brackets, (9) masked
    | ^\s*“[^”]{1,12}”\s*(?:——|—|:|：)                 # a slogan that heads a list: “六个倍增”——
    | 在[^,;。]{1,30}?(?:等)?(?:市|县|区|地|省|流域|园区|领域|行业|地区)(?:为重点)?  # a setting
    | 在\d+个[^,;。\d]{0,8}?(?:乡镇|乡|镇|村|社区|街道办|街道)(?:\([^()]{0,8}\))?  # 在17个乡镇
    | 以[^,;。]{1,30}?为(?:重点|主体|主|抓手)                              # a focus
    """,
    re.VERBOSE,
)
#: A verb that opens a label (not 建成区 or 保护地, places, nor 改造后, a time:
#: 改造后单位产品能耗, nor 达到或优于Ⅲ类水质断面, a class reached, nor 保障性租赁住房, an
#: adjective made of the verb).
_VERB_LEAD = re.compile(
    rf"(?:{'|'.join(sorted(MANNER_WORDS, key=len, reverse=True))})*"
    rf"(?:{'|'.join(sorted(ACTION_VERBS, key=len, reverse=True))})(?![区后地率或性])"
    # a verb before what is spent on it or done with it names it: 研发投入强度, 研发经费,
    # 治理资金, 建设用地规模
    r"(?!投入|经费|费用|强度|人员|机构|支出|资金|用地|项目)(?:到|至)?"
)


def noun_phrase(label: str, counted: str = "") -> str:
    """What a target measures as a noun phrase: ``label`` without the frame and the verb
    that open it (``(3)创建`` → ``""``), else the thing counted after the number
    (``生态工业园区`` in ``创建80个左右生态工业园区``)."""
    if "\t" in label:  # a table row's cells (13⇥新增16个…): the last one holds the words
        label = label.rsplit("\t", 1)[1]
    text = FRAME.sub("", label).strip(" 、,;")
    while True:
        lead = _VERB_LEAD.match(text)
        if not lead or lead.end() == 0:
            break
        text = text[lead.end() :].strip(" 、,")
    text = clean_subject(text)
    while text.startswith(MANNER_WORDS) and not text.startswith(MANNER_NOUNS):
        # 有序 left of 有序推进 when the verb was cut (再生铜 keeps its 再)
        text = text[next(len(w) for w in MANNER_WORDS if text.startswith(w)) :]
    if len(match_key(text)) >= 2 and any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    thing = clean_subject(FRAME.sub("", counted).strip(" 、,;"))
    if "的" in thing:
        thing = thing.rsplit("的", 1)[1]  # 10个以上规模效益显著…的「特色环保产业基地」
    return thing if len(match_key(thing)) >= 2 else text


def native_head(part: str) -> bool:
    key = match_key(part)
    return any(key.endswith(match_key(h)) for h in _HEADS) and key not in BARE_HEADS


def items_of_group(subject: str) -> str:
    """A list closed by 等 and the group it names, before the measure they share, as the
    items with the measure (二氧化硫、氮氧化物和挥发性有机物等主要污染物排放总量 →
    二氧化硫、氮氧化物和挥发性有机物排放总量): what 分别 gives its values to; else as it is."""
    m = _GROUP_MEASURE.fullmatch(subject)
    return m.group("items") + m.group("head") if m else subject


def split_parts(subject: str, table: IndicatorTable, suffix: str = "") -> list[str]:
    """Split ``A和B`` / ``A、B`` subjects; parts without a head noun take the last one's."""
    if not subject or "等" in subject:
        return [subject]
    masked = mask(subject)
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
    if any(not p for p in parts) or len(parts) > MAX_PARTS:
        return [subject]
    last_key = match_key(parts[-1])
    head = next(
        (h for h in _HEADS if last_key.endswith(match_key(h)) and last_key != match_key(h)), ""
    )
    if head == "率" and len(last_key) >= 4:
        # a rate's own word before 率 is the head the parts share: 婴儿和5岁以下儿童「死亡率」,
        # 小学和初中「入学率」 (not 婴儿率)
        head = parts[-1][-3:]
    if head:
        bare = [not any(match_key(p).endswith(match_key(h)) for h in _HEADS) for p in parts]
        head = _shared_head(parts, bare, head, table)
        parts = [p + head if b else p for p, b in zip(parts, bare, strict=True)]
    # a shared modifier in front: 单位地区生产总值「能耗」和「二氧化碳排放」
    first = parts[0][:24]
    for i, part in enumerate(parts[1:], start=1):
        if table.match(part + suffix) is None:
            for cut in range(len(first) - 1, 1, -1):
                if table.match(first[:cut] + part + suffix):
                    parts[i] = first[:cut] + part
                    break
    return parts


def _shared_head(parts: list[str], bare: list[bool], head: str, table: IndicatorTable) -> str:
    """The head the parts without one share with the last part: the measure noun, or more of
    the last part where that names a listed measure for each (受污染耕地和污染地块「安全
    利用率」, not 受污染耕地利用率)."""
    last = parts[-1]
    headless = [p for p, b in zip(parts, bare, strict=True) if b]
    if not last.endswith(head) or all(table.match(p + head) for p in headless):
        return head
    for n in range(len(head) + 1, len(last) - 1):
        longer = last[-n:]
        if all(table.match(p + longer) is not None for p in headless):
            return longer
    return head


def distinct(parts: list[str], table: IndicatorTable, suffix: str = "") -> bool:
    found = [table.match(p + suffix) for p in parts]
    if any(f is None for f in found):
        return False
    return len({f.id for f in found if f}) == len(found)


def derived_indicator(label: str) -> model.Indicator:
    """An indicator that the table lacks: the label as printed, a pinyin slug as id.  A label
    longer than :data:`MAX_LABEL` keeps its head, cut where a listed item starts (after 、 or
    等), never inside a word (础设施… of 基础设施…)."""
    return _derived_cached(_head(label.strip()) or "未命名指标")


def _head(label: str) -> str:
    if len(label) <= MAX_LABEL:
        return label
    tail = label[-MAX_LABEL:]
    cut = re.search(r"[、,，;；]|等(?=[\u4e00-\u9fff]{2})", tail)
    return tail[cut.end() :] if cut and cut.end() < len(tail) - 1 else tail


@lru_cache(maxsize=4096)
def _derived_cached(label: str) -> model.Indicator:
    pinyin = vocab.syllables(match_key(label), place_name=False)
    return model.Indicator(slugify(label), label, " ".join(pinyin))
