"""Structure: a normalized document -> plans with their release, sections, tasks and sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import ReadError
from ..model import Numbering, Plan, Section, Sentence, Task, Unit, UnitKind
from .normalize import _CN_DIGITS, Document, cn_number
from .release import (
    _STATED_SECTIONS,
    _STATED_TASKS,
    _approved_by,
    _issuers,
    _plan_id,
    _region_of,
    _stated,
    _year_from_name,
    _year_of,
)

_SECTION = re.compile(rf"^([{_CN_DIGITS}]{{1,4}})、(.*)$")
_TASK = re.compile(rf"^\(([{_CN_DIGITS}]{{1,4}})\)(.*)$")
_PLAN_KIND = "方案|规划|计划|纲要|意见|办法|通知|实施细则|路线图"
_TITLE_LINE = re.compile(rf"^[^。,;:!?]{{2,78}}(?:{_PLAN_KIND})(?:\([^()]{{1,20}}\))?$")
_BOOK_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_NOTE = re.compile(r"^\((?:此文|本文|全文)?[^()]{0,10}(?:删减|删节|节选|摘编|摘要)[^()]{0,10}\)$")
_RELEASE_LABEL = re.compile(r"^(?:文件正文|正文|全文|全文如下|附件\d*|方案全文)[:]?$")
_DATE_LINE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$")
_SENTENCE_END = re.compile(r"[。;；!?！？]+[”’」』)]*")
_CLOSING_CUE = re.compile(
    r"^(?:依托|各地区各部门|各地区、各部门|各有关部门|各省|区域内各|相关部门|各级|"
    r"加强组织领导|强化组织实施|有关部门)"
)


def parse(document: Document) -> tuple[Plan, ...]:
    """Every plan in one normalized document."""
    blocks = _find_blocks(document)
    if not blocks:
        raise ReadError(
            document.source,
            "no recognisable plan: expected numbered sections such as 一、总体要求 "
            "with tasks such as (一)…",
        )
    year = _year_from_name(document.source)
    return tuple(_build_plan(document, block, year) for block in blocks)


@dataclass(slots=True)
class _Block:
    """A plan's lines, found in a document: release lines, then the body."""

    title: str
    release: list[int]  # indexes into Document.lines
    body: list[int]
    title_line: int | None  # index of the body title line, if printed


def _find_blocks(document: Document) -> list[_Block]:
    lines = document.lines
    sections = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    if not sections:
        return []
    # Body titles: a title line followed, before any other title line, by a section heading.
    titles: list[int] = []
    for i, line in enumerate(lines):
        if _TITLE_LINE.match(line) and not _SECTION.match(line) and not _TASK.match(line):
            nxt = next((s for s in sections if s > i), None)
            if nxt is not None and nxt - i <= 6:
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
            return []
        k = 0
        while k < sections[0] and _is_release_line(lines[k], title):
            k += 1
        return [_Block(title, list(range(k)), list(range(k, len(lines))), None)]
    blocks: list[_Block] = []
    previous_end = 0
    bounds: list[tuple[int, int]] = []
    for start in starts:
        title = _clean_title(lines[start])
        release_start = start
        j = start - 1
        while j >= previous_end and _is_release_line(lines[j], title):
            release_start = j
            j -= 1
        bounds.append((release_start, start))
        previous_end = start + 1
    for k, (release_start, title_line) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(lines)
        body = list(range(title_line + 1, end))
        if any(_SECTION.match(lines[i]) for i in body):
            title = _clean_title(lines[title_line])
            blocks.append(_Block(title, list(range(release_start, title_line)), body, title_line))
    return blocks


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


class _Writer:
    """Builds a plan's normalized text line by line and hands out sentence offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.next_index = 1

    def add_line(self, line: str) -> int:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(line)
        self.length += len(line)
        return start

    def sentences(self, text: str, offset: int) -> tuple[Sentence, ...]:
        found = []
        for start, end in split_sentences(text):
            found.append(Sentence(self.next_index, offset + start, offset + end, text[start:end]))
            self.next_index += 1
        return tuple(found)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in one line: at 。；！？ (and ; ! ?), closing quotes kept with them."""
    spans = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((position, match.end()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    result = []
    for start, end in spans:
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            result.append((start, end))
    return result


def _build_plan(document: Document, block: _Block, file_year: int | None) -> Plan:
    lines = document.lines
    source = document.source
    writer = _Writer()

    release_lines = [lines[i] for i in block.release]
    preface: Unit | None = None
    first_line = block.release[0] if block.release else (block.title_line or block.body[0])
    if block.release:
        start = None
        sentences: list[Sentence] = []
        for i in block.release:
            offset = writer.add_line(lines[i])
            start = offset if start is None else start
            sentences.extend(writer.sentences(lines[i], offset))
        assert start is not None
        preface = _unit("preface", writer, start, sentences)
    if block.title_line is not None:
        writer.add_line(lines[block.title_line])

    preamble_lines: list[int] = []
    specs: list[_SectionSpec] = []
    note: str | None = None
    for i in block.body:
        line = lines[i]
        if _NOTE.match(line):
            note = line.strip("()")
        elif _SECTION.match(line):
            specs.append(_SectionSpec(i))
        elif not specs:
            preamble_lines.append(i)
        elif _TASK.match(line):
            specs[-1].tasks.append([i])
        elif specs[-1].tasks:
            specs[-1].tasks[-1].append(i)
        else:
            specs[-1].lead.append(i)
    closing_lines = _split_closing(lines, specs)

    preamble: Unit | None = None
    if preamble_lines:
        preamble = _lines_unit("preamble", writer, [lines[i] for i in preamble_lines])

    numbering = _numbering(lines, specs)
    sections = _unique_task_keys(
        [_build_section(writer, document, spec, numbering) for spec in specs]
    )

    closing: Unit | None = None
    if closing_lines:
        closing = _lines_unit("closing", writer, [lines[i] for i in closing_lines])
    if note is not None:
        writer.add_line(f"({note})")

    text = "".join(writer.parts)
    title = block.title
    preface_text = "\n".join(release_lines)
    region = _region_of(title)
    year = _year_of(preface_text) or file_year
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
        issuers=_issuers(preface_text),
        approved_by=_approved_by(preface_text),
        stated_sections=_stated(_STATED_SECTIONS, preface_text),
        stated_tasks=_stated(_STATED_TASKS, preface_text),
        abridged=note is not None,
        note=note,
    )


@dataclass(slots=True)
class _SectionSpec:
    """The line indexes of one section: heading, lead paragraph, and each task's lines."""

    line: int
    lead: list[int] = field(default_factory=list)
    tasks: list[list[int]] = field(default_factory=list)


def _split_closing(lines: tuple[str, ...], specs: list[_SectionSpec]) -> list[int]:
    """Take the closing paragraph (unnumbered lines after the last task) off the last task.

    Where every other task is a single paragraph, every later paragraph is the closing;
    where tasks run over several paragraphs, the closing starts at a paragraph that opens
    the way closings do (依托…, 各地区各部门…, 区域内各…)."""
    if not specs or not specs[-1].tasks or len(specs[-1].tasks[-1]) < 2:
        return []
    every_task = [task for spec in specs for task in spec.tasks]
    multi_paragraph = any(len(task) > 1 for task in every_task[:-1])
    tail = specs[-1].tasks[-1]
    for k in range(1, len(tail)):
        if not multi_paragraph or _CLOSING_CUE.match(lines[tail[k]]):
            closing = tail[k:]
            del tail[k:]
            return closing
    return []


def _build_section(
    writer: _Writer, document: Document, spec: _SectionSpec, numbering: Numbering
) -> Section:
    lines = document.lines
    match = _SECTION.match(lines[spec.line])
    assert match
    ordinal = _number(match.group(1), document.source, document.line_numbers[spec.line])
    heading = match.group(2).strip()
    start = writer.add_line(lines[spec.line])
    indent = len(match.group(2)) - len(match.group(2).lstrip())
    own = list(writer.sentences(heading, start + len(match.group(1)) + 1 + indent))
    for i in spec.lead:
        offset = writer.add_line(lines[i])
        own.extend(writer.sentences(lines[i], offset))
    tasks = [
        _build_task(writer, lines, document, task_lines, ordinal, numbering)
        for task_lines in spec.tasks
    ]
    return Section(
        ordinal=ordinal,
        title=_strip_stop(heading),
        start=start,
        end=writer.length,
        line=document.line_numbers[spec.line],
        sentences=tuple(own),
        tasks=tuple(tasks),
    )


def _unit(kind: UnitKind, writer: _Writer, start: int, sentences: list[Sentence]) -> Unit:
    text = "".join(writer.parts)[start : writer.length]
    return Unit(kind, start, writer.length, text, tuple(sentences))


def _lines_unit(kind: UnitKind, writer: _Writer, lines: list[str]) -> Unit:
    start = None
    sentences: list[Sentence] = []
    for line in lines:
        offset = writer.add_line(line)
        start = offset if start is None else start
        sentences.extend(writer.sentences(line, offset))
    assert start is not None
    return _unit(kind, writer, start, sentences)


def _build_task(
    writer: _Writer,
    lines: tuple[str, ...],
    document: Document,
    task_lines: list[int],
    section: int,
    numbering: Numbering,
) -> Task:
    first = task_lines[0]
    match = _TASK.match(lines[first])
    assert match
    ordinal = _number(match.group(1), document.source, document.line_numbers[first])
    marker = len(match.group(1)) + 2
    start = writer.add_line(lines[first])
    content = lines[first][marker:]
    lead_space = len(content) - len(content.lstrip())
    sentences = list(writer.sentences(content.strip(), start + marker + lead_space))
    texts = [content.strip()]
    for i in task_lines[1:]:
        offset = writer.add_line(lines[i])
        sentences.extend(writer.sentences(lines[i], offset))
        texts.append(lines[i])
    end = writer.length
    full = "\n".join(texts)
    stop = full.find("。")
    if stop == -1:
        title, body = texts[0], "\n".join(texts[1:])
    else:
        title, body = full[:stop], full[stop + 1 :].lstrip("\n")
    key = str(ordinal) if numbering == "continuous" else f"{section}-{ordinal}"
    return Task(
        ordinal=ordinal,
        section=section,
        key=key,
        title=_strip_stop(title.strip()),
        body=body.strip(),
        start=start,
        end=end,
        text=full,
        line=document.line_numbers[first],
        sentences=tuple(sentences),
    )


def _unique_task_keys(sections: list[Section]) -> list[Section]:
    """A task number printed twice (a typo in the source) still gets its own key: 5, 5.2."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    result = []
    for section in sections:
        tasks = []
        for task in section.tasks:
            count = seen.get(task.key, 0) + 1
            seen[task.key] = count
            tasks.append(task if count == 1 else replace(task, key=f"{task.key}.{count}"))
        result.append(replace(section, tasks=tuple(tasks)))
    return result


def _numbering(lines: tuple[str, ...], specs: list[_SectionSpec]) -> Numbering:
    previous = 0
    for spec in specs:
        for task_lines in spec.tasks:
            match = _TASK.match(lines[task_lines[0]])
            assert match
            try:
                number = cn_number(match.group(1))
            except ValueError:
                continue
            if number <= previous:
                return "restarting"
            previous = number
    return "continuous"


def _number(text: str, source: str, line: int) -> int:
    try:
        return cn_number(text)
    except ValueError:
        message = f"cannot read the number {text!r}; expected 一 … 九十九"
        raise ReadError(source, message, line) from None


def _strip_stop(text: str) -> str:
    return re.sub(r"[。;.]+$", "", text)
