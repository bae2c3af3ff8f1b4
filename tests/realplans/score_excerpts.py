"""Score plangraph on the excerpts of real government texts in ``tests/realplans/excerpts``
(or ``--folder tests/realplans/excerpts2``, the third round's twenty).

Twenty excerpts (700-800 characters each, the opening of a page) of plans, notices and news
reports found among stored public web pages, annotated blind (``index.json`` gives each one's
source, level and kind).  Each is built on its own (``--no-analysis``) and scored with the
official scorer; the figures are pooled over every excerpt, and over those plangraph reads as
a plan (a fragment or a news report without numbered sections is refused as "no recognisable
plan", which counts as nothing found).

    python tests/realplans/score_excerpts.py            # per excerpt, then pooled
    python tests/realplans/score_excerpts.py --folder tests/realplans/excerpts2
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
EXCERPTS = HERE / "excerpts"
ROOT = HERE.parents[1]
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
SCORER = SHARED / "eval" / "score_plan.py"


def score(txt: Path, out: Path) -> dict[str, dict[str, float]] | None:
    built = subprocess.run(
        [*(sys.executable, "-m", "plangraph", "build", str(txt)), "-o", str(out), "--no-analysis"],
        capture_output=True,
        text=True,
    )
    if built.returncode:
        return None
    lines = subprocess.run(
        [sys.executable, str(SCORER), str(out / "plangraph.ttl"), str(txt.with_suffix(".json"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return {
        line.split(None, 1)[0]: json.loads(line.split(None, 1)[1])
        for line in lines
        if line.split(None, 1)[:1] in (["targets"], ["places"])
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=EXCERPTS)
    folder = parser.parse_args().folder
    pools = {"all": [0.0] * 7, "read": [0.0] * 7}
    with tempfile.TemporaryDirectory() as tmp:
        for txt in sorted(folder.glob("[0-9]*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text("utf-8"))
            result = score(txt, Path(tmp) / txt.stem)
            places = sum(len(v) for v in gold.get("places", {}).values())
            commitments = len(gold.get("qualitative", []))
            t = (result or {}).get("targets", {})
            p = (result or {}).get("places", {})
            row = [
                t.get("all_fields_right", 0),
                t.get("numeric_extracted", 0),
                len(gold.get("targets", [])),
                (t.get("qualitative_recall") or 0) * commitments if result else 0,
                commitments,
                (p.get("recall") or 0) * places if result else 0,
                places,
            ]
            for name in ("all", "read") if result else ("all",):
                pools[name] = [a + b for a, b in zip(pools[name], row, strict=True)]
            state = "read" if result else "refused"
            print(
                f"{txt.stem:48} {state:8} numeric {row[0]}/{row[1]}/{row[2]}  "
                f"commitments {row[3]:.0f}/{row[4]}  places {row[5]:.0f}/{row[6]}"
            )
    for name, (right, found, gold, hits, commitments, found_places, places) in pools.items():
        p, r = right / max(found, 1), right / max(gold, 1)
        print(
            f"pooled ({name}): numeric P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"
            f"; commitments recall {hits / max(commitments, 1):.3f}"
            f"; places recall {found_places / max(places, 1):.3f}"
        )


if __name__ == "__main__":
    main()
