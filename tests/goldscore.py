"""The gold scorer: extracted facts against gold written by reading (pure functions).

A gold file (``tests/gold/gold.json`` for the seed, ``tests/blind/gold.json`` for the blind
plans) holds, per plan, its targets (numeric and qualitative), places, agencies, structure
and a sample of task themes, in the conventions of ``tests/gold/README.md``.  This module

* reads a gold file (:class:`Gold`),
* normalizes the representations a fact may take (units, comparators, place names …),
* pairs gold and extracted targets one to one and scores them field by field
  (:func:`score_targets`; a target counts as right only when every field in
  ``STRICT_FIELDS`` is right), places (:func:`score_places`) and themes
  (:func:`score_themes`), and
* prints the scores as plain-text tables (:func:`table`, :func:`target_table`).

``goldreport`` builds the reports of a whole extraction on it.  Used by ``test_gold.py``
(the seed, and tests of the scorer itself), ``test_blind.py`` and ``test_targets_genre.py``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED_GOLD = HERE / "gold" / "gold.json"


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


@dataclass(frozen=True)
class Gold:
    """A gold file: ``plans`` by plan id, and ``meta``."""

    data: dict[str, Any]

    @classmethod
    def load(cls, path: Path = SEED_GOLD) -> Gold:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @property
    def plans(self) -> dict[str, dict[str, Any]]:
        return self.data["plans"]  # type: ignore[no-any-return]

    @property
    def meta(self) -> dict[str, Any]:
        return self.data.get("meta", {})  # type: ignore[no-any-return]

    def targets(self, *, numeric: bool) -> list[dict[str, Any]]:
        """The numeric (or qualitative) gold targets, each with its plan and scope names."""
        out = []
        for pid, plan in self.plans.items():
            for t in plan["targets"]:
                if t["numeric"] is numeric:
                    scope_names = [t["scope"]] if t["scope"] else []
                    out.append({**t, "plan": pid, "scope_names": scope_names})
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


def extracted_targets(extraction: Any) -> list[dict[str, Any]]:
    """Every target of an extraction as a gold-shaped record."""
    places = {p.id: p for p in extraction.places}
    return [target_record(t, places) for t in extraction.targets]
