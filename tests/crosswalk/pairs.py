"""The twenty pairs of plans with a reader's crosswalk gold, built once and kept.

Each pair is built (``--no-analysis``) from ``../shared/real-plans`` (the seed from the
package's own plan) and its :class:`~plangraph.analysis.project.GraphData` is kept under
``$TMPDIR/plangraph-crosswalk-pairs/`` (``--fresh`` or ``PLANGRAPH_FRESH=1`` rebuilds), so
that the scripts of this folder can try decisions in seconds.  The gold of each pair is its
same-matter and partial pairs as sets of task IRIs, and the tasks the reader counted.

The seed is one pair in the folds (its three plans, built together, with 京津冀–长三角 from
``gold-seed.json`` and the two pairs with 粤港澳 from ``gold-heldout-blind.json``).

Never add a pair under blind annotation (``tests/realplans/README.md``).
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from score_real import REAL, gold_tasks, task_map  # noqa: E402

BLIND_GOLD = HERE.parent / "realplans" / "blind-gold"
PLAN = "https://w3id.org/plangraph/id/plan/"
PAIRS = (
    "seed",
    BLIND_GOLD / "crosswalk-jiangsu-shandong.json",
    HERE / "real-guangdong-jiangsu.json",
    BLIND_GOLD / "crosswalk-ningxia-shanxi.json",
    BLIND_GOLD / "crosswalk-bazhong-hohhot.json",
    BLIND_GOLD / "crosswalk-guangdong-bazhong.json",
    BLIND_GOLD / "crosswalk-ningxia-hohhot.json",
    BLIND_GOLD / "crosswalk-guangdong-hohhot.json",
    BLIND_GOLD / "crosswalk-jiangsu-national.json",
    BLIND_GOLD / "crosswalk-shandong-national.json",
    BLIND_GOLD / "crosswalk-bazhong-shanxi.json",
    BLIND_GOLD / "crosswalk-guangdong-shandong.json",
    BLIND_GOLD / "crosswalk-hohhot-shanxi.json",
    BLIND_GOLD / "crosswalk-ningxia-bazhong.json",  # blind in the ninth round
    BLIND_GOLD / "crosswalk-guangdong-ningxia.json",  # blind in the tenth round
    BLIND_GOLD / "crosswalk-guangdong-shanxi.json",  # blind in the eleventh round
    BLIND_GOLD / "crosswalk-shandong-industry.json",  # blind in the twelfth round
    BLIND_GOLD / "crosswalk-jiangsu-industry.json",  # blind in the thirteenth round
    BLIND_GOLD / "crosswalk-guangdong-industry.json",  # blind in the fifteenth round
    BLIND_GOLD / "crosswalk-guangdong-national.json",  # blind in the twentieth round
)
CACHE = Path(tempfile.gettempdir()) / "plangraph-crosswalk-pairs"


@dataclass(frozen=True)
class Pair:
    name: str
    data: object  # GraphData
    same: frozenset[frozenset[str]]
    partial: frozenset[frozenset[str]]
    scope: frozenset[str]  # the tasks the reader counted


def _build(files: list[Path] | None) -> object:
    from plangraph.analysis.project import load
    from plangraph.api import build
    from plangraph.store import load_store

    with tempfile.TemporaryDirectory() as out:
        path = (
            build(files, out, analysis=False).path
            if files
            else build(outdir=out, analysis=False).path
        )
        return load(load_store(path))


def _data(name: str, files: list[Path] | None, fresh: bool) -> object:
    CACHE.mkdir(exist_ok=True)
    kept = CACHE / f"{name}.pickle"
    if kept.exists() and not fresh:
        return pickle.loads(kept.read_bytes())
    data = _build(files)
    kept.write_bytes(pickle.dumps(data))
    return data


def _seed(fresh: bool) -> Pair:
    data = _data("seed", None, fresh)
    grades: dict[frozenset[str], str] = {}
    seed = json.loads((HERE / "gold-seed.json").read_text(encoding="utf-8"))
    for p in seed["pairs"]:
        grades[frozenset((PLAN + p["a"], PLAN + p["b"]))] = p["grade"]
    held = json.loads((HERE / "gold-heldout-blind.json").read_text(encoding="utf-8"))
    for p in held["pairs"]:
        grades[frozenset(f"{PLAN}{s['plan']}/task/{s['task']}" for s in (p["a"], p["b"]))] = p[
            "grade"
        ]
    scope = frozenset(t.iri for t in data.tasks)  # type: ignore[attr-defined]
    return _pair("seed", data, grades, scope)


def _pair(
    name: str, data: object, grades: dict[frozenset[str], str], scope: frozenset[str]
) -> Pair:
    same = frozenset(p for p, g in grades.items() if g == "same")
    partial = frozenset(p for p, g in grades.items() if g != "same")
    return Pair(name, data, same, partial, scope)


def _real(gold_file: Path, fresh: bool) -> Pair:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    titles = gold_tasks(gold)
    slugs = list(dict.fromkeys(s for p in gold["pairs"] for s in (p["a"]["plan"], p["b"]["plan"])))
    data = _data(gold_file.stem, [REAL / f"{s}.txt" for s in slugs], fresh)
    maps = {s: task_map(data, titles[s]) for s in slugs}
    grades = {
        frozenset((maps[p["a"]["plan"]][p["a"]["task"]], maps[p["b"]["plan"]][p["b"]["task"]])): p[
            "grade"
        ]
        for p in gold["pairs"]
    }
    scope = frozenset(iri for m in maps.values() for iri in m.values())
    return _pair(
        gold_file.stem.removeprefix("crosswalk-").removeprefix("real-"), data, grades, scope
    )


def load_pairs(fresh: bool | None = None) -> list[Pair]:
    if fresh is None:
        fresh = "--fresh" in sys.argv or os.environ.get("PLANGRAPH_FRESH") == "1"
    return [_seed(fresh) if p == "seed" else _real(p, fresh) for p in PAIRS]  # type: ignore[arg-type]
