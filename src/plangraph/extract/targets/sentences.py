"""The sentence-level driver: units of a plan, paragraphs, sentences, clauses -> targets."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from plangraph import model
from plangraph.extract import places
from plangraph.read.unnumbered import DEADLINE
from plangraph.vocab import LIVELIHOOD_LIST, PROVINCE_SUFFIXES

from .areas import area_targets
from .clauses import (
    LIST_ITEM,
    Draft,
)
from .commitment_words import checkable, state_in_words
from .grouped import grouped_targets
from .headings import (
    LOOKS_AHEAD,
    PRINCIPLES,
    REVIEW,
    TARGET_SECTION,
    goal_lines,
    heading_year,
    looks_back,
    reports_the_past,
    states_a_goal,
    under_goals_line,
    year_ahead_sentences,
)
from .indicators import IndicatorTable, load_indicators
from .leads import (
    ANNOUNCES_GOALS,
    ANY_TIME,
    GOALS_LABEL,
    NOTE,
    NUMBERED,
    NUMBERED_ITEM,
    QUOTES_GOALS,
    QUOTES_PLAN,
    RELAYS_INTENT,
    RELAYS_PLAN,
    YEAR_STATUS,
    paragraph_is_profile,
    striven_sentences,
)
from .progress_cells import progress_spans
from .repeats import one_label_each, without_repeats
from .scopes import (
    WATER_KINDS,
    Resolver,
    WaterIndex,
    Waters,
)
from .sentence_targets import sentence_targets
from .tables import table_targets
from .transposed import transposed_targets
from .years import Paragraph, document_year, horizon, period_start, reported_period_start


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
    if plan.year is None:
        # a “十四五” plan without a printed year: what lies before its period is the past;
        # so is what a year's work report or work points date before their year
        plan = dataclasses.replace(
            plan,
            year=period_start(plan.title)
            or reported_period_start(plan.text)
            or document_year(plan.title, plan.text),
        )
    cache: dict[str, str | None] = {}
    own_id = resolve_place(plan.region) if plan.region else None

    # the names that a province suffix follows at the start of the plan's region (湖北 of
    # 湖北省…): worked out once, not for every name looked up
    region = plan.region
    before_suffix = {
        region[:i]
        for i in range(len(region) + 1)
        if any(region.startswith(s, i) for s in PROVINCE_SUFFIXES)
    }

    def own(name: str) -> bool:
        # the plan's own region (京津冀, 大湾区 …) is no narrower scope
        return bool(region) and (
            (len(name) >= 3 and (name in region or region in name)) or name in before_suffix
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
            if h.place.kind in WATER_KINDS and not own(text[h.start : h.end])
        }

    named: dict[str, str] = {}

    def resolve_row(name: str) -> str | None:
        """An area a table's row names: a place the resolver knows, else one the place
        finder reads under that name elsewhere in the plan (a town the letter is addressed
        to: 鲇鱼山镇、丽阳镇、荷塘乡人民政府)."""
        found = resolve(name)
        if found is None and not own(name):
            if not named:
                hits, _ = places.find_places(plan.text)
                named.update((plan.text[h.start : h.end], h.place.id) for h in hits)
                named[""] = ""  # read once
            found = named.get(name) or None
        return found

    # due in the plan's deadline unless a table's header names a year (下达全州2021年能耗强度
    # 目标任务: the plan's year; 目标值: the plan's deadline)
    plan_due = horizon(plan.title, plan.text, plan.year)  # once: it reads the whole text
    rows, row_spans = table_targets(plan.text, plan.year, resolve, table, plan_due)
    turned, turned_spans = transposed_targets(plan.text, plan.year, table)
    rows += turned
    # a table of tasks by area under year groups, pasted one cell per line (到2025年 | 到2030年)
    grouped, grouped_spans = grouped_targets(plan.text, resolve_row, table)
    rows += grouped
    turned_spans += grouped_spans
    # a table handing a target down to each area
    rows += area_targets(plan.text, plan_due or plan.year, resolve, table)
    row_spans = sorted(row_spans + turned_spans)
    in_table = _spans_test(row_spans)
    # a table of projects' progress (当前进展情况): what is done so far is no goal
    progress = progress_spans(plan.text)
    in_progress = _spans_test(progress)
    # a report of what was done (工作总结, 情况汇报): a figure is a goal only where it is stated
    # as one (a deadline, 力争, 目标, 计划 …, or under a heading that plans ahead)
    # (a page of prose that carries no plan's marks is such a report, whatever its title)
    # a year's list of livelihood projects (十大民生实事): each item pledges its project
    items = LIVELIHOOD_LIST.search(plan.title) or LIVELIHOOD_LIST.search(plan.text, 0, 800)
    # …even in a table of their progress (民生实事项目进度表): its progress column (left out
    # above) reports, the projects' column still pledges
    past = (reports_the_past(plan.title) or plan.report) and not (items and progress)
    # …unless it hands over to the plan it reports (《规划》指出,…): from there on the plan speaks
    relayed = _relayed_from(plan.text) if past and plan_due is not None else None
    # …or whose lead says that what follows is the year's goals (今年深圳将怎么做,有哪些新目标)
    lead = _YEARS_GOALS_LEAD.search(plan.text, 0, 600) if past else None
    headed = goal_lines(plan.text) if past else ([], [])  # …and its 主要目标 lines
    if lead is not None:
        relayed = lead.end() if relayed is None else min(relayed, lead.end())
    drafts: list[tuple[model.Owner, Draft]] = []
    owner_at: list[tuple[int, int, model.Owner, int]] = []  # sentence start, end, owner, index
    striven = striven_sentences(sentences for _, sentences, _, _ in _units(plan))

    def plans_own(quoting: list[model.Sentence]) -> list[Draft]:
        """The goals a report quotes from its plan: the plan's, due at the plan's deadline."""
        return _unit_targets(plan, quoting, resolve, table, carry=True, waters=waters, due=plan_due)

    for owner, sentences, backward, headings in _units(plan):
        owner_at.extend((s.start, s.end, owner, s.index) for s in sentences)
        carry = owner.kind == "plan" or (owner.kind == "closing" and bool(headings))
        prose = [
            _before(s, progress)
            for s in sentences
            if not in_table(s.start) and not in_progress(_first_word(s))
        ]
        report = owner.kind == "preface"
        # a release report's sentence that states a year's figure (2023年,…浓度为30微克/立方米)
        # reports it; one with a deadline (到2025年, 2025年前) or a goal's verb states a goal
        stated = {
            s.index for s in prose if YEAR_STATUS.search(s.text) and not DEADLINE.search(s.text)
        }
        texts = {s.index: s.text for s in prose}
        quoted = [
            s
            for s in prose
            if report and (QUOTES_GOALS.search(s.text) or RELAYS_INTENT.search(s.text))
        ]
        # (one with a deadline of its own is read as any report's sentence)
        sourced = [
            s
            for s in prose
            if report
            and s not in quoted
            and QUOTES_PLAN.search(s.text)
            and not DEADLINE.search(s.text)
        ]
        if sourced:
            prose = [s for s in prose if s not in sourced]
            drafts.extend(
                (owner, d)
                for d in plans_own(sourced)
                if d.direction is not None or d.comparator not in (None, "Exactly")
            )
        if quoted:
            # a report that quotes the plan's goals (规划总体目标提出,…实现…): they are the
            # plan's, due at its deadline as its goals chapter's are, with or without a year
            prose = [s for s in prose if s not in quoted]
            drafts.extend((owner, d) for d in plans_own(quoted))
        # a report's sentences that state the year's goals (今年,全市要完成…) and what follows
        # them in their paragraph
        ahead = year_ahead_sentences(plan.text, prose) if past else set()
        if past:
            ahead |= _deadline_runs_on(prose)
        for draft in _unit_targets(
            plan,
            prose,
            resolve,
            table,
            carry=carry,
            waters=waters,
            review=backward,
            report=report,
            in_task=owner.kind == "task",
            due=heading_year(headings, plan.year) or plan_due,
            items=items is not None,
        ):
            if (
                past
                and (relayed is None or draft.start < relayed)
                and draft.sentence not in ahead
                and not states_a_goal(headings, texts.get(draft.sentence, ""))
                and not under_goals_line(headed, plan.text, draft.start)
            ):
                continue
            draft.aspirational |= draft.sentence in striven
            if not report or (draft.target_year is not None and draft.sentence not in stated):
                # a report of the release states goals only with their deadline
                # (文件提出:到2025年,…), not its own remarks (紧扣…两个关键) nor the
                # figures of a year it reports
                drafts.append((owner, draft))
    cut = _cut_at(plan.text, in_table)
    if cut is not None:
        # a text cut off inside a clause (a page's excerpt, a truncated repost: …比例分别
        # 达到100%和84.90): that clause's figures may be cut too, so it states no goal
        drafts = [(owner, d) for owner, d in drafts if d.start <= cut]
    owner_at.sort(key=lambda o: o[0])
    starts = [o[0] for o in owner_at]
    for draft in rows:
        i = bisect.bisect_right(starts, draft.start) - 1
        if i < 0 or draft.start >= owner_at[i][1]:
            continue  # a table outside the plan's units (the release text)
        draft.sentence = owner_at[i][3]
        drafts.append((owner_at[i][2], draft))
    drafts = without_repeats(drafts, plan.text)
    for _, draft in drafts:
        state_in_words(draft, plan.text)
    drafts = [(owner, d) for owner, d in drafts if checkable(d)]
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
                base_value=d.base_value,
                binding=d.binding,
                scope_text=d.scope_text,
                state=d.state,
                start_year=d.start_year,
                change=d.change,
            )
        )
    return one_label_each(targets)


#: What ends a text that is not cut off: a sentence's end, a closing quote or bracket, the
#: bar after a table row's last cell (a page's text copy: ``… | A类 |``).
_ENDS = '。;；!！?？”"’)）】》…|｜'
#: Where a clause ends: a table's cell ends at its bar (a row cut off in its last cells keeps
#: the goal of its first ones: 2 | 服务业增加值 | 增长6% | 区发改经信局 | 区财政局、区…).
_CLAUSE_END = re.compile(r"[,，;；。:：!！?？\n|｜]")


def _cut_at(text: str, in_table: Callable[[int], bool]) -> int | None:
    """Where the last clause of a text cut off inside it begins; None for a text that ends
    with a sentence (or with a table row, whose cells end without one)."""
    tail = text.rstrip().rstrip('”"')
    if not tail or tail[-1] in _ENDS or in_table(len(tail) - 1):
        return None
    if tail[-1] == "%":  # cut after a percentage: the figure is whole (稳定在30%)
        return None
    ends = [m.start() for m in _CLAUSE_END.finditer(tail)]
    return ends[-1] if ends else None


_WORD = re.compile(r"[\u4e00-\u9fff\d]")


def _first_word(sentence: model.Sentence) -> int:
    """The offset of a sentence's first character or digit (past a table's bar: `` | 完工…``)."""
    m = _WORD.search(sentence.text)
    return sentence.start + (m.start() if m else 0)


def _before(sentence: model.Sentence, spans: list[tuple[int, int]]) -> model.Sentence:
    """``sentence`` up to the first of ``spans`` that begins inside it (a task's cell that
    runs on into its progress: 建成投用…等8家卫生院 | 98%)."""
    cut = next((a for a, _ in spans if sentence.start < a < sentence.end), None)
    if cut is None:
        return sentence
    text = sentence.text[: cut - sentence.start].rstrip("\t |")
    return dataclasses.replace(sentence, end=sentence.start + len(text), text=text)


def _spans_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset falls inside one of the (sorted) spans."""
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    return inside


def _units(
    plan: model.Plan,
) -> Iterable[tuple[model.Owner, tuple[model.Sentence, ...], bool, str]]:
    """Owners, their sentences, whether the unit looks back (its heading, or that of its
    chapter, is a review: 发展基础, “十三五”取得的成效, 面临形势), and its headings (the
    chapter's and the task's); the release text (preface) is news, not the plan."""
    if plan.preface:
        # a report of the plan's release that states its goals (文件提出:到2025年,…):
        # those goals are the plan's, wherever they are printed
        yield model.Owner("preface"), plan.preface.sentences, False, ""
    if plan.preamble:
        yield model.Owner("preamble"), plan.preamble.sentences, False, ""
    for section in plan.sections:
        back = looks_back(section.title)
        plan_level = bool(TARGET_SECTION.search(section.title)) or (
            section.ordinal == 1 and not section.tasks
        )
        if plan_level:
            yield model.Owner("plan"), section.sentences, back, section.title
            for task in section.tasks:
                headings = f"{section.title}\n{task.title}"
                yield model.Owner("plan"), task.sentences, back or looks_back(task.title), headings
            continue
        yield model.Owner("section", str(section.ordinal)), section.sentences, back, section.title
        for task in section.tasks:
            # 一、规划背景 (三)准确把握战略定位: what the plan sets out to be looks ahead
            ahead = back and LOOKS_AHEAD.search(task.title) is not None
            yield (
                model.Owner("task", task.key),
                task.sentences,
                (back and not ahead) or looks_back(task.title),
                f"{section.title}\n{task.title}",
            )
    if plan.closing:
        last = plan.sections[-1].tasks[-1:] if plan.sections else ()
        # a page cut off after a goals heading ((二)建设目标 / 到2025年,…。 / 设施布局更加完善。):
        # what follows the heading is the goals, not a closing
        cut = bool(last) and TARGET_SECTION.search(last[0].title)
        yield model.Owner("closing"), plan.closing.sentences, False, last[0].title if cut else ""


_HEADING_END = re.compile(r"[。;；!！?？]\s*$")
#: Words of a paragraph that looks ahead again after a look back: what will be done, the
#: goals, the next plan's period.
_LOOKS_AHEAD = re.compile(r"将|力争|争取|确保|目标|提出|明确|今后|未来|计划|部署|十[四五六]五")


#: A paragraph that names the goals of a later period (水利厅制定了“十三五”主要目标。): the
#: items after it are those goals.
_SETS_GOALS = re.compile(
    r"十[二三四五六]五[”\"]?(?:时期|期间)?的?(?:主要|发展|总体)?目标[。:：]?\s*$"
)


def _unit_targets(
    plan: model.Plan,
    sentences: Sequence[model.Sentence],
    resolve: Resolver,
    table: IndicatorTable,
    *,
    carry: bool = False,
    waters: Waters | None = None,
    review: bool = False,
    report: bool = False,
    in_task: bool = False,
    due: int | None = None,
    items: bool = False,
) -> list[Draft]:
    """The targets of one unit.  With ``carry`` (the goals of 一、总体要求), a paragraph
    without a year of its own continues the year of the paragraph before: goals are often
    printed as "到2027年,…。" followed by paragraphs of indicators.  ``due`` is when the
    unit's goals are due when they name no year (its heading's year, else the plan's)."""
    drafts: list[Draft] = []
    due = None if report else due
    para = Paragraph(plan.year, horizon=due)
    previous_end: int | None = None
    unit_review, review = review, review
    # the plan's goals: its goals chapter, or a task of that name (第三节 主要目标)
    goals: bool | None = carry or bool(sentences and TARGET_SECTION.search(sentences[0].text[:20]))
    if sentences and PRINCIPLES.search(sentences[0].text[:12]):
        goals = None  # 指导思想, 基本原则: the plan's manner, not its goals
    # the goals of a repost that lost every year (年年底前,…): due all the same
    undated = bool(goals) and due is None and not any(ANY_TIME.search(s.text) for s in sentences)
    note = False  # inside the notes under a table (注：1.… 2.…)
    listing: int | None = None  # the year of a list of goals a paragraph announced
    labelled = False  # a paragraph labelled as the goals (工作目标:…)
    for n, sentence in enumerate(sentences):
        line_start = plan.text.rfind("\n", 0, sentence.start) + 1
        if line_start == sentence.start or n == 0:
            para.counting = False  # a list of counts goes on within its paragraph only
            # a paragraph begins: a note (注：…) and the numbered lines after it explain a
            # table, they set nothing
            opening = plan.text[line_start : line_start + 6]
            note = NOTE.match(opening) is not None or (note and bool(NUMBERED.match(opening)))
        if note or paragraph_is_profile(plan.text, line_start):
            previous_end = sentence.end
            continue
        if len(sentence.text) <= 40 and (n == 0 or _HEADING_END.search(sentence.text) is None):
            # a heading (the unit's title first): under a review of the last plan's years
            # (“十三五”时期取得的成效, 发展基础) figures are achievements, not goals; a
            # sub-heading in a unit that looks back (1.大气环境质量持续改善) still does.  A
            # long first sentence is the body of a text without headings, no title
            # (我省将立足资源禀赋和发展基础,…: the words of a review, the matter of a goal)
            review = unit_review or REVIEW.search(sentence.text) is not None
        elif (
            line_start == sentence.start
            and len(sentence.text) <= 40
            and REVIEW.search(sentence.text)
            and "了" in sentence.text
            and LIST_ITEM.match(plan.text, sentence.end + 1)
        ):
            # “十二五”期间,…取得了显著成绩。 then ——… items: a review in a sentence of its own
            # opens a list of what was done, until a paragraph sets goals again
            review = True
        if review and line_start == sentence.start and n and _SETS_GOALS.search(sentence.text):
            # …制定了“十三五”主要目标。 then ——… items: the goals, due at that period's end
            review = False
            first = period_start(sentence.text)
            para = Paragraph(plan.year, year=first + 4 if first else None, horizon=due)
            previous_end = sentence.end
            continue
        if review:
            previous_end = sentence.end
            continue
        if previous_end is not None and "\n" in plan.text[previous_end : sentence.start]:
            # a new paragraph starts afresh, unless it is an item of a list that the
            # paragraph before announced ("到2025年,主要目标是:" / "——…")
            before = plan.text[max(0, previous_end - 1) : previous_end]
            if before and before in ":：" and ANNOUNCES_GOALS.search(plan.text, 0, previous_end):
                # "到2020年,…实现四大具体目标:" — the paragraphs after it are those goals,
                # each due at that year, until a heading or a year of their own
                listing = para.year if not para.past else None
            elif (
                listing is not None
                and n
                and len(sentence.text) <= 40
                and _HEADING_END.search(sentence.text) is None
            ):
                listing = None  # a heading ends the list
            item = LIST_ITEM.match(sentence.text)
            if item is not None and NUMBERED_ITEM.match(sentence.text) and listing is None:
                item = None  # 2.推进…: a numbered item of work starts afresh, unless announced
            if not ((before and before in ":：") or item):
                # the goals of a plan or of its goals unit (主要目标: 到2025年,…。 then
                # 1.…, 2.… without a year) go on under the year of the paragraph before
                kept = para.year if (carry or goals) and not para.past else listing
                if kept is not None and due is not None and kept > due:
                    # a vision beyond the plan's period (…;力争到2035年,基本实现…) closes its
                    # paragraph: the paragraphs after it are due at the period's end
                    kept = due
                # outside tasks, a look back (“十三五”期间,…累计达225万人。) goes
                # on into the paragraphs after it until one looks ahead again
                back = para.past and not (in_task or kept)
                line_end = plan.text.find("\n", line_start)
                line = plan.text[line_start : line_end if line_end >= 0 else len(plan.text)]
                back = back and _LOOKS_AHEAD.search(line) is None
                para = Paragraph(plan.year, year=kept, horizon=due, past=back)
        previous_end = sentence.end
        year_before, past_before = para.year, para.past
        if line_start == sentence.start or n == 0:
            labelled = GOALS_LABEL.match(sentence.text) is not None
        in_list = (listing is not None or labelled) and goals is False
        found = sentence_targets(
            sentence,
            para,
            resolve,
            table,
            waters,
            goals=True if in_list else goals,
            undated=undated,
            in_task=in_task,
            items=items,
        )
        drafts.extend(found)
        if para.local:
            # 2021年秋冬季前,修订…预案: that deadline is the sentence's, not the paragraph's
            para.year, para.past, para.local = year_before, past_before, False
    return drafts


#: A news report's lead that says the text tells the year's goals (今年深圳将怎么做,有哪些新
#: 目标; 2024年苏州的哪些发展目标…), not the goals the year met (各项目标任务圆满完成).
def _deadline_runs_on(sentences: Sequence[model.Sentence]) -> set[int]:
    """The sentences (indexes) that a deadline runs on into: one sentence of the text cut at
    its semicolons (到2020年,全区创建4A级旅游景区3个;建设特色旅游镇5个,…;旅游综合收入达到45亿元):
    the parts after the one that names the deadline state goals as it does."""
    out: set[int] = set()
    running = False
    for previous, sentence in itertools.pairwise(sentences):
        ends_in_semicolon = previous.text.rstrip().endswith((";", "；"))
        running = ends_in_semicolon and (running or DEADLINE.search(previous.text) is not None)
        if running:
            out.add(sentence.index)
    return out


_YEARS_GOALS_LEAD = re.compile(
    r"(?:今年|新的一年|新一年|本年度?|(?:19|20)\d\d\s*年)[^。]{0,30}?"
    r"(?<!完成)(?<!实现)(?<!达成)(?:发展|新|主要)目标(?!任务)"
)


def _relayed_from(text: str) -> int | None:
    """Where a report of a plan hands over to the plan (《规划》指出,…), if it does."""
    found = RELAYS_PLAN.search(text)
    return None if found is None else found.end()
