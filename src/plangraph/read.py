"""Stage 1: files -> normalized text -> :class:`~plangraph.model.Plan` objects.

Decoding and normalization happen once, here; every offset later in the pipeline indexes
the normalized text of one plan (``Plan.text``), which is also what the graph stores.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError
from .model import Numbering, Plan, Section, Sentence, Task, Unit, UnitKind

MAX_BYTES = 20 * 1024 * 1024  # a plan is tens of kB; refuse anything far larger up front

# --------------------------------------------------------------------------- decoding

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, source: str) -> str:
    """Decode a plan file: UTF-8 (with or without BOM) or GB18030/GBK, never a silent guess."""
    if not data.strip():
        raise ReadError(source, "the file is empty; expected the text of a plan")
    if data.startswith(_UTF16_BOMS):
        raise ReadError(source, "the file is UTF-16; expected UTF-8 or GB18030 text")
    if b"\x00" in data[:65536]:
        raise ReadError(source, "the file is binary (it contains NUL bytes); expected text")
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM) :].decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ReadError(
                source,
                "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                f"(byte {error.start}); re-save it as UTF-8 or remove the mark",
                line,
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ReadError(
            source,
            f"cannot decode byte {utf8_error.start}: expected UTF-8 or GB18030/GBK text",
            line,
        ) from None
    if not _plausible_chinese(text):
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ReadError(
            source,
            "the file is neither UTF-8 nor plausible GB18030 Chinese text "
            f"(first bad UTF-8 byte at {utf8_error.start}); expected UTF-8 or GB18030",
            line,
        )
    return text


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte strings; accept it only if the result reads as Chinese."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    common = sum(
        1
        for ch in wide
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’—…·《》、"
    )
    odd = sum(1 for ch in text if _is_odd(ch))
    return common / len(wide) >= 0.9 and odd == 0


def _is_odd(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\n\r\t\f") or 0xE000 <= code <= 0xF8FF or code == 0xFFFD


# --------------------------------------------------------------------------- normalizing

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_WIDTH.update({0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None})  # type: ignore[dict-item]
_TRANSLATION: dict[int, int | None] = dict(_WIDTH)


@dataclass(frozen=True, slots=True)
class Document:
    """A normalized file: its non-empty lines and the source line number of each."""

    source: str
    lines: tuple[str, ...]
    line_numbers: tuple[int, ...]


def normalize(text: str, source: str) -> Document:
    """Normalize once: full-width ASCII forms to ASCII, odd spaces to spaces, CRLF/CR to LF,
    lines stripped of indentation, empty lines dropped.  Chinese punctuation (，is the only
    exception: it becomes ``,``) such as 、。“”《》— is kept as printed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATION)
    lines: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" \t\f\v")
        if line:
            lines.append(line)
            numbers.append(number)
    return Document(source, tuple(lines), tuple(numbers))


# --------------------------------------------------------------------------- structure

_CN_DIGITS = "〇零一二三四五六七八九十百"
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
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_STATED_SECTIONS = re.compile(rf"([\d{_CN_DIGITS}]+)(?:个)?(?:方面|部分|领域)")
_STATED_TASKS = re.compile(rf"([\d{_CN_DIGITS}]+)(?:项|条)(?:主要|重点|具体)?任务")
_APPROVAL = re.compile(r"经([^,、。,\s]{2,12}?)(?:同意|批准)")
_ISSUE = re.compile(r"(?:^|[,。:])([^,。:《》]{2,200}?)(?:联合)?(?:印发|发布|出台)(?:了)?《")
_COUNT_OF_ISSUERS = re.compile(rf"等([\d{_CN_DIGITS}]+)(?:个)?部门$")


def cn_number(text: str) -> int:
    """A number written in Chinese numerals (十七 -> 17) or digits."""
    if text.isdigit():
        return int(text)
    import cn2an  # imported lazily: it is slow to import and only needed while reading

    return int(cn2an.cn2an(text, "strict"))


@dataclass(slots=True)
class _Block:
    """A plan's lines, found in a document: release lines, then the body."""

    title: str
    release: list[int]  # indexes into Document.lines
    body: list[int]
    title_line: int | None  # index of the body title line, if printed


def read_plans(paths: Sequence[str | os.PathLike[str]] | None = None) -> tuple[Plan, ...]:
    """Read plans from files or folders (every ``.txt`` inside); None reads the bundled seed."""
    if paths is None:
        from .resources import seed_plan_paths

        files: list[Path] = list(seed_plan_paths())
    else:
        files = list(_expand(paths))
    plans: list[Plan] = []
    for path in files:
        plans.extend(read_text(_read_bytes(path), str(path)))
    return _unique_ids(plans)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterable[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = path.exists()
        except OSError as error:  # e.g. a symlink loop
            raise ReadError(str(path), f"cannot open: {error.strerror or error}") from None
        if is_dir:
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
            if not found:
                raise ReadError(str(path), "the folder holds no .txt plan files")
            yield from found
        elif not exists:
            if path.is_symlink():
                raise ReadError(str(path), "the symbolic link points to a missing file")
            raise ReadError(str(path), "no such file or folder; expected a plan .txt file")
        else:
            yield path


def _read_bytes(path: Path) -> bytes | str:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(
                source,
                f"the file is {size / 1e6:.0f} MB; plans are expected to be under "
                f"{MAX_BYTES // 1_000_000} MB (split it into one file per plan)",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None
    return data


def read_text(data: str | bytes, source: str = "<text>") -> tuple[Plan, ...]:
    """Read every plan in one text (or undecoded bytes) that came from ``source``."""
    text = decode(data, source) if isinstance(data, bytes) else data
    if not text.strip():
        raise ReadError(source, "the file is empty; expected the text of a plan")
    document = normalize(text, source)
    blocks = _find_blocks(document)
    if not blocks:
        raise ReadError(
            source,
            "no recognisable plan: expected numbered sections such as 一、总体要求 "
            "with tasks such as (一)…",
        )
    year = _year_from_name(source)
    return tuple(_build_plan(document, block, year) for block in blocks)


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


def _year_from_name(source: str) -> int | None:
    match = _YEAR.search(Path(source).name)
    return int(match.group(1)) if match else None


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


# a title that opens with an administrative or geographic unit names its region by it
_REGION_NAME = re.compile(
    r"^([^\s《》]{1,10}?(?:特别行政区|自治区|自治州|省|市|地区|流域|经济带|城市群|都市圈|经济圈|新区))"
)
_REGION_END = re.compile(
    r"(美丽中国|美丽|生态环境|生态文明|绿色|低碳|建设|关于|推进|推动|加快|深入|全面|高质量|"
    r"一体化|协同|大气|水污染|国土|发展|行动)"
)


def _region_of(title: str) -> str:
    """The region a plan covers: its name in the regions table, or the title's lead words."""
    from .resources import table

    names: list[tuple[str, str]] = []
    for row in table("data", "regions.tsv"):
        names.append((row["name"], row["name"]))
        for alias in filter(None, row.get("aliases", "").split("|")):
            names.append((alias, row["name"]))
    for name, canonical in sorted(names, key=lambda p: -len(p[0])):
        if title.startswith(name):
            return canonical
    if "关于" in title:  # 国务院关于推进某地…的实施方案: the subject follows 关于
        title = re.sub(
            r"^(?:推进|推动|加快|深入|全面|进一步|加强|支持)+", "", title.split("关于", 1)[1]
        )
    named = _REGION_NAME.match(title)
    if named:
        return named.group(1)
    match = _REGION_END.search(title)
    if match and match.start() >= 2:
        return title[: match.start()]
    return title[:4]


def region_slug(region: str) -> str:
    """A readable ASCII id for a region: its id in the regions table, else the gazetteer id of
    the place it is named after (海南省 -> hainan), else its pinyin (松辽流域 -> songliaoliuyu)."""
    from .resources import table

    for row in table("data", "regions.tsv"):
        if row["name"] == region:
            return row["id"]
    bare = re.sub(r"(?:特别行政区|自治区|省|市)$", "", region)
    for row in table("data", "gazetteer.tsv"):
        if row["name"] in (region, bare) and row["kind"] in ("Province", "City", "District"):
            return row["id"]
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(bare or region, errors="ignore")
    return re.sub(r"[^a-z0-9]", "", "".join(syllables).lower()) or "plan"


def _plan_id(region: str, year: int | None) -> str:
    slug = region_slug(region)
    return f"{slug}-{year}" if year else slug


def _year_of(preface: str) -> int | None:
    match = re.search(r"(?<!\d)(20\d\d)年\d{1,2}月\d{1,2}日", preface)
    return int(match.group(1)) if match else None


def _issuers(preface: str) -> tuple[str, ...]:
    best: tuple[str, ...] = ()
    for match in _ISSUE.finditer(preface):
        segment = match.group(1)
        segment = re.sub(r"^(?:近日|日前|近期|今天|今日)", "", segment)
        segment = _APPROVAL.sub("", segment).strip(", ")
        segment = _COUNT_OF_ISSUERS.sub("", segment)
        segment = re.sub(r"(?:等部门|等单位)$", "", segment)
        names = tuple(n.strip() for n in segment.split("、") if n.strip())
        if names and all(2 <= len(n) <= 24 for n in names) and len(names) > len(best):
            best = names
    return best


def _approved_by(preface: str) -> str | None:
    match = _APPROVAL.search(preface)
    return match.group(1) if match else None


def _stated(pattern: re.Pattern[str], preface: str) -> int | None:
    match = pattern.search(preface)
    if not match:
        return None
    try:
        return cn_number(match.group(1))
    except ValueError:
        return None


def _unique_ids(plans: list[Plan]) -> tuple[Plan, ...]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    result = []
    for plan in plans:
        count = seen.get(plan.id, 0) + 1
        seen[plan.id] = count
        result.append(plan if count == 1 else replace(plan, id=f"{plan.id}-{count}"))
    return tuple(result)


def check_counts(plan: Plan) -> list[str]:
    """Disagreements between the parsed structure and the counts the preface states."""
    problems = []
    with_tasks = sum(1 for s in plan.sections if s.tasks)
    if plan.stated_sections is not None and plan.stated_sections != with_tasks:
        problems.append(
            f"{plan.source}:{plan.line}: {plan.title}: the preface states "
            f"{plan.stated_sections} parts (方面) but {with_tasks} sections with tasks were found"
        )
    if plan.stated_tasks is not None and plan.stated_tasks != len(plan.tasks):
        problems.append(
            f"{plan.source}:{plan.line}: {plan.title}: the preface states "
            f"{plan.stated_tasks} tasks but {len(plan.tasks)} were found"
        )
    return problems
