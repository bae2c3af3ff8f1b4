"""Score the extractor against the hand-made gold set in ``tests/gold/gold.json``.

The gold set was written by reading the three plans, independently of the extractor and
its data files (see ``tests/gold/README.md``).  This module holds

* checks that the gold file itself agrees with the corpus (quotes, years, task titles …),
* the scorer (pure functions) and tests of the scorer on tiny synthetic cases, so that
  the quality bar can demonstrably fail,
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
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLD_PATH = HERE / "gold" / "gold.json"
CORPUS = ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"

# ------------------------------------------------------------------------------ the bar

NUMERIC_F1_BAR = 0.95
PLACE_RECALL_BAR = 0.95
PLACE_PRECISION_BAR = 0.90
QUOTE_OVERLAP = 0.60  # share of characters for a partial quote overlap

STRICT_FIELDS: tuple[str, ...] = (
    "value",
    "unit",
    "comparator",
    "direction",
    "target_year",
    "base_year",
    "scope",
    "aspirational",
    "recurrence",
    "owner",
)
INFO_FIELDS: tuple[str, ...] = ("count_noun", "indicator")

UNITS = ("qudt:MicroGM-PER-M3", "qudt:PERCENT", "pg:PercentagePoint", "pg:Count")
COMPARATORS = ("AtMost", "Below", "AtLeast", "Above", "Exactly", "About")
DIRECTIONS = ("Increase", "Decrease", "Maintain", "Eliminate")

# Representations of the same unit that the extractor may use (model.py mentions short
# codes, design.md QUDT / pg: names).  Meaning is compared, not spelling.
UNIT_ALIASES: dict[str, str] = {
    "ug/m3": "qudt:MicroGM-PER-M3",
    "μg/m3": "qudt:MicroGM-PER-M3",
    "µg/m3": "qudt:MicroGM-PER-M3",
    "μg/m³": "qudt:MicroGM-PER-M3",
    "微克/立方米": "qudt:MicroGM-PER-M3",
    "unit:MicroGM-PER-M3": "qudt:MicroGM-PER-M3",
    "percent": "qudt:PERCENT",
    "%": "qudt:PERCENT",
    "unit:PERCENT": "qudt:PERCENT",
    "percentage-point": "pg:PercentagePoint",
    "percentage-points": "pg:PercentagePoint",
    "pp": "pg:PercentagePoint",
    "count": "pg:Count",
}

# Gold theme keywords -> slug phrases that also count as that theme.  A keyword matches a
# theme slug when the slug contains the keyword (token-wise) or one of these phrases.
THEME_ALIASES: dict[str, tuple[str, ...]] = {
    "air": ("air", "atmosphere", "atmospheric", "blue-sky", "clean-air"),
    "water": ("water", "clear-water", "river-lake", "rivers-lakes"),
    "marine": ("marine", "ocean", "sea", "coastal", "bay", "bays", "nearshore", "offshore"),
    "soil-groundwater": ("soil", "groundwater", "clean-land", "land-contamination"),
    "solid-waste": ("solid-waste", "waste", "zero-waste", "waste-free", "no-waste"),
    "new-pollutants": ("new-pollutant", "emerging-pollutant", "emerging-contaminant"),
    "noise": ("noise",),
    "biodiversity": ("biodiversity", "species", "wildlife"),
    "migratory-birds": ("migratory-bird", "bird", "flyway", "waterbird"),
    "wetlands": ("wetland", "mangrove"),
    "protected-areas": ("protected-area", "national-park", "nature-reserve"),
    "ecological-restoration": ("restoration", "eco-restoration", "ecological-repair"),
    "climate-adaptation": ("climate-adaptation", "adaptation", "climate-resilience"),
    "energy": ("energy", "renewable", "coal", "electricity", "power"),
    "transport": ("transport", "transportation", "mobility", "vehicle", "freight", "shipping"),
    "industry": ("industry", "industrial", "manufacturing"),
    "carbon-market": ("carbon-market", "carbon-trading", "emissions-trading", "ccer"),
    "green-finance": ("green-finance", "finance", "financing", "climate-finance"),
    "eco-compensation": (
        "eco-compensation",
        "ecological-compensation",
        "compensation",
        "ecosystem-product",
        "ecological-product",
        "eco-product",
    ),
    "law-standards": ("law", "legal", "legislation", "standard", "regulation", "rule-of-law"),
    "science-technology": ("science", "technology", "research", "innovation", "sci-tech"),
    "monitoring-digital": ("monitoring", "digital", "smart", "artificial-intelligence"),
    "risk-emergency": ("risk", "emergency", "hazard"),
    "nuclear-radiation": ("nuclear", "radiation"),
    "environmental-health": ("environmental-health", "health"),
    "beautiful-cities-villages": (
        "beautiful-city",
        "beautiful-cities",
        "beautiful-village",
        "beautiful-villages",
        "urban",
        "rural",
        "village",
        "livable",
    ),
    "regional-coordination": ("regional-coordination", "coordination", "joint-governance"),
    "international-cooperation": ("international", "global", "cross-border", "belt-and-road"),
}

ADMIN_SUFFIXES = ("特别行政区", "壮族自治区", "自治区", "地区", "省", "市")
DASHES = "—–‐‑‒―－-~～"


# ------------------------------------------------------------------------------ gold


@functools.cache
def load_gold() -> dict[str, Any]:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def gold_plans() -> dict[str, dict[str, Any]]:
    return load_gold()["plans"]  # type: ignore[no-any-return]


def gold_targets(*, numeric: bool) -> list[dict[str, Any]]:
    out = []
    for pid, plan in gold_plans().items():
        for t in plan["targets"]:
            if t["numeric"] is numeric:
                out.append({**t, "plan": pid, "scope_names": [t["scope"]] if t["scope"] else []})
    return out


# ------------------------------------------------------------------------------ normalizing


def norm_text(s: str | None) -> str:
    """NFKC, no whitespace, one kind of dash: for comparing quotes and titles."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = "".join(ch for ch in s if not ch.isspace())
    return "".join("—" if ch in DASHES else ch for ch in s)


def canon_name(name: str) -> str:
    """A place or agency name for comparison: 北京市 == 北京, 华北地区 == 华北."""
    s = norm_text(name).replace("“", "").replace("”", "").replace('"', "")
    for suffix in ADMIN_SUFFIXES:
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            return s[: -len(suffix)]
    return s


def names_match(a: Iterable[str], b: Iterable[str]) -> bool:
    ca = {canon_name(x) for x in a if x}
    return any(canon_name(y) in ca for y in b if y)


def _local(term: object) -> str:
    s = str(term).strip()
    for sep in ("#", "/"):
        if sep in s:
            s = s.rsplit(sep, 1)[1]
    if ":" in s:
        s = s.split(":", 1)[1]
    return s


def norm_unit(unit: object) -> str | None:
    if unit is None or unit == "":
        return None
    s = str(unit).strip()
    if s in UNIT_ALIASES:
        return UNIT_ALIASES[s]
    if s.startswith("http://qudt.org/vocab/unit/"):
        return "qudt:" + s.rsplit("/", 1)[1]
    if s.startswith("https://w3id.org/plangraph/ontology#"):
        return "pg:" + s.rsplit("#", 1)[1]
    return UNIT_ALIASES.get(s.lower(), s)


def norm_term(term: object) -> str | None:
    """Comparator / direction: "pg:AtMost", an IRI or "AtMost" -> "AtMost"."""
    if term is None or term == "":
        return None
    return _local(term)


def norm_recurrence(rec: object) -> str | None:
    if rec is None or rec == "":
        return None
    return _local(rec).lower()


def owner_label(owner: Any) -> str:
    """model.Owner -> "plan", "task:17", "section:1", "closing" …"""
    kind = str(owner.kind)
    key = str(getattr(owner, "key", "") or "")
    if kind in ("task", "section"):
        return f"{kind}:{key}"
    return kind


def as_decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def values_equal(a: object, b: object) -> bool:
    da, db = as_decimal(a), as_decimal(b)
    if da is None or db is None:
        return da is None and db is None and (a is None) == (b is None)
    return da == db


# ------------------------------------------------------------------------------ quotes


def quote_overlap(a: str, b: str) -> float:
    """1.0 when one quote contains the other, else the share of matched characters."""
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    matched = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched / max(len(a), len(b))


def text_similarity(a: str | None, b: str | None) -> float:
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# ------------------------------------------------------------------------------ targets


def target_record(t: Any, places: dict[str, Any]) -> dict[str, Any]:
    """A model.Target as a gold-shaped record (scope resolved to place names)."""
    scope_names: list[str] = []
    if t.scope:
        place = places.get(t.scope)
        scope_names = place_names(place) if place is not None else [str(t.scope)]
    indicator = getattr(t.indicator, "label_zh", None) or getattr(t.indicator, "id", None)
    return {
        "plan": t.plan,
        "quote": t.quote.text,
        "indicator_zh": indicator,
        "value": None if t.value is None else str(t.value),
        "unit": norm_unit(t.unit),
        "count_noun": t.count_noun or None,
        "comparator": norm_term(t.comparator),
        "direction": norm_term(t.direction),
        "target_year": None if t.target_year is None else int(t.target_year),
        "base_year": None if t.base_year is None else int(t.base_year),
        "scope": scope_names[0] if scope_names else None,
        "scope_names": scope_names,
        "aspirational": bool(t.aspirational),
        "recurrence": norm_recurrence(t.recurrence),
        "owner": owner_label(t.owner),
    }


def field_ok(name: str, g: dict[str, Any], e: dict[str, Any]) -> bool:
    if name == "value":
        return values_equal(g["value"], e["value"])
    if name == "scope":
        if not g.get("scope"):
            return not e.get("scope")
        return bool(e.get("scope")) and names_match(
            [g["scope"]], e.get("scope_names") or [e["scope"]]
        )
    if name == "indicator":
        return text_similarity(g.get("indicator_zh"), e.get("indicator_zh")) >= 0.5
    if name == "unit":
        return norm_unit(g.get("unit")) == norm_unit(e.get("unit"))
    if name in ("comparator", "direction"):
        return norm_term(g.get(name)) == norm_term(e.get(name))
    if name == "recurrence":
        return norm_recurrence(g.get(name)) == norm_recurrence(e.get(name))
    if name == "aspirational":
        return bool(g.get(name)) == bool(e.get(name))
    return g.get(name) == e.get(name)


Pair = tuple[dict[str, Any], dict[str, Any]]


def match_targets(
    gold: Sequence[dict[str, Any]], extracted: Sequence[dict[str, Any]]
) -> tuple[list[Pair], list[dict[str, Any]], list[dict[str, Any]]]:
    """Pair gold and extracted targets one to one.

    A pair needs the same plan, overlapping quotes (containment, or >= QUOTE_OVERLAP of the
    characters shared) and, for numeric targets, equal values.  Among candidates the best
    pairs are taken first: containment, then more agreeing fields, then indicator
    similarity, then quote overlap.
    """
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for i, g in enumerate(gold):
        for j, e in enumerate(extracted):
            if g["plan"] != e["plan"] or not values_equal(g["value"], e["value"]):
                continue
            overlap = quote_overlap(g["quote"], e["quote"])
            if overlap < QUOTE_OVERLAP:
                continue
            agree = sum(field_ok(f, g, e) for f in STRICT_FIELDS)
            sim = text_similarity(g.get("indicator_zh"), e.get("indicator_zh"))
            key = (1.0 if overlap == 1.0 else 0.0, float(agree), sim, overlap)
            candidates.append((key, i, j))
    candidates.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_g: set[int] = set()
    used_e: set[int] = set()
    pairs: list[Pair] = []
    for _, i, j in candidates:
        if i in used_g or j in used_e:
            continue
        used_g.add(i)
        used_e.add(j)
        pairs.append((gold[i], extracted[j]))
    unmatched_g = [g for i, g in enumerate(gold) if i not in used_g]
    unmatched_e = [e for j, e in enumerate(extracted) if j not in used_e]
    return pairs, unmatched_g, unmatched_e


def prf(tp: int, n_extracted: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_extracted if n_extracted else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class TargetScore:
    n_gold: int
    n_extracted: int
    pairs: list[Pair]
    unmatched_gold: list[dict[str, Any]]
    unmatched_extracted: list[dict[str, Any]]
    field_tp: dict[str, int] = field(default_factory=dict)
    strict_tp: int = 0

    @property
    def matched(self) -> tuple[float, float, float]:
        return prf(len(self.pairs), self.n_extracted, self.n_gold)

    @property
    def strict(self) -> tuple[float, float, float]:
        return prf(self.strict_tp, self.n_extracted, self.n_gold)

    @property
    def f1_strict(self) -> float:
        return self.strict[2]

    def field(self, name: str) -> tuple[float, float, float]:
        return prf(self.field_tp[name], self.n_extracted, self.n_gold)

    def wrong_fields(self) -> list[tuple[Pair, list[str]]]:
        out = []
        for g, e in self.pairs:
            bad = [f for f in STRICT_FIELDS if not field_ok(f, g, e)]
            if bad:
                out.append(((g, e), bad))
        return out


def score_targets(
    gold: Sequence[dict[str, Any]],
    extracted: Sequence[dict[str, Any]],
    counted: Callable[[dict[str, Any]], bool] = lambda g: True,
) -> TargetScore:
    """Score extracted targets against gold ones.

    Gold targets for which ``counted`` is false are neutral: matching them is neither a
    true nor a false positive (used for the uncertain qualitative targets).
    """
    pairs, unmatched_g, unmatched_e = match_targets(gold, extracted)
    counted_pairs = [(g, e) for g, e in pairs if counted(g)]
    neutral = len(pairs) - len(counted_pairs)
    score = TargetScore(
        n_gold=sum(1 for g in gold if counted(g)),
        n_extracted=len(extracted) - neutral,
        pairs=counted_pairs,
        unmatched_gold=[g for g in unmatched_g if counted(g)],
        unmatched_extracted=unmatched_e,
    )
    for name in STRICT_FIELDS + INFO_FIELDS:
        score.field_tp[name] = sum(field_ok(name, g, e) for g, e in counted_pairs)
    score.strict_tp = sum(all(field_ok(f, g, e) for f in STRICT_FIELDS) for g, e in counted_pairs)
    return score


# ------------------------------------------------------------------------------ places


def place_names(place: Any) -> list[str]:
    return [place.name, *getattr(place, "aliases", ())]


def gold_place_names(p: dict[str, Any]) -> list[str]:
    return [p["name"], *p.get("aliases", [])]


@dataclass
class PlaceScore:
    plan: str
    n_certain: int
    found: int
    n_extracted: int
    ok: int
    missing: list[str]
    spurious: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.n_certain if self.n_certain else 0.0

    @property
    def precision(self) -> float:
        return self.ok / self.n_extracted if self.n_extracted else 0.0


def score_places(
    plan: str,
    gold_places: Sequence[dict[str, Any]],
    acceptable_extra: Sequence[str],
    extracted: Sequence[Sequence[str]],
) -> PlaceScore:
    """Recall over the certain gold places; precision over the distinct extracted places.

    ``extracted`` holds, per distinct extracted place, its names (name and aliases).  An
    extracted place is fine if it matches any gold place (certain or not) or an
    ``acceptable_extra`` name.
    """
    certain = [p for p in gold_places if p["certain"]]
    found = [p for p in certain if any(names_match(gold_place_names(p), e) for e in extracted)]
    allowed = [gold_place_names(p) for p in gold_places] + [[x] for x in acceptable_extra]
    ok = [e for e in extracted if any(names_match(a, e) for a in allowed)]
    return PlaceScore(
        plan=plan,
        n_certain=len(certain),
        found=len(found),
        n_extracted=len(extracted),
        ok=len(ok),
        missing=[p["name"] for p in certain if p not in found],
        spurious=[e[0] for e in extracted if e not in ok],
    )


# ------------------------------------------------------------------------------ themes


def _tokens(s: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", s.lower()) if t]


def _token_eq(a: str, b: str) -> bool:
    """Equal tokens, allowing a plural -s / -es (wetland ~ wetlands, market ~ markets)."""
    return a == b or any(a + suffix == b or b + suffix == a for suffix in ("s", "es"))


def _contains_phrase(slug: str, phrase: str) -> bool:
    st, pt = _tokens(slug), _tokens(phrase)
    if not pt:
        return False
    return any(
        all(_token_eq(st[i + k], pt[k]) for k in range(len(pt)))
        for i in range(len(st) - len(pt) + 1)
    )


def theme_matches(keyword: str, slug: str) -> bool:
    """Does an extracted theme slug (or IRI) carry the gold theme keyword?"""
    local = _local(slug)
    return any(_contains_phrase(local, ph) for ph in (keyword, *THEME_ALIASES.get(keyword, ())))


@dataclass
class ThemeScore:
    gold: int = 0
    found: int = 0
    extracted: int = 0
    relevant: int = 0
    misses: list[str] = field(default_factory=list)
    absent_violations: list[str] = field(default_factory=list)


def score_themes(
    sample: Sequence[dict[str, Any]],
    absent: Sequence[str],
    by_task: dict[str, set[str]],
    all_slugs: set[str],
    plan: str = "",
) -> ThemeScore:
    score = ThemeScore()
    for item in sample:
        slugs = by_task.get(str(item["task"]), set())
        score.extracted += len(slugs)
        score.relevant += sum(1 for s in slugs if any(theme_matches(k, s) for k in item["themes"]))
        for kw in item["themes"]:
            score.gold += 1
            if any(theme_matches(kw, s) for s in slugs):
                score.found += 1
            else:
                score.misses.append(f"{plan} task {item['task']}: {kw}")
    for kw in absent:
        for s in sorted(all_slugs):
            if theme_matches(kw, s):
                score.absent_violations.append(f"{plan}: {kw} ~ {s}")
    return score


# ------------------------------------------------------------------------------ agencies


def agency_matches(gold_agency: dict[str, Any], agency: Any) -> bool:
    names = [agency.name, *getattr(agency, "short_names", ())]
    return names_match([gold_agency["name"], gold_agency["printed"]], names)


# ------------------------------------------------------------------------------ tables


def fmt(x: float) -> str:
    return f"{x:.3f}"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table, padded by display width (CJK characters are two columns)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def target_table(kind: str, score: TargetScore) -> str:
    rows: list[list[object]] = []
    p, r, f = score.matched
    rows.append([kind, "matched (quote+value)", fmt(p), fmt(r), fmt(f), len(score.pairs)])
    for name in STRICT_FIELDS + INFO_FIELDS:
        p, r, f = score.field(name)
        label = name if name in STRICT_FIELDS else f"{name} (info)"
        rows.append([kind, label, fmt(p), fmt(r), fmt(f), score.field_tp[name]])
    p, r, f = score.strict
    rows.append([kind, "ALL strict fields", fmt(p), fmt(r), fmt(f), score.strict_tp])
    head = f"{kind}: gold={score.n_gold} extracted={score.n_extracted}"
    return head + "\n" + table(["kind", "field", "P", "R", "F1", "tp"], rows)


def target_details(score: TargetScore) -> str:
    out: list[str] = []
    for g in score.unmatched_gold:
        out.append(f"  MISSED  {g['plan']} {g['owner']}: {g['quote']} [{g['value']}]")
    for e in score.unmatched_extracted:
        out.append(f"  EXTRA   {e['plan']} {e['owner']}: {e['quote']} [{e['value']}]")
    for (g, e), bad in score.wrong_fields():
        diffs = ", ".join(f"{f}: gold={g.get(f)!r} got={e.get(f)!r}" for f in bad)
        out.append(f"  FIELDS  {g['plan']} {g['owner']}: {g['quote']} -> {diffs}")
    return "\n".join(out)


# ------------------------------------------------------------------------------ pipeline


def _ensure_importable() -> None:
    try:
        import plangraph  # noqa: F401
    except ModuleNotFoundError:
        sys.path.insert(0, str(ROOT / "src"))


@functools.cache
def _plans() -> tuple[Any, ...]:
    _ensure_importable()
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


def _extracted_targets(extraction: Any) -> list[dict[str, Any]]:
    places = {p.id: p for p in extraction.places}
    return [target_record(t, places) for t in extraction.targets]


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
    title_to_id = {p["title"]: pid for pid, p in gold_plans().items()}
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
    text = GOLD_PATH.read_text(encoding="utf-8")
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
    for pid, plan in gold_plans().items():
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
    for pid, plan in gold_plans().items():
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
    for pid, plan in gold_plans().items():
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
    for pid, plan in gold_plans().items():
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
    keywords = set(load_gold()["meta"]["theme_keywords"])
    for plan in gold_plans().values():
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
    _ensure_importable()
    from plangraph import model

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
    gold = [g for g in gold_targets(numeric=True) if g["scope"] == "北京"]
    score = score_targets(gold, [record])
    assert score.strict_tp == 1, score.wrong_fields()
    assert owner_label(model.Owner(kind="plan")) == "plan"


# ------------------------------------------------------------------------------ reports
# Pure functions from a model.Extraction to (figures, printable table); the pipeline tests
# below and the round-trip scorer test both use them.


@dataclass
class Report:
    text: str
    passed: bool
    figures: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def numeric_report(extraction: Any) -> Report:
    got = [r for r in _extracted_targets(extraction) if r["value"] is not None]
    gold = gold_targets(numeric=True)
    total = score_targets(gold, got)
    per_plan = []
    for pid in gold_plans():
        s = score_targets(
            [g for g in gold if g["plan"] == pid], [e for e in got if e["plan"] == pid]
        )
        per_plan.append([pid, s.n_gold, s.n_extracted, *map(fmt, s.matched), *map(fmt, s.strict)])
    text = (
        target_table("numeric targets", total)
        + "\n\n"
        + table(
            ["plan", "gold", "got", "P", "R", "F1", "P strict", "R strict", "F1 strict"], per_plan
        )
        + "\n"
        + target_details(total)
    )
    p, r, f = total.strict
    return Report(text, f >= NUMERIC_F1_BAR, {"precision": p, "recall": r, "f1": f})


def qualitative_report(extraction: Any) -> Report:
    got = [r for r in _extracted_targets(extraction) if r["value"] is None]
    gold = gold_targets(numeric=False)
    score = score_targets(gold, got, counted=lambda g: bool(g["certain"]))
    text = target_table("qualitative targets (certain)", score) + "\n" + target_details(score)
    p, r, f = score.strict
    return Report(text, True, {"precision": p, "recall": r, "f1": f})


def places_report(extraction: Any) -> Report:
    places = {p.id: p for p in extraction.places}
    rows: list[list[object]] = []
    scores = []
    mention_rows = []
    for pid, gp in gold_plans().items():
        ids = sorted({m.target for m in extraction.place_mentions if m.plan == pid})
        extracted = [place_names(places[i]) if i in places else [i] for i in ids]
        s = score_places(pid, gp["places"], gp["acceptable_extra"], extracted)
        scores.append(s)
        rows.append(
            [pid, s.n_certain, s.found, fmt(s.recall), s.n_extracted, s.ok, fmt(s.precision)]
        )
        # informational: (place, task) mentions of the certain places
        gold_pairs = {(p["name"], n) for p in gp["places"] if p["certain"] for n in p["tasks"]}
        got_pairs = set()
        for m in extraction.place_mentions:
            if m.plan != pid or m.owner.kind != "task" or m.target not in places:
                continue
            for p in gp["places"]:
                if p["certain"] and names_match(gold_place_names(p), place_names(places[m.target])):
                    got_pairs.add((p["name"], int(m.owner.key)))
        hit = len(gold_pairs & got_pairs)
        mp, mr, mf = prf(hit, len(got_pairs), len(gold_pairs))
        mention_rows.append([pid, len(gold_pairs), len(got_pairs), fmt(mp), fmt(mr), fmt(mf)])
    found = sum(s.found for s in scores)
    n_certain = sum(s.n_certain for s in scores)
    ok = sum(s.ok for s in scores)
    n_extracted = sum(s.n_extracted for s in scores)
    recall = found / n_certain if n_certain else 0.0
    precision = ok / n_extracted if n_extracted else 0.0
    rows.append(["ALL", n_certain, found, fmt(recall), n_extracted, ok, fmt(precision)])
    text = table(["plan", "gold", "found", "R", "got", "ok", "P"], rows)
    for s in scores:
        text += f"\n  {s.plan} missing: {'、'.join(s.missing) or '-'}"
        text += f"; spurious: {'、'.join(s.spurious) or '-'}"
    text += "\n\n(place, task) mentions of certain places (info)\n"
    text += table(["plan", "gold", "got", "P", "R", "F1"], mention_rows)
    passed = recall >= PLACE_RECALL_BAR and precision >= PLACE_PRECISION_BAR
    return Report(text, passed, {"recall": recall, "precision": precision})


def agencies_report(extraction: Any) -> Report:
    agencies = {a.id: a for a in extraction.agencies}
    problems: list[str] = []
    rows: list[list[object]] = []
    for pid, gp in gold_plans().items():
        issuers = [agencies.get(aid) for p, aid in extraction.issued_by if p == pid]
        approvers = [agencies.get(aid) for p, aid in extraction.approved_by if p == pid]
        for g in gp["agencies"]["issuers"]:
            ok = any(a is not None and agency_matches(g, a) for a in issuers)
            rows.append([pid, "issuedBy", g["name"], "ok" if ok else "MISSING"])
            if not ok:
                problems.append(f"{pid}: co-issuer {g['name']} ({g['printed']}) missing")
        for a in issuers:
            if a is None or not any(agency_matches(g, a) for g in gp["agencies"]["issuers"]):
                name = a.name if a is not None else "(unknown id)"
                rows.append([pid, "issuedBy", name, "EXTRA"])
                problems.append(f"{pid}: {name} is not a co-issuer")
        approver = gp["agencies"]["approved_by"]
        gold_approver = {"name": approver, "printed": approver}
        ok = any(a is not None and agency_matches(gold_approver, a) for a in approvers)
        rows.append([pid, "approvedBy", approver, "ok" if ok else "MISSING"])
        if not ok:
            problems.append(f"{pid}: approved_by {approver} missing")
        # informational: the responsibilities (负总责, 牵头)
        for actor in gp["agencies"]["actors"]:
            if actor["responsibility"] not in ("负总责", "牵头"):
                continue
            found = False
            for r in extraction.responsibilities:
                if r.plan != pid:
                    continue
                if r.actor_is_place:
                    names = [place_names(x) for x in extraction.places if x.id == r.actor]
                else:
                    names = [
                        [x.name, *x.short_names] for x in extraction.agencies if x.id == r.actor
                    ]
                found = found or any(names_match([actor["name"]], n) for n in names)
            label = f"responsible {actor['responsibility']} (info)"
            rows.append([pid, label, actor["name"], "ok" if found else "missing"])
    text = table(["plan", "relation", "agency", "result"], rows)
    if problems:
        text += "\n" + "\n".join(problems)
    return Report(text, not problems, problems=problems)


def themes_report(extraction: Any) -> Report:
    rows: list[list[object]] = []
    details: list[str] = []
    gold_n = found_n = 0
    for pid, gp in gold_plans().items():
        by_task: dict[str, set[str]] = {}
        all_slugs: set[str] = set()
        for m in extraction.theme_mentions:
            if m.plan != pid:
                continue
            all_slugs.add(m.target)
            if m.owner.kind == "task":
                by_task.setdefault(str(m.owner.key), set()).add(m.target)
        s = score_themes(gp["themes_sample"], gp["plan_themes_absent"], by_task, all_slugs, pid)
        p = s.relevant / s.extracted if s.extracted else 0.0
        r = s.found / s.gold if s.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        gold_n += s.gold
        found_n += s.found
        row = [pid, s.gold, s.found, fmt(r), s.extracted, s.relevant, fmt(p), fmt(f)]
        rows.append([*row, len(s.absent_violations)])
        details += [f"  missed {x}" for x in s.misses]
        details += [f"  absent theme extracted {x}" for x in s.absent_violations]
    text = table(["plan", "gold", "found", "R", "got", "relevant", "P", "F1", "absent"], rows)
    text += "\n" + "\n".join(details)
    return Report(text, True, {"recall": found_n / gold_n if gold_n else 0.0})


def _show(record_property: Callable[[str, object], None], name: str, report: Report) -> None:
    print(f"\n{name.upper().replace('_', ' ')}\n{report.text}")
    record_property(name, report.text)


# ------------------------------------------------------------------------------ round trip


def gold_as_extraction(drop_numeric: int = 0, wrong_comparators: int = 0) -> Any:
    """The gold set rebuilt as a model.Extraction (optionally degraded), to test the reports."""
    _ensure_importable()
    from plangraph import model

    targets = []
    places: dict[str, Any] = {}
    place_mentions = []
    theme_mentions = []
    agencies: dict[str, Any] = {}
    issued_by = []
    approved_by = []
    responsibilities = []

    def owner(label: str) -> Any:
        kind, _, key = label.partition(":")
        return model.Owner(kind=kind, key=key)  # type: ignore[arg-type]

    def quote(text: str) -> Any:
        return model.Quote(sentence=1, start=0, end=len(text), text=text)

    def place_id(name: str) -> str:
        for p in places.values():
            if p.name == name:
                return str(p.id)
        pid = f"place-{len(places) + 1}"
        places[pid] = model.Place(id=pid, name=name, kind="Area", name_en=name)
        return pid

    def agency_id(name: str, short: tuple[str, ...] = ()) -> str:
        aid = f"agency-{name}"
        agencies[aid] = model.Agency(id=aid, name=name, name_en=name, short_names=short)
        return aid

    numeric_seen = 0
    for pid, gp in gold_plans().items():
        for p in gp["places"]:
            place_id(p["name"])
            for n in p["tasks"]:
                mention = model.Mention(pid, owner(f"task:{n}"), place_id(p["name"]), quote("x"))
                place_mentions.append(mention)
        for i, t in enumerate(gp["targets"], 1):
            if t["numeric"]:
                numeric_seen += 1
                if numeric_seen <= drop_numeric:
                    continue
            comparator = t["comparator"]
            if t["numeric"] and numeric_seen <= drop_numeric + wrong_comparators:
                comparator = "About" if comparator != "About" else "Exactly"
            targets.append(
                model.Target(
                    plan=pid,
                    index=i,
                    owner=owner(t["owner"]),
                    indicator=model.Indicator(id=f"i{i}", label_zh=t["indicator_zh"], label_en=""),
                    quote=quote(t["quote"]),
                    value=None if t["value"] is None else Decimal(t["value"]),
                    unit=t["unit"],
                    count_noun=t["count_noun"],
                    comparator=comparator,
                    direction=t["direction"],
                    target_year=t["target_year"],
                    base_year=t["base_year"],
                    scope=place_id(t["scope"]) if t["scope"] else None,
                    aspirational=t["aspirational"],
                    recurrence=t["recurrence"],
                )
            )
        for g in gp["agencies"]["issuers"]:
            issued_by.append((pid, agency_id(g["name"], (g["printed"],))))
        approved_by.append((pid, agency_id(gp["agencies"]["approved_by"])))
        for a in gp["agencies"]["actors"]:
            if a["responsibility"] in ("负总责", "牵头"):
                is_place = a["name"] == "广东"
                actor = place_id(a["name"]) if is_place else agency_id(a["name"])
                resp = model.Responsibility(pid, owner(a["owner"]), actor, is_place, quote("x"))
                responsibilities.append(resp)
        for item in gp["themes_sample"]:
            for kw in item["themes"]:
                slug = f"https://w3id.org/plangraph/id/theme/{kw}"
                mention = model.Mention(pid, owner(f"task:{item['task']}"), slug, quote("x"))
                theme_mentions.append(mention)
    return model.Extraction(
        targets=tuple(targets),
        places=tuple(places.values()),
        place_mentions=tuple(place_mentions),
        agencies=tuple(agencies.values()),
        responsibilities=tuple(responsibilities),
        theme_mentions=tuple(theme_mentions),
        issued_by=tuple(issued_by),
        approved_by=tuple(approved_by),
    )


def test_scorer_round_trip_gold_scores_perfectly() -> None:
    extraction = gold_as_extraction()
    numeric = numeric_report(extraction)
    assert numeric.passed and numeric.figures["f1"] == 1.0, numeric.text
    qualitative = qualitative_report(extraction)
    assert qualitative.figures["f1"] == 1.0, qualitative.text
    places = places_report(extraction)
    assert places.passed and places.figures == {"recall": 1.0, "precision": 1.0}, places.text
    agencies = agencies_report(extraction)
    assert agencies.passed and "missing" not in agencies.text, agencies.text
    assert themes_report(extraction).figures["recall"] == 1.0


def test_scorer_round_trip_degraded_fails_the_bar() -> None:
    # two numeric targets dropped and one with a wrong comparator: 31/34 right, F1 < 0.95
    numeric = numeric_report(gold_as_extraction(drop_numeric=2, wrong_comparators=1))
    assert not numeric.passed, numeric.text
    assert "MISSED" in numeric.text and "comparator: gold=" in numeric.text
    from plangraph import model

    extraction = gold_as_extraction()
    first_six = {p.id for p in extraction.places[:6]}  # six certain 京津冀 places
    fewer = model.Extraction(
        places=extraction.places,
        place_mentions=tuple(m for m in extraction.place_mentions if m.target not in first_six),
        agencies=extraction.agencies,
        issued_by=extraction.issued_by[1:],
        approved_by=extraction.approved_by,
    )
    report = places_report(fewer)
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
    report = places_report(noisy)
    assert not report.passed and report.figures["precision"] < PLACE_PRECISION_BAR, report.text
    assert report.figures["recall"] == 1.0 and "伪地名0" in report.text
    agencies = agencies_report(fewer)
    assert not agencies.passed and "生态环境部" in agencies.problems[0]


# ============================================================================== the pipeline


def test_structure_is_exact(record_property: Callable[[str, object], None]) -> None:
    plans = {p.id: p for p in _plans()}
    problems: list[str] = []

    def strip_marker(title: str) -> str:
        title = re.sub(r"^[一二三四五六七八九十]+、", "", norm_text(title))
        return re.sub(r"^\([一二三四五六七八九十]+\)", "", title).removesuffix("。")

    rows = []
    for pid, gp in gold_plans().items():
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
    report = numeric_report(_extraction())
    _show(record_property, "numeric_targets", report)
    assert report.passed, (
        f"numeric targets F1 (all fields right) {report.figures['f1']:.3f} < {NUMERIC_F1_BAR}\n"
        + report.text
    )


def test_qualitative_targets_report(record_property: Callable[[str, object], None]) -> None:
    """Qualitative targets, scored on the certain gold ones only: reported, no bar."""
    report = qualitative_report(_extraction())
    _show(record_property, "qualitative_targets", report)
    assert report.passed


def test_places(record_property: Callable[[str, object], None]) -> None:
    report = places_report(_extraction())
    _show(record_property, "places", report)
    recall, precision = report.figures["recall"], report.figures["precision"]
    assert recall >= PLACE_RECALL_BAR, f"places recall {recall:.3f} < {PLACE_RECALL_BAR}"
    assert precision >= PLACE_PRECISION_BAR, (
        f"places precision {precision:.3f} < {PLACE_PRECISION_BAR}"
    )


def test_agencies(record_property: Callable[[str, object], None]) -> None:
    report = agencies_report(_extraction())
    _show(record_property, "agencies", report)
    assert report.passed, "\n".join(report.problems)


def test_themes_report(record_property: Callable[[str, object], None]) -> None:
    """Themes on the sampled tasks: reported, no bar (theme slugs belong to another engineer)."""
    report = themes_report(_extraction())
    _show(record_property, "themes", report)
    assert report.passed
