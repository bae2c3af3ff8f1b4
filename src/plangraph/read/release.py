"""The release around a plan: who issued it, who approved it, the area it covers, its id, and
the counts the release states (checked against the structure found)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Plan
from .normalize import _CN_DIGITS, cn_number

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_STATED_SECTIONS = re.compile(rf"([\d{_CN_DIGITS}]+)(?:个)?(?:方面|部分|领域)")
_STATED_TASKS = re.compile(rf"([\d{_CN_DIGITS}]+)(?:项|条)(?:主要|重点|具体)?任务")
_APPROVAL = re.compile(r"经([^,、。,\s]{2,12}?)(?:同意|批准)")
_ISSUE = re.compile(r"(?:^|[,。:])([^,。:《》]{2,200}?)(?:联合)?(?:印发|发布|出台)(?:了)?《")
_COUNT_OF_ISSUERS = re.compile(rf"等([\d{_CN_DIGITS}]+)(?:个)?部门$")


def _year_from_name(source: str) -> int | None:
    match = _YEAR.search(Path(source).name)
    return int(match.group(1)) if match else None


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
    from ..resources import table

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
    from ..resources import table

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
