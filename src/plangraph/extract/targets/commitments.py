"""Commitments without numbers: a subject and a state or direction with a deadline."""

from __future__ import annotations

import re

from plangraph import model
from plangraph.vocab import alternation

from .clauses import Clause, Draft, match_key
from .indicators import (
    BARE_HEADS,
    MEASURE_NOUN,
    VAGUE,
    IndicatorTable,
    clean_subject,
    derived_indicator,
    distinct,
    native_head,
    noun_phrase,
    split_parts,
)
from .numbers import DIR_NAME, NOT_A_MEASURE
from .pledge_phrases import ANY_PLEDGE
from .pledges import pledge_targets
from .scopes import WaterIndex, waters_in

#: Adverbs of a steady change (持续下降, 稳步提升).
STEADY = ("持续", "稳步", "逐步", "逐渐", "逐年", "明显", "大幅", "进一步", "显著", "不断")
#: Changes without a number that a commitment names, by kind (the group names of
#: STATE_CHANGE): falls, rises, holds, eliminations.
FALL_VERBS = ("下降", "降低", "减少", "压减", "削减", "消减")
RISE_VERBS = ("提升", "提高", "增加", "增长", "上升")
HOLD_WORDS = (
    *("保持基本稳定", "保持总体稳定", "保持稳定", "稳定保持", "基本稳定", "总体稳定"),
    *("持续稳定", "维持稳定", "稳中向好", "不减少", "不降低", "不下降"),
    *("总体保持稳定", "基本保持稳定", "总体保持平稳", "零增长"),  # 化肥农药使用量零增长
)
_CLASS_AHEAD = "(?=[ⅠⅡⅢⅣⅤIV]+类)"
STATE_CHANGE = re.compile(
    rf"""
      (?P<reach> (?:稳定|基本|全面)?                                   # 稳定达到Ⅲ类 at the end,
                 (?:达到|达|提升至|提升到|提高至|提高到|改善至|改善到|恢复至|恢复到|稳定在|保持在)
                 (?:或(?:优于|好于))? (?:地表水)?          # 提升至Ⅳ类, 稳定在地表水Ⅲ类
                 (?=[ⅠⅡⅢⅣⅤIV]+类 (?:水质)? (?:标准)? \s*$) )
    | (?P<dec> (?:{alternation((*STEADY, "保持"))})? (?<!不)          # 持续下降, not 不下降
               (?:{alternation(FALL_VERBS)})
               (?: {NOT_A_MEASURE} (?:趋势)?
                 | 幅度 (?:大于|高于|超过|不低于|不小于) )   # 下降幅度大于全社会下降幅度
      )
    | (?P<inc> (?:{alternation(STEADY)})? (?<![负零])                 # 稳步提升, not 负增长, 零增长
               (?:{alternation(RISE_VERBS)}) {NOT_A_MEASURE} )
    | (?P<keep> {alternation(HOLD_WORDS)} | 保持{_CLASS_AHEAD}        # 保持稳定, 保持Ⅱ类
              | ^\s*稳定 (?=[^,;。]{{2,16}}(?:率|比例|比重)\s*$) )  # 稳定自然岸线保有率
    | (?P<elim> (?: (?:基本|全面|彻底)?消除 | (?:动态|全面|基本)?清零 ) {NOT_A_MEASURE}
               | (?:基本)?无(?=劣[ⅣⅤIV五四]) )                   # 地表水无劣Ⅴ类水体
    | (?P<cover> (?:基本实现|实现|基本)? (?<!健)全覆盖 )               # not 健全覆盖…
    | (?P<secure> (?:得到|获得) (?:有效|切实|基本)? 保障 )
    | (?P<peak> (?:基本|率先|提前|尽早)? (?:实现)? (?:达峰|达到峰值) )
    """,
    re.VERBOSE,
)


#: Verbs that hold back the rise named after them (控制…增长, 遏制…上升).
_CHECKED = re.compile(r"控制|遏制|抑制|限制")
#: Words of a statement, not of a noun phrase after a verb.
_NOT_A_NOUN = re.compile(r"被|是|在[^,;。]{0,12}中(?![^,;。]{0,4}(?:比重|比例|占比)$)|的位置")


#: A clause opened by what the work follows (根据…, 按照…): no subject of a change.
_MANNER_OF = re.compile(r"\s*(?:根据|按照|依据|围绕)")

#: What may follow 达峰 when a clause commits to the peak itself (…达峰, …碳达峰目标).
_PEAK_END = re.compile(r"\s*(?:目标)?\s*")


_STOPPED = re.compile(r"(趋势|势头|态势)?(?:得到|基本|初步|有效)*(?:遏制|扭转|控制)")


#: A rise that is curbed (上升趋势得到有效遏制, 增长势头基本遏制): a state, no direction.
_CURBED = re.compile(
    r"(?:持续|稳步|逐步|明显|大幅|进一步|显著|不断)?(?:上升|增长|增加)(?:趋势|势头|态势)"
    r"(?:得到|基本|初步|有效)*遏制"
)


_WATER_MEASURE = re.compile(r"水质|水体|断面")


_CLASS = re.compile(r"[ⅠⅡⅢⅣⅤ]+类|(?:IV|V?I{1,3}|V)类")


#: The state each kind of change above reaches (the changes themselves have a direction).
_KIND_STATE: dict[str, model.State] = {
    "elim": "Eliminated",
    "peak": "Peaked",
    "cover": "Covered",
    "reach": "ClassReached",
    "keep": "ClassReached",  # only with a class: 保持Ⅱ类
    "secure": "Secured",
    "curb": "Curbed",
}


def commitment_targets(
    clause: Clause,
    table: IndicatorTable,
    context: str,
    places: list[str],
    water: WaterIndex | None = None,
) -> list[Draft]:
    masked, text = clause.masked, clause.text
    m = STATE_CHANGE.search(masked, clause.subject_at)
    if not m:
        return []
    kind = m.lastgroup or ""
    if kind in {"inc", "dec"} and masked.startswith("的", m.end()):
        return []  # 新能源占比逐渐提高的新型电力系统: the change describes a noun
    if kind == "cover" and masked[m.end() :].strip():
        return []  # 形成以无缝隙全覆盖、…为特征的体系: coverage describes something else
    if kind == "inc" and _CHECKED.search(masked, clause.subject_at, m.start()):
        return []  # 控制煤炭消费量增长: the rise is held back, not made
    if kind == "peak" and not _PEAK_END.fullmatch(masked, m.end()):
        return []  # 碳达峰行动方案, 碳达峰、碳中和: the word names a programme, not a state
    stopped = _STOPPED.match(masked, m.end())
    if stopped:
        curbed = _CURBED.match(masked, m.start())
        if kind != "inc" or curbed is None:
            return []  # "下降趋势得到扭转", "增长得到控制": the change is stopped, not made
        kind = "curb"  # "上升趋势得到有效遏制": a rise that is curbed, no direction
    subject = clean_subject(text[clause.subject_at : m.start()])
    obj = text[m.end() :]
    if kind == "elim" and m.group().endswith("无"):
        subject = ""  # 地表水无劣Ⅴ类水体: what is gone is the object; the subject is where
    suffix = ""
    if kind == "curb":
        suffix = re.sub(r"^(?:持续|稳步|逐步|明显|大幅|进一步|显著|不断)", "", m.group())
        suffix += (stopped.group(1) or "") if stopped else ""
    elif kind == "cover":
        suffix = "覆盖"
    elif kind == "peak":
        suffix = "达峰"
        subject = re.sub(r"达到$", "", subject)
        # 采取综合措施有效推动「高耗能行业」尽早达峰: who peaks follows the verb of doing
        subject = re.sub(r"^[^,;。]*?(?:推动|推进|促进|引导|支持)", "", subject) or subject
    elif kind in {"keep", "reach"}:
        cls = _CLASS.match(masked, m.end())
        if cls:
            suffix = cls.group()
    if not subject:
        if kind in {"elim", "inc", "dec", "keep"}:
            subject = clean_subject(obj)  # verb first: 消除…, 降低…, 稳定…保有率
            if _NOT_A_NOUN.search(subject) or len(match_key(subject)) > 24:
                return []  # 降低二氧化碳排放在…被摆在更加优先的位置: a statement, no object
        if not subject:
            return []
    if match_key(subject) in VAGUE or _MANNER_OF.match(subject):
        return []  # 根据…需求进一步完善提升: how the work is done, no subject that rises
    parts = split_parts(subject, table, suffix)
    if len(parts) > 1 and not (
        distinct(parts, table, suffix) or all(native_head(p) for p in parts)
    ):
        parts = [subject]
    indicators: list[model.Indicator] = []
    for part in parts:
        probe = part + suffix
        ind = table.match(probe) if kind != "curb" else None  # a trend is not the level
        if ind is None and match_key(part) in BARE_HEADS:
            ind = table.ending(part, context)
        classed = kind in {"reach", "keep"} and bool(suffix)  # 中下游断面提升至Ⅳ类: water
        if ind is None and not classed and not MEASURE_NOUN.search(match_key(probe)):
            continue
        if match_key(part) in VAGUE:
            continue
        label = clean_subject(part) + ("覆盖率" if suffix == "覆盖" else suffix)
        indicators.append(ind or derived_indicator(label))
    direction = DIR_NAME.get(kind)
    if kind == "reach" and re.match(r"稳定|保持", m.group()):
        direction = "Maintain"  # 稳定达到Ⅱ类: keeps a class it has
    if not clause.places and water and _WATER_MEASURE.search(subject):
        # "推动松花江干流水质稳定达到Ⅱ类": the water body named in the subject
        named = waters_in(water, clause.start + clause.subject_at, clause.start + m.start())
        if named:
            places = named
    scopes: list[str | None] = [*places] or [None]
    drafts = []
    for place in scopes:
        for ind in indicators:
            drafts.append(
                Draft(
                    sentence=0,
                    start=max(clause.subject_at, m.start() - 60),
                    end=min(len(text), m.end() + 60),
                    order=0,
                    indicator=ind,
                    direction=direction,
                    state=_KIND_STATE.get(kind) if kind != "keep" or suffix else None,
                    scope=place,
                )
            )
    return drafts


# --------------------------------------------------------------------------- states

#: States a commitment reaches, by the words that say so (a closed list: 广泛形成, 更加完善,
#: 明显改善 say how much, not what state, and make no target).
STATE_WORDS: dict[model.State, tuple[str, ...]] = {
    "Established": (
        "基本形成",
        "初步形成",
        "全面形成",
        "基本建成",
        "全面建成",
        "初步建成",
        "基本建立",
        "初步建立",
        "全面建立",
        "基本完善",
    ),
    "Completed": (
        *("全面完成", "全部完成", "基本完成", "如期完成", "圆满完成", "顺利完成"),
        *("整治到位", "全部到位", "到位"),
    ),
    "Eliminated": ("全部退出", "全部整合退出", "全部淘汰", "全部关停", "全部取缔", "全面取缔"),
    # 水质达标: a standard met, bare, at the end of its clause (达标率 is a measure's name)
    "StandardMet": ("总体达标", "全面达标", "稳定达标", "基本达标", "达标排放", "达标"),
    "NegativeGrowth": ("负增长",),
    "StableThenDecline": ("稳中有降",),
    "Curbed": (
        *("得到有效控制", "得到控制", "得到有效遏制", "得到遏制", "得到基本遏制"),
        *("得到有效管控", "得到管控"),  # a risk brought under control
    ),
    "Peaked": ("达到峰值", "实现达峰", "达峰"),
}
_WORD_STATE = {w: s for s, words in STATE_WORDS.items() for w in words}
_STATE_ALT = "|".join(sorted(_WORD_STATE, key=len, reverse=True))
#: ``…基本形成`` at the end of a clause (the subject is before it), or a standard met:
#: ``全部优于一级A标准排放``, ``全部达到绿色建筑标准``.
STATE_AT_END = re.compile(
    rf"""
    (?: 实现 | 率先 | 提前 | 后 )?                      # 实现负增长, 达峰后稳中有降
    (?: (?P<word> {_STATE_ALT} )
      | (?P<standard> (?:全部|全面|稳定|持续稳定)?(?:达到|优于|好于)[^,;。]{{1,16}}标准
                      (?:排放|先进值|要求)?                    # 达到国家能耗限额标准先进值
                    | (?:全部|全面|均|一律)(?:执行|按照|符合|实施|采用)[^,;。]{{1,16}}标准
                      (?:进行)?(?:设计建造|设计|建造|建设)? )  # 全面执行…二星级以上绿色建筑标准
      | (?P<assigned> (?:达到|实现)(?:国家|省|自治区|市)?(?:下达的?|规定的?)?
                      (?:考核|约束性|计划)?(?:目标|指标)(?:要求|任务)?  # 达到国家考核目标
                    | 达到 [^,;。]{{1,16}}? 创建 (?:目标|指标|标准|要求) )  # 达到…奖创建指标
    ) \s* $
    """,
    re.VERBOSE,
)
#: Verbs that put the state before what reaches it: ``全面建成生活垃圾分类处理系统``,
#: ``全省钢铁企业完成超低排放改造``, ``基本消除城市建成区生活污水直排口``.
STATE_VERBS: dict[str, model.State] = {
    **dict.fromkeys(
        ("全面建成", "基本建成", "初步建成", "建成", "基本形成", "基本建立", "基本实现"),
        "Established",
    ),
    **dict.fromkeys(("全面完成", "全部完成", "基本完成", "如期完成", "完成"), "Completed"),
    **dict.fromkeys(("基本消除", "全面消除", "全部淘汰", "基本淘汰", "全部关停"), "Eliminated"),
    **dict.fromkeys(("全部迁入", "全部搬迁进入", "全部搬迁入"), "Completed"),
}
#: Verbs of moving: what reaches the state is who moves (高污染企业全部迁入合规园区), not
#: where to.
MOVES = frozenset({"全部迁入", "全部搬迁进入", "全部搬迁入"})
STATE_FIRST = re.compile(
    rf"""
    (?P<subject> [^,;。]{{0,32}}? )                       # who: 全省钢铁企业 (may be absent)
    (?P<word> {"|".join(sorted(STATE_VERBS, key=len, reverse=True))} )
    (?! 率|比例|区|后|进展|进度|情况|形势 )     # 完成率 a measure, 建成区 a place, 建成后 a time
    (?P<object> [^,;。]{{2,40}} ) \s* $                   # what: 超低排放改造
    """,
    re.VERBOSE,
)
#: A vision rather than a measure: 美丽中国先行区基本建成, 美丽广东建设目标基本实现,
#: 治理体系和治理能力现代化基本实现.
VISION = re.compile(r"美丽|现代化|小康|远景|愿景")
#: Adverbs between a subject and its state (入河排污口「全部」整治到位).
_STATE_ADVERB = re.compile(r"(?:全部|全面|基本|均|都|实现|稳定|持续|率先|提前)+$")
#: What was assigned rather than what is measured: …覆盖率「完成国家下达指标」.
_ASSIGNED = re.compile(
    r"^(?:国家|省|市)?(?:下达|分解|考核)*的?(?:考核|约束性)?(?:目标任务|目标|指标|任务)$"
)
#: An object that ends in a quantity (建成高标准农田10.75亿亩) is a numeric target's.
_ENDS_IN_NUMBER = re.compile(r"\d(?:\.\d+)?\s*[^\d\s,;。]{0,4}\s*$")
#: The verb of a standard met, before the standard (全部达到…标准).
_MEETS = re.compile(
    r"^(?:全部|全面|稳定|持续稳定|均|一律)?(?:达到|优于|好于|执行|按照|符合|实施|采用)"
)
#: A subject that is itself a change (用水总量增长得到控制): the change stops, no state.
_CHANGE_SUBJECT = re.compile(r"(?:增长|上升|下降|增加|减少|趋势|势头|态势)$")


def state_targets(clause: Clause, table: IndicatorTable, places: list[str]) -> list[Draft]:
    """A commitment to reach a state (``低碳生产和生活方式基本形成``, ``全面完成病险水库除险
    加固``, ``农田氧化亚氮排放总量稳中有降``): one target, the subject as its indicator."""
    masked, text = clause.masked, clause.text.rstrip()
    body = masked[clause.subject_at : len(text)]
    state: model.State
    m = STATE_AT_END.search(body)
    if m is not None:
        subject = clean_subject(text[clause.subject_at : clause.subject_at + m.start()])
        word = m.group("word")
        state = _WORD_STATE[word] if word else "StandardMet"
        if m.group("assigned"):
            state = "Completed"  # the target assigned to it is met, as 完成国家下达指标
    else:
        first = STATE_FIRST.match(body)
        if first is None:
            return []
        word = first.group("word")
        state = STATE_VERBS[word]
        if "已" in first.group("subject") or _ENDS_IN_NUMBER.search(first.group("object")):
            return []  # 已完成: done already; 建成高标准农田10.75亿亩: a numeric target
        subject = clean_subject(text[clause.subject_at + first.start("object") :])
        if word in MOVES:
            subject = clean_subject(first.group("subject"))
        if _ASSIGNED.match(match_key(subject)) and first.group("subject").strip():
            # 清洁取暖覆盖率完成国家下达指标: the measure is the subject
            subject = clean_subject(
                text[clause.subject_at : clause.subject_at + first.end("subject")]
            )
    if re.match(r"\s*为(?:确保|实现|保证|完成|推动|加快)", subject):
        return []  # 为确保指标顺利完成: a purpose, what the work is for
    subject = noun_phrase(_STATE_ADVERB.sub("", subject))
    if len(match_key(subject)) < 2 and m is not None and m.group("standard"):
        # …水质进一步改善,全部达到水环境质量功能区标准: who meets it is in the clause
        # before; the standard names what is met
        subject = _MEETS.sub("", m.group("standard"))
    key = match_key(subject)
    if len(key) < 2 or key in VAGUE or VISION.search(subject) or len(key) > 40:
        return []
    if _CHANGE_SUBJECT.search(subject):
        return []
    # a listed indicator only when the subject ends in its name: 生活垃圾分类处理系统 is a
    # system, not the 生活垃圾分类覆盖率 that a pattern inside it names
    listed = table.match(subject)
    if listed is not None and not any(
        key.endswith(pattern) for pattern, ind in table.patterns if ind == listed
    ):
        listed = None
    indicator = listed or derived_indicator(subject)
    return [
        Draft(
            sentence=0,
            start=clause.subject_at,
            end=len(text),
            order=0,
            indicator=indicator,
            state=state,
            scope=places[0] if len(places) == 1 else None,
            scope_text=clause.categories[0] if len(clause.categories) == 1 else None,
        )
    ]


#: Any word of a state: a sentence without a number and without one of these (or of the
#: changes above) holds no commitment and is not split.
ANY_STATE = re.compile(
    "|".join(sorted({*_WORD_STATE, *STATE_VERBS, "标准"}, key=len, reverse=True))
)


# --------------------------------------------------------------------------- progress

#: Progress a plan commits to without a figure, closing a clause under a deadline (a
#: closed list): 取得积极进展, 取得重大战略成果, 实现规模化应用, 全面确立, 成为新常态,
#: 得到有效保护, 明显下降, 大幅提高.  How much alone (广泛形成, 更加完善) is none.
PROGRESS_AT_END = re.compile(
    r"""
    (?: 取得 了? (?:积极|重大|明显|显著|决定性|实质性|突破性|阶段性|长足|新的?)* (?:战略性?)?
          (?:进展|成效|成果|突破|进步) (?:应用)?
      | 实现 新? (?:进步|突破|跨越)
      | 实现 (?:规模化|产业化|工程化|商业化)? (?:应用|示范)
      | (?:规模化|产业化|工程化|商业化) (?:应用|示范)           # 实现…技术产业化示范
      | (?:全面|基本|初步|有效) (?:确立|落实|发挥)
      | (?:明显|显著|大幅|大幅度|整体|根本)(?:改善|提升|提高|下降|降低|减少|增强|增长|增加|好转)
      | 成为新常态 | 建立完善 | 长治久清
      | (?:初步|基本|有效)? 得到 (?:有效|基本|初步|全面)? (?:恢复|保护|提升)
      | (?:基本|总体)? 匹配 | 采补平衡 | 零填埋 | (?:动态|全面)? 清零 | 进一步 (?:优化|增强)
      | (?:基本实现|实现)? 全覆盖 | 不降低 | 不减少 | 不改变 | 不下降
    ) [”"]? \s* $
    """,
    re.VERBOSE,
)
#: The same progress named before what makes it (突破…低碳技术, 基本实现清洁取暖,
#: 大幅降低生产能耗, 全面淘汰国三及以下柴油货车).
PROGRESS_FIRST = re.compile(
    r"""
    (?: 突破 | 基本实现 | (?:有效)?遏制(?=[^,;。]{2,30}(?:趋势|势头|态势)\s*$)
      | (?:明显|显著|大幅|持续)(?:降低|减少|提高|提升) | (?:切实|进一步)改善
      | (?:全面|全部|基本)(?:淘汰|落实|消除)
    ) (?P<object> [^,;。]{2,40} ) \s* $
    """,
    re.VERBOSE,
)
#: The same, anywhere in a sentence (a sentence without one holds no progress).
ANY_PROGRESS = re.compile(PROGRESS_FIRST.pattern.replace(r"\s* $", ""), re.VERBOSE)


_QUOTES = re.compile(r"[“”\"]")


def _listed_kind(subject: str) -> str:
    """A long list closed by 等 names its kind after it: ``一体化压铸成形、无模铸造…等先进近净
    成形工艺技术`` is 先进近净成形工艺技术."""
    if len(match_key(subject)) <= 40 or "等" not in subject:
        return subject
    return subject.rsplit("等", 1)[1]


def progress_targets(clause: Clause, places: list[str]) -> list[Draft]:
    """A commitment to progress without a figure (``“减油增化”取得积极进展``,
    ``原燃料替代水平大幅提高``, ``突破玻璃熔窑窑外预热等低碳技术``): one target, its
    subject (or, verb first, its object) as the indicator; visions (美丽…, 现代化) are none."""
    masked, text = clause.masked, clause.text.rstrip()
    # quotes around the words of the state count for nothing (全面“清零”)
    body = _QUOTES.sub("", text[clause.subject_at :])
    m = PROGRESS_AT_END.search(body)
    if m is not None:
        subject = clean_subject(body[: m.start()])
    else:
        # the verb may be among the words that open the clause (基本实现清洁取暖)
        whole = _QUOTES.sub("", text[clause.body - min(clause.body, 4) :])
        first = PROGRESS_FIRST.match(body) or PROGRESS_FIRST.search(whole)
        if first is None or _ENDS_IN_NUMBER.search(first.group("object")):
            return []
        subject = clean_subject(first.group("object"))
    subject = _listed_kind(noun_phrase(_STATE_ADVERB.sub("", subject)))
    key = match_key(subject)
    if len(key) < 2 or key in VAGUE or VISION.search(subject) or len(key) > 40:
        return []
    if "已" in masked[: clause.subject_at + 4] or _NOT_A_NOUN.search(subject):
        return []
    return [
        Draft(
            sentence=0,
            start=clause.subject_at,
            end=len(text),
            order=0,
            indicator=derived_indicator(subject),
            scope=places[0] if len(places) == 1 else None,
            scope_text=clause.categories[0] if len(clause.categories) == 1 else None,
        )
    ]


#: A clause that says the plan makes sure of a state, even with no year of its own in a
#: plan whose period gives one: 确保…, 实现…, 力争…, or a steady change (持续降低, 稳步提升).
COMMITTING = re.compile(
    r"^\s*(?:推进|推动)?(?:确保|实现|力争|基本实现|全面实现|基本消除|全面淘汰|基本淘汰)"
    r"|(?:全部|全面|一律)(?:按照|执行|实施|采用)[^,;。]{1,16}标准"
    r"|持续|稳步|逐步|有效遏制|全部落实|进一步(?:提高|提升|降低|减少)"
    r"|(?:尽早|率先|提前)(?:实现)?达峰\s*$|(?<!健)全覆盖\s*$"
    r"|^\s*稳定(?=[^,;。]{2,16}(?:率|比例|比重)\s*$)"
    r"|^\s*(?:把|将)[^,;。]{1,20}?(?:建成|建设成为|打造成为?)"  # 把平远建成…示范县
    # a clause labelled as the goal (目标水环境质量总体保持稳定), or one that holds every unit
    # of a kind to a standard (所有工业企业排放废水…达到…标准)
    r"|^\s*(?:总体|主要|工作)?目标(?:是|为)?(?![任值要])"
    r"|^\s*(?:所有|全部)(?=[^,;。]{2,40}(?:达到|优于|符合)[^,;。]{1,20}标准\s*$)"
)


# --------------------------------------------------------------------------- the entry

#: Words that may open a standing commitment (one without a deadline): see ``pledges``.
STANDING = re.compile(
    r"确保|建成|实现|消除|全部迁|达到[^,;。]{0,16}?(?:先进|领先)|前列"
    r"|(?:基本|彻底|根本)解决|成功创建"
    r"|全面禁止|一律禁止|全面停止|全部(?:采用|使用|实行)"
    # a place or a trade made into something (努力将旅游业培育成为…): an aim of the principles
    r"|(?:把|将)[^,;。]{1,20}?(?:建成|打造成|建设成|改造成|培育成|发展成)"
)


#: The opening of an aim among a plan's principles (指导思想): making a place into
#: something, putting a system in force everywhere (确保…, 实现… there state the manner
#: the plan keeps: 确保黄河安澜, 实现…双向推动).
_AIM = re.compile(
    r"\s*(?:努力|力争|全力|加快)?(?:把|将(?=[^,;。]{0,20}(?:建成|打造成|建设成|改造成|培育成|发展成))"
    r"|(?:在[^,;。]{1,8})?全面(?:实施|推行|建立)(?=[^,;。]{1,12}制\s*$)"
    # 基本形成政府主导、企业主体、全民参与的“无废”共治格局: the state the work reaches
    r"|(?:基本|全面|初步)(?:形成|建成)(?=[^,;。]{2,40}(?:格局|体系|机制|模式)\s*$)"
    # 打造…数字政府新格局, 构建…河湖管理保护机制: the system the work is to leave in place
    r"|(?:打造|构建|搭建)(?=[^,;。]{2,60}(?:格局|体系|机制|网络|屏障|高地|目的地)[”\"]?\s*$)"
    # 推动全县河湖面貌明显提升, 实现农村人居环境整体改善: the state the work brings about
    r"|(?:推动|促进|实现)(?=[^,;。]{2,30}(?:明显|显著|大幅度?|整体|根本)"
    r"(?:提升|改善|好转|提高|增强)\s*$))"
)


#: A clause that names the means or the frame of the work (以…为总抓手, 以…为核心).
_MEANS = re.compile(
    r"[^,;。]{0,8}?以[^,;。]{2,30}为[^,;。]{0,6}"
    r"(?:抓手|核心|主线|重点|导向|引领|动力|基础|保障|突破口|切入点|载体|统领|指导)\s*$"
)


#: A sentence that looks back from its start (…以来, 截至…): its states are achievements.
_SINCE = re.compile(r"以来|截至|截止")


#: The plan's goals quoted whole as the aim it works for (为实现2035年“A成熟定型,B享有…”目标,
#: 早日实现“河安湖晏、水清鱼跃…”目标): a list of states in quotes; a slogan's name
#: (“双碳”目标, “两个建成”目标) is too short to state one.
QUOTED_GOALS = re.compile(
    r"实现\s*(?:(?:19|20)\d\d\s*年)?\s*[“\"](?P<goals>[^“”\"]{4,80}?[,，、][^“”\"]{4,80}?)[”\"]"
    r"\s*的?\s*(?:目标|愿景)"
)


def quoted_goals(clause: Clause, places: list[str]) -> list[Draft]:
    """The goals a clause quotes whole as the aim of the work: one target, the quoted list
    of states as printed (a reader's goal is any of them)."""
    m = QUOTED_GOALS.search(clause.text, clause.body)
    if m is None or _SINCE.search(clause.text):
        return []
    return [
        Draft(
            sentence=0,
            start=m.start("goals"),
            end=m.end("goals"),
            order=0,
            indicator=derived_indicator(clean_subject(m.group("goals"))),
            scope=places[0] if len(places) == 1 else None,
        )
    ]


def may_commit(masked: str, deadline: bool) -> bool:
    """Whether a sentence without a number may hold a commitment: under a deadline, one
    with a word of a change, a state or progress; without, one with a standing goal."""
    if STANDING.search(masked):
        return True
    return deadline and bool(
        STATE_CHANGE.search(masked)
        or ANY_STATE.search(masked)
        or PROGRESS_AT_END.search(masked.replace("。", ""))
        or ANY_PROGRESS.search(masked)
        or ANY_PLEDGE.search(masked)
    )


def commitment_drafts(
    clause: Clause,
    table: IndicatorTable,
    context: str,
    places: list[str],
    water: WaterIndex | None,
    *,
    year: int | None,
    horizon: int | None,
    goals: bool | None,
    committing: bool = False,
    undated: bool = False,
) -> list[Draft]:
    """The commitment without a number of one clause (none, or one target per measure).

    Under a year of its own (到2025年), or, in a plan whose period gives the deadline, where
    the clause commits (确保…, 实现…, 持续降低…): a change of a measure, a state or progress
    from the closed lists above; else a phrasing of ``pledges`` (with the period as the
    deadline, or as a standing goal); ``goals``: the clause is among the plan's goals (None:
    among its principles, 指导思想 and 基本原则, where these phrasings state a manner);
    ``committing``: a 确保 at the head of the sentence covers this clause."""
    if _SINCE.search(context):
        return []  # 《战略》发布以来,…工作取得积极成效: what was achieved, not a goal
    if _MEANS.match(clause.masked, clause.body):
        return []  # 九江将以全面落实林长制为总抓手: the means the plan works by, no goal
    quoted = quoted_goals(clause, places)
    if quoted:
        return quoted  # 为实现2035年“养老服务体系成熟定型,…”目标打下坚实基础
    undated_goal = bool(goals) and undated  # 一、主要目标 of a repost that lost its years
    if (
        year is not None
        or undated_goal
        or (horizon is not None and (committing or COMMITTING.search(clause.masked)))
    ):
        found = commitment_targets(clause, table, context, places, water)
        found = found or state_targets(clause, table, places)
        found = found or progress_targets(clause, places)
        if found:
            return found
    if goals is None:
        if not (_AIM.match(clause.masked) or _AIM.match(clause.masked, clause.body)):
            return []
        # 指导思想 closes with the aims the plan sets out to reach: 在全市全面实施河长制,
        # 把平远建成“国家全域旅游示范县”: goals of the plan as printed
        found = state_targets(clause, table, places) or progress_targets(clause, places)
        return found or pledge_targets(clause, places, dated=True, goals=False, aim=True)
    # the plan's goals (工作目标…) before the year that follows them (…底线,…机制,到2025年,…):
    # goals as printed, with no deadline of their own
    dated = year is not None or horizon is not None or undated_goal or bool(goals)
    return pledge_targets(
        clause,
        places,
        dated=dated,
        goals=goals and (year is not None or horizon is not None or undated_goal),
        year=year is not None,
    )
