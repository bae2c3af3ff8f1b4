"""How a sentence, a clause or a paragraph opens or is labelled: the cues the sentence
driver (:mod:`.sentences`) reads before any figure (到2025年, 其中, 目标:, 截至…, 已建成…,
预计…, a project's profile, a page's tags)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from plangraph import model
from plangraph.vocab import YEAR

#: The name a list of goals closes with (…取得明显成效「的总体目标」): not part of the last goal.
GOALS_TAIL = re.compile(r"的(?:总体|主要|工作|具体|发展|奋斗)?目标(?:任务)?\s*[。;]?\s*$")
#: A clause that states a part of what the clause before measured (其中Ⅰ—Ⅱ类…).
PART_OF = re.compile(r"\s*其中")
#: A report of the release that quotes the plan's goals: 规划总体目标提出, 方案明确主要目标是.
QUOTES_GOALS = re.compile(
    r"(?:规划|方案|计划|纲要|意见|文件)[^,;。、]{0,6}?(?:总体|主要|具体|发展|工作)?目标"
    r"(?:提出|明确|指出|是|为|包括)"
)
#: A report's sentence that opens with the plan as its source (根据规划,经过5—10年努力,…提高
#: 20%以上; 《规划》提出,…): its bounded figures and changes are the plan's goals, its plain
#: figures (开展32项重点工程,涉及总投资120.5亿元) what the plan contains.  Not 指出 or 显示,
#: which as often look back.
QUOTES_PLAN = re.compile(
    r"^\s*(?:根据|按照|依据)《?(?:规划|方案|计划|纲要)》?\s*[,，]"
    r"|^\s*《?(?:规划|方案|计划|纲要)》?(?:提出|明确)\s*[,，:：]"
)
#: A report that hands over to the document it reports (《规划》指出,…; 该方案明确,…): what
#: follows is the document's own content, its goals due at its deadline with or without a
#: year or a word of intent (新建42座公共充换电站).  Not 显示 or 介绍: those relay a status.
RELAYS_PLAN = re.compile(
    r"(?:《[^《》]{1,40}》|(?:该|本|这一|此)(?:规划|方案|计划|纲要|意见))\s*(?:中)?\s*"
    r"(?:指出|提出|明确|要求|强调|部署|规定)\s*[,，:：]"
)
#: …and hands over to the document's own words of intent (《通知》指出,要确保完成90%…): its
#: goals, due at its deadline whether or not they print a year.
RELAYS_INTENT = re.compile(RELAYS_PLAN.pattern + r"\s*(?:要|须|必须|将)?\s*(?:确保|力争|争取)")
#: A year's figure stated as it is (2023年,全省PM2.5平均浓度为30微克/立方米): a report.
YEAR_STATUS = re.compile(rf"{YEAR}\s*年[^。;；]{{0,40}}?(?:为|是)\s*[\d０-９]")  # bounded: linear
#: Sizes of city that head a clause (大城市…, 超大城市…): kinds of area, never a place.
CITY_SIZE = re.compile(r"\s*(?:超大|特大|大|中小|中等)城市")
#: A change by a figure after its base year (比2020年下降2克…): the base is that clause's.
CHANGE_BY = re.compile(r"(?:比|较)\s*(?:\d{4}|“?十[一二三四五]五”?)[^,;。]*?\d")
#: Words that make a target one the plan strives for rather than commits to.
ASPIRATION_WORDS = ("力争", "争取", "争创", "努力")
#: 力争 at the head of a clause (after a subject of a few characters: 全省力争…).
LEADING_ASPIRATION = re.compile(r"\s*[“\"]?[\u4e00-\u9fff]{0,4}?(?:力争|争取|努力)")
#: 确保 at the head of a clause: it governs the clauses after it in the sentence.
LEADING_COMMITMENT = re.compile(r"\s*(?:要|并|同时)?确保")
#: The end of a paragraph that announces the goals listed after it (实现四大具体目标:,
#: 主要目标是:, 目标如下:).
ANNOUNCES_GOALS = re.compile(r"目标(?:是|为|如下|包括)?\s*[:：]\s*$")
#: A year or a five-year plan, anywhere.
ANY_TIME = re.compile(
    r"(?:19|20)\d\d\s*年|十[一二三四五六七八九]五|[一二][〇零][一二三四五六七八九〇零]{2}年"
)
#: A sentence that opens with its deadline (到2025年,…; 力争到2030年,…; 2025年前,…; 到
#: “十四五”末,…).
DEADLINE_LEAD = re.compile(
    r"(?:^|[,，;；:：])\s*(?:力争|争取|确保)?(?:到|至)\s*"
    r"(?:(?:20\d\d)\s*年(?:底|末)?|[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期)?末)\s*[,，]"
)
#: A paragraph labelled as the goals (工作目标:…, 主要目标：…, 目标:…).
GOALS_LABEL = re.compile(r"\s*(?:工作|主要|总体|发展|规划|具体)?目标(?:任务)?\s*[:：]")
#: A sentence that gives the purpose the document is made for (为…,制定本方案; 为…,特制定
#: 本计划): what it names are the plan's aims in general, not commitments with a deadline.
PURPOSE = re.compile(
    r"为[^。]*(?:特|现|研究)?(?:制定|编制|制订|印发)"
    r"(?:本|如下|此)[^,;。]{0,4}?(?:方案|计划|规划|意见|办法|细则)?\s*[。]?\s*$"
)
#: A sentence that gives the parts of the one before (其中,…).
PARTS_LEAD = re.compile(r"\s*其中\s*[,，:：]")
#: A numbered item (1. 2.) of a task's work: the year of the item before is not its own.
NUMBERED_ITEM = re.compile(r"\s*\d{1,2}[.、](?!\d)")
#: A clause that opens by looking back (“十二五”以来, 2016年以来, 截至2020年底): it and the
#: clauses after it in its sentence report what was done, until a deadline of their own.
SINCE_LEAD = re.compile(r"\s*(?:截至|截止)|[^,;。]{0,16}?(?:以来|年来)\s*[,，]?\s*$")
#: A sentence that opens by stating a figure that is (园区已建成…20万平方米, 目前全县共有…45家):
#: its clauses report the present; not 已 of a kind of thing (对已建成的管网…), nor a clause
#: without a figure (依托现有…企业, 推进已建成…系统接入…).
STATUS_LEAD = re.compile(r"\s*[^,;。]{0,12}?(?:已(?![^,;。]{0,8}的)|目前|现有|共有)")
#: The tags and bylines a saved web page prints around the text (关键词:…, 责任编辑:…).
PAGE_FURNITURE = re.compile(r"\s*(?:关键词|关键字|标签|责任编辑|编辑|来源|Tags?)\s*[:：]")
#: 提前一年 / 提前两年: a goal due that many years before the deadline governing it.
AHEAD = re.compile(r"提前([一两二三1-3])年")
AHEAD_YEARS = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3}
#: The notes under a table: 注：, 备注：, 说明：.
NOTE = re.compile(r"\s*(?:注|备注|说明|资料来源)\s*[:：]")
NUMBERED = re.compile(r"\s*(?:\d{1,2}\s*[.、．]|[①②③④⑤⑥⑦⑧⑨⑩])")
#: A paragraph that profiles one project (项目所在地为…, 项目位于…): its figures are the
#: project's specification (capacity, purity, efficiency), not commitments of the plan.
PROFILE = re.compile(r"项目(?:所在地|建设地点|地点)(?:为|是|:|：)|项目位于")


def paragraph_is_profile(text: str, start: int) -> bool:
    end = text.find("\n", start)
    return PROFILE.search(text, start, end if end >= 0 else len(text)) is not None


#: A clause that opens with a projection (预计到2020年…将达, 据预测): expected, not committed;
#: not work the plan expects to get done (预计到2024年底前,将实现新增天然气用户约3万户:
#: what its own projects deliver by then, a goal).
FORECAST = re.compile(
    r"(?:^|[,;:])\s*[^,。;:]{0,8}?(?:预计|据预测|预测)"
    r"(?=\s*(?:到|至|在)?\s*(?:(?:19|20)\d\d|今年|明年|本世纪|将))"
    r"(?![^。;]*?(?:实现|完成|建成|新增|新建|改造|开工|竣工))"
)


#: A goal of pace before a projection (年均增长15%左右,预计…达到…): the level it reaches;
#: or the means the plan takes to it (通过…建设及…调配,预计到2020年,…达标率83%以上): what
#: its works are to deliver.
PACE_BEFORE = re.compile(
    r"(?:年均|平均每年|每年)(?:增长|提高|提升|增加|下降|降低)\s*\d+(?:\.\d+)?\s*%"
    r"|(?:^|[,;:])\s*(?:通过|依托)[^,;:。]{4,}"
)


#: A lead that strives for the goals it lists after its colon: 力争到2025年:, 争取实现以下目标:.
STRIVING_LEAD = re.compile(rf"(?:{'|'.join(ASPIRATION_WORDS)})[^,;。:：]{{0,24}}[:：]")
MAX_ITEMS = 12  # how many sentences such a list may run to


def striven_sentences(units: Iterable[Sequence[model.Sentence]]) -> set[int]:
    """The sentences (indexes) of the lists of goals that a lead with 力争 announces (力争到
    2025年: / 1.…达到…; / 2.…。), over a plan's units in order: each item is its own
    sentence, often its own numbered task, and the lead strives for every one, until the
    list ends with 。."""
    striven: set[int] = set()
    left = 0
    for sentences in units:
        for s in sentences:
            if left:
                striven.add(s.index)
                left = 0 if s.text.rstrip()[-1:] in "。!?！？" else left - 1
            if STRIVING_LEAD.search(s.text):
                left = MAX_ITEMS
    return striven
