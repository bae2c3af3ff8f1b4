"""Make N realistic plans of the seed's genre, deterministically, for scale work.

Each generated plan keeps the seed's shape: a release preface (经国务院同意 … 七部门联合印发
《…》 … 提出了…等N方面、M项主要任务), 文件正文, the title, a preamble, 一、总体要求 with dated
targets, numbered sections of numbered tasks (continuous Chinese numbering), a closing
paragraph and (此文有删减).  The stated counts always match the body.

What varies: the region (from data/regions.tsv) and the places named (seed places swapped for
places of the same kind in the new region's provinces, from data/gazetteer.tsv), which seed
tasks are recombined into which sections, the section count (5-7 besides 总体要求) and task
count (18-24; ``--tasks 25-31`` makes plans about a quarter longer: 16 MB of text per 1,000
plans instead of 12.7, the size of the corpus issue #14 was measured on), numbers (±20 %),
target years (2026-2030 for a plan issued 2024-2028) and a few phrasings (到/至,
持续/深入推进, 力争 added or dropped).

    python benchmarks/generate.py 1000 out/bench/1000 --seed 0
    python benchmarks/generate.py 1000 out/bench/1000-16mb --tasks 25-31
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT / "src"))

from plangraph.model import Plan  # noqa: E402
from plangraph.read import read_plans  # noqa: E402

DIGITS = "零一二三四五六七八九"
ISSUERS = (
    "生态环境部、国家发展改革委、工业和信息化部、财政部、自然资源部、住房城乡建设部、中国人民银行等七部门",
    "生态环境部、国家发展改革委、财政部、自然资源部、住房城乡建设部、水利部等六部门",
    "生态环境部、国家发展改革委、工业和信息化部、自然资源部、交通运输部等五部门",
)
FOCUS = (
    "绿色低碳转型",
    "环境质量改善",
    "生态保护修复",
    "生态安全保障",
    "美丽样板实践",
    "科技创新引领",
    "协同治理",
    "改革创新",
    "开放合作",
    "健康安全",
)
PHRASES = (
    ("深入推进", "持续推进"),
    ("持续推进", "深入推进"),
    ("加快推进", "大力推进"),
    ("到2", "至2"),
)


def cn(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 22 -> 二十二."""
    if number < 10:
        return DIGITS[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def table(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in rows if not (row.get("id") or "").startswith("#")]


@dataclass(frozen=True)
class Region:
    name: str
    short: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class SeedTask:
    title: str
    body: str


class Gazetteer:
    """Places by kind and province, for swapping seed places with the new region's."""

    def __init__(self) -> None:
        rows = table("gazetteer.tsv")
        self.kind = {row["name"]: row["kind"] for row in rows if len(row["name"]) >= 2}
        self.by_province: dict[tuple[str, str], list[str]] = {}
        for row in rows:
            if len(row["name"]) < 2:
                continue
            for key in (row["province"], row["id"]):
                if key:
                    self.by_province.setdefault((key, row["kind"]), []).append(row["name"])
        names = sorted(self.kind, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(n) for n in names))

    def candidates(self, region: Region, kind: str) -> list[str]:
        found: list[str] = []
        for member in region.members:
            found.extend(self.by_province.get((member, kind), ()))
        return sorted(set(found))


def regions() -> list[Region]:
    found = []
    for row in table("regions.tsv"):
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        short = min([row["name"], *aliases], key=len)
        found.append(Region(row["name"], short, tuple(row["members"].split("|"))))
    return found


def seed_region_names(plans: tuple[Plan, ...]) -> list[str]:
    names = {plan.region for plan in plans}
    for row in table("regions.tsv"):
        if row["name"] in names:
            names.update(a for a in row.get("aliases", "").split("|") if a)
    names.update({"粤港澳", "长三角", "京津冀"})
    return sorted(names, key=len, reverse=True)


TASKS = (18, 24)  # tasks per plan, fewest and most


class Generator:
    def __init__(self, seed: int, tasks: tuple[int, int] = TASKS) -> None:
        self.random = random.Random(seed)
        self.task_range = tasks
        self.plans = read_plans([SEED])
        self.gazetteer = Gazetteer()
        self.regions = regions()
        self.seed_regions = re.compile("|".join(map(re.escape, seed_region_names(self.plans))))
        self.tasks = [SeedTask(t.title, t.body) for p in self.plans for t in p.tasks]
        self.titles = [s.title for p in self.plans for s in p.sections if s.ordinal > 1]
        self.general = [_lead(p, 1) for p in self.plans]
        self.preambles = [p.preamble.text for p in self.plans if p.preamble]
        self.closings = [p.closing.text for p in self.plans if p.closing]

    # -------------------------------------------------------------- text variation

    def localize(self, text: str, region: Region, swaps: dict[str, str]) -> str:
        def place(match: re.Match[str]) -> str:
            name = match.group()
            if name not in swaps:
                options = self.gazetteer.candidates(region, self.gazetteer.kind[name])
                swaps[name] = self.random.choice(options) if options else name
            return swaps[name]

        text = self.gazetteer.pattern.sub(place, text)
        return self.seed_regions.sub(region.short, text)

    def vary(self, text: str, shift: int) -> str:
        def number(match: re.Match[str]) -> str:
            value = float(match.group(1))
            factor = self.random.uniform(0.8, 1.2)
            new = value * factor
            shown = f"{new:.1f}" if "." in match.group(1) else str(max(1, round(new)))
            if match.group(2) == "%":
                shown = str(min(100, max(1, round(new))))
            return shown + match.group(2)

        text = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)(%|个百分点|微克/立方米|家|个)", number, text)
        text = re.sub(
            r"(?<=[到至])(20[2-3]\d)(?=年)", lambda m: str(min(2035, int(m.group(1)) + shift)), text
        )
        for old, new in PHRASES:
            if old in text and self.random.random() < 0.3:
                text = text.replace(old, new, 1)
        if "达到" in text and "力争" not in text and self.random.random() < 0.15:
            text = text.replace("达到", "力争达到", 1)
        elif "力争" in text and self.random.random() < 0.15:
            text = text.replace("力争", "", 1)
        return text

    # -------------------------------------------------------------- one plan

    def plan(self, index: int) -> tuple[str, str]:
        """(file name, text) of the index-th plan."""
        rnd = self.random
        region = self.regions[index % len(self.regions)]
        shift = rnd.randint(-1, 3)
        year = 2025 + shift
        swaps: dict[str, str] = {}
        sections = rnd.randint(5, 7)
        fewest, most = self.task_range
        total = rnd.randint(max(fewest, 2 * sections), most)
        sizes = [2] * sections
        for _ in range(total - 2 * sections):
            sizes[rnd.randrange(sections)] += 1
        tasks = rnd.sample(self.tasks, total)
        titles = rnd.sample(self.titles, sections)
        focus = rnd.sample(FOCUS, sections)
        title = f"{region.name}美丽中国先行区建设行动方案"
        short = f"《{region.short}行动方案》"
        issuer = rnd.choice(ISSUERS)
        count = issuer.rsplit("等", 1)[1]
        lines = [
            f"生态环境部等{count}联合印发《{title}》",
            f"近日,经国务院同意,{issuer}联合印发了《{title}》(以下简称{short})。"
            f"{short}明确,{region.name}在{focus[0]}、{focus[1]}上先行突破,"
            f"打造{region.short}高水平保护推动高质量发展样板区。"
            f"{short}提出了{'、'.join(focus)}等{sections}方面、{total}项主要任务。文件正文如下。",
            "文件正文",
            title,
            self.localize(rnd.choice(self.preambles), region, swaps),
            "一、总体要求",
            self.vary(self.localize(rnd.choice(self.general), region, swaps), shift),
        ]
        number = 1
        for ordinal, (size, heading) in enumerate(zip(sizes, titles, strict=True), start=2):
            lines.append(f"{cn(ordinal)}、{self.localize(heading, region, swaps)}")
            for _ in range(size):
                task = tasks[number - 1]
                text = self.vary(self.localize(f"{task.title}。{task.body}", region, swaps), shift)
                lines.append(f"({cn(number)}){text}")
                number += 1
        lines.append(self.localize(rnd.choice(self.closings), region, swaps))
        lines.append("(此文有删减)")
        return f"{index + 1:04d}-{year}.txt", "\n".join(lines) + "\n"


def _lead(plan: Plan, ordinal: int) -> str:
    section = next(s for s in plan.sections if s.ordinal == ordinal)
    text = plan.text[section.start : section.end]
    return text.split("\n", 1)[1].strip() if "\n" in text else text


def generate(count: int, folder: Path, seed: int = 0, tasks: tuple[int, int] = TASKS) -> list[Path]:
    """Write ``count`` plans into ``folder`` (one file each); the same seed, the same files.
    ``tasks``: the fewest and most tasks of a plan (at most the seed's 66)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    generator = Generator(seed, tasks)
    if not 1 <= tasks[0] <= tasks[1] <= len(generator.tasks):
        raise ValueError(f"tasks per plan: expected 1 <= fewest <= most <= {len(generator.tasks)}")
    paths = []
    for index in range(count):
        name, text = generator.plan(index)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def task_range(value: str) -> tuple[int, int]:
    """ "25-31" -> (25, 31)."""
    fewest, _, most = value.partition("-")
    try:
        return int(fewest), int(most or fewest)
    except ValueError:
        message = f"expected FEWEST-MOST, e.g. 25-31, not {value!r}"
        raise argparse.ArgumentTypeError(message) from None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--tasks",
        type=task_range,
        default=TASKS,
        help="tasks per plan, FEWEST-MOST (default 18-24: 12.7 MB of text per 1,000 plans; "
        "25-31: 16 MB)",
    )
    args = parser.parse_args()
    paths = generate(args.count, args.folder, args.seed, args.tasks)
    print(f"wrote {len(paths)} plans to {args.folder}")


if __name__ == "__main__":
    main()
