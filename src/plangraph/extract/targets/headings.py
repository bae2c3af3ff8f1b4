"""What the headings over a unit say of the figures under it: a chapter of goals (主要目标), a
review of the past or of the present (发展基础, “十三五”时期取得的成效: no goals under it), the
guiding principles, and the one year its goals are due."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from plangraph import model
from plangraph.read.unnumbered import DEADLINE
from plangraph.vocab import YEAR

#: Headings of a plan's goals: the figures under them are the plan's own.
TARGET_SECTION = re.compile(
    r"总体要求|主要目标|总体目标|工作目标|目标任务|目标要求"
    r"|(?:发展|规划|建设|行动|具体|整治|治理|保护|预期|年度|阶段|近期|远期)目标"  # (二)建设目标
)

#: Headings of the guiding ideas and principles.
PRINCIPLES = re.compile(r"指导思想|基本原则|工作原则|编制依据|规划依据")


_YEAR_NAMED = re.compile(rf"(?<![\d—–~\-])({YEAR})\s*年(?!以来|以前|之前|前后)")
_PERIOD = re.compile(rf"{YEAR}\s*年?\s*[—–~\-至到]\s*{YEAR}")


def heading_year(headings: str, plan_year: int | None) -> int | None:
    """The one year the headings of a unit name for its goals, or None: a unit's goals
    without a year of their own are due then (an annual plan's 主要预期目标)."""
    for heading in reversed(headings.split("\n")):  # the task's heading first
        if _PERIOD.search(heading):
            return None
        years = {int(m.group(1)) for m in _YEAR_NAMED.finditer(heading)}
        if len(years) == 1:
            (year,) = years
            return year if plan_year is None or year >= plan_year else None
        if years:
            return None
    return None


def looks_back(title: str) -> bool:
    """A chapter or task heading of a review of the past or of the present situation."""
    return REVIEW.search(title) is not None and TARGET_SECTION.search(title) is None


#: Headings of what a plan sets out to be, under a chapter that looks back (规划背景):
#: the positioning and the vision are goals, not findings.
LOOKS_AHEAD = re.compile(r"定位|目标|愿景|展望")
#: Headings of what a plan looks back on or finds: the figures under them describe the
#: past or the present (“十三五”时期取得的成效, 发展基础, 面临的形势).
REVIEW = re.compile(
    r"""
      (?:十[一二三四]五|过去五年|以来) .{0,20}? (?:取得|成效|进展|成就|回顾|成绩)
    | 发展基础 | 工作基础 | 现状(?:与|和)?(?:问题|形势|基础)? | 基础(?:与|和|及)形势 | 取得的成效
    | 主要成效
    | 面临的?(?:主要)?(?:问题|挑战|困难)
    | 进展(?:与|和)成效 | 面临的?形势 | 形势(?:与|和)挑战 | 发展形势 | 机遇(?:与|和)挑战
    | 存在的问题
    | 基本形势 | 形势分析 | 现实基础 | 规划基础 | 发展环境 | 基础条件
    | (?:十[一二三四]五|过去).{0,8}回顾 | (?:面临|存在)的?(?:主要|突出)?问题
    | 进入新(?:阶段|时期)
    | (?:规划|编制)背景 | (?:新|主要|工作)进展\s*$ | 工作回顾      # 一、规划背景 (一)…新进展
    | ^\s*(?:前\s*言|序\s*言|引\s*言|基本情况|概\s*况)\s*$          # a foreword: the situation
    # 一、我省秸秆综合利用基本情况, 一、2024年计划执行情况
    | (?:基本|利用|发展|工作|实施|完成|执行|落实|进展|建设|治理|保护)情况\s*$
    | (?<!改变)(?<!改善)现状\s*$ | 概况\s*$                           # 二、…现状
    | (?:工作|主要|突出)亮点\s*$                                       # 二、全市三农工作亮点
    """,
    re.VERBOSE,
)


#: Titles of a document that reports what was done (工作总结, 情况汇报, 统计公报, 进展情况,
#: 完成情况): its figures describe the past and the present unless a sentence states a goal.
REPORT_TITLE = re.compile(
    r"总结|汇报|公报|情况(?:的)?通报|(?:进展|完成|执行|落实|工作|运行)情况(?:的?报告)?\s*$"
)
#: What makes a sentence of such a report state a goal: a deadline, or a word of intent.
STATES_GOAL = re.compile(
    r"目标|力争|争取|确保|计划|预期|打算|拟(?!定)|将(?:继续|进一步|新增|新建|建成|实现|完成|达到)"
)
#: Headings of a report's part that looks ahead (2021年工作打算, 下一步工作安排, 主要目标).
PLANS_AHEAD = re.compile(r"打算|安排|计划|思路|下一步|目标|重点工作|任务")


def reports_the_past(title: str) -> bool:
    """Whether a document's title names a report of what was done, not a plan."""
    return REPORT_TITLE.search(title) is not None and TARGET_SECTION.search(title) is None


def states_a_goal(headings: str, sentence: str) -> bool:
    """In a report of what was done, whether a sentence states a goal: it names a deadline
    or an intent (力争, 目标, 计划, 确保…), or it stands under a heading that plans ahead."""
    if DEADLINE.search(sentence) or STATES_GOAL.search(sentence):
        return True
    return any(PLANS_AHEAD.search(h) for h in headings.split("\n") if h)


#: A line that heads what follows in a text without numbered headings: short, without a
#: mark or a figure.
_HEADING_LINE = re.compile(r"^[^\S\n]*([^\s\d%，,。;；!！?？:：、]{2,16})[^\S\n]*$", re.MULTILINE)


#: A short line, perhaps only a deadline leading the goals below it (力争到2025年——, 到2030年:).
_SHORT_LINE = re.compile(r"^[^\n]{1,24}$", re.MULTILINE)


def goal_lines(text: str) -> tuple[list[int], list[bool]]:
    """The unnumbered heading lines of a text, by where each starts, and whether each plans
    ahead (a news report's 主要目标 line over a paragraph of goals, a line that is only the
    deadline of the goals below it: 力争到2025年——) rather than looks back."""
    found = [
        (m.start(), bool(PLANS_AHEAD.search(m.group(1))) and not REVIEW.search(m.group(1)))
        for m in _HEADING_LINE.finditer(text)
    ]
    for m in _SHORT_LINE.finditer(text):
        line = m.group().strip().rstrip("—:：,，").strip()
        if DEADLINE.fullmatch(re.sub(r"^(?:到|至)(?=“?十)", "", line)):
            found.append((m.start(), True))
    found.sort()
    return [start for start, _ in found], [ahead for _, ahead in found]


def under_goals_line(lines: tuple[list[int], list[bool]], text: str, at: int) -> bool:
    """Whether the nearest heading line above the line of ``at`` (:func:`goal_lines`) plans
    ahead."""
    starts, ahead = lines
    i = bisect.bisect_left(starts, text.rfind("\n", 0, at) + 1) - 1
    return i >= 0 and ahead[i]


#: A report's sentence that opens on the year ahead (今年,全市要完成…; 会议指出,明年全市将…;
#: 新的一年,…), not on what the year has brought so far (今年以来, 今年1—5月, 今年上半年).
_OPENS_YEAR_AHEAD = re.compile(
    r"^\s*(?:[^,，;；。]{0,10}[,，:：])?\s*[^,，;；。]{0,8}?"
    r"(?<![去前上])(?:今年|明年|新的一年|新一年)"
    r"(?!以来|上半年|前|[一二三四]季度|\d|[一二三四五六七八九十]+月)"
)
#: …and says what is to be done (今年,全市要完成…; 今年全市将…), not what the year has done (a
#: year-end report: 今年,全市新增城镇就业4.1万人).
_INTENT = re.compile(r"(?<![主重])要|将|计划|力争|争取|确保|目标|预期|拟|力求|努力")
#: What a sentence looking back says: the year before, a span up to now, a thing done.
_LOOKS_BACK = re.compile(r"去年|上年|过去|以来|已|了")


def year_ahead_sentences(text: str, sentences: Sequence[model.Sentence]) -> set[int]:
    """The sentences (indexes) of a report that state the year's goals: one that opens on the
    year ahead (:data:`_OPENS_YEAR_AHEAD`) with a word of intent, and the sentences after it
    in its paragraph (今年,全市要完成交通投资130亿元,…。全年实施重点交通项目40个。), until
    one looks back."""
    ahead: set[int] = set()
    on = False
    previous_end: int | None = None
    for s in sentences:
        if previous_end is not None and "\n" in text[previous_end : s.start]:
            on = False  # a new paragraph
        previous_end = s.end
        if _LOOKS_BACK.search(s.text):
            on = False
        elif _OPENS_YEAR_AHEAD.match(s.text) and _INTENT.search(s.text):
            on = True
        if on:
            ahead.add(s.index)
    return ahead
