"""Score the crosswalk on pairs of real plans against a reader's gold.

A gold file (``tests/realplans/blind-gold/crosswalk-jiangsu-shandong.json`` and the files
``tests/crosswalk/real-*.json``) names tasks by plan slug, number and printed title; the
number counts the plan's top-level tasks from the first one the reader counted (its
``convention`` says which).  This script builds the two plans of the gold together from
``../shared/real-plans/SLUG.txt`` (``--no-analysis``), runs the crosswalk on them and prints
precision and recall of the same-matter pairs and of any counterpart (same or partial),
with every miss and false pair, within the tasks the reader counted (pairs with a task
outside them, such as two plans' 指导思想, are listed apart).

    python tests/crosswalk/score_real.py [GOLD.json ...]     # default: every real-pair gold
    python tests/crosswalk/score_real.py --quiet              # figures only

Never run it on a pair under blind annotation (see ``tests/realplans/README.md``).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
REAL = next(
    (
        p / "shared" / "real-plans"
        for p in ROOT.parents[:2]
        if (p / "shared" / "real-plans").is_dir()
    ),
    ROOT.parent / "shared" / "real-plans",
)
GOLDS = (
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-jiangsu-shandong.json",
    *sorted(HERE.glob("real-*.json")),
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-ningxia-shanxi.json",
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-bazhong-hohhot.json",
    # the third round's blind pairs (README, "Quality of extraction")
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-guangdong-bazhong.json",
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-ningxia-hohhot.json",
    # the fourth round's blind pairs
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-guangdong-hohhot.json",
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-jiangsu-national.json",
    # the fifth round's blind pairs
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-shandong-national.json",
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-bazhong-shanxi.json",
    # the tenth round's blind pair
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-guangdong-ningxia.json",
    # the eleventh round's blind pair
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-guangdong-shanxi.json",
    # the twelfth round's blind pair
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-shandong-industry.json",
    # the thirteenth round's blind pair
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-jiangsu-industry.json",
    # the fifteenth round's blind pair
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-guangdong-industry.json",
    # the sixteenth round's blind reading of a development pair (a second reader of
    # real-guangdong-jiangsu.json's plans)
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-jiangsu-guangdong.json",
    # the twentieth round's blind pair
    ROOT / "tests" / "realplans" / "blind-gold" / "crosswalk-guangdong-national.json",
)


@dataclass(frozen=True)
class Score:
    name: str
    same: tuple[int, int, int]  # hits, found, gold
    any: tuple[int, int, int]
    misses: tuple[str, ...]
    false: tuple[str, ...]
    outside: tuple[str, ...]

    def figures(self) -> str:
        def pr(t: tuple[int, int, int]) -> str:
            h, f, g = t
            return f"P {h / max(f, 1):.3f} ({h}/{f}) R {h / max(g, 1):.3f} ({h}/{g})"

        return f"{self.name}: same {pr(self.same)}; any {pr(self.any)}"


def gold_tasks(gold: Mapping[str, object]) -> dict[str, dict[int, str]]:
    """slug -> number -> title, from the pairs."""
    out: dict[str, dict[int, str]] = {}
    for pair in gold["pairs"]:  # type: ignore[attr-defined]
        for side in (pair["a"], pair["b"]):
            out.setdefault(side["plan"], {})[side["task"]] = side["title"]
    return out


def _norm(title: str) -> str:
    """A title as plangraph normalizes it: full-width punctuation half-width, no spaces."""
    return unicodedata.normalize("NFKC", title).replace(" ", "")


def task_map(data: object, titles: Mapping[int, str]) -> dict[int, str]:
    """number -> task IRI: the plan's top-level tasks counted from the first known title."""
    titles = {n: _norm(t) for n, t in titles.items()}
    tasks = [  # type: ignore[attr-defined]
        dataclasses.replace(t, label=_norm(t.label)) for t in data.tasks
    ]
    plans = {t.plan for t in tasks if t.label in set(titles.values())}
    plan = max(plans, key=lambda p: sum(t.plan == p and t.label in titles.values() for t in tasks))
    mine = sorted((t for t in tasks if t.plan == plan), key=lambda t: (t.start, -t.end))
    top = [
        t
        for t in mine
        if not any(
            o.start <= t.start
            and t.end <= o.end
            and o is not t
            and (o.start, o.end) != (t.start, t.end)
            for o in mine
        )
    ]
    first = min(titles)
    (k0,) = [k for k, t in enumerate(top) if t.label == titles[first]][:1]
    out = {}
    for n in range(1, max(titles) + 1):
        k = k0 + n - first
        if 0 <= k < len(top):
            out[n] = top[k].iri
    for n, title in titles.items():
        label = next(t.label for t in top if t.iri == out[n])
        if label != title:
            raise SystemExit(f"task {n}: gold title {title!r}, built {label!r}")
    return out


def score(gold_file: Path, crosswalk_fn: object = None) -> Score:
    from plangraph.analysis.crosswalk import analyze_crosswalk
    from plangraph.analysis.project import load
    from plangraph.api import build
    from plangraph.store import load_store

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    titles = gold_tasks(gold)
    slugs = list(dict.fromkeys(s for p in gold["pairs"] for s in (p["a"]["plan"], p["b"]["plan"])))
    with tempfile.TemporaryDirectory() as out:
        path = build([REAL / f"{s}.txt" for s in slugs], out, analysis=False).path
        data = load(load_store(path))
    cw = (crosswalk_fn or analyze_crosswalk)(data)  # type: ignore[operator]
    maps = {s: task_map(data, titles[s]) for s in slugs}
    scope = {iri for m in maps.values() for iri in m.values()}
    label = {t.iri: t.label for t in data.tasks}
    name = {iri: f"{s[:8]} {n} {label[iri]}" for s, m in maps.items() for n, iri in m.items()}

    def gold_set(grade: str | None) -> set[frozenset[str]]:
        return {
            frozenset((maps[p["a"]["plan"]][p["a"]["task"]], maps[p["b"]["plan"]][p["b"]["task"]]))
            for p in gold["pairs"]
            if grade is None or p["grade"] == grade
        }

    found_same, found_any, outside = set(), set(), []
    for x in cw.alignments:
        pair = frozenset((x.a, x.b))
        if not pair <= scope:
            if x.grade == "same":
                outside.append(f"{label[x.a]} ~ {label[x.b]} {x.score:.3f}")
            continue
        found_any.add(pair)
        if x.grade == "same":
            found_same.add(pair)
    by_pair = {frozenset((x.a, x.b)): x for x in cw.alignments}
    gs, ga = gold_set("same"), gold_set(None)

    def show(pair: frozenset[str]) -> str:
        a, b = sorted(pair, key=lambda i: name[i])
        x = by_pair.get(pair)
        got = f"{x.grade} {x.score:.3f} {tuple(round(s, 2) for s in x.signals)}" if x else "none"
        return f"{name[a]} ~ {name[b]}: {got}"

    misses = tuple(sorted(show(p) for p in gs - found_same))
    false = tuple(sorted(show(p) + (" [gold partial]" if p in ga else "") for p in found_same - gs))
    return Score(
        gold_file.stem,
        (len(found_same & gs), len(found_same), len(gs)),
        (len(found_any & ga), len(found_any), len(ga)),
        misses,
        false,
        tuple(outside),
    )


def main(argv: Sequence[str]) -> None:
    quiet = "--quiet" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or list(GOLDS)
    for f in files:
        s = score(f)
        print(s.figures())
        if not quiet:
            for title, rows in (("missed", s.misses), ("false", s.false), ("outside", s.outside)):
                for row in rows:
                    print(f"  {title}: {row}")


if __name__ == "__main__":
    main(sys.argv[1:])
