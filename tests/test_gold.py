"""Score the extractor against the hand-made gold set in ``tests/gold/gold.json``.

The gold set was written by reading the three plans, independently of the extractor and
its data files (see ``tests/gold/README.md``).  This file holds

* checks that the gold file itself agrees with the corpus (quotes, years, task titles …),
* tests of the scorer (``goldscore``, ``goldreport``) on tiny synthetic cases and on the
  gold rebuilt as an extraction, so that the quality bar can demonstrably fail,
* the scoring of the real pipeline (``plangraph.read.read_plans`` then
  ``plangraph.extract.extract``) with the project's bar:

  - numeric targets: F1 >= 0.95, a target counting as correct only when every field in
    ``STRICT_FIELDS`` is right;
  - places: recall >= 0.95 (certain gold places) and precision >= 0.90;
  - every co-issuing agency on every plan (and 国务院 as approver);
  - the structure (sections, tasks, task titles) exact.

Run ``pytest -s tests/test_gold.py`` (or ``-rA``) to see the precision/recall/F1 tables.
If the pipeline cannot be imported the scoring tests fail; they never skip.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from goldreport import (
    Report,
    agencies_report,
    gold_as_extraction,
    numeric_report,
    places_report,
    qualitative_report,
    themes_report,
)
from goldscore import (
    COMPARATORS,
    DIRECTIONS,
    NUMERIC_F1_BAR,
    PLACE_PRECISION_BAR,
    PLACE_RECALL_BAR,
    SEED_GOLD,
    THEME_ALIASES,
    UNITS,
    Gold,
    as_decimal,
    canon_name,
    gold_place_names,
    names_match,
    norm_recurrence,
    norm_term,
    norm_text,
    norm_unit,
    owner_label,
    quote_overlap,
    score_places,
    score_targets,
    score_themes,
    table,
    target_record,
    theme_matches,
    values_equal,
)

from plangraph import model

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"
GOLD = Gold.load(SEED_GOLD)


# ------------------------------------------------------------------------------ pipeline


@functools.cache
def _plans() -> tuple[Any, ...]:
    try:
        from plangraph.read import read_plans
    except ImportError as exc:
        pytest.fail(f"plangraph.read.read_plans is not importable: {exc!r}", pytrace=False)
    return tuple(read_plans())


@functools.cache
def _extraction() -> Any:
    plans = _plans()
    try:
        from plangraph.extract import extract
    except ImportError as exc:
        pytest.fail(f"plangraph.extract.extract is not importable: {exc!r}", pytrace=False)
    return extract(plans)


# ------------------------------------------------------------------------------ corpus


CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
HEADLINE = re.compile(r"^生态环境部等七部门联合印发《(.+)》$")
SECTION = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
TASK = re.compile(r"^\(([一二三四五六七八九十]+)\)([^。]*)。")


def cn_number(s: str) -> int:
    if "十" not in s:
        return CN_DIGITS[s]
    tens, _, ones = s.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


@functools.cache
def corpus_units() -> dict[str, dict[str, str]]:
    """Raw corpus split into plans and units, keyed like gold owners.

    Keys: "preface", "preamble", "plan" (= body of 一、总体要求), "section:N" (heading + lead),
    "task:N", "closing", "all".  Independent of plangraph.read.
    """
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    title_to_id = {p["title"]: pid for pid, p in GOLD.plans.items()}
    out: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    state = ""
    section = 0
    for line in lines:
        if not line.strip():
            continue
        m = HEADLINE.match(line)
        if m:
            current = out.setdefault(title_to_id[m.group(1)], {"all": ""})
            state = "headline"
            continue
        if current is None:
            continue
        current["all"] += line + "\n"
        if state == "headline":
            current["preface"] = line
            state = "preface"
        elif line.startswith("为贯彻落实"):
            current["preamble"] = line
        elif (m := SECTION.match(line)) is not None:
            section = cn_number(m.group(1))
            current[f"section:{section}"] = line
            state = "section"
        elif (m := TASK.match(line)) is not None:
            current[f"task:{cn_number(m.group(1))}"] = line
            state = "task"
        elif line.startswith("依托美丽中国建设工作机制"):
            current["closing"] = line
            state = "closing"
        elif state == "section" and section == 1:
            current["plan"] = line
            current["section:1"] += "\n" + line
    return out


def expected_comparator(quote: str) -> str:
    """The statutory reading of the quantity words in a numeric target's clause."""
    if "降至" in quote or "以下" in quote or "以内" in quote:
        return "AtMost"
    if "不满" in quote:
        return "Below"
    if "超过" in quote:
        return "Above"
    if "以上" in quote or "不少于" in quote or "至少" in quote:
        return "AtLeast"
    if "左右" in quote:
        return "About"
    return "Exactly"


def expected_direction(quote: str) -> str | None:
    """Direction only from an explicit verb; 达到/建成/实现 carry none."""
    if any(w in quote for w in ("降至", "降低", "下降", "减少")):
        return "Decrease"
    if any(w in quote for w in ("提升", "提高", "增加")):
        return "Increase"
    if "保持" in quote:
        return "Maintain"
    if "消除" in quote:
        return "Eliminate"
    return None


def expected_unit(quote: str) -> str:
    if "微克/立方米" in quote:
        return "qudt:MicroGM-PER-M3"
    if "百分点" in quote:
        return "pg:PercentagePoint"
    if "%" in quote:
        return "qudt:PERCENT"
    return "pg:Count"


# ============================================================================== gold checks


def test_gold_file_is_canonical_json() -> None:
    text = SEED_GOLD.read_text(encoding="utf-8")
    gold = json.loads(text)
    assert text == json.dumps(gold, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert set(gold["plans"]) == {"jjj-2025", "yrd-2025", "gba-2025"}


def test_gold_targets_are_well_formed() -> None:
    problems: list[str] = []
    keys = {
        "quote", "indicator_zh", "value", "unit", "count_noun", "comparator", "direction",
        "target_year", "base_year", "scope", "aspirational", "recurrence", "owner", "numeric",
        "certain", "note",
    }  # fmt: skip
    for pid, plan in GOLD.plans.items():
        for t in plan["targets"]:
            where = f"{pid} {t['quote']}"
            if set(t) != keys:
                problems.append(f"{where}: keys {sorted(set(t) ^ keys)}")
            if t["numeric"] != (t["value"] is not None):
                problems.append(f"{where}: numeric flag")
            if t["value"] is not None:
                if as_decimal(t["value"]) is None or t["value"] not in t["quote"]:
                    problems.append(f"{where}: value {t['value']!r} not printed in quote")
                if t["unit"] not in UNITS or t["comparator"] not in COMPARATORS:
                    problems.append(f"{where}: unit/comparator")
                if t["unit"] != expected_unit(t["quote"]):
                    problems.append(f"{where}: unit {t['unit']} != {expected_unit(t['quote'])}")
                if t["comparator"] != expected_comparator(t["quote"]):
                    problems.append(f"{where}: comparator {t['comparator']}")
                if t["direction"] != expected_direction(t["quote"]):
                    problems.append(f"{where}: direction {t['direction']}")
                if (t["unit"] == "pg:Count") != (t["count_noun"] is not None):
                    problems.append(f"{where}: count_noun")
                if t["count_noun"] and t["value"] + t["count_noun"] not in t["quote"]:
                    problems.append(f"{where}: count noun not printed after the value")
            elif any(t[k] is not None for k in ("unit", "comparator", "count_noun")):
                problems.append(f"{where}: qualitative target with unit/comparator")
            if t["direction"] not in (*DIRECTIONS, None):
                problems.append(f"{where}: direction {t['direction']}")
            if t["aspirational"] != ("力争" in t["quote"]):
                problems.append(f"{where}: aspirational should follow 力争")
            if (t["recurrence"] == "annual") != ("每年" in t["quote"]):
                problems.append(f"{where}: recurrence should follow 每年")
            if not re.fullmatch(r"plan|task:([1-9]|1[0-9]|2[0-2])", t["owner"]):
                problems.append(f"{where}: owner {t['owner']}")
            m = re.search(r"[比较](\d{4})年", t["quote"])
            if t["base_year"] != (int(m.group(1)) if m else None):
                problems.append(f"{where}: base_year")
    assert not problems, "\n".join(problems)


def test_gold_targets_are_in_the_corpus() -> None:
    """Every quote is exact text of its owner's paragraph; years follow 到YYYY年."""
    units = corpus_units()
    problems: list[str] = []
    for pid, plan in GOLD.plans.items():
        for t in plan["targets"]:
            para = units[pid].get(t["owner"], "")
            pos = para.find(t["quote"])
            if pos < 0:
                problems.append(f"{pid} {t['owner']}: quote not found: {t['quote']}")
                continue
            years = re.findall(r"到(\d{4})年", para[:pos])
            year = int(years[-1]) if years else None
            if t["target_year"] != year:
                problems.append(f"{pid} {t['quote']}: target_year {t['target_year']} != {year}")
            if t["scope"] and t["scope"] not in para:
                problems.append(f"{pid} {t['quote']}: scope {t['scope']} not in paragraph")
        for nt in plan["non_targets"]:
            if nt["quote"] not in units[pid]["all"]:
                problems.append(f"{pid}: non-target quote not found: {nt['quote']}")
    assert not problems, "\n".join(problems)


def test_gold_places_are_in_the_corpus() -> None:
    units = corpus_units()
    problems: list[str] = []
    for pid, plan in GOLD.plans.items():
        names = [canon_name(p["name"]) for p in plan["places"]]
        if len(names) != len(set(names)):
            problems.append(f"{pid}: duplicate place names")
        for extra in plan["acceptable_extra"]:
            if any(names_match([extra], gold_place_names(p)) for p in plan["places"]):
                problems.append(f"{pid}: acceptable_extra {extra} is a gold place")
        for p in plan["places"]:
            for unit in [f"task:{n}" for n in p["tasks"]] + p["other_units"]:
                text = units[pid].get(unit, "")
                if not any(form in text for form in p["printed"]):
                    problems.append(f"{pid} {p['name']}: none of {p['printed']} in {unit}")
            if not p["tasks"] and not p["other_units"]:
                problems.append(f"{pid} {p['name']}: no unit")
            if p["name"] == plan["region"]:
                problems.append(f"{pid}: the plan's own region is not a place")
    assert not problems, "\n".join(problems)


def test_gold_structure_agrees_with_the_corpus() -> None:
    units = corpus_units()
    problems: list[str] = []
    for pid, plan in GOLD.plans.items():
        s = plan["structure"]
        u = units[pid]
        sections = sorted(int(k.split(":")[1]) for k in u if k.startswith("section:"))
        tasks = sorted(int(k.split(":")[1]) for k in u if k.startswith("task:"))
        if sections != list(range(1, s["sections"] + 1)) or len(s["section_titles"]) != len(
            sections
        ):
            problems.append(f"{pid}: sections {sections}")
        if tasks != list(range(1, s["tasks"] + 1)) or s["tasks"] != s["stated_tasks"]:
            problems.append(f"{pid}: tasks {tasks}")
        for st in s["section_titles"]:
            if (
                u[f"section:{st['ordinal']}"].split("\n")[0]
                != f"{'一二三四五六七八'[st['ordinal'] - 1]}、{st['title']}"
            ):
                problems.append(f"{pid}: section {st['ordinal']} title")
        for tt in s["task_titles"]:
            m = TASK.match(u[f"task:{tt['ordinal']}"])
            if m is None or m.group(2) != tt["title"]:
                problems.append(f"{pid}: task {tt['ordinal']} title {tt['title']}")
        if f"等{s['stated_sections']}方面、{s['stated_tasks']}项主要任务" not in u["preface"]:
            problems.append(f"{pid}: stated counts")
        if ("(此文有删减)" in u["all"]) != s["abridged"]:
            problems.append(f"{pid}: abridged")
        if s["stated_sections"] != s["sections"] - 1:
            problems.append(f"{pid}: stated sections should exclude 一、总体要求")
        if (
            "、".join(s["issuers_printed"]) not in u["preface"]
            or "经国务院同意" not in u["preface"]
        ):
            problems.append(f"{pid}: issuers")
        for a in plan["agencies"]["actors"]:
            if a["quote"] not in u.get(a["owner"], ""):
                problems.append(f"{pid}: actor quote {a['quote']}")
    assert not problems, "\n".join(problems)


def test_gold_themes_use_the_keyword_list() -> None:
    keywords = set(GOLD.meta["theme_keywords"])
    for plan in GOLD.plans.values():
        sampled = {kw for item in plan["themes_sample"] for kw in item["themes"]}
        assert sampled <= keywords
        assert set(plan["plan_themes_absent"]) <= keywords
        assert not sampled & set(plan["plan_themes_absent"])
        assert all(1 <= item["task"] <= 22 for item in plan["themes_sample"])
        assert 8 <= len(plan["themes_sample"]) <= 12
    assert set(THEME_ALIASES) == keywords


# ============================================================================== scorer tests


def _t(quote: str, value: str | None, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "plan": "p", "quote": quote, "indicator_zh": kw.pop("indicator_zh", quote[:6]),
        "value": value, "unit": "qudt:PERCENT" if value else None, "count_noun": None,
        "comparator": "Exactly" if value else None, "direction": None, "target_year": 2027,
        "base_year": None, "scope": None, "scope_names": [], "aspirational": False,
        "recurrence": None, "owner": "task:6", "certain": True,
    }  # fmt: skip
    base.update(kw)
    if base["scope"] and not base["scope_names"]:
        base["scope_names"] = [base["scope"]]
    return base


def test_scorer_perfect_and_empty() -> None:
    gold = [
        _t("美丽河湖建成率达到44%", "44"),
        _t("美丽海湾建成率达到40%以上", "40", comparator="AtLeast"),
    ]
    score = score_targets(gold, [dict(g) for g in gold])
    assert score.strict == (1.0, 1.0, 1.0)
    empty = score_targets(gold, [])
    assert empty.strict == (0.0, 0.0, 0.0) and len(empty.unmatched_gold) == 2
    assert empty.f1_strict < NUMERIC_F1_BAR


def test_scorer_one_wrong_field_makes_a_target_wrong() -> None:
    gold = [
        _t("美丽河湖建成率达到44%", "44"),
        _t("美丽海湾建成率达到40%以上", "40", comparator="AtLeast"),
    ]
    got = [dict(gold[0]), {**gold[1], "comparator": "Above"}]
    score = score_targets(gold, got)
    assert score.matched == (1.0, 1.0, 1.0)
    assert score.strict_tp == 1 and score.f1_strict == pytest.approx(0.5)
    assert score.f1_strict < NUMERIC_F1_BAR
    assert score.field("comparator")[2] == pytest.approx(0.5)
    assert [bad for _, bad in score.wrong_fields()] == [["comparator"]]


def test_scorer_value_must_match_and_quotes_must_overlap() -> None:
    gold = [_t("美丽河湖建成率达到44%", "44")]
    assert score_targets(gold, [_t("美丽河湖建成率达到44%", "4.4")]).matched[2] == 0.0
    assert (
        score_targets(gold, [_t("国家重点保护野生动植物物种保护率达到44%", "44")]).matched[2] == 0.0
    )
    # a longer quote that contains the gold quote, and a near copy, both match
    assert score_targets(gold, [_t("到2027年,美丽河湖建成率达到44%。", "44")]).strict_tp == 1
    assert score_targets(gold, [_t("美丽河湖建成率达44%", "44")]).strict_tp == 1
    assert quote_overlap("a", "") == 0.0


def test_scorer_splits_distributive_lists_by_value() -> None:
    q = "天津、河北非化石能源消费占比分别较2020年提高7.3、7个百分点左右"
    kw = {"unit": "pg:PercentagePoint", "comparator": "About", "direction": "Increase",
          "base_year": 2020, "owner": "task:2"}  # fmt: skip
    gold = [_t(q, "7.3", scope="天津", **kw), _t(q, "7", scope="河北", **kw)]
    right = [_t(q, "7.0", scope="天津市", **kw), _t(q, "7.3", scope="天津", **kw)]
    right[0]["scope_names"] = ["河北省", "河北"]
    score = score_targets(gold, right)
    assert score.strict_tp == 2
    swapped = [_t(q, "7.3", scope="河北", **kw), _t(q, "7", scope="天津", **kw)]
    assert score_targets(gold, swapped).strict_tp == 0
    one = score_targets(gold, [_t(q, "7.3", scope="天津", **kw)])
    assert one.strict == pytest.approx((1.0, 0.5, 2 / 3))


def test_scorer_prefers_the_better_pair_for_a_shared_quote() -> None:
    q = "重点行业清洁运输比例达到80%以上,沿海主要港口焦炭、铁矿石等集疏港清洁运输比例力争达到80%"
    gold = [
        _t("重点行业清洁运输比例达到80%以上", "80", comparator="AtLeast"),
        _t("沿海主要港口焦炭、铁矿石等集疏港清洁运输比例力争达到80%", "80", aspirational=True),
    ]
    got = [_t(q, "80", aspirational=True), _t(q, "80", comparator="AtLeast")]
    assert score_targets(gold, got).strict_tp == 2


def test_scorer_uncertain_gold_is_neutral() -> None:
    gold = [
        _t("碳排放强度持续下降", None, direction="Decrease", certain=True),
        _t("生态系统更加稳定", None, certain=False),
    ]
    got = [
        _t("碳排放强度持续下降", None, direction="Decrease"),
        _t("生态系统更加稳定", None),
        _t("形成一批样板", None),
    ]
    score = score_targets(gold, got, counted=lambda g: bool(g["certain"]))
    assert (score.n_gold, score.n_extracted, score.strict_tp) == (1, 2, 1)
    assert score.strict == pytest.approx((0.5, 1.0, 2 / 3))


def test_scorer_normalizes_representations() -> None:
    assert norm_unit("ug/m3") == norm_unit("http://qudt.org/vocab/unit/MicroGM-PER-M3")
    assert norm_unit("percentage-point") == "pg:PercentagePoint"
    assert norm_unit("https://w3id.org/plangraph/ontology#Count") == "pg:Count"
    assert norm_term("pg:AtMost") == norm_term("https://w3id.org/plangraph/ontology#AtMost")
    assert norm_recurrence("pg:Annual") == "annual"
    assert values_equal("7", "7.0") and not values_equal("7", None) and values_equal(None, None)
    assert canon_name("北京市") == canon_name("北京") and canon_name("华北地区") == "华北"
    assert canon_name("钱江源-百山祖国家公园") == canon_name("钱江源—百山祖国家公园")
    assert canon_name("滨海新区") != canon_name("滨海")


def test_scorer_places() -> None:
    gold = [
        {"name": "深圳河", "aliases": [], "certain": True},
        {"name": "深圳", "aliases": ["深圳市"], "certain": True},
        {"name": "珠三角", "aliases": ["珠江三角洲"], "certain": True},
        {"name": "黄金内湾", "aliases": [], "certain": False},
    ]
    got = [("深圳河",), ("深圳市",), ("珠江三角洲",), ("黄金内湾",), ("河北省", "河北"), ("渤海",)]
    score = score_places("p", gold, ["渤海"], got)
    assert (score.found, score.n_certain) == (3, 3)
    assert (score.ok, score.n_extracted) == (5, 6)
    assert score.spurious == ["河北省"]
    assert score.precision < PLACE_PRECISION_BAR
    missed = score_places("p", gold, [], [("深圳",)])
    assert missed.recall == pytest.approx(1 / 3) and missed.missing == ["深圳河", "珠三角"]


def test_scorer_themes() -> None:
    assert theme_matches("air", "air-quality")
    assert theme_matches("air", "https://w3id.org/plangraph/id/theme/air")
    assert not theme_matches("air", "ecological-repair")
    assert theme_matches("wetlands", "wetland")
    assert theme_matches("solid-waste", "zero-waste-city")
    assert theme_matches("new-pollutants", "new-pollutant")
    assert not theme_matches("marine", "water")
    assert not theme_matches("migratory-birds", "water")
    assert theme_matches("carbon-market", "carbon-markets")
    sample = [{"task": 5, "themes": ["air", "noise"]}]
    score = score_themes(sample, ["climate-adaptation"], {"5": {"air", "industry"}},
                         {"air", "industry", "climate-adaptation"})  # fmt: skip
    assert (score.gold, score.found, score.extracted, score.relevant) == (2, 1, 2, 1)
    assert score.misses == [" task 5: noise"]
    assert score.absent_violations == [": climate-adaptation ~ climate-adaptation"]


def test_scorer_adapts_model_objects() -> None:
    quote = model.Quote(
        sentence=7, start=10, end=30, text="北京可再生能源消费占比较2020年提高10个百分点左右"
    )
    target = model.Target(
        plan="jjj-2025",
        index=1,
        owner=model.Owner(kind="task", key="2"),
        indicator=model.Indicator(id="renewable-share", label_zh="可再生能源消费占比", label_en=""),
        quote=quote,
        value=Decimal("10"),
        unit="percentage-point",
        comparator="About",
        direction="Increase",
        target_year=2027,
        base_year=2020,
        scope="beijing",
    )
    beijing = model.Place(id="beijing", name="北京市", kind="Province", name_en="Beijing")
    record = target_record(target, {"beijing": beijing})
    gold = [g for g in GOLD.targets(numeric=True) if g["scope"] == "北京"]
    score = score_targets(gold, [record])
    assert score.strict_tp == 1, score.wrong_fields()
    assert owner_label(model.Owner(kind="plan")) == "plan"


def _show(record_property: Callable[[str, object], None], name: str, report: Report) -> None:
    print(f"\n{name.upper().replace('_', ' ')}\n{report.text}")
    record_property(name, report.text)


# ------------------------------------------------------------------------------ round trip


def test_scorer_round_trip_gold_scores_perfectly() -> None:
    extraction = gold_as_extraction(GOLD)
    numeric = numeric_report(extraction, GOLD)
    assert numeric.passed and numeric.figures["f1"] == 1.0, numeric.text
    qualitative = qualitative_report(extraction, GOLD)
    assert qualitative.figures["f1"] == 1.0, qualitative.text
    places = places_report(extraction, GOLD)
    assert places.passed and places.figures == {"recall": 1.0, "precision": 1.0}, places.text
    agencies = agencies_report(extraction, GOLD)
    assert agencies.passed and "missing" not in agencies.text, agencies.text
    assert themes_report(extraction, GOLD).figures["recall"] == 1.0


def test_scorer_round_trip_degraded_fails_the_bar() -> None:
    # two numeric targets dropped and one with a wrong comparator: 31/34 right, F1 < 0.95
    numeric = numeric_report(gold_as_extraction(GOLD, drop_numeric=2, wrong_comparators=1), GOLD)
    assert not numeric.passed, numeric.text
    assert "MISSED" in numeric.text and "comparator: gold=" in numeric.text
    extraction = gold_as_extraction(GOLD)
    first_six = {p.id for p in extraction.places[:6]}  # six certain 京津冀 places
    fewer = model.Extraction(
        places=extraction.places,
        place_mentions=tuple(m for m in extraction.place_mentions if m.target not in first_six),
        agencies=extraction.agencies,
        issued_by=extraction.issued_by[1:],
        approved_by=extraction.approved_by,
    )
    report = places_report(fewer, GOLD)
    assert not report.passed and report.figures["recall"] < PLACE_RECALL_BAR, report.text
    spurious = [
        model.Place(id=f"x{i}", name=f"伪地名{i}", kind="Area", name_en="") for i in range(20)
    ]
    noisy = model.Extraction(
        places=extraction.places + tuple(spurious),
        place_mentions=extraction.place_mentions
        + tuple(
            model.Mention(
                "gba-2025", model.Owner("task", "8"), p.id, extraction.place_mentions[0].quote
            )
            for p in spurious
        ),
    )
    report = places_report(noisy, GOLD)
    assert not report.passed and report.figures["precision"] < PLACE_PRECISION_BAR, report.text
    assert report.figures["recall"] == 1.0 and "伪地名0" in report.text
    agencies = agencies_report(fewer, GOLD)
    assert not agencies.passed and "生态环境部" in agencies.problems[0]


# ============================================================================== the pipeline


def test_structure_is_exact(record_property: Callable[[str, object], None]) -> None:
    plans = {p.id: p for p in _plans()}
    problems: list[str] = []

    def strip_marker(title: str) -> str:
        title = re.sub(r"^[一二三四五六七八九十]+、", "", norm_text(title))
        return re.sub(r"^\([一二三四五六七八九十]+\)", "", title).removesuffix("。")

    rows = []
    for pid, gp in GOLD.plans.items():
        s = gp["structure"]
        plan = plans.get(pid)
        if plan is None:
            problems.append(f"{pid}: plan missing (got {sorted(plans)})")
            continue
        got_tasks = [(t.ordinal, t.section, strip_marker(t.title)) for t in plan.tasks]
        want_tasks = [(t["ordinal"], t["section"], norm_text(t["title"])) for t in s["task_titles"]]
        got_secs = [(x.ordinal, strip_marker(x.title)) for x in plan.sections]
        want_secs = [(x["ordinal"], norm_text(x["title"])) for x in s["section_titles"]]
        checks = {
            "title": (norm_text(plan.title), norm_text(gp["title"])),
            "sections": (len(plan.sections), s["sections"]),
            "tasks": (len(plan.tasks), s["tasks"]),
            "section titles": (got_secs, want_secs),
            "task titles": (got_tasks, want_tasks),
            "stated_sections": (plan.stated_sections, s["stated_sections"]),
            "stated_tasks": (plan.stated_tasks, s["stated_tasks"]),
            "numbering": (plan.numbering, s["numbering"]),
            "abridged": (plan.abridged, s["abridged"]),
            "issuers": (list(plan.issuers), s["issuers_printed"]),
            "approved_by": (plan.approved_by, s["approved_by"]),
        }
        for name, (got, want) in checks.items():
            ok = got == want
            rows.append([pid, name, "ok" if ok else "WRONG"])
            if not ok:
                if isinstance(want, list) and isinstance(got, list):
                    diff = [f"{g!r} != {w!r}" for g, w in zip(got, want, strict=False) if g != w]
                    problems.append(f"{pid} {name}: {len(got)} vs {len(want)}; {diff[:5]}")
                else:
                    problems.append(f"{pid} {name}: got {got!r}, gold {want!r}")
    out = table(["plan", "check", "result"], rows)
    print("\nSTRUCTURE\n" + out)
    record_property("structure", out)
    assert not problems, "\n".join(problems)


def test_numeric_targets(record_property: Callable[[str, object], None]) -> None:
    report = numeric_report(_extraction(), GOLD)
    _show(record_property, "numeric_targets", report)
    assert report.passed, (
        f"numeric targets F1 (all fields right) {report.figures['f1']:.3f} < {NUMERIC_F1_BAR}\n"
        + report.text
    )


def test_qualitative_targets_report(record_property: Callable[[str, object], None]) -> None:
    """Qualitative targets, scored on the certain gold ones only: reported, no bar."""
    report = qualitative_report(_extraction(), GOLD)
    _show(record_property, "qualitative_targets", report)
    assert report.passed


def test_places(record_property: Callable[[str, object], None]) -> None:
    report = places_report(_extraction(), GOLD)
    _show(record_property, "places", report)
    recall, precision = report.figures["recall"], report.figures["precision"]
    assert recall >= PLACE_RECALL_BAR, f"places recall {recall:.3f} < {PLACE_RECALL_BAR}"
    assert precision >= PLACE_PRECISION_BAR, (
        f"places precision {precision:.3f} < {PLACE_PRECISION_BAR}"
    )


def test_agencies(record_property: Callable[[str, object], None]) -> None:
    report = agencies_report(_extraction(), GOLD)
    _show(record_property, "agencies", report)
    assert report.passed, "\n".join(report.problems)


def test_themes_report(record_property: Callable[[str, object], None]) -> None:
    """Themes on the sampled tasks: reported, no bar (theme slugs belong to another engineer)."""
    report = themes_report(_extraction(), GOLD)
    _show(record_property, "themes", report)
    assert report.passed
