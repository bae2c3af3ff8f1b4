"""Measure the place extractor on the real plans against gold written by reading.

    python scripts/measure_places.py [SLUG ...] [--plans DIR] [--jieba] [-v]

For each plan with ``tests/realplans/gold/<slug>/places.json`` it reads the text from
``../shared/real-plans/<slug>.txt``, splits it into sentences (。；！？ and line ends) and runs
:func:`plangraph.extract.places.extract_places` on one plan whose area is the gold's first
region name, so the extractor is measured even where the structure reader cannot read a plan.
The found places are scored with the rules of the official scorer
(``../shared/eval/score_plan.py``, ``score_places``): a gold place is found when a name or
alias equals it or contains it with at most 3 more characters; a place found is right when
its name is a gold, cross-region, acceptable or region name (or one of those with a suffix
of at most 3 characters, or without an administrative suffix).

``--jieba`` scores a peer baseline instead: every word jieba tags ``ns`` (place name).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT.parent / "shared" / "real-plans"
GOLD = ROOT / "tests" / "realplans" / "gold"
ADMIN_SUFFIX = {"省", "市", "县", "区", "地区", "自治区", "特别行政区", "新区", "盟", "州"}


def sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"[^。；！？\n]+[。；！？]?", text):
        if m.group().strip():
            out.append((m.start(), m.group()))
    return out


def plangraph_places(text: str, region: str) -> list[tuple[str, list[str]]]:
    sys.path.insert(0, str(ROOT / "src"))
    from plangraph import model
    from plangraph.extract.places import extract_places

    sents = tuple(
        model.Sentence(i + 1, start, start + len(s), s)
        for i, (start, s) in enumerate(sentences(text))
    )
    section = model.Section(1, "", 0, len(text), 1, sents, ())
    plan = model.Plan(
        *("measure", "", region, None, text, "", 1, "continuous", None, None),
        *((section,), None, (), None, None, None, False, None),
    )
    places, mentions = extract_places(plan)
    named = {m.target for m in mentions}
    return [(p.name, [p.name, *p.aliases]) for p in places if p.id in named]


def jieba_places(text: str) -> list[tuple[str, list[str]]]:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    names = sorted({w.word for w in pseg.cut(text) if w.flag == "ns"})
    return [(n, [n]) for n in names]


def score(
    gold: dict[str, object], found: list[tuple[str, list[str]]]
) -> tuple[dict[str, float], list[str]]:
    want: list[str] = gold["places"]["plan"]  # type: ignore[index]
    have = {label for _, labels in found for label in labels}
    canon = {name for name, _ in found}
    notes = [
        f"missing place {p}"
        for p in want
        if not any(p == h or (p in h and len(h) - len(p) <= 3) for h in have)
    ]
    ok_names = (
        set(want)
        | set(gold.get("cross_region", {}).get("plan", []))  # type: ignore[union-attr]
        | set(gold.get("acceptable_places", []))  # type: ignore[arg-type]
        | set(gold.get("region_names", []))  # type: ignore[arg-type]
    )
    ok = 0
    for name in sorted(canon):
        if (
            name in ok_names
            or any(name.startswith(g) and len(name) - len(g) <= 3 for g in ok_names)
            or any(g.startswith(name) and g[len(name) :] in ADMIN_SUFFIX for g in ok_names)
        ):
            ok += 1
        else:
            notes.append(f"place not in gold: {name}")
    missing = sum(n.startswith("missing") for n in notes)
    return {
        "recall": round(1 - missing / len(want), 3) if want else 1.0,
        "precision": round(ok / len(canon), 3) if canon else 1.0,
        "places": len(canon),
        "gold": len(want),
        "found": len(want) - missing,
        "right": ok,
    }, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*")
    parser.add_argument("--jieba", action="store_true", help="score jieba's ns tags instead")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    parser.add_argument("--plans", type=Path, default=PLANS, help="folder of the real plans")
    args = parser.parse_args()
    if not args.plans.is_dir():
        sys.exit(f"{args.plans}: no such folder (the real plans are not here)")
    slugs = args.slugs or sorted(p.name for p in GOLD.iterdir() if (p / "places.json").exists())
    totals = {"gold": 0, "found": 0, "places": 0, "right": 0}
    for slug in slugs:
        gold = json.loads((GOLD / slug / "places.json").read_text(encoding="utf-8"))
        text = (args.plans / f"{slug}.txt").read_text(encoding="utf-8")
        region = gold["region_names"][0] if gold.get("region_names") else ""
        found = jieba_places(text) if args.jieba else plangraph_places(text, region)
        result, notes = score(gold, found)
        for key in totals:
            totals[key] += int(result[key])
        print(
            f"{slug:45} recall {result['recall']:.3f}  precision {result['precision']:.3f}  "
            f"({result['found']}/{result['gold']} gold, "
            f"{result['right']}/{result['places']} right)"
        )
        if args.verbose:
            for note in notes:
                print("   ", note)
    recall = totals["found"] / totals["gold"] if totals["gold"] else 1.0
    precision = totals["right"] / totals["places"] if totals["places"] else 1.0
    print(f"{'all (micro)':45} recall {recall:.3f}  precision {precision:.3f}")


if __name__ == "__main__":
    main()
