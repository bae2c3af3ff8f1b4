"""Score plangraph on the real plans of ``../shared/real-plans`` against gold written by reading.

The gold of one plan lives in ``tests/realplans/gold/<slug>/``: ``structure.json`` (tasks, issuers,
area, number, date), ``places.json`` (places, cross_region, acceptable_places, region_names) and
``targets.json`` (targets, qualitative), each in the schema of ``../shared/eval/README.md``; this
script merges them and runs the project's official scorer (``../shared/eval/score_plan.py``).

    python tests/realplans/score.py [SLUG ...] [--format pdf|txt] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
PLANS = SHARED / "real-plans"
SCORER = SHARED / "eval" / "score_plan.py"
GOLD = Path(__file__).resolve().parent / "gold"
EMPTY = {
    "targets": [],
    "qualitative": [],
    "places": {"plan": []},
    "cross_region": {"plan": []},
    "tasks": [],
    "acceptable_places": [],
    "region_names": [],
}


def merged_gold(slug: str) -> dict[str, object]:
    """The gold of one plan: every part that exists, the empty schema for the rest."""
    gold: dict[str, object] = json.loads(json.dumps(EMPTY))
    for part in ("structure", "places", "targets"):
        path = GOLD / slug / f"{part}.json"
        if path.exists():
            gold.update(json.loads(path.read_text(encoding="utf-8")))
    return gold


def score(slug: str, fmt: str, out: Path) -> str:
    source = PLANS / f"{slug}.{fmt}"
    built = out / slug
    subprocess.run(
        [
            sys.executable,
            "-m",
            "plangraph",
            "build",
            str(source),
            "-o",
            str(built),
            "--no-analysis",
        ],
        check=True,
        capture_output=True,
    )
    gold_file = out / f"{slug}.gold.json"
    gold_file.write_text(json.dumps(merged_gold(slug), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(built / "plangraph.ttl"), str(gold_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*")
    parser.add_argument("--format", default="txt", choices=("txt", "pdf"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    slugs = args.slugs or sorted(p.name for p in GOLD.iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        for slug in slugs:
            print(f"== {slug} ({args.format})")
            print(score(slug, args.format, out))


if __name__ == "__main__":
    main()
