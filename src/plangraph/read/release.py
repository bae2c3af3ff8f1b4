"""The release around a plan: who issued it and when, its 文号, its id, and the counts the release
states (checked against the structure).  The area it covers is read in :mod:`.area`.

Chinese government documents come in a few release forms, and this module reads each:

- a news release: ``生态环境部等七部门联合印发《…》`` (issuers before 印发, 经国务院同意);
- a notice: ``国务院关于印发《…》的通知`` / ``山西省人民政府关于印发…的通知``, its 文号 on a line
  of its own (国发〔2023〕24号), addressees, the text, a signature block (often spaced:
  ``科  技  部``) and the date (2021年9月28日, or 二〇二一年十二月二十日);
- a document issued under its own title: ``中共中央 国务院关于…的意见``;
- a plan with no release at all: the title and perhaps a cover date (二〇二二年五月, 2021年12月).

Nothing here knows about RDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from ..model import Plan
from ..vocab import (
    CN_DATE,
    COUNT_NUMERALS,
    DEPARTMENT_ENDS,
    ONE_TO_TEN,
    YEAR,
    YEAR_NUMERALS,
    cn_number,
    cn_year,
    initials,
)
from .area import PROVINCES

_STATED_SECTIONS = re.compile(rf"([\d{COUNT_NUMERALS}]+)(?:个)?(?:方面|部分|领域)")
_STATED_TASKS = re.compile(rf"([\d{COUNT_NUMERALS}]+)(?:项|条)(?:主要|重点|具体)?任务")
_APPROVAL = re.compile(r"经([^,、。,\s]{2,12}?)(?:同意|批准)")
_ISSUE = re.compile(r"(?:^|[,。:])([^,。:《》]{2,200}?)(?:联合)?(?:印发|发布|出台)(?:了)?《")
_COUNT_OF_ISSUERS = re.compile(rf"等([\d{COUNT_NUMERALS}]+)(?:个)?部门$")

# 国发〔2023〕24号, 发改环资[2021]13号, 沪环气候(2023)12号: brackets as printed vary
DOCUMENT_NUMBER = re.compile(
    rf"""
    (?P<prefix>[\u4e00-\u9fff]{{1,12}}) \s*              # the issuer's code: 国发, 发改环资
    [〔\[【(［（] \s* (?P<year>{YEAR}) \s* [〕\]】)］）]  # the year, in brackets as printed
    \s* (?P<number>\d{{1,4}}) \s* 号                     # the serial number: 24号
    """,
    re.VERBOSE,
)
#: What a 文号 holds after its issuer's code: the bracketed year and the serial number.  Found
#: first, it tells where to look for the code: DOCUMENT_NUMBER searched through a long line
#: tries its twelve characters of code at every character.
_NUMBER_TAIL = re.compile(
    rf"[〔\[【(［（] \s* {YEAR} \s* [〕\]】)］）] \s* \d{{1,4}} \s* 号", re.VERBOSE
)
#: How far before its bracket a 文号's code may start: twelve characters and some spaces.
_CODE_REACH = 40


def find_document_number(line: str) -> re.Match[str] | None:
    """The first 文号 in a line (DOCUMENT_NUMBER.search), looked for only where its bracketed
    year and serial number are printed."""
    for tail in _NUMBER_TAIL.finditer(line):
        match = DOCUMENT_NUMBER.search(line, max(0, tail.start() - _CODE_REACH), tail.end())
        if match:
            return match
    return None


_DATE = re.compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月(?:\s*(?P<d>\d{{1,2}})\s*日)?")
_CN_DATE = re.compile(
    rf"(?P<y>[{YEAR_NUMERALS}]{{4}})年(?P<m>[{ONE_TO_TEN}]{{1,2}})月"
    rf"(?:(?P<d>[{ONE_TO_TEN}]{{1,3}})日)?"
)
#: What an issuing body's name ends with (生态环境部, 山西省人民政府, 中国人民银行 …).
AGENCY_ENDS = (
    *("人民政府办公厅", "人民政府办公室", "人民政府", "办公厅", "办公室", "委员会", "中央"),
    *("国务院", "总局", "银行", "委", "部", "局", "厅", "署", "院", "办", "会", "室"),
)
_AGENCY_END = f"(?:{'|'.join(AGENCY_ENDS)})"
_AGENCY_NAME = re.compile(
    # not a meeting held (我县召开…工作推进会, 座谈会, 新闻发布会): a headline, no body
    r"^(?![\u4e00-\u9fff]*(?:召开|举行|举办))"
    r"(?![\u4e00-\u9fff]*(?:推进|座谈|调度|部署|动员|现场|发布|培训|表彰|观摩|推介|交流|总结)会$)"
    rf"[\u4e00-\u9fff]{{1,24}}?{_AGENCY_END}$"
)
# a notice's title (its end may be on the next line): 山西省人民政府关于印发…的通知
_NOTICE_TITLE = re.compile(r"^(?P<issuers>[^《》,。:\t]{2,120}?)关于(?:印发|转发|发布|颁布)")
_OWN_TITLE = re.compile(
    r"^(?P<issuers>[^《》,。:\t]{2,60}?)关于[^《》]{2,80}(?:意见|决定|规定|通知)$"
)
_SELF_APPROVAL = re.compile(r"^(?:省|市|区|县|州|盟|自治区)(?:人民)?政府$")


# --------------------------------------------------------------------------- dates, numbers


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def parse_date(text: str) -> str | None:
    """The ISO date a line states: 2021年9月28日 -> 2021-09-28, 二〇二二年五月 -> 2022-05."""
    match = _DATE.search(text)
    if match:
        day = int(match["d"]) if match["d"] else None
        return _iso(int(match["y"]), int(match["m"]), day)
    match = _CN_DATE.search(text)
    if match:
        try:
            day = cn_number(match["d"]) if match["d"] else None
            return _iso(cn_year(match["y"]), cn_number(match["m"]), day)
        except ValueError:
            return None
    return None


#: A news page's dateline: 2022-05-27 17:56, 时间:2016-12-06 00:36来源:中国新闻网 作者:…
_DATELINE = re.compile(
    rf"^(?:(?:发布|发表)?时间\s*:\s*)?(?P<y>{YEAR})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"
    r"(?:\s+\d{1,2}:\d\d(?::\d\d)?)?\s*(?:(?:来源|作者|编辑|责任编辑|点击|浏览|字号)\s*:.*)?$"
)


def _date_alone(line: str) -> str | None:
    """The date of a line that holds only a date (a signature's or a cover's), or a news
    page's dateline (2022-05-27 17:56 来源:…)."""
    dateline = _DATELINE.match(line.strip())
    if dateline:
        return _iso(int(dateline["y"]), int(dateline["m"]), int(dateline["d"]))
    text = re.sub(r"[\s()]+", "", line)  # (2023年12月27日) under a title
    if not re.fullmatch(rf"(?:{YEAR}年\d{{1,2}}月(?:\d{{1,2}}日)?|{CN_DATE})", text):
        return None
    return parse_date(text)


def page_date(lines: Sequence[str]) -> str | None:
    """The date a page is dated by: the first line holding only a date or a news page's
    dateline (2024-01-24 07:49:15 来源:…), as YYYY-MM(-DD)."""
    return next(filter(None, map(_date_alone, lines)), None)


_LABEL = re.compile(
    r"^(?P<label>索引号|主题分类|发文机关|成文日期|标题|发文字号|文号|发布日期|发布时间|来源)"
    r"\s*[:]?\s*(?P<value>.*)$"
)


def labelled(release: Sequence[str]) -> dict[str, str]:
    """The metadata a saved government web page prints in a table above the document
    (发文机关, 成文日期, 发文字号 …), label -> value; cells are TAB-separated or ``label:value``."""
    found: dict[str, str] = {}
    for line in release:
        cells = [c.strip() for c in line.split("\t")]
        for k, cell in enumerate(cells):
            match = _LABEL.match(cell)
            if not match:
                continue
            value = match["value"].strip()
            if not value and k + 1 < len(cells) and not _LABEL.match(cells[k + 1]):
                value = cells[k + 1]
            if value:
                found.setdefault(match["label"], value)
    return found


def issued_date(release: Sequence[str], cover: Sequence[str] = ()) -> str | None:
    """When the plan was issued: the 成文日期 of a web page's metadata, the date under the
    signature, else a cover date (month-only dates give YYYY-MM), else the first full date the
    release text states."""
    written = labelled(release).get("成文日期")
    if written and parse_date(written):
        return parse_date(written)
    for line in release:
        found = _date_alone(line)
        if found:
            return found
    for line in cover:
        found = _date_alone(line)
        if found:
            return found
    for line in release:
        match = _DATE.search(line)
        if match and match["d"]:
            return _iso(int(match["y"]), int(match["m"]), int(match["d"]))
    return None


# a date a web page's metadata prints for the document (公开日 2023-07-04, 发布时间：2021-10-27
# 09:30, 成文日期：2022年04月28日); labels may be letter-spaced (发 布 日 期)
_PRINTED_DATE = re.compile(
    rf"(?:成\s*文|发\s*文|印\s*发|发\s*布|发\s*表|公\s*开|生\s*成)\s*(?:日\s*期|时\s*间|日)\s*[:：]?\s*"
    rf"(?P<y>{YEAR})\s*(?:[-/.]\s*\d{{1,2}}\s*[-/.]\s*\d{{1,2}}|年\s*\d{{1,2}}\s*月)"
)


def printed_year(release: Sequence[str], number: str | None) -> int | None:
    """The year a plan's release prints for it when it states no full date: the year of its
    文号 (高区财农〔2023〕45号 -> 2023), else the year of the date a saved page's metadata gives
    (公开日 2023-07-04, 发布时间：2021-10-27).  Read from the text, so that a plan's year does
    not depend on what its file is called."""
    if number is not None:
        match = DOCUMENT_NUMBER.search(number)
        if match:
            return int(match["year"])
    for line in release:
        found = _PRINTED_DATE.search(line)
        if found:
            return int(found["y"])
    return None


def document_number(release: Sequence[str], cover: Sequence[str] = ()) -> str | None:
    """The 文号 (国发〔2023〕24号) of the release, its brackets normalized to 〔〕: a line of
    its own first, else the first one in the release text (not one it cites: 根据…〔…〕号)."""
    label = labelled(release)
    for key in ("发文字号", "文号"):
        match = find_document_number(label.get(key, ""))
        if match:
            return f"{match['prefix']}〔{match['year']}〕{match['number']}号"
    candidates: list[str] = []
    for line in (*release, *cover):
        match = find_document_number(line)
        if not match:
            continue
        number = f"{match['prefix']}〔{match['year']}〕{match['number']}号"
        if DOCUMENT_NUMBER.fullmatch(re.sub(r"[\s()]", "", line)):
            return number
        if not re.search(r"(?:根据|依据|按照|落实|贯彻)[^。]*$", line[: match.start()]):
            candidates.append(number)
    return candidates[0] if candidates else None


# --------------------------------------------------------------------------- issuers


@cache
def _known_agency_names() -> tuple[str, ...]:
    from ..resources import table

    names: set[str] = set()
    for row in table("data", "agencies.tsv"):
        if row.get("kind") in ("government", "agency"):
            names.add(row["name"])
            names.update(n for n in row.get("short_names", "").split("|") if len(n) >= 2)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


_LOCAL_BODY = re.compile(
    rf"""
    [\u4e00-\u9fff]{{1,8}}? (?:省|市|自治区|自治州|县|区|盟|旗)   # a local government's area
    (?: 人民政府办公厅 | 人民政府办公室 | 人民政府                # its government, or
      | [\u4e00-\u9fff]{{2,12}}? (?:{"|".join(DEPARTMENT_ENDS)})  # one of its departments
    )
    """,
    re.VERBOSE,
)


def split_issuers(text: str) -> tuple[str, ...]:
    """Issuing bodies printed together: ``中共中央办公厅 国务院办公厅``, ``国家发展改革委、
    生态环境部``, ``科  技  部`` (a name spaced out in a signature block) or names run together
    (``国家发展改革委国家能源局``), each as printed without spaces."""
    names: list[str] = []
    pending = ""
    for token in re.split(r"[、,，\s]+", text.strip()):
        if not token:
            continue
        pending += token
        if _AGENCY_NAME.match(pending) or pending in _known_agency_names():
            names.extend(_split_run(pending))
            pending = ""
    if pending:
        names.extend(_split_run(pending))
    return tuple(n for n in names if n)


def _split_run(run: str) -> list[str]:
    """Names run together without a separator, split at known names and local bodies."""
    out: list[str] = []
    rest = run
    while rest:
        for name in _known_agency_names():
            if rest.startswith(name) and (
                len(rest) == len(name) or _starts_a_name(rest[len(name) :])
            ):
                out.append(name)
                rest = rest[len(name) :]
                break
        else:
            local = _LOCAL_BODY.match(rest)
            if local and (local.end() == len(rest) or _starts_a_name(rest[local.end() :])):
                out.append(local.group())
                rest = rest[local.end() :]
            else:
                out.append(rest)
                break
    return out


def _starts_a_name(text: str) -> bool:
    return any(text.startswith(n) for n in _known_agency_names()) or bool(_LOCAL_BODY.match(text))


def _news_issuers(preface: str) -> tuple[str, ...]:
    """Issuers of a news release: ``X、Y等七部门联合印发《…》``, ``中共中央 国务院印发《…》``."""
    best: tuple[str, ...] = ()
    for match in _ISSUE.finditer(preface):
        segment = re.split(r"[\n\t]", match.group(1))[-1]  # the line (cell) that says 印发
        segment = re.sub(r"^(?:近日|日前|近期|今天|今日)", "", segment)
        segment = re.sub(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日", "", segment)
        segment = _APPROVAL.sub("", segment).strip(", ")
        segment = _COUNT_OF_ISSUERS.sub("", segment)
        segment = re.sub(r"(?:等部门|等单位|关于)$", "", segment)  # …人民政府关于印发《: a notice
        names = tuple(n.strip() for n in re.split(r"、|\s+", segment) if n.strip())
        plausible = all(2 <= len(n) <= 24 and not re.search(r"\d", n) for n in names)
        if names and plausible and len(names) > len(best):
            best = names
    return best


# kept for callers of the previous name
_issuers = _news_issuers


def issuers(release: Sequence[str], title: str) -> tuple[str, ...]:
    """Every issuing body, in printed order: from a news release, a notice's title or the
    plan's own title (…关于…的意见), and the signature block above the date."""
    preface = "\n".join(release)
    found: list[str] = list(_news_issuers(preface))
    for line in (*release, title):
        match = _NOTICE_TITLE.match(line) or _OWN_TITLE.match(line)
        if match and not re.search(r"[,。:;]", match["issuers"]):
            found.extend(n for n in split_issuers(match["issuers"]) if _AGENCY_NAME.match(n))
            break
    for line in release[:3]:  # the red header of a printed notice: 山西省人民政府文件
        header = re.fullmatch(r"(?P<issuers>[^,。《》:\t]{2,60}?)\s*文\s*件", line)
        if header:
            found.extend(n for n in split_issuers(header["issuers"]) if _AGENCY_NAME.match(n))
    found.extend(_signature(release))
    agency = labelled(release).get("发文机关")
    if agency:
        found.extend(n for n in split_issuers(agency) if _AGENCY_NAME.match(n))
    unique: list[str] = []
    for name in found:
        if name not in unique:
            unique.append(name)
    return tuple(unique)


def _signature(release: Sequence[str]) -> list[str]:
    """The names signed above the date of a notice: the agency-like lines right before it."""
    names: list[str] = []
    for k, line in enumerate(release):
        if _date_alone(line) is None:
            continue
        j = k - 1
        block: list[str] = []
        while j >= 0 and len(release[j]) <= 80 and not re.search(r"[。;:,《》]", release[j]):
            parts = split_issuers(release[j])
            if not parts or not all(_AGENCY_NAME.match(p) for p in parts):
                break
            block[:0] = parts
            j -= 1
        names.extend(block)
        break
    return names


def approved_by(release: Sequence[str], issuers: Sequence[str] = ()) -> str | None:
    """The body that approved the plan (国务院 for 经国务院同意), not the issuer itself
    (巴中市人民政府's own ``已经市政府同意``)."""
    match = _APPROVAL.search("\n".join(release))
    if not match:
        return None
    name = match.group(1)
    if _SELF_APPROVAL.match(name) and any("政府" in i for i in issuers):
        return None
    return name


def _approved_by(preface: str) -> str | None:
    return approved_by([preface])


def _year_of(preface: str) -> int | None:
    match = re.search(r"(?<!\d)(20\d\d)年\d{1,2}月\d{1,2}日", preface)
    return int(match.group(1)) if match else None


def _stated(pattern: re.Pattern[str], preface: str) -> int | None:
    match = pattern.search(preface)
    if not match:
        return None
    try:
        return cn_number(match.group(1))
    except ValueError:
        return None


# --------------------------------------------------------------------------- ids and checks


def _unique_ids(plans: Iterable[Plan]) -> tuple[Plan, ...]:
    """Plan ids unique within one build: where plans of one area and year share an id, each
    gets its 文号 (gf24 for 国发〔2023〕24号) or a short form of its title, so that the id of a
    plan does not depend on the order of the inputs."""
    plans = list(plans)
    by_id: dict[str, list[int]] = {}
    for k, plan in enumerate(plans):
        by_id.setdefault(plan.id, []).append(k)
    result = list(plans)
    for plan_id, members in by_id.items():
        if len(members) < 2:
            continue
        suffixes = [_distinguisher(plans[k]) for k in members]
        if len(set(suffixes)) == len(suffixes):
            for k, suffix in zip(members, suffixes, strict=True):
                result[k] = replace(plans[k], id=f"{plan_id}-{suffix}")
    seen: dict[str, int] = {}
    final = []
    for plan in result:  # identical plans (the same file twice) are numbered in input order
        count = seen.get(plan.id, 0) + 1
        seen[plan.id] = count
        final.append(plan if count == 1 else replace(plan, id=f"{plan.id}-{count}"))
    return tuple(final)


def _distinguisher(plan: Plan) -> str:
    if plan.document_number:
        match = DOCUMENT_NUMBER.fullmatch(plan.document_number)
        if match:
            prefix = initials(match["prefix"])
            return re.sub(r"[^a-z0-9]", "", f"{prefix}{match['number']}".lower())
    title = re.sub(r"[“”\"《》()]|十四五|十三五", "", plan.title)
    for full, short, _ in PROVINCES:
        title = title.removeprefix(full).removeprefix(short)
    title = re.sub(r"^(?:国家|全国)", "", title)
    return re.sub(r"[^a-z0-9]", "", initials(title, hanzi_only=True).lower())[:10] or "plan"


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


def unread_pictures(plan: Plan) -> list[str]:
    """A notice where the PDF prints part of its content as pictures, which are not read."""
    if not plan.picture_pages:
        return []
    pages = ", ".join(str(page) for page in plan.picture_pages)
    many = "s" if len(plan.picture_pages) > 1 else ""
    return [
        f"{plan.source}: {plan.title}: page{many} {pages} carry pictures (tables, boxes, charts or "
        "maps printed as images) whose text is not read; OCR the PDF to include their facts"
    ]


def reading_caveats(plan: Plan) -> list[str]:
    """How a text not laid out as a plan was read (no numbered sections, no printed title)."""
    return [f"{plan.source}:{plan.line}: {plan.title}: {caveat}" for caveat in plan.caveats]
