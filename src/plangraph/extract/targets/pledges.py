"""Commitments in the genre's other phrasings: a level reached, a state an adverb of degree
marks, a completion verb first, and what the plan makes sure of (确保…).

The phrase tables (``pledge_phrases``) say which phrasings these are and why; the readers
here take a clause and return what it commits to: the subject, the state, the direction.
"""

from __future__ import annotations

import re

from plangraph import model

from .clauses import Clause, Draft, match_key
from .indicators import VAGUE, derived_indicator, noun_phrase
from .pledge_phrases import (
    COMPLETED_FIRST,
    DEGREE,
    DEGREE_ONLY,
    EFFORT_ITEM,
    GOAL_AT_END,
    PROJECT_ITEM,
    REACHED_AT_END,
)

#: A problem solved at the root (基本解决, 从根本上解决): a state reached, even without a
#: deadline; plain 解决 in a task is the work of solving.
SETTLED = re.compile(r"基本|彻底|从根本上|根本")
#: 将/把 before what is made into something (将…打造成为…示范区).
_MADE_INTO = re.compile(r"^(?:将|把)[^,;。]{0,20}$")

#: A document released (出台《…工作方案》, 出台…“十四五”规划): reported, not committed to.
_RELEASED = re.compile(r"(?:规划|方案|计划|意见|通知)》?\s*$")
#: Who releases it, or when, in a report (市政府出台…, 九江市近日出台…, 贵州省出台…).
_REPORTER = re.compile(r"近日|日前|政府|[省市县区厅局委办]$")
#: A clause that continues a list of nouns (以及…, 及…).
_JOINED = re.compile(r"^(?:以及|及|和|与|或)")
#: A routine or the things it is done to, before 完成 (每1-3年完成…, 对…完成…).
_ROUTINE = re.compile(r"每|对|按")


def obj_is_open(obj: str) -> bool:
    """An object that lists steps and leaves the list open (…分析化验等)."""
    return obj.rstrip().endswith("等")


#: The state a thing is built in, before it (较为完善的…体系): the thing is the measure.
_OF_STATE = re.compile(r"^(?:较为|比较|更加)?(?:完善|健全|完备)的")
#: A level reached, verb first: what reaches it stands between the verb and whose level it is.
_LEVEL_OF = re.compile(
    r"(?:保持|达到|处于)(?P<what>[^,;。]{2,12}?)(?:全国|全省|国内|国际|世界|同行业|行业)"
)

#: Verbs of doing that open a task's clause (加强…): what follows is the action, and a
#: state at its end the action's aim, not a commitment.  推动/推进/促进 wrap a commitment
#: (推动黄河岸线…高污染企业全部迁入合规园区) and are not here.
IMPERATIVE = re.compile(
    r"""^(?:加强|强化|完善|健全|构建|建立|实施|开展|深化|加快|支持|鼓励|引导|落实|坚持|发展|
          优化|提升|提高|增强|保护|保障|加大|探索|组织|制定|编制|严格|规范|研究|建设|打造|
          培育|做好|抓好|狠抓|抓实|着力|统筹|扩大|减少|降低|控制|防范|防止|推广|提供|发挥|注重|聚焦|
          依托|围绕|结合|针对|利用|借助|通过|按照|根据|依据|为|把|将|拓展|拓宽|明确|
          营造|倡导|创造|甚至|采用|运用|应用|采取|体现|带动)
       (?!区|地区|范围)                      # 保护区, 发展区: a noun, not a verb of doing""",
    re.VERBOSE,
)
#: How a task is done, before its verb (积极拓宽…).
_MANNER = re.compile(
    r"^(?:积极|大力|加快|着力|全力|努力|持续|不断|进一步|有序|稳步|深入|切实|逐步)+"
)
#: Manners of doing (加快形成…, 大力实现…): an action under way, not a state reached.
_DOING = re.compile(r"(?:加快|大力|积极|着力|深入|切实|抓紧|加速)$")
#: A subject that is only an adverb (稳定进入…轨道): what reaches the state is named before.
_ADVERB_ONLY = re.compile(rf"\s*(?:{DEGREE})+\s*")
#: The words of a wrapper that may stand before the subject of a state (推动…全部迁入).
_WRAPPER = re.compile(r"^(?:推动|推进|促进|确保|力争|争取|努力|使|让|全力)+")

#: Every unit of a kind (每个社区, 所有具备条件的建制村): what a coverage (都有…, 通…路) is of.
_EVERY = re.compile(r"\s*(?:每个|每一个|每|所有|全部|各)")
#: A subject that is no noun phrase: a purpose or a statement (为…, 是…, …的位置).
_NOT_A_SUBJECT = re.compile(
    r"^为|被|是|在[^,;。]{0,12}中|中$|的位置|如果|一旦|若(?!干)|仍将|将会|可能|的基础上|的前提下|过程中"
    r"|^(?:根据|按照|依据|围绕)"  # 根据…需求进一步完善: how the work is done
    r"|^用[^,;。]{1,6}时间|^涉及"  # 用两年时间巩固提升: how long; 涉及…: what it covers
)
#: A vision: the country's or the region's future as a whole (美丽中国先行区, 治理能力
#: 现代化): a commitment only in the plan's goals.
VISION = re.compile(
    r"美丽(?:中国|[\u4e00-\u9fff]{1,3}(?:建设|目标|先行区))|现代化(?:水平)?$|小康|远景|愿景"
)
#: What was assigned rather than what is reached: 实现上述目标, 完成各项任务.
_ASSIGNED = re.compile(
    r"^(?:上述|以上|各项|既定|规划|本规划|全年|年度|国家|省)*的?(?:目标|任务|指标)"
    r"|^[一二两三四五六七八九十\d]+(?:大|项|个)[^,;。]{0,4}(?:目标|任务)"  # 实现四大具体目标
    r"|各项(?:任务|工作|措施)|任务和措施|目标任务|规划[^,;。]{0,4}实施|落到实处|落地见效|取得实效"
)
#: An object that ends in a quantity (建成高标准农田10.75亿亩) is the numeric target's.
_ENDS_IN_NUMBER = re.compile(r"\d(?:\.\d+)?\s*(?!号)[^\d\s,;。]{0,4}\s*$")  # not 19号线, a name
#: Already done or under way: 已建成, 正在…
_DONE = re.compile(r"已|正在|曾|业已|后将?$")
#: A subject that is itself a change (用水总量增长): when it is held, no state is reached.
_CHANGE = re.compile(r"(?:增长|上升|下降|增加|减少|趋势|势头|态势)$")
#: A worsening (加剧趋势, 恶化势头): curbing it is a goal, unlike a growth that stops.
_WORSENING = re.compile(
    r"(?:加剧|恶化|蔓延|退化|加重|丧失|流失|减少|下降)(?:的)?(?:趋势|势头|态势)$"
)  # 生物多样性下降势头得到基本控制: a loss curbed
_CURB = re.compile(r"遏制|控制|扭转")
_QUOTES = re.compile(r"[“”\"‘’]")
#: A clause that makes sure (确保…), under a deadline, commits to what follows as printed.
_ENSURED = re.compile(r"确保|保证")

#: The state each phrasing reaches, and the direction of a change.
_LEVEL_STATE: model.State = "StandardMet"
_DIRECTION = {
    **dict.fromkeys(
        (
            "提升",
            "提高",
            "增强",
            "改善",
            "加强",
            "优化",
            "扩大",
            "增加",
            "跃升",
            "壮大",
            "增长",
            "上升",
        ),
        "Increase",
    ),
    **dict.fromkeys(("降低", "下降", "减少", "减轻", "缓解", "减弱"), "Decrease"),
}
#: A clause that states the ground or the course of a goal (在…基础上, 在…前提下, 在…过程中).
_CIRCUMSTANCE = re.compile(
    r"\s*在[^,;。]{2,40}(?:的)?(?:基础上|前提下|过程中|条件下|要求下|背景下|形势下)\s*$"
)


_FORMED_STATE: dict[str, model.State] = {
    **dict.fromkeys(("形成", "建成", "建立", "确立", "成熟", "完善", "健全"), "Established"),
    **dict.fromkeys(("落实", "到位"), "Completed"),
    "协调": "Secured",
    "匹配": "Secured",
}


def pledge_targets(
    clause: Clause,
    places: list[str],
    *,
    dated: bool,
    goals: bool,
    year: bool = False,
    aim: bool = False,
) -> list[Draft]:
    """A commitment in one of the phrasings above, one target per clause, or none.

    ``dated``: a deadline governs the clause (a year, or the plan's period); ``goals``: the
    clause is among the plan's goals under a year (主要目标); ``year``: a year of its own
    governs it (到2025年年底, 2021年7月1日起), which alone makes a ban (禁止使用…) a goal;
    ``aim``: the clause is an aim that closes the plan's principles (打造…新格局)."""
    text = clause.text.rstrip()
    if _CIRCUMSTANCE.match(clause.masked, clause.body):
        return []  # 在总结试点形成的经验做法基础上: the ground of the goal, not a goal
    lead = clause.masked[: clause.body]
    body = _QUOTES.sub("", text[clause.subject_at :]).strip().lstrip("—-·")
    whole = _QUOTES.sub("", text[clause.body - min(clause.body, 4) :]).strip()
    found = _at_end(body, dated=dated, goals=goals)
    if found is None:
        found = _first(whole, dated=dated, goals=goals or aim, year=year, aim=aim)
    if found is None and dated and _ENSURED.search(lead):
        found = _ensured(_QUOTES.sub("", text[clause.body :]).strip())
    if found is None:
        return []
    label, state, direction = found
    return [
        Draft(
            sentence=0,
            start=clause.subject_at,
            end=len(text),
            order=0,
            indicator=derived_indicator(label),
            state=state,
            direction=direction,
            scope=places[0] if len(places) == 1 else None,
            scope_text=clause.categories[0] if len(clause.categories) == 1 else None,
        )
    ]


#: A document as a report refers to it (《规划》, 该方案): it states goals, it reaches none
#: (a document named in full, 推动出台《生态环境监测条例》, may be a goal).
_DOCUMENT = re.compile(
    r"《?(?:该|本|此|这一?|新|上述)?(?:行动计划|实施方案|规划|方案|意见|通知|文件|纲要|计划|办法|要点)》?"
)


def _subject_ok(subject: str, goals: bool, *, headline: bool = False) -> bool:
    """A subject that names what is committed to: a noun phrase, not a purpose or a time; a
    vision noun (生态环境质量) only in the goals' headline change (…明显改善), and a vision
    (美丽中国…, …现代化) only among the goals."""
    key = match_key(subject)
    if len(key) < 2 or _NOT_A_SUBJECT.search(subject) or _DONE.search(subject):
        return False
    if _DOCUMENT.fullmatch(subject.strip()):
        return False  # 《规划》明确,到2025年…: a report's frame, the document says what follows
    if key in VAGUE and not headline:
        return False  # 生态环境质量保持全国领先: no measure says what is reached
    return goals or VISION.search(subject) is None


def _at_end(
    body: str, *, dated: bool, goals: bool
) -> tuple[str, model.State | None, model.Direction | None] | None:
    """``风险评估水平有效提升``: the subject, then the state it reaches."""
    found = _reached(body, dated=dated, goals=goals)
    if found is None and goals:
        return _goal_at_end(body)  # 碳排放提前达峰后持续下降, not 持续下降 alone
    return found


def _reached(
    body: str, *, dated: bool, goals: bool
) -> tuple[str, model.State | None, model.Direction | None] | None:
    m = REACHED_AT_END.search(body)
    if m is None or not dated:
        return None
    subject = body[: m.start()]
    how = m.group("formed_how") or m.group("better_how") or ""
    if not goals and how and DEGREE_ONLY.fullmatch(how):
        return None  # 更加完善: how much, not which state
    if not goals and m.group("better") and m.group("better_verb") == "改善":
        return None  # 水生态环境持续改善: better, but no measure says how much
    if m.group("usual") == "普及" and not goals:
        return None  # 全面推进节水器具普及: 普及 names the work in a task, the state in the goals
    if m.group("every") and not _EVERY.match(subject):
        return None  # 都有…, 通…路: coverage only of every unit named (每个社区, 所有建制村)
    if not goals and m.group("got") and not re.search(DEGREE + "|合理", m.group("got")):
        return None  # 供水和饮水安全得到保障: a duty, unless said how (得到有效保障)
    wrapped = _WRAPPER.sub("", subject)
    if IMPERATIVE.match(_MANNER.sub("", wrapped)) or _ASSIGNED.search(wrapped):
        return None  # 加强…, 全面提升…能力: an action and its aim
    subject = noun_phrase(wrapped) or wrapped
    subject = re.sub(r"(?:实现)?较?$", "", subject)  # 排放量实现较大幅度下降
    level = _LEVEL_OF.match(m.group("level") or "")
    if level is not None and len(match_key(subject)) < 2:
        subject = level.group("what")  # 保持「海上风电」全国领先水平: the verb comes first
    if m.group("never"):
        subject = subject + m.group("never_what")  # 新城区…“城市看海”现象
    headline = goals and bool(m.group("better") or m.group("formed"))
    if not _subject_ok(subject, goals, headline=headline) or _ADVERB_ONLY.fullmatch(subject):
        return None  # 稳定进入…轨道: the subject is in the clause before
    if (m.group("formed") or "").endswith("明显") and _CHANGE.search(subject):
        return None  # 少子化趋势更加明显: a trend described, not a goal
    worsening = m.group("got") and _WORSENING.search(subject) and _CURB.search(m.group("got"))
    if m.group("got") and _CHANGE.search(subject) and not worsening:
        return None  # 用水总量增长得到控制: a change that stops, neither level nor direction
    state: model.State | None = None
    direction: model.Direction | None = None
    if m.group("level"):
        state = _LEVEL_STATE
    elif m.group("formed"):
        verb = m.group("formed")[len(how) :]
        state = _FORMED_STATE.get(verb)
    elif m.group("better"):
        direction = _DIRECTION.get(m.group("better_verb"))  # type: ignore[assignment]
    elif worsening:
        state = "Curbed"  # 地下水污染加剧趋势得到初步遏制: a worsening is stopped
    elif m.group("got"):
        state = "Secured" if "保障" in m.group("got") else None
    elif m.group("gone"):
        state = "Eliminated"
    elif m.group("kept"):
        direction = "Maintain"
    elif m.group("grows"):
        direction = "Increase"
    elif m.group("meets"):
        state = "Secured"
    elif m.group("covers") or m.group("rooted") == "全面覆盖" or m.group("every"):
        state = "Covered"
    elif m.group("milestone"):
        state = "Completed"  # 项目开工建设, 建成通车, 年内投入营业
    elif m.group("safe"):
        state = "Eliminated"  # 无重大旅游安全事故发生
    elif m.group("usual"):
        state = "Covered" if m.group("usual").endswith("普及") else "Established"
    return subject, state, direction


#: The vision of modernisation (…治理体系和治理能力现代化): the seed's reading keeps it out
#: of the commitments even among the goals (readers of other plans differ: see issue 12).
_MODERNISED = re.compile(r"现代化$")


def _goal_at_end(body: str) -> tuple[str, model.State | None, model.Direction | None] | None:
    """Among the goals under a year: ``…质量监督体系建立健全``, ``碳达峰具备坚实基础``."""
    m = GOAL_AT_END.search(body)
    if m is None:
        return None
    wrapped = _WRAPPER.sub("", body[: m.start()])
    if IMPERATIVE.match(_MANNER.sub("", wrapped)) or _ASSIGNED.search(wrapped):
        return None  # 加强…: an action and its aim
    subject = noun_phrase(wrapped) or wrapped
    if not _subject_ok(subject, True, headline=True) or _MODERNISED.search(subject):
        return None  # …治理能力现代化基本实现: the vision of the seed's reading, not a state
    verb = m.group("goal_verb") or ""
    state: model.State | None = None
    direction: model.Direction | None = None
    pieces = [verb[i : i + 2] for i in range(0, len(verb), 2)]  # 构建形成: 构建, 形成
    formed = [_FORMED_STATE[p] for p in pieces if p in _FORMED_STATE]
    changed = [_DIRECTION[p] for p in pieces if p in _DIRECTION]
    if formed:
        state = formed[0]
    elif changed:
        direction = changed[0]  # type: ignore[assignment]
    elif "达峰" in m.group():
        state = "Peaked"
    return subject, state, direction


def _first(
    whole: str, *, dated: bool, goals: bool, year: bool = False, aim: bool = False
) -> tuple[str, model.State | None, model.Direction | None] | None:
    """``建成世界知名生态与民族文化旅游地``: a completion verb, then what it completes; a ban
    (``禁止使用不可降解塑料袋``, ``不再主动提供一次性塑料用品``) only under a year of its own:
    under the plan's period it is a rule of conduct, not a goal reached by a date."""
    m = COMPLETED_FIRST.search(whole)
    if m is None or (m.group("ban") and not year):
        return None
    before = _WRAPPER.sub("", whole[: m.start()].strip().lstrip("—-·"))
    if _DOING.search(before):
        return None  # 加快形成…: the pace of an action, not a state reached
    prefix = _MANNER.sub("", before)
    if re.match(r"(?:打造|建设|改造|培育|发展)成", m.group("verb")) and _MADE_INTO.match(prefix):
        prefix = ""  # 将京津冀及周边地区打造成为…示范区: the place is made into what follows
    if (
        m.group("verb") == "出台"
        and _REPORTER.search(prefix)
        and _RELEASED.search(m.group("object"))
    ):
        return None  # 市政府出台《…工作方案》: a report of a plan's release, not a goal
    if _JOINED.match(prefix):
        return None  # 以及…形成的集水区域: the verb inside a noun that continues a list
    if len(prefix) > 20 or IMPERATIVE.match(prefix) or _DONE.search(prefix):
        return None  # 加强…建成…: the verb serves an action
    if "完成" in m.group("verb") and (_ROUTINE.match(prefix) or obj_is_open(m.group("object"))):
        return None  # 每1-3年完成一轮监测: a routine; 完成样品采集、分析化验等: steps of a task
    settled = m.group("solved") and SETTLED.match(m.group("solved"))
    if not (dated or m.group("anywhere") or settled):
        return None  # 形成一批…: an action under way unless a deadline makes it a goal
    if (m.group("built") or m.group("goal_built")) and not goals:
        return None  # 建立…机制 in a task is the work; among the goals, the system to have
    if m.group("goal_built") and m.group("verb").startswith("构建") and not aim:
        return None  # 构建…体系 heads tasks even among goals; the principles' last aim only
    if m.group("narrow") and not (goals or year):
        return None  # 缩小…差距 in a task is the work; under a year, the gap to narrow
    obj = m.group("object").strip()
    built_among_goals = goals and m.group("goal_built") is not None
    if (
        _ENDS_IN_NUMBER.search(obj)
        or _ASSIGNED.match(obj)
        or (obj.startswith("一批") and "建成" not in m.group("verb") and not built_among_goals)
    ):
        # 建成…10.75亿亩: the numeric target's; 形成一批…样板: a count without a number
        # (建成一批…先行区 completes them: a commitment; among the goals, 形成一批…企业 and
        # 打造一批…集聚区 are what the plan is to have)
        return None
    label = noun_phrase(obj) or obj
    label = label.removeprefix("一批")  # 建成一批碳排放达峰先行区: the kind completed
    if re.fullmatch(r"全部(?:依法依规)?(?:采用|使用|实行|停止)", m.group("verb")) and (
        len(match_key(prefix)) >= 2
    ):
        # 大宗物料全部采用…方式运输: what is carried; …项目全部停止运行: what stops
        label = noun_phrase(prefix) or prefix
    label = _OF_STATE.sub("", label)  # 建立较为完善的「…处置体系」
    if len(match_key(label)) <= 4 and prefix:
        label = prefix + label  # 生态环境实现根本好转: the state alone names nothing
    if not _subject_ok(label, goals):
        return None
    verb = m.group("verb")
    if m.group("narrow"):
        return label, None, "Decrease"  # 缩小与全国平均水平的差距: less of a gap
    if m.group("eased") == "缓解":
        return label, None, "Decrease"  # 缓解城市热岛效应…等问题: less of it, not gone
    if m.group("solved") or m.group("left"):
        return label, "Eliminated", None  # 基本解决草原过牧问题: the problem is gone
    if re.search(r"减少|降低|削减", verb):
        return label, None, "Decrease"  # 较大幅度地减少污染严重水体: a change, no state
    if "遏制" in verb:
        return label, "Curbed", None  # 初步遏制…加剧的趋势: the rise stops
    return label, _completed_state(verb, label), None


#: What an object realised (实现…) names of its state, checked in this order.
_OBJECT_STATE: tuple[tuple[re.Pattern[str], model.State], ...] = (
    (re.compile(r"全覆盖|全面覆盖"), "Covered"),
    (re.compile(r"零|清零|消除"), "Eliminated"),  # 近零填埋, 趋零填埋, 污水零直排
    (re.compile(r"达峰"), "Peaked"),
    (re.compile(r"达标"), "StandardMet"),
)


def _completed_state(verb: str, label: str) -> model.State:
    """The state a completion verb first reaches: every one reaches one, so that a standing
    goal without a year still says what it commits to (建成 -> Established)."""
    if "建成" in verb:
        return "Established"  # 建成…达峰先行区: places built, not a peak reached
    if "通过" in verb or re.search(r"开工|动工|查明|掌握", verb):
        return "Completed"  # 通过…考核验收, 开工…: an assessment passed, a work started
    for pattern, state in _OBJECT_STATE:
        if pattern.search(label):
            return state
    if "普及" in verb:
        return "Covered"  # 全面普及学前三年教育: everyone reached
    if "消除" in verb:
        return "Eliminated"
    if "守住" in verb:
        return "Secured"  # 坚决守住不发生重特大森林草原火灾…的底线
    if re.search(r"禁止|停止|不再|取缔|关停|淘汰|退出", verb):
        return "Eliminated"  # 禁止使用不可降解塑料袋, 全部关停
    if verb.startswith("全部") or re.search(r"(?:编制|制定|修编|修订)完成|补齐", verb):
        return "Completed"  # 编制完成…规划, 基本补齐…短板  # 全部迁入合规园区, 全部采用清洁方式运输
    return "Established"  # 建成, 形成, 构建起, 实现…, 成为


def _ensured(body: str) -> tuple[str, model.State | None, model.Direction | None] | None:
    """``确保建成区长治久清``, ``确保动态清零``: what the plan makes sure of, as printed."""
    if len(match_key(body)) < 2 or IMPERATIVE.match(_MANNER.sub("", body)):
        return None  # 确保…, 加强…: the duty of doing
    if _ENDS_IN_NUMBER.search(body) or _ASSIGNED.search(body) or _DONE.search(body):
        return None
    if match_key(body) in VAGUE or _NOT_A_SUBJECT.search(body):
        return None
    return body, ("Eliminated" if re.search(r"清零|消除", body) else None), None


#: A day of the calendar alone in its clause (2021年7月1日起, 自2023年7月1日): the date a
#: rule takes effect, which makes the clause after it a goal as printed.
EFFECTIVE_DATE = re.compile(
    r"^\s*(?:自|从|于)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?"
    r"(?:起|开始|以后|前|以前|之前|底前)?\s*$"
)
#: The verb that puts a rule in force (实施…标准): what is in force is its object.
_IN_FORCE = re.compile(r"^(?:全面|全国|全省|统一)?(?:实施|执行|施行|启用|推行)")


def effective_targets(clause: Clause, places: list[str]) -> list[Draft]:
    """What a plan puts in force from a day of the calendar (``2023年7月1日,实施轻型车和重型车
    国6b排放标准``): one target, the rule as printed; a standard is met, a ban eliminates."""
    body = _QUOTES.sub("", clause.text[clause.body :]).strip()
    rule = _IN_FORCE.sub("", body)
    key = match_key(rule)
    if len(key) < 4 or _ENDS_IN_NUMBER.search(body) or _ASSIGNED.search(body):
        return []
    if key in VAGUE or _NOT_A_SUBJECT.search(body) or _DONE.search(body):
        return []
    banned = re.search(r"禁止|停止|淘汰|不再|取缔", body)
    if not (banned or _IN_FORCE.match(body)):
        return []  # 2021年7月1日起,县级及以上城市建成区…: who, the rule comes after
    state: model.State | None = None
    if banned:
        state = "Eliminated"
    elif rule.endswith("标准"):
        state = "StandardMet"
    return [_whole_clause(clause, places, noun_phrase(rule) or rule, state)]


#: The number an item of a list printed inline opens with: (4), 4., ④.
_ITEM_NUMBER = re.compile(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．]|[①-⑳])\s*")


def item_targets(clause: Clause, places: list[str]) -> list[Draft]:
    """The pledge an item of a year's livelihood projects opens with, verb first
    (``新建城南幼儿园``, ``为全省60岁以上老年人免费接种流感疫苗``, ``全面推行长期护理保险
    制度``): one target, the item's words as its indicator; the work of an effort (``加强…``)
    and what was done (``已…``) are none."""
    body = _QUOTES.sub("", clause.text[clause.body :]).strip().lstrip("—-·")
    body = _ITEM_NUMBER.sub("", body)  # (4)加快建成…: an item numbered inside a news report
    if len(match_key(body)) < 4 or EFFORT_ITEM.match(body) or not PROJECT_ITEM.match(body):
        return []
    if _DONE.search(body) or _ENDS_IN_NUMBER.search(body) or _ASSIGNED.search(body):
        return []
    return [_whole_clause(clause, places, noun_phrase(body) or body, "Completed")]


def _whole_clause(
    clause: Clause, places: list[str], label: str, state: model.State | None
) -> Draft:
    """A target quoting the clause from its body to its end, named ``label``, scoped to the
    clause's one place or one category."""
    return Draft(
        sentence=0,
        start=clause.body,
        end=len(clause.text.rstrip()),
        order=0,
        indicator=derived_indicator(label),
        state=state,
        scope=places[0] if len(places) == 1 else None,
        scope_text=clause.categories[0] if len(clause.categories) == 1 else None,
    )
