"""Texts that carry a plan without its numbered body: what users save from government sites.

A plan's opening without its 一、 sections, a news report of a plan (…印发《…方案》，文件指出，
到2025年…), a Q&A page quoting a plan's goals, a 专栏 box cut from a plan, or a fragment whose
numbered sections have lost the title above them.  Such a text is still read as a plan where it
looks like one: it has a plan's title (a line of its own, or 《…方案》 in a headline), or it
commits to something by a deadline (到2025年…达到…, “十四五”期间…基本形成…).  A text with
neither (an English file, a page of news without a goal) is not a plan.

This module decides whether a text is such a plan and finds its title; the structure reader
(:mod:`.structure`) builds it, as one part where no numbered part is printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from ..vocab import FIVE_YEAR_PLAN, LIVELIHOOD_LIST, YEAR
from .loose_tables import indicator_header
from .release import find_document_number, page_date

#: The words that end a plan's title (方案, 规划 …): the same as the structure reader's.
PLAN_KINDS = (
    *("方案", "规划", "计划", "纲要", "意见", "办法", "通知", "实施细则", "路线图", "战略"),
    *("规划纲要", "工作要点"),
)
_KIND = "|".join(PLAN_KINDS)
#: The kinds a plan's own title ends with (a notice, 通知, forwards a plan; it is not one).
_OWN_KIND = "|".join(k for k in PLAN_KINDS if k != "通知")

#: The verbs of a level to reach, after 分别 in a schedule of goals.
_REACH = "达到|控制在|提高到|提升到|降至|降到|不低于|不少于|不超过"
#: A deadline a plan commits to: 到2025年(底), 2025年(底)前, “十四五”期间 / 末, 2030年以前.
DEADLINE = re.compile(
    rf"""(?=[到至力争确要今明“十12])  # a deadline's first character, checked first
         (?: (?:到|至|力争到|争取到)\s*{YEAR}\s*年(?:年?底|年?末)?
           | {YEAR}\s*年(?:年?底|年?末)?(?:前|以前)      # 2017年年底前
           | (?:到|至|力争到|争取到)(?:今|本|明)年(?:年?底|年?末)  # a year's work points: 到今年底
             # a report of this year's goals: 确保今年…达到, 今年全国将建设…, 要求2017年…
           | (?:确保|力争|争取|要求)\s*(?:到)?(?:(?:今|本|明)年|{YEAR}\s*年)
           | (?<![去前])(?:今|明)年[^。,;:]{{0,8}}?将(?!近)
           | “?{FIVE_YEAR_PLAN}”?(?:期间|时期|末)
             # a schedule of goals, one per year: 2023年、2024年、2025年…分别达到
           | {YEAR}\s*年(?:\s*[、和及]\s*{YEAR}\s*年)+(?=[^。;]{{0,40}}分别(?:{_REACH}))
         )""",
    re.VERBOSE,
)
#: What a plan commits to under a deadline: a figure to reach, or a state to bring about.
PLEDGE = re.compile(
    r"""达|提高|提升|下降|降低|降至|降到|减少|增至|增加|增长|控制在|不低于|不超过|不少于
      |低于|高于|小于|以上|以内|左右|突破|超过|建成|完成|实现|形成|消除|基本|全面|保持|稳定
      |初步|新增|累计|普及|覆盖|达峰|明显|力争|确保|取得|建立|解决|增强|改善""",
    re.VERBOSE,
)
_SENTENCE = re.compile(r"[^。;!?]+")
#: The head of a column of planned figures: 到2025年规划指标(万亩), 2030年目标值, 到2025年任务:
#: a table of tasks by a deadline, what a letter that hands tasks down to towns carries.
TASK_TABLE = re.compile(
    rf"(?=[到至12])(?:(?:到|至){YEAR}\s*年|{YEAR}\s*年(?:底|末)?)[^。,;:!?|]{{0,6}}?(?:指标|目标|任务)"
)
#: A plan's indicator table: the attribute column of its rows (预期性, 约束性), printed only there.
_ATTRIBUTE = re.compile(r"(?:预期|约束)性")
#: A statement of goals with their figures: 主要目标是:…, 考核指标为,西安市优良天数257天,
#: 实现以下目标:实现接待游客超386万人次.
_GOALS = re.compile(r"(?:目标|指标)(?:任务)?(?:为|是|如下)?[:,][^。;]*?\d")

#: A line that is a plan's title: short, unpunctuated, ending with a plan kind and perhaps a
#: period or a draft's note: 全国湿地保护规划(2022-2030年), …规划(征求意见稿).
_TITLE_LINE = re.compile(
    rf"^[^。,;:!?]{{2,78}}(?:{_OWN_KIND})(?:\d{{4}}年?)?(?:\([^()]{{1,20}}\))?$"
)
#: A plan's title in book marks: 《绵阳市“十四五”土壤污染防治规划》, or inside a notice's
#: title: 《关于批转…<静安区碳达峰实施方案>的通知》.
_BOOK_TITLE = re.compile(
    rf"[《〈<]([^《》〈〉<>\n]{{2,80}}?(?:{_OWN_KIND})(?:\([^()]{{1,20}}\))?)"
    r"(?:\.(?:docx?|pdf|wps|txt))?[》〉>]"  # a document-sharing site names the file: 《….docx》
)
#: What a text says before a document it only cites: 认真贯彻落实《…实施意见》, 根据《…规划》.
_CITED = re.compile(
    r"(?:贯彻|落实|根据|依据|按照|参照|对照|依照|结合)(?:执行)?\s*(?:《[^《》]*》\s*[、和及与]?\s*)*$"
)
#: A notice a news report says was issued: 办公室下达《2017年促进就业工作目标责任制任务通知》.
_REPORTED_NOTICE = re.compile(
    r"(?:印发|发布|下达|出台|公布)(?:了)?《([^《》\n]{2,80}?(?:通知|意见|决定|方案|计划|规划))》"
)
#: A notice that hands its plan over (《…2026年工作要点》已经省领导同意,现印发给你们), or a
#: preamble that says the text is the plan (…,制定本工作要点。).
_ISSUED_HERE = re.compile(
    rf"《[^《》\n]{{2,80}}?(?:{_OWN_KIND})(?:\([^()]{{1,20}}\))?》[^。\n]{{0,30}}?"
    r"(?:印发给你们|印发给你单位|现予印发|予以印发|现印发)"
    rf"|(?:特|现)?制定本(?:{_OWN_KIND})\s*[。,]"
)
#: A site's label before a title: 【浙江】瑞安市…规划, (湖北省)武汉市…方案.
_LABEL = re.compile(r"^(?:【[^】]{1,10}】|\([^()]{1,10}\))")
#: A notice's title: 关于印发…的通知, …人民政府办公厅关于…的通知.
_NOTICE_LINE = re.compile(r"^[^。,;:!?]{2,78}通知$")
#: A notice that issues a plan, wherever it stands (a page's 标题 field, a line of its own):
#: 重庆市梁平区人民政府关于印发…远景目标纲要的通知.
_ISSUES = re.compile(
    rf"关于(?:印发|转发|批转|发布|下达)《?[^。,;:!?《》]{{2,80}}(?:{_OWN_KIND})(?:\([^()]{{1,20}}\))?》?的通知"
)
#: A notice that issues a year's list of projects or tasks (关于印发洋县2024年十大民生实事
#: 项目的通知, 关于下达2023年重点建设项目清单的通知).
_ISSUES_LIST = re.compile(
    r"关于(?:印发|下达|公布)《?[^。,;:!?《》]{0,40}(?:19|20)\d\d年[^。,;:!?《》]{2,40}"
    r"(?:实事|项目|清单|任务)》?的通知"
)
#: A page that explains a plan: 文字解读:临沭县创建省级全域旅游示范区工作方案, 政策解读|《…规划》.
_EXPLAINS = re.compile(
    rf"解读\s*[:：|丨]?\s*《?([^。,;:!?《》|]{{2,80}}?(?:{_OWN_KIND})(?:\([^()]{{1,20}}\))?)》?\s*(?:[|\s]|$)"
)
#: The plan a text says is drawn up: 特制定实施抚仙湖…三年行动方案 (not 本方案, 本规划).
_DRAWN_UP = re.compile(
    # (not an item of a list of work, 一是制定出台…规划: a plan still to be drawn up)
    rf"(?<![一二三四五六七八九十]是)(?:特|现)?制定(?:实施)?(?!本|此|该|出台)"
    rf"([^。,;:!?《》“”]{{4,40}}?(?:{_OWN_KIND}))"
)


def commits(line: str) -> bool:
    """Whether a line holds a sentence that commits to something by a deadline."""
    return any(
        (deadline := DEADLINE.search(sentence)) and PLEDGE.search(sentence, deadline.end())
        for sentence in _SENTENCE.findall(line)
    )


def release_end(lines: Sequence[str]) -> int:
    """Where the plan's own words start in a text without numbered sections: at the first line
    that commits to something by a deadline (a news report's lead, its date and source lines
    before it are the release), else after the plan's title line."""
    first = next((i for i, line in enumerate(lines) if commits(line)), None)
    if first is not None:
        return first
    title = title_line(lines)
    return 0 if title is None or title + 1 >= len(lines) else title + 1


def title_line(lines: Sequence[str]) -> int | None:
    """The first line printed as a plan's title of its own (not a notice that forwards it)."""
    return next((i for i, line in enumerate(lines) if _TITLE_LINE.match(_cells_off(line))), None)


def _cells_off(line: str) -> str:
    """A line without the empty cells a saved web table leaves after it (…工作方案 | |||)."""
    return line.strip().rstrip("| \t").strip()


def headline_title(lines: Sequence[str]) -> str | None:
    """A plan's title in book marks on a short line of its own: a headline (《…规划》印发) or a
    notice's title (关于印发《…》的通知)."""
    for line in lines:
        if len(line) <= 100 and "。" not in line:
            match = _BOOK_TITLE.search(line)
            if match:
                return match.group(1)
    return None


def title_of(lines: Sequence[str], source: str) -> str:
    """The title of a plan printed without its numbered body: its title line, else a title in
    a headline, else the first plan named in book marks that the text does not merely cite
    (贯彻落实《…》), a notice a report says was issued (下达《…通知》), the first plan named in
    book marks at all, a notice's title, the plan the text says it draws up, and last the
    file's name."""
    found = title_line(lines)
    if found is not None:
        return _LABEL.sub("", _cells_off(lines[found]))
    for line in lines[:3]:
        explained = _EXPLAINS.search(line)
        if explained:
            return explained.group(1)
    letter = _letter_title(lines)
    if letter is not None:
        return letter
    headline = headline_title(lines)
    if headline:
        return headline
    for line in lines:
        for book in _BOOK_TITLE.finditer(line):
            if not _CITED.search(line, max(0, book.start() - 200), book.start()):
                return book.group(1)
    for line in lines:
        reported = _REPORTED_NOTICE.search(line)
        if reported:
            return reported.group(1)
    for line in lines:
        match = _BOOK_TITLE.search(line)
        if match:
            return match.group(1)
    for line in lines:
        if _NOTICE_LINE.match(line.strip()):
            return line.strip()
        match = _DRAWN_UP.search(line)
        if match:
            return match.group(1)
    return _named_plan(lines) or _headline(lines) or PurePath(source).stem


#: A notice that issues a plan, the plan's name inside: 关于印发重庆市能源发展“十四五”规划
#: (2021—2025年)的通知 -> 重庆市能源发展“十四五”规划(2021—2025年).
_ISSUED_PLAN = re.compile(
    rf"关于(?:印发|转发|批转|发布|下达)《?([^。,;:!?《》]{{2,80}}(?:{_OWN_KIND})(?:\([^()]{{1,20}}\))?)》?的通知"
)
#: A plan's name as a news lead or headline prints it, without book marks: 国务院印发2030年前碳
#: 达峰行动方案, 近日,安徽省冷链物流发展实施方案印发, 聊城市…“十三五”发展规划锁定五个目标.
_NAME = rf"[^。,;:!?《》\s|>]{{2,40}}?(?:{_OWN_KIND})(?:\([^()]{{1,20}}\))?"
_ISSUED_NAME = re.compile(
    rf"(?:印发|出台|发布|出炉)(?:了)?(?P<after>{_NAME})(?=[,。:;!?\s]|$)"
    rf"|(?:^|[,:\s])(?P<before>{_NAME})(?:正式|近日|日前)?(?:印发|出台|发布|出炉)"
)
#: How many lines at a page's top its headline and its lead are looked for in.
_HEAD_LINES = 4


def _named_plan(lines: Sequence[str]) -> str | None:
    """The plan a text's top names as issued: in a notice's title (关于印发…的通知), or in its
    headline or lead without book marks (国务院印发…行动方案, …实施方案印发); a name that is
    only a period (“十四五”规划) names no plan."""
    for line in lines:
        issued = _ISSUED_PLAN.search(line)
        if issued:
            return issued.group(1)
    for line in lines[:_HEAD_LINES]:
        for match in _ISSUED_NAME.finditer(line):
            name = match["after"] or match["before"]
            if len(_HAN.findall(re.sub(r"“[^”]*”", "", name))) >= 6:
                return name
    return None


#: A page's furniture above its headline: a breadcrumb (首页 > 新闻), a dateline, a source.
_FURNITURE = re.compile(
    r"[>»]|分享|二维码|^(?:您?当前(?:的)?位置|首页|图集|日期|时间|来源|发布(?:时间|日期)|编辑|作者)"
)
_KEYWORD_COMMA = re.compile(r"[,，]")
_SENTENCE_END = re.compile(r"[。;；!！?？]")
#: A numbered line (一、, (一), 1、, 1 江苏…): a heading or an item, not a page's headline.
_NUMBERED = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．\s])"
)


def _headline(lines: Sequence[str]) -> str | None:
    """A news page's headline: its first short line without a sentence's end, past the
    page's furniture, with text under it (未来五年陕西省高速公路建设全面提速)."""
    for k, line in enumerate(lines[:_HEAD_LINES]):
        text = line.strip()
        if _FURNITURE.search(text) or page_date([text]) or find_document_number(text):
            continue
        if len(_KEYWORD_COMMA.findall(text)) >= 3 and not _SENTENCE_END.search(text):
            continue  # a mirror's row of keywords (…图片,…一区二区三区,…): no headline
        text = _LABEL.sub("", text) if not _NUMBERED.match(text) else ""
        short = 6 <= len(text) <= 60 and not re.search(r"[。;:\t|]", text)
        return text if short and k + 1 < len(lines) else None
    return None


#: A letter's or a notice's title, perhaps broken over two lines: 关于征求2021-2030年高标准农田
#: / 建设规划任务意见的函.
_LETTER = re.compile(r"^关于[^。,;:!?《》]{2,76}(?:的函|的通知)$")


def _letter_title(lines: Sequence[str]) -> str | None:
    """The title of a letter or notice that opens the text, on one line or two."""
    head = [line.strip() for line in lines[:2]]
    for title in (head[0] if head else "", "".join(head)):
        if _LETTER.match(title):
            return title
    return None


#: A notice of policy in book marks that a headline reports (印发《关于加快推进…的通知》):
#: where it states goals by a year, the text carries them.
_NOTICE_TITLE = re.compile(r"《关于(?!印发|转发|批转)[^《》\n]{2,80}?的通知》")
#: A goal by a year: a year, then a pledge and a figure in the same sentence.
_GOAL_BY_YEAR = re.compile(
    rf"{YEAR}\s*年[^。;]{{0,60}}?(?:{PLEDGE.pattern})[^。;]{{0,20}}?\d", re.VERBOSE
)


def _notice_with_goals(lines: Sequence[str]) -> bool:
    """A headline reporting a notice of policy, and a goal by a year in the text."""
    return any(
        len(line) <= 100 and "。" not in line and _NOTICE_TITLE.search(line) for line in lines
    ) and any(_GOAL_BY_YEAR.search(line) for line in lines)


#: A goal a page states for a year by its figure: 2024年完成1000家以上, 2024年新增参保人数2000万人.
_YEAR_GOAL = re.compile(
    rf"(?<![\d~～\-—至到])(?P<year>{YEAR})\s*年(?:底|末)?(?:将|要|要求)?(?P<verb>{PLEDGE.pattern})"
    r"[^。;]{0,30}?\d",
    re.VERBOSE,
)
#: The last month of a year whose pages still announce that year's goals: a page dated later
#: in the year (a year-end review: 2024年完成投资…) reports what was done.
_ANNOUNCING_UNTIL = 9


def dated_goals(lines: Sequence[str]) -> bool:
    """Whether a dated page states goals for its own or a later year (2024年完成1000家以上 on a
    page dated 2024-01-24): the goals a government announces for the year, as a newspaper
    reports them, without a deadline word (到, 前) or numbered sections."""
    dated = page_date(lines)
    if dated is None:
        return False
    year = int(dated[:4])
    month = int(dated[5:7]) if len(dated) >= 7 else 12  # a page dated by its year alone: late
    for line in lines:
        for match in _YEAR_GOAL.finditer(line):
            stated = int(match["year"])
            if stated > year or (stated == year and month <= _ANNOUNCING_UNTIL):
                return True
    return False


def looks_like_a_plan(lines: Sequence[str]) -> bool:
    """Whether a text without numbered sections carries a plan: a title of a plan printed on
    a line of its own or in a headline, at least one commitment by a deadline, or a table of
    tasks by a deadline (到2025年规划指标, or 2022 年 目 标 值 spaced out), an indicator
    table (指标 | 2020年 | 2025年, however a page lost its cells' separators: a quiz or a
    forum page quoting a plan's table; or its 预期性 / 约束性 column), a notice that issues a
    plan or a year's list of projects (关于印发…纲要的通知, 关于印发…2024年十大民生实事项目的通知),
    a year's livelihood projects (:func:`_livelihood_list`), a page that explains a plan
    (文字解读:…方案), a statement of goals with their figures (主要目标是:…增长8%), or a dated
    page stating goals for its year (:func:`dated_goals`)."""
    return (
        title_line(lines) is not None
        or headline_title(lines) is not None
        or any(_ISSUES.search(line) or _ISSUES_LIST.search(line) for line in lines)
        or _livelihood_list(lines)
        or any(_EXPLAINS.search(line) for line in lines[:3])
        or any(map(commits, lines))
        or any(TASK_TABLE.search(_unspaced(line)) for line in lines)
        or any(map(indicator_header, lines))
        or _notice_with_goals(lines)
        or any(_ISSUED_HERE.search(line) for line in lines[:8])
        or any(_ATTRIBUTE.search(line) for line in lines)
        or any(_GOALS.search(line) for line in lines)
        or dated_goals(lines)
    )


#: A page of prose: at least this many Chinese characters in sentences.  Below it, a text
#: with no sign of a plan (a line of news, a meeting notice, an English page) is refused as
#: not a plan rather than read into an empty graph.
PROSE_CHARACTERS = 200
_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_prose(lines: Sequence[str]) -> bool:
    """Whether a text is a page of Chinese prose (:data:`PROSE_CHARACTERS` Chinese characters
    or more in lines that end a sentence): a report or a news page is read even where it
    carries no plan's marks."""
    sentences = (line for line in lines if re.search(r"[。;!?]", line))
    return sum(len(_HAN.findall(line)) for line in sentences) >= PROSE_CHARACTERS


def _livelihood_list(lines: Sequence[str]) -> bool:
    """A government's list of the year's livelihood projects (15件大事和民生实事, 十大民生实事),
    dated by the page or by a year the text names: what it pledges to do that year."""
    return any(LIVELIHOOD_LIST.search(line) for line in lines) and (
        page_date(lines) is not None or any(re.search(rf"{YEAR}\s*年", line) for line in lines)
    )


def _unspaced(line: str) -> str:
    """A line without its spaces: a web table's header cell is often spaced out to its
    column's width (``2022 年 目 标 值``, ``主 要 指 标``)."""
    return re.sub(r"\s+", "", line)
