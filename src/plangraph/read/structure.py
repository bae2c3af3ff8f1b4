"""Structure: a normalized document -> plans with their release, sections, tasks and sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from ..errors import ReadError
from ..model import Numbering, Plan, Section, Task, Unit
from ..vocab import CN_DATE
from .area import _plan_id, _year_from_name, area_of
from .layout import (
    _CHAPTER,
    _SECTION,
    _TASK,
    MARKERS,
    Layout,
    annex_start,
    choose_layout,
    in_table,
    is_box,
    is_preface_heading,
    kind_of,
    marker,
    nested_units,
    section_title,
    title_and_body,
    toc_lines,
)
from .layout import (
    Unit as NestedUnit,
)
from .normalize import Document
from .parts import (
    SectionSpec,
    marked,
    numbering_of,
    opens,
    opens_task,
    promote_items,
    split_closing,
)
from .release import (
    _STATED_SECTIONS,
    _STATED_TASKS,
    _stated,
    _year_of,
    approved_by,
    document_number,
    issued_date,
    issuers,
    printed_year,
)
from .script import with_printed
from .unnumbered import PLAN_KINDS, is_prose, looks_like_a_plan, release_end, title_of
from .writer import Writer, lines_unit
from .writer import split_sentences as split_sentences  # read here by the targets' tests

_PLAN_KIND = "|".join(PLAN_KINDS)
_TITLE_LINE = re.compile(
    rf"""^[^。,;:!?]{{2,78}} (?:{_PLAN_KIND})   # …行动方案
    (?:\d{{4}}(?:年)?)?                          # …方案2025 or …2025年
    (?:\([^()]{{1,20}}\))?$                      # …(试行), …(2021—2025年)
    """,
    re.VERBOSE,
)
_BOOK_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_NOTE = re.compile(r"^\((?:此文|本文|全文)?[^()]{0,10}(?:删减|删节|节选|摘编|摘要)[^()]{0,10}\)$")
_RELEASE_LABEL = re.compile(r"^(?:文件正文|正文|全文|全文如下|附件\d*|方案全文)[:]?$")
_DATE_LINE = re.compile(
    rf"""^(?:
        \d{{4}}年\d{{1,2}}月(?:\d{{1,2}}日)?       # 2021年9月28日, 2021年12月
      | \d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}       # 2021-09-28, 2021/9/28
      | {CN_DATE}                                  # 二〇二一年九月二十八日
    )$""",
    re.VERBOSE,
)


def parse(document: Document) -> tuple[Plan, ...]:
    """Every plan in one normalized document."""
    blocks = _find_blocks(document) or _unnumbered_block(document)
    if not blocks:
        raise ReadError(
            document.source,
            "no recognisable plan: expected numbered sections such as 一、总体要求 "
            "with tasks such as (一)…, or chapters such as 第一章 with 第一节…, "
            "or a plan's title or goals (到2025年…达到…)",
        )
    year = _year_from_name(document.source)
    plans = tuple(_build_plan(document, block, year) for block in blocks)
    return with_printed(plans, document.printed) if document.printed else plans


@dataclass(slots=True)
class _Block:
    """A plan's lines, found in a document: release lines, then the body."""

    title: str
    release: list[int]  # indexes into Document.lines
    body: list[int]
    title_line: int | None  # index of the body title line, if printed
    toc: set[int] = field(default_factory=set)  # lines of a table of contents
    title_head: int | None = None  # its first line where the title is printed over two
    # a text without a printed title above numbered sections, or without numbered sections:
    # the lines its release facts (issuers, date, 文号) are read from, and what the reader says
    meta: list[int] | None = None
    caveat: str | None = None
    report: bool = False  # a page of prose without a plan's marks


def _is_heading(line: str) -> bool:
    return bool(_SECTION.match(line) or _CHAPTER.match(line)) and "\t" not in line


def _find_blocks(document: Document) -> list[_Block]:
    lines = document.lines
    toc = toc_lines(lines)
    sections = [i for i, line in enumerate(lines) if i not in toc and _is_heading(line)]
    if not sections:
        return []
    # Body titles: a title line followed, before any other title line, by a section heading
    # (a cover date, a table of contents or a 前言 may stand between them).
    titles: list[int] = []
    for i, line in enumerate(lines):
        if i in toc or _is_heading(line) or _TASK.match(line):
            continue
        if not _TITLE_LINE.match(line) and not (i and _title_fragment(lines[i - 1], line)):
            continue
        nxt = next((s for s in sections if s > i), None)
        if nxt is not None and _near(lines, toc, i, nxt):
            titles.append(i)
    # keep only the last title before each run of sections (a headline may also look like one)
    starts: list[int] = []
    for i in titles:
        if starts and not any(starts[-1] < s < i for s in sections):
            starts[-1] = i
        else:
            starts.append(i)
    if not starts:
        # no printed body title: the title comes from a 《…》 in the lines before the sections
        title = _title_from_release(lines[: sections[0]])
        if not title:
            # else the first short line without sentence punctuation is the title
            first = next((i for i in range(sections[0]) if i not in toc), None)
            if first is None or len(lines[first]) > 80 or re.search(r"[。;:!?]", lines[first]):
                return []
            body = list(range(first + 1, len(lines)))
            return [_Block(_clean_title(lines[first]), [], body, first, toc)]
        k = 0
        while k < sections[0] and _is_release_line(lines[k], title):
            k += 1
        return [_Block(title, list(range(k)), list(range(k, len(lines))), None, toc)]
    blocks: list[_Block] = []
    previous_end = 0
    bounds: list[tuple[int, int]] = []
    for start in starts:
        title = _clean_title(lines[start])
        wrapped = start > previous_end and _title_fragment(lines[start - 1], title)
        top = start - 1 if wrapped else start
        release_start = top
        j = top - 1
        while j >= previous_end and _is_release_line(lines[j], title):
            release_start = j
            j -= 1
        if not bounds:  # everything before the first plan is its release (a notice, a cover)
            release_start = 0
        bounds.append((release_start, start))
        previous_end = start + 1
    for k, (release_start, title_line) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(lines)
        body = list(range(title_line + 1, end))
        if any(i not in toc and _is_heading(lines[i]) for i in body):
            head = title_line
            if head - 1 >= release_start and _title_fragment(lines[head - 1], lines[head]):
                head -= 1  # a title printed over two lines
            title = _clean_title("".join(lines[head : title_line + 1]))
            release = [i for i in range(release_start, head) if i not in toc]
            blocks.append(_Block(title, release, body, title_line, toc, head))
    return blocks


#: How many lines at the top of a text without a printed title its release facts are read from.
_META_LINES = 20


def _unnumbered_block(document: Document) -> list[_Block]:
    """A text in which no titled plan was found, read as one where it still carries a plan:
    numbered sections without a title printed above them, or no numbered sections but a plan's
    title or goals (see :mod:`.unnumbered`).  Every line is its body: a news lead that states
    the plan's goals is part of what the text says the plan commits to.  A page of Chinese
    prose with none of these (a report of a meeting, a summary of work done) is read too, as a
    report with a caveat: what it names and the goals it states are still facts worth keeping;
    a line or two that carries no plan is refused."""
    lines = document.lines
    toc = toc_lines(lines)
    first = next((i for i, line in enumerate(lines) if i not in toc and _is_heading(line)), None)
    plan_like = first is not None or looks_like_a_plan(lines)
    if not plan_like and not is_prose(lines):
        return []
    title = title_of(lines, document.source)
    if not plan_like:
        caveat = (
            "no plan's title, numbered sections or goals by a deadline found: read as a report "
            "of one part (its figures are targets only where it states them as goals)"
        )
    elif first is None:
        caveat = "no numbered sections (一、 or 第一章) found: read as a plan of one part"
    else:
        caveat = f"no title printed above the numbered sections: titled {title}"
    if first is not None:  # the sections' lead-in is their preamble
        meta = list(range(min(first, _META_LINES)))
        return [_Block(title, [], list(range(len(lines))), None, toc, meta=meta, caveat=caveat)]
    # the release of a news report: the lines before the plan's words or its first numbered item
    numbered = (i for i, line in enumerate(lines) if kind_of(line, tuple(MARKERS)))
    end = min(release_end(lines), next(numbered, len(lines)))
    release = list(range(end))
    meta = list(range(min(len(lines), max(end, _META_LINES))))
    body = list(range(end, len(lines)))
    return [_Block(title, release, body, None, toc, meta=meta, caveat=caveat, report=not plan_like)]


def _title_fragment(line: str, title: str) -> bool:
    """Whether ``line`` is the first line of a title that ``title`` ends: a title set over two
    lines (广东省生态文明建设 / “十四五”规划) or wrapped at the page width (…生态经济发 / 展规划);
    unpunctuated, not a date, a label, a 文号 or an issuer's name."""
    if len(line) > 60 or re.search(r"[。,;:!?()《》\t]", line) or _TITLE_LINE.match(line):
        return False
    if _DATE_LINE.match(line) or _RELEASE_LABEL.match(line) or _is_heading(line):
        return False
    if re.search(r"(?:政府|部|委|局|厅|办公厅|办公室|文件|号|目\s*录)$", line):
        return False
    return bool(_TITLE_LINE.match(line + title)) and len(title) <= 30


def _near(lines: Sequence[str], toc: set[int], title: int, section: int) -> bool:
    """Whether a title line at ``title`` heads the section at ``section``: at most six lines
    of text between them, not counting a table of contents, a cover date or a 前言."""
    between = [j for j in range(title + 1, section) if j not in toc]
    if any(is_preface_heading(lines[j]) for j in between):
        return not any(_TITLE_LINE.match(lines[j]) for j in between)
    return len([j for j in between if not _DATE_LINE.match(lines[j])]) <= 6


def _clean_title(line: str) -> str:
    match = _BOOK_TITLE.fullmatch(line)
    return match.group(1) if match else line.strip("《》 ")


def _title_from_release(lines: Sequence[str]) -> str | None:
    for line in lines:
        for match in _BOOK_TITLE.finditer(line):
            if re.search(rf"(?:{_PLAN_KIND})(?:\([^()]*\))?$", match.group(1)):
                return match.group(1)
    return None


def _is_release_line(line: str, title: str) -> bool:
    if f"《{title}》" in line or _RELEASE_LABEL.match(line) or _DATE_LINE.match(line):
        return True
    return bool(re.match(r"^(?:来源|发布时间|发布日期|发文机关|文号|索引号)[:]", line))


# --------------------------------------------------------------------------- one plan


def _build_plan(document: Document, block: _Block, file_year: int | None) -> Plan:
    lines = document.lines
    source = document.source
    writer = Writer()

    release_lines = [lines[i] for i in (block.release if block.meta is None else block.meta)]
    preface: Unit | None = None
    head = block.title_line if block.title_head is None else block.title_head
    first_line = block.release[0] if block.release else (block.body[0] if head is None else head)
    if block.release:
        preface = lines_unit("preface", writer, [lines[i] for i in block.release])
    if block.title_line is not None and head is not None:
        for i in range(head, block.title_line + 1):
            writer.add_line(lines[i])

    body = [i for i in block.body if i not in block.toc]
    layout = choose_layout([lines[i] for i in body])
    preamble_lines: list[int] = []
    specs: list[SectionSpec] = []
    tail: list[int] = []  # 附件, 抄送, 印发: after the plan proper
    note: str | None = None
    box: list[int] | None = None  # the numbers of a 专栏 box's own list, inside one
    for k, i in enumerate(body):
        line = lines[i]
        if in_table(lines, body, k):
            line = "\t" + line  # a category row of a table, never a heading
        if tail or (specs and annex_start(line)):
            tail.append(i)
        elif _NOTE.match(line):
            note = line.strip("()")
        elif opens(line, layout.section, [s.number for s in specs]):
            specs.append(SectionSpec(i, marked(line, layout.section)))
            box = None
        elif not specs:
            preamble_lines.append(i)
        elif layout.task and opens_task(line, layout.task, specs[-1].numbers, box):
            specs[-1].tasks.append([i])
            specs[-1].numbers.append(marked(line, layout.task))
            box = None
        else:
            if is_box(line):  # a 专栏 box: its (一)… are its own
                box = []
            elif box is not None and layout.task and marker(line, layout.task):
                box.append(marked(line, layout.task))
            (specs[-1].tasks[-1] if specs[-1].tasks else specs[-1].lead).append(i)
    if not specs and block.meta is not None and preamble_lines:
        # no numbered part printed: the whole text is one part, its numbered list the tasks
        specs.append(SectionSpec(-1, 1, lead=preamble_lines))
        preamble_lines = []
        layout = Layout(layout.section, None, ("task", "dot", "paren", "circled", "shi"))
    for spec in specs:
        if not spec.tasks:
            promote_items(lines, spec, layout)
    closing_lines = split_closing(lines, specs) + tail

    preamble: Unit | None = None
    if preamble_lines:
        preamble = lines_unit("preamble", writer, [lines[i] for i in preamble_lines])

    numbering = numbering_of(specs)
    sections = _unique_task_keys(
        [_build_section(writer, document, spec, numbering, layout, block.title) for spec in specs]
    )

    closing: Unit | None = None
    if closing_lines:
        closing = lines_unit("closing", writer, [lines[i] for i in closing_lines])
    if note is not None:
        writer.add_line(f"({note})")

    text = "".join(writer.parts)
    title = block.title
    preface_text = "\n".join(release_lines)
    cover = [lines[i] for i in preamble_lines[:4]]
    printed_issuers = issuers(release_lines, title)
    region, level = area_of(title, printed_issuers)
    issued = issued_date(release_lines, cover)
    if file_year is not None and str(file_year) in title and title != PurePath(source).stem:
        file_year = None  # a file named after the title's horizon (…战略2035) says no date
    number = document_number(release_lines, cover)
    year = (
        _year_of(preface_text)
        or (int(issued[:4]) if issued else None)
        or printed_year(release_lines, number)
        or file_year
    )
    return Plan(
        id=_plan_id(region, year),
        title=title,
        region=region,
        year=year,
        text=text,
        source=source,
        line=document.line_numbers[first_line],
        numbering=numbering,
        preface=preface,
        preamble=preamble,
        sections=tuple(sections),
        closing=closing,
        issuers=printed_issuers,
        approved_by=approved_by(release_lines, printed_issuers),
        stated_sections=_stated(_STATED_SECTIONS, preface_text),
        stated_tasks=_stated(_STATED_TASKS, preface_text),
        abridged=note is not None,
        note=note,
        document_number=number,
        issued=issued,
        level=level,
        caveats=(block.caveat,) if block.caveat else (),
        report=block.report,
    )


def _build_section(
    writer: Writer,
    document: Document,
    spec: SectionSpec,
    numbering: Numbering,
    layout: Layout,
    plan_title: str,
) -> Section:
    lines = document.lines
    if spec.line < 0:  # a text without numbered parts: one part, under the plan's title
        ordinal, title = 1, plan_title
        first = spec.lead[0] if spec.lead else spec.tasks[0][0]
        start = writer.length + (1 if writer.parts else 0)
        own = []
    else:
        line = lines[spec.line]
        found = marker(line, layout.section)
        assert found is not None
        ordinal, content = found
        heading = line[content:].strip()
        title, first = section_title(heading), spec.line
        start = writer.add_line(line)
        indent = len(line[content:]) - len(line[content:].lstrip())
        own = list(writer.sentences(heading, start + content + indent))
    for i in spec.lead:
        offset = writer.add_line(lines[i])
        own.extend(writer.sentences(lines[i], offset))
    if spec.task_kind is not None:  # a list promoted to tasks: keys such as 3-1
        nested = layout.nested[layout.nested.index(spec.task_kind) + 1 :]
        layout = Layout(layout.section, spec.task_kind, nested)
        numbering = "restarting"
    tasks = [
        _build_task(writer, document, task_lines, ordinal, numbering, layout)
        for task_lines in spec.tasks
    ]
    return Section(
        ordinal=ordinal,
        title=title,
        start=start,
        end=writer.length,
        line=document.line_numbers[first],
        sentences=tuple(own),
        tasks=tuple(tasks),
    )


def _build_task(
    writer: Writer,
    document: Document,
    task_lines: list[int],
    section: int,
    numbering: Numbering,
    layout: Layout,
) -> Task:
    lines = document.lines
    first = task_lines[0]
    assert layout.task is not None
    found = marker(lines[first], layout.task)
    assert found is not None
    ordinal, marker_end = found
    start = writer.add_line(lines[first])
    content = lines[first][marker_end:]
    lead_space = len(content) - len(content.lstrip())
    sentences = list(writer.sentences(content.strip(), start + marker_end + lead_space))
    texts = [content.strip()]
    offsets = [start + marker_end + lead_space]  # where each line's text starts in the plan
    for i in task_lines[1:]:
        offset = writer.add_line(lines[i])
        sentences.extend(writer.sentences(lines[i], offset))
        texts.append(lines[i])
        offsets.append(offset)
    end = writer.length
    full = "\n".join(texts)
    title, body = title_and_body(texts)
    key = str(ordinal) if numbering == "continuous" else f"{section}-{ordinal}"
    task = Task(
        ordinal=ordinal,
        section=section,
        key=key,
        title=title,
        body=body,
        start=start,
        end=end,
        text=full,
        line=document.line_numbers[first],
        sentences=tuple(sentences),
    )
    units = nested_units(texts[1:], layout.nested)
    if not units:
        return task
    lines_of = [
        (offsets[k], texts[k], document.line_numbers[task_lines[k]]) for k in range(len(texts))
    ]
    return replace(task, subtasks=tuple(_nested_task(u, task, lines_of) for u in units))


def _nested_task(unit: NestedUnit, parent: Task, lines_of: list[tuple[int, str, int]]) -> Task:
    """A numbered unit inside a task: its span runs from its marker to the end of its last line;
    its sentences stay with the top-level task."""
    offset, first_text, line = lines_of[unit.first]
    texts = [first_text[unit.content :].lstrip()] + [
        t for _, t, _ in lines_of[unit.first + 1 : unit.last + 1]
    ]
    last_offset, last_text, _ = lines_of[unit.last]
    key = f"{parent.key}-{unit.number}"
    title, body = title_and_body(texts)
    task = Task(
        ordinal=unit.number,
        section=parent.section,
        key=key,
        title=title,
        body=body,
        start=offset,
        end=last_offset + len(last_text),
        text="\n".join(texts),
        line=line,
        sentences=(),
        parent=parent.key,
    )
    children = tuple(_nested_task(child, task, lines_of) for child in unit.children)
    return replace(task, subtasks=children)


def _rekey(task: Task, key: str, parent: str | None) -> Task:
    """The same task under a new key, its nested tasks' keys following it."""
    subtasks = tuple(_rekey(s, f"{key}-{s.ordinal}", key) for s in task.subtasks)
    return replace(task, key=key, parent=parent, subtasks=subtasks)


def _unique_task_keys(sections: list[Section]) -> list[Section]:
    """A task number printed twice (a typo in the source) still gets its own key: 5, 5.2."""
    seen: dict[str, int] = {}
    result = []
    for section in sections:
        tasks = []
        for task in section.tasks:
            count = seen.get(task.key, 0) + 1
            seen[task.key] = count
            tasks.append(task if count == 1 else _rekey(task, f"{task.key}.{count}", None))
        result.append(replace(section, tasks=tuple(tasks)))
    return result
