"""Clauses: the stretch of a sentence a target is read from, and the text forms used to match.

A clause runs between ``，,；;。:`` marks, brackets and quotes kept whole.  Matching works on
two views of it: the full-width forms translated to ASCII one character for one (so offsets
carry over) and a *masked* view in which what is inside brackets and quotes is blanked
(``“两高”``, ``(十七)`` name things; they never hold a target)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plangraph import model
from plangraph.vocab import FIVE_YEAR_PLAN, HALF_WIDTH, ONE_TO_NINE, YEAR

_ROMAN = str.maketrans(
    {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI", "Ⅶ": "VII", "Ⅷ": "VIII"}
)


_PARENS = re.compile(r"\([^()]{0,60}\)")


_UNQUOTE = re.compile(r"[“”‘’\"'《》「」\s]")


_MASK = "□"


MAX_QUOTE = 200  # a clause longer than this is quoted around the target only


MATCH_SPAN = 120  # indicator names are short: match on at most this many characters


MAX_PARTS = 12  # a longer list of subjects is read as one


MAX_LABEL = 40  # a derived indicator label keeps its last (head) characters


def match_key(text: str) -> str:
    """A form for matching indicator names: no brackets, quotes, spaces; ASCII numerals."""
    text = text.translate(HALF_WIDTH)
    text = _PARENS.sub("", text)
    text = _UNQUOTE.sub("", text)
    return text.translate(_ROMAN).lower()


#: A bracket that gives the capacity of the projects before it: (装机约100万千瓦).
_CAPACITY_NOTE = re.compile(
    r"(?:总)?装机(?:容量|规模)?(?:约|达到|达)?\d[^()]*\)"
    # a slogan's figure after its quote: 力争进入“3时代”(低于40微克/立方米)
    r"|(?<=”\()(?:低于|不高于|不超过|高于|不低于|不少于|达到|控制在)\d[^()]{0,16}\)"
)


#: A bracket that states a part of the goal before it, a goal of its own: (其中Ⅰ—Ⅱ类稳定在25%
#: 以上), (其中国控断面优良比例达到98%以上), (含…).  Its brackets become clause breaks.
_PART_GOAL = re.compile(
    r"(?:其中|含)[^()。;]{0,30}?"
    r"(?:达到|达|稳定在|保持在|控制在|不低于|不少于|不超过|提高到|提升到|提高至|提升至|"
    r"下降到|下降至|降至|降到|增长|下降|超过)\s*\d[^()。;]{0,12}\)"
)


def mask(text: str) -> str:
    """Blank out what is inside brackets and quotes (names, abbreviations, notes).

    The result has the same length, so offsets carry over.
    """
    out = list(text)
    depth = 0
    quoted = False
    skip = -1  # the closing bracket of a part's goal
    for i, ch in enumerate(text):
        if ch == "(" and _CAPACITY_NOTE.match(text, i + 1):
            continue  # 燃机项目一期(装机90万千瓦): the size of the project is its goal
        if ch == "(" and not depth and not quoted and (part := _PART_GOAL.match(text, i + 1)):
            out[i] = out[part.end() - 1] = "，"  # the part's goal is a clause of its own
            skip = part.end() - 1
            continue
        if i == skip:
            continue
        if ch in "(《":  # a book title names a document: 《…6条措施》 sets nothing
            depth += 1
        elif ch in ")》" and depth == 0 and "(" not in text[:i] and "《" not in text[:i]:
            # a bracket closed that opened on the line before (a line break inside it):
            # what comes before is its content
            for j in range(i):
                if not _in_fyp(text, j):
                    out[j] = _MASK
        elif ch in ")》":
            depth = max(0, depth - 1)
        elif ch == "“":
            quoted = not _speech(text, i)
        elif ch == "”":
            quoted = False
        elif ch == '"':
            quoted = not quoted
        elif (depth or quoted) and not _in_fyp(text, i):
            out[i] = _MASK
    return "".join(out)


#: What a quotation that is speech holds and a quoted name does not: a clause break.
_SPEECH_BREAK = re.compile(r"[,，;；。:：]")
#: …and what makes an official's quoted words a goal (the figures of a year so far they
#: quote, “1—10月,进出口总额…同比增长31.9%”, stay masked with the rest of the quotation).
_SPEECH_GOAL = re.compile(r"力争|争取|确保|目标|(?:到|至)\s*20\d\d\s*年")


def _speech(text: str, at: int) -> bool:
    """Whether the quotation opening at ``at`` is a goal an official states in a report
    (“力争到2025年,全省制造业增加值占GDP比重稳定在30%”), not a name (“两高”, “芯屏器合”): it
    runs over a clause break before it closes, or is long, and it names a goal."""
    close = text.find("”", at + 1)
    inside = text[at + 1 : close if close >= 0 else len(text)]
    spoken = len(inside) > 30 or _SPEECH_BREAK.search(inside) is not None
    return spoken and _SPEECH_GOAL.search(inside) is not None


#: A five-year plan period: “十四五” (2021—2025) ends in 1955 + 5 × 14.
_FYP = re.compile(rf"十([{ONE_TO_NINE}])五")


FYP_TIME = re.compile(
    rf"(?P<to>到|至|在|于)?[“\"]?{FIVE_YEAR_PLAN}[”\"]?"
    r"(?P<when>末期|期末|末|期间|时期|中后期|以来)?(?P<before>前|以前|之前)?"
)


def _in_fyp(text: str, i: int) -> bool:
    """Whether ``text[i]`` is part of a five-year plan name such as 十四五 (kept unmasked)."""
    lo = max(0, i - 2)
    return any(m.start() <= i < m.end() for m in _FYP.finditer(text, lo, i + 3))


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_SEP = frozenset(",;:。!?")


#: A number of years a plan gives itself (3-5年时间, 三年左右时间, 5年的努力): ``n``, or
#: ``n`` to ``m``.
YEARS_TAKEN = (
    r"(?P<n>\d{1,2}|[一二两三四五六七八九十])(?:\s*[-—–~至到]\s*(?P<m>\d{1,2}|[一二三四五六七八九十]))?"
    r"\s*年(?:左右)?(?:的)?(?:时间|努力)"
)


_LEAD = re.compile(
    rf"(?:(?:力争|争取)?(?:到|至|在|于)?{YEAR}年(?:底|末)?(?:前|以前|之前)?"
    rf"(?:(?:、|和|及|与)(?=(?:到|至)?{YEAR}年))?|"
    rf"(?:力争|争取)?(?:到|至|在|于)?“?十[{ONE_TO_NINE}]五”?"
    r"(?:末期|期末|末|期间|时期|中后期)(?:前|以前|之前)?|"
    rf"(?:力争|争取|计划|拟)?(?:再)?(?:用|利用|花)?{YEARS_TAKEN}|"
    r"其中|同时|此外|并且|并|力争|争取|确保|每年|区域内|区域|全区域|全域|整体上|总体上|"
    r"基本实现|全面实现|实现)"
)


LIST_ITEM = re.compile(r"\s*(?:——|—|-|·|•|\(?\d{1,2}[).、]|[①②③④⑤⑥⑦⑧⑨⑩])")


@dataclass(slots=True)
class Clause:
    start: int  # offsets into the sentence
    end: int
    text: str  # full-width translated
    masked: str
    body: int = 0  # offset (in the clause) where the content starts, after the lead
    places: list[str] = field(default_factory=list)
    subject_at: int = 0  # offset after the heading places
    names: list[str] = field(default_factory=list)  # the heading places as printed
    categories: list[str] = field(default_factory=list)  # heading kinds of area: 县城, 重点区域
    #: a heading list of several areas, some not places the resolver knows: (Place id or
    #: None, the name as printed), in order (京津冀及周边地区、长三角地区、汾渭平原)
    heads: list[tuple[str | None, str]] = field(default_factory=list)


@dataclass(slots=True)
class Draft:
    sentence: int
    start: int  # the quote: first a span in the clause (used for huge clauses), then
    end: int  # plan-level offsets
    order: int
    indicator: model.Indicator
    value: Decimal | None = None
    unit: model.UnitCode | None = None
    count_noun: str | None = None
    comparator: model.Comparator | None = None
    direction: model.Direction | None = None
    target_year: int | None = None
    base_year: int | None = None
    scope: str | None = None
    aspirational: bool = False
    recurrence: model.Recurrence | None = None
    base_value: Decimal | None = None
    binding: bool | None = None
    scope_text: str | None = None
    state: model.State | None = None
    start_year: int | None = None
    change: bool = False
    doubling: bool = False  # 实现倍增: a change of 100% that needs a base year to say anything


#: A base a change starts from, ending a clause (从2015年的76.7岁), and the change to a level
#: that the next clause begins with (提高至78岁): one clause, split by a comma.
_FROM_A_BASE = re.compile(
    r"(?:从|由)(?:\s*(?:19|20)\d\d\s*年(?:底|末)?的?)?\s*\d[^,，;；。从由]{0,8}$"
)
_TO_A_LEVEL = re.compile(
    r"\s*(?:将)?(?:提高|提升|增加|增长|下降|降低|减少|缩小|扩大|延长|缩短)(?:到|至)"
)


#: A subject and its change of state, whole before a 、 and a figure of the next item
#: (重特大事故得到有效遏制、各类事故死亡人数下降10%): each is a clause of its own; not a list of
#: states that one verb governs (实现A显著提升、B明显加强、…的新格局).
_STATE_CHANGED = re.compile(
    r"[\u4e00-\u9fff]{2,}(?:得到|有效|明显|显著|稳步|持续|全面|基本|逐步|不断|大幅|进一步)"
    r"(?:遏制|提升|提高|下降|降低|改善|增强|优化|完善|减少|增加|消除|控制|扩大|缩小|巩固|好转)$"
)
_COUNTED_NEXT = re.compile(r"[^、,，;；。]*\d")


def split_clauses(text: str, masked: str) -> list[Clause]:
    """Clauses between ，,；;。:！？ outside brackets and quotes (not 1,000), and after a
    subject's change of state listed with 、."""
    clauses: list[Clause] = []
    start = 0
    n = len(text)
    for i, ch in enumerate(masked):
        if (
            ch == "、"
            and _STATE_CHANGED.search(masked, start, i)
            and _COUNTED_NEXT.match(masked, i + 1)
        ):
            clauses.append(Clause(start, i, text[start:i], masked[start:i]))
            start = i + 1
            continue
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
        if (
            ch in ",，"
            and _FROM_A_BASE.search(masked, start, i)
            and _TO_A_LEVEL.match(masked, i + 1)
        ):
            continue  # 寿命从2015年的76.7岁,提高至78岁: one change from a base to a level
        if ch in ":：∶" and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # a ratio, 2.09:1; a time, 10:30
        if i > start:
            clauses.append(Clause(start, i, text[start:i], masked[start:i]))
        start = i + 1
    if start < n:
        clauses.append(Clause(start, n, text[start:], masked[start:]))
    return clauses


def strip_span(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (text[lo].isspace() or text[lo] in "—·•-"):
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def lead_end(masked: str) -> int:
    """Skip the time phrase and connectives that open a clause."""
    pos = 0
    for _ in range(6):
        while pos < len(masked) and masked[pos].isspace():
            pos += 1
        m = _LEAD.match(masked, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    if re.fullmatch(rf"\s*(?:与|比|较){YEAR}年(?:相比)?\s*", masked[pos:]):
        return len(masked)
    return pos


#: A slogan in quotes and the goals it stands for listed in brackets after it:
#: ``做到“五个全面”(环境空气质量全面改善、…、生态环境风险得到全面管控)``.
_SLOGAN_LIST = re.compile(r"”\((?P<items>[^()“”\d]{4,}、[^()“”\d]{4,})\)")


def slogan_items(clause: Clause) -> list[Clause]:
    """The goals a quoted slogan lists in brackets (``“两个基本”(力争重污染天气基本消除、历史
    遗留露天矿山生态修复基本完成)``), one clause each with offsets in the sentence: the
    bracket is masked in its clause, yet each item is a goal as printed."""
    items: list[Clause] = []
    for m in _SLOGAN_LIST.finditer(clause.text):
        pos = m.start("items")
        for part in m.group("items").split("、"):
            if len(part.strip()) >= 4:
                start = clause.start + pos
                items.append(Clause(start, start + len(part), part, mask(part)))
            pos += len(part) + 1
    return items
