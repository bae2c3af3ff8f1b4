"""Commitments without numbers: a subject and a state or direction with a deadline.

The clause assembly: what a clause commits to, read with the words of ``commitment_words``
(changes, states, progress, the openings that commit)."""

from __future__ import annotations

import re

from plangraph import model

from .clauses import Clause, Draft, match_key
from .commitment_words import (
    ANY_PROGRESS,
    ANY_STATE,
    COMMITTING,
    KIND_STATE,
    MOVES,
    NAMED_GOAL,
    PROGRESS_AT_END,
    PROGRESS_FIRST,
    STANDING,
    STATE_AT_END,
    STATE_CHANGE,
    STATE_FIRST,
    STATE_VERBS,
    WORD_STATE,
)
from .comparison_words import DIR_NAME
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
from .pledge_phrases import ANY_PLEDGE
from .pledges import pledge_targets
from .scopes import WaterIndex, waters_in

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
                    state=KIND_STATE.get(kind) if kind != "keep" or suffix else None,
                    scope=place,
                )
            )
    return drafts


# --------------------------------------------------------------------------- states

#: A vision rather than a measure: 美丽中国先行区基本建成, 美丽广东建设目标基本实现,
#: 治理体系和治理能力现代化基本实现.
VISION = re.compile(r"美丽|现代化|小康|远景|愿景")
#: Adverbs between a subject and its state (入河排污口「全部」整治到位).
_STATE_ADVERB = re.compile(
    r"(?:全部|全面|基本|均|都|实现|稳定|持续|继续|率先|提前|年内|年底前|当年)+$"
)
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
        state = WORD_STATE[word] if word else "StandardMet"
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


# --------------------------------------------------------------------------- progress


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


# --------------------------------------------------------------------------- the entry


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

#: A clause that tells the situation, not a goal: a gap still to close (产业能级还需再提升,
#: …不足仍是实现高质量发展的最大短板), a risk that grows (灾害链特征日益突出, 复杂性持续加剧), what
#: is done already (形成了完整的…体系, 刚刚成功创建), a document or meeting that states what
#: follows (会议明确, 《规划》提出), the label of what follows (力争实现以下目标, …进度表).
_SITUATION = re.compile(
    r"还需|仍需|仍是[^,;。]{0,24}(?:短板|弱项|挑战|瓶颈|难题|问题)|始终没有|"
    r"日益(?:突出|凸显|加剧|严峻|复杂)|持续加剧|"
    r"(?:形成|实现|取得|建成|完成|达到|突破|成为|创建|获得)了|刚刚|"
    r"(?:会议|规划|方案|》|意见|通知|文件|计划|纲要|报告)中?(?:明确|提出|指出)\s*$|"
    r"以下(?:目标|几个方面|任务)|(?:进度|情况|统计|一览)表"
)


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


def named_goal(clause: Clause, places: list[str]) -> list[Draft]:
    """The goal a clause names as the plan's aim (以建设创新型省份为总体目标): one target,
    what is to be built, established."""
    m = NAMED_GOAL.match(clause.masked, clause.body)
    if m is None or clause.masked[m.end() :].strip() or _SINCE.search(clause.text):
        return []
    subject = clean_subject(clause.text[m.start("goal") : m.end("goal")])
    key = match_key(subject)
    if len(key) < 2 or key in VAGUE or VISION.search(subject):
        return []
    return [
        Draft(
            sentence=0,
            start=m.start(),
            end=m.end(),
            order=0,
            indicator=derived_indicator(subject),
            state="Established",
            scope=places[0] if len(places) == 1 else None,
        )
    ]


def may_commit(masked: str, deadline: bool) -> bool:
    """Whether a sentence without a number may hold a commitment: under a deadline, one
    with a word of a change, a state or progress; without, one with a standing goal."""
    if STANDING.search(masked) or NAMED_GOAL.search(masked):
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
    if _SITUATION.search(clause.masked):
        return []  # 产业能级还需再提升, 形成了完整的…体系, 会议明确: the situation, no goal
    if _MEANS.match(clause.masked, clause.body):
        return []  # 九江将以全面落实林长制为总抓手: the means the plan works by, no goal
    quoted = quoted_goals(clause, places)
    if quoted:
        return quoted  # 为实现2035年“养老服务体系成熟定型,…”目标打下坚实基础
    if goals is not False:
        named = named_goal(clause, places)  # the plan's goals or principles name their aim
        if named:
            return named
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
