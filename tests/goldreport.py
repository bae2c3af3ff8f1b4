"""Reports of an extraction against a gold set, with the project's bar (pure functions).

Each report turns a :class:`plangraph.model.Extraction` and a :class:`goldscore.Gold` into
figures, a pass/fail against the bar of ``goldscore`` and a printable table;
:func:`gold_as_extraction` rebuilds a gold set as an extraction (optionally degraded), so
that a test can show each report passing on the gold and failing below the bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from goldscore import (
    NUMERIC_F1_BAR,
    PLACE_PRECISION_BAR,
    PLACE_RECALL_BAR,
    Gold,
    agency_matches,
    extracted_targets,
    fmt,
    gold_place_names,
    names_match,
    place_names,
    prf,
    score_places,
    score_targets,
    score_themes,
    table,
    target_details,
    target_table,
)

from plangraph import model


@dataclass
class Report:
    text: str
    passed: bool
    figures: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def numeric_report(extraction: Any, gold_set: Gold) -> Report:
    """Numeric targets, every field right, against the project's bar (``NUMERIC_F1_BAR``)."""
    got = [r for r in extracted_targets(extraction) if r["value"] is not None]
    gold = gold_set.targets(numeric=True)
    total = score_targets(gold, got)
    per_plan = []
    for pid in gold_set.plans:
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


def qualitative_report(extraction: Any, gold_set: Gold) -> Report:
    """Qualitative targets, scored on the certain gold ones only: reported, no bar."""
    got = [r for r in extracted_targets(extraction) if r["value"] is None]
    gold = gold_set.targets(numeric=False)
    score = score_targets(gold, got, counted=lambda g: bool(g["certain"]))
    text = target_table("qualitative targets (certain)", score) + "\n" + target_details(score)
    p, r, f = score.strict
    return Report(text, True, {"precision": p, "recall": r, "f1": f})


def places_report(extraction: Any, gold: Gold) -> Report:
    """Places per plan: recall over the certain gold places, precision over the found ones."""
    places = {p.id: p for p in extraction.places}
    rows: list[list[object]] = []
    scores = []
    mention_rows = []
    for pid, gp in gold.plans.items():
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


def agencies_report(extraction: Any, gold: Gold) -> Report:
    """Every co-issuer and the approver of every plan; the lead responsibilities (info)."""
    agencies = {a.id: a for a in extraction.agencies}
    problems: list[str] = []
    rows: list[list[object]] = []
    for pid, gp in gold.plans.items():
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


def themes_report(extraction: Any, gold: Gold) -> Report:
    """Themes on the sampled tasks: reported, no bar."""
    rows: list[list[object]] = []
    details: list[str] = []
    gold_n = found_n = 0
    for pid, gp in gold.plans.items():
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


# ------------------------------------------------------------------------------ round trip


def gold_as_extraction(gold: Gold, drop_numeric: int = 0, wrong_comparators: int = 0) -> Any:
    """The gold set rebuilt as a model.Extraction (optionally degraded), to test the reports."""
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
    for pid, gp in gold.plans.items():
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
